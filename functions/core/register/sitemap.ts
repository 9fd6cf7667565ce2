/**
 * Findability: `/robots.txt` and the sitemap (sitemaps.org 0.9 with `xhtml:link` hreflang
 * alternates), in parts so that one publication rewrites one small part, not a list of every page.
 *
 *   robots.txt                                   allow everything; `Sitemap:` the index's absolute URL
 *   sitemap.xml                                  the index: every part, with its lastmod
 *   sitemap/umum.xml                             the shared pages: home, DIP, DIK, search, categories,
 *                                                years, agencies, request, status, objection, the
 *                                                request log and its years, annual reports
 *   sitemap/dip/<agency>/<year>-<part>.xml       one agency's registration year, sequences
 *                                                (part-1)·10,000+1 … part·10,000: its item pages and
 *                                                DIP tables (≤ 10,400 pages, 20,800 URLs: under the
 *                                                protocol's 50,000 URLs and 50 MB)
 *
 * Every page is listed in both languages, each URL with its three alternates (id, en, x-default =
 * id), as search engines ask. A page's `lastmod` is the latest of the last full build (when every
 * page was written anew) and the newest dated content it shows: an item's publication, the newest
 * publication in a table, count page or the home page, the newest DIK entry, answer or objection
 * decision in the request log, approval of an annual report. The form, status, objection and search
 * pages change only with the renderer, so theirs is the full build's. A withdrawal has no date of
 * its own in the register (what is gone leaves no record), so it does not move a lastmod forward.
 *
 * The verification pages of issued documents (`verifikasi/<code>/`) are not listed: they are reached
 * from the document's QR code, not searched for. Neither is the 404 page (`noindex`).
 *
 * Like the pages, nothing here carries the time of rendering: a part that shows the same pages with
 * the same dates renders byte for byte the same, so the incremental update compares and writes only
 * the parts that changed (see index.ts `renderChanges`).
 */
import { CATEGORIES } from '../categories.ts';
import type { PublishedEntry } from './input.ts';
import { allPages, blockOf, type ChunkKey, href, itemRef, LANGS, type Lang, type Model, type PageRef, pagePath, rowsOf } from './model.ts';
import { SITEMAP_PART_SEQUENCES } from './summary.ts';

export const ROBOTS_PATH = 'robots.txt';
export const SITEMAP_INDEX_PATH = 'sitemap.xml';
export const SHARED_PART_PATH = 'sitemap/umum.xml';
/** Sequences per part of an agency's registration year. */
export const PART_SEQUENCES = SITEMAP_PART_SEQUENCES;

const XMLNS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML = 'http://www.w3.org/1999/xhtml';

/** One part of the sitemap: the shared pages, or one agency's registration year (a block of 10,000 sequences). */
export type SitemapPart = { kind: 'shared' } | { kind: 'dip'; agencyId: string; year: number; part: number };

export const partOf = (e: { agencyId: string; regYear: number; sequence: number }): SitemapPart => ({
  kind: 'dip',
  agencyId: e.agencyId,
  year: e.regYear,
  part: Math.ceil(e.sequence / PART_SEQUENCES),
});

export const sitemapPartPath = (p: SitemapPart) =>
  p.kind === 'shared' ? SHARED_PART_PATH : `sitemap/dip/${encodeURIComponent(p.agencyId)}/${p.year}-${p.part}.xml`;

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);

/** The newest of some instants (ISO dates or date-times), as a W3C date-time in UTC to the second. */
function newest(dates: Iterable<string | undefined>): string | undefined {
  let max = Number.NEGATIVE_INFINITY;
  for (const d of dates) {
    const t = d ? Date.parse(d) : Number.NaN;
    if (t > max) max = t;
  }
  return Number.isFinite(max) ? new Date(max).toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined;
}

/** The absolute URL of a page in one language. */
export const pageUrl = (m: Model, ref: PageRef, lang: Lang) => `${m.siteUrl}${href(pagePath(ref), lang)}`;

/** The newest publication among some items. */
const newestPublication = (items: Iterable<PublishedEntry>) =>
  newest(
    (function* () {
      for (const e of items) yield e.publishedAt;
    })(),
  );

