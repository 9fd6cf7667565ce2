/**
 * Arsip laporan (SOP 001 step 3, "mendokumentasikan laporan dalam bentuk hardfile"): the issued
 * reports, newest period first (`GET /api/reports/archive`), each with its number, kind, period and
 * issue time in words, SKPD, who issued it, and its files (PDF, CSV, XLSX, JSON) with their SHA-256
 * (shortened; the full value in the title and copied by a button), downloaded through a short-lived
 * link to the bytes as issued (`GET /api/reports/archive/{reportId}/files/{format}`).
 *
 * And the annual report of a year (`#/reports/annual/:year`, Perki 1/2021 Pasal 56): PPID Utama
 * writes its narrative parts (saved with the draft's version: a newer one on the server is a 409 and
 * the page says to reload), issues it into the archive and approves it (both confirmed in the
 * dialog); once approved it is public information on the register (UU 14/2008 Pasal 11(1) h).
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, SessionExpired } from '../api.ts';
import { useConfirm } from '../confirm.tsx';
import { useApp } from '../context.ts';
import { formatBytes, formatDate, formatDateTime } from '../format.ts';
import type { MessageKey } from '../i18n.ts';
import { mayCall, pageAvailable } from '../permissions.ts';
import type { Page } from '../types.ts';
import { ErrorMessage, Field, Loading, PageHeader, useLoad, usePaged } from '../ui.tsx';
import { AgencyFilter } from './item-parts.tsx';
import { FilterForm, filterQuery, PagedTable, queryFilters, useFilterDraft, YearFilter } from './list-parts.tsx';
import {
  type AnnualDraft,
  ARCHIVE_KINDS,
  type ArchivedFormat,
  type ArchivedReport,
  formatLabel,
  KIND_NAME,
  openFileInNewTab,
  REPORT_BODY_WIDE,
  type ReportData,
  ReportView,
  useLandscapePrint,
} from './report-parts.tsx';
import { bodyAgencyOf, todayIn } from './request-parts.tsx';

const FILTERS = ['kind', 'year', 'agencyId'] as const;

/** Opens an archived file through its short-lived link. */
function useArchivedFile() {
  const { api, t, announce } = useApp();
  const [error, setError] = useState<unknown>(null);
  const open = async (r: ArchivedReport, format: ArchivedFormat) => {
    setError(null);
    try {
      await openFileInNewTab(async () => {
        const link = await api.get<{ url: string; fileName: string }>(`/reports/archive/${encodeURIComponent(r.reportId)}/files/${format}`);
        announce(t('rp_downloaded', { name: link.fileName }));
        return link.url;
      });
    } catch (e) {
      if (!(e instanceof SessionExpired)) setError(e);
    }
  };
  return { open, error };
}

/** A SHA-256 shortened, the whole value in its title and copied by the button. */
function Sha({ value, what }: { value: string; what: string }) {
  const { t, announce } = useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      announce(t('ra_sha_copied', { what }));
    } catch {
      announce(t('ra_sha_copy_failed'), 'error');
    }
  };
  return (
    <span class="sha">
      <abbr title={value}>SHA-256</abbr>{' '}
      <code title={value} data-sha256={value}>
        {value.slice(0, 12)}…
      </code>{' '}
      <button type="button" class="link no-print" aria-label={t('ra_sha_copy_label', { what })} onClick={() => void copy()}>
        {t('ra_sha_copy')}
      </button>
    </span>
  );
}

/** A download button's text: the format shown, "Unduh … <number>" for screen readers ("Unduh PDF LAP/2026/0001"). */
function DownloadName({ number, format }: { number: string; format: ArchivedFormat }) {
  const { t } = useApp();
  return (
    <>
      <span class="visually-hidden">{t('ra_download_before')} </span>
      {formatLabel[format]}
      <span class="visually-hidden"> {number}</span>
    </>
  );
}

/** Who issued a report, in words. */
function IssuedBy({ r }: { r: ArchivedReport }) {
  const { t } = useApp();
  if (r.issuedBy.role === 'system') return <>{t('ra_by_schedule')}</>;
  return (
    <>
      {r.issuedBy.name}
      <span class="sub-line">{t(`role_${r.issuedBy.role}` as MessageKey)}</span>
    </>
  );
}

