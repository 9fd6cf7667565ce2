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
import { type ComponentChildren, createContext, Fragment, h } from 'preact';
import { useContext } from 'preact/hooks';
import { renderToString } from 'preact-render-to-string';
import type { Lang, Model } from '../../functions/core/register/model.ts';
import { type Crumb, dikDataLinksInner, layoutInner, openDataLinksInner, type Section } from './html.ts';

export type { Crumb } from './html.ts';

/**
 * The page's meta description (web/register/describe.ts), provided by `renderPage` for every page of
 * the register; a page rendered on its own (a verification page) passes `description` instead.
 */
export const PageDescription = createContext<string | undefined>(undefined);

/** The frame of a page, written by the string template of html.ts (`layoutInner`) around the page's own content. */
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
  const { m, lang, path, title, section, crumbs, script } = props;
  const provided = useContext(PageDescription);
  const description = props.description ?? provided;
  const main = renderToString(h(Fragment, null, props.children));
  const inner = layoutInner(
    m,
    lang,
    { path, title, ...(section ? { section } : {}), ...(crumbs ? { crumbs } : {}), ...(script ? { script } : {}), ...(description ? { description } : {}) },
    main,
  );
  return <html lang={lang} dangerouslySetInnerHTML={{ __html: inner }} />;
}

export function OpenDataLinks({ lang }: { lang: Lang }) {
  return <p class="open-data" dangerouslySetInnerHTML={{ __html: openDataLinksInner(lang) }} />;
}

/** The DIK's two exports (the DCAT catalogue describes the DIP only). */
export function DikDataLinks({ lang }: { lang: Lang }) {
  return <p class="open-data" dangerouslySetInnerHTML={{ __html: dikDataLinksInner(lang) }} />;
}

/** Text that is always Indonesian (item content): marked so on English pages. */
export const idText = (lang: Lang) => (lang === 'en' ? 'id' : undefined);
