/**
 * The register as the pages see it: agencies in display order, published items grouped into stable
 * chunks, counts, and the site's paths.
 *
 * Why chunks and not "page 1, 2, 3": a page's membership must depend on the item alone, so that
 * publishing or withdrawing one item rewrites one list page, not every page after it. The DIP's own
 * order is per agency, registration year and sequence (`DINKES/2026/0007`), and the sequence is fixed
 * at creation and gap-free, so a chunk is
 *
 *   (registration year, agency, block)            block = ceil(sequence / 100)       → `dip/<year>/<agency>/<block>.html`
 *   (registration year, agency, category, block)  the same, one category             → `dip/<year>/<agency>/<category>/<block>.html`
 *
 * holding at most 100 rows in DIP order. A new item lands in the chunk of its sequence (usually the
 * agency's last); a withdrawn one leaves a gap in its chunk. The consolidated, year, category and
 * agency views are small index pages of counts that link to these chunks.
 *
 * The DIK (list of excluded information) is one small page of its own, in DIK order (year, sequence).
 */
import { CATEGORIES } from '../categories.ts';
import type { DikEntry } from '../exclusion-model.ts';
import type { Category } from '../item-model.ts';
import type { Agency } from '../model.ts';
import { ANNUAL_PAGE_PATH, annualOrder, type PublicAnnualReport } from './annual.ts';
import type { PublishedEntry, RegisterInput } from './input.ts';
import { logOrder, type PublicRequestEntry, requestLogPath } from './requests.ts';
import { type RegisterSummary, summaryOf } from './summary.ts';

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];
/** Rows per chunk (a block of 100 sequence numbers). */
export const BLOCK = 100;
/** How many of the newest publications the home page lists. */
export const LATEST = 10;

export const CATEGORY_SLUG: Record<Category, string> = { berkala: 'berkala', serta_merta: 'serta-merta', setiap_saat: 'setiap-saat' };

/** What the pages need of an agency (an item whose agency is unknown still shows, under its id). */
export interface AgencyInfo {
  id: string;
  name: string;
  shortName?: string;
  kind: 'ppid_utama' | 'skpd';
  timezone: string;
  address?: string;
  email?: string;
  phone?: string;
  parentId?: string;
}

export interface ChunkKey {
  year: number;
  agencyId: string;
  block: number;
  /** Absent: every category. */
  category?: Category;
}

export type Counts = Record<Category, number> & { total: number };

/** One page of the site, language aside. */
export type PageRef =
  | { kind: 'home' }
  | { kind: 'dip' }
  | { kind: 'dik' }
  | { kind: 'search' }
  | { kind: 'year'; year: number }
  | { kind: 'agency'; agencyId: string }
  /** A category: its years (`year` absent), or one registration year's agencies. */
  | { kind: 'category'; category: Category; year?: number }
  | { kind: 'chunk'; key: ChunkKey }
  | { kind: 'item'; agencyId: string; year: number; sequence: number }
  /** The request form (`permohonan/`), the status page, and the public log of answered requests (all, or one registration year). */
  | { kind: 'request' }
  | { kind: 'requestStatus' }
  | { kind: 'requestLog'; year?: number }
  /** Objections to the Atasan PPID: how to file one, and the form for periodic information not provided (ground b). */
  | { kind: 'objection' }
  /** Approved annual reports (UU 14/2008 Pasal 11(1) h), with their PDF and figures (register/annual.ts). */
  | { kind: 'annualReports' };

/** The open data's licence when the body sets none: Creative Commons Attribution 4.0 International. */
export const OPEN_DATA_LICENSE = 'https://creativecommons.org/licenses/by/4.0/';

/** What the register shows of the public body (functions/core/public-body.ts): its name, the open data's licence and region. */
export interface RegisterBody {
  name: string;
  /** The open data's licence (an IRI); OPEN_DATA_LICENSE (CC BY 4.0) when unset. */
  openDataLicense?: string;
  /** The body's region, the open data's dct:spatial. */
  region?: { name: string; iri?: string };
}

