/**
 * Spreadsheets of DIP rows (SOP 004 "Draf data dan Informasi OPD", and the bulk import of draft items
 * for SOP 000): the template, reading CSV and XLSX, and validating every row with the same zod schema
 * as the item form (`ItemContent`). Pure: no AWS, no storage; callers hand in bytes.
 *
 * Offices keep their DIP in spreadsheets whose headers vary ("Ringkasan isi", "Pejabat yang
 * menguasai", "Penanggungjawab", "Retensi", "Jenis informasi", …): `matchHeader` recognises the usual
 * spellings, and the value readers take the usual ways of writing a category ("Tersedia Setiap Saat"),
 * the forms ("Softcopy, Hardcopy") and a year (2025, "2025", "Tahun 2025").
 *
 * Line numbers are the spreadsheet's own row numbers (the template's header is line 1), so a person
 * finds a reported row where the message says.
 */
import type ExcelJS from 'exceljs';
import type * as z from 'zod';
import zodEn from 'zod/v4/locales/en.js';
import zodId from 'zod/v4/locales/id.js';
import { type Category, ItemContent } from '../item-model.ts';
import { type MessageKey, message, type Text } from '../messages.ts';

/** exceljs is imported at the first workbook, not at import (it weighs on the cold start of every function that reaches this module). */
const excel = async () => (await import('exceljs')).default;

export type ImportField = keyof ItemContent;

export interface ImportColumn {
  field: ImportField;
  /** The template's header (Bahasa Indonesia) and its English name. */
  header: string;
  en: string;
  /** What to write, for the template's notes sheet. */
  note: Text;
  /** Every row must have it (tags may be left empty). */
  required: boolean;
  /** Width in characters in the XLSX template. */
  width: number;
}

/** The DIP columns of an information item, in the template's order. */
export const DIP_IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    field: 'title',
    header: 'Judul Informasi',
    en: 'Title',
    note: { id: 'Judul informasi, 3–300 karakter.', en: 'Title of the information, 3–300 characters.' },
    required: true,
    width: 40,
  },
  {
    field: 'summary',
    header: 'Ringkasan Isi Informasi',
    en: 'Summary',
    note: { id: 'Kolom 2 DIP: ringkasan isi, 10–4.000 karakter.', en: 'DIP column 2: summary of the content, 10–4,000 characters.' },
    required: true,
    width: 60,
  },
  {
    field: 'holder',
    header: 'Pejabat/Unit yang Menguasai Informasi',
    en: 'Holder',
    note: { id: 'Kolom 3 DIP: pejabat atau unit yang menguasai informasi.', en: 'DIP column 3: the official or unit that holds the information.' },
    required: true,
    width: 36,
  },
  {
    field: 'responsible',
    header: 'Penanggung Jawab Pembuatan/Penerbitan',
    en: 'Responsible',
    note: { id: 'Kolom 4 DIP: penanggung jawab pembuatan atau penerbitan.', en: 'DIP column 4: who is responsible for making or issuing it.' },
    required: true,
    width: 36,
  },
  {
    field: 'createdWhen',
    header: 'Waktu Pembuatan',
    en: 'When made',
    note: { id: 'Kolom 5 DIP: mis. "Januari 2026" atau tanggal 2026-01-15.', en: 'DIP column 5: e.g. "Januari 2026" or the date 2026-01-15.' },
    required: true,
    width: 18,
  },
  {
    field: 'createdWhere',
    header: 'Tempat Pembuatan',
    en: 'Where made',
    note: { id: 'Kolom 5 DIP: tempat pembuatan, mis. "Pontianak".', en: 'DIP column 5: where it was made, e.g. "Pontianak".' },
    required: true,
    width: 18,
  },
  {
    field: 'formats',
    header: 'Bentuk Informasi (softcopy/hardcopy)',
    en: 'Formats',
    note: {
      id: 'Kolom 6 DIP: "Softcopy", "Hardcopy" atau "Softcopy, Hardcopy". Softcopy perlu berkas yang diunggah sebelum diajukan.',
      en: 'DIP column 6: "Softcopy", "Hardcopy" or "Softcopy, Hardcopy". A softcopy needs an uploaded file before it is submitted.',
    },
    required: true,
    width: 22,
  },
  {
    field: 'retention',
    header: 'Jangka Waktu Penyimpanan',
    en: 'Retention',
    note: { id: 'Kolom 7 DIP: jangka waktu penyimpanan atau retensi arsip, mis. "5 tahun".', en: 'DIP column 7: retention period, e.g. "5 tahun".' },
    required: true,
    width: 20,
  },
  {
    field: 'category',
    header: 'Kategori (berkala/serta merta/setiap saat)',
    en: 'Category',
    note: {
      id: '"Berkala" (UU 14/2008 Pasal 9), "Serta Merta" (Pasal 10) atau "Setiap Saat" (Pasal 11).',
      en: '"Berkala" (periodic, Art. 9), "Serta Merta" (immediate, Art. 10) or "Setiap Saat" (on request, Art. 11).',
    },
    required: true,
    width: 24,
  },
  {
    field: 'year',
    header: 'Tahun',
    en: 'Year',
    note: { id: 'Tahun yang dimaksud informasi, mis. 2025.', en: 'The year the information concerns, e.g. 2025.' },
    required: true,
    width: 8,
  },
  {
    field: 'tags',
    header: 'Kata Kunci',
    en: 'Keywords',
    note: { id: 'Boleh kosong; pisahkan dengan koma, paling banyak 20.', en: 'May be empty; separate with commas, at most 20.' },
    required: false,
    width: 24,
  },
];

