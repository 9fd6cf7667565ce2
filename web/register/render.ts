/**
 * The public register, rendered: pure functions from the published DIP to the files of a static
 * site (no AWS, no I/O). The adapter applies the plan to the register bucket and invalidates the
 * changed paths.
 *
 * It lives with the pages it renders (web/register/) and uses the core: the register's model, its
 * exports, sitemap and search index (functions/core/register/), and the input and plan types
 * (functions/core/register/input.ts). The core never imports it; the update use case
 * (functions/core/register-update.ts) is handed `registerRenderer` below by the register task.
 * test/unit/import-direction.test.ts keeps it that way.
 *
 * Site (Indonesian at `/…`, English twins at `/en/…`, each page linking the other with hreflang):
 *
 *   index.html                                 home: the body, its PPID, categories, latest, agencies
 *   dip/index.html                             consolidated DIP: counts by year and by agency
 *   dik/index.html                             the DIK (list of excluded information): one table, no documents
 *   dip/<year>/index.html                      one registration year: agencies × categories
 *   dip/<year>/<agency>/<block>.html           DIP table: ≤100 rows, sequences (block-1)·100+1 … block·100
 *   dip/<year>/<agency>/<category>/<block>.html  the same, one category
 *   instansi/<agency>/index.html               an agency's (SKPD's) DIP: years × categories
 *   kategori/<category>/index.html             one category: its years (count, agencies)
 *   kategori/<category>/<year>/index.html      one category in one registration year: agencies
 *   informasi/<agency>/<year>/<sequence>.html  one item: every DIP column, versions, documents
 *   cari/index.html                            search (needs JavaScript)
 *   permohonan/index.html                      the information-request form (works without JavaScript)
 *   permohonan/status/index.html               a request's status by number and tracking code (needs JavaScript)
 *   permohonan/daftar/index.html               the public log of answered requests: years and the latest
 *   permohonan/daftar/<year>/index.html        the answered requests of one registration year
 *   keberatan/index.html                       objections to the Atasan PPID: how to file, and the form for ground b (needs JavaScript)
 *   404.html                                   not found, both languages in one file (both hosts serve it)
 *   assets/register.css, assets/search.js, assets/permohonan.js (the request pages' script)
 *   favicon.svg, favicon.ico                   the site's icon (web/shared/favicon.ts), linked from every page
 *   search/<prefix>.json, search/doc/<year>/<agency>/<card>.json    the split search index
 *                                              (the shards stored gzip-compressed, as the summary: input.ts SiteFile.encoding)
 *   search/shards.json                         which shards exist (read first by the search page)
 *   data/dip.json, data/dip.csv, data/catalog.jsonld                open data (the DCAT-AP 3 catalogue describes every dataset here)
 *   data/dik.json, data/dik.csv                                     the DIK as open data
 *   robots.txt, sitemap.xml, sitemap/umum.xml, sitemap/dip/<agency>/<year>-<part>.xml   findability (sitemap.ts)
 *                                              (the sitemap's files stored gzip-compressed)
 *   data/permohonan.json, data/permohonan.csv                       answered requests, no personal data (requests.ts)
 *   laporan/index.html                         approved annual reports (UU 14/2008 Pasal 11(1) h), with their PDF (annual.ts)
 *   laporan/<year>/<number>.pdf, data/laporan-tahunan/<year>.json, data/laporan-tahunan.json   their files, copied as archived
 *   berkas/<itemId>/<docId>/<fileName>         public documents (copied by the adapter)
 *   berkas/permohonan/<requestId>/<docId>/<fileName>   documents an answer released to everyone
 *
 * Every page carries its canonical URL and its hreflang alternates (id, en, x-default), absolute from
 * `siteUrl`, and a meta description from its content (web/register/describe.ts).
 *
 * Incremental: a page depends only on its own chunk, counts, or the item, so one publication or
 * withdrawal touches O(1) pages plus the search shards of its terms, the exports, the catalogue, and
 * of the sitemap the index, the shared part and the item's own part (see `renderChange`). Pages carry no build time, so an unchanged page renders byte for byte the same.
 * A DIK change (an entry set, expired or revoked) touches the DIK page, home (its count) and the
 * DIK exports (see `renderDik`); a DIP change never touches the DIK. An answered request (a
 * written notice issued) touches the log's index and its year page and the log's exports (see
 * `renderRequests`); the form and status pages never change with data. Each of these also rewrites
 * the catalogue (its dates) and the sitemap's index and shared part (their lastmod), all small.
 */