/**
 * The dates of the shared pages' content, computed once per model (O(n)): the newest publication
 * overall, per agency, per registration year and per category.
 */
interface SharedDates {
  all?: string;
  agency: Map<string, string>;
  year: Map<number, string>;
  category: Map<string, string>;
  /** By `<category>#<year>`. */
  categoryYear: Map<string, string>;
}

function sharedDates(m: Model): SharedDates {
  const agency = new Map<string, string>();
  const year = new Map<number, string>();
  const category = new Map<string, string>();
  const categoryYear = new Map<string, string>();
  let all: string | undefined;
  const later = <K>(map: Map<K, string>, k: K, d: string) => {
    const was = map.get(k);
    if (!was || d > was) map.set(k, d);
  };
  // From the summary (summary.ts): each partition's newest publication by category. publishedAt is
  // an ISO instant in UTC throughout, so string order is time order.
  for (const p of m.summary.parts) {
    for (const [cat, d] of Object.entries(p.newest)) {
      if (!all || d > all) all = d;
      later(agency, p.agencyId, d);
      later(year, p.year, d);
      later(category, cat, d);
      later(categoryYear, `${cat}#${p.year}`, d);
    }
  }
  return { ...(all ? { all } : {}), agency, year, category, categoryYear };
}

/** The newest dated content of a shared page (see the module's comment); undefined for the pages that have none. */
function sharedContentDate(m: Model, d: SharedDates, ref: PageRef): string | undefined {
  switch (ref.kind) {
    case 'home':
      return newest([d.all, ...m.dik.map((e) => e.setAt)]);
    case 'dip':
      return d.all;
    case 'dik':
      return newest(m.dik.map((e) => e.setAt));
    case 'year':
      return d.year.get(ref.year);
    case 'agency':
      return d.agency.get(ref.agencyId);
    case 'category':
      return ref.year === undefined ? d.category.get(ref.category) : d.categoryYear.get(`${ref.category}#${ref.year}`);
    case 'requestLog':
      return newest(
        m.requests
          .filter((r) => ref.year === undefined || r.year === ref.year)
          .flatMap((r) => [r.answeredAt, ...(r.objections ?? []).map((o) => o.respondedAt)]),
      );
    case 'annualReports':
      return newest(m.annualReports.map((r) => r.approvedAt));
    default:
      return undefined;
  }
}

const lastmodOf = (m: Model, contentDate: string | undefined) => newest([m.builtAt, contentDate]);

/** One page's two `<url>` entries (Indonesian, English), each naming both and the default. */
function urlEntries(m: Model, ref: PageRef, lastmod: string | undefined): string {
  const alternates = [
    ...LANGS.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${escapeXml(pageUrl(m, ref, l))}"/>`),
    `<xhtml:link rel="alternate" hreflang="x-default" href="${escapeXml(pageUrl(m, ref, 'id'))}"/>`,
  ].join('');
  return LANGS.map((l) => `<url><loc>${escapeXml(pageUrl(m, ref, l))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}${alternates}</url>\n`).join('');
}

