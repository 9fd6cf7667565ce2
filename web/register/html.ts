/**
 * Precompiled string templates for the register's frame and its largest pages (issue 14): the
 * layout (head, menu, breadcrumbs, footer) and the open-data links as plain string concatenation,
 * writing byte for byte what preact-render-to-string writes for the same JSX (the same escaping:
 * `"`, `&` and `<` in text and attributes; `<meta …/>`; a boolean or empty attribute as its bare
 * name). The parts shared by every page of a language (the menu of each section, the footer) are
 * made once per model and language.
 *
 * The JSX `Layout` (layout.tsx) renders through `layoutHtml`, so there is one frame for every page.
 */
import { DIK_EXPORT_PATHS } from '../../functions/core/register/exports.ts';
import type { Lang, Model } from '../../functions/core/register/model.ts';
import { dict } from './i18n.ts';

const ENTITIES = /["&<]/;

/** Text or an attribute value escaped as preact-render-to-string escapes it (`"`, `&`, `<`). */
export function esc(str: string): string {
  if (str.length === 0 || !ENTITIES.test(str)) return str;
  let out = '';
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    let ch: string;
    switch (str.charCodeAt(i)) {
      case 34:
        ch = '&quot;';
        break;
      case 38:
        ch = '&amp;';
        break;
      case 60:
        ch = '&lt;';
        break;
      default:
        continue;
    }
    if (i !== last) out += str.slice(last, i);
    out += ch;
    last = i + 1;
  }
  if (last !== str.length) out += str.slice(last);
  return out;
}

/** ` name="value"` as preact writes an attribute: nothing for null, undefined or false; the bare name for true or ''. */
export function attr(name: string, v: string | number | boolean | null | undefined): string {
  if (v == null || v === false) return '';
  if (v === true || v === '') return ` ${name}`;
  return ` ${name}="${esc(String(v))}"`;
}

/**
 * The link to a path, as model.ts `href` writes it (root-relative, `…/index.html` as its directory
 * URL), without a regular expression.
 */
export function href(path: string, lang: Lang = 'id'): string {
  const link = lang === 'id' ? `/${path}` : `/en/${path}`;
  return link.endsWith('/index.html') ? link.slice(0, -10) : link;
}

export interface Crumb {
  label: string;
  path?: string;
}

export type Section = 'home' | 'dip' | 'dik' | 'search' | 'request' | 'objection' | 'reports';

export interface LayoutOptions {
  /** Language-neutral path of this page (for the twin links). */
  path: string;
  title: string;
  section?: Section;
  crumbs?: Crumb[];
  /** Another script of /assets/ for this page (deferred, after search.js). */
  script?: string;
  /** The meta description. */
  description?: string;
}

/** The contents of `<p class="open-data">` for the DIP's exports. */
export function openDataLinksInner(lang: Lang): string {
  const t = dict(lang);
  return `<span>${esc(t.downloadOpenData)}:</span> <a href="/data/dip.csv" type="text/csv" download="dip.csv">${esc(t.csv)}</a> · <a href="/data/dip.json" type="application/json">${esc(t.json)}</a> · <a href="/data/catalog.jsonld" type="application/ld+json">${esc(t.dcat)}</a>`;
}

/** The contents of `<p class="open-data">` for the DIK's two exports. */
export function dikDataLinksInner(lang: Lang): string {
  const t = dict(lang);
  return `<span>${esc(t.downloadDik)}:</span> <a href="${esc(`/${DIK_EXPORT_PATHS.csv}`)}" type="text/csv" download="dik.csv">${esc(t.dikCsv)}</a> · <a href="${esc(`/${DIK_EXPORT_PATHS.json}`)}" type="application/json">${esc(t.dikJson)}</a>`;
}

const NAV: [Section, string, 'home' | 'dipLong' | 'dikLong' | 'search' | 'navRequest' | 'navObjection' | 'navReports'][] = [
  ['home', 'index.html', 'home'],
  ['dip', 'dip/index.html', 'dipLong'],
  ['dik', 'dik/index.html', 'dikLong'],
  ['search', 'cari/index.html', 'search'],
  ['request', 'permohonan/index.html', 'navRequest'],
  ['objection', 'keberatan/index.html', 'navObjection'],
  ['reports', 'laporan/index.html', 'navReports'],
];

/** What every page of one model and language shares. */
interface Shared {
  titleSuffix: string;
  headRest: string;
  /** After the alternates, before the optional page script: the search script. */
  bodyStart: string;
  /** Between the language link's title and the menu. */
  langLinkEnd: string;
  /** The menu (`<nav class="wrap menu">…</header>`) per current section ('' for none). */
  menu: Map<string, string>;
  crumbsStart: string;
  mainStart: string;
  footer: string;
}

const sharedOf = new WeakMap<Model, Partial<Record<Lang, Shared>>>();