export interface Model {
  publicBody: RegisterBody;
  /** The register's origin without a trailing slash (e.g. `https://ppid.kalbarprov.go.id`); empty: root-relative links. */
  siteUrl: string;
  /** The open data's licence, resolved (the body's setting, else CC BY 4.0). */
  license: string;
  /** When the register was last built in full (every page changed then); undefined when unknown. */
  builtAt?: string;
  /** PPID Utama first, then by name (Indonesian collation). */
  agencies: AgencyInfo[];
  agency: (id: string) => AgencyInfo;
  ppid?: AgencyInfo;
  /** In DIP order: agency order, registration year, sequence. */
  items: PublishedEntry[];
  item: (agencyId: string, year: number, sequence: number) => PublishedEntry | undefined;
  /** chunkId → the chunk, its rows in sequence order. */
  chunks: Map<string, { key: ChunkKey; rows: PublishedEntry[] }>;
  /** seriesId (chunk id without the block) → its blocks, ascending. */
  series: Map<string, number[]>;
  /** Registration years with items, newest first. */
  years: number[];
  /** agencyId → year → counts. */
  counts: Map<string, Map<number, Counts>>;
  latest: PublishedEntry[];
  /** The DIK entries in force, in DIK order: year, then sequence. */
  dik: DikEntry[];
  /** Answered requests (the public log), newest answer first. */
  requests: PublicRequestEntry[];
  /** Registration years with answered requests, newest first. */
  requestYears: number[];
  /** Approved annual reports, newest year first (one a year). */
  annualReports: PublicAnnualReport[];
  /** The register's summary (summary.ts): given with the input, or made from its items. */
  summary: RegisterSummary;
}

export const blockOf = (sequence: number) => Math.ceil(sequence / BLOCK);
export const blockRange = (block: number) => [(block - 1) * BLOCK + 1, block * BLOCK] as const;
export const seriesId = (k: { year: number; agencyId: string; category?: Category }) => `${k.year}/${k.agencyId}${k.category ? `/${k.category}` : ''}`;
export const chunkId = (k: ChunkKey) => `${seriesId(k)}#${k.block}`;
export const chunkKeyOf = (e: PublishedEntry, category?: Category): ChunkKey => ({
  year: e.regYear,
  agencyId: e.agencyId,
  block: blockOf(e.sequence),
  ...(category ? { category } : {}),
});

/** The map's value for `key`, made and stored first if missing. */
export function getOrSet<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

export const emptyCounts = (): Counts => ({ total: 0, berkala: 0, serta_merta: 0, setiap_saat: 0 });
export function addCounts(into: Counts, c: Counts): Counts {
  into.total += c.total;
  for (const cat of CATEGORIES) into[cat] += c[cat];
  return into;
}

/** The LATEST newest of some values by `newer`, newest first, in one pass. */
export function newestOf<T>(xs: Iterable<T>, newer: (a: T, b: T) => boolean): T[] {
  const out: T[] = [];
  for (const x of xs) {
    if (out.length === LATEST && !newer(x, out[LATEST - 1]!)) continue;
    let i = Math.min(out.length, LATEST - 1);
    out[i] = x;
    for (; i > 0 && newer(out[i]!, out[i - 1]!); i--) [out[i], out[i - 1]] = [out[i - 1]!, out[i]!];
  }
  return out;
}

/** When the item was first published (its place among "the latest"). */
export const firstPublishedAt = (e: PublishedEntry) => e.history[0]?.publishedAt ?? e.publishedAt;

// --- paths ------------------------------------------------------------------------------------------

/** A path segment as written in keys and links (agency ids are already `[a-z0-9-]`). */
const seg = (s: string | number) => encodeURIComponent(String(s));