const urlset = (entries: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${XMLNS}" xmlns:xhtml="${XHTML}">\n${entries}</urlset>\n`;

/** The pages of one agency's registration-year part, in DIP order, with their dates: each table, then its items. */
interface DipPart {
  part: SitemapPart & { kind: 'dip' };
  items: PublishedEntry[];
}

function dipPartFile(m: Model, p: DipPart): { body: string; lastmod: string | undefined } {
  // The part's tables: every block of its sequences that has rows, for all categories and each one.
  const blocks = [...new Set(p.items.map((e) => blockOf(e.sequence)))].sort((a, b) => a - b);
  let entries = '';
  const dates: (string | undefined)[] = [];
  for (const block of blocks) {
    for (const category of [undefined, ...CATEGORIES]) {
      const key: ChunkKey = { year: p.part.year, agencyId: p.part.agencyId, block, ...(category ? { category } : {}) };
      const rows = rowsOf(m, key);
      if (!rows?.length) continue;
      const lastmod = lastmodOf(m, newestPublication(rows));
      dates.push(lastmod);
      entries += urlEntries(m, { kind: 'chunk', key }, lastmod);
    }
  }
  for (const e of p.items) {
    const lastmod = lastmodOf(m, e.publishedAt);
    dates.push(lastmod);
    entries += urlEntries(m, itemRef(e), lastmod);
  }
  return { body: urlset(entries), lastmod: newest(dates) };
}

/** Every agency's registration-year parts, keyed by path, from one pass over the items (already in DIP order). */
function dipParts(m: Model, only?: (e: PublishedEntry) => boolean): Map<string, DipPart> {
  const parts = new Map<string, DipPart>();
  for (const e of m.items) {
    if (only && !only(e)) continue;
    const part = partOf(e) as DipPart['part'];
    const path = sitemapPartPath(part);
    const p = parts.get(path);
    if (p) p.items.push(e);
    else parts.set(path, { part, items: [e] });
  }
  return parts;
}

function sharedPartFile(m: Model): { body: string; lastmod: string | undefined } {
  const d = sharedDates(m);
  let entries = '';
  const dates: (string | undefined)[] = [];
  for (const ref of allPages(m)) {
    if (ref.kind === 'chunk' || ref.kind === 'item') continue;
    const lastmod = lastmodOf(m, sharedContentDate(m, d, ref));
    dates.push(lastmod);
    entries += urlEntries(m, ref, lastmod);
  }
  return { body: urlset(entries), lastmod: newest(dates) };
}

function indexFile(m: Model, parts: [path: string, lastmod: string | undefined][]): string {
  const entries = parts
    .map(([path, lastmod]) => `<sitemap><loc>${escapeXml(`${m.siteUrl}/${path}`)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>\n`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${XMLNS}">\n${entries}</sitemapindex>\n`;
}

/** Every agency part of the sitemap with its lastmod, in DIP order, from the summary (no item needed). */
function listedParts(m: Model): [path: string, lastmod: string | undefined][] {
  const out: [string, string | undefined][] = [];
  for (const p of m.summary.parts) {
    for (const part of Object.keys(p.sitemap)
      .map(Number)
      .sort((a, b) => a - b)) {
      out.push([sitemapPartPath({ kind: 'dip', agencyId: p.agencyId, year: p.year, part }), lastmodOf(m, p.sitemap[String(part)])]);
    }
  }
  return out;
}

/**
 * The whole sitemap of this state of the register: the index, then every part (path → body). The
 * index lists the shared part first, then the agencies' parts in DIP order.
 */
export function sitemapFiles(m: Model): Map<string, string> {
  const out = new Map<string, string>();
  const shared = sharedPartFile(m);
  out.set(SITEMAP_INDEX_PATH, indexFile(m, [[SHARED_PART_PATH, shared.lastmod], ...listedParts(m)]));
  out.set(SHARED_PART_PATH, shared.body);
  for (const [path, p] of dipParts(m)) out.set(path, dipPartFile(m, p).body);
  return out;
}

/**
 * The index and the shared part, and the named agency parts (undefined when the part has no page in
 * this state): what a change may touch. The index and the shared part come from the summary; the
 * named parts from the items at hand, which must include their partitions whole.
 */
export function sitemapFilesOf(m: Model, partPaths: ReadonlySet<string>): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const shared = sharedPartFile(m);
  out.set(SITEMAP_INDEX_PATH, indexFile(m, [[SHARED_PART_PATH, shared.lastmod], ...listedParts(m)]));
  out.set(SHARED_PART_PATH, shared.body);
  for (const [path, p] of dipParts(m, (e) => partPaths.has(sitemapPartPath(partOf(e))))) out.set(path, dipPartFile(m, p).body);
  for (const path of partPaths) if (!out.has(path)) out.set(path, undefined);
  return out;
}

/** robots.txt: every crawler may read everything; the sitemap index by its absolute URL (omitted when the register has no base URL: the protocol wants one). */
export function robotsTxt(m: Model): string {
  return `User-agent: *\nAllow: /\n${m.siteUrl ? `\nSitemap: ${m.siteUrl}/${SITEMAP_INDEX_PATH}\n` : ''}`;
}