function shared(m: Model, lang: Lang): Shared {
  let perLang = sharedOf.get(m);
  if (!perLang) {
    perLang = {};
    sharedOf.set(m, perLang);
  }
  let s = perLang[lang];
  if (s) return s;
  const t = dict(lang);
  const other: Lang = lang === 'id' ? 'en' : 'id';
  const home = href('index.html', lang);
  const ppid = m.ppid;
  s = {
    titleSuffix: ` – ${t.siteName} – ${m.publicBody.name}`,
    headRest:
      '<link rel="stylesheet" href="/assets/register.css"/><link rel="icon" href="/favicon.ico" sizes="32x32"/><link rel="icon" href="/favicon.svg" type="image/svg+xml"/>',
    bodyStart: `<body><a class="skip" href="#isi">${esc(t.skip)}</a><header class="site"><div class="wrap head"><p class="brand"><a href="${esc(home)}"><span class="body-name">${esc(m.publicBody.name)}</span><span class="site-name">${esc(t.siteName)} · ${esc(t.ppidUtama)}</span></a></p><p class="head-links"><a class="lang" href="`,
    langLinkEnd: `" hreflang="${other}" lang="${other}" title="${esc(t.otherLangLabel)}">${esc(t.otherLang)}</a><button type="button" class="menu-toggle" id="menu-toggle" aria-expanded="false" aria-controls="menu" hidden>${esc(t.menu)}</button></p></div>`,
    menu: new Map(),
    crumbsStart: `<nav class="wrap crumbs" aria-label="${esc(t.breadcrumb)}"><ol>`,
    mainStart: '<main id="isi" class="wrap" tabindex="-1">',
    footer: `</main><footer class="site"><div class="wrap"><p>${esc(t.footerLaw)}</p><p><a class="request-link" href="${esc(href('permohonan/index.html', lang))}">${esc(t.footerRequest)}</a>${
      ppid
        ? ` ${esc(t.ppidUtama)}: ${esc(ppid.name)}${ppid.address ? esc(`, ${ppid.address}`) : ''}${ppid.email ? `, <a href="${esc(`mailto:${ppid.email}`)}">${esc(ppid.email)}</a>` : ''}.`
        : ''
    }</p><p class="open-data">${openDataLinksInner(lang)}</p></div></footer></body>`,
  };
  perLang[lang] = s;
  return s;
}

function menuOf(s: Shared, lang: Lang, section: Section | undefined): string {
  const key = section ?? '';
  let menu = s.menu.get(key);
  if (menu === undefined) {
    const t = dict(lang);
    menu = `<nav class="wrap menu" id="menu" aria-label="${esc(t.navLabel)}"><ul>${NAV.map(
      ([sec, p, label]) => `<li><a href="${esc(href(p, lang))}"${attr('aria-current', section === sec ? 'page' : undefined)}>${esc(t[label])}</a></li>`,
    ).join('')}<li><a href="${esc(`${href('index.html', lang)}#data-terbuka`)}">${esc(t.openData)}</a></li></ul></nav></header>`;
    s.menu.set(key, menu);
  }
  return menu;
}

/**
 * What goes inside `<html lang="…">`: the head and the body, with `main` (HTML) as the contents of
 * `<main>`.
 */
export function layoutInner(m: Model, lang: Lang, o: LayoutOptions, main: string): string {
  const s = shared(m, lang);
  const other: Lang = lang === 'id' ? 'en' : 'id';
  const idPath = href(o.path, 'id');
  const enPath = href(o.path, 'en');
  const absId = esc(m.siteUrl + idPath);
  const absEn = esc(m.siteUrl + enPath);
  let crumbs = '';
  if (o.crumbs?.length) {
    crumbs = s.crumbsStart;
    for (const c of o.crumbs)
      crumbs += c.path ? `<li><a href="${esc(href(c.path, lang))}">${esc(c.label)}</a></li>` : `<li><span aria-current="page">${esc(c.label)}</span></li>`;
    crumbs += '</ol></nav>';
  }
  return `<head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><title>${esc(o.title + s.titleSuffix)}</title>${
    o.description ? `<meta name="description" content="${esc(o.description)}"/>` : ''
  }<link rel="canonical" href="${lang === 'id' ? absId : absEn}"/>${s.headRest}<link rel="alternate" hreflang="id" href="${absId}"/><link rel="alternate" hreflang="en" href="${absEn}"/><link rel="alternate" hreflang="x-default" href="${absId}"/><script src="/assets/search.js" defer></script>${
    o.script ? `<script src="${esc(`/assets/${o.script}`)}" defer></script>` : ''
  }</head>${s.bodyStart}${esc(other === 'id' ? idPath : enPath)}${s.langLinkEnd}${menuOf(s, lang, o.section)}${crumbs}${s.mainStart}${main}${s.footer}`;
}

/** The whole page: `<html>` with `main` (HTML) in its `<main>`. */
export const layoutHtml = (m: Model, lang: Lang, o: LayoutOptions, main: string): string => `<html lang="${lang}">${layoutInner(m, lang, o, main)}</html>`;