import { CATEGORIES } from '../../functions/core/categories.ts';
import { type VerificationRecord, verificationPath } from '../../functions/core/official-documents/verification.ts';
import { ANNUAL_INDEX_PATH, annualCopies, annualIndexJson } from '../../functions/core/register/annual.ts';
import { dikCsv, dikJson } from '../../functions/core/register/dik.ts';
import {
  catalogJsonLd,
  DIK_EXPORT_PATHS,
  dipCsv,
  dipCsvOfParts,
  dipCsvRows,
  dipJson,
  dipJsonOfParts,
  dipJsonRows,
  EXPORT_PATHS,
  partCsv,
  partJson,
} from '../../functions/core/register/exports.ts';
import { gzipFile, type PublishedEntry, type RegisterChange, type RegisterInput, type SiteFile, type SitePlan } from '../../functions/core/register/input.ts';
import {
  allPages,
  buildModel,
  type ChunkKey,
  chunkKeyOf,
  documentPath,
  getOrSet,
  itemRef,
  LANGS,
  localPath,
  type Model,
  neighbours,
  type PageRef,
  pagePath,
} from '../../functions/core/register/model.ts';
import { REQUEST_EXPORT_PATHS, requestDocumentCopies, requestsCsv, requestsJson } from '../../functions/core/register/requests.ts';
import {
  allCardFiles,
  cardKeyOf,
  cardsFile,
  cardsPath,
  type ItemTerms,
  itemTerms,
  patchManifest,
  patchShards,
  SHARD_MANIFEST_PATH,
  shardFiles,
  shardManifest,
  shardPath,
  shardsOf,
} from '../../functions/core/register/search-index.ts';
import {
  partOf,
  ROBOTS_PATH,
  robotsTxt,
  SHARED_PART_PATH,
  SITEMAP_INDEX_PATH,
  sitemapFiles,
  sitemapFilesOf,
  sitemapPartPath,
} from '../../functions/core/register/sitemap.ts';
import { type PartitionKey, partExportPaths, partitionId, partitionOf, SUMMARY_PATH, serializeSummary } from '../../functions/core/register/summary.ts';
import type { RegisterRenderer } from '../../functions/core/register-update.ts';
import { FAVICON_FILES } from '../shared/favicon.ts';
import { REGISTER_CSS, REQUEST_JS, SEARCH_JS } from './assets.ts';
import { NOT_FOUND_PATH, renderNotFoundPage } from './not-found.tsx';
import { renderPage } from './pages.tsx';
import { renderVerificationPage } from './verification.tsx';

export const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  jsonld: 'application/ld+json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
} as const;

const html = (path: string, body: string): SiteFile => ({ path, body, contentType: CONTENT_TYPES.html });
const json = (path: string, body: string): SiteFile => ({ path, body, contentType: CONTENT_TYPES.json });
/**
 * The sitemap's files, stored gzip-compressed like the search shards: read by crawlers, which all
 * accept it (the sitemap protocol allows compressed sitemaps), and one part is rewritten with every
 * publication of its agency's year (≈ 100 kB of XML for a few hundred items, ≈ 10 kB compressed).
 */
const sitemapXml = (path: string, body: string): SiteFile => gzipFile(path, body, CONTENT_TYPES.xml);
const csv = (path: string, body: string): SiteFile => ({ path, body, contentType: CONTENT_TYPES.csv });
/** JSON stored gzip-compressed (input.ts `SiteFile.encoding`): the search shards and the summary. */
const gzJson = (path: string, body: string): SiteFile => gzipFile(path, body, CONTENT_TYPES.json);

/** The DIP's open-data exports and the catalogue (for an adapter that refreshes them less often than every change; the DIK's come with renderDik). */
export const renderExports = (input: RegisterInput): SiteFile[] => {
  const m = buildModel(input);
  return [...exportFiles(m, input.generatedAt), catalogFile(m)];
};

function exportFiles(m: Model, generatedAt: string): SiteFile[] {
  return [json(EXPORT_PATHS.json, dipJson(m, generatedAt)), csv(EXPORT_PATHS.csv, dipCsv(m))];
}

/** The DCAT catalogue: small, and a function of what it describes only (no build time), so every change to it rewrites it whole. */
const catalogFile = (m: Model): SiteFile => ({ path: EXPORT_PATHS.catalog, body: catalogJsonLd(m, m.summary), contentType: CONTENT_TYPES.jsonld });