const COLUMN_OF = new Map(DIP_IMPORT_COLUMNS.map((c) => [c.field, c]));

/** Most rows one file may hold (a whole body's DIP is thousands; this bounds memory and time). */
export const MAX_IMPORT_ROWS = 20_000;
/** How many rows above the header a sheet may have (a title, the agency's name, a blank line). */
const HEADER_SEARCH_ROWS = 15;

// ─── headers ─────────────────────────────────────────────────────────────────────────────────────

/** Lowercase, accents off, punctuation as spaces, spaces collapsed: "Ringkasan Isi-Informasi " → "ringkasan isi informasi". */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** Headers that are read as no column at all: the row number of the DIP's column 1. */
const IGNORED = new Set(['no', 'nomor', 'no urut', 'nomor urut', 'nomor informasi', 'no informasi', 'nr', 'number']);

/** Exact spellings (normalised), including the English names; tried before the keyword rules. */
const EXACT: Record<string, ImportField> = Object.fromEntries(
  [
    ...DIP_IMPORT_COLUMNS.flatMap((c) => [
      [c.header, c.field],
      [c.en, c.field],
      [c.field, c.field],
    ]),
    ['Judul', 'title'],
    ['Nama Informasi', 'title'],
    ['Informasi', 'title'],
    ['Ringkasan', 'summary'],
    ['Ringkasan isi', 'summary'],
    ['Isi Informasi', 'summary'],
    ['Deskripsi', 'summary'],
    ['Uraian', 'summary'],
    ['Description', 'summary'],
    ['Pejabat', 'holder'],
    ['Unit', 'holder'],
    ['Penguasaan Informasi', 'holder'],
    ['Penanggung Jawab', 'responsible'],
    ['Penanggungjawab', 'responsible'],
    ['PJ', 'responsible'],
    ['Waktu', 'createdWhen'],
    ['Tanggal', 'createdWhen'],
    ['Tanggal Pembuatan', 'createdWhen'],
    ['Tempat', 'createdWhere'],
    ['Lokasi', 'createdWhere'],
    ['Bentuk', 'formats'],
    ['Format', 'formats'],
    ['Media', 'formats'],
    ['Retensi', 'retention'],
    ['Retensi Arsip', 'retention'],
    ['Masa Simpan', 'retention'],
    ['Kategori', 'category'],
    ['Jenis Informasi', 'category'],
    ['Jenis', 'category'],
    ['Klasifikasi', 'category'],
    ['Klasifikasi Informasi', 'category'],
    ['Sifat Informasi', 'category'],
    ['Tahun Informasi', 'year'],
    ['Tahun Data', 'year'],
    ['Tag', 'tags'],
    ['Tags', 'tags'],
    ['Label', 'tags'],
    ['Keyword', 'tags'],
  ].map(([h, f]) => [normaliseHeader(h as string), f as ImportField]),
);

/**
 * Keyword rules for longer headers, in order (the first that fits wins): "Jangka waktu penyimpanan"
 * holds "waktu" but is the retention, so retention comes before the time of making.
 */
