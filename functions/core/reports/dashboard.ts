/**
 * The dashboard (SOP 001 step 1): one row per agency and a total row, current to the last change.
 *
 * It reads only the counters (counters.ts): one Query per month of the period, one for the gauges,
 * and the two months before today's for the DIP's last change. Its cost is O(agencies × months),
 * whatever the number of items and requests. Times are working days on the body's calendar (taken
 * when the notice was issued); medians and p90 come from the counters' histograms, so they are the
 * same numbers as the lists they link to would give.
 */
import * as z from 'zod';
import type { Role } from '../../../infra/system.ts';
import { listScopeFor, type Principal } from '../access.ts';
import { localDateOf } from '../calendar.ts';
import { dateInWords } from '../date-words.ts';
import { CATEGORIES } from '../item-model.ts';
import type { Context } from '../ports.ts';
import { SOP_000, SOP_002, SOP_004, type SopStep } from '../sop.ts';
import { BODY, type CounterRecord, histogram, NOW, stepMetric, sumMetrics, zonesOf } from './counters.ts';
import { type Summary, summarize } from './statistics.ts';

/** Who sees every agency's row; a PPID Pelaksana and the Petugas see their own SKPD. */
export const DASHBOARD_BODY_WIDE: readonly Role[] = ['ppid_utama', 'admin', 'atasan_ppid'];
export const DASHBOARD_ROLES: readonly Role[] = [...DASHBOARD_BODY_WIDE, 'ppid_pelaksana', 'petugas'];
/** The longest period one dashboard shows (the trend has one point per month). */
export const MAX_MONTHS = 60;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'bulan dalam format TTTT-BB / month as YYYY-MM');
export const DashboardQuery = z
  .strictObject({
    from: month.optional().meta({ description: 'First month (YYYY-MM); default the current month' }),
    to: month.optional().meta({ description: 'Last month (YYYY-MM), inclusive; default `from`' }),
    agencyId: z.string().min(1).max(64).optional().meta({ description: 'One SKPD (its row and trend); default every agency' }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'bulan akhir sebelum bulan awal / the last month is before the first' })
  .refine((q) => !q.from || !q.to || monthsBetween(q.from, q.to).length <= MAX_MONTHS, {
    path: ['to'],
    message: `paling lama ${MAX_MONTHS} bulan / at most ${MAX_MONTHS} months`,
  });
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > to || out.length > MAX_MONTHS) break;
    out.push(key);
    m++;
    if (m === 13) [y, m] = [y + 1, 1];
  }
  return out;
}

const shiftMonth = (ym: string, by: number) => {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) + by;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
};

/** The summary (statistics.ts: median, nearest-rank p90, max, mean) of the values a histogram counts. */
export function histogramSummary(h: Map<number, number>): Summary {
  const samples: number[] = [];
  for (const [value, count] of h) for (let i = 0; i < count; i++) samples.push(value);
  return summarize(samples);
}

export interface DashboardRow {
  agencyId: string;
  name: string;
  dip: {
    published: Record<(typeof CATEGORIES)[number], number> & { total: number };
    /** Publications (new items and new versions) in the current month. */
    changedThisMonth: number;
    /** Publications and withdrawals in the period. */
    changesInPeriod: number;
    /** The last local date the DIP changed, if within the last two months. */
    lastChange?: string;
    /** No change for more than a month (the DIP must be updated at least monthly). */
    stale: boolean;
    waiting: number;
    waitingOverdue: number;
  };
  requests: {
    received: number;
    inProgress: number;
    answered: number;
    onTime: number;
    late: number;
    overdueNow: number;
    granted: number;
    partial: number;
    refused: number;
    notHeld: number;
    /** Working days from receipt to the written notice. */
    noticeDays: Summary;
  };
  objections: { received: number; answered: number; open: number; overdueNow: number };
  disputes: { filed: number; open: number };
  dik: { inForce: number; endingWithin30Days: number };
}

export interface SopCompliance {
  sop: string;
  step: string;
  sopStep: number;
  name: { id: string; en: string };
  standardText: string;
  rows: { agencyId: string; done: number; withStandard: number; withinStandard: number; share?: number; medianMinutes?: number }[];
  total: { done: number; withStandard: number; withinStandard: number; share?: number; medianMinutes?: number };
}