/** The language-neutral path of a page; English pages live under `en/`. */
export function pagePath(ref: PageRef): string {
  switch (ref.kind) {
    case 'home':
      return 'index.html';
    case 'dip':
      return 'dip/index.html';
    case 'dik':
      return 'dik/index.html';
    case 'search':
      return 'cari/index.html';
    case 'year':
      return `dip/${ref.year}/index.html`;
    case 'agency':
      return `instansi/${seg(ref.agencyId)}/index.html`;
    case 'category':
      return `kategori/${CATEGORY_SLUG[ref.category]}/${ref.year !== undefined ? `${ref.year}/` : ''}index.html`;
    case 'chunk': {
      const k = ref.key;
      return `dip/${k.year}/${seg(k.agencyId)}/${k.category ? `${CATEGORY_SLUG[k.category]}/` : ''}${k.block}.html`;
    }
    case 'item':
      return `informasi/${seg(ref.agencyId)}/${ref.year}/${ref.sequence}.html`;
    case 'request':
      return 'permohonan/index.html';
    case 'requestStatus':
      return 'permohonan/status/index.html';
    case 'requestLog':
      return requestLogPath(ref.year);
    case 'objection':
      return 'keberatan/index.html';
    case 'annualReports':
      return ANNUAL_PAGE_PATH;
  }
}

export const itemRef = (e: { agencyId: string; regYear: number; sequence: number }): PageRef => ({
  kind: 'item',
  agencyId: e.agencyId,
  year: e.regYear,
  sequence: e.sequence,
});
export const localPath = (path: string, lang: Lang) => (lang === 'id' ? path : `en/${path}`);
/** The link to a path: root-relative, directory URL for `index.html` (both hosts rewrite it back). */
export const href = (path: string, lang: Lang = 'id') => `/${localPath(path, lang)}`.replace(/(^|\/)index\.html$/, '$1');
export const documentPath = (itemId: string, docId: string, fileName: string) => `berkas/${itemId}/${docId}/${fileName}`;
export const documentHref = (itemId: string, docId: string, fileName: string) => `/berkas/${seg(itemId)}/${seg(docId)}/${seg(fileName)}`;
/** The id of a DIK entry's row on the DIK page (`dik-2026-3`), the fragment of its link. */
export const dikAnchor = (e: { year: number; sequence: number }) => `dik-${e.year}-${e.sequence}`;

// --- building ---------------------------------------------------------------------------------------

function agencyInfo(a: Agency): AgencyInfo {
  return {
    id: a.id,
    name: a.name,
    kind: a.kind,
    timezone: a.timezone,
    ...(a.shortName ? { shortName: a.shortName } : {}),
    ...(a.address ? { address: a.address } : {}),
    ...(a.email ? { email: a.email } : {}),
    ...(a.phone ? { phone: a.phone } : {}),
    ...(a.parentId ? { parentId: a.parentId } : {}),
  };
}

let collator_: Intl.Collator | undefined;
/** Made at the first sort, not at import: a process's first Intl object loads ICU's data (about 20 ms). */
function collator(): Intl.Collator {
  collator_ ??= new Intl.Collator('id', { sensitivity: 'base', numeric: true });
  return collator_;
}

/**
 * The register's agencies in display order (PPID Utama first, then by name), with an agency known
 * only by the id of an item or partition (`extraIds`) shown under its id.
 */