const RULES: readonly [RegExp, ImportField][] = [
  [/\bmenguasai\b|\bpenguasa(an)?\b/, 'holder'],
  [/\bpenanggung ?jawab\b|\bpenerbit(an)?\b/, 'responsible'],
  [/\bringkasan\b|\bisi informasi\b|\bdeskripsi\b|\buraian\b|\bsummary\b/, 'summary'],
  [/\bjudul\b|\bnama informasi\b|\btitle\b/, 'title'],
  [/\bretensi\b|\bpenyimpanan\b|\bmasa simpan\b|\bretention\b/, 'retention'],
  [/\bbentuk\b|\bformat\b|\bsoftcopy\b|\bhardcopy\b/, 'formats'],
  [/\bkategori\b|\bjenis informasi\b|\bklasifikasi\b|\bberkala\b|\bcategory\b/, 'category'],
  [/\bkata kunci\b|\btags?\b|\bkeywords?\b/, 'tags'],
  [/\btempat\b|\blokasi\b/, 'createdWhere'],
  [/\bwaktu\b|\btanggal\b|\bdate\b/, 'createdWhen'],
  [/^tahun\b|\byear\b/, 'year'],
];

/**
 * The DIP column a header names, `ignored` for a row-number column, or undefined. A header naming
 * both the time and the place ("Waktu dan Tempat Pembuatan") is not matched: those are two columns.
 */
export function matchHeader(header: string): ImportField | 'ignored' | undefined {
  const h = normaliseHeader(header);
  if (!h) return undefined;
  if (IGNORED.has(h)) return 'ignored';
  const exact = EXACT[h];
  if (exact) return exact;
  if (/\bwaktu\b/.test(h) && /\btempat\b/.test(h) && !/\bpenyimpanan\b|\bretensi\b/.test(h)) return undefined;
  return RULES.find(([re]) => re.test(h))?.[1];
}

// ─── values ──────────────────────────────────────────────────────────────────────────────────────

/** "Tersedia Setiap Saat", "Serta-merta", "INFORMASI BERKALA", "setiap_saat" → the category; else undefined. */
export function readCategory(value: string): Category | undefined {
  const v = normaliseHeader(value).replace(/\s+/g, ' ');
  if (!v) return undefined;
  const found = new Set<Category>();
  if (/\bberkala\b|\bperiodic\b/.test(v)) found.add('berkala');
  if (/\bserta ?merta\b|\bimmediate\b/.test(v)) found.add('serta_merta');
  if (/\bsetiap ?saat\b|\bon request\b|\bat any time\b/.test(v)) found.add('setiap_saat');
  return found.size === 1 ? [...found][0] : undefined;
}

const SOFT = /^(soft ?copy|softcopy|elektronik|digital|file|berkas elektronik|pdf|e ?copy)$/;
const HARD = /^(hard ?copy|hardcopy|cetak|tercetak|fisik|kertas|print(ed)?|paper)$/;

/** "Softcopy, Hardcopy", "soft copy dan hard copy", "Hardcopy/Softcopy" → the forms; an unknown word → undefined. */
export function readFormats(value: string): ('softcopy' | 'hardcopy')[] | undefined {
  const parts = value
    .split(/[,;/&+|\n]|\bdan\b|\batau\b|\band\b|\bor\b/i)
    .map((p) => normaliseHeader(p))
    .filter(Boolean);
  if (!parts.length) return undefined;
  const out: ('softcopy' | 'hardcopy')[] = [];
  for (const p of parts) {
    const f = SOFT.test(p) ? 'softcopy' : HARD.test(p) ? 'hardcopy' : undefined;
    if (!f) return undefined;
    if (!out.includes(f)) out.push(f);
  }
  return out;
}

/** 2025, "2025", "2025.0", "Tahun 2025" → 2025; anything else → undefined. */
export function readYear(value: string): number | undefined {
  const m = /^\s*(?:tahun\s+)?(\d{4})(?:[.,]0+)?\s*$/i.exec(value);
  return m ? Number(m[1]) : undefined;
}

/** "kesehatan, profil; gizi" → ["kesehatan", "profil", "gizi"]. */
export function readTags(value: string): string[] {
  return value
    .split(/[,;|\n]/)
    .map((t) => t.trim())
    .filter(Boolean);
}

// ─── reading files ───────────────────────────────────────────────────────────────────────────────

