/** @jsxImportSource preact */
/**
 * The frame of every register page: language, skip link, the public body's name, the main menu
 * (on narrow screens behind a "Menu" disclosure button once search.js runs; always open without
 * JavaScript), the link to the same page in the other language (hreflang twins), in the head the meta
 * description, the canonical URL and the hreflang alternates (id, en, x-default; absolute from the
 * register's base URL), breadcrumbs and the footer
 * citing UU 14/2008. No inline script or style anywhere (the register's CSP has no unsafe-inline):
 * the request pages load their own script file besides search.js.
 */
import { type ComponentChildren, createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { DIK_EXPORT_PATHS } from '../../functions/core/register/exports.ts';
import { href, type Lang, type Model } from '../../functions/core/register/model.ts';
import { dict } from './i18n.ts';

/**
 * The page's meta description (web/register/describe.ts), provided by `renderPage` for every page of
 * the register; a page rendered on its own (a verification page) passes `description` instead.
 */
export const PageDescription = createContext<string | undefined>(undefined);

export interface Crumb {
  label: string;
  path?: string;
}

type Section = 'home' | 'dip' | 'dik' | 'search' | 'request' | 'objection' | 'reports';

export function Layout(props: {
  m: Model;
  lang: Lang;
  /** Language-neutral path of this page (for the twin links). */
  path: string;
  title: string;
  section?: Section;
  crumbs?: Crumb[];
  /** Another script of /assets/ for this page (deferred, after search.js). */
  script?: string;
  /** The meta description, when the page is not rendered through `renderPage` (which provides it). */
  description?: string;
  children: ComponentChildren;
}) {
  const { m, lang, path } = props;
  const provided = useContext(PageDescription);
  const description = props.description ?? provided;
  const t = dict(lang);
  const other: Lang = lang === 'id' ? 'en' : 'id';
  const abs = (p: string, l: Lang) => `${m.siteUrl}${href(p, l)}`;
  const nav: [Section, string, string][] = [
    ['home', 'index.html', t.home],
    ['dip', 'dip/index.html', t.dipLong],
    ['dik', 'dik/index.html', t.dikLong],
    ['search', 'cari/index.html', t.search],
    ['request', 'permohonan/index.html', t.navRequest],
    ['objection', 'keberatan/index.html', t.navObjection],
    ['reports', 'laporan/index.html', t.navReports],
  ];
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – ${t.siteName} – ${m.publicBody.name}`}</title>
        {description ? <meta name="description" content={description} /> : null}
        <link rel="canonical" href={abs(path, lang)} />
        <link rel="stylesheet" href="/assets/register.css" />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="alternate" hrefLang="id" href={abs(path, 'id')} />
        <link rel="alternate" hrefLang="en" href={abs(path, 'en')} />
        <link rel="alternate" hrefLang="x-default" href={abs(path, 'id')} />
        <script src="/assets/search.js" defer />
        {props.script ? <script src={`/assets/${props.script}`} defer /> : null}
      </head>
      <body>
        <a class="skip" href="#isi">
          {t.skip}
        </a>
        <header class="site">
          <div class="wrap head">
            <p class="brand">
              <a href={href('index.html', lang)}>
                <span class="body-name">{m.publicBody.name}</span>
                <span class="site-name">
                  {t.siteName} · {t.ppidUtama}
                </span>
              </a>
            </p>
            <p class="head-links">
              <a class="lang" href={href(path, other)} hrefLang={other} lang={other} title={t.otherLangLabel}>
                {t.otherLang}
              </a>
              {/* The compact menu of narrow screens: search.js shows this button and folds the menu
                  until it is opened; without JavaScript the button stays hidden and the menu shown. */}
              <button type="button" class="menu-toggle" id="menu-toggle" aria-expanded="false" aria-controls="menu" hidden>
                {t.menu}
              </button>
            </p>
          </div>
          <nav class="wrap menu" id="menu" aria-label={t.navLabel}>
            <ul>
              {nav.map(([section, p, label]) => (
                <li key={section}>
                  <a href={href(p, lang)} aria-current={props.section === section ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
              <li>
                <a href={`${href('index.html', lang)}#data-terbuka`}>{t.openData}</a>
              </li>
            </ul>
          </nav>
        </header>
        {props.crumbs?.length ? (
          <nav class="wrap crumbs" aria-label={t.breadcrumb}>
            <ol>
              {props.crumbs.map((c, i) => (
                <li key={i}>{c.path ? <a href={href(c.path, lang)}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
              ))}
            </ol>
          </nav>
        ) : null}
        <main id="isi" class="wrap" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="site">
          <div class="wrap">
            <p>{t.footerLaw}</p>
            <p>
              <a class="request-link" href={href('permohonan/index.html', lang)}>
                {t.footerRequest}
              </a>
              {m.ppid ? (
                <>
                  {' '}
                  {t.ppidUtama}: {m.ppid.name}
                  {m.ppid.address ? `, ${m.ppid.address}` : ''}
                  {m.ppid.email ? (
                    <>
                      , <a href={`mailto:${m.ppid.email}`}>{m.ppid.email}</a>
                    </>
                  ) : null}
                  .
                </>
              ) : null}
            </p>
            <OpenDataLinks lang={lang} />
          </div>
        </footer>
      </body>
    </html>
  );
}

export function OpenDataLinks({ lang }: { lang: Lang }) {
  const t = dict(lang);
  return (
    <p class="open-data">
      <span>{t.downloadOpenData}:</span>{' '}
      <a href="/data/dip.csv" type="text/csv" download="dip.csv">
        {t.csv}
      </a>{' '}
      ·{' '}
      <a href="/data/dip.json" type="application/json">
        {t.json}
      </a>{' '}
      ·{' '}
      <a href="/data/catalog.jsonld" type="application/ld+json">
        {t.dcat}
      </a>
    </p>
  );
}

/** The DIK's two exports (the DCAT catalogue describes the DIP only). */
export function DikDataLinks({ lang }: { lang: Lang }) {
  const t = dict(lang);
  return (
    <p class="open-data">
      <span>{t.downloadDik}:</span>{' '}
      <a href={`/${DIK_EXPORT_PATHS.csv}`} type="text/csv" download="dik.csv">
        {t.dikCsv}
      </a>{' '}
      ·{' '}
      <a href={`/${DIK_EXPORT_PATHS.json}`} type="application/json">
        {t.dikJson}
      </a>
    </p>
  );
}

/** Text that is always Indonesian (item content): marked so on English pages. */
export const idText = (lang: Lang) => (lang === 'en' ? 'id' : undefined);
