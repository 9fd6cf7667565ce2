/**
 * The dashboard's counters (SOP 001 step 1: "rekonsiliasi dari PPID SKPD secara real time").
 *
 * Each counted record (an item, a request, an objection, an exclusion, a dispute, an ended SOP step)
 * contributes a set of numbers to counter cells, as a pure function of the record itself
 * (`contributions`). A change from `before` to `after` moves the counters by
 * `contributions(after) - contributions(before)` (`counterDeltas`), and the DynamoDB adapter writes
 * those moves in the same transaction as the change: a refused write moves no counter, and the
 * counters always equal the sum of the contributions of the records (`recount`), which is what the
 * integration test checks and what the rebuild job writes for data kept before counters existed.
 *
 * A cell is (month, agency, metric):
 * - month: the local month `yyyy-mm` an event happened in (requests, objections and disputes in the
 *   body's zone: the PPID Utama unit's; items, exclusions and steps in their agency's zone), or `now`
 *   for the gauges (what is true at present: published, waiting, overdue, open, in force);
 * - agency: the SKPD, plus `_body` once for the whole body (a request routed to two SKPDs counts in
 *   each of their rows and once in the total);
 * - metric: a flat attribute name (below).
 *
 * One counter record per (month, agency): the dashboard reads one Query per month, so its cost is
 * O(agencies × months), whatever the number of items and requests.
 */
import { localDateOf } from '../calendar.ts';
import type { Exclusion } from '../exclusion-model.ts';
import type { Item, StepRecord } from '../item-model.ts';
import type { Dispute } from '../objections/disputes.ts';
import type { Objection } from '../objections/model.ts';
import type { Request } from '../requests/model.ts';

/** The agency key of the whole body's counters (the total row). */
export const BODY = '_body';
/** The month key of the gauges. */
export const NOW = 'now';

/** Dispute states after which nothing more is pending at the Komisi Informasi or in court. */
const DISPUTE_DONE: readonly Dispute['state'][] = ['closed'];

export type CountedRecord =
  | { entity: 'item'; value: Item }
  | { entity: 'request'; value: Request }
  | { entity: 'objection'; value: Objection }
  | { entity: 'exclusion'; value: Exclusion }
  | { entity: 'dispute'; value: Dispute }
  | { entity: 'stepRecord'; value: StepRecord };

export const COUNTED_ENTITIES = ['item', 'request', 'objection', 'exclusion', 'dispute', 'stepRecord'] as const;

/** The zones the months are counted in. */
export interface Zones {
  /** The body's zone (the PPID Utama unit's). */
  body: string;
  of(agencyId: string): string;
}

/** Counter moves for one record: (month, agency) → metric → amount. */
export type CounterCells = Map<string, Map<string, number>>;

export interface CounterDelta {
  month: string;
  agencyId: string;
  increments: Record<string, number>;
}

const cellKey = (month: string, agencyId: string) => `${month}|${agencyId}`;

function add(cells: CounterCells, month: string, agencies: readonly string[], metric: string, n = 1): void {
  for (const agencyId of new Set([...agencies, BODY])) {
    const key = cellKey(month, agencyId);
    const cell = cells.get(key) ?? new Map<string, number>();
    cells.set(key, cell);
    cell.set(metric, (cell.get(metric) ?? 0) + n);
  }
}

const monthOf = (instant: string, zone: string) => localDateOf(new Date(instant), zone).slice(0, 7);

/** A step's metric prefix: `sop_000_approval`. */
export const stepMetric = (sop: string, step: string) => `sop_${sop}_${step}`;