export interface ParsedColumn {
  field: ImportField;
  /** The header as written in the file, and its column (1-based). */
  header: string;
  column: number;
}

export interface ParsedRow {
  /** The spreadsheet's row number (the template's header is line 1). */
  line: number;
  values: Partial<Record<ImportField, string>>;
}

export interface ParsedSheet {
  format: 'csv' | 'xlsx';
  /** The worksheet read (XLSX). */
  sheet?: string;
  headerLine: number;
  columns: ParsedColumn[];
  /** Headers that name no DIP column (left out of the import). */
  unknownHeaders: string[];
  rows: ParsedRow[];
}

/** A file the import cannot read: the message says what is missing or wrong, in both languages. */
export class ImportFileError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
    this.name = 'ImportFileError';
  }
}

const refuse = (key: MessageKey, vars?: Record<string, string | number>): never => {
  throw new ImportFileError(message(key, vars));
};

/** The file's kind by its name: only CSV and XLSX are read. */
export function importFormat(fileName: string): 'csv' | 'xlsx' | undefined {
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  return ext === 'csv' ? 'csv' : ext === 'xlsx' ? 'xlsx' : undefined;
}

/**
 * Reads a CSV (UTF-8, with or without BOM; comma, semicolon or tab) or an XLSX (the first worksheet
 * with a recognisable header). Refuses, with a message naming what is missing, a file of another
 * kind, one without a header row of DIP columns, or one missing a required column.
 */
export async function parseSpreadsheet(bytes: Uint8Array, fileName: string): Promise<ParsedSheet> {
  const format = importFormat(fileName);
  if (!format) return refuse('import_not_spreadsheet', { fileName });
  const grids = format === 'csv' ? [{ name: undefined, rows: csvGrid(bytes) }] : await xlsxGrids(bytes);
  let best: { sheet: string | undefined; found: HeaderRow } | undefined;
  for (const g of grids) {
    const found = findHeader(g.rows);
    if (found && (!best || found.columns.length > best.found.columns.length)) best = { sheet: g.name, found };
    if (found && missingColumns(found.columns).length === 0) {
      best = { sheet: g.name, found };
      break;
    }
  }
  const expected = DIP_IMPORT_COLUMNS.filter((c) => c.required)
    .map((c) => `"${c.header}"`)
    .join(', ');
  if (!best) return refuse('import_no_header', { expected });
  const missing = missingColumns(best.found.columns);
  if (missing.length)
    return refuse('import_missing_columns', {
      missing: missing.map((c) => `"${c.header}"`).join(', '),
      line: best.found.line,
    });
  const grid = grids.find((g) => g.name === best.sheet)!.rows;
  const rows: ParsedRow[] = [];
  for (let i = best.found.index + 1; i < grid.length; i++) {
    const cells = grid[i]!;
    const values: ParsedRow['values'] = {};
    let any = false;
    for (const c of best.found.columns) {
      const v = (cells[c.column - 1] ?? '').trim();
      if (v) any = true;
      values[c.field] = v;
    }
    if (!any) continue;
    rows.push({ line: i + 1, values });
    if (rows.length > MAX_IMPORT_ROWS) return refuse('import_too_many_rows', { max: MAX_IMPORT_ROWS.toLocaleString('id-ID') });
  }
  return {
    format,
    ...(best.sheet ? { sheet: best.sheet } : {}),
    headerLine: best.found.line,
    columns: best.found.columns,
    unknownHeaders: best.found.unknown,
    rows,
  };
}

interface HeaderRow {
  index: number;
  line: number;
  columns: ParsedColumn[];
  unknown: string[];
}

/** The row among the first few that names the most DIP columns (at least three). */
function findHeader(grid: string[][]): HeaderRow | undefined {
  let best: HeaderRow | undefined;
  for (let i = 0; i < Math.min(grid.length, HEADER_SEARCH_ROWS); i++) {
    const columns: ParsedColumn[] = [];
    const unknown: string[] = [];
    (grid[i] ?? []).forEach((cell, j) => {
      const header = cell.replace(/\s+/g, ' ').trim();
      if (!header) return;
      const field = matchHeader(header);
      if (field === 'ignored') return;
      // A second column for the same field is not read: it is named as unknown.
      if (!field || columns.some((c) => c.field === field)) unknown.push(header);
      else columns.push({ field, header, column: j + 1 });
    });
    if (columns.length >= 3 && (!best || columns.length > best.columns.length)) best = { index: i, line: i + 1, columns, unknown };
  }
  return best;
}

