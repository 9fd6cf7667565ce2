/** @jsxImportSource preact */
/**
 * The register's page of approved annual reports (`laporan/`): each year's Laporan Layanan Informasi
 * Publik with its PDF as archived (the same bytes, its SHA-256 shown) and its figures as JSON
 * (functions/core/register/annual.ts). Public information under UU 14/2008 Pasal 11 ayat (1) huruf h.
 */
import { dateInWords, localDate } from '../../functions/core/date-words.ts';
import { formatBytes } from '../../functions/core/documents.ts';
import { ANNUAL_INDEX_PATH, ANNUAL_PAGE_PATH, annualDataPath, annualPdfPath } from '../../functions/core/register/annual.ts';
import type { Lang, Model } from '../../functions/core/register/model.ts';
import { dict } from './i18n.ts';
import { Layout } from './layout.tsx';

export function AnnualReportsPage({ m, lang }: { m: Model; lang: Lang }) {
  const t = dict(lang);
  const a = t.annual;
  const zone = m.ppid?.timezone ?? 'Asia/Jakarta';
  return (
    <Layout m={m} lang={lang} path={ANNUAL_PAGE_PATH} title={a.title} section="reports" crumbs={[{ label: t.home, path: 'index.html' }, { label: a.title }]}>
      <h1>{a.title}</h1>
      <p class="lead">{a.intro}</p>
      {m.annualReports.length === 0 ? (
        <p>{a.empty}</p>
      ) : (
        <table>
          <caption>{a.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{a.year}</th>
              <th scope="col">{a.number}</th>
              <th scope="col">{a.period}</th>
              <th scope="col">{a.asOf}</th>
              <th scope="col">{a.approved}</th>
              <th scope="col">{a.files}</th>
            </tr>
          </thead>
          <tbody>
            {m.annualReports.map((r) => (
              <tr key={r.year}>
                <th scope="row">{r.year}</th>
                <td>{r.number}</td>
                <td>{r.periodText[lang]}</td>
                <td>{r.asOfText[lang]}</td>
                <td>{dateInWords(localDate(r.approvedAt, zone), lang, false)}</td>
                <td>
                  <ul class="cell-list">
                    <li>
                      <a href={`/${annualPdfPath(r)}`} type="application/pdf">
                        {a.pdf}
                      </a>{' '}
                      <span class="meta">({formatBytes(r.pdf.size, lang)})</span>
                      <br />
                      <span class="meta">
                        {a.sha}: <code>{r.pdf.sha256}</code>
                      </span>
                    </li>
                    <li>
                      <a href={`/${annualDataPath(r)}`} type="application/json">
                        {a.data}
                      </a>
                    </li>
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="open-data">
        <a href={`/${ANNUAL_INDEX_PATH}`} type="application/json">
          {a.index}
        </a>
      </p>
    </Layout>
  );
}