function orderAgencies(input: Pick<RegisterInput, 'agencies'>, extraIds: Iterable<string>): { agencies: AgencyInfo[]; byId: Map<string, AgencyInfo> } {
  const byId = new Map<string, AgencyInfo>();
  for (const a of input.agencies) byId.set(a.id, agencyInfo(a));
  let extra = false;
  for (const id of extraIds) {
    if (!byId.has(id)) {
      byId.set(id, { id, name: id, kind: 'skpd', timezone: 'Asia/Jakarta' });
      extra = true;
    }
  }
  // The same agencies sort the same: an update's two states (before, after) share the sorting.
  const cached = extra ? undefined : orderMemo.get(input.agencies);
  if (cached) return { agencies: cached.map((a) => byId.get(a.id)!), byId };
  const agencies = [...byId.values()].sort((a, b) =>
    a.kind !== b.kind ? (a.kind === 'ppid_utama' ? -1 : 1) : collator().compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  if (!extra) orderMemo.set(input.agencies, agencies);
  return { agencies, byId };
}
const orderMemo = new WeakMap<readonly Agency[], AgencyInfo[]>();

/** An agency's place in DIP order, for a register whose items are summarised (an unknown agency: by its id, as buildModel places it). */
export function agencyRank(input: Pick<RegisterInput, 'agencies'>, summary: RegisterSummary): (agencyId: string) => number {
  const { agencies } = orderAgencies(
    input,
    summary.parts.map((p) => p.agencyId),
  );
  const rank = new Map(agencies.map((a, i) => [a.id, i]));
  return (id) => rank.get(id) ?? orderAgencies(input, [...rank.keys(), id]).agencies.findIndex((a) => a.id === id);
}

export function buildModel(input: RegisterInput, items: readonly PublishedEntry[] = input.items): Model {
  const given = input.summary;
  const { agencies, byId } = orderAgencies(input, [...items.map((e) => e.agencyId), ...(given?.summary.parts.map((p) => p.agencyId) ?? [])]);
  const rank = new Map(agencies.map((a, i) => [a.id, i]));
  const sorted = items
    .map((e) => ({ e, r: rank.get(e.agencyId)! }))
    .sort((a, b) => a.r - b.r || a.e.regYear - b.e.regYear || a.e.sequence - b.e.sequence)
    .map((x) => x.e);

  const chunks = new Map<string, { key: ChunkKey; rows: PublishedEntry[] }>();
  const seriesBlocks = new Map<string, Set<number>>();
  const counts = new Map<string, Map<number, Counts>>();
  const bySlot = new Map<string, PublishedEntry>();
  const years = new Set<number>();
  const push = (k: ChunkKey, e: PublishedEntry) => {
    const id = chunkId(k);
    const chunk = chunks.get(id);
    if (chunk) chunk.rows.push(e);
    else chunks.set(id, { key: k, rows: [e] });
    const sid = seriesId(k);
    const blocks = seriesBlocks.get(sid);
    if (blocks) blocks.add(k.block);
    else seriesBlocks.set(sid, new Set([k.block]));
  };
  for (const e of sorted) {
    push(chunkKeyOf(e), e);
    push(chunkKeyOf(e, e.content.category), e);
    bySlot.set(`${e.agencyId}/${e.regYear}/${e.sequence}`, e);
    years.add(e.regYear);
    const c = getOrSet(
      getOrSet(counts, e.agencyId, () => new Map<number, Counts>()),
      e.regYear,
      emptyCounts,
    );
    c.total++;
    c[e.content.category]++;
  }
  const series = new Map([...seriesBlocks].map(([id, blocks]) => [id, [...blocks].sort((a, b) => a - b)]));
  // The newest LATEST publications, in one pass.
  const newer = (a: PublishedEntry, b: PublishedEntry) => a.publishedAt > b.publishedAt || (a.publishedAt === b.publishedAt && a.itemId < b.itemId);
  let latest = newestOf(items, newer);
  let summary: RegisterSummary;
  if (given) {
    // Some partitions at hand: what the shared pages show of the whole register comes from the summary.
    summary = given.summary;
    counts.clear();
    years.clear();
    for (const p of summary.parts) {
      const c = getOrSet(counts, p.agencyId, () => new Map<number, Counts>());
      c.set(p.year, { ...p.counts, total: CATEGORIES.reduce((n, cat) => n + p.counts[cat], 0) });
      years.add(p.year);
      series.set(seriesId({ year: p.year, agencyId: p.agencyId }), p.blocks.all);
      for (const cat of CATEGORIES) {
        const blocks = p.blocks[cat];
        if (blocks) series.set(seriesId({ year: p.year, agencyId: p.agencyId, category: cat }), blocks);
        else series.delete(seriesId({ year: p.year, agencyId: p.agencyId, category: cat }));
      }
    }
    const byItem = new Map(given.latest.map((e) => [e.itemId, e]));
    latest = summary.latest.flatMap((k) => byItem.get(k[1]) ?? []);
  } else summary = summaryOf(sorted, (id) => rank.get(id)!);

  return {
    publicBody: input.publicBody,
    siteUrl: (input.siteUrl ?? '').replace(/\/+$/, ''),
    license: input.publicBody.openDataLicense ?? OPEN_DATA_LICENSE,
    ...(input.builtAt ? { builtAt: input.builtAt } : {}),
    agencies,
    agency: (id) => byId.get(id) ?? { id, name: id, kind: 'skpd', timezone: 'Asia/Jakarta' },
    ppid: agencies.find((a) => a.kind === 'ppid_utama'),
    items: sorted,
    item: (agencyId, year, sequence) => bySlot.get(`${agencyId}/${year}/${sequence}`),
    chunks,
    series,
    years: [...years].sort((a, b) => b - a),
    counts,
    latest,
    dik: [...input.dik].sort((a, b) => a.year - b.year || a.sequence - b.sequence || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0)),
    requests: [...(input.requests ?? [])].sort(logOrder),
    requestYears: [...new Set((input.requests ?? []).map((r) => r.year))].sort((a, b) => b - a),
    annualReports: annualOrder(input.annualReports ?? []),
    summary,
  };
}