function missingColumns(columns: ParsedColumn[]): ImportColumn[] {
  return DIP_IMPORT_COLUMNS.filter((c) => c.required && !columns.some((p) => p.field === c.field));
}

/** RFC 4180 with the separator of the first non-empty line (comma, semicolon or tab, outside quotes). */
function csvGrid(bytes: Uint8Array): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('import_csv_not_utf8');
  }
  text = text.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r\n|\n|\r/).find((l) => l.trim()) ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = ([',', ';', '\t'] as const).map((s) => [s, unquoted.split(s).length - 1] as const);
  const sep = counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Every worksheet as text cells, by row number (row n at index n - 1). */
async function xlsxGrids(bytes: Uint8Array): Promise<{ name: string; rows: string[][] }[]> {
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return refuse('import_xlsx_unreadable');
  }
  return wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = cellText(cell.value);
      });
      rows[n - 1] = Array.from(cells, (c) => c ?? '');
    });
    return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
  });
}

/** A cell's value as the text a person sees: dates as YYYY-MM-DD, rich text joined, a formula's result. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(10)));
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
  }
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in v && typeof v.text === 'string') return v.text;
  if ('error' in v) return '';
  return String(v);
}

// ─── validation ──────────────────────────────────────────────────────────────────────────────────

export interface BadField {
  line: number;
  field: ImportField;
  /** The column as the file names it (the template's header when the file had none). */
  header: string;
  message: Text;
}

export interface ValidatedRows {
  good: { line: number; content: ItemContent }[];
  bad: BadField[];
}

const localeId = zodId().localeError;
const localeEn = zodEn().localeError;

/** A zod issue in both languages: the schema's own "id / en" message, else zod's Indonesian and English. */
function issueText(issue: z.core.$ZodIssue): Text {
  if (issue.message.includes(' / ')) {
    const [id, en] = issue.message.split(' / ');
    return { id: id!, en: en! };
  }
  const raw = issue as unknown as Parameters<typeof localeId>[0];
  return { id: (localeId(raw) as string | undefined) ?? issue.message, en: (localeEn(raw) as string | undefined) ?? issue.message };
}

/**
 * Every row through `ItemContent`, the item form's schema: the good rows as item content, and one
 * entry per bad field with its line, its column and a message in both languages. A cell the value
 * readers cannot take (a category, a form, a year) is handed to the schema as written, so the schema
 * refuses it; its message then says what may be written.
 */
export function validateRows(parsed: Pick<ParsedSheet, 'columns' | 'rows'>): ValidatedRows {
  const headerOf = (f: ImportField) => parsed.columns.find((c) => c.field === f)?.header ?? COLUMN_OF.get(f)!.header;
  const good: ValidatedRows['good'] = [];
  const bad: BadField[] = [];
  for (const row of parsed.rows) {
    const candidate: Record<string, unknown> = {};
    const problems = new Map<ImportField, Text>();
    for (const col of DIP_IMPORT_COLUMNS) {
      const raw = row.values[col.field]?.trim() ?? '';
      if (!raw) {
        if (col.required) problems.set(col.field, message('import_cell_empty', { header: headerOf(col.field) }));
        continue;
      }
      switch (col.field) {
        case 'category': {
          const c = readCategory(raw);
          candidate.category = c ?? raw;
          if (!c) problems.set('category', message('import_bad_category', { value: raw, allowed: CATEGORIES_TEXT }));
          break;
        }
        case 'formats': {
          const f = readFormats(raw);
          candidate.formats = f ?? [raw];
          if (!f) problems.set('formats', message('import_bad_formats', { value: raw }));
          break;
        }
        case 'year': {
          const y = readYear(raw);
          candidate.year = y ?? raw;
          if (y === undefined) problems.set('year', message('import_bad_year', { value: raw }));
          break;
        }
        case 'tags':
          candidate.tags = readTags(raw);
          break;
        default:
          candidate[col.field] = raw;
      }
    }
    const result = ItemContent.safeParse(candidate);
    if (result.success && problems.size === 0) {
      good.push({ line: row.line, content: result.data });
      continue;
    }
    if (!result.success)
      for (const issue of result.error.issues) {
        const field = issue.path[0] as ImportField;
        if (!problems.has(field)) problems.set(field, issueText(issue));
      }
    for (const col of DIP_IMPORT_COLUMNS) {
      const text = problems.get(col.field);
      if (text) bad.push({ line: row.line, field: col.field, header: headerOf(col.field), message: text });
    }
  }
  return { good, bad };
}

