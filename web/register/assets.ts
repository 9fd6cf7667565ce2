/**
 * The register's two static assets, emitted by the renderer as `/assets/register.css` and
 * `/assets/search.js`. Both are plain text constants: no build step, no inline code in the pages.
 *
 * search.js is ES2020 for the browser. It carries the very term functions the index was built with
 * (TEXT_JS), and progressively enhances the pages: search on /cari/, sortable DIP columns (within
 * the page shown), and a print button. Results are built with DOM methods and textContent only.
 */
import { CARD_BLOCK } from '../../functions/core/register/search-index.ts';
import { TEXT_JS } from '../../functions/core/register/text.ts';

export const REGISTER_CSS = `/* SIP PPID public register. Colours meet WCAG 2.2 AA contrast (text ≥ 4.5:1). */
:root { --ink: #1b1b1b; --muted: #4a4a4a; --link: #0b57a4; --visited: #5a2d82; --brand: #0b3a6e; --line: #8a8f98; --soft: #eef2f7; --focus: #f2a900; }
*, *::before, *::after { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; line-height: 1.5; color: var(--ink); background: #fff; }
body { margin: 0; }
.wrap { max-width: 78rem; margin: 0 auto; padding: 0 1rem; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:visited { color: var(--visited); }
a:focus-visible, button:focus-visible, input:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: 0.5rem; top: -4rem; background: #fff; color: var(--link); padding: 0.5rem 1rem; z-index: 10; border: 2px solid var(--brand); }
.skip:focus { top: 0.5rem; }
.vh { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
header.site { background: var(--brand); color: #fff; }
header.site a, header.site a:visited { color: #fff; }
.head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 0.5rem; padding-top: 0.75rem; padding-bottom: 0.5rem; }
.brand { margin: 0; }
.brand a { text-decoration: none; display: block; }
.body-name { display: block; font-size: 1.25rem; font-weight: 700; }
.site-name { display: block; font-size: 0.95rem; }
.lang { font-weight: 600; }
.menu ul { list-style: none; margin: 0; padding: 0 0 0.5rem; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.menu a[aria-current="page"] { text-decoration-thickness: 3px; font-weight: 700; }
.crumbs ol { list-style: none; padding: 0; margin: 0.75rem auto 0; display: flex; flex-wrap: wrap; font-size: 0.95rem; }
.crumbs li + li::before { content: "›"; padding: 0 0.5rem; color: var(--muted); }
main { display: block; padding-bottom: 2rem; }
main:focus { outline: none; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.3rem; margin: 1.75rem 0 0.5rem; }
.sub { display: block; font-size: 1rem; font-weight: 400; color: var(--muted); }
h2 .sub { display: inline; }
.lead { font-size: 1.05rem; max-width: 60rem; }
.meta, .hint { color: var(--muted); font-size: 0.95rem; }
.zero { color: var(--muted); }
.inline { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.filters a[aria-current="page"] { font-weight: 700; color: var(--ink); }
.filter-name { font-weight: 600; }
.cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 1rem; }
.cards li { border: 1px solid var(--line); border-radius: 4px; padding: 0.75rem 1rem; }
.cards p { margin: 0.25rem 0 0; color: var(--muted); }
.card-title { display: block; font-weight: 700; font-size: 1.1rem; }
.latest li, .agencies li, .results li, .docs li { margin: 0.35rem 0; }
.latest .meta, .results .meta { display: block; }
.ppid { border-left: 4px solid var(--brand); padding-left: 1rem; }
.ppid p { margin: 0.2rem 0; }
.profile dt { font-weight: 600; }
.profile dd { margin: 0 0 0.5rem; }
form.search { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin: 1rem 0; }
form.search label { font-weight: 600; }
form.search input { font: inherit; padding: 0.4rem 0.5rem; border: 2px solid var(--line); border-radius: 4px; min-width: min(28rem, 100%); }
form.search .hint { flex-basis: 100%; margin: 0; }
button { font: inherit; padding: 0.4rem 1rem; border: 2px solid var(--brand); background: var(--brand); color: #fff; border-radius: 4px; cursor: pointer; }
.table-wrap { overflow-x: auto; margin: 0.75rem 0; }
table { border-collapse: collapse; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid var(--line); padding: 0.4rem 0.5rem; vertical-align: top; text-align: left; }
thead th { background: var(--soft); }
thead th button { all: unset; cursor: pointer; text-decoration: underline; }
thead th button:focus-visible { outline: 3px solid var(--focus); }
tbody tr:nth-child(even) { background: #f7f9fb; }
.num { text-align: right; white-space: nowrap; }
td.num .blocks { list-style: none; padding: 0; margin: 0.2rem 0 0; font-size: 0.9rem; }
table.dip { width: 100%; min-width: 60rem; font-size: 0.95rem; }
table.dip .no { white-space: nowrap; font-weight: 400; }
table.dip .title { display: block; font-weight: 600; }
table.dip .summary { display: block; }
table.dip tbody td:nth-child(2) { min-width: 18rem; width: 34%; }
table.item-cols th { width: 16rem; background: var(--soft); }
table.item-cols td { white-space: pre-line; }
footer.site { border-top: 4px solid var(--brand); background: var(--soft); padding: 1rem 0; font-size: 0.95rem; }
@media (max-width: 40rem) { h1 { font-size: 1.45rem; } table.item-cols th { width: auto; } }
@media print {
  @page { size: A4 landscape; margin: 10mm 8mm; }
  html { font-size: 8.5pt; }
  header.site, .crumbs, footer.site .open-data, .no-print, .skip, [data-print], form.search, #search-more { display: none !important; }
  header.site { background: none; }
  .wrap { max-width: none; padding: 0; }
  a, a:visited { color: #000; text-decoration: none; }
  .table-wrap { overflow: visible; }
  table.dip { min-width: 0; font-size: 8pt; }
  thead { display: table-header-group; }
  thead th button { text-decoration: none; }
  tr, th, td { break-inside: avoid; }
  tbody tr:nth-child(even) { background: none; }
  footer.site { border: 0; background: none; font-size: 7.5pt; }
}
`;