export interface Dashboard {
  from: string;
  to: string;
  months: string[];
  periodText: { id: string; en: string };
  agencyId?: string;
  /** The instant read (ISO), and in words. */
  asOf: string;
  today: string;
  rows: DashboardRow[];
  total: DashboardRow;
  /** One point per month of the period, for the selected agency or the whole body. */
  trend: { month: string; requestsReceived: number; requestsAnswered: number; dipPublications: number; objectionsReceived: number }[];
  sop: SopCompliance[];
  /** DynamoDB Queries made (the bench checks it does not grow with the data). */
  reads: number;
}

const KNOWN_STEPS: (SopStep & { key: string })[] = [
  ...Object.entries(SOP_000).map(([key, s]) => ({ ...s, key })),
  ...Object.entries(SOP_002).map(([key, s]) => ({ ...s, key })),
  ...Object.entries(SOP_004).map(([key, s]) => ({ ...s, key })),
];

const n = (m: Record<string, number>, k: string) => m[k] ?? 0;

function row(
  agencyId: string,
  name: string,
  period: Record<string, number>,
  gauges: Record<string, number>,
  recent: CounterRecord[],
  today: string,
): DashboardRow {
  const published = Object.fromEntries(CATEGORIES.map((c) => [c, n(gauges, `dip_${c}`)])) as Record<(typeof CATEGORIES)[number], number>;
  // The DIP's last change: the latest day with a publication or withdrawal in this or the previous month.
  let lastChange: string | undefined;
  for (const r of recent) {
    for (const [k, v] of Object.entries(r.metrics)) {
      if (!k.startsWith('dip_day_') || v <= 0) continue;
      const day = `${r.month}-${k.slice(8)}`;
      if (!lastChange || day > lastChange) lastChange = day;
    }
  }
  const monthAgo = `${shiftMonth(today.slice(0, 7), -1)}-${today.slice(8, 10)}`;
  const thisMonth = recent.find((r) => r.month === today.slice(0, 7));
  const endings = Object.entries(gauges)
    .filter(([k]) => k.startsWith('dik_end_'))
    .map(([k, v]) => [k.slice(8).replaceAll('_', '-'), v] as const);
  const in30 = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  return {
    agencyId,
    name,
    dip: {
      published: { ...published, total: Object.values(published).reduce((s, v) => s + v, 0) },
      changedThisMonth: thisMonth ? n(thisMonth.metrics, 'dip_pub') : 0,
      changesInPeriod: n(period, 'dip_pub') + n(period, 'dip_wd'),
      ...(lastChange ? { lastChange } : {}),
      stale: !lastChange || lastChange < monthAgo,
      waiting: n(gauges, 'item_wait'),
      waitingOverdue: n(gauges, 'item_wait_late'),
    },
    requests: {
      received: n(period, 'req_in'),
      inProgress: n(gauges, 'req_open'),
      answered: n(period, 'req_ans'),
      onTime: n(period, 'req_ontime'),
      late: n(period, 'req_late'),
      overdueNow: n(gauges, 'req_overdue'),
      granted: n(period, 'req_granted'),
      partial: n(period, 'req_partial'),
      refused: n(period, 'req_refused'),
      notHeld: n(period, 'req_notheld'),
      noticeDays: histogramSummary(histogram(period, 'req_wd_')),
    },
    objections: { received: n(period, 'obj_in'), answered: n(period, 'obj_ans'), open: n(gauges, 'obj_open'), overdueNow: n(gauges, 'obj_overdue') },
    disputes: { filed: n(period, 'dsp_in'), open: n(gauges, 'dsp_open') },
    dik: { inForce: n(gauges, 'dik_in'), endingWithin30Days: endings.filter(([d]) => d >= today && d <= in30).reduce((s, [, v]) => s + v, 0) },
  };
}

