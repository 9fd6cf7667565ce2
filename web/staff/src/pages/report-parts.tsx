/**
 * What the dashboard, the report menu, the archive and the annual report pages share (SOP 001): the
 * shapes the API answers (type-only imports of the server's own types, so the two cannot drift), the
 * report kinds by their Indonesian names, the generic renderer of one `ReportData` (sections with
 * headings, paragraphs, figures as a definition list, tables with captions and totals), and the
 * A4-landscape print switch.
 */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { AnnualDraft } from '../../../../functions/core/reports/annual.ts';
import type { reportView } from '../../../../functions/core/reports/archive.ts';
import type { Dashboard } from '../../../../functions/core/reports/dashboard.ts';
import type { Cell, ReportData, ReportKind, ReportSection, ReportTable } from '../../../../functions/core/reports/model.ts';
import { useApp } from '../context.ts';
import type { MessageKey } from '../i18n.ts';
import type { Lang, Role } from '../types.ts';

export type { AnnualDraft, Cell, Dashboard, ReportData, ReportKind };
export type DashboardRow = Dashboard['rows'][number];
export type ArchivedReport = ReturnType<typeof reportView>;
export type ArchivedFormat = ArchivedReport['files'][number]['format'];

/** functions/core/reports/model.ts REPORT_KINDS, in the menu's order (the bundle takes no server code). */
export const REPORT_KINDS = [
  'annual',
  'semester',
  'monthly',
  'requests_register',
  'objections_register',
  'sop_compliance',
  'dip',
  'dik',
] as const satisfies readonly ReportKind[];

/** The archive's kinds: the menu's, and the documentation cycles' closing summaries (SOP 004). */
export const ARCHIVE_KINDS = [...REPORT_KINDS, 'documentation_cycle'] as const satisfies readonly ReportKind[];

/** Every kind by its name (a kind missing here fails the type check). */
export const KIND_NAME: Record<ReportKind, MessageKey> = {
  annual: 'rp_kind_annual',
  semester: 'rp_kind_semester',
  monthly: 'rp_kind_monthly',
  requests_register: 'rp_kind_requests_register',
  objections_register: 'rp_kind_objections_register',
  sop_compliance: 'rp_kind_sop_compliance',
  dip: 'rp_kind_dip',
  dik: 'rp_kind_dik',
  documentation_cycle: 'rp_kind_documentation_cycle',
};

/** The kinds that describe the state on one date (DIP, DIK): the period is that date (`to`). */
export const AS_OF_KINDS: readonly ReportKind[] = ['dip', 'dik'];

/** The dashboard's roles (functions/core/reports/dashboard.ts): these see every SKPD's row. */
export const DASHBOARD_BODY_WIDE: readonly Role[] = ['ppid_utama', 'admin', 'atasan_ppid'];
/** Who reads every SKPD's reports and the consolidated ones (functions/core/reports/archive.ts). */
export const REPORT_BODY_WIDE: readonly Role[] = ['ppid_utama', 'admin', 'atasan_ppid'];

/** While the page is shown, printing uses A4 landscape (app.css `body.print-landscape`). */
export function useLandscapePrint() {
  useEffect(() => {
    document.body.classList.add('print-landscape');
    return () => document.body.classList.remove('print-landscape');
  }, []);
}

export const formatNumber = (lang: Lang, n: number) => new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB').format(n);
export const formatShare = (lang: Lang, share: number) =>
  new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(share);

const ymd = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The sensible default period of a kind, from today (YYYY-MM-DD): the last year, semester or month; today for DIP and DIK. */
export function defaultPeriod(kind: ReportKind, today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  if (kind === 'annual') return { from: ymd(y - 1, 1, 1), to: ymd(y - 1, 12, 31) };
  if (kind === 'semester') return m <= 6 ? { from: ymd(y - 1, 7, 1), to: ymd(y - 1, 12, 31) } : { from: ymd(y, 1, 1), to: ymd(y, 6, 30) };
  if (AS_OF_KINDS.includes(kind)) return { from: today, to: today };
  const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  return { from: ymd(py, pm, 1), to: ymd(py, pm, lastDayOf(py, pm)) };
}

