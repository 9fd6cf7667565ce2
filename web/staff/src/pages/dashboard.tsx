/**
 * Dasbor (SOP 001 step 1, "rekonsiliasi dari PPID SKPD secara real time"): `GET /api/dashboard` for a
 * period of months, one row per SKPD and a total row (DIP, requests, objections, disputes, DIK), the
 * SOP compliance table (each step against its Mutu Baku, per SKPD) and the trend by month as an
 * accessible SVG with its numbers as a table. Every number links to the list it counts (the nearest
 * list where a list has no such filter: see `links` below). PPID Utama, the admin and the Atasan PPID
 * see every SKPD (and may pick one); a PPID Pelaksana and the Petugas see their own.
 *
 * Printed on A4 landscape (app.css `body.print-landscape`): no menu, no buttons, the period and the
 * as-of time in words in the header. On a phone the wide table scrolls sideways under its caption.
 */
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { formatDate, formatDateTime, formatDuration, formatMonth } from '../format.ts';
import type { MessageKey } from '../i18n.ts';
import { pageAvailable } from '../permissions.ts';
import { PrintLetterhead, PrintSignature } from '../print.tsx';
import type { Category } from '../types.ts';
import { ErrorMessage, Field, Loading, PageHeader, useLoad } from '../ui.tsx';
import { AgencyFilter } from './item-parts.tsx';
import { FilterForm } from './list-parts.tsx';
import { DASHBOARD_BODY_WIDE, type Dashboard, type DashboardRow, formatNumber, formatShare, ScrollBox, useLandscapePrint } from './report-parts.tsx';
import { bodyAgencyOf, todayIn } from './request-parts.tsx';

// ─── the period ──────────────────────────────────────────────────────────────────────────────────

export const PERIOD_KINDS = ['month', 'semester', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
const PERIOD_NAME: Record<PeriodKind, MessageKey> = {
  month: 'db_period_month',
  semester: 'db_period_semester',
  year: 'db_period_year',
  custom: 'db_period_custom',
};

interface Period {
  kind: PeriodKind;
  /** First and last month, YYYY-MM. */
  from: string;
  to: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const minMonth = (a: string, b: string) => (a < b ? a : b);

/** The period a form's fields describe (the year's and semester's months up to the current one). */
function periodOf(kind: PeriodKind, fields: { month: string; year: string; semester: string; from: string; to: string }, current: string): Period {
  if (kind === 'semester') {
    const first = fields.semester === '2' ? '07' : '01';
    const last = fields.semester === '2' ? '12' : '06';
    const from = `${fields.year}-${first}`;
    return { kind, from, to: from <= current ? minMonth(`${fields.year}-${last}`, current) : `${fields.year}-${last}` };
  }
  if (kind === 'year') {
    const from = `${fields.year}-01`;
    return { kind, from, to: from <= current ? minMonth(`${fields.year}-12`, current) : `${fields.year}-12` };
  }
  if (kind === 'custom') return { kind, from: fields.from, to: fields.to };
  return { kind, from: fields.month, to: fields.month };
}

/** The period in the address (`#/dashboard?period=semester&from=2026-01&to=2026-06&agencyId=…`). */
function periodFromQuery(query: URLSearchParams, current: string): Period {
  const kind = (PERIOD_KINDS as readonly string[]).includes(query.get('period') ?? '') ? (query.get('period') as PeriodKind) : 'month';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  if (MONTH.test(from) && MONTH.test(to)) return { kind, from, to };
  return { kind: 'month', from: current, to: current };
}

function PeriodFields({ period, current, onChange }: { period: Period; current: string; onChange: (p: Period) => void }) {
  const { t } = useApp();
  const [kind, setKind] = useState<PeriodKind>(period.kind);
  const [fields, setFields] = useState({
    month: period.from,
    year: period.from.slice(0, 4),
    semester: Number(period.from.slice(5, 7)) >= 7 ? '2' : '1',
    from: period.from,
    to: period.to,
  });
  useEffect(() => {
    setKind(period.kind);
    setFields({
      month: period.from,
      year: period.from.slice(0, 4),
      semester: Number(period.from.slice(5, 7)) >= 7 ? '2' : '1',
      from: period.from,
      to: period.to,
    });
  }, [period.kind, period.from, period.to]);
  const update = (k: PeriodKind, f: typeof fields) => {
    setKind(k);
    setFields(f);
    onChange(periodOf(k, f, current));
  };
  const set = (key: keyof typeof fields, v: string) => update(kind, { ...fields, [key]: v });
  return (
    <>
      <Field label={t('db_period')} name="period">
        {(a) => (
          <select {...a} value={kind} onChange={(e) => update(e.currentTarget.value as PeriodKind, fields)}>
            {PERIOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(PERIOD_NAME[k])}
              </option>
            ))}
          </select>
        )}
      </Field>
      {kind === 'month' && (
        <Field label={t('db_month')} name="month" hint={t('db_month_hint')}>
          {(a) => <input {...a} type="month" value={fields.month} onInput={(e) => set('month', e.currentTarget.value)} />}
        </Field>
      )}
      {(kind === 'semester' || kind === 'year') && (
        <Field label={t('f_year')} name="year">
          {(a) => (
            <input
              {...a}
              class="narrow"
              type="number"
              min={2000}
              max={2100}
              inputMode="numeric"
              value={fields.year}
              onInput={(e) => set('year', e.currentTarget.value)}
            />
          )}
        </Field>
      )}
      {kind === 'semester' && (
        <Field label={t('db_semester')} name="semester">
          {(a) => (
            <select {...a} value={fields.semester} onChange={(e) => set('semester', e.currentTarget.value)}>
              <option value="1">{t('db_semester_1')}</option>
              <option value="2">{t('db_semester_2')}</option>
            </select>
          )}
        </Field>
      )}
      {kind === 'custom' && (
        <>
          <Field label={t('db_from_month')} name="from" hint={t('db_month_hint')}>
            {(a) => <input {...a} type="month" value={fields.from} onInput={(e) => set('from', e.currentTarget.value)} />}
          </Field>
          <Field label={t('db_to_month')} name="to" hint={t('db_month_hint')}>
            {(a) => <input {...a} type="month" value={fields.to} onInput={(e) => set('to', e.currentTarget.value)} />}
          </Field>
        </>
      )}
    </>
  );
}

