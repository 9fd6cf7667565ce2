/**
 * Approved annual reports (Laporan Layanan Informasi Publik, Perki 1/2021 Pasal 56) on the public
 * register: they are public information (UU 14/2008 Pasal 11 ayat (1) huruf h). The page
 * `laporan/index.html` (web/register/annual-reports.tsx) lists each approved year with its PDF; the
 * figures are open data:
 *
 *   laporan/<year>/<number>.pdf          the archived PDF, copied as issued (same bytes, same SHA-256)
 *   data/laporan-tahunan/<year>.json     the report's data (every section, figure and table), copied as archived
 *   data/laporan-tahunan.json            the index: each approved report, its files' links and SHA-256
 *
 * Built from `PublicAnnualReport`, a projection of the archived record made at the adapter's
 * boundary (`publicAnnualReport`): nothing of the record beyond the fields below reaches the renderer.
 * Deterministic: nothing is stamped with the build's time.
 */
import type { ArchivedReport } from '../reports/archive.ts';
import type { Text } from '../reports/model.ts';
import { href, type Model } from './model.ts';

export interface PublicAnnualFile {
  /** Its key in the private document bucket (for the copy; never rendered). */
  key: string;
  size: number;
  sha256: string;
}

export interface PublicAnnualReport {
  reportId: string;
  year: number;
  /** LAP/<year>/<nnnn>. */
  number: string;
  title: Text;
  periodText: Text;
  asOf: string;
  asOfText: Text;
  issuedAt: string;
  approvedAt: string;
  pdf: PublicAnnualFile;
  data: PublicAnnualFile;
}

/** The public projection of an approved annual report, or undefined when it is not one. */
export function publicAnnualReport(r: ArchivedReport): PublicAnnualReport | undefined {
  const pdf = r.files.find((f) => f.format === 'pdf');
  const data = r.files.find((f) => f.format === 'json');
  if (r.kind !== 'annual' || r.agencyId || !r.approved || !pdf || !data) return undefined;
  const file = (f: typeof pdf) => ({ key: f.key, size: f.size, sha256: f.sha256 });
  return {
    reportId: r.reportId,
    year: r.periodYear,
    number: r.number,
    title: r.title,
    periodText: r.periodText,
    asOf: r.asOf,
    asOfText: r.asOfText,
    issuedAt: r.issuedAt,
    approvedAt: r.approved.at,
    pdf: file(pdf),
    data: file(data),
  };
}

export const ANNUAL_PAGE_PATH = 'laporan/index.html';
export const ANNUAL_INDEX_PATH = 'data/laporan-tahunan.json';
export const annualPdfPath = (r: Pick<PublicAnnualReport, 'year' | 'number'>) => `laporan/${r.year}/${r.number.replaceAll('/', '-')}.pdf`;
export const annualDataPath = (r: Pick<PublicAnnualReport, 'year'>) => `data/laporan-tahunan/${r.year}.json`;
export const annualPageHref = (lang: 'id' | 'en') => href(ANNUAL_PAGE_PATH, lang);

/** Newest year first; one approved report a year (a later approval of the same year replaces it). */
export function annualOrder(reports: readonly PublicAnnualReport[]): PublicAnnualReport[] {
  const byYear = new Map<number, PublicAnnualReport>();
  for (const r of reports) {
    const had = byYear.get(r.year);
    if (!had || had.approvedAt < r.approvedAt) byYear.set(r.year, r);
  }
  return [...byYear.values()].sort((a, b) => b.year - a.year);
}

/** The files to copy from the private document bucket: each report's PDF and data, as archived. */
export const annualCopies = (reports: readonly PublicAnnualReport[]) =>
  annualOrder(reports).flatMap((r) => [
    { from: r.pdf.key, to: annualPdfPath(r) },
    { from: r.data.key, to: annualDataPath(r) },
  ]);

/** `data/laporan-tahunan.json`: each approved report, newest year first, with its files' links and SHA-256. */
export function annualIndexJson(m: Model): string {
  const url = (path: string) => `${m.siteUrl}/${path}`;
  return `${JSON.stringify(
    {
      publicBody: m.publicBody.name,
      legalBasis: 'UU 14/2008 Pasal 11 ayat (1) huruf h; Perki 1/2021',
      count: m.annualReports.length,
      reports: m.annualReports.map((r) => ({
        year: r.year,
        number: r.number,
        title: r.title,
        period: r.periodText,
        asOf: r.asOf,
        issuedAt: r.issuedAt,
        approvedAt: r.approvedAt,
        pdf: { url: url(annualPdfPath(r)), size: r.pdf.size, sha256: r.pdf.sha256 },
        data: { url: url(annualDataPath(r)), size: r.data.size, sha256: r.data.sha256 },
      })),
    },
    null,
    2,
  )}\n`;
}