export function ReportArchivePage({ query }: { query: URLSearchParams }) {
  const { t, lang, api, me, agencies, go, pick } = useApp();
  useLandscapePrint();
  const bodyWide = REPORT_BODY_WIDE.includes(me.role);
  const zone = bodyAgencyOf(agencies)?.timezone;
  const filter = queryFilters(FILTERS, query);
  const key = filterQuery(FILTERS, filter);
  const { draft, set } = useFilterDraft(filter, key);
  const paged = usePaged(
    (cursor) =>
      api.get<Page<ArchivedReport>>('/reports/archive', {
        kind: filter.kind || undefined,
        year: filter.year || undefined,
        agencyId: bodyWide ? filter.agencyId || undefined : undefined,
        cursor,
        limit: '25',
      }),
    [api, key],
  );
  const file = useArchivedFile();
  const lastYear = String(Number(todayIn(zone).slice(0, 4)) - 1);

  return (
    <div class="report-archive">
      <p class="breadcrumb no-print">
        <a href="#/reports">{t('nav_reports')}</a>
      </p>
      <PageHeader title={t('ra_title')} intro={t('ra_intro')}>
        {pageAvailable(me.role, '/reports/annual/:year') && (
          <a class="button secondary" href={`#/reports/annual/${lastYear}`}>
            {t('an_title', { year: lastYear })}
          </a>
        )}
      </PageHeader>
      <FilterForm onSubmit={() => go(`/reports/archive?${filterQuery(FILTERS, draft) || 'all=1'}`)}>
        <Field label={t('rp_kind')} name="kind">
          {(a) => (
            <select {...a} value={draft.kind} onChange={(e) => set('kind', e.currentTarget.value)}>
              <option value="">{t('ra_all_kinds')}</option>
              {ARCHIVE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(KIND_NAME[k])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <YearFilter value={draft.year} onChange={(v) => set('year', v)} hint={t('ra_year_hint')} />
        {bodyWide && <AgencyFilter value={draft.agencyId} onChange={(_, v) => set('agencyId', v)} allLabel={t('ra_all_scopes')} />}
      </FilterForm>
      <ErrorMessage error={file.error} />
      <PagedTable
        paged={paged}
        class="archive-table"
        caption={
          <>
            {t('ra_caption')}
            {filter.kind ? ` · ${t(KIND_NAME[filter.kind as keyof typeof KIND_NAME] ?? 'ra_all_kinds')}` : ''}
            {filter.year ? ` · ${filter.year}` : ''} · {t('shown_count', { n: paged.items.length })}
          </>
        }
        head={
          <>
            <th scope="col">{t('col_number')}</th>
            <th scope="col">{t('rp_kind')}</th>
            <th scope="col">{t('rp_period')}</th>
            <th scope="col">{t('f_agency')}</th>
            <th scope="col">{t('ra_col_issued')}</th>
            <th scope="col">{t('ra_col_files')}</th>
          </>
        }
        columns={6}
      >
        {paged.items.map((r) => (
          <tr key={r.reportId}>
            <th scope="row" class="nowrap">
              {r.number}
              {r.approved && <span class="badge ok">{t('an_state_approved')}</span>}
            </th>
            <td>{t(KIND_NAME[r.kind])}</td>
            <td>
              {pick(r.periodText)}
              <span class="sub-line">{t('ra_as_of', { at: pick(r.asOfText) })}</span>
            </td>
            <td>{r.agencyName ?? t('rp_consolidated')}</td>
            <td>
              <time dateTime={r.issuedAt}>{formatDateTime(lang, r.issuedAt, zone, true)}</time>
              <span class="sub-line">
                <IssuedBy r={r} />
              </span>
            </td>
            <td>
              <ul class="file-links archive-files">
                {r.files.map((f) => (
                  <li key={f.format}>
                    <button type="button" class="link" onClick={() => void file.open(r, f.format)}>
                      <DownloadName number={r.number} format={f.format} />
                    </button>{' '}
                    <span class="muted">({formatBytes(lang, f.size)})</span> <Sha value={f.sha256} what={`${formatLabel[f.format]} ${r.number}`} />
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </PagedTable>
    </div>
  );
}

// ─── the annual report ───────────────────────────────────────────────────────────────────────────

const NARRATIVE: { key: keyof AnnualDraft['narrative']; label: MessageKey; hint: MessageKey }[] = [
  { key: 'policy', label: 'an_policy', hint: 'an_policy_hint' },
  { key: 'facilities', label: 'an_facilities', hint: 'an_facilities_hint' },
  { key: 'staff', label: 'an_staff', hint: 'an_staff_hint' },
  { key: 'budget', label: 'an_budget', hint: 'an_budget_hint' },
  { key: 'obstacles', label: 'an_obstacles', hint: 'an_obstacles_hint' },
  { key: 'recommendations', label: 'an_recommendations', hint: 'an_recommendations_hint' },
];

const STATE_NAME: Record<AnnualDraft['state'], MessageKey> = { draft: 'an_state_draft', issued: 'an_state_issued', approved: 'an_state_approved' };

interface AnnualView {
  draft: AnnualDraft;
  data: ReportData;
}

export function AnnualReportPage({ year }: { year: string }) {
  const { t, lang, api, me, agencies, announce, pick } = useApp();
  const zone = bodyAgencyOf(agencies)?.timezone;
  const confirm = useConfirm();
  const loaded = useLoad(() => api.get<AnnualView>(`/reports/annual/${encodeURIComponent(year)}`), [api, year]);
  const view = loaded.data;
  const issuedId = view?.draft.issued?.reportId;
  const issued = useLoad(
    () => (issuedId ? api.get<ArchivedReport>(`/reports/archive/${encodeURIComponent(issuedId)}`) : Promise.resolve(undefined)),
    [api, issuedId],
  );
  const body = useLoad(() => api.get<{ registerUrl?: string }>('/settings/public-body'), [api]);
  const [narrative, setNarrative] = useState<AnnualDraft['narrative'] | null>(null);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState<'' | 'save' | 'issue' | 'approve'>('');
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const file = useArchivedFile();
  useEffect(() => {
    if (!view) return;
    setNarrative(view.draft.narrative);
    setVersion(view.draft.version);
    setConflict(false);
  }, [view]);

  const mayWrite = mayCall(me.role, 'PUT /api/reports/annual/{year}');
  const mayIssue = mayCall(me.role, 'POST /api/reports/annual/{year}/issue');
  const mayApprove = mayCall(me.role, 'POST /api/reports/annual/{year}/approve');
  const title = t('an_title', { year });
  const n = Number(year);

  const act = async (what: 'save' | 'issue' | 'approve', fn: () => Promise<string>) => {
    setBusy(what);
    setError(null);
    try {
      announce(await fn());
    } catch (e) {
      if (e instanceof SessionExpired) return;
      if (e instanceof ApiError && e.status === 409) setConflict(true);
      setError(e);
    } finally {
      setBusy('');
    }
  };

  const save = () =>
    act('save', async () => {
      const draft = await api.send<AnnualDraft>('PUT', `/reports/annual/${year}`, { narrative, version });
      setVersion(draft.version);
      loaded.setData(view ? { ...view, draft } : view);
      return t('an_saved', { year });
    });
  const issue = () =>
    act('issue', async () => {
      const res = await api.send<{ draft: AnnualDraft; report: ArchivedReport }>('POST', `/reports/annual/${year}/issue`, { version });
      loaded.reload();
      return t('an_issued_msg', { number: res.report.number });
    });
  const approve = () =>
    act('approve', async () => {
      const res = await api.send<{ draft: AnnualDraft; report: ArchivedReport }>('POST', `/reports/annual/${year}/approve`, { version });
      loaded.reload();
      return t('an_approved_msg', { number: res.report.number });
    });

  const dirty = !!view && !!narrative && NARRATIVE.some((f) => narrative[f.key] !== view.draft.narrative[f.key]);
  const registerBase = (body.data?.registerUrl ?? location.origin).replace(/\/$/, '');

  return (
    <div class="annual-report">
      <p class="breadcrumb no-print">
        <a href="#/reports/archive">{t('ra_title')}</a>
      </p>
      <PageHeader title={title} intro={t('an_intro')} />
      <nav class="year-nav no-print" aria-label={t('an_years')}>
        <a href={`#/reports/annual/${n - 1}`}>{t('an_title', { year: n - 1 })}</a>
        {n < Number(todayIn(zone).slice(0, 4)) && <a href={`#/reports/annual/${n + 1}`}>{t('an_title', { year: n + 1 })}</a>}
      </nav>
      <ErrorMessage error={loaded.error} />
      {loaded.loading && !view ? (
        <Loading />
      ) : view && narrative ? (
        <>
          <section class="panel" aria-labelledby="an-state-h">
            <h2 id="an-state-h">{t('an_state_title')}</h2>
            <dl class="facts">
              <dt>{t('an_state')}</dt>
              <dd>
                <span class={view.draft.state === 'approved' ? 'badge ok' : 'badge off'}>{t(STATE_NAME[view.draft.state])}</span>
              </dd>
              <dt>{t('an_due')}</dt>
              <dd>{formatDate(lang, view.draft.dueOn)}</dd>
              {view.draft.version > 0 && (
                <>
                  <dt>{t('an_updated')}</dt>
                  <dd>{formatDateTime(lang, view.draft.updatedAt, zone, true)}</dd>
                </>
              )}
              {view.draft.issued && (
                <>
                  <dt>{t('an_issued')}</dt>
                  <dd>
                    {t('an_issued_text', { number: view.draft.issued.number, at: formatDateTime(lang, view.draft.issued.at, zone, true) })}
                    {issued.data && (
                      <span class="sub-line">
                        {t('an_issued_by', { name: issued.data.issuedBy.name })}{' '}
                        {issued.data.files.map((f) => (
                          <button key={f.format} type="button" class="link" onClick={() => void file.open(issued.data!, f.format)}>
                            <DownloadName number={issued.data!.number} format={f.format} />
                          </button>
                        ))}
                      </span>
                    )}
                  </dd>
                </>
              )}
              {view.draft.approved && (
                <>
                  <dt>{t('an_approved')}</dt>
                  <dd>
                    {t('an_approved_text', { name: view.draft.approved.name, at: formatDateTime(lang, view.draft.approved.at, zone, true) })}
                    <span class="sub-line">
                      <a href={`${registerBase}/laporan/`}>{t('an_public_link')}</a>
                    </span>
                  </dd>
                </>
              )}
            </dl>
            <ErrorMessage error={file.error} />
          </section>

          {conflict && (
            <div class="notice danger" role="alert">
              <p>{t('an_conflict')}</p>
              <button type="button" class="secondary" onClick={() => loaded.reload()}>
                {t('an_reload')}
              </button>
            </div>
          )}
          {!conflict && <ErrorMessage error={error} />}

          <form
            class="panel form-panel no-print"
            aria-labelledby="an-form-h"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <h2 id="an-form-h">{t('an_narrative_title')}</h2>
            <p class="hint">{t(mayWrite ? 'an_narrative_intro' : 'an_narrative_readonly')}</p>
            {NARRATIVE.map((f) => (
              <Field key={f.key} label={t(f.label)} name={`narrative.${f.key}`} hint={t(f.hint)}>
                {(a) => (
                  <textarea
                    {...a}
                    rows={5}
                    maxLength={20_000}
                    readOnly={!mayWrite || view.draft.state === 'approved'}
                    value={narrative[f.key]}
                    onInput={(e) => setNarrative({ ...narrative, [f.key]: e.currentTarget.value })}
                  />
                )}
              </Field>
            ))}
            <div class="form-actions">
              {mayWrite && view.draft.state !== 'approved' && (
                <button type="submit" class="primary" disabled={!!busy || !dirty}>
                  {busy === 'save' ? t('loading') : t('an_save')}
                </button>
              )}
              {mayIssue && view.draft.state !== 'approved' && (
                <button
                  type="button"
                  class="secondary"
                  disabled={!!busy || dirty || view.draft.version === 0}
                  onClick={() =>
                    confirm.ask({
                      title: t('an_issue_q', { year }),
                      what: t('an_issue_what', { year }),
                      note: view.draft.issued ? t('an_issue_again_note', { number: view.draft.issued.number }) : undefined,
                      yes: t('an_issue_yes'),
                      onYes: () => void issue(),
                    })
                  }
                >
                  {busy === 'issue' ? t('loading') : t('an_issue')}
                </button>
              )}
              {mayApprove && view.draft.state === 'issued' && view.draft.issued && (
                <button
                  type="button"
                  class="primary"
                  disabled={!!busy || dirty}
                  onClick={() =>
                    confirm.ask({
                      title: t('an_approve_q', { number: view.draft.issued!.number }),
                      what: t('an_approve_what', { number: view.draft.issued!.number, year }),
                      note: t('an_approve_note'),
                      yes: t('an_approve_yes'),
                      onYes: () => void approve(),
                    })
                  }
                >
                  {busy === 'approve' ? t('loading') : t('an_approve')}
                </button>
              )}
            </div>
            {dirty && <p class="hint">{t('an_unsaved')}</p>}
          </form>

          <section aria-labelledby="an-preview-h">
            <h2 id="an-preview-h" class="no-print">
              {t('an_preview')}
            </h2>
            <p class="hint no-print">{t('an_preview_hint', { at: pick(view.data.asOfText) })}</p>
            <ReportView data={view.data} />
          </section>
        </>
      ) : null}
      {confirm.dialog}
    </div>
  );
}
