/**
 * XLSX (Office Open XML, ECMA-376) from the column descriptions of table.ts, without dependencies:
 * [Content_Types].xml, _rels/.rels, xl/workbook.xml with its rels, xl/styles.xml and one
 * xl/worksheets/sheetN.xml per sheet, zipped by zip.ts.
 *
 * Each sheet: an optional title row, a bold header row that stays in view (frozen pane), repeats on
 * every printed page and carries an autofilter; column widths; text as inline strings, numbers as
 * numbers, dates as Excel serial dates with a date format; printed on A4 landscape, fitted to the
 * page width, with page numbers in the footer.
 *
 * Formulas: an inline string (t="inlineStr") is never a formula, so text such as "=HYPERLINK(...)"
 * shows as written and no apostrophe is added as in CSV. Such text also gets quotePrefix, so that
 * editing the cell in a spreadsheet keeps it text.
 */
import { type Cell, type Column, cellOf, display, type Lang, looksLikeFormula } from './table.ts';
import { zip } from './zip.ts';

export interface Sheet<T> {
  name: string;
  columns: readonly Column<T>[];
  rows: Iterable<T>;
  lang: Lang;
  /** A first row above the header, e.g. "Buku Register Permohonan Informasi Publik 2026". */
  title?: string;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** Indexes into cellXfs of STYLES. */
const S = { header: 1, text: 2, formulaLikeText: 3, number: 4, date: 5, dateTime: 6, title: 7 } as const;
const STYLES = `${XML_HEAD}<styleSheet xmlns="${NS}">
<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>
<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="8">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

const FOOTER: Record<Lang, string> = { id: 'Halaman &P dari &N', en: 'Page &P of &N' };
/** Excel's limit for the text of one cell. */
const MAX_CELL_TEXT = 32_767;
const DAY_MS = 86_400_000;
/** Points per line of 11 pt Calibri; Excel's limit for a row is 409 points. */
const LINE_HEIGHT = 15;
/** 1970-01-01 as an Excel serial (1900 date system). */
const EXCEL_EPOCH_1970 = 25_569;
/** Serial 61 is 1900-03-01; below it Excel counts its fictitious 1900-02-29. */
const FIRST_SAFE_SERIAL = 61;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Text for XML content or attributes: line ends as LF, characters XML 1.0 cannot carry removed
 * (controls other than tab and LF, lone surrogates, U+FFFE/U+FFFF), Excel's own `_xHHHH_` escape
 * escaped, and `& < > "` as entities.
 */
export function xmlText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[^\t\n\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[&<>"]/g, (c) => ENTITIES[c]!);
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const head = s.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

/**
 * A sheet name Excel accepts: no `[ ] : * ? / \` or controls, no apostrophe at either end, at most
 * 31 characters, not empty, and unique in the workbook ignoring case ("History" is reserved).
 */
export function sheetName(name: string, taken: Set<string>, fallback: string): string {
  const clean = (s: string) => s.replace(/^[\s']+|[\s']+$/g, '');
  const base = clean(cut(clean(name.replace(/[\p{Cc}[\]:*?/\\]+/gu, ' ').replace(/\s+/g, ' ')), 31)) || fallback;
  let unique = base;
  for (let i = 2; taken.has(unique.toLowerCase()); i++) unique = `${clean(cut(base, 31 - ` (${i})`.length))} (${i})`;
  taken.add(unique.toLowerCase());
  return unique;
}

/** A, B, ..., Z, AA, AB, ... for the 0-based column index. */
export function columnName(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The Excel serial number (1900 date system) of a Date taken by its UTC fields. */
export function excelSerial(d: Date): number {
  return d.getTime() / DAY_MS + EXCEL_EPOCH_1970;
}

function textCell(ref: string, text: string, style: number): string {
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${xmlText(cut(text, MAX_CELL_TEXT))}</t></is></c>`;
}

function cellXml(ref: string, cell: Cell): string {
  if (!cell) return '';
  if (cell.type === 'number') return `<c r="${ref}" s="${S.number}"><v>${cell.value}</v></c>`;
  if (cell.type === 'date') {
    const serial = excelSerial(cell.value);
    // Before 1900-03-01 the serial would be off by Excel's leap-year bug: write the date as text.
    if (serial < FIRST_SAFE_SERIAL) return textCell(ref, display(cell), S.text);
    return `<c r="${ref}" s="${cell.time ? S.dateTime : S.date}"><v>${serial}</v></c>`;
  }
  return textCell(ref, cell.text, looksLikeFormula(cell.text) ? S.formulaLikeText : S.text);
}

/** Width in characters of column `i`: the longest line of its header or a cell, within 8 to 60. */
function width(header: string, cells: Cell[][], i: number): number {
  let longest = 0;
  for (const text of [header, ...cells.map((row) => display(row[i]))]) {
    for (const line of text.split(/\r\n?|\n/)) longest = Math.max(longest, [...line].length);
  }
  return Math.min(60, Math.max(8, longest + 3));
}

/**
 * The height of a row whose wrapped text takes more than one line, as an estimate (a character per
 * unit of column width, less two for the margins and bold text): LibreOffice keeps the default
 * height of a row that has none, so wrapped text would overlap the next row when printed. Without
 * customHeight, Excel still fits the row again when a cell is edited.
 */
function height(row: Cell[], widths: number[]): string {
  let most = 1;
  row.forEach((cell, i) => {
    if (cell?.type !== 'text') return;
    const perLine = Math.max(1, widths[i]! - 2);
    const lines = cut(cell.text, MAX_CELL_TEXT)
      .split(/\r\n?|\n/)
      .reduce((n, line) => n + Math.max(1, Math.ceil([...line].length / perLine)), 0);
    most = Math.max(most, lines);
  });
  return most > 1 ? ` ht="${Math.min(409, most * LINE_HEIGHT)}"` : '';
}

/** A quoted sheet name for formulas and defined names. */
const quoted = (name: string) => `'${name.replaceAll("'", "''")}'`;

function worksheetXml<T>(sheet: Sheet<T>, first: boolean): { xml: string; headerRow: number; filter: string } {
  const { columns, lang } = sheet;
  const cells = Array.from(sheet.rows, (row) => columns.map((c) => cellOf(c, row)));
  const headerRow = sheet.title ? 2 : 1;
  const lastRow = headerRow + cells.length;
  const lastCol = columnName(Math.max(columns.length, 1) - 1);
  const top = `A${headerRow + 1}`;
  const widths = columns.map((c, i) => c.width ?? width(c.header[lang], cells, i));
  const rowXml = (r: number, row: Cell[], cell: (c: Cell, ref: string) => string) =>
    `<row r="${r}"${height(row, widths)}>${row.map((c, i) => cell(c, `${columnName(i)}${r}`)).join('')}</row>`;
  const rows: string[] = [];
  if (sheet.title) rows.push(`<row r="1">${textCell('A1', sheet.title, S.title)}</row>`);
  const headers: Cell[] = columns.map((c) => ({ type: 'text', text: c.header[lang] }));
  rows.push(rowXml(headerRow, headers, (c, ref) => textCell(ref, display(c), S.header)));
  cells.forEach((row, r) => {
    rows.push(rowXml(headerRow + 1 + r, row, (c, ref) => cellXml(ref, c)));
  });
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`);
  const filter = `$A$${headerRow}:$${lastCol}$${lastRow}`;
  const xml = `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL}">
<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>
<dimension ref="A1:${lastCol}${lastRow}"/>
<sheetViews><sheetView${first ? ' tabSelected="1"' : ''} workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>
<sheetFormatPr defaultRowHeight="15"/>
${cols.length ? `<cols>${cols.join('')}</cols>\n` : ''}<sheetData>
${rows.join('\n')}
</sheetData>
${columns.length ? `<autoFilter ref="${filter.replaceAll('$', '')}"/>\n` : ''}<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>
<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>
<headerFooter><oddFooter>${xmlText(`&C${FOOTER[lang]}`)}</oddFooter></headerFooter>
</worksheet>`;
  return { xml, headerRow, filter: columns.length ? filter : '' };
}

/** An XLSX workbook with one worksheet per sheet, in order (at least one). */
export function toXlsx(sheets: readonly Sheet<any>[]): Uint8Array {
  if (sheets.length === 0) throw new RangeError('An XLSX workbook needs at least one sheet');
  const taken = new Set(['history']);
  const files: { name: string; data: Uint8Array }[] = [];
  const entries: string[] = [];
  const names: string[] = [];
  const rels: string[] = [];
  const types: string[] = [];
  const utf8 = (s: string) => new TextEncoder().encode(s);
  sheets.forEach((sheet, i) => {
    const n = i + 1;
    const name = sheetName(sheet.name, taken, `Sheet${n}`);
    const { xml, headerRow, filter } = worksheetXml(sheet, i === 0);
    files.push({ name: `xl/worksheets/sheet${n}.xml`, data: utf8(xml) });
    entries.push(`<sheet name="${xmlText(name)}" sheetId="${n}" r:id="rId${n}"/>`);
    if (filter) names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(`${quoted(name)}!${filter}`)}</definedName>`);
    names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`${quoted(name)}!$1:$${headerRow}`)}</definedName>`);
    rels.push(`<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
    types.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${TYPE}.worksheet+xml"/>`);
  });
  rels.push(`<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/>`);
  const contentTypes = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/>
<Override PartName="/xl/styles.xml" ContentType="${TYPE}.styles+xml"/>
${types.join('\n')}
</Types>`;
  const workbook = `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL}">
<bookViews><workbookView activeTab="0"/></bookViews>
<sheets>${entries.join('')}</sheets>
<definedNames>${names.join('')}</definedNames>
</workbook>`;
  return zip([
    { name: '[Content_Types].xml', data: utf8(contentTypes) },
    {
      name: '_rels/.rels',
      data: utf8(
        `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/workbook.xml', data: utf8(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: utf8(`${XML_HEAD}<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`) },
    { name: 'xl/styles.xml', data: utf8(STYLES) },
    ...files,
  ]);
}
