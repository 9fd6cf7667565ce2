/**
 * The register's two page kinds that are most of the site (issue 14): the DIP tables (chunk pages,
 * ≤100 rows each, ≈13,000 at 100,000 items) and the item pages (two per item), as string templates
 * instead of JSX trees. Byte for byte what the JSX wrote (html.ts escapes as
 * preact-render-to-string does); the frame is the same `layoutHtml` as every other page's.
 */
import { CATEGORIES } from '../../functions/core/categories.ts';
import type { Category } from '../../functions/core/item-model.ts';
import type { PublishedEntry } from '../../functions/core/register/input.ts';
import {
  BLOCK,
  blockRange,
  blocksOf,
  type ChunkKey,
  documentHref,
  itemRef,
  type Lang,
  type Model,
  neighbours,
  pagePath,
  rowsOf,
} from '../../functions/core/register/model.ts';
import { attr, type Crumb, esc, href, layoutHtml } from './html.ts';
import { CATEGORY_TEXT, dict, formatDate, localeNumber } from './i18n.ts';

const chunkPath = (key: ChunkKey) => pagePath({ kind: 'chunk', key });
const crumbsTo = (lang: Lang, ...rest: Crumb[]): Crumb[] => [{ label: dict(lang).home, path: 'index.html' }, ...rest];
const dipCrumb = (lang: Lang): Crumb => ({ label: dict(lang).dipLong, path: 'dip/index.html' });
/** ` lang="id"` on English pages: item content is always Indonesian. */
const contentLang = (lang: Lang) => (lang === 'en' ? ' lang="id"' : '');

