/**
 * Laporan (SOP 001 step 2, "memilih menu laporan di aplikasi SIP PPID dan mencetak laporan"): choose
 * the kind, the period (pre-filled for the kind: the last year, semester or month; today for the DIP
 * and DIK as of a date) and the SKPD or the consolidated report; `GET /api/reports/{kind}` shows it
 * on screen (report-parts.tsx ReportView), "Cetak" prints it on A4 landscape, PDF / CSV / XLSX come
 * through a short-lived link, and "Arsipkan" issues it into the archive (`POST /api/reports/archive`,
 * SOP 001 step 3) after the confirmation dialog. The consolidated annual report is issued from its
 * draft on its own page (the narrative PPID Utama writes).
 */
import { useState } from 'preact/hooks';
import { SessionExpired } from '../api.ts';
import { useConfirm } from '../confirm.tsx';
import { useApp } from '../context.ts';
import { formatDate } from '../format.ts';
import { mayCall, pageAvailable } from '../permissions.ts';
import { PrintLetterhead, PrintSignature } from '../print.tsx';
import { ErrorMessage, Field, Loading, PageHeader } from '../ui.tsx';
import { AgencyFilter } from './item-parts.tsx';
import {
  type ArchivedReport,
  AS_OF_KINDS,
  defaultPeriod,
  KIND_NAME,
  openFileInNewTab,
  REPORT_BODY_WIDE,
  REPORT_KINDS,
  type ReportData,
  type ReportKind,
  ReportView,
  useLandscapePrint,
} from './report-parts.tsx';
import { bodyAgencyOf, todayIn } from './request-parts.tsx';

interface Choice {
  kind: ReportKind;
  from: string;
  to: string;
  /** '' = consolidated. */
  agencyId: string;
}

type FileFormat = 'pdf' | 'csv' | 'xlsx';