/** Counts of one agency over all years, or of all agencies in one year, or everything. */
export function countsWhere(m: Model, f: { agencyId?: string; year?: number } = {}): Counts {
  // Pages ask for every agency's and every year's sum: each is computed once per model.
  let memo = countsMemo.get(m.counts);
  if (!memo) {
    memo = new Map<string, Counts>();
    countsMemo.set(m.counts, memo);
  }
  const key = `${f.agencyId ?? ''}|${f.year ?? ''}`;
  return { ...getOrSet(memo, key, () => sumCounts(m, f)) };
}
/** Whether a category has items in a registration year: its page of that year exists (`kategori/<category>/<year>/`). */
export const hasCategoryYear = (m: Model, category: Category, year: number) => countsWhere(m, { year })[category] > 0;
const countsMemo = new WeakMap<Map<string, Map<number, Counts>>, Map<string, Counts>>();

function sumCounts(m: Model, f: { agencyId?: string; year?: number }): Counts {
  const sum = emptyCounts();
  const add = (perYear: Map<number, Counts>) => {
    for (const [year, c] of perYear) if (f.year === undefined || year === f.year) addCounts(sum, c);
  };
  if (f.agencyId) {
    const perYear = m.counts.get(f.agencyId);
    if (perYear) add(perYear);
  } else for (const perYear of m.counts.values()) add(perYear);
  return sum;
}

export const rowsOf = (m: Model, k: ChunkKey) => m.chunks.get(chunkId(k))?.rows;
export const blocksOf = (m: Model, k: { year: number; agencyId: string; category?: Category }) => m.series.get(seriesId(k)) ?? [];

/** The chunks next to `block` in its series (the pager's previous and next), if any. */
export function neighbours(m: Model, k: ChunkKey): { prev?: ChunkKey; next?: ChunkKey } {
  const blocks = blocksOf(m, k);
  const prev = blocks.filter((b) => b < k.block).at(-1);
  const next = blocks.find((b) => b > k.block);
  return { ...(prev !== undefined ? { prev: { ...k, block: prev } } : {}), ...(next !== undefined ? { next: { ...k, block: next } } : {}) };
}

/** Every page of the register in this state. */
export function* allPages(m: Model): Generator<PageRef> {
  yield { kind: 'home' };
  yield { kind: 'dip' };
  yield { kind: 'dik' };
  yield { kind: 'search' };
  for (const category of CATEGORIES) {
    yield { kind: 'category', category };
    for (const year of m.years) if (hasCategoryYear(m, category, year)) yield { kind: 'category', category, year };
  }
  for (const year of m.years) yield { kind: 'year', year };
  for (const a of m.agencies) yield { kind: 'agency', agencyId: a.id };
  for (const { key } of m.chunks.values()) yield { kind: 'chunk', key };
  for (const e of m.items) yield itemRef(e);
  yield* requestPages(m);
  yield { kind: 'annualReports' };
}

/** The request pages: the form, the status page, the objection page, the log and its years. */
export function* requestPages(m: Model): Generator<PageRef> {
  yield { kind: 'request' };
  yield { kind: 'requestStatus' };
  yield { kind: 'objection' };
  yield { kind: 'requestLog' };
  for (const year of m.requestYears) yield { kind: 'requestLog', year };
}
