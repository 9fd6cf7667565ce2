/**
 * The renderings of one `ReportData` (data.ts): CSV, XLSX and the PDF through the official documents
 * module, so that the screen, the print, the file and the archive show the same numbers.
 *
 * - CSV (RFC 4180, UTF-8 with a BOM, tabular/table.ts `csvCell`: formula-looking text neutralised):
 *   the title, body, period and as-of lines; then per section its heading line, its figures as
 *   "label,value" lines, and each table under a heading line of its own (its caption), its header
 *   line, its rows and its total. Numbers stay plain numbers (a decimal point), for machines.
 * - XLSX (exceljs): a cover sheet with the title, the body, the period, the as-of time and every
 *   figure; then one sheet per section with its text, its figures and its tables (caption, bold
 *   header, rows, bold total). Numbers are numbers; text is never a formula.
 * - PDF: a DocumentSpec on the letterhead of the issuing unit (the SKPD for one SKPD's report, else
 *   PPID Utama's unit), A4, landscape when a table is too wide for portrait; sections numbered, figures
 *   as "label : value" lines, tables that repeat their header across pages. Issued (signed) with
 *   `ctx.signer` when the context has one, else rendered unsigned (the real-time print).
 */
import { ppidUtamaOf } from '../agencies.ts';
import { letterheadOf, unitLetterhead } from '../exclusion-pdf.ts';
import { type Block, contentWidth, type DocumentSpec, issueDocument, renderDocument, verificationCode, verificationUrl } from '../official-documents/index.ts';
import type { Context } from '../ports.ts';
import { getPublicBody } from '../public-body.ts';
import { csvCell, type Lang } from '../tabular/table.ts';
import type { Cell, ReportData, ReportSection, ReportTable } from './model.ts';

/** exceljs is imported at the first workbook, not at import (it weighs on the cold start of every function that reaches this module). */
const excel = async () => (await import('exceljs')).default;

// ─── CSV ────────────────────────────────────────────────────────────────────────────────────────

const csvValue = (c: Cell) => (c === null || c === undefined ? '' : typeof c === 'number' ? String(c) : csvCell(c));

function unitText(data: ReportData, lang: Lang): string {
  return data.agencyName ?? (lang === 'id' ? 'Gabungan seluruh SKPD' : 'Consolidated (every SKPD)');
}