/** Every number a record contributes to the counters. */
export function contributions(record: CountedRecord, zones: Zones): CounterCells {
  const cells: CounterCells = new Map();
  switch (record.entity) {
    case 'item': {
      const item = record.value;
      const zone = zones.of(item.agencyId);
      const at = [item.agencyId];
      for (const p of item.publications ?? []) {
        const day = localDateOf(new Date(p.publishedAt), zone);
        add(cells, day.slice(0, 7), at, 'dip_pub');
        add(cells, day.slice(0, 7), at, `dip_day_${day.slice(8, 10)}`);
      }
      if (item.withdrawn) {
        const day = localDateOf(new Date(item.withdrawn.at), zone);
        add(cells, day.slice(0, 7), at, 'dip_wd');
        add(cells, day.slice(0, 7), at, `dip_day_${day.slice(8, 10)}`);
      }
      if (item.publication === 'published') add(cells, NOW, at, `dip_${item.published?.category ?? item.current.content.category}`);
      if (item.status === 'submitted') {
        add(cells, NOW, at, 'item_wait');
        if (item.current.escalatedAt) add(cells, NOW, at, 'item_wait_late');
      }
      break;
    }
    case 'request': {
      const r = record.value;
      const at = [...new Set(r.parts.map((p) => p.agencyId))];
      add(cells, r.receivedOn.slice(0, 7), at, 'req_in');
      if (r.outcome) {
        const month = monthOf(r.outcome.answeredAt, zones.body);
        add(cells, month, at, 'req_ans');
        add(cells, month, at, r.outcome.answeredAt <= r.deadline.at ? 'req_ontime' : 'req_late');
        if (r.outcome.held === false) add(cells, month, at, 'req_notheld');
        else if (r.outcome.decision) add(cells, month, at, `req_${r.outcome.decision}`);
        if (r.outcome.workingDays !== undefined) add(cells, month, at, `req_wd_${r.outcome.workingDays}`);
      } else {
        add(cells, NOW, at, 'req_open');
        if (r.escalatedAt) add(cells, NOW, at, 'req_overdue');
      }
      break;
    }
    case 'objection': {
      const o = record.value;
      const at = o.agencyIds;
      add(cells, o.receivedOn.slice(0, 7), at, 'obj_in');
      if (o.response) add(cells, monthOf(o.response.at, zones.body), at, 'obj_ans');
      else {
        add(cells, NOW, at, 'obj_open');
        if (o.escalatedAt) add(cells, NOW, at, 'obj_overdue');
      }
      break;
    }
    case 'dispute': {
      const d = record.value;
      add(cells, d.filedOn.slice(0, 7), [], 'dsp_in');
      if (!DISPUTE_DONE.includes(d.state)) add(cells, NOW, [], 'dsp_open');
      break;
    }
    case 'exclusion': {
      const x = record.value;
      if (x.state === 'in_force') {
        add(cells, NOW, [x.agencyId], 'dik_in');
        if (x.dik?.until) add(cells, NOW, [x.agencyId], `dik_end_${x.dik.until.replaceAll('-', '_')}`);
      }
      break;
    }
    case 'stepRecord': {
      const s = record.value;
      if (!s.endedAt) break;
      const month = monthOf(s.endedAt, zones.of(s.agencyId));
      const metric = stepMetric(s.sop, s.step);
      add(cells, month, [s.agencyId], `${metric}_n`);
      if (s.withinStandard === true) add(cells, month, [s.agencyId], `${metric}_ok`);
      if (s.withinStandard !== undefined) add(cells, month, [s.agencyId], `${metric}_std`);
      add(cells, month, [s.agencyId], `${metric}_m_${Math.round((s.seconds ?? 0) / 60)}`);
      break;
    }
  }
  return cells;
}

/** Adds `sign ×` a record's contributions into `into`. */
function accumulate(into: CounterCells, cells: CounterCells, sign: 1 | -1): void {
  for (const [key, metrics] of cells) {
    const cell = into.get(key) ?? new Map<string, number>();
    into.set(key, cell);
    for (const [metric, n] of metrics) cell.set(metric, (cell.get(metric) ?? 0) + sign * n);
  }
}

function toDeltas(cells: CounterCells): CounterDelta[] {
  const out: CounterDelta[] = [];
  for (const [key, metrics] of cells) {
    const increments: Record<string, number> = {};
    for (const [metric, n] of metrics) if (n !== 0) increments[metric] = n;
    if (Object.keys(increments).length === 0) continue;
    const [month, agencyId] = key.split('|') as [string, string];
    out.push({ month, agencyId, increments });
  }
  return out.sort((a, b) => cellKey(a.month, a.agencyId).localeCompare(cellKey(b.month, b.agencyId)));
}

/**
 * How the counters move when the records change from `before` to `after` (absent before: created),
 * merged per counter record (a transaction may write each record once).
 */
export function counterDeltas(changes: { before?: CountedRecord; after: CountedRecord }[], zones: Zones): CounterDelta[] {
  const sum: CounterCells = new Map();
  for (const c of changes) {
    accumulate(sum, contributions(c.after, zones), 1);
    if (c.before) accumulate(sum, contributions(c.before, zones), -1);
  }
  return toDeltas(sum);
}

/** The counters as they must be: the sum of every record's contributions (the rebuild and the check). */
export function recount(records: Iterable<CountedRecord>, zones: Zones): CounterDelta[] {
  const sum: CounterCells = new Map();
  for (const r of records) accumulate(sum, contributions(r, zones), 1);
  return toDeltas(sum);
}

/** One stored counter record: (month, agency) and its metrics. */
export interface CounterRecord {
  month: string;
  agencyId: string;
  metrics: Record<string, number>;
}

/** A histogram `<prefix><value>` → count, read back from a counter record's metrics. */
export function histogram(metrics: Record<string, number>, prefix: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const [k, n] of Object.entries(metrics)) {
    if (!k.startsWith(prefix) || n <= 0) continue;
    const v = Number(k.slice(prefix.length));
    if (Number.isInteger(v)) out.set(v, (out.get(v) ?? 0) + n);
  }
  return out;
}

/** Sums counter records' metrics (several months, or several agencies). */
export function sumMetrics(records: readonly { metrics: Record<string, number> }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) for (const [k, n] of Object.entries(r.metrics)) out[k] = (out[k] ?? 0) + n;
  return out;
}

/** The zones from the agencies: the PPID Utama unit's zone is the body's. */
export function zonesOf(agencies: readonly { id: string; kind: string; timezone: string }[]): Zones {
  const byId = new Map(agencies.map((a) => [a.id, a.timezone]));
  const body = agencies.find((a) => a.kind === 'ppid_utama')?.timezone ?? 'Asia/Jakarta';
  return { body, of: (id) => byId.get(id) ?? body };
}
