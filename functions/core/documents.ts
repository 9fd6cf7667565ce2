/**
 * Documents that staff attach to public-information items: which types are accepted, how big they may
 * be, and how a type is recognised by content rather than by name.
 *
 * The flow (adapters/uploads.ts): the API checks an `UploadRequest`, hands the browser a presigned
 * POST bound to one key, one content type and the declared size; the browser sends the file straight
 * to S3; the API then reads the object once and verifies size, type by content (`sniff`) and SHA-256.
 * No AWS imports here.
 */
import * as z from 'zod';
import { message, type Text } from './messages.ts';

export const DEFAULT_MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** The upload limit: `MAX_UPLOAD_BYTES` if it is a positive integer, else 25 MB. Read on every call. */
export function maxUploadBytes(): number {
  const raw = process.env.MAX_UPLOAD_BYTES?.trim();
  const n = raw && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : DEFAULT_MAX_UPLOAD_BYTES;
}

export type DocumentKind = 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp' | 'doc' | 'xls' | 'ppt' | 'png' | 'jpeg' | 'gif' | 'webp' | 'csv';

/** Accepted types. `extensions` carry the dot, so they can go straight into `<input accept>`. */
export const ALLOWED: Record<DocumentKind, { contentType: string; extensions: string[]; label: { id: string; en: string } }> = {
  pdf: { contentType: 'application/pdf', extensions: ['.pdf'], label: { id: 'dokumen PDF', en: 'a PDF document' } },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['.docx'],
    label: { id: 'dokumen Word (DOCX)', en: 'a Word document (DOCX)' },
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['.xlsx'],
    label: { id: 'lembar kerja Excel (XLSX)', en: 'an Excel workbook (XLSX)' },
  },
  pptx: {
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['.pptx'],
    label: { id: 'presentasi PowerPoint (PPTX)', en: 'a PowerPoint presentation (PPTX)' },
  },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', extensions: ['.odt'], label: { id: 'dokumen teks ODT', en: 'an ODT text document' } },
  ods: { contentType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['.ods'], label: { id: 'lembar kerja ODS', en: 'an ODS spreadsheet' } },
  odp: { contentType: 'application/vnd.oasis.opendocument.presentation', extensions: ['.odp'], label: { id: 'presentasi ODP', en: 'an ODP presentation' } },
  doc: { contentType: 'application/msword', extensions: ['.doc'], label: { id: 'dokumen Word lama (DOC)', en: 'a legacy Word document (DOC)' } },
  xls: { contentType: 'application/vnd.ms-excel', extensions: ['.xls'], label: { id: 'lembar kerja Excel lama (XLS)', en: 'a legacy Excel workbook (XLS)' } },
  ppt: {
    contentType: 'application/vnd.ms-powerpoint',
    extensions: ['.ppt'],
    label: { id: 'presentasi PowerPoint lama (PPT)', en: 'a legacy PowerPoint presentation (PPT)' },
  },
  png: { contentType: 'image/png', extensions: ['.png'], label: { id: 'gambar PNG', en: 'a PNG image' } },
  jpeg: { contentType: 'image/jpeg', extensions: ['.jpg', '.jpeg'], label: { id: 'gambar JPEG', en: 'a JPEG image' } },
  gif: { contentType: 'image/gif', extensions: ['.gif'], label: { id: 'gambar GIF', en: 'a GIF image' } },
  webp: { contentType: 'image/webp', extensions: ['.webp'], label: { id: 'gambar WebP', en: 'a WebP image' } },
  csv: { contentType: 'text/csv', extensions: ['.csv'], label: { id: 'tabel CSV (UTF-8)', en: 'a CSV table (UTF-8)' } },
};

const KINDS = Object.keys(ALLOWED) as DocumentKind[];

/**
 * Content types browsers really report for some accepted files. Notably Windows with Excel installed
 * reports `.csv` as `application/vnd.ms-excel`; the extension decides between CSV and XLS.
 */
