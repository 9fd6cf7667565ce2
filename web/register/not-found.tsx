/** @jsxImportSource preact */
/**
 * The register's "page not found" (`404.html`), served by both hosts for any path the register does
 * not have: the local host from the register bucket (infra/local/host.ts), CloudFront as the custom
 * error response of the register distribution (infra/aws/stateless-stack.ts). CloudFront's error
 * page is one file for every path, so the page carries both languages: search.js (loaded by every
 * register page) shows the English half under `/en/…` and the Indonesian half elsewhere, and sets
 * `<html lang>` and the title to match. Without JavaScript both halves are shown, each marked with
 * its language. It depends only on the public body's name, so no publication rewrites it.
 */
import { renderToString } from 'preact-render-to-string';
import type { Lang, Model } from '../../functions/core/register/model.ts';
import { dict } from './i18n.ts';

export const NOT_FOUND_PATH = '404.html';

const T = {
  id: {
    title: 'Halaman tidak ditemukan',
    text: 'Alamat ini tidak ada di Daftar Informasi Publik. Alamatnya mungkin salah ketik, atau informasinya sudah ditarik dari daftar.',
    next: 'Silakan lanjut ke:',
    search: 'Cari informasi publik',
    base: '/',
  },
  en: {
    title: 'Page not found',
    text: 'This address is not in the Public Information List. It may be mistyped, or the information may have been withdrawn from the list.',
    next: 'You can go on to:',
    search: 'Search public information',
    base: '/en/',
  },
} as const;

function Half({ m, lang }: { m: Model; lang: Lang }) {
  const t = T[lang];
  const d = dict(lang);
  return (
    <section lang={lang} data-lang={lang}>
      <h1>{t.title}</h1>
      <p>{t.text}</p>
      <p>{t.next}</p>
      <ul>
        <li>
          <a href={t.base}>
            {d.home} – {d.siteName} {m.publicBody.name}
          </a>
        </li>
        <li>
          <a href={`${t.base}cari/`}>{t.search}</a>
        </li>
        <li>
          <a href={`${t.base}dip/`}>{d.dipLong}</a>
        </li>
      </ul>
    </section>
  );
}

export function renderNotFoundPage(m: Model): string {
  const title = (lang: Lang) => `${T[lang].title} – ${dict(lang).siteName} – ${m.publicBody.name}`;
  return `<!doctype html>\n${renderToString(
    <html lang="id">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title('id')}</title>
        <link rel="stylesheet" href="/assets/register.css" />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <script src="/assets/search.js" defer />
      </head>
      <body data-not-found="" data-title-id={title('id')} data-title-en={title('en')}>
        <header class="site">
          <div class="wrap head">
            <p class="brand">
              <span class="body-name">{m.publicBody.name}</span>
              <span class="site-name">
                {dict('id').siteName} · <span lang="en">{dict('en').siteName}</span>
              </span>
            </p>
          </div>
        </header>
        <main id="isi" class="wrap">
          <Half m={m} lang="id" />
          <Half m={m} lang="en" />
        </main>
      </body>
    </html>,
  )}`;
}