/**
 * What a change outside the DIP (DIK, answered request, annual report) writes of the sitemap: the
 * shared part (the dates of its pages) and the index (the shared part's lastmod). Both are small.
 */
function sharedSitemapFiles(m: Model): SiteFile[] {
  const files = sitemapFilesOf(m, new Set());
  return [SITEMAP_INDEX_PATH, SHARED_PART_PATH].map((path) => sitemapXml(path, files.get(path)!));
}

/** The public log's exports (not stamped: they change only with the log). */
function requestExportFiles(m: Model): SiteFile[] {
  return [json(REQUEST_EXPORT_PATHS.json, requestsJson(m)), csv(REQUEST_EXPORT_PATHS.csv, requestsCsv(m))];
}

/** The DIK's exports (stamped with the time of the change, like the DIP's). */
function dikExportFiles(m: Model, generatedAt: string): SiteFile[] {
  return [json(DIK_EXPORT_PATHS.json, dikJson(m, generatedAt)), csv(DIK_EXPORT_PATHS.csv, dikCsv(m))];
}

const copiesOf = (e: PublishedEntry, except: ReadonlySet<string> = new Set()) =>
  e.documents.filter((d) => d.status === 'verified' && !except.has(d.docId)).map((d) => ({ from: d.key, to: documentPath(e.itemId, d.docId, d.fileName) }));

/** The files every build writes first: the stylesheet, the scripts, the icons and robots.txt. */
function* assetFiles(m: Model): Generator<SiteFile> {
  yield { path: 'assets/register.css', body: REGISTER_CSS, contentType: CONTENT_TYPES.css };
  yield { path: 'assets/search.js', body: SEARCH_JS, contentType: CONTENT_TYPES.js };
  yield { path: 'assets/permohonan.js', body: REQUEST_JS, contentType: CONTENT_TYPES.js };
  for (const f of FAVICON_FILES) yield { path: f.name, body: f.body(), contentType: f.contentType };
  yield { path: ROBOTS_PATH, body: robotsTxt(m), contentType: CONTENT_TYPES.txt };
}

/**
 * Every file of the site, one at a time (an adapter can upload as it goes instead of holding a
 * 100,000-item site in memory).
 */
export function* renderFullFiles(input: RegisterInput): Generator<SiteFile> {
  const m = buildModel(input);
  yield* assetFiles(m);
  for (const [path, body] of sitemapFiles(m)) yield sitemapXml(path, body);
  yield html(NOT_FOUND_PATH, renderNotFoundPage(m));
  for (const ref of allPages(m)) for (const lang of LANGS) yield html(localPath(pagePath(ref), lang), renderPage(m, ref, lang)!);
  const shards = shardFiles(m, itemTerms);
  for (const [shard, body] of shards) yield gzJson(shardPath(shard), body);
  yield json(SHARD_MANIFEST_PATH, shardManifest(shards.keys()));
  for (const [path, body] of allCardFiles(m)) yield json(path, body);
  yield catalogFile(m);
  yield gzJson(SUMMARY_PATH, serializeSummary(m.summary));
  // The whole DIP's exports are its parts' rows joined: each row is made once, for its part.
  const rows = { json: [] as string[], csv: [] as string[] };
  yield* partExportFiles(m, rows);
  yield json(EXPORT_PATHS.json, dipJsonOfParts(m, input.generatedAt, m.items.length, rows.json));
  yield csv(EXPORT_PATHS.csv, dipCsvOfParts(rows.csv));
  yield* dikExportFiles(m, input.generatedAt);
  yield* requestExportFiles(m);
  yield json(ANNUAL_INDEX_PATH, annualIndexJson(m));
  yield* verificationFiles(m, input.verifications ?? []);
}

/**
 * Each partition's part of the open data (JSON and CSV), from the items in DIP order (a partition's
 * rows are consecutive); `rows`, if given, collects each part's rows for the whole DIP's exports.
 */
