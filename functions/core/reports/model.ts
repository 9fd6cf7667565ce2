/**
 * SOP 001 (seed 001, Kalbar Badan Penghubung 800/337/SOP/Banhub.A, "Penyusunan Laporan Pelayanan
 * Informasi Secara Online Oleh PPID"): the dashboard, the report menu, and the archive (the hard file).
 *
 * Every report is one `ReportData`: a title, the period, the data's as-of instant and a list of
 * sections, each with paragraphs, figures and tables. The same value is shown on screen (the staff
 * app), printed on A4, issued as a PDF through the official documents, and written as CSV and XLSX,
 * so the four never disagree. The numbers come from the records (functions/core/reports/data.ts);
 * the narrative parts of the annual report come from PPID Utama's draft (archive.ts).
 */
import * as z from 'zod';

/** The kinds a person chooses in the report menu and issues by hand. */
export const MENU_KINDS = [
  /** Laporan Layanan Informasi Publik (annual, Perki 1/2021 Pasal 56; UU 14/2008 Pasal 11(1) h once approved). */
  'annual',
  /** Ringkasan akses informasi (every 6 months): the service-details numbers. */
  'semester',
  /** Rekap bulanan per SKPD. */
  'monthly',
  /** Buku register permohonan informasi. */
  'requests_register',
  /** Register keberatan. */
  'objections_register',
  /** Each SOP step against its Mutu Baku (SOP 000, 002, 004). */
  'sop_compliance',
  /** The DIP as of a date. */
  'dip',
  /** The DIK as of a date. */
  'dik',
] as const;
export type MenuKind = (typeof MENU_KINDS)[number];

/** Every kind of report: the menu's, and SOP 004's cycle summary (issued by the workflow when a cycle closes). */
export const REPORT_KINDS = [...MENU_KINDS, 'documentation_cycle'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal YYYY-MM-DD / date YYYY-MM-DD');

/** What to report on: a period of local dates (inclusive), one SKPD or the whole body. */
export const ReportSpec = z
  .strictObject({
    kind: z.enum(REPORT_KINDS),
    from: isoDate,
    to: isoDate,
    /** One SKPD; absent: consolidated (the whole body). */
    agencyId: z.string().min(1).max(64).optional(),
    /** The documentation cycle (kind `documentation_cycle` only). */
    cycleId: z.string().min(1).max(64).optional(),
  })
  .refine((s) => s.from <= s.to, { path: ['to'], message: 'tanggal akhir sebelum tanggal awal / the end is before the start' })
  .refine((s) => (s.kind === 'documentation_cycle') === (s.cycleId !== undefined), {
    path: ['cycleId'],
    message: 'siklus pendokumentasian hanya untuk ringkasan siklus / a documentation cycle goes with the cycle summary only',
  });
export type ReportSpec = z.infer<typeof ReportSpec>;

export interface Text {
  id: string;
  en: string;
}

/** A cell: text, a number, or empty. Dates and durations arrive already in words (id). */
export type Cell = string | number | null;

export interface ReportTable {
  key: string;
  caption: Text;
  columns: { key: string; label: Text; numeric?: boolean }[];
  rows: Cell[][];
  /** A total row, when the table has one. */
  total?: Cell[];
  /**
   * A list of the records behind the figures (one row per request, say): whole on screen, in the CSV
   * and the XLSX; the PDF prints its first rows and says the whole list is in the CSV and XLSX, so a
   * report of a national body stays a document people can print.
   */
  detail?: boolean;
}

export interface ReportSection {
  key: string;
  heading: Text;
  /** Narrative (the annual report's parts PPID Utama writes) or explanations, in Bahasa Indonesia. */
  paragraphs?: string[];
  /** Single figures: "Jumlah permohonan: 120". */
  figures?: { key: string; label: Text; value: Cell; note?: Text }[];
  tables?: ReportTable[];
}

export interface ReportData {
  spec: ReportSpec;
  title: Text;
  /** The body and, for one SKPD, its name. */
  body: string;
  agencyName?: string;
  /** The period in words, e.g. "1 Januari 2026 s.d. 31 Desember 2026". */
  periodText: Text;
  /** The instant the data was read (ISO) and in words. */
  asOf: string;
  asOfText: Text;
  sections: ReportSection[];
}

/** The parts of the annual report that PPID Utama writes (Perki 1/2021 Pasal 56). */
export const AnnualNarrative = z.strictObject({
  policy: z.string().trim().max(20_000).default(''),
  facilities: z.string().trim().max(20_000).default(''),
  staff: z.string().trim().max(20_000).default(''),
  budget: z.string().trim().max(20_000).default(''),
  obstacles: z.string().trim().max(20_000).default(''),
  recommendations: z.string().trim().max(20_000).default(''),
});
export type AnnualNarrative = z.infer<typeof AnnualNarrative>;