function sopCompliance(byAgency: Map<string, Record<string, number>>, body: Record<string, number>): SopCompliance[] {
  const prefixes = new Set<string>();
  for (const k of Object.keys(body)) {
    const m = /^(sop_[^_]+_[a-z]+)_n$/.exec(k);
    if (m) prefixes.add(m[1]!);
  }
  for (const s of KNOWN_STEPS) if (s.standard) prefixes.add(stepMetric(s.sop, s.key));
  const cell = (m: Record<string, number>, prefix: string) => {
    const done = n(m, `${prefix}_n`);
    const withStandard = n(m, `${prefix}_std`);
    const withinStandard = n(m, `${prefix}_ok`);
    const { median } = histogramSummary(histogram(m, `${prefix}_m_`));
    return {
      done,
      withStandard,
      withinStandard,
      ...(withStandard ? { share: withinStandard / withStandard } : {}),
      ...(median !== undefined ? { medianMinutes: median } : {}),
    };
  };
  return [...prefixes]
    .map((prefix) => {
      const [, sop, step] = prefix.split('_') as [string, string, string];
      const known = KNOWN_STEPS.find((s) => s.sop === sop && s.key === step);
      return {
        sop,
        step,
        sopStep: known?.step ?? 0,
        name: known?.name ?? { id: step, en: step },
        standardText: known?.standardText ?? '',
        rows: [...byAgency].map(([agencyId, m]) => ({ agencyId, ...cell(m, prefix) })).filter((r) => r.done > 0),
        total: cell(body, prefix),
      };
    })
    .sort((a, b) => a.sop.localeCompare(b.sop) || a.sopStep - b.sopStep);
}

export async function dashboard(ctx: Context, actor: Principal, query: DashboardQuery): Promise<Dashboard> {
  const scope = listScopeFor(actor, query.agencyId, DASHBOARD_BODY_WIDE);
  const agencies = await ctx.store.listAgencies();
  const zones = zonesOf(agencies);
  const today = localDateOf(ctx.now, zones.body);
  const from = query.from ?? today.slice(0, 7);
  const to = query.to ?? (query.from ? from : today.slice(0, 7));
  const months = monthsBetween(from, to);
  const recentMonths = [shiftMonth(today.slice(0, 7), -1), today.slice(0, 7)];
  const wanted = [...new Set([...months, ...recentMonths, NOW])];
  const byCell = new Map<string, CounterRecord>();
  for (const records of await Promise.all(wanted.map((m) => ctx.store.listCounters(m)))) for (const r of records) byCell.set(`${r.month}|${r.agencyId}`, r);
  const of = (m: string, agencyId: string): CounterRecord[] => {
    const r = byCell.get(`${m}|${agencyId}`);
    return r ? [r] : [];
  };

  const shown = agencies
    .filter((a) => !scope || a.id === scope)
    .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'id') : a.kind === 'ppid_utama' ? -1 : 1));
  const build = (agencyId: string, name: string) =>
    row(
      agencyId,
      name,
      sumMetrics(months.flatMap((m) => of(m, agencyId))),
      sumMetrics(of(NOW, agencyId)),
      recentMonths.flatMap((m) => of(m, agencyId)),
      today,
    );
  const rows = shown.map((a) => build(a.id, a.shortName ?? a.name));
  const totalKey = scope ?? BODY;
  const total = build(totalKey, scope ? (shown[0]?.shortName ?? shown[0]?.name ?? scope) : 'Total');
  const periodFor = (agencyId: string) => sumMetrics(months.flatMap((m) => of(m, agencyId)));
  return {
    from,
    to,
    months,
    periodText: {
      id: `${dateInWords(`${from}-01`, 'id')} s.d. ${dateInWords(lastDay(to), 'id')}`,
      en: `${dateInWords(`${from}-01`, 'en')} to ${dateInWords(lastDay(to), 'en')}`,
    },
    ...(scope ? { agencyId: scope } : {}),
    asOf: ctx.now.toISOString(),
    today,
    rows,
    total,
    trend: months.map((m) => {
      const mm = sumMetrics(of(m, totalKey));
      return {
        month: m,
        requestsReceived: n(mm, 'req_in'),
        requestsAnswered: n(mm, 'req_ans'),
        dipPublications: n(mm, 'dip_pub'),
        objectionsReceived: n(mm, 'obj_in'),
      };
    }),
    sop: sopCompliance(new Map(shown.map((a) => [a.id, periodFor(a.id)])), periodFor(totalKey)),
    reads: wanted.length,
  };
}

function lastDay(ym: string): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