function* partExportFiles(m: Model, rows?: { json: string[]; csv: string[] }): Generator<SiteFile> {
  for (let i = 0; i < m.items.length; ) {
    const first = m.items[i]!;
    let j = i;
    while (j < m.items.length && m.items[j]!.agencyId === first.agencyId && m.items[j]!.regYear === first.regYear) j++;
    const items = m.items.slice(i, j);
    const paths = partExportPaths(partitionOf(first));
    const jsonRows = dipJsonRows(m, items, true);
    const csvRows = dipCsvRows(m, items);
    rows?.json.push(jsonRows);
    rows?.csv.push(csvRows);
    yield json(paths.json, partJson(m, items, partitionOf(first), jsonRows));
    yield csv(paths.csv, partCsv(m, items, csvRows));
    i = j;
  }
}

/**
 * The verification pages of issued documents (Indonesian and English), one per record. A record is
 * never deleted: a withdrawn or replaced document's page says so.
 */
function verificationFiles(m: Model, records: readonly VerificationRecord[]): SiteFile[] {
  return records.flatMap((r) => LANGS.map((lang) => html(localPath(verificationPath(r.code), lang), renderVerificationPage(m, r, lang))));
}

/** What a change of verification records writes: their pages, byte for byte as renderFullFiles does. */
export function renderVerifications(input: RegisterInput, codes: ReadonlySet<string>): SiteFile[] {
  return verificationFiles(
    buildModel(input),
    (input.verifications ?? []).filter((r) => codes.has(r.code)),
  );
}

/**
 * What a change of the DIK (an entry set, expired or revoked) writes: the DIK page and home (which
 * shows how many entries are in force), in both languages, and the DIK exports; byte for byte what
 * renderFullFiles writes at those paths. `input.dik` is the DIK after the change. Never a document:
 * a DIK entry has none.
 */
export function renderDik(input: RegisterInput): SiteFile[] {
  const m = buildModel(input);
  const pages: PageRef[] = [{ kind: 'dik' }, { kind: 'home' }];
  return [
    ...pages.flatMap((ref) => LANGS.map((lang) => html(localPath(pagePath(ref), lang), renderPage(m, ref, lang)!))),
    ...dikExportFiles(m, input.generatedAt),
    catalogFile(m),
    ...sharedSitemapFiles(m),
  ];
}

/**
 * What answered requests write (a written notice issued): the log's index and the pages of the
 * registration years of `requestIds`, in both languages, the log's exports, and the public
 * documents of those requests to copy; byte for byte what renderFullFiles writes at those paths.
 * `input.requests` is the log after the change. The log is small (a few thousand requests a year),
 * so its index and exports are rendered whole, like the DIK.
 */
export function renderRequests(input: RegisterInput, requestIds: ReadonlySet<string>): SitePlan {
  const m = buildModel(input);
  const changed = m.requests.filter((r) => requestIds.has(r.requestId));
  const refs: PageRef[] = [{ kind: 'requestLog' }, ...[...new Set(changed.map((r) => r.year))].map((year): PageRef => ({ kind: 'requestLog', year }))];
  return {
    put: [
      ...refs.flatMap((ref) => LANGS.map((lang) => html(localPath(pagePath(ref), lang), renderPage(m, ref, lang)!))),
      ...requestExportFiles(m),
      catalogFile(m),
      ...sharedSitemapFiles(m),
    ],
    delete: [],
    copies: requestDocumentCopies(changed),
    removeCopies: [],
  };
}

/** Every public document of the register, to copy (with renderFullFiles when streaming a rebuild). */
export const documentCopies = (input: RegisterInput) => [
  ...input.items.flatMap((e) => copiesOf(e)),
  ...requestDocumentCopies(input.requests ?? []),
  ...annualCopies(input.annualReports ?? []),
];

/**
 * What an approved annual report writes: its page (both languages), the index of annual reports in
 * `/data/`, and the copies of every approved report's PDF and data (a copy of the same bytes again
 * is harmless; the reports are one a year). Byte for byte what renderFullFiles writes at those paths.
 */
export function renderAnnualReports(input: RegisterInput): SitePlan {
  const m = buildModel(input);
  const ref: PageRef = { kind: 'annualReports' };
  return {
    put: [
      ...LANGS.map((lang) => html(localPath(pagePath(ref), lang), renderPage(m, ref, lang)!)),
      json(ANNUAL_INDEX_PATH, annualIndexJson(m)),
      catalogFile(m),
      ...sharedSitemapFiles(m),
    ],
    delete: [],
    copies: annualCopies(input.annualReports ?? []),
    removeCopies: [],
  };
}

/**
 * The whole site, for recovery. `delete` is empty: the plan is complete, so the adapter may remove
 * whatever the bucket holds outside `put` and the `copies` targets. At 100,000 items this holds the
 * whole site in memory (≈1.4 GB of strings); renderFullFiles + documentCopies stream it instead.
 */