// ─── numbers and the lists behind them ───────────────────────────────────────────────────────────

/** Where a number of a row leads: the list it counts, filtered as far as that list can be. */
interface Scope {
  /** The SKPD of the row; absent on the body's total row. */
  agencyId?: string;
  /** The year of the period, when the period lies in one year (the request and objection lists filter by year). */
  year?: string;
}

const q = (path: string, params: Record<string, string | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) s.set(k, v);
  const text = s.toString();
  return `${path}${text ? `?${text}` : ''}`;
};

type Group = 'dip' | 'req' | 'obj' | 'dsp' | 'dik';

interface Column {
  key: string;
  group: Group;
  label: MessageKey;
  value: (r: DashboardRow) => number | undefined;
  /** The route of the list behind the number (its pattern decides whether the role may open it). */
  link: (s: Scope) => string;
  /** Working days (median, p90) rather than a count. */
  days?: boolean;
}

const items = (s: Scope, extra: Record<string, string>) => q('/items', { agencyId: s.agencyId, ...extra });
const requests = (s: Scope, withYear = true) => q('/requests', { agencyId: s.agencyId, year: withYear ? s.year : undefined });
const objections = (s: Scope, withYear = true) => q('/objections', { agencyId: s.agencyId, year: withYear ? s.year : undefined });
const inForce = (s: Scope) => q('/exclusions', { agencyId: s.agencyId, state: 'in_force' });
const cat = (c: Category) => (s: Scope) => items(s, { publication: 'published', category: c });

/**
 * The columns of the table. Lists without the exact filter lead to the nearest list: a period's
 * counts of requests and objections to the list of that SKPD and year (the lists filter by SKPD and
 * year, not by state or month); DIP changes this month to the SKPD's published items; items overdue
 * for approval and requests or objections overdue now to the SKPD's list (the inbox holds one's own
 * work only); open disputes to the disputes list (it has no SKPD filter).
 */