export function ReportsPage({ query }: { query: URLSearchParams }) {
  const { t, lang, api, me, agencies, agencyName, announce, pick } = useApp();
  useLandscapePrint();
  const confirm = useConfirm();
  const bodyWide = REPORT_BODY_WIDE.includes(me.role);
  const today = todayIn(bodyAgencyOf(agencies)?.timezone);
  const initialKind = (REPORT_KINDS as readonly string[]).includes(query.get('kind') ?? '') ? (query.get('kind') as ReportKind) : 'monthly';
  const [choice, setChoice] = useState<Choice>(() => ({
    kind: initialKind,
    ...defaultPeriod(initialKind, today),
    agencyId: bodyWide ? '' : me.agencyId,
  }));
  const [shown, setShown] = useState<{ choice: Choice; data: ReportData } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'' | FileFormat | 'archive'>('');
  const [archived, setArchived] = useState<ArchivedReport | null>(null);
  const asOf = AS_OF_KINDS.includes(choice.kind);

  const params = (c: Choice) => ({ from: c.from, to: c.to, agencyId: c.agencyId || undefined });

  const show = async () => {
    setLoading(true);
    setError(null);
    setArchived(null);
    const c = { ...choice };
    try {
      const res = await api.get<{ report?: ReportData }>(`/reports/${c.kind}`, { ...params(c), format: 'json' });
      if (res.report) {
        setShown({ choice: c, data: res.report });
        announce(t('rp_shown', { title: pick(res.report.title) }));
      }
    } catch (e) {
      setShown(null);
      if (!(e instanceof SessionExpired)) setError(e);
    } finally {
      setLoading(false);
    }
  };

  const download = async (format: FileFormat) => {
    if (!shown) return;
    setBusy(format);
    setError(null);
    try {
      await openFileInNewTab(async () => {
        const res = await api.get<{ file?: { url: string; fileName: string } }>(`/reports/${shown.choice.kind}`, { ...params(shown.choice), format, lang });
        if (res.file) announce(t('rp_downloaded', { name: res.file.fileName }));
        return res.file?.url;
      });
    } catch (e) {
      if (!(e instanceof SessionExpired)) setError(e);
    } finally {
      setBusy('');
    }
  };

  const archive = (s: NonNullable<typeof shown>) => {
    setBusy('archive');
    setError(null);
    api
      .send<ArchivedReport>('POST', '/reports/archive', {
        kind: s.choice.kind,
        from: s.choice.from,
        to: s.choice.to,
        ...(s.choice.agencyId ? { agencyId: s.choice.agencyId } : {}),
      })
      .then(
        (r) => {
          setArchived(r);
          announce(t('rp_archived', { number: r.number }));
        },
        (e: unknown) => {
          if (!(e instanceof SessionExpired)) setError(e);
        },
      )
      .finally(() => setBusy(''));
  };

  const scopeName = (c: Choice) => (c.agencyId ? agencyName(c.agencyId) : t('rp_consolidated'));
  const annualFromDraft = shown?.choice.kind === 'annual' && !shown.choice.agencyId;
  const mayArchive = mayCall(me.role, 'POST /api/reports/archive') && (bodyWide || !!shown?.choice.agencyId);

  return (
    <div class="reports">
      <PrintLetterhead agencyId={shown?.choice.agencyId || undefined} />
      <PageHeader title={t('nav_reports')} intro={t('rp_intro')}>
        {pageAvailable(me.role, '/reports/archive') && (
          <a class="button secondary" href="#/reports/archive">
            {t('ra_title')}
          </a>
        )}
      </PageHeader>
      <form
        class="filters no-print report-choice"
        onSubmit={(e) => {
          e.preventDefault();
          void show();
        }}
      >
        <Field label={t('rp_kind')} name="kind">
          {(a) => (
            <select
              {...a}
              value={choice.kind}
              onChange={(e) => {
                const kind = e.currentTarget.value as ReportKind;
                setChoice({ ...choice, kind, ...defaultPeriod(kind, today) });
              }}
            >
              {REPORT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(KIND_NAME[k])}
                </option>
              ))}
            </select>
          )}
        </Field>
        {asOf ? (
          <Field label={t('rp_as_of_date')} name="to">
            {(a) => (
              <input {...a} type="date" value={choice.to} onInput={(e) => setChoice({ ...choice, from: e.currentTarget.value, to: e.currentTarget.value })} />
            )}
          </Field>
        ) : (
          <>
            <Field label={t('rp_from')} name="from">
              {(a) => <input {...a} type="date" value={choice.from} onInput={(e) => setChoice({ ...choice, from: e.currentTarget.value })} />}
            </Field>
            <Field label={t('rp_to')} name="to">
              {(a) => <input {...a} type="date" value={choice.to} onInput={(e) => setChoice({ ...choice, to: e.currentTarget.value })} />}
            </Field>
          </>
        )}
        {bodyWide ? (
          <AgencyFilter
            value={choice.agencyId}
            onChange={(_, agencyId) => setChoice({ ...choice, agencyId })}
            label={t('rp_scope')}
            allLabel={t('rp_consolidated')}
          />
        ) : (
          <p class="scope-fixed">
            <strong>{t('f_agency')}:</strong> {agencyName(me.agencyId)}
          </p>
        )}
        <button type="submit" class="primary" disabled={loading}>
          {t('rp_show')}
        </button>
        <p class="filters-note hint">
          {asOf ? t('rp_as_of_hint') : t('rp_period_hint', { from: formatDate(lang, choice.from, false), to: formatDate(lang, choice.to, false) })}
        </p>
      </form>
      <ErrorMessage error={error} />
      {archived && (
        <div class="notice success no-print">
          <p>
            {t('rp_archived_note', { number: archived.number })} <a href="#/reports/archive">{t('rp_open_archive')}</a>
          </p>
        </div>
      )}
      {loading && !shown ? (
        <Loading />
      ) : shown ? (
        <>
          <div class="report-actions no-print">
            <button type="button" class="secondary" onClick={() => window.print()}>
              {t('print')}
            </button>
            {(['pdf', 'csv', 'xlsx'] as const).map((f) => (
              <button key={f} type="button" class="secondary" disabled={!!busy} onClick={() => void download(f)}>
                {busy === f ? t('loading') : t('rp_download', { format: f.toUpperCase() })}
              </button>
            ))}
            {mayArchive &&
              (annualFromDraft ? (
                pageAvailable(me.role, '/reports/annual/:year') && (
                  <a class="button primary" href={`#/reports/annual/${shown.choice.from.slice(0, 4)}`}>
                    {t('rp_annual_draft')}
                  </a>
                )
              ) : (
                <button
                  type="button"
                  class="primary"
                  disabled={!!busy}
                  onClick={() =>
                    confirm.ask({
                      title: t('rp_archive_q', { title: pick(shown.data.title) }),
                      what: t('rp_archive_what', {
                        title: pick(shown.data.title),
                        scope: scopeName(shown.choice),
                        period: pick(shown.data.periodText),
                      }),
                      note: t('rp_archive_note'),
                      yes: t('rp_archive_yes'),
                      onYes: () => archive(shown),
                    })
                  }
                >
                  {busy === 'archive' ? t('loading') : t('rp_archive')}
                </button>
              ))}
          </div>
          <p class="hint no-print">{t('rp_new_tab_note')}</p>
          {loading && <Loading />}
          <ReportView data={shown.data} />
          <PrintSignature agencyId={shown.choice.agencyId || undefined} />
        </>
      ) : null}
      {confirm.dialog}
    </div>
  );
}