function CellText({ value }: { value: Cell }) {
  const { lang } = useApp();
  if (value === null || value === '') return <>—</>;
  if (typeof value === 'number') return <>{formatNumber(lang, value)}</>;
  return <>{value}</>;
}

/**
 * A table's frame that scrolls sideways when the table is wider than the screen: a region named by
 * the table's caption that keyboard users can focus and scroll with the arrow keys.
 */
export function ScrollBox({ captionId, class: extra, children }: { captionId: string; class?: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to be scrolled (WCAG 2.1.1)
    <section class={extra ? `table-wrap ${extra}` : 'table-wrap'} aria-labelledby={captionId} tabIndex={0}>
      {children}
    </section>
  );
}

function Table({ table, sectionKey }: { table: ReportTable; sectionKey: string }) {
  const { t, pick } = useApp();
  const captionId = `rt-${sectionKey}-${table.key}`;
  return (
    <ScrollBox captionId={captionId}>
      <table class="report-table">
        <caption id={captionId}>{pick(table.caption)}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" class={c.numeric ? 'num' : undefined}>
                {pick(c.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 && (
            <tr>
              <td colSpan={table.columns.length}>{t('empty')}</td>
            </tr>
          )}
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((v, j) => (
                <td key={j} class={table.columns[j]?.numeric ? 'num' : undefined}>
                  <CellText value={v} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {table.total && (
          <tfoot>
            <tr>
              {table.total.map((v, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    <CellText value={v} />
                  </th>
                ) : (
                  <td key={j} class={table.columns[j]?.numeric ? 'num' : undefined}>
                    <CellText value={v} />
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        )}
      </table>
    </ScrollBox>
  );
}

function Section({ section }: { section: ReportSection }) {
  const { pick } = useApp();
  const id = `rs-${section.key}`;
  return (
    <section class="report-section" aria-labelledby={id}>
      <h3 id={id}>{pick(section.heading)}</h3>
      {section.paragraphs?.map((p, i) => (
        <p key={i} class="report-paragraph">
          {p}
        </p>
      ))}
      {section.figures && section.figures.length > 0 && (
        <dl class="facts report-figures">
          {section.figures.map((f) => (
            <div key={f.key} class="figure">
              <dt>{pick(f.label)}</dt>
              <dd>
                <CellText value={f.value} />
                {f.note && <span class="sub-line">{pick(f.note)}</span>}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {section.tables?.map((tb) => (
        <Table key={tb.key} table={tb} sectionKey={section.key} />
      ))}
    </section>
  );
}

/**
 * One report as the API built it: its title, the body and SKPD, the period and the as-of time in
 * words, then every section. The same value the PDF, CSV and XLSX are made from.
 */
export function ReportView({ data }: { data: ReportData }) {
  const { t, pick } = useApp();
  return (
    <article class="report" aria-labelledby="report-title">
      <header class="report-head">
        <h2 id="report-title">{pick(data.title)}</h2>
        <p>
          {data.body}
          {data.agencyName ? ` · ${data.agencyName}` : ` · ${t('rp_consolidated')}`}
        </p>
        <p>
          <strong>{t('rp_period')}:</strong> {pick(data.periodText)} · <strong>{t('rp_as_of')}:</strong> {pick(data.asOfText)}
        </p>
      </header>
      {data.sections.map((s) => (
        <Section key={s.key} section={s} />
      ))}
    </article>
  );
}

/**
 * Opens a file's short-lived link in a new tab, so the page (a report on screen, the archive) stays.
 * The tab opens at the click, before the link arrives: a tab opened after waiting is a popup browsers
 * block. Without a tab (blocked all the same) the link opens here.
 */
export async function openFileInNewTab(getUrl: () => Promise<string | undefined>): Promise<void> {
  const tab = window.open('', '_blank');
  if (tab) tab.opener = null;
  try {
    const url = await getUrl();
    if (!url) tab?.close();
    else if (tab) tab.location.href = url;
    else window.location.assign(url);
  } catch (e) {
    tab?.close();
    throw e;
  }
}

/** The archived formats as people name them. */
export const formatLabel: Record<ArchivedFormat, string> = { pdf: 'PDF', csv: 'CSV', xlsx: 'XLSX', json: 'JSON' };