const CATEGORIES_TEXT = 'Berkala, Serta Merta, Setiap Saat';

// ─── the template ────────────────────────────────────────────────────────────────────────────────

/** The template's example row. */
export const EXAMPLE_ROW: Record<ImportField, string | number> = {
  title: 'Profil Kesehatan Provinsi 2025',
  summary: 'Data derajat kesehatan, sumber daya kesehatan dan pelayanan kesehatan provinsi tahun 2025.',
  holder: 'Bidang Sumber Daya Kesehatan',
  responsible: 'Kepala Dinas Kesehatan',
  createdWhen: 'Maret 2026',
  createdWhere: 'Pontianak',
  formats: 'Softcopy, Hardcopy',
  retention: '5 tahun',
  category: 'Berkala',
  year: 2025,
  tags: 'kesehatan, profil',
};

const csvField = (v: string) => (/[",;\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** The CSV template: UTF-8 with a BOM (so spreadsheet programs read it as UTF-8), comma-separated, CRLF. */
export function importTemplateCsv(): string {
  const header = DIP_IMPORT_COLUMNS.map((c) => csvField(c.header)).join(',');
  const example = DIP_IMPORT_COLUMNS.map((c) => csvField(String(EXAMPLE_ROW[c.field]))).join(',');
  return `\uFEFF${header}\r\n${example}\r\n`;
}

/** The XLSX template: the sheet "Daftar Informasi" (headers, one example row) and the sheet "Petunjuk" (what each column takes). */
export async function importTemplateXlsx(): Promise<Uint8Array> {
  const wb = new (await excel()).Workbook();
  // A fixed date: the same template is the same bytes.
  wb.created = new Date('2026-01-01T00:00:00Z');
  wb.modified = wb.created;
  wb.creator = 'SIP PPID';
  const data = wb.addWorksheet('Daftar Informasi', { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = DIP_IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  data.getRow(1).font = { bold: true };
  data.getRow(1).alignment = { vertical: 'top', wrapText: true };
  data.addRow(Object.fromEntries(DIP_IMPORT_COLUMNS.map((c) => [c.field, EXAMPLE_ROW[c.field]])));
  // The category and the forms as drop-down lists on the rows people fill in.
  const categoryCol = DIP_IMPORT_COLUMNS.findIndex((c) => c.field === 'category') + 1;
  const formatsCol = DIP_IMPORT_COLUMNS.findIndex((c) => c.field === 'formats') + 1;
  for (let r = 2; r <= 1001; r++) {
    data.getCell(r, categoryCol).dataValidation = { type: 'list', allowBlank: true, formulae: ['"Berkala,Serta Merta,Setiap Saat"'] };
    data.getCell(r, formatsCol).dataValidation = { type: 'list', allowBlank: true, formulae: ['"Softcopy,Hardcopy,Softcopy dan Hardcopy"'] };
  }
  const notes = wb.addWorksheet('Petunjuk');
  notes.columns = [
    { header: 'Kolom', key: 'header', width: 40 },
    { header: 'Wajib', key: 'required', width: 8 },
    { header: 'Isi', key: 'id', width: 80 },
    { header: 'Column (English)', key: 'en', width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of DIP_IMPORT_COLUMNS) notes.addRow({ header: c.header, required: c.required ? 'Ya' : 'Tidak', id: c.note.id, en: `${c.en}: ${c.note.en}` });
  notes.addRow({});
  notes.addRow({
    header: 'Catatan',
    id: 'Satu baris satu informasi. Baris contoh boleh dihapus atau diganti. Judul kolom boleh ditulis lain (mis. "Ringkasan isi", "Retensi", "Jenis informasi"); baris judul boleh didahului judul tabel. Berkas yang sama tidak diimpor dua kali.',
    en: 'One row per item. The example row may be deleted or replaced. Headers may be spelt otherwise (e.g. "Ringkasan isi", "Retensi", "Jenis informasi"); a table title may stand above the header row. The same file is never imported twice.',
  });
  for (const row of [notes.getRow(notes.rowCount)]) row.alignment = { wrapText: true, vertical: 'top' };
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