export function renderFull(input: RegisterInput): SitePlan {
  return { put: [...renderFullFiles(input)], delete: [], copies: documentCopies(input), removeCopies: [] };
}

/**
 * What a batch of publications and withdrawals reads besides the partitions it touches: the search
 * shards of the changed items' terms (before and after) and the shards' manifest, patched rather
 * than made again from every item.
 */
export function changeReads(changes: readonly RegisterChange[]): string[] {
  const touched = changes.flatMap((c) => [c.before, c.after]).filter((e): e is PublishedEntry => e !== undefined);
  const shards = new Set(touched.flatMap((e) => [...shardsOf(itemTerms(e))]));
  return [...[...shards].sort().map(shardPath), SHARD_MANIFEST_PATH];
}

/**
 * A batch of publications and withdrawals, as the update hands it to the renderer:
 * - `after`: the register after the batch, its items being the partitions the batch touches (whole)
 *   and its `summary` the register's summary after (summary.ts);
 * - `before`: the same partitions as the register showed them (each changed item as it was, or
 *   absent), with the summary as it was;
 * - `files`: what `changeReads` named, as the register holds it now.
 */
export interface ChangeContext {
  before: RegisterInput;
  after: RegisterInput;
  files: ReadonlyMap<string, string | undefined>;
}

/**
 * What a batch of publications and withdrawals changes, as one plan: every page the batch touches
 * is rendered once, however many items it holds; an item appears at most once in `changes`.
 *
 * The pages a change may touch are few and known (the item's page, its chunks and their neighbours,
 * its agency, year and category pages, home and the consolidated DIP, the shards of its terms, its
 * result-card file, the sitemap's index, shared part and the parts of its agency's registration
 * year, its part of the open data and the summary); each is rendered before and after the batch and
 * put only when it differs, deleted when it no longer exists. The search shards are patched from
 * the register's own (`files`), not made again from every item. The whole-register exports and the
 * catalogue are left to the debounced job (register-exports.ts); the DIK page and exports do not
 * depend on the DIP and are never written here (see renderDik); home, which shows the DIK's count,
 * is compared like any other page.
 *
 * Cost: O(the touched partitions + the touched shards + the summary), whatever the register's size.
 */