/** Every table of the report, each under a heading line; the figures of each section before its tables. */
export function reportCsv(data: ReportData, lang: Lang): string {
  const lines: string[] = [];
  const line = (...cells: Cell[]) => lines.push(cells.map(csvValue).join(','));
  line(data.title[lang]);
  line(lang === 'id' ? 'Badan publik' : 'Public body', data.body);
  line(lang === 'id' ? 'Unit' : 'Unit', unitText(data, lang));
  line(lang === 'id' ? 'Periode' : 'Period', data.periodText[lang]);
  line(lang === 'id' ? 'Data per' : 'Data as of', data.asOfText[lang]);
  data.sections.forEach((section, i) => {
    lines.push('');
    line(`${i + 1}. ${section.heading[lang]}`);
    for (const f of section.figures ?? []) line(f.label[lang], f.value);
    for (const table of section.tables ?? []) {
      lines.push('');
      line(table.caption[lang]);
      line(...table.columns.map((c) => c.label[lang]));
      for (const row of table.rows) line(...row);
      if (table.total) line(...table.total);
    }
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// ─── XLSX ───────────────────────────────────────────────────────────────────────────────────────

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

const xlsxValue = (c: Cell) => (c === null || c === undefined ? null : c);

/** The report as an XLSX workbook: a cover sheet, then one sheet per section. */
export async function reportXlsx(data: ReportData, lang: Lang): Promise<Uint8Array> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'SIP PPID';
  wb.created = new Date(data.asOf);
  wb.modified = new Date(data.asOf);
  wb.title = data.title[lang];
  const taken = new Set<string>();
  const bold = { bold: true };

  const cover = wb.addWorksheet(sheetName(lang === 'id' ? 'Sampul' : 'Cover', taken), { pageSetup: { paperSize: 9, orientation: 'portrait' } });
  cover.columns = [{ width: 48 }, { width: 56 }, { width: 16 }];
  cover.addRow([data.title[lang]]).font = { bold: true, size: 14 };
  cover.addRow([lang === 'id' ? 'Badan publik' : 'Public body', data.body]);
  cover.addRow([lang === 'id' ? 'Unit' : 'Unit', unitText(data, lang)]);
  cover.addRow([lang === 'id' ? 'Periode' : 'Period', data.periodText[lang]]);
  cover.addRow([lang === 'id' ? 'Data per' : 'Data as of', data.asOfText[lang]]);
  cover.addRow([]);
  cover.addRow([lang === 'id' ? 'Bagian' : 'Section', lang === 'id' ? 'Angka' : 'Figure', lang === 'id' ? 'Nilai' : 'Value']).font = bold;
  data.sections.forEach((section, i) => {
    for (const f of section.figures ?? []) cover.addRow([`${i + 1}. ${section.heading[lang]}`, f.label[lang], xlsxValue(f.value)]);
  });

  data.sections.forEach((section, i) => {
    const ws = wb.addWorksheet(sheetName(`${i + 1} ${section.heading[lang]}`, taken), {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    const widest = Math.max(2, ...(section.tables ?? []).map((t) => t.columns.length));
    ws.columns = Array.from({ length: widest }, (_, c) => ({ width: c === 0 ? 40 : 22 }));
    ws.addRow([`${i + 1}. ${section.heading[lang]}`]).font = { bold: true, size: 13 };
    for (const p of section.paragraphs ?? []) ws.addRow([p]).alignment = { wrapText: false };
    if (section.figures?.length) {
      ws.addRow([]);
      for (const f of section.figures) ws.addRow([f.label[lang], xlsxValue(f.value)]);
    }
    for (const table of section.tables ?? []) {
      ws.addRow([]);
      ws.addRow([table.caption[lang]]).font = bold;
      ws.addRow(table.columns.map((c) => c.label[lang])).font = bold;
      for (const row of table.rows) ws.addRow(row.map(xlsxValue));
      if (table.total) ws.addRow(table.total.map(xlsxValue)).font = bold;
    }
  });
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

// ─── PDF ────────────────────────────────────────────────────────────────────────────────────────

// Made at first use: its locale's ICU data would otherwise load at the import of every function reaching this module.
let numberId: Intl.NumberFormat | undefined;
function NUMBER_ID(): Intl.NumberFormat {
  numberId ??= new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
  return numberId;
}
const pdfValue = (c: Cell) => (c === null || c === undefined ? '–' : typeof c === 'number' ? NUMBER_ID().format(c) : c);

/** Width in points of a column: at least its longest word (`min`), naturally its usual line (`natural`). */
function columnWidths(table: ReportTable): { min: number; natural: number }[] {
  return table.columns.map((c, i) => {
    const texts = [c.label.id, ...table.rows.slice(0, 200).map((r) => pdfValue(r[i] ?? null)), ...(table.total ? [pdfValue(table.total[i] ?? null)] : [])];
    const longest = (ts: string[]) => Math.max(0, ...ts.flatMap((t) => t.split(/\s+/).map((w) => w.length)));
    const typical = Math.max(...texts.map((t) => Math.min(t.length, 40)));
    // About 5.6 pt per character at the table's size, 6.6 in the bold heading; at most 28 characters wide naturally.
    const min = Math.max(longest(texts.slice(1)) * 5.6 + 12, longest([c.label.id]) * 6.6 + 12, 34);
    return { min, natural: Math.max(min, Math.min(typical, 28) * 5 + 10) };
  });
}
const naturalWidths = (table: ReportTable) => columnWidths(table).map((w) => w.natural);

/**
 * The widths a table gets in `width`: natural widths scaled when they fit; else every column keeps
 * its longest word and the rest of the room goes to the columns in proportion to what they lack
 * (so no word is broken while the words fit at all).
 */
function fitWidths(table: ReportTable, width: number): number[] {
  const cols = columnWidths(table);
  const natural = cols.reduce((a, c) => a + c.natural, 0);
  if (natural <= width) return cols.map((c) => (c.natural / natural) * width);
  const min = cols.reduce((a, c) => a + c.min, 0);
  if (min >= width) return cols.map((c) => (c.min / min) * width);
  return cols.map((c) => c.min + ((c.natural - c.min) / (natural - min)) * (width - min));
}

/** Landscape when a table would not fit portrait at a readable width. */
function orientationOf(data: ReportData): 'portrait' | 'landscape' {
  const portrait = contentWidth('portrait');
  const wide = data.sections.some((s) => (s.tables ?? []).some((t) => t.columns.length > 6 || naturalWidths(t).reduce((a, b) => a + b, 0) > portrait * 1.15));
  return wide ? 'landscape' : 'portrait';
}

/** Rows of a detail list (ReportTable.detail) the PDF prints; the CSV and XLSX carry them all. */
export const PDF_DETAIL_ROWS = 200;

function tableBlock(table: ReportTable, width: number): Block {
  const widths = fitWidths(table, width);
  const shown = table.detail ? table.rows.slice(0, PDF_DETAIL_ROWS) : table.rows;
  const rows = shown.map((r) => table.columns.map((_, i) => pdfValue(r[i] ?? null)));
  if (table.total) rows.push(table.columns.map((_, i) => pdfValue(table.total![i] ?? null)));
  return {
    kind: 'table',
    columns: table.columns.map((c, i) => ({ title: c.label.id, width: widths[i]!, ...(c.numeric ? {} : { align: 'left' as const }) })),
    rows,
  };
}

function sectionBlocks(section: ReportSection, n: number, width: number): Block[] {
  const blocks: Block[] = [{ kind: 'section', number: String(n), title: section.heading.id }];
  for (const p of section.paragraphs ?? []) blocks.push({ kind: 'paragraph', text: p });
  if (section.figures?.length)
    blocks.push({ kind: 'fields', labelWidth: Math.min(300, width * 0.6), rows: section.figures.map((f) => [f.label.id, pdfValue(f.value)]) });
  for (const table of section.tables ?? []) {
    blocks.push({ kind: 'gap', size: 6 }, { kind: 'paragraph', text: table.caption.id, bold: true });
    blocks.push(table.rows.length ? tableBlock(table, width) : { kind: 'paragraph', text: '(tidak ada data dalam periode ini)', indent: 12 });
    if (table.detail && table.rows.length > PDF_DETAIL_ROWS)
      blocks.push({
        kind: 'paragraph',
        text: `Dicetak ${NUMBER_ID().format(PDF_DETAIL_ROWS)} baris pertama dari ${NUMBER_ID().format(table.rows.length)}; daftar lengkap ada pada berkas CSV dan XLSX laporan ini.`,
        indent: 12,
      });
  }
  return blocks;
}

/** The verification code a report's PDF prints: the archive passes its own (with the archived report's id). */
export const reportVerificationCode = (data: ReportData, secret: string = crypto.randomUUID()) =>
  verificationCode(`report/${data.spec.kind}/${data.spec.from}/${data.spec.to}/${data.spec.agencyId ?? 'all'}/${data.asOf}/${secret}`);

export interface ReportDocumentOptions {
  /** The document's number (the archive's); default `LAP/<kind>/<from>/<to>/<agency|GAB>`. */
  number?: string;
  /** The verification code (the archive's, so its verification page exists); default a fresh one. */
  code?: string;
}

/** The report as a spec of the one document module (official-documents/). */
export async function reportDocumentSpec(ctx: Context, data: ReportData, opts: ReportDocumentOptions = {}): Promise<DocumentSpec> {
  const [agencies, body] = await Promise.all([ctx.store.listAgencies(), getPublicBody(ctx)]);
  const utama = ppidUtamaOf(agencies);
  const unit = (data.spec.agencyId && agencies.find((a) => a.id === data.spec.agencyId)) || utama;
  const coatOfArms = body.coatOfArms && ctx.files ? await ctx.files.get(body.coatOfArms.key) : undefined;
  const orientation = orientationOf(data);
  const width = contentWidth(orientation);
  const number = opts.number ?? `LAP/${data.spec.kind.toUpperCase()}/${data.spec.from}/${data.spec.to}/${(data.spec.agencyId ?? 'gab').toUpperCase()}`;
  const blocks: Block[] = [
    {
      kind: 'fields',
      labelWidth: 110,
      rows: [
        ['Badan publik', data.body],
        ['Unit', unitText(data, 'id')],
        ['Periode', data.periodText.id],
        ['Data per', data.asOfText.id],
      ],
    },
    { kind: 'gap', size: 6 },
  ];
  data.sections.forEach((s, i) => {
    blocks.push(...sectionBlocks(s, i + 1, width));
  });
  return {
    type: 'service_report',
    number,
    title: `${data.title.id} · ${data.periodText.id}`,
    subject: `${data.title.id}, ${unitText(data, 'id')}, ${data.body}`,
    author: data.body,
    keywords: ['laporan', data.spec.kind, data.spec.from, data.spec.to],
    createdAt: data.asOf,
    letterhead: letterheadOf(
      { name: body.name, ...(coatOfArms ? { coatOfArms } : {}) },
      unit ? unitLetterhead(unit) : { name: data.agencyName ?? 'PPID Utama' },
    ),
    heading: [data.title.id.toUpperCase(), data.agencyName ?? data.body, data.periodText.id],
    blocks,
    footerLabel: `${data.title.id} · ${data.periodText.id}`,
    verificationUrl: verificationUrl(body.registerUrl ?? ctx.registerUrl ?? '', opts.code ?? reportVerificationCode(data)),
    orientation,
  };
}

/** The report's PDF: signed with `ctx.signer` when there is one (the archive), else unsigned (the real-time print). */
export async function reportPdf(ctx: Context, data: ReportData, opts: ReportDocumentOptions = {}): Promise<Uint8Array> {
  const spec = await reportDocumentSpec(ctx, data, opts);
  if (!ctx.signer) return renderDocument(spec);
  const agencies = await ctx.store.listAgencies();
  const place = ppidUtamaOf(agencies)?.city ?? data.body;
  return (await issueDocument(spec, ctx.signer, data.title.id, place)).bytes;
}