const COLUMNS: Column[] = [
  { key: 'dip_berkala', group: 'dip', label: 'db_col_berkala', value: (r) => r.dip.published.berkala, link: cat('berkala') },
  { key: 'dip_serta_merta', group: 'dip', label: 'db_col_serta_merta', value: (r) => r.dip.published.serta_merta, link: cat('serta_merta') },
  { key: 'dip_setiap_saat', group: 'dip', label: 'db_col_setiap_saat', value: (r) => r.dip.published.setiap_saat, link: cat('setiap_saat') },
  { key: 'dip_total', group: 'dip', label: 'db_col_published', value: (r) => r.dip.published.total, link: (s) => items(s, { publication: 'published' }) },
  { key: 'dip_changed', group: 'dip', label: 'db_col_changed', value: (r) => r.dip.changedThisMonth, link: (s) => items(s, { publication: 'published' }) },
  { key: 'dip_waiting', group: 'dip', label: 'db_col_waiting', value: (r) => r.dip.waiting, link: (s) => items(s, { status: 'submitted' }) },
  { key: 'dip_overdue', group: 'dip', label: 'db_col_waiting_overdue', value: (r) => r.dip.waitingOverdue, link: (s) => items(s, { status: 'submitted' }) },
  { key: 'req_received', group: 'req', label: 'db_col_received', value: (r) => r.requests.received, link: (s) => requests(s) },
  { key: 'req_open', group: 'req', label: 'db_col_in_progress', value: (r) => r.requests.inProgress, link: (s) => requests(s, false) },
  { key: 'req_on_time', group: 'req', label: 'db_col_on_time', value: (r) => r.requests.onTime, link: (s) => requests(s) },
  { key: 'req_late', group: 'req', label: 'db_col_late', value: (r) => r.requests.late, link: (s) => requests(s) },
  { key: 'req_overdue', group: 'req', label: 'db_col_overdue_now', value: (r) => r.requests.overdueNow, link: (s) => requests(s, false) },
  { key: 'req_granted', group: 'req', label: 'db_col_granted', value: (r) => r.requests.granted, link: (s) => requests(s) },
  { key: 'req_partial', group: 'req', label: 'db_col_partial', value: (r) => r.requests.partial, link: (s) => requests(s) },
  { key: 'req_refused', group: 'req', label: 'db_col_refused', value: (r) => r.requests.refused, link: (s) => requests(s) },
  { key: 'req_median', group: 'req', label: 'db_col_median', value: (r) => r.requests.noticeDays.median, link: (s) => requests(s), days: true },
  { key: 'req_p90', group: 'req', label: 'db_col_p90', value: (r) => r.requests.noticeDays.p90, link: (s) => requests(s), days: true },
  { key: 'obj_received', group: 'obj', label: 'db_col_received', value: (r) => r.objections.received, link: (s) => objections(s) },
  { key: 'obj_answered', group: 'obj', label: 'db_col_answered', value: (r) => r.objections.answered, link: (s) => objections(s) },
  { key: 'obj_overdue', group: 'obj', label: 'db_col_overdue_now', value: (r) => r.objections.overdueNow, link: (s) => objections(s, false) },
  { key: 'dsp_open', group: 'dsp', label: 'db_col_open', value: (r) => r.disputes.open, link: () => '/disputes' },
  { key: 'dik_in_force', group: 'dik', label: 'db_col_in_force', value: (r) => r.dik.inForce, link: inForce },
  { key: 'dik_ending', group: 'dik', label: 'db_col_ending', value: (r) => r.dik.endingWithin30Days, link: inForce },
];

const GROUPS: { group: Group; label: MessageKey }[] = [
  { group: 'dip', label: 'db_group_dip' },
  { group: 'req', label: 'db_group_requests' },
  { group: 'obj', label: 'db_group_objections' },
  { group: 'dsp', label: 'db_group_disputes' },
  { group: 'dik', label: 'db_group_dik' },
];

/** A number, linked to its list when the role may open that list; named with its column and row for screen readers. */
function NumberLink({ n, href, column, row, days }: { n: number | undefined; href: string; column: string; row: string; days?: boolean }) {
  const { lang, t, me } = useApp();
  if (n === undefined) return <span title={t('db_no_data')}>—</span>;
  const text = days ? t('db_days', { n: formatNumber(lang, n) }) : formatNumber(lang, n);
  const pattern = href.split('?')[0]!;
  if (!pageAvailable(me.role, pattern)) return <>{text}</>;
  return (
    <a href={`#${href}`} aria-label={`${text}: ${column}, ${row}`}>
      {text}
    </a>
  );
}

// ─── the page ────────────────────────────────────────────────────────────────────────────────────