export const SEARCH_JS = `/* SIP PPID public register: search, sortable tables and print button (progressive enhancement). */
(() => {
'use strict';
${TEXT_JS}
const ITEMS_PER_PAGE = 20;

function enablePrint() {
  for (const b of document.querySelectorAll('[data-print]')) {
    b.hidden = false;
    b.addEventListener('click', () => window.print());
  }
}

/** Column headings become buttons that sort the rows of this page; aria-sort tells which. */
function enableSort(table) {
  const heads = Array.from(table.tHead ? table.tHead.rows[0].cells : []);
  const body = table.tBodies[0];
  if (!body) return;
  const collator = new Intl.Collator(document.documentElement.lang || 'id', { numeric: true, sensitivity: 'base' });
  heads.forEach((th, col) => {
    const button = document.createElement('button');
    button.type = 'button';
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    button.addEventListener('click', () => {
      const asc = th.getAttribute('aria-sort') !== 'ascending';
      for (const h of heads) h.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      const rows = Array.from(body.rows);
      rows.sort((a, b) => collator.compare(a.cells[col].textContent.trim(), b.cells[col].textContent.trim()) * (asc ? 1 : -1));
      for (const r of rows) body.appendChild(r);
    });
  });
}

/** "0:2026:1,2,a;1:2025:3" → keys "agency/year/seq" (sequences are base-36 deltas). */
function decode(list, agencies, add) {
  if (!list) return;
  for (const group of list.split(';')) {
    const [a, year, seqs] = group.split(':');
    let seq = 0;
    for (const d of seqs.split(',')) {
      seq += parseInt(d, 36);
      add(agencies[Number(a)] + '/' + year + '/' + seq);
    }
  }
}

async function search(form) {
  const data = form.dataset;
  const input = form.querySelector('input[name="q"]');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const more = document.getElementById('search-more');
  const q = (new URLSearchParams(location.search).get('q') || '').trim();
  input.value = q;
  if (!q) return;
  const wanted = Array.from(new Set(terms(q)));
  if (!wanted.length) { status.textContent = data.msgShort; return; }
  status.textContent = data.msgLoading;
  const cache = new Map();
  const get = (url) => {
    if (!cache.has(url)) {
      cache.set(url, fetch(url).then((r) => (r.ok ? r.json() : r.status === 403 || r.status === 404 ? null : Promise.reject(new Error(String(r.status))))));
    }
    return cache.get(url);
  };
  try {
    // Only the shards that exist are asked for: a word no item has is no result, not a failed request.
    // (A register without the manifest: every shard is asked for, and a missing one counts as empty.)
    const manifest = await get(data.index + 'shards.json');
    const exists = manifest ? new Set(manifest.s) : null;
    const shards = await Promise.all(wanted.map((t) => (exists && !exists.has(shardOf(t)) ? null : get(data.index + shardOf(t) + '.json'))));
    let scores = null;
    wanted.forEach((term, i) => {
      const shard = shards[i];
      const found = new Map();
      const exact = Array.from(term).length < SHARD_PREFIX;
      if (shard) {
        for (const t of Object.keys(shard.t)) {
          if (exact ? t !== term : !t.startsWith(term)) continue;
          decode(shard.t[t][0], shard.a, (k) => found.set(k, 2));
          decode(shard.t[t][1], shard.a, (k) => found.set(k, Math.max(found.get(k) || 0, 1)));
        }
      }
      if (scores === null) scores = found;
      else {
        const next = new Map();
        for (const [k, s] of scores) if (found.has(k)) next.set(k, s + found.get(k));
        scores = next;
      }
    });
    const hits = Array.from(scores || new Map())
      .map(([k, score]) => { const [agency, year, seq] = k.split('/'); return { agency, year: Number(year), seq: Number(seq), score }; })
      .sort((a, b) => b.score - a.score || b.year - a.year || (a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : 0) || b.seq - a.seq);
    status.textContent = hits.length ? hits.length.toLocaleString(document.documentElement.lang) + ' ' + (hits.length === 1 ? data.msgCountOne : data.msgCount) : data.msgNone;
    let shown = 0;
    const showMore = async (focus) => {
      const page = hits.slice(shown, shown + ITEMS_PER_PAGE);
      shown += page.length;
      const docs = await Promise.all(page.map((h) => get(data.index + 'doc/' + h.year + '/' + h.agency + '/' + Math.ceil(h.seq / ${CARD_BLOCK}) + '.json')));
      page.forEach((h, i) => {
        const doc = docs[i];
        const d = doc && doc.d[String(h.seq)];
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = data.base + 'informasi/' + encodeURIComponent(h.agency) + '/' + h.year + '/' + h.seq + '.html';
        a.lang = 'id';
        a.textContent = d ? d[0] : h.agency + ' ' + h.year + '/' + h.seq;
        const meta = document.createElement('span');
        meta.className = 'meta';
        meta.textContent = d ? [d[1], doc.n, data['cat' + d[2].replace(/(^|_)([a-z])/g, (_, s, c) => c.toUpperCase())] || d[2]].join(' · ') : '';
        li.append(a, meta);
        list.appendChild(li);
      });
      more.hidden = shown >= hits.length;
      // After "show more", keyboard and screen-reader users continue at the first new result.
      if (focus && list.children[shown - page.length]) list.children[shown - page.length].querySelector('a').focus();
    };
    more.addEventListener('click', () => { showMore(true).catch(() => { status.textContent = data.msgError; }); });
    await showMore();
  } catch (e) {
    status.textContent = data.msgError;
  }
}

/** The not-found page (404.html, one file for every path): the half in the language of the path asked for. */
function notFoundLanguage() {
  const body = document.body;
  if (!body || !body.hasAttribute('data-not-found')) return;
  const lang = location.pathname === '/en' || location.pathname.startsWith('/en/') ? 'en' : 'id';
  document.documentElement.lang = lang;
  document.title = body.getAttribute('data-title-' + lang) || document.title;
  for (const half of document.querySelectorAll('[data-lang]')) half.hidden = half.getAttribute('data-lang') !== lang;
}

notFoundLanguage();
enablePrint();
for (const table of document.querySelectorAll('table[data-sortable]')) enableSort(table);
const form = document.getElementById('search-form');
if (form && document.getElementById('search-results')) search(form);
})();
`;