export function renderChanges(ctx: ChangeContext, changes: readonly RegisterChange[]): SitePlan {
  const defined = (e: PublishedEntry | undefined): e is PublishedEntry => e !== undefined;
  const mBefore = buildModel(ctx.before);
  const mAfter = buildModel(ctx.after);
  const befores = changes.map((c) => c.before).filter(defined);
  const afters = changes.map((c) => c.after).filter(defined);
  const touched = [...befores, ...afters];

  const put: SiteFile[] = [];
  const del: string[] = [];
  const seen = new Set<string>();
  const compare = (path: string, was: () => string | undefined, now: () => string | undefined, file: (path: string, body: string) => SiteFile) => {
    if (seen.has(path)) return;
    seen.add(path);
    const after = now();
    if (after === undefined) {
      if (was() !== undefined) del.push(path);
    } else if (after !== was()) put.push(file(path, after));
  };

  // Pages.
  const refs: PageRef[] = [{ kind: 'home' }, { kind: 'dip' }];
  for (const e of touched) {
    refs.push(
      itemRef(e),
      { kind: 'agency', agencyId: e.agencyId },
      { kind: 'year', year: e.regYear },
      { kind: 'category', category: e.content.category },
      { kind: 'category', category: e.content.category, year: e.regYear },
    );
    for (const category of [undefined, ...CATEGORIES]) {
      const key: ChunkKey = chunkKeyOf(e, category);
      refs.push({ kind: 'chunk', key });
      for (const m of [mBefore, mAfter]) {
        const { prev, next } = neighbours(m, key);
        if (prev) refs.push({ kind: 'chunk', key: prev });
        if (next) refs.push({ kind: 'chunk', key: next });
      }
    }
  }
  for (const ref of refs) {
    for (const lang of LANGS) {
      compare(
        localPath(pagePath(ref), lang),
        () => renderPage(mBefore, ref, lang),
        () => renderPage(mAfter, ref, lang),
        html,
      );
    }
  }

  // Search: the items' result-card files, and the shards of their terms (before and after), patched.
  for (const e of touched) {
    const key = cardKeyOf(e);
    compare(
      cardsPath(key),
      () => cardsFile(mBefore, key),
      () => cardsFile(mAfter, key),
      json,
    );
  }
  const cache = new Map<PublishedEntry, ItemTerms>();
  const termsOf = (e: PublishedEntry) => getOrSet(cache, e, () => itemTerms(e));
  const shards = new Set(touched.flatMap((e) => [...shardsOf(termsOf(e))]));
  const rank = new Map(mAfter.agencies.map((a, i) => [a.id, i]));
  const shardsNow = new Map([...shards].sort().map((shard) => [shard, ctx.files.get(shardPath(shard))]));
  const patched = patchShards(shardsNow, befores, afters, termsOf, (id) => rank.get(id) ?? rank.size);
  for (const [shard, body] of patched) {
    compare(
      shardPath(shard),
      () => shardsNow.get(shard),
      () => body,
      gzJson,
    );
  }
  const manifestNow = ctx.files.get(SHARD_MANIFEST_PATH);
  compare(
    SHARD_MANIFEST_PATH,
    () => manifestNow,
    () => patchManifest(manifestNow, patched),
    json,
  );

  // The sitemap: the index, the shared part and the parts of the touched items (before and after).
  const parts = new Set(touched.map((e) => sitemapPartPath(partOf(e))));
  const sitemapBefore = sitemapFilesOf(mBefore, parts);
  const sitemapAfter = sitemapFilesOf(mAfter, parts);
  for (const path of sitemapAfter.keys()) {
    compare(
      path,
      () => sitemapBefore.get(path),
      () => sitemapAfter.get(path),
      sitemapXml,
    );
  }

  // The summary (the open data's index of parts), and the touched partitions' parts of the open data.
  compare(
    SUMMARY_PATH,
    () => serializeSummary(mBefore.summary),
    () => serializeSummary(mAfter.summary),
    gzJson,
  );
  for (const key of uniquePartitions(touched)) {
    const paths = partExportPaths(key);
    const rowsIn = (m: Model) => m.items.filter((e) => e.agencyId === key.agencyId && e.regYear === key.year);
    const was = rowsIn(mBefore);
    const now = rowsIn(mAfter);
    compare(
      paths.json,
      () => (was.length ? partJson(mBefore, was) : undefined),
      () => (now.length ? partJson(mAfter, now) : undefined),
      json,
    );
    compare(
      paths.csv,
      () => (was.length ? partCsv(mBefore, was) : undefined),
      () => (now.length ? partCsv(mAfter, now) : undefined),
      csv,
    );
  }

  // Documents: copy what is new, remove what is gone (everything of a withdrawn item).
  const copies: SitePlan['copies'] = [];
  const removeCopies: string[] = [];
  for (const { itemId, before, after } of changes) {
    const docIds = (e?: PublishedEntry) => new Set(e?.documents.filter((d) => d.status === 'verified').map((d) => d.docId) ?? []);
    const was = docIds(before);
    const now = docIds(after);
    if (after) copies.push(...copiesOf(after, was));
    if (!after && before) removeCopies.push(`berkas/${itemId}/`);
    else for (const d of was) if (!now.has(d)) removeCopies.push(`berkas/${itemId}/${d}/`);
  }
  return { put, delete: del, copies, removeCopies };
}

function uniquePartitions(entries: readonly PublishedEntry[]): PartitionKey[] {
  const out = new Map<string, PartitionKey>();
  for (const e of entries) out.set(partitionId(partitionOf(e)), partitionOf(e));
  return [...out.values()];
}

/**
 * The shape of the rendered site. Raise it when a change to the pages touches pages that no
 * publication would rewrite (e.g. the navigation gained the DIK): a register built by an older
 * renderer is then rebuilt in full once, by the next update. 12: the DIK states its ends inclusively
 * ("sampai dengan", "berakhir setelah … 23.59"), with `endsAfter` in its exports. 13: the compact
 * menu of narrow screens on every page, no table caption repeating its heading. 14: the newest
 * publications on /dip/ as cards on a phone. 15: the summary (`data/dip/index.json`) and the open
 * data in parts by agency and year, which the incremental update reads and patches. 16: the search
 * shards and the summary stored gzip-compressed. 17: a category's page lists its years, each year's
 * agencies on a page of its own (`kategori/<category>/<year>/`); the sitemap stored gzip-compressed.
 */