export function DashboardPage({ query }: { query: URLSearchParams }) {
  const { t, api, me, agencies, go } = useApp();
  useLandscapePrint();
  const bodyWide = DASHBOARD_BODY_WIDE.includes(me.role);
  const zone = bodyAgencyOf(agencies)?.timezone;
  const current = todayIn(zone).slice(0, 7);
  const period = periodFromQuery(query, current);
  const agencyId = bodyWide ? (query.get('agencyId') ?? '') : '';
  const [draft, setDraft] = useState<{ period: Period; agencyId: string }>({ period, agencyId });
  const key = `${period.kind}|${period.from}|${period.to}|${agencyId}`;
  useEffect(() => setDraft({ period, agencyId }), [key]);
  const loaded = useLoad(
    () => api.get<Dashboard>('/dashboard', { from: period.from, to: period.to, agencyId: agencyId || undefined }),
    [api, period.from, period.to, agencyId],
  );
  const data = loaded.data;

  const submit = () => {
    const p = draft.period;
    go(`/dashboard?${new URLSearchParams({ period: p.kind, from: p.from, to: p.to, ...(draft.agencyId ? { agencyId: draft.agencyId } : {}) }).toString()}`);
  };

  return (
    <div class="dashboard">
      <PrintLetterhead agencyId={agencyId || undefined} />
      <PageHeader title={t('nav_dashboard')} intro={t(bodyWide ? 'db_intro_body' : 'db_intro_agency')}>
        {pageAvailable(me.role, '/reports') && (
          <a class="button secondary" href="#/reports">
            {t('nav_reports')}
          </a>
        )}
      </PageHeader>
      <FilterForm onSubmit={submit}>
        <PeriodFields period={draft.period} current={current} onChange={(p) => setDraft((d) => ({ ...d, period: p }))} />
        {bodyWide && <AgencyFilter value={draft.agencyId} onChange={(_, agencyId) => setDraft({ ...draft, agencyId })} />}
      </FilterForm>
      <ErrorMessage error={loaded.error} />
      {loaded.loading && !data ? <Loading /> : data ? <DashboardBody data={data} zone={zone} /> : null}
      {data && <PrintSignature agencyId={agencyId || undefined} />}
    </div>
  );
}

