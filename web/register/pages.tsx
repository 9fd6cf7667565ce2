/** @jsxImportSource preact */
/**
 * The pages of the public register, rendered to strings (preact-render-to-string escapes every text
 * and attribute: item content never becomes markup). Every list and item page works without
 * JavaScript; `/assets/search.js` adds search, column sorting and a print button.
 */
import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { CATEGORIES } from '../../functions/core/categories.ts';
import { exclusionEndsAfterLocal } from '../../functions/core/exclusion-end.ts';
import { exclusionEndWords } from '../../functions/core/exclusion-end-words.ts';
import type { DikEntry } from '../../functions/core/exclusion-model.ts';
import type { Category } from '../../functions/core/item-model.ts';
import { PASAL_17_TEXT } from '../../functions/core/pasal-17.ts';
import {
  type AgencyInfo,
  CATEGORY_SLUG,
  type Counts,
  countsWhere,
  dikAnchor,
  emptyCounts,
  hasCategoryYear,
  href,
  itemRef,
  type Lang,
  type Model,
  type PageRef,
  pagePath,
  rowsOf,
} from '../../functions/core/register/model.ts';
import { AnnualReportsPage } from './annual-reports.tsx';
import { describeItem, describePage } from './describe.ts';
import { chunkLinksHtml, chunkPageHtml, itemPageHtml } from './dip-pages.ts';
import { CATEGORY_TEXT, dict, formatDate, localeNumber } from './i18n.ts';
import { type Crumb, DikDataLinks, idText, Layout, OpenDataLinks, PageDescription } from './layout.tsx';
import { ObjectionPage } from './objection.tsx';
import { RequestFormPage, RequestLogPage, RequestStatusPage } from './request.tsx';

type P = { m: Model; lang: Lang };

const num = (n: number, lang: Lang) => localeNumber(n, lang);
const agencyLabel = (a: AgencyInfo) => a.name;
const crumbsTo = (lang: Lang, ...rest: Crumb[]): Crumb[] => [{ label: dict(lang).home, path: 'index.html' }, ...rest];
const dipCrumb = (lang: Lang): Crumb => ({ label: dict(lang).dipLong, path: 'dip/index.html' });

/** The four count columns (total and per category) of one agency in one year. */
function CountCells(props: P & { year: number; agency: AgencyInfo; counts: Counts }) {
  const { lang, year, agency, counts } = props;
  const label = `${agencyLabel(agency)} ${year}`;
  return (
    <>
      <td class="num" dangerouslySetInnerHTML={{ __html: chunkLinksHtml(props.m, lang, year, agency.id, undefined, counts.total, label) }} />
      {CATEGORIES.map((c) => (
        <td
          class="num"
          key={c}
          dangerouslySetInnerHTML={{ __html: chunkLinksHtml(props.m, lang, year, agency.id, c, counts[c], `${label}, ${CATEGORY_TEXT[lang][c].name}`) }}
        />
      ))}
    </>
  );
}

