/**
 * Accepted document types, type by content, file names and the upload request. The files sniffed here
 * are real minimal files built in the test (a stored ZIP writer makes the OOXML and ODF packages).
 */
import { crc32, deflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ALLOWED,
  DEFAULT_MAX_UPLOAD_BYTES,
  type DocumentKind,
  describeDetected,
  formatBytes,
  kindForUpload,
  maxUploadBytes,
  safeFileName,
  sniff,
  UploadRequest,
} from '../../functions/core/documents.ts';

const enc = new TextEncoder();
const cat = (...parts: (Uint8Array | string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? enc.encode(p) : Array.isArray(p) ? Uint8Array.from(p) : p)));
const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const u32 = (n: number) => [...u16(n & 0xffff), ...u16(n >>> 16)];

// --- real minimal files ------------------------------------------------------------------------------

const PDF = cat(
  '%PDF-1.4\n%',
  [0xe2, 0xe3, 0xcf, 0xd3, 0x0a], // the binary comment that marks a PDF as binary
  '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n',
  '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n',
  '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n',
  'trailer <</Root 1 0 R>>\n%%EOF\n',
);

function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = cat(type, data);
  return cat(u32(data.length).reverse(), body, u32(crc32(body)).reverse());
}
/** A 1×1 grey PNG: signature, IHDR, IDAT (zlib), IEND. */
const PNG = cat(
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  pngChunk('IHDR', cat(u32(1).reverse(), u32(1).reverse(), [8, 0, 0, 0, 0])),
  pngChunk('IDAT', deflateSync(Uint8Array.from([0, 0x80]))),
  pngChunk('IEND', new Uint8Array()),
);
/** JPEG: SOI and a JFIF APP0 segment, then EOI. */
const JPEG = cat([0xff, 0xd8, 0xff, 0xe0, ...u16(16).reverse()], 'JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0], [0xff, 0xd9]);
/** The classic 1×1 transparent GIF89a. */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
/** WebP: RIFF container with a VP8L chunk header. */
const WEBP = cat('RIFF', u32(26), 'WEBP', 'VP8L', u32(13), [0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0]);
/** An OLE2 compound file header sector (doc, xls and ppt all start so). */
const OLE2 = cat([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Uint8Array(16), [0x3e, 0, 3, 0, 0xfe, 0xff, 9, 0], new Uint8Array(512 - 32));

/**
 * A stored (uncompressed) ZIP: local headers, central directory, end record. With `descriptor`, sizes
 * and CRC follow each entry's data (flag bit 3) as streaming writers do, and the local header has zeros.
 */
function zip(entries: [name: string, content: string | Uint8Array][], descriptor = false): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = typeof content === 'string' ? enc.encode(content) : content;
    const nameBytes = enc.encode(name);
    const crc = crc32(data);
    const flags = descriptor ? 0x08 : 0;
    const sizes = descriptor ? [...u32(0), ...u32(0), ...u32(0)] : [...u32(crc), ...u32(data.length), ...u32(data.length)];
    const local = cat(u32(0x04034b50), u16(20), u16(flags), u16(0), u16(0), u16(0x21), sizes, u16(nameBytes.length), u16(0), nameBytes, data);
    const trailer = descriptor ? cat(u32(0x08074b50), u32(crc), u32(data.length), u32(data.length)) : Buffer.alloc(0);
    central.push(
      cat(u32(0x02014b50), u16(20), u16(20), u16(flags), u16(0), u16(0), u16(0x21), u32(crc), u32(data.length), u32(data.length)),
      cat(u16(nameBytes.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(offset), nameBytes),
    );
    locals.push(local, trailer);
    offset += local.length + trailer.length;
  }
  const cd = Buffer.concat(central);
  return cat(...locals, cd, u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(cd.length), u32(offset), u16(0));
}

const CT = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';
const DOCX = zip([
  ['[Content_Types].xml', CT],
  ['_rels/.rels', RELS],
  ['word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'],
]);
const XLSX = zip([
  ['[Content_Types].xml', CT],
  ['_rels/.rels', RELS],
  ['xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'],
]);
const PPTX = zip([
  ['[Content_Types].xml', CT],
  ['_rels/.rels', RELS],
  ['ppt/presentation.xml', '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>'],
]);
const odf = (type: string) =>
  zip([
    ['mimetype', `application/vnd.oasis.opendocument.${type}`],
    ['META-INF/manifest.xml', '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'],
    ['content.xml', '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'],
  ]);

describe('sniff: accepted files', () => {
  const cases: [DocumentKind, Uint8Array][] = [
    ['pdf', PDF],
    ['png', PNG],
    ['jpeg', JPEG],
    ['gif', GIF],
    ['webp', WEBP],
    ['docx', DOCX],
    ['xlsx', XLSX],
    ['pptx', PPTX],
    ['odt', odf('text')],
    ['ods', odf('spreadsheet')],
    ['odp', odf('presentation')],
    ['doc', OLE2],
    ['xls', OLE2],
    ['ppt', OLE2],
    ['csv', cat([0xef, 0xbb, 0xbf], 'nama,jumlah\r\nDinas Kesehatan,12\r\n')],
    ['csv', cat('nama;anggaran;keterangan\nBappeda;1.250.000,00;"Belanja; modal"\nDisdikbud;980.000,00;—\n')],
    ['csv', cat('kode\tnama\n1\tDiskominfo\n')],
  ];
  it.each(cases)('%s', (kind, bytes) => {
    expect(sniff(bytes, kind)).toEqual({ ok: true });
  });

  it('a LibreOffice-style DOCX ("_rels/.rels" first, "[Content_Types].xml" last)', () => {
    const lo = zip([
      ['_rels/.rels', RELS],
      ['word/document.xml', '<w:document/>'],
      ['[Content_Types].xml', CT],
    ]);
    expect(sniff(lo, 'docx')).toEqual({ ok: true });
  });

  it('a DOCX written with data descriptors (no sizes in the local headers)', () => {
    const streamed = zip(
      [
        ['[Content_Types].xml', CT],
        ['_rels/.rels', RELS],
        ['word/document.xml', '<w:document/>'],
      ],
      true,
    );
    expect(sniff(streamed, 'docx')).toEqual({ ok: true });
  });

  it('only the first 64 KiB are needed: a cut-off PDF and a CSV cut inside a character still pass', () => {
    expect(sniff(PDF.subarray(0, 16), 'pdf')).toEqual({ ok: true });
    const csv = cat('kota,catatan\nPontianak,', 'ñ'.repeat(40_000));
    expect(sniff(csv.subarray(0, csv.length - 1), 'csv')).toEqual({ ok: true });
  });
});

describe('sniff: refused files', () => {
  const EXE = cat('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff], new Uint8Array(50), 'This program cannot be run in DOS mode.');
  const HTML = cat('<!DOCTYPE html>\n<html><head><title>Laporan</title></head><body><script>alert(1)</script></body></html>\n');
  const cases: [string, Uint8Array, DocumentKind, string][] = [
    ['an EXE declared as PDF', EXE, 'pdf', 'exe'],
    ['an HTML page declared as PDF', HTML, 'pdf', 'html'],
    ['an HTML page with a BOM and leading blank lines declared as PDF', cat([0xef, 0xbb, 0xbf], '\n\n  ', HTML), 'pdf', 'html'],
    ['a PNG declared as PDF', PNG, 'pdf', 'png'],
    ['a PDF declared as PNG', PDF, 'png', 'pdf'],
    ['a JPEG declared as PNG', JPEG, 'png', 'jpeg'],
    [
      'a ZIP without Office entries declared as DOCX',
      zip([
        ['laporan.txt', 'isi'],
        ['foto/a.jpg', JPEG],
      ]),
      'docx',
      'zip',
    ],
    ['an XLSX declared as DOCX', XLSX, 'docx', 'xlsx'],
    ['an ODT declared as DOCX', odf('text'), 'docx', 'odt'],
    ['an ODS declared as ODT', odf('spreadsheet'), 'odt', 'ods'],
    ['an ODF drawing declared as ODT', odf('graphics'), 'odt', 'odf (application/vnd.oasis.opendocument.graphics)'],
    [
      'a DOCX with a VBA project (DOCM)',
      zip([
        ['[Content_Types].xml', CT],
        ['word/document.xml', '<w:document/>'],
        ['word/vbaProject.bin', 'VBA'],
      ]),
      'docx',
      'docx-macro',
    ],
    ['an OLE2 file declared as DOCX', OLE2, 'docx', 'ole2'],
    ['a DOCX declared as DOC', DOCX, 'doc', 'docx'],
    ['binary declared as CSV', cat('a,b\n', [0, 1, 2, 0xff, 0xfe], 'c,d\n'), 'csv', 'binary'],
    ['Windows-1252 text declared as CSV', cat('kota,catatan\nPontianak,caf', [0xe9], '\n'), 'csv', 'text'],
    ['an HTML page declared as CSV', HTML, 'csv', 'html'],
    ['a PDF declared as CSV', PDF, 'csv', 'pdf'],
    ['an empty file declared as CSV', new Uint8Array(), 'csv', 'empty'],
    ['an empty file declared as PDF', new Uint8Array(), 'pdf', 'empty'],
    ['a gzip file declared as XLSX', cat([0x1f, 0x8b, 8, 0], new Uint8Array(20)), 'xlsx', 'archive'],
  ];
  it.each(cases)('%s', (_, bytes, declared, detected) => {
    expect(sniff(bytes, declared)).toEqual({ ok: false, detected });
  });

  it('every detected name has a description in both languages', () => {
    for (const [, bytes, declared] of cases) {
      const r = sniff(bytes, declared);
      if (r.ok) throw new Error('expected a refusal');
      const d = describeDetected(r.detected);
      expect(d.id).toBeTruthy();
      expect(d.en).toBeTruthy();
      if (r.detected !== 'binary') expect(d).not.toEqual(describeDetected('binary'));
    }
    expect(describeDetected('exe')).toEqual({ id: 'program Windows (EXE/DLL)', en: 'a Windows program (EXE/DLL)' });
    expect(describeDetected('png')).toEqual(ALLOWED.png.label);
  });
});

describe('kindForUpload', () => {
  it('needs the extension and the content type to agree', () => {
    expect(kindForUpload('Laporan Tahunan 2025.PDF', 'application/pdf')).toBe('pdf');
    expect(kindForUpload('foto.jpg', 'image/jpeg')).toBe('jpeg');
    expect(kindForUpload('foto.JPEG', 'image/jpeg; charset=binary')).toBe('jpeg');
    expect(kindForUpload('rekap.xlsx', ALLOWED.xlsx.contentType)).toBe('xlsx');
    expect(kindForUpload('rekap.ods', ALLOWED.ods.contentType)).toBe('ods');
    expect(kindForUpload('laporan.pdf', 'image/png')).toBeUndefined();
    expect(kindForUpload('laporan.png', 'application/pdf')).toBeUndefined();
    expect(kindForUpload('laporan', 'application/pdf')).toBeUndefined();
    expect(kindForUpload('setup.exe', 'application/octet-stream')).toBeUndefined();
    expect(kindForUpload('laporan.pdf', 'application/octet-stream')).toBeUndefined();
    expect(kindForUpload('laporan.docm', 'application/vnd.ms-word.document.macroEnabled.12')).toBeUndefined();
  });

  it('knows what browsers really report: .csv as application/vnd.ms-excel on Windows with Excel', () => {
    expect(kindForUpload('data.csv', 'text/csv')).toBe('csv');
    expect(kindForUpload('data.csv', 'application/vnd.ms-excel')).toBe('csv');
    expect(kindForUpload('data.xls', 'application/vnd.ms-excel')).toBe('xls');
    expect(kindForUpload('data.xls', 'text/csv')).toBeUndefined();
  });
});

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\System32\\cmd.exe', 'cmd.exe'],
    ['C:\\Users\\petugas\\Desktop\\Laporan.pdf', 'Laporan.pdf'],
    ['lap\u0000oran\u0007\r\n.pdf', 'laporan.pdf'],
    ['tagihan\u202Efdp.exe', 'tagihanfdp.exe'], // right-to-left override, shown as "tagihanexe.pdf"
    ['Laporan Keuangan 2025 (final).pdf', 'Laporan Keuangan 2025 (final).pdf'],
    ['Данные ñandú 資料 ٢٠٢٥.pdf', 'Данные ñandú 資料 ٢٠٢٥.pdf'],
    ['a<b>:"c|?*.pdf', 'a_b_c_.pdf'],
    ['  ..hidden..pdf  ', 'hidden.pdf'],
    ['CON.txt', '_CON.txt'],
    ['', 'dokumen'],
    ['../..', 'dokumen'],
    ['\u0000\u0001', 'dokumen'],
  ])('%j → %j', (input, output) => {
    expect(safeFileName(input)).toBe(output);
  });

  it('keeps at most 120 characters and the extension', () => {
    const long = safeFileName(`${'Rencana Strategis '.repeat(20)}.docx`);
    expect([...long].length).toBeLessThanOrEqual(120);
    expect(long.endsWith('.docx')).toBe(true);
    const astral = safeFileName(`${'𝒜'.repeat(200)}.pdf`);
    expect([...astral].length).toBe(120);
    expect(astral.endsWith('𝒜.pdf')).toBe(true);
  });
});

