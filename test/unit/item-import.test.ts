/**
 * Reading DIP spreadsheets (functions/core/documentation/import.ts): the usual header spellings, the
 * usual ways of writing values, CSV with semicolons and a BOM, XLSX with a title above the header,
 * and bad rows reported with their spreadsheet line and field.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  DIP_IMPORT_COLUMNS,
  ImportFileError,
  importTemplateCsv,
  importTemplateXlsx,
  matchHeader,
  parseSpreadsheet,
  readCategory,
  readFormats,
  readYear,
  validateRows,
} from '../../functions/core/documentation/import.ts';
import { importedItemId } from '../../functions/core/documentation/item-import.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

const ROW = [
  'Profil Kesehatan 2025',
  'Data derajat kesehatan dan sumber daya kesehatan tahun 2025.',
  'Bidang SDK',
  'Kepala Dinas Kesehatan',
  'Maret 2026',
  'Pontianak',
  'Softcopy, Hardcopy',
  '5 tahun',
  'Tersedia Setiap Saat',
  '2025',
  'kesehatan, profil',
];

describe('header matching', () => {
  it.each([
    ['Judul Informasi', 'title'],
    ['JUDUL', 'title'],
    ['Nama Informasi', 'title'],
    ['Ringkasan isi', 'summary'],
    ['Ringkasan Isi Informasi', 'summary'],
    ['ringkasan  isi-informasi ', 'summary'],
    ['Pejabat yang menguasai', 'holder'],
    ['Pejabat atau Unit yang Menguasai Informasi', 'holder'],
    ['Pejabat/Unit yang Menguasai Informasi', 'holder'],
    ['Penanggungjawab', 'responsible'],
    ['Penanggung Jawab Pembuatan atau Penerbitan Informasi', 'responsible'],
    ['Waktu Pembuatan', 'createdWhen'],
    ['Tanggal', 'createdWhen'],
    ['Tempat Pembuatan', 'createdWhere'],
    ['Bentuk', 'formats'],
    ['Bentuk Informasi yang Tersedia', 'formats'],
    ['Bentuk Informasi (softcopy/hardcopy)', 'formats'],
    ['Retensi', 'retention'],
    ['Jangka Waktu Penyimpanan atau Retensi Arsip', 'retention'],
    ['Jangka waktu penyimpanan', 'retention'],
    ['Jenis informasi', 'category'],
    ['Kategori (Berkala/Serta Merta/Setiap Saat)', 'category'],
    ['Klasifikasi Informasi', 'category'],
    ['Tahun', 'year'],
    ['Kata Kunci', 'tags'],
    ['Keywords', 'tags'],
    ['No', 'ignored'],
    ['No.', 'ignored'],
  ])('%s → %s', (header, field) => {
    expect(matchHeader(header)).toBe(field);
  });

  it('does not guess at unrelated or combined headers', () => {
    expect(matchHeader('Keterangan')).toBeUndefined();
    expect(matchHeader('Waktu dan Tempat Pembuatan')).toBeUndefined();
    expect(matchHeader('')).toBeUndefined();
  });

  it('matches every template header to its own field', () => {
    for (const c of DIP_IMPORT_COLUMNS) expect(matchHeader(c.header)).toBe(c.field);
  });
});

describe('value tolerance', () => {
  it.each([
    ['Berkala', 'berkala'],
    ['INFORMASI BERKALA', 'berkala'],
    ['Serta Merta', 'serta_merta'],
    ['Serta-merta', 'serta_merta'],
    ['sertamerta', 'serta_merta'],
    ['Tersedia Setiap Saat', 'setiap_saat'],
    ['setiap_saat', 'setiap_saat'],
  ])('category %s', (v, c) => expect(readCategory(v)).toBe(c));

  it('refuses a category it cannot tell', () => {
    expect(readCategory('Dikecualikan')).toBeUndefined();
    expect(readCategory('Berkala / Setiap Saat')).toBeUndefined();
  });

  it.each([
    ['Softcopy, Hardcopy', ['softcopy', 'hardcopy']],
    ['soft copy dan hard copy', ['softcopy', 'hardcopy']],
    ['Hardcopy/Softcopy', ['hardcopy', 'softcopy']],
    ['HARDCOPY', ['hardcopy']],
    ['Cetak', ['hardcopy']],
    ['softcopy, softcopy', ['softcopy']],
  ])('formats %s', (v, f) => expect(readFormats(v)).toEqual(f));

  it('refuses a form it does not know', () => expect(readFormats('Softcopy, mikrofilm')).toBeUndefined());

  it.each([
    ['2025', 2025],
    ['2025.0', 2025],
    ['Tahun 2025', 2025],
    [' 2024 ', 2024],
  ])('year %s', (v, y) => expect(readYear(v)).toBe(y));

  it('refuses a year that is not four digits', () => {
    expect(readYear('25')).toBeUndefined();
    expect(readYear('2025-2026')).toBeUndefined();
  });
});

describe('CSV', () => {
  it('reads semicolons, a BOM, quoted fields with line breaks and CRLF; skips empty lines', async () => {
    const header = DIP_IMPORT_COLUMNS.map((c) => c.header).join(';');
    const row2 = ROW.map((v, i) => (i === 1 ? `"${v}\nBaris kedua; dengan ""kutip"""` : v)).join(';');
    const text = `\uFEFF${header}\r\n${ROW.join(';')}\r\n;;;;;;;;;;\r\n${row2}\r\n`;
    const parsed = await parseSpreadsheet(utf8(text), 'dip.csv');
    expect(parsed.format).toBe('csv');
    expect(parsed.columns.map((c) => c.field)).toEqual(DIP_IMPORT_COLUMNS.map((c) => c.field));
    expect(parsed.unknownHeaders).toEqual([]);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(parsed.rows[0]!.values.title).toBe('Profil Kesehatan 2025');
    expect(parsed.rows[1]!.values.summary).toBe('Data derajat kesehatan dan sumber daya kesehatan tahun 2025.\nBaris kedua; dengan "kutip"');
    const { good, bad } = validateRows(parsed);
    expect(bad).toEqual([]);
    expect(good[0]).toEqual({
      line: 2,
      content: {
        title: 'Profil Kesehatan 2025',
        summary: 'Data derajat kesehatan dan sumber daya kesehatan tahun 2025.',
        holder: 'Bidang SDK',
        responsible: 'Kepala Dinas Kesehatan',
        createdWhen: 'Maret 2026',
        createdWhere: 'Pontianak',
        formats: ['softcopy', 'hardcopy'],
        retention: '5 tahun',
        category: 'setiap_saat',
        year: 2025,
        tags: ['kesehatan', 'profil'],
      },
    });
  });

  it('reads the usual spellings in another order, with a row-number column and an unknown one', async () => {
    const headers = [
      'No',
      'Ringkasan isi',
      'Judul',
      'Pejabat yang menguasai',
      'Penanggungjawab',
      'Waktu',
      'Tempat',
      'Bentuk',
      'Retensi',
      'Jenis informasi',
      'Tahun',
      'Keterangan',
    ];
    const row = ['1', ROW[1], ROW[0], ROW[2], ROW[3], ROW[4], ROW[5], 'Hardcopy', ROW[7], 'Serta Merta', '2024', 'catatan'];
    const csv = `${headers.join(',')}\n${row.map((v) => `"${v}"`).join(',')}\n`;
    const parsed = await parseSpreadsheet(utf8(csv), 'DIP 2026.CSV');
    expect(parsed.unknownHeaders).toEqual(['Keterangan']);
    const { good, bad } = validateRows(parsed);
    expect(bad).toEqual([]);
    expect(good[0]!.content).toMatchObject({ title: ROW[0], summary: ROW[1], formats: ['hardcopy'], category: 'serta_merta', year: 2024, tags: [] });
  });

  it('reports each bad field of each bad row with its line, its column and a message in both languages', async () => {
    const header = DIP_IMPORT_COLUMNS.map((c) => c.header).join(',');
    const bad1 = [...ROW];
    bad1[0] = 'ab'; // title too short
    bad1[8] = 'Rahasia'; // no such category
    const bad2 = [...ROW];
    bad2[9] = 'dua ribu'; // not a year
    bad2[6] = ''; // forms empty
    const csv = [header, ROW, bad1, ROW, bad2].map((r) => (Array.isArray(r) ? r.map((v) => `"${v}"`).join(',') : r)).join('\n');
    const { good, bad } = validateRows(await parseSpreadsheet(utf8(csv), 'x.csv'));
    expect(good.map((g) => g.line)).toEqual([2, 4]);
    expect(bad.map((b) => [b.line, b.field])).toEqual([
      [3, 'title'],
      [3, 'category'],
      [5, 'formats'],
      [5, 'year'],
    ]);
    expect(bad[0]!.message.id).toMatch(/judul: minimal 3 karakter/);
    expect(bad[0]!.message.en).toMatch(/title: at least 3 characters/);
    expect(bad[1]!.message.id).toContain('Rahasia');
    expect(bad[1]!.message.en).toMatch(/Berkala, Serta Merta, Setiap Saat/);
    expect(bad[2]!.message).toEqual({
      id: 'Kolom "Bentuk Informasi (softcopy/hardcopy)" kosong; wajib diisi.',
      en: 'Column "Bentuk Informasi (softcopy/hardcopy)" is empty; it is required.',
    });
    expect(bad[3]!.header).toBe('Tahun');
  });

  it('refuses a file that is not CSV/XLSX, one with no header, and one missing required columns, naming them', async () => {
    await expect(parseSpreadsheet(utf8('a,b'), 'dip.pdf')).rejects.toThrow(/CSV \(UTF-8\) or XLSX/);
    const noHeader = parseSpreadsheet(utf8('a,b,c\n1,2,3\n'), 'x.csv');
    await expect(noHeader).rejects.toBeInstanceOf(ImportFileError);
    await expect(noHeader).rejects.toThrow(/"Judul Informasi", "Ringkasan Isi Informasi"/);
    const missing = parseSpreadsheet(utf8('Judul,Ringkasan,Tahun,Kategori\nx,y,2025,Berkala\n'), 'x.csv');
    await expect(missing).rejects.toThrow(/missing from the header row \(line 1\): "Pejabat\/Unit yang Menguasai Informasi", "Penanggung Jawab/);
    await expect(parseSpreadsheet(new Uint8Array([0x4a, 0xff, 0xfe, 0x2c]), 'x.csv')).rejects.toThrow(/not UTF-8/);
  });
});

describe('XLSX', () => {
  it('reads the first sheet with a header below a title, numbers and dates as text, rich text', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sampul').getCell('A1').value = 'Daftar Informasi Publik';
    const ws = wb.addWorksheet('DIP');
    ws.getCell('A1').value = 'DAFTAR INFORMASI PUBLIK DINAS KESEHATAN';
    ws.addRow([]);
    ws.getRow(3).values = DIP_IMPORT_COLUMNS.map((c) => c.header);
    const values: unknown[] = [...ROW];
    values[4] = new Date(Date.UTC(2026, 2, 15));
    values[9] = 2025;
    values[0] = { richText: [{ text: 'Profil ' }, { font: { bold: true }, text: 'Kesehatan' }] };
    ws.getRow(4).values = values as ExcelJS.CellValue[];
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const parsed = await parseSpreadsheet(bytes, 'dip.xlsx');
    expect(parsed).toMatchObject({ format: 'xlsx', sheet: 'DIP', headerLine: 3 });
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]!.line).toBe(4);
    const { good } = validateRows(parsed);
    expect(good[0]!.content).toMatchObject({ title: 'Profil Kesehatan', createdWhen: '2026-03-15', year: 2025 });
  });

  it('refuses bytes that are not a workbook', async () => {
    await expect(parseSpreadsheet(utf8('not a zip'), 'x.xlsx')).rejects.toThrow(/cannot be read/);
  });
});

describe('the template', () => {
  it('CSV: BOM, the Indonesian headers, one example row that validates', async () => {
    const csv = importTemplateCsv();
    expect(csv.startsWith('\uFEFFJudul Informasi,Ringkasan Isi Informasi,')).toBe(true);
    const parsed = await parseSpreadsheet(utf8(csv), 'templat.csv');
    const { good, bad } = validateRows(parsed);
    expect(bad).toEqual([]);
    expect(good).toHaveLength(1);
  });

  it('XLSX: the data sheet reads back clean, and the notes sheet explains every column', async () => {
    const bytes = await importTemplateXlsx();
    const parsed = await parseSpreadsheet(bytes, 'templat.xlsx');
    expect(parsed.sheet).toBe('Daftar Informasi');
    expect(validateRows(parsed)).toMatchObject({ bad: [], good: [{ line: 2 }] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const notes = wb.getWorksheet('Petunjuk')!;
    const listed = notes.getColumn(1).values.slice(2, 2 + DIP_IMPORT_COLUMNS.length);
    expect(listed).toEqual(DIP_IMPORT_COLUMNS.map((c) => c.header));
  });
});

describe('imported item ids', () => {
  it('are UUIDs the API accepts, the same for the same (agency, file, line) and different otherwise', () => {
    const sha = 'ab'.repeat(32);
    const id = importedItemId('dinkes', sha, 2);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(importedItemId('dinkes', sha.toUpperCase(), 2)).toBe(id);
    const others = [importedItemId('dinkes', sha, 3), importedItemId('disdikbud', sha, 2), importedItemId('dinkes', 'cd'.repeat(32), 2)];
    expect(new Set([id, ...others]).size).toBe(4);
  });
});