/** `year` (a year's page): each category's heading links to that category's page of the year, when it has items in it. */
function CountHead({ lang, first, year }: { lang: Lang; first: string; year?: { m: Model; year: number } }) {
  const t = dict(lang);
  const categoryRef = (category: Category): PageRef =>
    year && hasCategoryYear(year.m, category, year.year) ? { kind: 'category', category, year: year.year } : { kind: 'category', category };
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" class="num">
          {t.total}
        </th>
        {CATEGORIES.map((c) => (
          <th scope="col" class="num" key={c}>
            <a href={href(pagePath(categoryRef(c)), lang)}>{CATEGORY_TEXT[lang][c].name}</a>
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * A table in a focusable, labelled region so that keyboard users can scroll it sideways.
 * `labelledBy`: the ids that name the table, as its `aria-labelledby` says them too. The heading
 * above a table names it; a table has a caption only for what that heading does not say (a count,
 * an order), so that no heading is shown twice.
 */
function TableRegion({ labelledBy, children }: { labelledBy: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take keyboard focus (WCAG 2.1.1)
    <section class="table-wrap" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}

// --- home -------------------------------------------------------------------------------------------

function HomePage({ m, lang }: P) {
  const t = dict(lang);
  const all = countsWhere(m);
  return (
    <Layout m={m} lang={lang} path="index.html" title={t.home} section="home">
      <h1>
        {t.siteName} <span class="sub">{m.publicBody.name}</span>
      </h1>
      <p class="lead">{t.homeIntro(m.publicBody.name)}</p>
      {m.ppid ? (
        <section class="ppid" aria-labelledby="ppid-h">
          <h2 id="ppid-h">{t.ppid}</h2>
          <p>
            <a href={href(pagePath({ kind: 'agency', agencyId: m.ppid.id }), lang)}>{m.ppid.name}</a>
          </p>
          {m.ppid.address ? (
            <p>
              {t.address}: {m.ppid.address}
            </p>
          ) : null}
          {m.ppid.email ? (
            <p>
              {t.email}: <a href={`mailto:${m.ppid.email}`}>{m.ppid.email}</a>
            </p>
          ) : null}
        </section>
      ) : null}
      <SearchForm lang={lang} id="q-home" />
      <section aria-labelledby="cat-h">
        <h2 id="cat-h">{t.categories}</h2>
        <ul class="cards">
          {CATEGORIES.map((c) => (
            <li key={c}>
              <a href={href(pagePath({ kind: 'category', category: c }), lang)}>
                <span class="card-title">{CATEGORY_TEXT[lang][c].name}</span>
                <span class="card-count">{t.itemsCount(all[c])}</span>
              </a>
              <p>
                {CATEGORY_TEXT[lang][c].article} UU 14/2008. {CATEGORY_TEXT[lang][c].about}
              </p>
            </li>
          ))}
        </ul>
        <p>
          <a href={href('dip/index.html', lang)}>
            {t.dipConsolidated} ({t.itemsCount(all.total)})
          </a>
        </p>
      </section>
      <section aria-labelledby="dik-h">
        <h2 id="dik-h">{t.dikLong}</h2>
        <p>{t.dikHomeIntro}</p>
        <p>
          <a href={href(pagePath({ kind: 'dik' }), lang)}>
            {t.dikLong} ({t.dikCount(m.dik.length)})
          </a>
        </p>
      </section>
      <section aria-labelledby="latest-h">
        <h2 id="latest-h">{t.latest}</h2>
        {m.latest.length ? (
          <ol class="latest">
            {m.latest.map((e) => (
              <li key={e.itemId}>
                <a href={href(pagePath(itemRef(e)), lang)} lang={idText(lang)}>
                  {e.content.title}
                </a>
                <span class="meta">
                  {m.agency(e.agencyId).name} · {CATEGORY_TEXT[lang][e.content.category].name} ·{' '}
                  <time dateTime={e.publishedAt}>{formatDate(e.publishedAt, lang, m.agency(e.agencyId).timezone)}</time>
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t.noItems}</p>
        )}
      </section>
      <section aria-labelledby="agencies-h">
        <h2 id="agencies-h">{t.dipPerAgency}</h2>
        <ul class="agencies">
          {m.agencies.map((a) => (
            <li key={a.id}>
              <a href={href(pagePath({ kind: 'agency', agencyId: a.id }), lang)}>{a.name}</a>{' '}
              <span class="meta">
                ({a.kind === 'ppid_utama' ? t.ppidUtama : t.ppidPelaksana} · {t.itemsCount(countsWhere(m, { agencyId: a.id }).total)})
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section id="data-terbuka" aria-labelledby="data-h">
        <h2 id="data-h">{t.openData}</h2>
        <p>{t.openDataIntro}</p>
        <OpenDataLinks lang={lang} />
        <DikDataLinks lang={lang} />
      </section>
    </Layout>
  );
}

// --- consolidated DIP, year, category and agency views ----------------------------------------------

function DipPage({ m, lang }: P) {
  const t = dict(lang);
  return (
    <Layout m={m} lang={lang} path="dip/index.html" title={t.dipConsolidated} section="dip" crumbs={crumbsTo(lang, { label: t.dipLong })}>
      <h1>{t.dipConsolidated}</h1>
      <p class="lead">{t.dipIntro}</p>
      <nav aria-label={t.filters} class="filters">
        <p>
          <span class="filter-name">{t.regYear}:</span>{' '}
          {m.years.map((y, i) => (
            <span key={y}>
              {i ? ' · ' : ''}
              <a href={href(pagePath({ kind: 'year', year: y }), lang)}>{y}</a>
            </span>
          ))}
        </p>
        <p>
          <span class="filter-name">{t.colCategory}:</span>{' '}
          {CATEGORIES.map((c, i) => (
            <span key={c}>
              {i ? ' · ' : ''}
              <a href={href(pagePath({ kind: 'category', category: c }), lang)}>{CATEGORY_TEXT[lang][c].name}</a>
            </span>
          ))}
        </p>
        <p>
          <span class="filter-name">{t.colAgency}:</span> <a href="#instansi">{t.dipPerAgency}</a>
        </p>
      </nav>
      <section aria-labelledby="terbaru">
        <h2 id="terbaru">{t.latest}</h2>
        {m.latest.length ? (
          <TableRegion labelledBy="terbaru terbaru-cap">
            <table class="newest" aria-labelledby="terbaru terbaru-cap">
              <caption id="terbaru-cap">{t.latestCaption(m.latest.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.colNo}</th>
                  <th scope="col">{t.colTitle}</th>
                  <th scope="col">{t.colAgency}</th>
                  <th scope="col">{t.published}</th>
                </tr>
              </thead>
              <tbody>
                {m.latest.map((e) => (
                  <tr key={e.itemId}>
                    <th scope="row" class="no">
                      {e.number}
                    </th>
                    <td lang={idText(lang)}>
                      <a href={href(pagePath(itemRef(e)), lang)}>{e.content.title}</a>
                    </td>
                    <td data-label={t.colAgency}>{m.agency(e.agencyId).name}</td>
                    <td class="date" data-label={t.published}>
                      <time dateTime={e.publishedAt}>{formatDate(e.publishedAt, lang, m.agency(e.agencyId).timezone)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ) : (
          <p>{t.noItems}</p>
        )}
      </section>
      <h2 id="tahun">{t.dipPerYear}</h2>
      <TableRegion labelledBy="tahun">
        <table class="counts" aria-labelledby="tahun">
          <CountHead lang={lang} first={t.regYear} />
          <tbody>
            {m.years.map((y) => {
              const c = countsWhere(m, { year: y });
              return (
                <tr key={y}>
                  <th scope="row">
                    <a href={href(pagePath({ kind: 'year', year: y }), lang)}>{y}</a>
                  </th>
                  <td class="num">{num(c.total, lang)}</td>
                  {CATEGORIES.map((cat) => (
                    <td class="num" key={cat}>
                      {num(c[cat], lang)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
      <h2 id="instansi">{t.dipPerAgency}</h2>
      <TableRegion labelledBy="instansi">
        <table class="counts" aria-labelledby="instansi">
          <CountHead lang={lang} first={t.colAgency} />
          <tbody>
            {m.agencies.map((a) => {
              const c = countsWhere(m, { agencyId: a.id });
              return (
                <tr key={a.id}>
                  <th scope="row">
                    <a href={href(pagePath({ kind: 'agency', agencyId: a.id }), lang)}>{a.name}</a>
                  </th>
                  <td class="num">{num(c.total, lang)}</td>
                  {CATEGORIES.map((cat) => (
                    <td class="num" key={cat}>
                      {num(c[cat], lang)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
      <OpenDataLinks lang={lang} />
    </Layout>
  );
}

function YearPage({ m, lang, year }: P & { year: number }) {
  const t = dict(lang);
  const rows = m.agencies.map((a) => [a, m.counts.get(a.id)?.get(year)] as const).filter(([, c]) => c?.total);
  return (
    <Layout
      m={m}
      lang={lang}
      path={pagePath({ kind: 'year', year })}
      title={t.dipYearTitle(year)}
      section="dip"
      crumbs={crumbsTo(lang, dipCrumb(lang), { label: String(year) })}
    >
      <h1 id="judul">{t.dipYearTitle(year)}</h1>
      <p class="lead">
        {t.yearIntro} {t.itemsCount(countsWhere(m, { year }).total)}.
      </p>
      <TableRegion labelledBy="judul">
        <table class="counts" aria-labelledby="judul">
          <CountHead lang={lang} first={t.colAgency} year={{ m, year }} />
          <tbody>
            {rows.map(([a, c]) => (
              <tr key={a.id}>
                <th scope="row">
                  <a href={href(pagePath({ kind: 'agency', agencyId: a.id }), lang)}>{a.name}</a>
                </th>
                <CountCells m={m} lang={lang} year={year} agency={a} counts={c!} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </Layout>
  );
}

/** A category: its registration years, each with its count and the agencies that hold some, linking to the year's page. */
function CategoryPage({ m, lang, category }: P & { category: Category }) {
  const t = dict(lang);
  const text = CATEGORY_TEXT[lang][category];
  const years = m.years.map((year) => [year, countsWhere(m, { year })[category]] as const).filter(([, n]) => n > 0);
  const agencies = (year: number) => m.agencies.reduce((n, a) => n + ((m.counts.get(a.id)?.get(year)?.[category] ?? 0) > 0 ? 1 : 0), 0);
  return (
    <Layout
      m={m}
      lang={lang}
      path={pagePath({ kind: 'category', category })}
      title={`${t.colCategory}: ${text.name}`}
      section="dip"
      crumbs={crumbsTo(lang, dipCrumb(lang), { label: text.name })}
    >
      <h1 id="judul">
        {t.colCategory}: {text.name}
      </h1>
      <p class="lead">
        {text.article} UU 14/2008. {text.about} {t.categoryIntro}
      </p>
      {years.length ? (
        <TableRegion labelledBy="judul">
          <table class="counts" aria-labelledby="judul">
            <thead>
              <tr>
                <th scope="col">{t.regYear}</th>
                <th scope="col" class="num">
                  {t.total}
                </th>
                <th scope="col" class="num">
                  {t.agenciesCol}
                </th>
              </tr>
            </thead>
            <tbody>
              {years.map(([year, n]) => (
                <tr key={year}>
                  <th scope="row">
                    <a href={href(pagePath({ kind: 'category', category, year }), lang)}>{year}</a>
                  </th>
                  <td class="num">{num(n, lang)}</td>
                  <td class="num">{num(agencies(year), lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>{t.noItems}</p>
      )}
    </Layout>
  );
}

/** One category in one registration year: each agency's count, linking to its DIP tables. */
function CategoryYearPage({ m, lang, category, year }: P & { category: Category; year: number }) {
  const t = dict(lang);
  const text = CATEGORY_TEXT[lang][category];
  const rows = m.agencies.map((a) => [a, m.counts.get(a.id)?.get(year)?.[category] ?? 0] as const).filter(([, n]) => n > 0);
  const title = `${t.colCategory}: ${text.name} ${year}`;
  return (
    <Layout
      m={m}
      lang={lang}
      path={pagePath({ kind: 'category', category, year })}
      title={title}
      section="dip"
      crumbs={crumbsTo(lang, dipCrumb(lang), { label: text.name, path: pagePath({ kind: 'category', category }) }, { label: String(year) })}
    >
      <h1 id="judul">{title}</h1>
      <p class="lead">
        {t.categoryYearIntro} {t.itemsCount(rows.reduce((sum, [, n]) => sum + n, 0))}.{' '}
        <a href={href(pagePath({ kind: 'year', year }), lang)}>{t.dipYearTitle(year)}</a>
      </p>
      <TableRegion labelledBy="judul">
        <table class="counts" aria-labelledby="judul">
          <thead>
            <tr>
              <th scope="col">{t.colAgency}</th>
              <th scope="col" class="num">
                {t.total}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([a, n]) => (
              <tr key={a.id}>
                <th scope="row">{a.name}</th>
                <td class="num" dangerouslySetInnerHTML={{ __html: chunkLinksHtml(m, lang, year, a.id, category, n, `${a.name} ${year}, ${text.name}`) }} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </Layout>
  );
}

function AgencyPage({ m, lang, agency }: P & { agency: AgencyInfo }) {
  const t = dict(lang);
  const perYear = m.counts.get(agency.id) ?? new Map<number, Counts>();
  const years = [...perYear.keys()].sort((a, b) => b - a);
  const parent = agency.parentId ? m.agencies.find((a) => a.id === agency.parentId) : undefined;
  return (
    <Layout
      m={m}
      lang={lang}
      path={pagePath({ kind: 'agency', agencyId: agency.id })}
      title={`${t.dip} ${agency.name}`}
      section="dip"
      crumbs={crumbsTo(lang, dipCrumb(lang), { label: agency.name })}
    >
      <h1 id="judul">
        {t.dipLong} <span class="sub">{agency.name}</span>
      </h1>
      <dl class="profile">
        <dt>{t.colAgency}</dt>
        <dd>
          {agency.kind === 'ppid_utama' ? t.kindPpid : t.kindSkpd}
          {parent ? ` · ${parent.name}` : ''}
        </dd>
        {agency.address ? (
          <>
            <dt>{t.address}</dt>
            <dd>{agency.address}</dd>
          </>
        ) : null}
        {agency.email ? (
          <>
            <dt>{t.email}</dt>
            <dd>
              <a href={`mailto:${agency.email}`}>{agency.email}</a>
            </dd>
          </>
        ) : null}
      </dl>
      {years.length ? (
        <TableRegion labelledBy="judul">
          <table class="counts" aria-labelledby="judul">
            <CountHead lang={lang} first={t.regYear} />
            <tbody>
              {years.map((y) => (
                <tr key={y}>
                  <th scope="row">{y}</th>
                  <CountCells m={m} lang={lang} year={y} agency={agency} counts={perYear.get(y) ?? emptyCounts()} />
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>{t.noItems}</p>
      )}
    </Layout>
  );
}

// --- DIK --------------------------------------------------------------------------------------------

/** A local date (`YYYY-MM-DD`, midnight UTC when parsed) as the other pages write dates. */
const LocalDate = ({ date, lang }: { date: string; lang: Lang }) => <time dateTime={date}>{formatDate(date, lang, 'UTC')}</time>;

/**
 * The end of an exclusion, inclusive (functions/core/exclusion-end.ts), as the PDFs and the staff app
 * say it: "sampai dengan 30 Juni 2027", then "berakhir setelah Selasa, 30 Juni 2027 pukul 23.59 WIB"
 * in the agency's zone.
 */
function DikEnd({ until, timeZone, lang }: { until: string; timeZone: string; lang: Lang }) {
  const words = exclusionEndWords(until, timeZone, lang);
  return (
    <>
      <div>
        <time dateTime={until}>{words.until}</time>
      </div>
      <div class="meta">
        <time dateTime={exclusionEndsAfterLocal(until, timeZone)}>{words.endsAfter}</time>
      </div>
    </>
  );
}

/** One DIK row: the six columns of the list (Perki 1/2017), its number the row's anchor. Never a document. */
function DikRow({ m, lang, e }: P & { e: DikEntry }) {
  const t = dict(lang);
  const content = idText(lang);
  return (
    <tr id={dikAnchor(e)}>
      <th scope="row" class="no">
        {e.number}
      </th>
      <td>
        <div class="title" lang={content}>
          {e.title}
        </div>
        <div class="meta">{m.agency(e.agencyId).name}</div>
      </td>
      <td>
        <ul class="basis">
          {e.legalBasis.pasal17.map((l) => (
            <li key={l}>
              {t.dikPasal17(l)}: {PASAL_17_TEXT[l][lang]}
            </li>
          ))}
          {e.legalBasis.otherLaws.map((o, i) => (
            <li key={`law-${i}`} lang={content}>
              {o.law} {o.article}
            </li>
          ))}
        </ul>
      </td>
      <td>
        <dl class="profile">
          <dt>{t.dikIfOpened}</dt>
          <dd lang={content}>{e.consequence.ifOpened}</dd>
          <dt>{t.dikPublicInterest}</dt>
          <dd lang={content}>{e.consequence.publicInterest}</dd>
        </dl>
      </td>
      <td>
        <div>
          {t.dikFrom} <LocalDate date={e.period.from} lang={lang} />
        </div>
        {e.period.until ? <DikEnd until={e.period.until} timeZone={m.agency(e.agencyId).timezone} lang={lang} /> : <div>{t.dikNoTimeLimit}</div>}
      </td>
      <td>
        <dl class="profile">
          <dt>{t.dikDecreeNumber}</dt>
          <dd>{e.decree.number}</dd>
          <dt>{t.dikDecreeDate}</dt>
          <dd>
            <LocalDate date={e.decree.date} lang={lang} />
          </dd>
          <dt>{t.dikDecreePlace}</dt>
          <dd lang={content}>{e.decree.place}</dd>
          <dt>{t.dikDecreeOfficial}</dt>
          <dd lang={content}>{e.decree.official}</dd>
        </dl>
      </td>
    </tr>
  );
}

function DikPage({ m, lang }: P) {
  const t = dict(lang);
  return (
    <Layout m={m} lang={lang} path={pagePath({ kind: 'dik' })} title={t.dikLong} section="dik" crumbs={crumbsTo(lang, { label: t.dikLong })}>
      <h1 id="judul">{t.dikLong}</h1>
      <p class="lead">{t.dikIntro}</p>
      <p>{t.dikNoDocuments}</p>
      {m.dik.length ? (
        <>
          <p class="hint no-print">
            {t.printHint} {t.sortHint}{' '}
            <button type="button" data-print="" hidden>
              {t.print}
            </button>
          </p>
          <TableRegion labelledBy="judul dik-cap">
            <table class="dik" data-sortable="" aria-labelledby="judul dik-cap">
              <caption id="dik-cap">{t.dikCount(m.dik.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.colNo}</th>
                  <th scope="col">{t.dikColTitle}</th>
                  <th scope="col">{t.dikColBasis}</th>
                  <th scope="col">{t.dikColConsequence}</th>
                  <th scope="col">{t.dikColPeriod}</th>
                  <th scope="col">{t.dikColDecree}</th>
                </tr>
              </thead>
              <tbody>
                {m.dik.map((e) => (
                  <DikRow key={e.number} m={m} lang={lang} e={e} />
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      ) : (
        <p>{t.dikEmpty}</p>
      )}
      <DikDataLinks lang={lang} />
    </Layout>
  );
}

// --- search -----------------------------------------------------------------------------------------

/**
 * The search form. On the search page it carries, as data attributes, what search.js needs: where
 * the index is, the base of item links, and its messages in this language.
 */
function SearchForm({ lang, id, full }: { lang: Lang; id: string; full?: boolean }) {
  const t = dict(lang);
  const data = full
    ? {
        'data-index': '/search/',
        'data-base': lang === 'id' ? '/' : '/en/',
        'data-msg-none': t.searchMsgs.none,
        'data-msg-count': t.searchMsgs.count,
        'data-msg-count-one': t.searchMsgs.countOne,
        'data-msg-more': t.searchMsgs.more,
        'data-msg-loading': t.searchMsgs.loading,
        'data-msg-error': t.searchMsgs.error,
        'data-msg-short': t.searchMsgs.short,
        ...Object.fromEntries(CATEGORIES.map((c) => [`data-cat-${CATEGORY_SLUG[c]}`, CATEGORY_TEXT[lang][c].name])),
      }
    : {};
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for the browsers and readers the public uses
    <form role="search" class="search" action={href('cari/index.html', lang)} method="get" id={full ? 'search-form' : undefined} {...data}>
      <label for={id}>{t.searchLabel}</label>
      <input id={id} name="q" type="search" autoComplete="off" aria-describedby={`${id}-help`} />
      <button type="submit">{t.searchButton}</button>
      <p id={`${id}-help`} class="hint">
        {t.searchHelp}
      </p>
    </form>
  );
}

function SearchPage({ m, lang }: P) {
  const t = dict(lang);
  return (
    <Layout m={m} lang={lang} path="cari/index.html" title={t.searchTitle} section="search" crumbs={crumbsTo(lang, { label: t.search })}>
      <h1>{t.searchTitle}</h1>
      <SearchForm lang={lang} id="q" full />
      <noscript>
        <p>{t.searchNoJs}</p>
        <ul>
          <li>
            <a href={href('dip/index.html', lang)}>{t.dipConsolidated}</a>
          </li>
          {CATEGORIES.map((c) => (
            <li key={c}>
              <a href={href(pagePath({ kind: 'category', category: c }), lang)}>{CATEGORY_TEXT[lang][c].name}</a>
            </li>
          ))}
        </ul>
      </noscript>
      {/* biome-ignore lint/a11y/useSemanticElements: <output> is announced unreliably; role=status is */}
      <p id="search-status" role="status" aria-live="polite" />
      <ol id="search-results" class="results" />
      <p>
        <button type="button" id="search-more" hidden>
          {t.searchMsgs.more}
        </button>
      </p>
    </Layout>
  );
}

// --- dispatch ---------------------------------------------------------------------------------------

function pageNode(m: Model, ref: PageRef, lang: Lang): VNode | undefined {
  switch (ref.kind) {
    case 'home':
      return <HomePage m={m} lang={lang} />;
    case 'dip':
      return <DipPage m={m} lang={lang} />;
    case 'dik':
      return <DikPage m={m} lang={lang} />;
    case 'search':
      return <SearchPage m={m} lang={lang} />;
    case 'year':
      return m.counts.size && m.years.includes(ref.year) ? <YearPage m={m} lang={lang} year={ref.year} /> : undefined;
    case 'category':
      if (ref.year === undefined) return <CategoryPage m={m} lang={lang} category={ref.category} />;
      return hasCategoryYear(m, ref.category, ref.year) ? <CategoryYearPage m={m} lang={lang} category={ref.category} year={ref.year} /> : undefined;
    case 'agency': {
      const agency = m.agencies.find((a) => a.id === ref.agencyId);
      return agency ? <AgencyPage m={m} lang={lang} agency={agency} /> : undefined;
    }
    case 'chunk':
    case 'item':
      return undefined; // string templates (renderPage)
    case 'request':
      return <RequestFormPage m={m} lang={lang} />;
    case 'requestStatus':
      return <RequestStatusPage m={m} lang={lang} />;
    case 'requestLog':
      return ref.year === undefined || m.requestYears.includes(ref.year) ? (
        <RequestLogPage m={m} lang={lang} {...(ref.year !== undefined ? { year: ref.year } : {})} />
      ) : undefined;
    case 'objection':
      return <ObjectionPage m={m} lang={lang} />;
    case 'annualReports':
      return <AnnualReportsPage m={m} lang={lang} />;
  }
}

/** The page as HTML, or undefined when it does not exist in this state of the register. */
export function renderPage(m: Model, ref: PageRef, lang: Lang): string | undefined {
  // The DIP tables and the item pages, most of the site, are string templates (dip-pages.ts).
  if (ref.kind === 'chunk') {
    const rows = rowsOf(m, ref.key);
    return rows?.length ? `<!doctype html>\n${chunkPageHtml(m, lang, ref.key, rows, describePage(m, ref, lang))}` : undefined;
  }
  if (ref.kind === 'item') {
    const e = m.item(ref.agencyId, ref.year, ref.sequence);
    return e ? `<!doctype html>\n${itemPageHtml(m, lang, e, describeItem(e))}` : undefined;
  }
  const node = pageNode(m, ref, lang);
  return node
    ? `<!doctype html>\n${renderToString(<PageDescription.Provider value={describePage(m, ref, lang)}>{node}</PageDescription.Provider>)}`
    : undefined;
}