export const RENDERER_VERSION = 17;

/** This renderer as the port the core's update use case asks for (functions/core/register-update.ts). */
export const registerRenderer: RegisterRenderer = {
  version: RENDERER_VERSION,
  renderFull,
  changeReads,
  renderChanges,
  renderDik,
  renderVerifications,
  renderRequests,
  renderAnnualReports,
};

// --- the distributed rebuild (functions/core/register-rebuild.ts) ----------------------------------
// What renderFullFiles writes, split by partition (one agency's registration year) and the shared
// rest, each from a model that holds one partition's items (or none) and the register's summary, as
// the incremental update renders. Together, byte for byte renderFullFiles + documentCopies.

/**
 * One partition's files: its DIP tables (every series of its agency and year) and item pages in both
 * languages, its result-card files, its sitemap part(s) and its part of the open data. `input.items`:
 * that partition's items, whole; `input.summary`: the register's.
 */
export function* renderPartitionFiles(input: RegisterInput): Generator<SiteFile> {
  const m = buildModel(input);
  for (const { key } of m.chunks.values())
    for (const lang of LANGS) yield html(localPath(pagePath({ kind: 'chunk', key }), lang), renderPage(m, { kind: 'chunk', key }, lang)!);
  for (const e of m.items) for (const lang of LANGS) yield html(localPath(pagePath(itemRef(e)), lang), renderPage(m, itemRef(e), lang)!);
  for (const [path, body] of allCardFiles(m)) yield json(path, body);
  const parts = new Set(m.items.map((e) => sitemapPartPath(partOf(e))));
  for (const [path, body] of sitemapFilesOf(m, parts)) if (parts.has(path) && body !== undefined) yield sitemapXml(path, body);
  yield* partExportFiles(m);
}

/** The public documents of one partition's items (`input.items`), to copy. */
export const partitionCopies = (input: RegisterInput) => input.items.flatMap((e) => copiesOf(e));

/**
 * Everything that is no partition's, but for the search shards and the whole-register DIP exports
 * (made from every partition: see renderSearchShards and functions/core/register-rebuild.ts): the
 * assets, robots.txt, the sitemap's index and shared part, 404, the shared pages, the catalogue, the
 * summary, the DIK's and the request log's exports, the annual reports' index and the verification
 * pages. `input.items` empty, `input.summary` the register's.
 */
export function* renderSharedFiles(input: RegisterInput): Generator<SiteFile> {
  const m = buildModel(input);
  yield* assetFiles(m);
  yield* sharedSitemapFiles(m);
  yield html(NOT_FOUND_PATH, renderNotFoundPage(m));
  for (const ref of allPages(m)) {
    if (ref.kind === 'chunk' || ref.kind === 'item') continue;
    for (const lang of LANGS) yield html(localPath(pagePath(ref), lang), renderPage(m, ref, lang)!);
  }
  yield catalogFile(m);
  yield gzJson(SUMMARY_PATH, serializeSummary(m.summary));
  yield* dikExportFiles(m, input.generatedAt);
  yield* requestExportFiles(m);
  yield json(ANNUAL_INDEX_PATH, annualIndexJson(m));
  yield* verificationFiles(m, input.verifications ?? []);
}

/** The documents of answered requests and annual reports, to copy (the shared part of documentCopies). */
export const sharedCopies = (input: RegisterInput) => [...requestDocumentCopies(input.requests ?? []), ...annualCopies(input.annualReports ?? [])];

/** One item's place in the DIP and its search terms: what the search shards keep of it. */
export interface SearchPosting {
  agencyId: string;
  regYear: number;
  sequence: number;
  terms: ItemTerms;
}
export const searchPosting = (e: PublishedEntry): SearchPosting => ({ agencyId: e.agencyId, regYear: e.regYear, sequence: e.sequence, terms: itemTerms(e) });

/**
 * The search shards and their manifest from every item's posting, in DIP order (what shardFiles
 * makes of the whole register's model: it reads only the items' places and, through `termsOf`, their terms).
 */
export function renderSearchShards(postings: readonly SearchPosting[]): SiteFile[] {
  const shards = shardFiles({ items: postings } as unknown as Model, (e) => (e as unknown as SearchPosting).terms);
  return [...[...shards].map(([shard, body]) => gzJson(shardPath(shard), body)), json(SHARD_MANIFEST_PATH, shardManifest(shards.keys()))];
}
