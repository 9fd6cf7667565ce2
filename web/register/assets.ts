/**
 * The register's static assets, emitted by the renderer as `/assets/register.css`,
 * `/assets/search.js` and `/assets/permohonan.js`. All are plain text constants: no build step, no
 * inline code in the pages.
 *
 * search.js is ES2020 for the browser. It carries the very term functions the index was built with
 * (TEXT_JS), and progressively enhances the pages: search on /cari/, sortable DIP columns (within
 * the page shown), and a print button. Results are built with DOM methods and textContent only.
 *
 * permohonan.js (the request pages and the objection page only) carries the same term functions and the same index lookup
 * (SEARCH_CORE_JS), to list published items that may answer a request while it is typed, and the
 * dates in words of functions/core/date-words.ts; it checks and sends the request form (with the
 * power of attorney of a request filed for someone else, uploaded straight to the documents bucket
 * first) and shows a request's status (see web/register/request.tsx).
 */
import { DATE_WORDS_JS } from '../../functions/core/date-words.ts';
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
.head-links { margin: 0; }
.menu-toggle { display: none; }
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
form.request fieldset { border: 1px solid var(--line); border-radius: 4px; margin: 1.25rem 0; padding: 0.25rem 1rem 0.75rem; max-width: 52rem; }
form.request legend { font-weight: 700; font-size: 1.1rem; padding: 0 0.25rem; }
form.request fieldset.choices { border: 0; padding: 0; margin: 0.75rem 0; }
form.request fieldset.choices legend { font-size: 1rem; font-weight: 600; padding: 0; }
.field { margin: 0.75rem 0; max-width: 48rem; }
.field label { display: block; font-weight: 600; }
.field .hint, fieldset > .hint { margin: 0.1rem 0 0.3rem; }
.field input, .field textarea { font: inherit; width: 100%; padding: 0.4rem 0.5rem; border: 2px solid var(--line); border-radius: 4px; }
.field input[inputmode="numeric"], .field input[type="tel"], form.lookup input { max-width: 24rem; }
.choice { display: flex; align-items: center; gap: 0.5rem; margin: 0.3rem 0; }
.choice input { width: 1.25rem; height: 1.25rem; margin: 0; flex: none; }
.choice.ground { align-items: flex-start; }
.choice.ground input { margin-top: 0.2rem; }
.choice.ground label { font-weight: 400; }
.choice.ground .hint { margin: 0.1rem 0 0; }
.choice.unavailable label { color: var(--muted); }
.objections { border-top: 2px solid var(--line); margin-top: 1.5rem; }
.objection { border-left: 4px solid var(--brand); padding: 0 0 0 1rem; margin: 1rem 0; }
.objection h3, .objection h4 { margin: 0.75rem 0 0.4rem; }
form.objection-form { max-width: 52rem; }
textarea:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.field-error { color: #a4001d; font-weight: 600; margin: 0.2rem 0; }
.field progress { width: min(24rem, 100%); margin: 0.4rem 0 0; }
.upload-state { margin: 0.2rem 0; }
.upload-state:empty { display: none; }
[aria-invalid="true"] { border-color: #a4001d !important; }
.error-summary { border: 4px solid #a4001d; padding: 0.25rem 1rem; margin: 1rem 0; max-width: 52rem; }
.error-summary p { font-weight: 700; }
.error-summary a, .error-summary a:visited { color: #a4001d; font-weight: 600; }
.hp { position: absolute; left: -10000px; top: auto; width: 1px; height: 1px; overflow: hidden; }
.receipt, .banner { border: 4px solid #1e6b30; padding: 0.25rem 1rem 0.5rem; margin: 1rem 0; max-width: 52rem; }
.receipt:focus, .status:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
.receipt dt, .status dt { font-weight: 600; }
.receipt dd, .status dd { margin: 0 0 0.6rem; }
.deadline { font-weight: 700; }
.deadline + .hint { display: block; font-size: 0.9rem; }
.code-box { background: #fff4d6; border: 2px solid #7a4f00; padding: 0.25rem 1rem; margin: 0.5rem 0; }
.code { font-family: ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", monospace; font-size: 1.4rem; letter-spacing: 0.08em; }
.warn { font-weight: 600; }
.suggestions { border-left: 4px solid var(--brand); padding: 0 0 0 1rem; margin: 0.5rem 0 1rem; }
.suggestions h2 { font-size: 1.05rem; margin: 0.5rem 0 0.25rem; }
.suggestions li { margin: 0.3rem 0; }
.suggestions .meta { display: block; }
.status { max-width: 60rem; }
.status h3 { font-size: 1.1rem; margin: 1.25rem 0 0.4rem; }
.status .actions { list-style: none; padding: 0; }
.status .actions li { margin: 0.4rem 0; }
.timeline { padding-left: 1.25rem; }
.timeline li { margin: 0.3rem 0; }
.timeline time { font-weight: 600; }
.pre { white-space: pre-line; }
.cell-list { margin: 0; padding-left: 1rem; }
table.log { width: 100%; min-width: 64rem; font-size: 0.95rem; }
table.log td.date, table.log td.no { white-space: nowrap; }
table.newest { width: 100%; max-width: 64rem; }
table.newest .no { font-weight: 400; }
table.newest td.date { white-space: nowrap; }
/* On a phone the newest publications are cards (one block a row, each value after its column's name); still a table for screen readers. */
@media (max-width: 40rem) {
  table.newest thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  table.newest, table.newest caption, table.newest tbody, table.newest tr, table.newest th, table.newest td { display: block; }
  table.newest tr { border: 1px solid var(--line); margin: 0 0 0.5rem; padding: 0.4rem 0.75rem; }
  table.newest th, table.newest td { border: 0; padding: 0.1rem 0; }
  table.newest td.date { white-space: normal; }
  table.newest td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
}
button.secondary { background: #fff; color: var(--brand); }
button:disabled { opacity: 0.7; cursor: progress; }
footer.site .request-link { font-weight: 600; }
footer.site { border-top: 4px solid var(--brand); background: var(--soft); padding: 1rem 0; font-size: 0.95rem; }
@media (max-width: 40rem) { h1 { font-size: 1.45rem; } table.item-cols th { width: auto; } }
/* Narrow screens: the menu behind its disclosure button (shown by search.js), one entry a line; without JavaScript the list as on wide screens. */
@media (max-width: 40rem) {
  .head { padding-top: 0.5rem; padding-bottom: 0.25rem; }
  .body-name { font-size: 1.1rem; }
  .site-name { font-size: 0.9rem; }
  .head-links { flex: 1 0 100%; display: flex; justify-content: space-between; align-items: center; gap: 1rem; }
  .menu-toggle:not([hidden]) { display: inline-flex; align-items: center; gap: 0.5rem; min-height: 2.75rem; padding: 0.4rem 0.9rem; background: transparent; border: 2px solid #fff; color: #fff; font-weight: 600; }
  .menu-toggle::before { content: ""; width: 1.1rem; height: 0.8rem; border-top: 2px solid; border-bottom: 2px solid; background: linear-gradient(currentColor, currentColor) center / 100% 2px no-repeat; }
  .menu-toggle[aria-expanded="true"] { background: #fff; color: var(--brand); }
  .head-links .lang { padding: 0.6rem 0; }
  .menu.folded { display: none; }
  .menu.unfolded ul { flex-direction: column; gap: 0; }
  .menu.unfolded a { display: block; padding: 0.55rem 0; }
  .menu.unfolded li + li { border-top: 1px solid rgba(255, 255, 255, 0.35); }
}
@media print {
  @page { size: A4 landscape; margin: 10mm 8mm; }
  html { font-size: 8.5pt; }
  header.site, .crumbs, footer.site .open-data, .no-print, .skip, [data-print], form.search, #search-more, form.request, form.lookup { display: none !important; }
  table.log { min-width: 0; font-size: 8pt; }
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

/**
 * The lookup in the register's split search index (search-index.ts), shared by the search page
 * (search.js) and the request form's suggestions (permohonan.js): browser ES2020, after TEXT_JS.
 */
export const SEARCH_CORE_JS = `
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

/** A GET of JSON, each URL once; a missing file (403/404) is null. */
function fetcher() {
  const cache = new Map();
  return (url) => {
    if (!cache.has(url)) {
      cache.set(url, fetch(url).then((r) => (r.ok ? r.json() : r.status === 403 || r.status === 404 ? null : Promise.reject(new Error(String(r.status))))));
    }
    return cache.get(url);
  };
}

/**
 * For each wanted term, the items that have it: a Map of "agency/year/seq" → 2 (in the title) or 1
 * (in the summary only). Only the shards that exist are asked for: a word no item has is no hit,
 * not a failed request. (A register without the manifest: every shard is asked for, and a missing
 * one counts as empty.)
 */
async function lookupTerms(index, wanted, get) {
  const manifest = await get(index + 'shards.json');
  const exists = manifest ? new Set(manifest.s) : null;
  const shards = await Promise.all(wanted.map((t) => (exists && !exists.has(shardOf(t)) ? null : get(index + shardOf(t) + '.json'))));
  return wanted.map((term, i) => {
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
    return found;
  });
}

function hitOf(key, score) {
  const [agency, year, seq] = key.split('/');
  return { agency, year: Number(year), seq: Number(seq), score };
}
function byScore(a, b) {
  return b.score - a.score || b.year - a.year || (a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : 0) || b.seq - a.seq;
}
/** The result-card file of a hit: { n: agency name, d: { seq: [title, number, category] } }. */
function cardUrl(index, h) {
  return index + 'doc/' + h.year + '/' + h.agency + '/' + Math.ceil(h.seq / ${CARD_BLOCK}) + '.json';
}
function itemUrl(base, h) {
  return base + 'informasi/' + encodeURIComponent(h.agency) + '/' + h.year + '/' + h.seq + '.html';
}
`;

export const SEARCH_JS = `/* SIP PPID public register: the compact menu, search, sortable tables and print button (progressive enhancement). */
(() => {
'use strict';
${TEXT_JS}
${SEARCH_CORE_JS}
const ITEMS_PER_PAGE = 20;

function enablePrint() {
  for (const b of document.querySelectorAll('[data-print]')) {
    b.hidden = false;
    b.addEventListener('click', () => window.print());
  }
}

/**
 * The main menu's disclosure button (narrow screens only, by CSS): shown once this script runs, it
 * folds and unfolds the menu it controls; Escape folds it and gives the focus back to the button.
 * Without JavaScript the button stays hidden and the menu is always shown.
 */
function enableMenu() {
  const button = document.getElementById('menu-toggle');
  const list = button && document.getElementById(button.getAttribute('aria-controls'));
  if (!list) return;
  const set = (open) => {
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    list.classList.toggle('folded', !open);
    list.classList.toggle('unfolded', open);
  };
  set(false);
  button.hidden = false;
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || button.getAttribute('aria-expanded') !== 'true' || getComputedStyle(button).display === 'none') return;
    set(false);
    if (list.contains(document.activeElement)) button.focus();
  });
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
  const get = fetcher();
  try {
    let scores = null;
    for (const found of await lookupTerms(data.index, wanted, get)) {
      if (scores === null) scores = found;
      else {
        const next = new Map();
        for (const [k, s] of scores) if (found.has(k)) next.set(k, s + found.get(k));
        scores = next;
      }
    }
    const hits = Array.from(scores || new Map()).map(([k, score]) => hitOf(k, score)).sort(byScore);
    status.textContent = hits.length ? hits.length.toLocaleString(document.documentElement.lang) + ' ' + (hits.length === 1 ? data.msgCountOne : data.msgCount) : data.msgNone;
    let shown = 0;
    const showMore = async (focus) => {
      const page = hits.slice(shown, shown + ITEMS_PER_PAGE);
      shown += page.length;
      const docs = await Promise.all(page.map((h) => get(cardUrl(data.index, h))));
      page.forEach((h, i) => {
        const doc = docs[i];
        const d = doc && doc.d[String(h.seq)];
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = itemUrl(data.base, h);
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
enableMenu();
enablePrint();
for (const table of document.querySelectorAll('table[data-sortable]')) enableSort(table);
const form = document.getElementById('search-form');
if (form && document.getElementById('search-results')) search(form);
})();
`;

/**
 * The objection parts of permohonan.js (web/register/objection.tsx, and the status page): the shared
 * upload helpers, one error display for the objection forms, the objections' view with their
 * downloads, the objection form of a request's status page, and the periodic-information form of
 * /keberatan/. String.raw: its regular expressions keep their backslashes.
 */
const OBJECTION_JS = String.raw`// --- objections (keberatan) ------------------------------------------------------------------------------

/** The SHA-256 of a file, as hex (crypto.subtle). */
async function sha256Hex(file) {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
/** The presigned POST: every ticket field first, the file last as "file". XMLHttpRequest, for the progress. */
function postToStorage(ticket, file, onProgress) {
  const data = new FormData();
  for (const k of Object.keys(ticket.fields)) data.append(k, ticket.fields[k]);
  data.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', ticket.url);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total); };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(String(xhr.status))));
    xhr.onerror = () => reject(new Error('0'));
    xhr.onabort = () => reject(new Error('0'));
    xhr.send(data);
  });
}
/** A deadline's explanation for people: its technical parenthesis of instants left out (the date is shown in words beside it). */
function explained(deadline) {
  const text = (deadline && deadline.explanation && deadline.explanation[LANG]) || '';
  return text.replace(/\s*\([^()]*\d{4}-\d{2}-\d{2}T[^()]*\)/g, '');
}
function extOf(name) {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot).toLowerCase() : '';
}

/**
 * One file to the documents bucket: its SHA-256 computed here, declared to the API at url (which
 * answers with the ticket), then posted with the ticket's fields first and the file last. The
 * progress bar follows; say(percent) speaks in quarters, not at every progress event. A failed post
 * calls forget(). { uploadId }, or { error } for the field (texts: noCrypto, failed, refused).
 */
async function uploadWithTicket(url, file, contentType, ui) {
  const { progress, state, texts, say, forget } = ui;
  let sha256 = '';
  try { sha256 = await sha256Hex(file); } catch (e) { state.textContent = ''; return { error: texts.noCrypto }; }
  let res = null;
  try { res = await postJson(url, { fileName: file.name, contentType, size: file.size, sha256 }); } catch (e) { res = null; }
  if (!res || res.status !== 201 || !res.data || !res.data.upload) {
    state.textContent = '';
    if (!res) return { error: texts.failed };
    const details = res.data && res.data.error && res.data.error.details;
    return { error: details && details.length ? details.map(detailText).join(' ') : serverMessage(res.data, texts.refused) };
  }
  progress.hidden = false;
  let said = -1;
  try {
    await postToStorage(res.data.upload, file, (fraction) => {
      const percent = Math.min(100, Math.floor(fraction * 100));
      progress.value = percent;
      const step = Math.floor(percent / 25) * 25;
      if (step !== said) { said = step; say(step); }
    });
  } catch (e) {
    forget();
    return { error: e && e.message !== '0' ? texts.refused : texts.failed };
  }
  return { uploadId: res.data.uploadId };
}

/** A form's field's value, trimmed ('' when the form has no such field). */
function valueOf(form, name) {
  const f = form.elements.namedItem(name);
  return f ? String(f.value || '').trim() : '';
}

/** The kind of person chosen in the radio buttons prefix.kind; the fields for the other kind ([data-for-kind]) are hidden as it changes. */
function kindSwitch(form, prefix) {
  const kind = () => valueOf(form, prefix + '.kind');
  const showKind = () => {
    for (const x of form.querySelectorAll('[data-for-kind]')) x.hidden = x.getAttribute('data-for-kind') !== kind();
  };
  for (const r of form.querySelectorAll('input[name="' + prefix + '.kind"]')) r.addEventListener('change', showKind);
  showKind();
  return kind;
}

/** The checks of a person's fields (PersonFields and ContactFields in request.tsx, named prefix.…): add(name, text) for each problem. */
function checkPerson(form, prefix, words, add) {
  const val = (name) => valueOf(form, prefix + '.' + name);
  const k = val('kind');
  if (!k) add(prefix + '.kind', words.kind);
  if (val('fullName').length < 3) add(prefix + '.fullName', words.fullName);
  if (k === 'individual' && !/^[0-9]{16}$/.test(val('nik'))) add(prefix + '.nik', words.nik);
  if (k === 'legal_entity' && val('legalEntityDecree').length < 3) add(prefix + '.legalEntityDecree', words.decree);
  if (val('address').length < 10) add(prefix + '.address', words.address);
  const phone = val('phone');
  const email = val('email');
  if (phone && !/^[+]?[0-9 ()-]{8,20}$/.test(phone)) add(prefix + '.phone', words.phone);
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) add(prefix + '.email', words.email);
  if (!phone && !email) add(prefix + '.email', words.contact);
}

/** A person's fields as the API takes them (the NIK or the decree by the kind; empty ones left out). */
function personOf(form, prefix) {
  const val = (name) => valueOf(form, prefix + '.' + name);
  const opt = (name) => val(name) || undefined;
  const k = val('kind');
  return {
    kind: k,
    fullName: val('fullName'),
    nik: k === 'individual' ? opt('nik') : undefined,
    legalEntityDecree: k === 'legal_entity' ? opt('legalEntityDecree') : undefined,
    address: val('address'),
    phone: opt('phone'),
    email: opt('email'),
  };
}

/**
 * The receipt of a filing (Receipt in request.tsx): its slots filled, the form (and the personal data
 * with it) cleared and hidden, the receipt shown with the focus.
 */
function showReceipt(form, box, filed, zone) {
  const slot = (n) => box.querySelector('[data-slot="' + n + '"]');
  slot('number').textContent = filed.number;
  slot('received').textContent = dateTimeInWords(filed.receivedAt, zone, LANG);
  slot('deadline').textContent = dateTimeInWords(filed.deadline.at, zone, LANG);
  slot('explanation').textContent = filed.explanation;
  slot('code').textContent = filed.trackingCode;
  slot('status-link').href = form.dataset.status + '?nomor=' + encodeURIComponent(filed.number) + '&kode=' + encodeURIComponent(filed.trackingCode);
  form.reset();
  form.hidden = true;
  box.hidden = false;
  box.focus();
}

/**
 * A form's errors: next to each field ([data-field] wrapper: its .field-error, aria-invalid and
 * aria-describedby on its controls) and in the summary (role=alert) with a link to each field; the
 * first field to fix takes the focus.
 */
function errorUi(form, summary) {
  const fieldOf = (name) => form.querySelector('[data-field="' + name + '"]');
  const controlsOf = (wrap) => Array.from(wrap.querySelectorAll(wrap.tagName === 'FIELDSET' ? 'input[type="radio"], input[type="checkbox"]:not(:disabled)' : 'input, textarea'));
  const describe = (c, errorId) => {
    if (!c.hasAttribute('data-hint')) c.setAttribute('data-hint', c.getAttribute('aria-describedby') || '');
    const ids = [errorId, c.getAttribute('data-hint')].filter(Boolean).join(' ');
    if (ids) c.setAttribute('aria-describedby', ids);
    else c.removeAttribute('aria-describedby');
  };
  function clear() {
    summary.hidden = true;
    summary.querySelector('ul').textContent = '';
    for (const p of form.querySelectorAll('.field-error')) { p.hidden = true; p.textContent = ''; }
    for (const c of form.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
    for (const c of form.querySelectorAll('[data-hint]')) describe(c, '');
  }
  function show(errors) {
    clear();
    if (!errors.length) return;
    const byField = new Map();
    const general = [];
    for (const e of errors) {
      const wrap = e.name ? fieldOf(e.name) : null;
      if (!wrap) { general.push(e.text); continue; }
      if (!byField.has(wrap)) byField.set(wrap, []);
      if (!byField.get(wrap).includes(e.text)) byField.get(wrap).push(e.text);
    }
    const ul = summary.querySelector('ul');
    for (const text of general) ul.append(el('li', { text }));
    let first = null;
    for (const wrap of form.querySelectorAll('[data-field]')) {
      const texts = byField.get(wrap);
      if (!texts) continue;
      if (wrap.hidden) wrap.hidden = false;
      const err = wrap.querySelector('.field-error');
      err.textContent = texts.join(' ');
      err.hidden = false;
      const controls = controlsOf(wrap);
      for (const c of controls) { c.setAttribute('aria-invalid', 'true'); describe(c, err.id); }
      const target = controls.find((c) => c.checked) || controls[0];
      if (!target) continue;
      if (!first) first = target;
      ul.append(el('li', {}, el('a', { href: '#' + target.id, text: texts.join(' ') })));
    }
    summary.hidden = false;
    if (first) first.focus();
    else { summary.tabIndex = -1; summary.focus(); }
  }
  return { show, clear };
}

/** "body.grounds.0" → "grounds"; "body.attachmentUploadIds.1" → "attachments"; "body.objector.nik" → "objector.nik". */
function objectionField(path) {
  const name = String(path || '').replace(/^body\.?/, '');
  if (/^grounds(\.|$)/.test(name)) return 'grounds';
  if (/^attachmentUploadIds(\.|$)/.test(name)) return 'attachments';
  if (name === 'submissionId') return '';
  return name;
}

/**
 * The attachments of an objection (at most 3): checked here, declared to the API
 * (POST /api/public/objections/attachments), sent straight to the documents bucket with the ticket's
 * fields first, then named in the filing by their upload ids. An upload is reused only after a
 * refusal for other fields.
 */
function attachmentUploader(input, w, types, max) {
  const wrap = input.closest('.field');
  const progress = wrap.querySelector('progress');
  const state = wrap.querySelector('.upload-state');
  let uploaded = new Map();
  const forget = () => {
    uploaded = new Map();
    progress.hidden = true;
    progress.value = 0;
    state.textContent = '';
  };
  input.addEventListener('change', forget);
  const files = () => Array.from(input.files || []);
  function problem() {
    const list = files();
    if (list.length > 3) return w.tooMany;
    for (const f of list) {
      if (!Object.prototype.hasOwnProperty.call(types, extOf(f.name))) return fill(w.attType, { name: f.name });
      if (f.size === 0) return fill(w.attEmpty, { name: f.name });
      if (f.size > max) return fill(w.attSize, { name: f.name });
    }
    if (list.length && !(window.crypto && crypto.subtle)) return w.attNoCrypto;
    return '';
  }
  /** { ids } or { error } for the field. */
  async function upload() {
    const list = files();
    const ids = [];
    for (let i = 0; i < list.length; i++) {
      const file = list[i];
      if (uploaded.has(file)) { ids.push(uploaded.get(file)); continue; }
      state.textContent = w.attPreparing;
      const up = await uploadWithTicket('/api/public/objections/attachments', file, types[extOf(file.name)], {
        progress,
        state,
        texts: { noCrypto: w.attNoCrypto, failed: w.attFailed, refused: w.attRefused },
        say: (percent) => { state.textContent = fill(w.attUploading, { i: i + 1, n: list.length, percent }); },
        forget,
      });
      if (up.error) return up;
      uploaded.set(file, up.uploadId);
      ids.push(up.uploadId);
    }
    if (list.length) { progress.value = 100; state.textContent = fill(w.attUploaded, { n: list.length }); }
    return { ids };
  }
  return { problem, upload, forget, count: () => files().length };
}

/**
 * Sends an objection form (the status page's, or the periodic one): checks first, uploads the
 * attachments, posts JSON, shows each refusal next to its field; done(data) on 201.
 */
function sendObjection(opts) {
  const { form, summary, status, button, w, check, body, url, uploader, done } = opts;
  const errors = errorUi(form, summary);
  let submissionId = newId();
  let busy = false;
  form.noValidate = true;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (busy) return;
    const found = check();
    const attProblem = uploader.problem();
    if (attProblem) found.push({ name: 'attachments', text: attProblem });
    if (found.length) { errors.show(found); return; }
    errors.clear();
    busy = true;
    button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    const finish = () => { busy = false; button.disabled = false; form.removeAttribute('aria-busy'); status.textContent = ''; };
    const up = await uploader.upload();
    if (up.error) { finish(); errors.show([{ name: 'attachments', text: up.error }]); return; }
    status.textContent = w.sending;
    let res = null;
    try { res = await postJson(url, Object.assign(body(), { submissionId, attachmentUploadIds: up.ids })); } catch (e) { res = null; }
    finish();
    if (res && res.status === 201 && res.data) { submissionId = newId(); uploader.forget(); done(res.data); return; }
    if (!res) { errors.show([{ text: w.network }]); return; }
    const details = res.data && res.data.error && res.data.error.details;
    const fieldErrors = res.status < 500 && details && details.length ? details.map((d) => ({ name: objectionField(d.path), text: detailText(d) })) : null;
    const kept = (fieldErrors && !fieldErrors.some((e) => e.name === 'attachments')) || res.status === 429;
    if (!kept) uploader.forget();
    if (fieldErrors) errors.show(fieldErrors);
    else if (up.ids.length && (res.status === 400 || res.status === 413 || res.status === 415)) errors.show([{ name: 'attachments', text: serverMessage(res.data, w.attRefused) }]);
    else errors.show([{ text: serverMessage(res.data, w.failed) }]);
  });
}

/** The objections shown on the status page, and the form to file one (a request's page only). */
function objectionUi(opts) {
  const w = opts.words;
  const when = (instant) => dateTimeInWords(instant, opts.zone, LANG);
  const row = (dl, term, ...value) => dl.append(el('dt', { text: term }), el('dd', {}, ...value));

  async function download(objection, file, b) {
    const cur = opts.current();
    opts.message.textContent = w.downloading;
    b.disabled = true;
    let res = null;
    try { res = await postJson('/api/public/objections/files', { number: cur.number, code: cur.code, objection, file }); } catch (e) { res = null; }
    b.disabled = false;
    if (!res || !res.ok || !res.data || !res.data.url) {
      opts.message.textContent = res ? serverMessage(res.data, w.downloadFailed) : w.downloadFailed;
      return;
    }
    opts.message.textContent = '';
    location.assign(res.data.url);
  }
  function fileButton(objection, file, text) {
    const b = el('button', { type: 'button', class: 'secondary', text });
    b.addEventListener('click', () => download(objection, file, b));
    return b;
  }
  const groundLine = (g) => g + '. ' + ((w.groundText && w.groundText[g]) || '');

  /** One objection: its state, grounds, deadline, the response and its PDF, the follow-up, the dispute window, its history. */
  function view(o, level) {
    const id = 'obj-' + o.number.replace(/[^A-Za-z0-9]/g, '-');
    const sub = level === 'h2' ? 'h3' : 'h4';
    const box = el('section', { class: 'objection', 'aria-labelledby': id });
    box.append(el(level, { id, text: fill(w.objection, { n: o.number }) }));
    const dl = el('dl');
    row(dl, w.state, (w.states && w.states[o.state]) || o.state);
    if (o.requestNumber) row(dl, w.request, o.requestNumber);
    else row(dl, w.information, el('span', { class: 'pre', lang: 'id', text: o.information }));
    row(dl, w.received, when(o.receivedAt));
    const grounds = el('ul', { class: 'cell-list' });
    for (const g of o.grounds) grounds.append(el('li', { text: groundLine(g) }));
    row(dl, w.grounds, grounds);
    row(dl, w.caseLabel, el('span', { class: 'pre', text: o.case }));
    row(dl, w.deadline, el('span', { class: 'deadline', text: when(o.deadline.at) }), ' ', el('span', { class: 'hint', text: explained(o.deadline) }));
    box.append(dl);
    const actions = el('ul', { class: 'actions' });
    if (o.response) {
      const r = o.response;
      const rd = el('dl');
      row(rd, w.decision, ((w.decisions && w.decisions[r.decision]) || r.decision) + (r.scope && w.scopes[r.scope] ? ' (' + w.scopes[r.scope] + ')' : ''));
      row(rd, w.reasons, el('span', { class: 'pre', lang: 'id', text: r.reasons }));
      row(rd, w.responder, r.responder.name + ', ' + r.responder.position);
      row(rd, w.respondedAt, when(r.at));
      box.append(el(sub, { text: w.response }), rd);
    }
    if (o.responseDocument) actions.append(el('li', {}, fileButton(o.number, 'response', fill(w.responseDoc, { n: o.responseDocument.number }))));
    if (actions.children.length) box.append(actions);
    if (o.followUp) {
      box.append(el('p', { text: fill(w.followUp, { date: when(o.followUp.deadline.at) }) }));
      const f = o.followUp.fulfilled;
      if (f) {
        box.append(el(sub, { text: w.provided }), el('p', { text: fill(w.fulfilled, { date: when(f.at) }) }), el('p', { class: 'pre', lang: 'id', text: f.note }));
        const docs = el('ul', { class: 'actions' });
        for (const d of f.documents) docs.append(el('li', {}, fileButton(o.number, d.docId, fill(w.download, { name: d.fileName, size: bytes(d.size) }) + (d.redacted ? ' · ' + w.redacted : ''))));
        if (docs.children.length) box.append(docs);
      }
    }
    if (o.disputeWindow) {
      box.append(el('p', { class: 'warn', text: fill(o.disputeWindow.from === 'no_response' ? w.disputeNoResponse : w.dispute, { date: when(o.disputeWindow.local || o.disputeWindow.at) }) }));
    }
    const steps = el('ol', { class: 'timeline' });
    for (const e of o.timeline || []) steps.append(el('li', {}, el('time', { datetime: e.at, text: when(e.at) }), ' — ' + ((w.events && w.events[e.type]) || e.type)));
    box.append(el(sub, { text: w.timeline }), steps);
    return box;
  }

  /** The receipt of an objection just filed: its number and the Atasan PPID's deadline; takes the focus. */
  function receipt(o) {
    const box = el('section', { class: 'receipt', id: 'objection-filed', tabindex: '-1', 'aria-labelledby': 'objection-filed-h' });
    const dl = el('dl');
    row(dl, w.number, el('strong', { text: o.number }));
    row(dl, w.deadline, el('span', { class: 'deadline', text: when(o.deadline.at) }), ' ', el('span', { class: 'hint', text: explained(o.deadline) }));
    box.append(el('h3', { id: 'objection-filed-h', text: w.doneTitle }), dl, el('p', { text: fill(w.filedDeadline, { date: when(o.deadline.at) }) }));
    return box;
  }

  /** The form: grounds (known first and chosen; unavailable ones disabled with their note and dates), the case, attachments. */
  function form(grounds, onFiled) {
    const f = el('form', { class: 'request objection-form', 'aria-labelledby': 'objection-form-h' });
    const summary = el('div', { class: 'error-summary', role: 'alert', hidden: true }, el('p', { text: w.errorSummary }), el('ul'));
    f.append(el('h3', { id: 'objection-form-h', text: w.formTitle }), el('p', { text: w.formIntro }), summary);
    const fs = el('fieldset', { class: 'choices', id: 'ob-grounds', 'data-field': 'grounds' });
    fs.append(el('legend', {}, w.groundsLegend, el('span', { 'aria-hidden': 'true', text: ' *' })));
    fs.append(el('p', { class: 'hint', text: w.groundsHint }), el('p', { class: 'field-error', id: 'ob-grounds-error', hidden: true }));
    const rank = (g) => (g.known && g.available ? 0 : g.available ? 1 : 2);
    const sorted = grounds.slice().sort((a, b) => rank(a) - rank(b) || (a.ground < b.ground ? -1 : a.ground > b.ground ? 1 : 0));
    for (const g of sorted) {
      const id = 'ob-g-' + g.ground;
      const notes = [];
      if (g.note) notes.push(g.note[LANG]);
      if (g.until) notes.push(fill(g.available ? w.until : w.ended, { date: when(g.until.at) }));
      const input = el('input', { type: 'checkbox', id, name: 'grounds', value: g.ground, checked: g.known && g.available, disabled: !g.available, 'aria-describedby': notes.length ? id + '-note' : null });
      const label = el('label', { for: id }, g.ground + '. ' + g.text[LANG], g.known ? el('span', { class: 'meta', text: ' (' + w.known + ')' }) : null);
      fs.append(el('div', { class: 'choice ground' + (g.available ? '' : ' unavailable') }, input, el('div', {}, label, notes.length ? el('p', { class: 'hint', id: id + '-note', text: notes.join(' ') }) : null)));
    }
    f.append(fs);
    const caseArea = el('textarea', { id: 'ob-case', name: 'case', rows: '6', required: true, minlength: '20', maxlength: '4000', 'aria-describedby': 'ob-case-hint' });
    f.append(el('div', { class: 'field', 'data-field': 'case' },
      el('label', { for: 'ob-case' }, w.caseLabel, el('span', { 'aria-hidden': 'true', text: ' *' })),
      el('p', { class: 'hint', id: 'ob-case-hint', text: w.caseHint }),
      el('p', { class: 'field-error', id: 'ob-case-error', hidden: true }),
      caseArea));
    const accept = Object.keys(opts.types).concat(Array.from(new Set(Object.values(opts.types)))).join(',');
    const file = el('input', { type: 'file', id: 'ob-attachments', accept, multiple: true, 'aria-describedby': 'ob-attachments-hint ob-attachments-state' });
    f.append(el('div', { class: 'field', 'data-field': 'attachments' },
      el('label', { for: 'ob-attachments', text: w.attachments }),
      el('p', { class: 'hint', id: 'ob-attachments-hint', text: w.attachmentsHint }),
      el('p', { class: 'field-error', id: 'ob-attachments-error', hidden: true }),
      file,
      el('progress', { id: 'ob-attachments-progress', max: '100', value: '0', 'aria-label': w.attachmentsProgress, hidden: true }),
      el('p', { id: 'ob-attachments-state', class: 'upload-state', role: 'status', 'aria-live': 'polite' })));
    const website = el('input', { id: 'ob-website', name: 'website', type: 'text', tabindex: '-1', autocomplete: 'off' });
    f.append(el('div', { class: 'hp', 'aria-hidden': 'true' }, el('label', { for: 'ob-website', text: w.honeypot }), website));
    const status = el('p', { role: 'status', 'aria-live': 'polite' });
    const button = el('button', { type: 'submit', text: w.submit });
    f.append(status, el('p', {}, button));
    const uploader = attachmentUploader(file, w, opts.types, opts.max);
    const chosen = () => Array.from(f.querySelectorAll('input[name="grounds"]:checked')).map((c) => c.value);
    sendObjection({
      form: f,
      summary,
      status,
      button,
      w,
      url: '/api/public/objections',
      uploader,
      check: () => {
        const errors = [];
        if (!chosen().length) errors.push({ name: 'grounds', text: w.noGround });
        if (caseArea.value.trim().length < 20) errors.push({ name: 'case', text: w.caseShort });
        return errors;
      },
      body: () => {
        const cur = opts.current();
        return { number: cur.number, code: cur.code, grounds: chosen(), case: caseArea.value.trim(), website: website.value || undefined };
      },
      done: (data) => onFiled(data.objection),
    });
    return f;
  }

  /** The section of a request's status page: its objections, the receipt of one just filed, and the form. */
  function section(v, filed, onFiled) {
    const s = el('section', { class: 'objections', 'aria-labelledby': 'objections-h' });
    s.append(el('h3', { id: 'objections-h', text: w.section }));
    if (filed) s.append(receipt(filed));
    for (const o of v.objections || []) s.append(view(o, 'h4'));
    const grounds = v.objectionGrounds || [];
    if (grounds.some((g) => g.available)) s.append(form(grounds, onFiled));
    else if (grounds.length) s.append(el('p', { text: w.noneAvailable }));
    return s;
  }

  return { view, section };
}

/** The periodic-information objection (ground b, no request): /keberatan/. */
function periodicForm(form) {
  const w = JSON.parse(form.dataset.objWords);
  const words = JSON.parse(form.dataset.words);
  const zone = form.dataset.zone;
  const types = JSON.parse(form.dataset.poaTypes || '{}');
  const max = Number(form.dataset.poaMax) || 10 * 1024 * 1024;
  form.hidden = false;
  const val = (name) => valueOf(form, name);
  kindSwitch(form, 'objector');
  const uploader = attachmentUploader(document.getElementById('o-attachments'), w, types, max);
  sendObjection({
    form,
    summary: document.getElementById('periodic-errors'),
    status: document.getElementById('periodic-status'),
    button: form.querySelector('button[type="submit"]'),
    w,
    url: '/api/public/objections/periodic',
    uploader,
    check: () => {
      const errors = [];
      const add = (name, text) => errors.push({ name, text });
      checkPerson(form, 'objector', words, add);
      if (val('information').length < 10) add('information', w.informationShort);
      if (val('case').length < 20) add('case', w.caseShort);
      return errors;
    },
    body: () => ({
      objector: personOf(form, 'objector'),
      information: val('information'),
      case: val('case'),
      website: form.elements.namedItem('website').value || undefined,
    }),
    done: (data) => {
      const o = data.objection;
      showReceipt(form, document.getElementById('objection-done'), { number: o.number, receivedAt: o.receivedAt, deadline: o.deadline, explanation: explained(o.deadline), trackingCode: data.trackingCode }, zone);
    },
  });
}

`;

/**
 * The request pages' script (/permohonan/ and /permohonan/status/). Words come from the page (the
 * form's `data-words`, i18n.ts `reqJs`); every text is set with textContent. The form works without
 * it (a plain form post); with it, the fields are checked first, the request goes as JSON and each
 * refusal shows next to its field. The tracking code read from the status page's address is removed
 * from the address (and so from the history) at once and kept in memory only.
 */
export const REQUEST_JS = `/* SIP PPID public register: the information-request form and the status page (progressive enhancement). */
(() => {
'use strict';
${TEXT_JS}
${SEARCH_CORE_JS}
${DATE_WORDS_JS}
const LANG = document.documentElement.lang === 'en' ? 'en' : 'id';
const SUGGESTIONS = 5;
const SUGGEST_TERMS = 12;

function fill(text, vars) {
  return String(text).replace(/\\{(\\w+)\\}/g, (all, k) => (vars && Object.prototype.hasOwnProperty.call(vars, k) ? String(vars[k]) : all));
}
function capital(s) {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}
/** An element with attributes (text: its textContent) and children. */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const k of Object.keys(attrs || {})) {
    const v = attrs[k];
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== undefined && c !== null && c !== false) e.append(c);
  return e;
}
function newId() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64;
  b[8] = (b[8] & 63) | 128;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
}
function bytes(n) {
  const big = n >= 1048576 ? [n / 1048576, 'MB'] : n >= 1024 ? [n / 1024, 'KB'] : [n, 'byte'];
  const text = Number.isInteger(big[0]) ? String(big[0]) : big[0].toFixed(1);
  return (LANG === 'id' ? text.replace('.', ',') : text) + ' ' + big[1];
}
async function postJson(url, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': LANG },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  return { status: res.status, ok: res.ok, data };
}
/** The API's own message in this language (every refusal carries one in both). */
function serverMessage(data, fallback) {
  const e = data && data.error;
  return (e && e.messages && e.messages[LANG]) || (e && e.message) || fallback;
}
/** A field's message without the field path the API puts in front ("body.requester.nik: …"). */
function detailText(d) {
  const m = (d.messages && d.messages[LANG]) || d.message || '';
  const prefix = d.path + ': ';
  return capital(m.startsWith(prefix) ? m.slice(prefix.length) : m);
}

// --- the request form ----------------------------------------------------------------------------------

/** Published DIP items that may answer the text: at least two of its words (or its only one), best first. */
async function suggest(index, text, get) {
  const wanted = Array.from(new Set(terms(text))).slice(0, SUGGEST_TERMS);
  if (!wanted.length) return [];
  const found = await lookupTerms(index, wanted, get);
  const scores = new Map();
  const words = new Map();
  for (const f of found) {
    for (const [k, s] of f) {
      scores.set(k, (scores.get(k) || 0) + s);
      words.set(k, (words.get(k) || 0) + 1);
    }
  }
  const need = Math.min(2, wanted.length);
  const hits = Array.from(scores).filter(([k]) => words.get(k) >= need).map(([k, s]) => hitOf(k, s)).sort(byScore).slice(0, SUGGESTIONS);
  const docs = await Promise.all(hits.map((h) => get(cardUrl(index, h))));
  return hits.map((h, i) => {
    const d = docs[i] && docs[i].d[String(h.seq)];
    return { hit: h, title: d ? d[0] : h.agency + ' ' + h.year + '/' + h.seq, meta: d ? d[1] + ' · ' + docs[i].n : '' };
  });
}

function requestForm(form) {
  const words = JSON.parse(form.dataset.words);
  const zone = form.dataset.zone;
  const summary = document.getElementById('form-errors');
  const status = document.getElementById('form-status');
  const button = form.querySelector('button[type="submit"]');
  const submission = form.elements.namedItem('submissionId');
  // One id per form shown: a double click or a resend after a lost answer files one request.
  submission.value = newId();
  // The script checks and explains; the browser's own bubbles would say less.
  form.noValidate = true;

  const val = (name) => valueOf(form, name);
  kindSwitch(form, 'requester');
  const { show: showErrors, clear: clearErrors } = errorUi(form, summary);

  function check() {
    const errors = [];
    const add = (name, text) => errors.push({ name, text });
    checkPerson(form, 'requester', words, add);
    const represented = val('requester.onBehalfOf');
    if (represented && represented.length < 3) add('requester.onBehalfOf', words.onBehalfOf);
    const poaError = represented ? poaProblem() : '';
    if (poaError) add('powerOfAttorney', poaError);
    if (val('content.information').length < 10) add('content.information', words.information);
    if (val('content.purpose').length < 5) add('content.purpose', words.purpose);
    if (!val('content.obtainForm')) add('content.obtainForm', words.obtainForm);
    if (!val('content.deliveryMethod')) add('content.deliveryMethod', words.deliveryMethod);
    return errors;
  }

  function body() {
    return {
      requester: Object.assign(personOf(form, 'requester'), { onBehalfOf: val('requester.onBehalfOf') || undefined }),
      content: {
        information: val('content.information'),
        purpose: val('content.purpose'),
        obtainForm: val('content.obtainForm'),
        deliveryMethod: val('content.deliveryMethod'),
      },
      submissionId: submission.value,
      website: form.elements.namedItem('website').value || undefined,
    };
  }

  /** "body.requester.nik" → the field "requester.nik"; the upload id → the power of attorney's file field. */
  function fieldName(path) {
    const name = String(path || '').replace(/^body\\.?/, '');
    if (name === 'powerOfAttorneyUploadId') return 'powerOfAttorney';
    return name;
  }

  // The power of attorney of a request filed for someone else (functions/core/requests/power-of-attorney.ts):
  // its SHA-256 computed here, declared to the API, sent straight to the documents bucket with the
  // ticket's fields first and the file last, then named in the filing by its upload id. The server
  // moves and checks it at filing; a refused file refuses the filing, and nothing is filed.
  const poaTypes = JSON.parse(form.dataset.poaTypes || '{}');
  const poaMax = Number(form.dataset.poaMax) || 10 * 1024 * 1024;
  const poaField = document.getElementById('poa-field');
  const poaInput = document.getElementById('f-powerOfAttorney');
  const poaProgress = document.getElementById('f-powerOfAttorney-progress');
  const poaState = document.getElementById('f-powerOfAttorney-state');
  const represented = form.elements.namedItem('requester.onBehalfOf');
  /** The upload the next filing names: { file, uploadId }; forgotten when the file changes or a filing may have used it. */
  let uploaded = null;
  const showPoa = () => {
    poaField.hidden = val('requester.onBehalfOf') === '';
    poaInput.required = !poaField.hidden;
  };
  represented.addEventListener('input', showPoa);
  showPoa();
  const forgetUpload = () => {
    uploaded = null;
    poaProgress.hidden = true;
    poaProgress.value = 0;
    poaState.textContent = '';
  };
  poaInput.addEventListener('change', forgetUpload);
  const poaFile = () => (poaInput.files && poaInput.files[0]) || null;
  /** What is wrong with the chosen file before anything is sent ('' when nothing). */
  function poaProblem() {
    const file = poaFile();
    if (!file) return words.poaMissing;
    if (!Object.prototype.hasOwnProperty.call(poaTypes, extOf(file.name))) return words.poaType;
    if (file.size === 0) return words.poaEmpty;
    if (file.size > poaMax) return words.poaSize;
    if (!(window.crypto && crypto.subtle)) return words.poaNoCrypto;
    return '';
  }
  /** Declares and uploads the chosen file (once per file): { uploadId }, or { error } for the field. */
  async function uploadPoa() {
    const file = poaFile();
    if (uploaded && uploaded.file === file) return { uploadId: uploaded.uploadId };
    forgetUpload();
    poaState.textContent = words.poaPreparing;
    const up = await uploadWithTicket('/api/public/requests/power-of-attorney', file, poaTypes[extOf(file.name)], {
      progress: poaProgress,
      state: poaState,
      texts: { noCrypto: words.poaNoCrypto, failed: words.poaFailed, refused: words.poaRefused },
      say: (percent) => { poaState.textContent = fill(words.poaUploading, { percent }); },
      forget: forgetUpload,
    });
    if (up.error) return up;
    poaProgress.value = 100;
    poaState.textContent = fill(words.poaUploaded, { name: file.name, size: bytes(file.size) });
    uploaded = { file, uploadId: up.uploadId };
    return { uploadId: uploaded.uploadId };
  }

  function done(data) {
    const explanation = (data.deadline.explanation && data.deadline.explanation[LANG]) || '';
    showReceipt(form, document.getElementById('request-done'), Object.assign({}, data, { explanation }), zone);
  }

  let busy = false;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (busy) return;
    const errors = check();
    if (errors.length) { showErrors(errors); return; }
    clearErrors();
    busy = true;
    button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    const finish = () => {
      busy = false;
      button.disabled = false;
      poaInput.disabled = false;
      form.removeAttribute('aria-busy');
      status.textContent = '';
    };
    // Filing for someone else: the power of attorney goes first, and the filing names it. The file
    // cannot be changed meanwhile (the filing would name the one that went up).
    let uploadId = '';
    if (val('requester.onBehalfOf')) {
      poaInput.disabled = true;
      const up = await uploadPoa();
      if (up.error) { finish(); showErrors([{ name: 'powerOfAttorney', text: up.error }]); return; }
      uploadId = up.uploadId;
    }
    status.textContent = words.sending;
    let res = null;
    try {
      res = await postJson(form.action, uploadId ? Object.assign(body(), { powerOfAttorneyUploadId: uploadId }) : body());
    } catch (e) {
      res = null;
    }
    finish();
    if (res && res.status === 201 && res.data) { done(res.data); return; }
    const details = res && res.data && res.data.error && res.data.error.details;
    const fieldErrors = res && res.status === 400 && details && details.length ? details.map((d) => ({ name: fieldName(d.path), text: detailText(d) })) : null;
    if (uploadId) {
      // The upload serves the next try only when the filing was refused for other fields before the
      // server took the file (or throttled): otherwise it may be used up, and the next try uploads again.
      const kept = (fieldErrors && !fieldErrors.some((e) => e.name === 'powerOfAttorney')) || (res && res.status === 429);
      if (!kept) forgetUpload();
      // The file refused at filing (its type by content, its size or hash, the upload gone): next to the field.
      if (res && !fieldErrors && (res.status === 400 || res.status === 413 || res.status === 415)) {
        showErrors([{ name: 'powerOfAttorney', text: serverMessage(res.data, words.poaRefused) }]);
        return;
      }
    }
    if (!res) { showErrors([{ text: words.network }]); return; }
    if (fieldErrors) showErrors(fieldErrors);
    else showErrors([{ text: serverMessage(res.data, words.failed) }]);
  });

  // Published items that may already answer the request, while it is typed (debounced).
  const info = form.elements.namedItem('content.information');
  const box = document.getElementById('suggestions');
  const list = document.getElementById('suggest-list');
  const said = document.getElementById('suggest-status');
  const get = fetcher();
  let timer = 0;
  let round = 0;
  let last = '';
  const run = async () => {
    const text = info.value;
    if (text === last) return;
    last = text;
    const mine = ++round;
    let found = [];
    try { found = await suggest(form.dataset.index, text, get); } catch (e) { found = []; }
    if (mine !== round) return;
    list.textContent = '';
    for (const f of found) {
      list.append(el('li', {},
        el('a', { href: itemUrl(form.dataset.base, f.hit), lang: 'id', target: '_blank', rel: 'noopener' }, f.title, el('span', { class: 'vh', text: ' ' + words.newTab })),
        el('span', { class: 'meta', text: f.meta })));
    }
    box.hidden = found.length === 0;
    const message = found.length ? fill(words.suggestCount, { n: found.length }) : '';
    if (said.textContent !== message) said.textContent = message;
  };
  info.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 400); });
  if (info.value) run();
}

${OBJECTION_JS}
// --- the status page -----------------------------------------------------------------------------------

function statusPage(form) {
  const words = JSON.parse(form.dataset.words);
  const zone = form.dataset.zone;
  const agencies = JSON.parse(form.dataset.agencies || '{}');
  const message = document.getElementById('status-message');
  const view = document.getElementById('status-view');
  const heading = document.getElementById('status-h');
  const content = document.getElementById('status-body');
  const numberInput = form.elements.namedItem('nomor');
  const codeInput = form.elements.namedItem('kode');
  const when = (instant) => dateTimeInWords(instant, zone, LANG);
  let current = null;
  // Objections (keberatan): those of the request, the form to file one, and the receipt of the one just filed.
  const objWords = JSON.parse(form.dataset.objWords || '{}');
  const objections = objectionUi({
    words: objWords,
    zone,
    message,
    current: () => current,
    types: JSON.parse(form.dataset.poaTypes || '{}'),
    max: Number(form.dataset.poaMax) || 10 * 1024 * 1024,
  });
  let filed = null;
  /** The request's objections as last read (the clarification's answer carries the request alone). */
  let lastObjections = null;

  // The links in the emails and the no-JavaScript redirect carry the number and the code: read them,
  // then take the code out of the address at once, so that it stays in no history or bookmark.
  const params = new URLSearchParams(location.search);
  const fromUrl = { number: (params.get('nomor') || '').trim(), code: (params.get('kode') || '').trim() };
  if (params.get('baru') === '1') document.getElementById('status-new').hidden = false;
  if (params.has('kode') || params.has('baru')) {
    params.delete('kode');
    params.delete('baru');
    const rest = params.toString();
    history.replaceState(history.state, '', location.pathname + (rest ? '?' + rest : '') + location.hash);
  }
  numberInput.value = fromUrl.number;
  form.hidden = false;

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const number = numberInput.value.trim();
    const code = codeInput.value.trim();
    if (!number || !code) { message.textContent = words.missing; (number ? codeInput : numberInput).focus(); return; }
    load(number, code, true);
  });

  /** A request (PMH/…) or an objection with no request (KBR/…), by its number and tracking code. */
  async function load(number, code, focus, after) {
    message.textContent = words.loading;
    const objection = /^KBR\\//i.test(number);
    let res = null;
    try { res = await postJson(objection ? '/api/public/objections/status' : '/api/public/requests/status', { number, code }); } catch (e) { res = null; }
    if (!res || !res.ok) {
      message.textContent = res ? serverMessage(res.data, words.loadFailed) : words.loadFailed;
      form.hidden = false;
      return;
    }
    current = { number, code };
    codeInput.value = '';
    message.textContent = '';
    if (objection) renderObjections(number, res.data);
    else render(res.data);
    form.hidden = true;
    view.hidden = false;
    if (after) after();
    else if (focus) view.focus();
  }

  /** An objection just filed: the status read again, its receipt shown first and focused. */
  function onFiled(o) {
    filed = o;
    load(current.number, current.code, false, () => {
      const box = document.getElementById('objection-filed');
      if (box) box.focus();
    });
  }

  function anotherButton() {
    const again = el('button', { type: 'button', class: 'secondary', text: objWords.another || words.another });
    again.addEventListener('click', () => {
      current = null;
      filed = null;
      lastObjections = null;
      view.hidden = true;
      content.textContent = '';
      message.textContent = '';
      form.hidden = false;
      numberInput.value = '';
      numberInput.focus();
    });
    return el('p', {}, again);
  }

  /** An objection with no request (ground b), by its own number and code. */
  function renderObjections(number, data) {
    heading.textContent = fill(objWords.objection, { n: number });
    content.textContent = '';
    for (const o of data.objections || []) content.append(objections.view(o, 'h3'));
    content.append(anotherButton());
  }

  async function download(file, button) {
    message.textContent = words.downloading;
    button.disabled = true;
    let res = null;
    try { res = await postJson('/api/public/requests/files', { number: current.number, code: current.code, file }); } catch (e) { res = null; }
    button.disabled = false;
    if (!res || !res.ok || !res.data || !res.data.url) {
      message.textContent = res ? serverMessage(res.data, words.downloadFailed) : words.downloadFailed;
      return;
    }
    message.textContent = '';
    location.assign(res.data.url);
  }

  function downloadButton(file, text) {
    const b = el('button', { type: 'button', class: 'secondary', text });
    b.addEventListener('click', () => download(file, b));
    return b;
  }

  function row(dl, term, ...value) {
    dl.append(el('dt', { text: term }), el('dd', {}, ...value));
  }

  function clarificationForm(index) {
    const id = 'clarify-' + index;
    const f = el('form', { class: 'clarify' });
    const err = el('p', { class: 'field-error', id: id + '-error', hidden: true });
    const area = el('textarea', { id, name: 'answer', rows: '4', required: true, maxlength: '4000' });
    f.append(el('div', { class: 'field' }, el('label', { for: id, text: words.yourAnswer }), err, area), el('p', {}, el('button', { type: 'submit', text: words.sendAnswer })));
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const answer = area.value.trim();
      const fail = (text) => {
        err.textContent = text;
        err.hidden = false;
        area.setAttribute('aria-invalid', 'true');
        area.setAttribute('aria-describedby', err.id);
        area.focus();
      };
      if (answer.length < 2) { fail(words.answerShort); return; }
      let res = null;
      try { res = await postJson('/api/public/requests/clarification', { number: current.number, code: current.code, answer }); } catch (e) { res = null; }
      if (!res || !res.ok) {
        const d = res && res.data && res.data.error && res.data.error.details;
        fail(d && d.length ? detailText(d[0]) : res ? serverMessage(res.data, words.loadFailed) : words.loadFailed);
        return;
      }
      render(res.data);
      message.textContent = words.answerSent;
      view.focus();
    });
    return f;
  }

  function render(v) {
    heading.textContent = fill(words.request, { n: v.number });
    content.textContent = '';
    const dl = el('dl');
    row(dl, words.state, (words.states && words.states[v.state]) || v.state);
    row(dl, words.received, when(v.receivedAt));
    row(dl, words.deadline, el('span', { class: 'deadline', text: when(v.deadline.at) }), ' ', el('span', { class: 'hint', text: (v.deadline.explanation && v.deadline.explanation[LANG]) || '' }));
    row(dl, words.asked, el('span', { class: 'pre', lang: 'id', text: v.content && v.content.information }));
    if (v.outcome) {
      const text = v.outcome.held === false
        ? fill(words.notHeld, { body: (v.notHeld && v.notHeld.otherBody) || '—' })
        : (words.decisions[v.outcome.decision] || v.outcome.decision || '');
      row(dl, words.decision, text);
    }
    content.append(dl);
    if (v.extension) content.append(el('p', { text: fill(words.extended, { date: when(v.extension.previousDeadline), reasons: v.extension.reasons }) }));
    if (v.outcome && (v.outcome.decision === 'refused' || v.outcome.decision === 'partial')) content.append(el('p', { class: 'warn', text: words.objection }));

    const pending = (v.clarifications || []).map((c, i) => ({ c, i }));
    if (pending.length) {
      const open = pending.filter((x) => !x.c.answeredAt).pop();
      const list = el('ol');
      for (const { c, i } of pending) {
        list.append(el('li', {},
          el('p', { lang: 'id', class: 'pre', text: c.question }),
          el('p', { class: 'meta', text: fill(words.askedAt, { date: when(c.askedAt) }) }),
          c.answeredAt ? el('p', { class: 'pre', text: c.answer }) : null,
          c.answeredAt ? el('p', { class: 'meta', text: fill(words.answeredAt, { date: when(c.answeredAt) }) }) : null,
          open && open.i === i ? clarificationForm(i) : null));
      }
      content.append(el('h3', { text: words.clarifications }), list);
    }

    const actions = el('ul', { class: 'actions' });
    if (v.notice) actions.append(el('li', {}, downloadButton('notice', fill(words.notice, { n: v.notice.number }))));
    if (v.extensionNotice) actions.append(el('li', {}, downloadButton('extension', fill(words.extensionNotice, { n: v.extensionNotice.number }))));
    if (actions.children.length) content.append(el('h3', { text: words.documents }), actions);
    if (v.released && v.released.length) {
      const docs = el('ul', { class: 'actions' });
      for (const d of v.released) {
        const label = fill(words.download, { name: d.fileName, size: bytes(d.size) }) + (d.redacted ? ' · ' + words.redacted : '');
        docs.append(el('li', {}, downloadButton(d.docId, label), agencies[d.agencyId] ? el('span', { class: 'meta', text: ' ' + agencies[d.agencyId] }) : null));
      }
      content.append(el('h3', { text: words.released }), docs);
    }
    if (v.delivery) content.append(el('p', { text: fill(words.delivered, { date: dateInWords(v.delivery.deliveredOn, LANG), how: v.delivery.how }) }));
    if (v.closed) content.append(el('p', { text: fill(words.closed, { date: when(v.closed.at) }) }));

    const steps = el('ol', { class: 'timeline' });
    for (const e of v.timeline || []) {
      const what = (words.events && words.events[e.type]) || e.type;
      steps.append(el('li', {}, el('time', { datetime: e.at, text: when(e.at) }), ' — ' + what + (e.agencyId ? ' (' + (agencies[e.agencyId] || e.agencyId) + ')' : '')));
    }
    content.append(el('h3', { text: words.timeline }), steps);

    if (v.objectionGrounds) lastObjections = { objections: v.objections || [], objectionGrounds: v.objectionGrounds };
    if (lastObjections) content.append(objections.section(lastObjections, filed, onFiled));
    content.append(anotherButton());
  }

  if (fromUrl.number && fromUrl.code) load(fromUrl.number, fromUrl.code, false);
  else if (fromUrl.number) codeInput.focus();
}

const requestFormEl = document.getElementById('request-form');
if (requestFormEl) requestForm(requestFormEl);
const statusFormEl = document.getElementById('status-form');
if (statusFormEl) statusPage(statusFormEl);
const periodicFormEl = document.getElementById('periodic-form');
if (periodicFormEl) periodicForm(periodicFormEl);
})();
`;