/** A summary for the table: whole words, at most ~280 characters (the item page has it all). */
export function shorten(text: string, max = 280): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40)).trimEnd()}…`;
}

export const formatsText = (formats: readonly string[]) => formats.map((f) => (f === 'softcopy' ? 'Softcopy' : 'Hardcopy')).join(', ');

/** The table's head of one language (always the same). */
const tableHeads: Partial<Record<Lang, string>> = {};
function tableHead(lang: Lang): string {
  let head = tableHeads[lang];
  if (head === undefined) {
    const t = dict(lang);
    head = `<thead><tr>${[t.colNo, t.colSummary, t.colHolder, t.colResponsible, t.colWhenWhere, t.colFormats, t.colRetention, t.colCategory]
      .map((c) => `<th scope="col">${esc(c)}</th>`)
      .join('')}</tr></thead>`;
    tableHeads[lang] = head;
  }
  return head;
}

/**
 * Per model and language, the rows last written (a row depends on its item and the language only):
 * a chunk of all categories comes just before the chunks of each category of the same block
 * (allPages), so these reuse its rows. Emptied at each chunk of all categories.
 */
const rowCaches = new WeakMap<Model, Record<Lang, Map<PublishedEntry, string>>>();

function dipRowHtml(lang: Lang, e: PublishedEntry): string {
  const l = contentLang(lang);
  const c = e.content;
  const link = esc(href(pagePath(itemRef(e)), lang));
  return `<tr><th scope="row" class="no"><a href="${link}">${esc(e.number)}</a></th><td${l}><a class="title" href="${link}">${esc(c.title)}</a><span class="summary">${esc(
    shorten(c.summary),
  )}</span></td><td${l}>${esc(c.holder)}</td><td${l}>${esc(c.responsible)}</td><td${l}>${esc(c.createdWhen)}, ${esc(c.createdWhere)}</td><td>${esc(
    formatsText(c.formats),
  )}</td><td${l}>${esc(c.retention)}</td><td>${esc(CATEGORY_TEXT[lang][c.category].name)}</td></tr>`;
}

/** The Perki columns, one row per item; the number leads to the item page. Named by `labelledBy` (the ids of the page's heading and lead). */
export function dipTableHtml(lang: Lang, rows: readonly PublishedEntry[], labelledBy: string, cache?: Map<PublishedEntry, string>): string {
  const by = esc(labelledBy);
  let out = `<section class="table-wrap" aria-labelledby="${by}" tabindex="0"><table class="dip" data-sortable aria-labelledby="${by}">${tableHead(lang)}<tbody>`;
  for (const e of rows) {
    let row = cache?.get(e);
    if (row === undefined) {
      row = dipRowHtml(lang, e);
      cache?.set(e, row);
    }
    out += row;
  }
  return `${out}</tbody></table></section>`;
}

/** The row cache for this chunk's table (emptied first for a chunk of all categories or another model). */
function rowsCacheFor(m: Model, lang: Lang, chunk: ChunkKey): Map<PublishedEntry, string> {
  let caches = rowCaches.get(m);
  if (!caches) {
    caches = { id: new Map(), en: new Map() };
    rowCaches.set(m, caches);
  }
  const cache = caches[lang];
  if (!chunk.category) cache.clear();
  return cache;
}

/**
 * A count that opens the DIP table(s) it stands for: one chunk → the number is the link; several →
 * the number, then one link per block of sequence numbers. `context` is read by screen readers only.
 */
export function chunkLinksHtml(m: Model, lang: Lang, year: number, agencyId: string, category: Category | undefined, count: number, context: string): string {
  if (!count) return '<span class="zero">0</span>';
  const blocks = blocksOf(m, category ? { year, agencyId, category } : { year, agencyId });
  const path = (block: number) => esc(href(chunkPath(category ? { year, agencyId, block, category } : { year, agencyId, block }), lang));
  const number = esc(localeNumber(count, lang));
  const hidden = `<span class="vh">${esc(` ${context}`)}</span>`;
  if (blocks.length === 1) return `<a href="${path(blocks[0]!)}">${number}${hidden}</a>`;
  const t = dict(lang);
  let out = `${number}${hidden}<ul class="blocks">`;
  for (const b of blocks) {
    const [from, to] = blockRange(b);
    out += `<li><a href="${path(b)}" aria-label="${esc(`${context}: ${t.numbers(from, to)}`)}">${from}–${to}</a></li>`;
  }
  return `${out}</ul>`;
}

/** One DIP table page (a chunk): its heading, the category filter, the table and the pager. */
export function chunkPageHtml(m: Model, lang: Lang, chunk: ChunkKey, rows: readonly PublishedEntry[], description: string): string {
  const t = dict(lang);
  const agency = m.agency(chunk.agencyId);
  const [from, to] = blockRange(chunk.block);
  const title = t.dipAgencyYear(agency.name, chunk.year);
  const catName = chunk.category ? CATEGORY_TEXT[lang][chunk.category].name : t.allCategories;
  const { prev, next } = neighbours(m, chunk);
  const base = { year: chunk.year, agencyId: chunk.agencyId, block: chunk.block };
  let filters = '';
  for (const c of [undefined, ...CATEGORIES]) {
    const key: ChunkKey = c ? { ...base, category: c } : base;
    const n = rowsOf(m, key)?.length ?? 0;
    if (n > 0)
      filters += `<li><a href="${esc(href(chunkPath(key), lang))}"${attr('aria-current', c === chunk.category ? 'page' : undefined)}>${esc(
        c ? CATEGORY_TEXT[lang][c].name : t.allCategories,
      )} (${esc(localeNumber(n, lang))})</a></li>`;
  }
  let main = `<h1 id="judul">${esc(title)}</h1><p class="lead" id="lead">${esc(t.numbers(from, to))} · ${esc(catName)} · ${esc(t.itemsCount(rows.length))}</p><nav aria-label="${esc(
    t.filterCategory,
  )}" class="filters no-print"><ul class="inline">${filters}</ul></nav><p class="hint no-print">${esc(t.printHint)} ${esc(
    t.sortHint,
  )} <button type="button" data-print hidden>${esc(t.print)}</button></p>${dipTableHtml(lang, rows, 'judul lead', rowsCacheFor(m, lang, chunk))}`;
  if (prev || next) {
    main += `<nav aria-label="${esc(t.pager)}" class="pager no-print"><ul class="inline">`;
    if (prev) main += `<li><a rel="prev" href="${esc(href(chunkPath(prev), lang))}">← ${esc(t.prev)}: ${esc(t.numbers(...blockRange(prev.block)))}</a></li>`;
    if (next) main += `<li><a rel="next" href="${esc(href(chunkPath(next), lang))}">${esc(t.next)}: ${esc(t.numbers(...blockRange(next.block)))} →</a></li>`;
    main += '</ul></nav>';
  }
  return layoutHtml(
    m,
    lang,
    {
      path: chunkPath(chunk),
      title: `${title} (${from}–${to}${chunk.category ? `, ${catName}` : ''})`,
      section: 'dip',
      crumbs: crumbsTo(
        lang,
        dipCrumb(lang),
        { label: String(chunk.year), path: pagePath({ kind: 'year', year: chunk.year }) },
        { label: agency.name, path: pagePath({ kind: 'agency', agencyId: agency.id }) },
      ),
      ...(description ? { description } : {}),
    },
    main,
  );
}

/** The fixed parts of an item page in one language: each row's head, the headings. */
function makeItemWords(lang: Lang) {
  const t = dict(lang);
  const l = contentLang(lang);
  const th = (label: string, content: boolean) => `<tr><th scope="row">${esc(label)}</th><td${content ? l : ''}>`;
  return {
    h1: `<h1${l}>`,
    table: `</p><table class="item-cols"><caption class="vh">${esc(t.dipLong)}</caption><tbody>${th(t.colNo, false)}`,
    summary: `</td></tr>${th(t.colSummary, true)}`,
    holder: `</td></tr>${th(t.colHolder, true)}`,
    responsible: `</td></tr>${th(t.colResponsible, true)}`,
    whenWhere: `</td></tr>${th(t.colWhenWhere, true)}`,
    formats: `</td></tr>${th(t.colFormats, false)}`,
    retention: `</td></tr>${th(t.colRetention, true)}`,
    category: `</td></tr>${th(t.colCategory, false)}`,
    year: `</td></tr>${th(t.colYear, false)}`,
    agency: `</td></tr>${th(t.colAgency, false)}`,
    tags: `</td></tr>${th(t.colTags, true)}`,
    documents: `</td></tr></tbody></table><h2>${esc(t.documents)}</h2>`,
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, esc(`${CATEGORY_TEXT[lang][c].name} (${CATEGORY_TEXT[lang][c].article} UU 14/2008)`)])) as Record<
      Category,
      string
    >,
  };
}
const itemWordsOf: Partial<Record<Lang, ReturnType<typeof makeItemWords>>> = {};
const itemWords = (lang: Lang) => {
  let w = itemWordsOf[lang];
  if (!w) {
    w = makeItemWords(lang);
    itemWordsOf[lang] = w;
  }
  return w;
};

/** One item's page: every DIP column, its documents, its versions. */
export function itemPageHtml(m: Model, lang: Lang, e: PublishedEntry, description: string): string {
  const t = dict(lang);
  const w = itemWords(lang);
  const c = e.content;
  const agency = m.agency(e.agencyId);
  const agencyPath = pagePath({ kind: 'agency', agencyId: agency.id });
  const number = esc(e.number);
  let main = `${w.h1}${esc(c.title)}</h1><p class="lead">${esc(t.itemOf(agency.name))} · ${number}${w.table}${number}${w.summary}${esc(c.summary)}${w.holder}${esc(
    c.holder,
  )}${w.responsible}${esc(c.responsible)}${w.whenWhere}${esc(`${c.createdWhen}, ${c.createdWhere}`)}${w.formats}${esc(formatsText(c.formats))}${w.retention}${esc(
    c.retention,
  )}${w.category}${w.categories[c.category]}${w.year}${esc(String(c.year))}${w.agency}<a href="${esc(href(agencyPath, lang))}">${esc(agency.name)}</a>`;
  if (c.tags.length) main += `${w.tags}${esc(c.tags.join(', '))}`;
  main += w.documents;
  const docs = e.documents.filter((d) => d.status === 'verified');
  if (docs.length) {
    main += '<ul class="docs">';
    for (const d of docs)
      main += `<li><a${attr('href', documentHref(e.itemId, d.docId, d.fileName))}${attr('download', d.fileName)}${attr('type', d.contentType)}><span class="vh">${esc(
        t.download(''),
      )}</span>${esc(d.fileName)}</a> <span class="meta">(${esc(d.kind.toUpperCase())}, ${esc(t.size(d.size))})</span></li>`;
    main += '</ul>';
  } else main += `<p>${esc(t.noDocuments(c.holder))}</p>`;
  main += `<h2>${esc(t.versions)}</h2><ol class="versions" reversed>`;
  const published = esc(t.published.toLowerCase());
  const history = e.history.length > 1 ? [...e.history].sort((a, b) => b.versionNo - a.versionNo) : e.history;
  for (const h of history)
    main += `<li>${esc(t.version(h.versionNo))}: ${published} <time${attr('datetime', h.publishedAt)}>${esc(formatDate(h.publishedAt, lang, agency.timezone))}</time>${
      h.versionNo === e.versionNo ? esc(` (${t.current})`) : ''
    }</li>`;
  main += `</ol><p class="no-print"><a href="${esc(href(pagePath({ kind: 'chunk', key: { year: e.regYear, agencyId: e.agencyId, block: Math.ceil(e.sequence / BLOCK) } }), lang))}">${esc(
    t.seeInDip,
  )}</a></p>`;
  return layoutHtml(
    m,
    lang,
    {
      path: pagePath(itemRef(e)),
      title: `${e.number} ${c.title}`,
      section: 'dip',
      crumbs: crumbsTo(lang, dipCrumb(lang), { label: agency.name, path: agencyPath }, { label: e.number }),
      ...(description ? { description } : {}),
    },
    main,
  );
}