const ALIASES: Record<string, DocumentKind[]> = {
  'application/vnd.ms-excel': ['csv'],
  'application/csv': ['csv'],
  'text/comma-separated-values': ['csv'],
  'image/jpg': ['jpeg'],
  'image/pjpeg': ['jpeg'],
  'application/x-pdf': ['pdf'],
};

/** The accepted kind when the file name's extension and the content type agree, else undefined. */
export function kindForUpload(fileName: string, contentType: string): DocumentKind | undefined {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return undefined;
  const ext = fileName.slice(dot).toLowerCase();
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return KINDS.find((k) => ALLOWED[k].extensions.includes(ext) && (ALLOWED[k].contentType === type || ALIASES[type]?.includes(k)));
}

/** "PDF, DOCX, XLSX, …" for messages. */
export function allowedList(): string {
  return [...new Set(KINDS.flatMap((k) => ALLOWED[k].extensions.map((e) => e.slice(1).toUpperCase())))].join(', ');
}

// ---------------------------------------------------------------------------------------------------
// Type by content

/** How many leading bytes `sniff` wants to see. */
export const SNIFF_BYTES = 64 * 1024;

const ascii = (b: Uint8Array, at: number, s: string) => b.length >= at + s.length && [...s].every((c, i) => b[at + i] === c.charCodeAt(0));
const bytes = (b: Uint8Array, at: number, sig: number[]) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = 0x04034b50;

interface ZipEntry {
  name: string;
  /** Stored content when the entry is uncompressed and lies within the bytes seen. */
  stored?: Uint8Array;
}

/**
 * Walks the ZIP local file headers within `b`. Entries written with a data descriptor (flag bit 3)
 * carry no size in their header, so for those the walk searches for the next header signature.
 */
function zipEntries(b: Uint8Array): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let at = 0;
  while (at + 30 <= b.length && u32(b, at) === ZIP_LOCAL && entries.length < 1000) {
    const flags = u16(b, at + 6);
    const method = u16(b, at + 8);
    const compressed = u32(b, at + 18);
    const nameLength = u16(b, at + 26);
    const extraLength = u16(b, at + 28);
    const dataAt = at + 30 + nameLength + extraLength;
    if (at + 30 + nameLength > b.length) break;
    const name = new TextDecoder().decode(b.subarray(at + 30, at + 30 + nameLength));
    const sizeKnown = !(flags & 0x08) || compressed > 0;
    const entry: ZipEntry = { name };
    if (method === 0 && sizeKnown && dataAt + compressed <= b.length) entry.stored = b.subarray(dataAt, dataAt + compressed);
    entries.push(entry);
    if (sizeKnown) at = dataAt + compressed;
    else {
      // Next "PK\x03\x04" after this entry's data.
      let next = dataAt;
      while (next + 4 <= b.length && u32(b, next) !== ZIP_LOCAL) next++;
      at = next;
    }
  }
  return entries;
}

const ODF: Record<string, DocumentKind> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

/** What a ZIP holds: an OOXML or ODF kind, `*-macro` for macro-enabled Office files, or plain `zip`. */
function zipKind(b: Uint8Array): string {
  const entries = zipEntries(b);
  // ODF: the first entry is "mimetype", stored, naming the document type (ODF 1.2 §3.3).
  const first = entries[0];
  if (first?.name === 'mimetype' && first.stored) {
    const type = new TextDecoder().decode(first.stored).trim();
    return ODF[type] ?? `odf (${type})`;
  }
  // OOXML (ECMA-376 Part 2): "[Content_Types].xml" plus the main part under word/, xl/ or ppt/.
  // Microsoft Office writes "[Content_Types].xml" first; LibreOffice writes it last but starts
  // with "_rels/.rels", which every OPC package has too.
  const names = entries.map((e) => e.name);
  if (!names.some((n) => n === '[Content_Types].xml' || n === '_rels/.rels')) return 'zip';
  const kind = names.some((n) => n.startsWith('word/'))
    ? 'docx'
    : names.some((n) => n.startsWith('xl/'))
      ? 'xlsx'
      : names.some((n) => n.startsWith('ppt/'))
        ? 'pptx'
        : 'zip';
  // A VBA project makes it a .docm/.xlsm/.pptm, which the accepted types leave out on purpose.
  return kind !== 'zip' && names.some((n) => /^(word|xl|ppt)\/vbaProject\.bin$/.test(n)) ? `${kind}-macro` : kind;
}