function DashboardBody({ data, zone }: { data: Dashboard; zone: string | undefined }) {
  const { t, lang, pick, agencyName } = useApp();
  const year = data.from.slice(0, 4) === data.to.slice(0, 4) ? data.from.slice(0, 4) : undefined;
  const scoped = !!data.agencyId;
  const rows = scoped ? data.rows : [...data.rows, data.total];
  const rowName = (r: DashboardRow) => (r === data.total ? t('db_total') : r.name);
  return (
    <>
      <p class="report-meta">
        <strong>{t('rp_period')}:</strong> {pick(data.periodText)} · <strong>{t('rp_as_of')}:</strong>{' '}
        <time dateTime={data.asOf}>{formatDateTime(lang, data.asOf, zone, true)}</time>
      </p>
      <section aria-labelledby="db-table-h">
        <h2 id="db-table-h">{t('db_table_title')}</h2>
        <p class="hint no-print">{t('db_scroll_hint')}</p>
        <ScrollBox captionId="db-table-caption" class="wide-table">
          <table class="dashboard-table">
            <caption id="db-table-caption">
              <span>{t('db_table_caption', { period: pick(data.periodText) })}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {t('f_agency')}
                </th>
                {GROUPS.map((g) => (
                  <th key={g.group} scope="colgroup" colSpan={COLUMNS.filter((c) => c.group === g.group).length} class="group">
                    {t(g.label)}
                  </th>
                ))}
              </tr>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.key} scope="col" class="num">
                    {t(c.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const isTotal = r === data.total;
                const scope: Scope = { ...(isTotal ? {} : { agencyId: r.agencyId }), ...(year ? { year } : {}) };
                const name = rowName(r);
                return (
                  <tr key={isTotal ? '_total' : r.agencyId} class={isTotal ? 'total-row' : undefined}>
                    <th scope="row">
                      {isTotal ? name : <abbr title={agencyName(r.agencyId)}>{name}</abbr>}
                      {r.dip.stale && <span class="badge off stale">{t('db_stale')}</span>}
                    </th>
                    {COLUMNS.map((c) => (
                      <td key={c.key} class="num">
                        <NumberLink
                          n={c.value(r)}
                          href={c.link(scope)}
                          column={`${t(GROUPS.find((g) => g.group === c.group)!.label)} ${t(c.label)}`}
                          row={name}
                          days={c.days}
                        />
                        {c.key === 'dip_changed' && r.dip.lastChange && (
                          <span class="sub-line">{t('db_last_change', { date: formatDate(lang, r.dip.lastChange, false) })}</span>
                        )}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
        <p class="hint">{t('db_table_note')}</p>
      </section>
      <SopTable data={data} />
      <Trend data={data} />
    </>
  );
}

// ─── SOP compliance ──────────────────────────────────────────────────────────────────────────────

function SopTable({ data }: { data: Dashboard }) {
  const { t, lang, pick, agencyName, me } = useApp();
  const cells = (c: Dashboard['sop'][number]['total'], sop: string, agencyId?: string) => {
    const list = sop === '000' ? q('/items', { agencyId }) : sop === '002' ? q('/exclusions', { agencyId }) : undefined;
    const done = formatNumber(lang, c.done);
    return (
      <>
        <td class="num">{list && pageAvailable(me.role, list.split('?')[0]!) ? <a href={`#${list}`}>{done}</a> : done}</td>
        <td class="num">{c.share === undefined ? '—' : t('db_share', { share: formatShare(lang, c.share), ok: c.withinStandard, n: c.withStandard })}</td>
        <td>{c.medianMinutes === undefined ? '—' : formatDuration(lang, c.medianMinutes * 60, 60)}</td>
      </>
    );
  };
  return (
    <section aria-labelledby="db-sop-h">
      <h2 id="db-sop-h">{t('db_sop_title')}</h2>
      <p class="intro">{t('db_sop_intro')}</p>
      <ScrollBox captionId="db-sop-caption" class="wide-table">
        <table class="sop-table">
          <caption id="db-sop-caption">
            <span>{t('db_sop_caption', { period: pick(data.periodText) })}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('db_sop_step')}</th>
              <th scope="col">{t('db_sop_standard')}</th>
              <th scope="col">{t('f_agency')}</th>
              <th scope="col" class="num">
                {t('db_sop_done')}
              </th>
              <th scope="col" class="num">
                {t('db_sop_within')}
              </th>
              <th scope="col">{t('db_sop_median')}</th>
            </tr>
          </thead>
          {data.sop.length === 0 && (
            <tbody>
              <tr>
                <td colSpan={6}>{t('empty')}</td>
              </tr>
            </tbody>
          )}
          {data.sop.map((s) => {
            const perAgency = data.agencyId ? [] : s.rows;
            return (
              <tbody key={`${s.sop}-${s.step}`}>
                <tr class="total-row">
                  <th scope="rowgroup" rowSpan={perAgency.length + 1}>
                    {t('db_sop_step_name', { sop: s.sop, step: s.sopStep, name: pick(s.name) })}
                  </th>
                  <td rowSpan={perAgency.length + 1}>{s.standardText || '—'}</td>
                  <th scope="row">{data.agencyId ? agencyName(data.agencyId) : t('db_total')}</th>
                  {cells(s.total, s.sop, data.agencyId)}
                </tr>
                {perAgency.map((r) => (
                  <tr key={r.agencyId}>
                    <th scope="row">{agencyName(r.agencyId)}</th>
                    {cells(r, s.sop, r.agencyId)}
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      </ScrollBox>
    </section>
  );
}

// ─── the trend by month ──────────────────────────────────────────────────────────────────────────

const SERIES = [
  { key: 'requestsReceived', label: 'db_trend_requests_received', color: '#0b4f8a' },
  { key: 'requestsAnswered', label: 'db_trend_requests_answered', color: '#b35c00' },
  { key: 'dipPublications', label: 'db_trend_dip', color: '#1e6b36' },
  { key: 'objectionsReceived', label: 'db_trend_objections', color: '#7b3f8c' },
] as const satisfies readonly { key: keyof Dashboard['trend'][number]; label: MessageKey; color: string }[];

/** A grouped bar chart (one group a month) drawn as SVG, named and described for screen readers, with the numbers as a table under it. */
function Trend({ data }: { data: Dashboard }) {
  const { t, lang } = useApp();
  const points = data.trend;
  const max = Math.max(1, ...points.flatMap((p) => SERIES.map((s) => p[s.key])));
  const width = 720;
  const height = 260;
  const left = 36;
  const bottom = 36;
  const top = 12;
  const plotW = width - left - 8;
  const plotH = height - top - bottom;
  const groupW = plotW / Math.max(1, points.length);
  const barW = Math.max(2, Math.min(18, (groupW - 8) / SERIES.length));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const ticks = [...new Set([0, Math.round(max / 2), max])];
  const monthShort = (m: string) =>
    new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));
  const desc = points.map((p) => `${formatMonth(lang, p.month)}: ${SERIES.map((s) => `${t(s.label)} ${formatNumber(lang, p[s.key])}`).join(', ')}`).join('. ');
  return (
    <section aria-labelledby="db-trend-h" class="trend">
      <h2 id="db-trend-h">{t('db_trend_title')}</h2>
      <svg class="trend-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="db-trend-svg-title db-trend-svg-desc">
        <title id="db-trend-svg-title">{t('db_trend_svg_title')}</title>
        <desc id="db-trend-svg-desc">{desc}</desc>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left} x2={width - 8} y1={y(v)} y2={y(v)} stroke="#c3c9d1" stroke-width="1" />
            <text x={left - 6} y={y(v) + 4} text-anchor="end" font-size="11" fill="#4f5862">
              {formatNumber(lang, v)}
            </text>
          </g>
        ))}
        {points.map((p, i) => {
          const x0 = left + i * groupW + (groupW - barW * SERIES.length) / 2;
          return (
            <g key={p.month}>
              {SERIES.map((s, j) => (
                <rect key={s.key} x={x0 + j * barW} y={y(p[s.key])} width={barW - 1} height={top + plotH - y(p[s.key])} fill={s.color} />
              ))}
              <text x={left + i * groupW + groupW / 2} y={height - bottom + 16} text-anchor="middle" font-size="11" fill="#1b1b1b">
                {monthShort(p.month)}
              </text>
            </g>
          );
        })}
      </svg>
      <ul class="legend" aria-hidden="true">
        {SERIES.map((s) => (
          <li key={s.key}>
            <span class="swatch" style={{ background: s.color }} /> {t(s.label)}
          </li>
        ))}
      </ul>
      <div class="table-wrap">
        <table class="trend-table">
          <caption>{t('db_trend_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('db_month')}</th>
              {SERIES.map((s) => (
                <th key={s.key} scope="col" class="num">
                  {t(s.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.month}>
                <th scope="row">{formatMonth(lang, p.month)}</th>
                {SERIES.map((s) => (
                  <td key={s.key} class="num">
                    {formatNumber(lang, p[s.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// ─── the home page's summary ─────────────────────────────────────────────────────────────────────

/** The home page's compact summary of this month's dashboard, with the link to it. */
export function DashboardSummary() {
  const { t, lang, api, pick, agencies } = useApp();
  const zone = bodyAgencyOf(agencies)?.timezone;
  const loaded = useLoad(() => api.get<Dashboard>('/dashboard'), [api]);
  const d = loaded.data;
  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (!d) return null;
  const stale = d.rows.filter((r) => r.dip.stale).length;
  const total = d.total;
  const warn = total.requests.overdueNow + total.objections.overdueNow + total.dip.waitingOverdue > 0;
  return (
    <section class={warn ? 'callout warn dashboard-summary' : 'callout dashboard-summary'} aria-labelledby="db-summary-h">
      <h2 id="db-summary-h">{t('db_summary_title', { period: pick(d.periodText) })}</h2>
      <ul>
        <li>{t('db_summary_requests', { n: total.requests.received, answered: total.requests.answered, overdue: total.requests.overdueNow })}</li>
        <li>{t('db_summary_objections', { n: total.objections.received, overdue: total.objections.overdueNow })}</li>
        <li>{t('db_summary_dip', { n: total.dip.changedThisMonth, waiting: total.dip.waiting, stale })}</li>
      </ul>
      <p>
        <a href="#/dashboard">{t('db_summary_open')}</a>{' '}
        <span class="muted">
          · {t('rp_as_of')}: {formatDateTime(lang, d.asOf, zone, true)}
        </span>
      </p>
    </section>
  );
}
