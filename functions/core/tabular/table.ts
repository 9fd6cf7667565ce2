/**
 * Tables for export (buku register permohonan, keberatan, laporan, ...): one description of the
 * columns, written as CSV here and as XLSX by xlsx.ts, so that both files show the same thing.
 *
 * A cell is a string, a number, a Date or undefined (empty). A column's `kind` overrides what the
 * value's own type would give: 'text' keeps numbers as text (a NIK or "001" keeps its digits),
 * 'number' reads numeric strings as numbers, 'date' reads "YYYY-MM-DD" strings as dates and shows
 * Dates without their time. A Date is taken by its UTC fields, as a wall-clock value: convert an
 * instant to the agency's local time first (calendar.ts localDateOf), since files have no time zone.
 * Dates show as "YYYY-MM-DD", or "YYYY-MM-DD HH:MM" when they have a time of day.
 *
 * CSV: RFC 4180 (CRLF, fields with `"`, `,`, CR or LF quoted, quotes doubled), UTF-8 with a BOM so
 * that spreadsheet programs read it as UTF-8, without control characters but tab, CR and LF. Text
 * that a spreadsheet would run as a formula gets a leading apostrophe (neutraliseFormula: CSV
 * injection); numbers and dates cannot be formulas.
 */

export type Lang = 'id' | 'en';
export type CellValue = string | number | Date | undefined;

export interface Column<T> {
  key: string;
  header: { id: string; en: string };
  value: (row: T) => CellValue;
  /** Width in characters (XLSX); without it the width follows the content. */
  width?: number;
  kind?: 'text' | 'number' | 'date';
}

/** A cell as written: text, a finite number, or a date (with `time` when it has a time of day). */
export type Cell = { type: 'text'; text: string } | { type: 'number'; value: number } | { type: 'date'; value: Date; time: boolean } | undefined;

const DAY_MS = 86_400_000;
const isoDate = (ms: number) => (Number.isNaN(ms) ? '' : new Date(ms).toISOString().slice(0, 10));

export function cellOf<T>(column: Column<T>, row: T): Cell {
  const cell = typed(column.value(row), column.kind);
  return column.kind === 'text' && cell && cell.type !== 'text' ? { type: 'text', text: display(cell) } : cell;
}

function typed(v: CellValue, kind: Column<unknown>['kind']): Cell {
  if (v === undefined || v === '') return undefined;
  if (typeof v === 'string') {
    if (kind === 'number' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return { type: 'number', value: Number(v) };
    // Only a real date: Date.parse takes "2026-02-30" for 2 March.
    if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v) && isoDate(Date.parse(v)) === v) return { type: 'date', value: new Date(v), time: false };
    return { type: 'text', text: v };
  }
  if (typeof v === 'number') return Number.isFinite(v) ? { type: 'number', value: v } : undefined;
  if (Number.isNaN(v.getTime())) return undefined;
  const time = kind !== 'date' && v.getTime() % DAY_MS !== 0;
  return { type: 'date', value: time ? v : new Date(Math.floor(v.getTime() / DAY_MS) * DAY_MS), time };
}

/** What a cell shows, as text (CSV, and the XLSX column widths). */
export function display(cell: Cell): string {
  if (!cell) return '';
  if (cell.type === 'text') return cell.text;
  if (cell.type === 'number') return String(cell.value);
  const iso = cell.value.toISOString();
  return cell.time ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}

/**
 * Whether a spreadsheet would read text as a formula: it starts with `=`, `+`, `-`, `@`, tab or CR,
 * also after spaces, or with the full-width ＝ ＋ － ＠ that spreadsheets read as formula signs too.
 */
export function looksLikeFormula(s: string): boolean {
  return /^[\t\r]|^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(s);
}

/** Text that no spreadsheet runs as a formula: a leading apostrophe where it looks like one (CSV injection). */
export function neutraliseFormula(s: string): string {
  return looksLikeFormula(s) ? `'${s}` : s;
}

/**
 * One CSV field: control characters other than tab, CR and LF removed (the upload check of
 * documents.ts refuses a CSV with them), neutralised against formulas, then quoted when RFC 4180 needs it.
 */
export function csvCell(value: string | number): string {
  const s = neutraliseFormula(String(value).replace(/(?![\t\n\r])\p{Cc}/gu, ''));
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv<T>(columns: readonly Column<T>[], rows: Iterable<T>, lang: Lang): string {
  const lines = [columns.map((c) => csvCell(c.header[lang])).join(',')];
  for (const row of rows) {
    lines.push(
      columns
        .map((c) => {
          const cell = cellOf(c, row);
          // Only text can be a formula: "-5" as a number stays a number.
          return cell?.type === 'text' ? csvCell(cell.text) : display(cell);
        })
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