describe('upload limit and request', () => {
  const saved = process.env.MAX_UPLOAD_BYTES;
  afterEach(() => {
    if (saved === undefined) delete process.env.MAX_UPLOAD_BYTES;
    else process.env.MAX_UPLOAD_BYTES = saved;
  });

  it('maxUploadBytes: MAX_UPLOAD_BYTES when a positive integer, else 25 MB', () => {
    delete process.env.MAX_UPLOAD_BYTES;
    expect(maxUploadBytes()).toBe(DEFAULT_MAX_UPLOAD_BYTES);
    expect(DEFAULT_MAX_UPLOAD_BYTES).toBe(26_214_400);
    process.env.MAX_UPLOAD_BYTES = '10485760';
    expect(maxUploadBytes()).toBe(10_485_760);
    for (const bad of ['0', '-5', 'abc', '1.5', '', '1e9', '99999999999999999999']) {
      process.env.MAX_UPLOAD_BYTES = bad;
      expect(maxUploadBytes(), bad).toBe(DEFAULT_MAX_UPLOAD_BYTES);
    }
  });

  it('formatBytes in both languages', () => {
    expect(formatBytes(DEFAULT_MAX_UPLOAD_BYTES, 'id')).toBe('25 MB');
    expect(formatBytes(1.5 * 1024 * 1024, 'id')).toBe('1,5 MB');
    expect(formatBytes(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
    expect(formatBytes(900, 'en')).toBe('900 byte');
  });

  const good = { fileName: 'Laporan.pdf', contentType: 'application/pdf', size: 1234, sha256: 'a'.repeat(64) };
  /** Every issue message is "id / en"; returns them split, keyed by path. */
  function issues(input: unknown): Record<string, [string, string]> {
    const r = UploadRequest.safeParse(input);
    if (r.success) return {};
    return Object.fromEntries(
      r.error.issues.map((i) => {
        const parts = i.message.split(' / ');
        return [i.path.join('.') || '(root)', [parts[0]!, parts[1]!]];
      }),
    );
  }

  it('accepts a good request', () => {
    expect(UploadRequest.parse(good)).toEqual(good);
  });

  it('explains each bad field in Bahasa Indonesia and English', () => {
    expect(issues({ ...good, fileName: '' })).toEqual({ fileName: ['nama berkas wajib diisi', 'the file name is required'] });
    expect(issues({ ...good, fileName: `${'a'.repeat(200)}.pdf` }).fileName).toEqual([
      'nama berkas paling panjang 200 karakter',
      'the file name may be at most 200 characters',
    ]);
    expect(issues({ ...good, size: 0 }).size).toEqual(['berkas kosong tidak dapat diunggah', 'an empty file cannot be uploaded']);
    expect(issues({ ...good, size: 1.5 }).size?.[1]).toMatch(/whole number of bytes/);
    expect(issues({ ...good, size: DEFAULT_MAX_UPLOAD_BYTES + 1 }).size).toEqual(['berkas melebihi batas 25 MB', 'the file is over the limit of 25 MB']);
    expect(issues({ ...good, sha256: 'A'.repeat(64) }).sha256?.[1]).toBe('sha256 must be 64 lowercase hexadecimal characters');
    expect(issues({ ...good, sha256: 'abc' }).sha256?.[0]).toBe('sha256 harus 64 karakter heksadesimal huruf kecil');
  });

  it('reads the limit when a request is checked', () => {
    process.env.MAX_UPLOAD_BYTES = String(2 * 1024 * 1024);
    expect(issues({ ...good, size: 2 * 1024 * 1024 })).toEqual({});
    expect(issues({ ...good, size: 2 * 1024 * 1024 + 1 }).size).toEqual(['berkas melebihi batas 2 MB', 'the file is over the limit of 2 MB']);
  });

  it('refuses a type that is not accepted, or a name and type that disagree, listing what is accepted', () => {
    const [id, en] = issues({ ...good, fileName: 'setup.exe', contentType: 'application/octet-stream' }).contentType!;
    expect(id).toBe(
      'Jenis berkas "setup.exe" (application/octet-stream) tidak diterima. Jenis yang diterima: PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, DOC, XLS, PPT, PNG, JPG, JPEG, GIF, WEBP, CSV.',
    );
    expect(en).toMatch(/^File type of "setup.exe" \(application\/octet-stream\) is not accepted\. Accepted types: PDF, DOCX/);
    expect(issues({ ...good, fileName: 'foto.png' }).contentType?.[1]).toMatch(/not accepted/);
  });

  it('refuses unknown fields and missing ones', () => {
    expect(UploadRequest.safeParse({ ...good, bucket: 'other' }).success).toBe(false);
    const missing = issues({ fileName: 'a.pdf' });
    expect(Object.keys(missing).sort()).toEqual(['contentType', 'sha256', 'size']);
    expect(missing.size).toEqual(['ukuran berkas dalam byte wajib diisi', 'the file size in bytes is required']);
  });
});
