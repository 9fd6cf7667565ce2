/**
 * The register's summary: what the shared pages need of the whole DIP, per partition (one agency's
 * registration year), small enough to be read and rewritten by every change.
 *
 * The home, DIP, year, agency and category pages show counts, the newest publications and links to
 * each series' blocks; the sitemap's index and shared part show dates; the catalogue shows the DIP's
 * period and dates; the open data's index lists every part. All of that is a function of each
 * partition's summary (`partitionSummary`), and a partition's summary is a function of its items
 * only. So a change recomputes the summaries of the partitions it touches from their items (read
 * whole: a partition is one agency's year, bounded by what one agency publishes in a year, not by the
 * register's size), keeps the others as they are, and renders the shared pages from the result: the
 * update reads the same number of records whether the register holds a thousand items or a million.
 *
 * It is written in the same plan as the pages (`data/dip/index.json`, public like everything it
 * summarises: the open data's index of parts), so a crash half-way leaves the old summary beside
 * the register events still queued, and the next update recomputes the touched partitions from their
 * items again: recomputing, not adding deltas, is what makes a rerun harmless. A full rebuild writes
 * it from scratch.
 */
import { CATEGORIES } from '../categories.ts';
import type { Category } from '../item-model.ts';
import type { PublishedEntry } from './input.ts';
import { BLOCK, firstPublishedAt, LATEST, newestOf } from './model.ts';

/** A partition: one agency's registration year. Every item is in exactly one, for good (agency and year are fixed with its number). */
export interface PartitionKey {
  agencyId: string;
  year: number;
}
export const partitionId = (k: PartitionKey) => `${k.agencyId}#${k.year}`;
export const partitionOf = (e: { agencyId: string; regYear: number }): PartitionKey => ({ agencyId: e.agencyId, year: e.regYear });

/** Where the summary lives on the register (the open data's index of parts, see the module's comment). */
export const SUMMARY_PATH = 'data/dip/index.json';
/** A part of the DIP's open data: one partition as JSON and CSV. */
export const partExportPaths = (k: PartitionKey) => {
  const base = `data/dip/${encodeURIComponent(k.agencyId)}/${k.year}`;
  return { json: `${base}.json`, csv: `${base}.csv` } as const;
};

/** Sequences per part of the sitemap (sitemap.ts uses the same). */
export const SITEMAP_PART_SEQUENCES = 10_000;

export interface PartitionSummary {
  agencyId: string;
  year: number;
  /** Items by category (every category present, 0 when none). */
  counts: Record<Category, number>;
  /** Blocks with rows: `all` for the agency-year series, then each category's series (absent: none). */
  blocks: { all: number[] } & Partial<Record<Category, number[]>>;
  /** The newest publication (`publishedAt`) by category (absent: none). */
  newest: Partial<Record<Category, string>>;
  /** The oldest first publication of its items (the catalogue's `dct:issued`). */
  issued: string;
  /** The range of the items' information years (`content.year`, the catalogue's period). */
  years: [number, number];
  /** Sitemap part number → the newest publication among its items (most partitions have one part). */
  sitemap: Record<string, string>;
}

/** One of the newest publications: `[publishedAt, itemId, agencyId, registration year]`. */
export type LatestKey = [publishedAt: string, itemId: string, agencyId: string, year: number];

export interface RegisterSummary {
  /** In DIP order (agency order, then year). */
  parts: PartitionSummary[];
  /** The register's newest publications, newest first, at most LATEST (the home and DIP pages list them). */
  latest: LatestKey[];
}

/** "a is newer than b" among publications: the later `publishedAt`, then the smaller item id (model.ts uses the same order). */
export const newerKey = (a: readonly [string, string, ...unknown[]], b: readonly [string, string, ...unknown[]]) =>
  a[0] > b[0] || (a[0] === b[0] && a[1] < b[1]);

/** The newest LATEST of some publications, newest first. */
export const newestKeys = (keys: Iterable<LatestKey>): LatestKey[] => newestOf(keys, newerKey);
export const latestKey = (e: PublishedEntry): LatestKey => [e.publishedAt, e.itemId, e.agencyId, e.regYear];