/** CSV: UTF-8 (BOM allowed), no NUL or other control bytes, and something that separates values. */
function isCsv(b: Uint8Array): boolean {
  let text: string;
  try {
    // stream: true tolerates a character cut in two at the end of the bytes seen.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(b, { stream: true });
  } catch {
    return false;
  }
  if (!text.trim()) return false;
  // Tab, LF and CR are the only control characters a CSV has (C0, DEL and C1 are refused).
  if (/(?![\t\n\r])\p{Cc}/u.test(text)) return false;
  return /[,;\t\n]/.test(text);
}

/** A name for what the bytes are, used when they are not what was declared. */
function identify(b: Uint8Array): string {
  if (ascii(b, 0, '%PDF-')) return 'pdf';
  if (bytes(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (bytes(b, 0, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return 'gif';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return 'webp';
  if (bytes(b, 0, OLE2)) return 'ole2';
  if (b.length >= 4 && u32(b, 0) === ZIP_LOCAL) return zipKind(b);
  if (ascii(b, 0, 'MZ')) return 'exe';
  if (bytes(b, 0, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  if (ascii(b, 0, 'Rar!') || bytes(b, 0, [0x37, 0x7a, 0xbc, 0xaf]) || bytes(b, 0, [0x1f, 0x8b])) return 'archive';
  if (ascii(b, 0, '{\\rtf')) return 'rtf';
  const start = new TextDecoder()
    .decode(b.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/^<(!doctype html|html|head|body|script)\b/.test(start)) return 'html';
  if (/^<(\?xml|svg)\b/.test(start)) return 'xml';
  if (b.length === 0) return 'empty';
  if (isCsv(b)) return 'csv';
  return b.includes(0) ? 'binary' : 'text';
}

/**
 * Type by content: the magic bytes of the first bytes (give it at least the first 64 KiB, `SNIFF_BYTES`,
 * or the whole file when smaller). ZIP-based formats (OOXML, ODF) are recognised by the entries in
 * their local file headers; OLE2 (D0 CF 11 E0 A1 B1 1A E1) stands for any of doc/xls/ppt, so the
 * declared one of those three is accepted; CSV must be UTF-8 text that separates values.
 */
export function sniff(head: Uint8Array, declared: DocumentKind): { ok: true } | { ok: false; detected: string } {
  // Magic bytes first, so that a text-only PDF or an HTML page never passes as CSV.
  const detected = identify(head);
  if (detected === declared) return { ok: true };
  if (detected === 'ole2' && (declared === 'doc' || declared === 'xls' || declared === 'ppt')) return { ok: true };
  return { ok: false, detected };
}

/** How much of the end of a file `checkEnd` reads. */
export const TAIL_BYTES = 64 * 1024;
/** What an office file may inflate to: far above any real document, far below a ZIP bomb. */
export const MAX_INFLATED_BYTES = 512 * 1024 * 1024;
const ZIP_KINDS: ReadonlySet<DocumentKind> = new Set(['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp']);
const ZIP_END = 0x06054b50;
const ZIP_CENTRAL = 0x02014b50;

/**
 * The structure at the end of a file whose first bytes passed `sniff`: magic bytes alone would let an
 * HTML page that starts with "%PDF-" through, or an office file that inflates to gigabytes.
 * - PDF: "%%EOF" in its last kilobyte after a cross-reference ("startxref" or a "trailer"), no HTML
 *   markup in its first kilobyte.
 * - OOXML and ODF: the ZIP's central directory (in the tail) declares at most `MAX_INFLATED_BYTES` in
 *   all and no entry inflating more than 1,000 times its compressed size.
 */
export function checkEnd(kind: DocumentKind, head: Uint8Array, tail: Uint8Array, size: number): { ok: true } | { ok: false; detected: string } {
  if (kind === 'pdf') {
    // As readers do: "%%EOF" within the last 1,024 bytes.
    const end = new TextDecoder('latin1').decode(tail.subarray(Math.max(0, tail.length - 1024)));
    const start = new TextDecoder('latin1').decode(head.subarray(0, 1024)).toLowerCase();
    if (!end.includes('%%EOF') || !/startxref|trailer/.test(new TextDecoder('latin1').decode(tail))) return { ok: false, detected: 'pdf-broken' };
    if (/<(!doctype html|html|head|body|script|iframe|svg)\b/.test(start)) return { ok: false, detected: 'html' };
    return { ok: true };
  }
  if (!ZIP_KINDS.has(kind)) return { ok: true };
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0 && i >= tail.length - 22 - 0xffff; i--) {
    if (u32(tail, i) === ZIP_END) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, detected: 'zip-broken' };
  const entries = u16(tail, eocd + 10);
  const cdSize = u32(tail, eocd + 12);
  const cdOffset = u32(tail, eocd + 16);
  // Where the central directory starts within the tail (the tail ends where the file ends).
  const cdAt = cdOffset - (size - tail.length);
  if (cdOffset === 0xffffffff || cdAt < 0 || cdAt + cdSize > eocd) return entries > 5000 ? { ok: false, detected: 'zip-bomb' } : { ok: true };
  let total = 0;
  for (let at = cdAt, n = 0; n < entries && at + 46 <= eocd; n++) {
    if (u32(tail, at) !== ZIP_CENTRAL) return { ok: false, detected: 'zip-broken' };
    const compressed = u32(tail, at + 20);
    const inflated = u32(tail, at + 24);
    if (inflated === 0xffffffff || inflated > 1000 * Math.max(compressed, 1024)) return { ok: false, detected: 'zip-bomb' };
    total += inflated;
    at += 46 + u16(tail, at + 28) + u16(tail, at + 30) + u16(tail, at + 32);
  }
  return total > MAX_INFLATED_BYTES ? { ok: false, detected: 'zip-bomb' } : { ok: true };
}

const DETECTED: Record<string, Text> = {
  'pdf-broken': { id: 'berkas yang diawali tanda PDF tetapi bukan PDF utuh', en: 'a file that starts like a PDF but is not a whole PDF' },
  'zip-broken': { id: 'dokumen Office yang rusak (arsip ZIP tidak utuh)', en: 'a damaged office document (incomplete ZIP)' },
  'zip-bomb': {
    id: 'dokumen Office yang isinya mengembang berlebihan saat dibuka (lebih dari 512 MB)',
    en: 'an office document that inflates far too much when opened (over 512 MB)',
  },
  ole2: { id: 'dokumen Office lama (DOC, XLS atau PPT)', en: 'a legacy Office document (DOC, XLS or PPT)' },
  zip: { id: 'arsip ZIP', en: 'a ZIP archive' },
  'docx-macro': { id: 'dokumen Word bermakro (DOCM)', en: 'a Word document with macros (DOCM)' },
  'xlsx-macro': { id: 'lembar kerja Excel bermakro (XLSM)', en: 'an Excel workbook with macros (XLSM)' },
  'pptx-macro': { id: 'presentasi PowerPoint bermakro (PPTM)', en: 'a PowerPoint presentation with macros (PPTM)' },
  exe: { id: 'program Windows (EXE/DLL)', en: 'a Windows program (EXE/DLL)' },
  elf: { id: 'program Linux (ELF)', en: 'a Linux program (ELF)' },
  archive: { id: 'arsip terkompresi (RAR, 7z atau gzip)', en: 'a compressed archive (RAR, 7z or gzip)' },
  rtf: { id: 'dokumen RTF', en: 'an RTF document' },
  html: { id: 'halaman web (HTML)', en: 'a web page (HTML)' },
  xml: { id: 'berkas XML atau SVG', en: 'an XML or SVG file' },
  empty: { id: 'berkas kosong', en: 'an empty file' },
  text: { id: 'teks yang bukan CSV UTF-8', en: 'text that is not UTF-8 CSV' },
  binary: { id: 'data biner yang tidak dikenal', en: 'unrecognised binary data' },
};

/** A person's description of what `sniff` detected. */
export function describeDetected(detected: string): Text {
  if (detected in ALLOWED) return ALLOWED[detected as DocumentKind].label;
  if (detected.startsWith('odf (')) return { id: `dokumen OpenDocument lain ${detected.slice(4)}`, en: `another OpenDocument type ${detected.slice(4)}` };
  return DETECTED[detected] ?? DETECTED.binary!;
}

// ---------------------------------------------------------------------------------------------------
// Names and the upload request

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

/**
 * A file name safe to store and to offer for download: no folders, no control or bidi-override
 * characters, only letters, marks and digits of any script plus space . - _ ( ), at most 120
 * characters (keeping the extension), never empty.
 */
export function safeFileName(name: string): string {
  let s = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  s = s.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '');
  s = s.replace(/[^\p{L}\p{M}\p{N} ._()-]/gu, '_');
  s = s
    .replace(/\s+/g, ' ')
    .replace(/_+/g, '_')
    .replace(/\.{2,}/g, '.');
  s = s.replace(/^[\s.]+|[\s.]+$/g, '');
  if (WINDOWS_RESERVED.test(s)) s = `_${s}`;
  if (!s || /^[_\s.-]*$/.test(s)) return 'dokumen';
  const chars = [...s]; // by code point, so a letter outside the BMP is never cut in half
  if (chars.length <= 120) return s;
  const dot = s.lastIndexOf('.');
  const ext = dot > 0 && s.length - dot <= 10 ? s.slice(dot) : '';
  const base = [...s.slice(0, s.length - ext.length)]
    .slice(0, 120 - ext.length)
    .join('')
    .trimEnd();
  return base + ext;
}

/** Writes a catalogue message in the "id / en" form that the API splits into its two languages. */
const bilingual = (t: Text) => `${t.id} / ${t.en}`;

/** "25 MB", "1.5 MB" / "1,5 MB", "900 KB", "12 byte". */
export function formatBytes(n: number, lang: 'id' | 'en'): string {
  const [value, unit] = n >= 1024 * 1024 ? [n / (1024 * 1024), 'MB'] : n >= 1024 ? [n / 1024, 'KB'] : [n, 'byte'];
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${lang === 'id' ? text.replace('.', ',') : text} ${unit}`;
}

/** What the browser declares before it gets an upload ticket. */
export const UploadRequest = z
  .strictObject({
    fileName: z
      .string()
      .min(1, 'nama berkas wajib diisi / the file name is required')
      .max(200, 'nama berkas paling panjang 200 karakter / the file name may be at most 200 characters'),
    contentType: z.string('jenis isi (content type) wajib diisi / the content type is required'),
    size: z
      .number('ukuran berkas dalam byte wajib diisi / the file size in bytes is required')
      .int('ukuran berkas harus bilangan bulat (byte) / the file size must be a whole number of bytes')
      .min(1, 'berkas kosong tidak dapat diunggah / an empty file cannot be uploaded')
      // The limit is read when a request is checked, so MAX_UPLOAD_BYTES applies without a reload.
      .refine((n) => n <= maxUploadBytes(), {
        error: () => {
          const limit = maxUploadBytes();
          return `berkas melebihi batas ${formatBytes(limit, 'id')} / the file is over the limit of ${formatBytes(limit, 'en')}`;
        },
      }),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 harus 64 karakter heksadesimal huruf kecil / sha256 must be 64 lowercase hexadecimal characters'),
  })
  .superRefine((r, ctx) => {
    // Zod runs this even when a field failed; judge the pair only when both are there.
    if (r.fileName && typeof r.contentType === 'string' && !kindForUpload(r.fileName, r.contentType)) {
      ctx.addIssue({
        code: 'custom',
        path: ['contentType'],
        input: r.contentType,
        // " / " separates the two languages, so it must not appear inside a quoted value.
        message: bilingual(
          message('upload_type_not_allowed', {
            fileName: r.fileName.replaceAll(' / ', '/'),
            contentType: r.contentType.replaceAll(' / ', '/'),
            allowed: allowedList(),
          }),
        ),
      });
    }
  });
export type UploadRequest = z.infer<typeof UploadRequest>;