/** The summary of one partition's items (any order); undefined when it has none. */
export function partitionSummary(key: PartitionKey, items: readonly PublishedEntry[]): PartitionSummary | undefined {
  if (items.length === 0) return undefined;
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const blocks = new Map<string, Set<number>>();
  const newest: Partial<Record<Category, string>> = {};
  const sitemap: Record<string, string> = {};
  let issued: string | undefined;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const e of items) {
    const c = e.content.category;
    counts[c]++;
    const block = Math.ceil(e.sequence / BLOCK);
    for (const s of ['all', c]) {
      const set = blocks.get(s) ?? new Set<number>();
      set.add(block);
      blocks.set(s, set);
    }
    if (!newest[c] || e.publishedAt > newest[c]) newest[c] = e.publishedAt;
    const part = String(Math.ceil(e.sequence / SITEMAP_PART_SEQUENCES));
    if (!sitemap[part] || e.publishedAt > sitemap[part]) sitemap[part] = e.publishedAt;
    const first = firstPublishedAt(e);
    if (!issued || first < issued) issued = first;
    lo = Math.min(lo, e.content.year);
    hi = Math.max(hi, e.content.year);
  }
  const sorted = (s: string) => [...(blocks.get(s) ?? [])].sort((a, b) => a - b);
  return {
    // Keys in one order whatever the items' (the summary is compared byte for byte).
    agencyId: key.agencyId,
    year: key.year,
    counts,
    blocks: { all: sorted('all'), ...Object.fromEntries(CATEGORIES.filter((c) => blocks.has(c)).map((c) => [c, sorted(c)])) },
    newest: Object.fromEntries(CATEGORIES.filter((c) => newest[c]).map((c) => [c, newest[c]])),
    issued: issued!,
    years: [lo, hi],
    sitemap,
  };
}

/** The newest publication of a partition, whatever its category. */
export const newestOfPart = (p: PartitionSummary) => Object.values(p.newest).reduce((a, b) => (b > a ? b : a), '');

/** The parts in DIP order (`rank`: an agency's place, model.ts). */
export const sortParts = (parts: Iterable<PartitionSummary>, rank: (agencyId: string) => number) =>
  [...parts].sort((a, b) => rank(a.agencyId) - rank(b.agencyId) || a.year - b.year);

/** The summary of a whole register (a full rebuild): every item at hand. */
export function summaryOf(items: readonly PublishedEntry[], rank: (agencyId: string) => number): RegisterSummary {
  const byPart = new Map<string, PublishedEntry[]>();
  for (const e of items) {
    const id = partitionId(partitionOf(e));
    const list = byPart.get(id);
    if (list) list.push(e);
    else byPart.set(id, [e]);
  }
  const parts = [...byPart.values()].map((list) => partitionSummary(partitionOf(list[0]!), list)!);
  return { parts: sortParts(parts, rank), latest: newestKeys(items.map(latestKey)) };
}

/**
 * The summary after some partitions changed. `fresh`: every touched partition's items now (read
 * whole); the other parts stay as they were.
 *
 * The newest publications: the old list without the touched partitions' entries, plus the touched
 * partitions' own newest. An untouched partition's item that is not in the old list is older than the
 * old list's last (the old list was the register's newest), so it can belong in the new list only
 * when fewer than LATEST candidates are at least that new (the touched partitions lost entries:
 * withdrawals). Then `more` names the untouched partitions whose newest publication is new enough to
 * belong, for the caller to read and pass in `fresh` too (their summaries come out the same); after
 * that, none is left. Usually `more` is empty.
 */
export function updateSummary(
  was: RegisterSummary,
  fresh: ReadonlyMap<string, readonly PublishedEntry[]>,
  rank: (agencyId: string) => number,
): { summary: RegisterSummary; more: PartitionKey[] } {
  const touched = (k: { agencyId: string; year: number }) => fresh.has(partitionId(k));
  const parts = was.parts.filter((p) => !touched(p));
  for (const items of fresh.values()) {
    const p = items.length ? partitionSummary(partitionOf(items[0]!), items) : undefined;
    if (p) parts.push(p);
  }
  const latest = newestKeys([
    ...was.latest.filter((k) => !touched({ agencyId: k[2], year: k[3] })),
    ...[...fresh.values()].flatMap((items) => newestKeys(items.map(latestKey))),
  ]);
  const oldLast = was.latest.length === LATEST ? was.latest[LATEST - 1]! : undefined;
  const complete = !oldLast || latest.filter((k) => !newerKey(oldLast, k)).length === LATEST;
  const floor = latest.length === LATEST ? latest[LATEST - 1]![0] : '';
  const more = complete ? [] : parts.filter((p) => !touched(p) && newestOfPart(p) >= floor).map((p) => ({ agencyId: p.agencyId, year: p.year }));
  return { summary: { parts: sortParts(parts, rank), latest }, more };
}

/** The summary as written on the register: one part per line, so that it stays readable and diffable. */
export function serializeSummary(s: RegisterSummary): string {
  const parts = s.parts.map((p) => JSON.stringify(p));
  return `{"latest":${JSON.stringify(s.latest)},"parts":[${parts.length ? `\n${parts.join(',\n')}\n` : ''}]}\n`;
}

export function parseSummary(body: string): RegisterSummary {
  const s = JSON.parse(body) as Partial<RegisterSummary>;
  return { parts: s.parts ?? [], latest: s.latest ?? [] };
}
