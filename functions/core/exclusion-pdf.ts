/**
 * The two printable PDFs of an exclusion (SOP 002, kept as softcopy and hardcopy):
 *
 *   - the consequence-test sheet (Lembar Uji Konsekuensi, Perki 1/2017), with an empty signature
 *     column for the participants;
 *   - the classification decree (Surat Penetapan) that sets the information in the DIK.
 *
 * Pure: no AWS, no file system, no clock. Every date comes from the exclusion, and the output is
 * byte-identical for the same input (pdf-lib writes no /ID and seeds its resource names), so a
 * retried workflow task stores the same file again.
 *
 * The standard fonts (Helvetica) encode WinAnsi only: every text goes through `winAnsiSafe`, so a
 * user's emoji or CJK text prints as "?" instead of throwing.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { localDateOf } from './calendar.ts';
import { type Exclusion, type LegalBasis, legalBasisText, PASAL_17_TEXT } from './exclusion-model.ts';

export interface PdfContext {
  publicBody: { name: string };
  /** The unit holding the information. With `timezone`, instants print as that zone's local dates. */
  agency: { name: string; address?: string; timezone?: string };
}

// ---------------------------------------------------------------------------------------------
// Text: WinAnsi, dates

/** The code points above Latin-1 that WinAnsi (Windows-1252) encodes in 0x80–0x9F. */
const WIN_ANSI_HIGH = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((c) => c.codePointAt(0)!));

const encodable = (cp: number) => (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_HIGH.has(cp);

/** Common characters outside WinAnsi that NFKD does not reduce, and their nearest WinAnsi text. */
const WIN_ANSI_MAP: Record<string, string> = {
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '–', // figure dash
  '\u2015': '—', // horizontal bar
  '\u2212': '-', // minus sign
  '\u2043': '-', // hyphen bullet
  '\u2044': '/', // fraction slash (from NFKD of ⅓ etc.)
  '\u2215': '/', // division slash
  '\u201b': '‘',
  '\u201f': '“',
  '\u2032': "'", // prime
  '\u2033': '"', // double prime
  '\u2027': '·',
  '\u2219': '·',
  '\u2023': '•', // triangular bullet
  '\u25e6': '•', // white bullet
  '\u25cf': '•', // black circle
  '\u2192': '->',
  '\u2190': '<-',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u0131': 'i', // dotless i
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'Ð',
  '\u0111': 'd',
  '\u0127': 'h',
  '\u0126': 'H',
  '\u2116': 'No.', // numero sign
};

/** Invisible characters that are dropped rather than printed as "?". */
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{M}]$/u;
/** WinAnsi has it, but Helvetica prints it as a visible hyphen in the middle of a word: dropped. */
const SOFT_HYPHEN = '\u00ad';
const WHITESPACE = /^\s$/u;

/**
 * The text as the standard PDF fonts can print it: whatever WinAnsi encodes stays (Indonesian text,
 * curly quotes, en and em dashes, the euro sign); other characters are reduced to their base letters
 * (NFKD without combining marks, so "ā" becomes "a" and a full-width "Ａ" becomes "A") or a common
 * equivalent; whitespace becomes a space, invisible format characters disappear, and anything else
 * (emoji, CJK, lone surrogates) becomes "?". Soft hyphens are dropped. Never throws.
 */
export function winAnsiSafe(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    if (ch === SOFT_HYPHEN) continue;
    if (encodable(cp)) out += ch;
    else if (WHITESPACE.test(ch)) out += ' ';
    else if (WIN_ANSI_MAP[ch] !== undefined) out += WIN_ANSI_MAP[ch];
    else if (INVISIBLE.test(ch)) continue;
    else {
      let reduced = '';
      for (const part of ch.normalize('NFKD')) {
        const p = part.codePointAt(0)!;
        if (encodable(p)) reduced += part;
        else if (WIN_ANSI_MAP[part] !== undefined) reduced += WIN_ANSI_MAP[part];
        else if (!INVISIBLE.test(part)) {
          reduced = '';
          break;
        }
      }
      out += reduced || '?';
    }
  }
  return out;
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "2026-11-22" → "22 November 2026"; anything else is returned as it is. */
export function indonesianDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return isoDate;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** The local date of an instant: in the agency's time zone when known, else the date part of the ISO string. */
function dateOf(instant: string, ctx: PdfContext): string {
  const tz = ctx.agency.timezone;
  if (tz) {
    const d = new Date(instant);
    if (!Number.isNaN(d.getTime())) return localDateOf(d, tz);
  }
  return instant.slice(0, 10);
}

const longDateOf = (instant: string, ctx: PdfContext) => indonesianDate(dateOf(instant, ctx));

/** The date of the consequence test: as recorded, else the day it was proposed. */
const testDate = (ex: Exclusion, ctx: PdfContext) => indonesianDate(ex.test.testedOn ?? dateOf(ex.proposedAt, ctx));

/**
 * Metadata is UTF-16 and may hold any text, but a lone surrogate makes readers give up on the whole
 * string, and control characters have no place there.
 */
function metaText(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd').replace(/\p{Cc}+/gu, ' ');
}

/** A Date for the document metadata, or undefined when the input is not a valid instant. */
function metaDate(iso: string | undefined): Date | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

// ---------------------------------------------------------------------------------------------
// Layout: A4 portrait, 2 cm margins, wrapped text across lines and pages

const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = 56.69; // 2 cm
const LEFT = MARGIN;
const RIGHT = PAGE[0] - MARGIN;
const TOP = PAGE[1] - MARGIN;
const BOTTOM = MARGIN;
const WIDTH = RIGHT - LEFT;
const BODY = 10.5;
const SMALL = 9;
const LEADING = 1.35;
const BLACK = rgb(0, 0, 0);

interface Style {
  bold?: boolean;
  size?: number;
  align?: 'left' | 'center' | 'right';
}

/** Splits text into lines no wider than `width`: paragraphs at line breaks, words at spaces, over-long words by character. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  const space = font.widthOfTextAtSize(' ', size);
  for (const paragraph of text.split(/\r\n|[\n\r\u2028\u2029]/)) {
    const words = winAnsiSafe(paragraph).split(' ').filter(Boolean);
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let line = '';
    let lineWidth = 0;
    for (let word of words) {
      let w = font.widthOfTextAtSize(word, size);
      if (line && lineWidth + space + w <= width) {
        line += ` ${word}`;
        lineWidth += space + w;
        continue;
      }
      if (line) lines.push(line);
      while (w > width && word.length > 1) {
        let n = 1;
        while (n < word.length && font.widthOfTextAtSize(word.slice(0, n + 1), size) <= width) n++;
        lines.push(word.slice(0, n));
        word = word.slice(n);
        w = font.widthOfTextAtSize(word, size);
      }
      line = word;
      lineWidth = w;
    }
    lines.push(line);
  }
  return lines;
}

/** The text cut to fit `width`, ending in "…" when cut. */
function fitText(text: string, font: PDFFont, size: number, width: number): string {
  const safe = winAnsiSafe(text).replace(/\s+/g, ' ');
  if (font.widthOfTextAtSize(safe, size) <= width) return safe;
  let n = safe.length;
  while (n > 0 && font.widthOfTextAtSize(`${safe.slice(0, n)}…`, size) > width) n--;
  return `${safe.slice(0, n).trimEnd()}…`;
}

interface Column {
  title: string;
  width: number;
  align?: 'left' | 'center';
}

class Layout {
  page!: PDFPage;
  /** The top of the next line. */
  y = 0;

  private constructor(
    readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly boldFont: PDFFont,
  ) {
    this.addPage();
  }

  static async create(): Promise<Layout> {
    // No metadata from pdf-lib: it would stamp the current time.
    const doc = await PDFDocument.create({ updateMetadata: false });
    return new Layout(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  }

  font(style: Style = {}): PDFFont {
    return style.bold ? this.boldFont : this.regular;
  }

  lineHeight(style: Style = {}): number {
    return (style.size ?? BODY) * LEADING;
  }

  addPage(): void {
    this.page = this.doc.addPage(PAGE);
    this.y = TOP;
  }

  /** Starts a new page unless `height` fits above the bottom margin. */
  room(height: number): void {
    if (this.y - height < BOTTOM && this.y < TOP) this.addPage();
  }

  gap(height = BODY * 0.6): void {
    this.y -= height;
  }

  /** One already wrapped line at the cursor's baseline, without moving the cursor. */
  private drawLine(line: string, x: number, width: number, style: Style): void {
    if (!line) return;
    const font = this.font(style);
    const size = style.size ?? BODY;
    const w = font.widthOfTextAtSize(line, size);
    const dx = style.align === 'center' ? (width - w) / 2 : style.align === 'right' ? width - w : 0;
    this.page.drawText(line, { x: x + dx, y: this.y - size, size, font, color: BLACK });
  }

  /** Wrapped text in [x, x + width], breaking pages between lines. */
  text(text: string, style: Style & { x?: number; width?: number } = {}): void {
    const x = style.x ?? LEFT;
    const width = style.width ?? RIGHT - x;
    const lh = this.lineHeight(style);
    for (const line of wrapText(text, this.font(style), style.size ?? BODY, width)) {
      this.room(lh);
      this.drawLine(line, x, width, style);
      this.y -= lh;
    }
  }

  /**
   * Text in columns that share lines: a label column and the rest, a marker and its hanging text.
   * Each column is [text, x, width, style]; the row breaks pages between lines.
   */
  columns(cols: [string, number, number, Style?][], lineStyle: Style = {}): void {
    const styles = cols.map(([, , , s]) => ({ ...lineStyle, ...s }));
    const wrapped = cols.map(([t, , w], c) => wrapText(t, this.font(styles[c]), styles[c]!.size ?? BODY, w));
    const lh = this.lineHeight(lineStyle);
    const n = Math.max(...wrapped.map((l) => l.length));
    for (let i = 0; i < n; i++) {
      this.room(lh);
      cols.forEach(([, x, w], c) => {
        this.drawLine(wrapped[c]![i] ?? '', x, w, styles[c]!);
      });
      this.y -= lh;
    }
  }

  /** A marked item with a hanging indent: "1." then the text, wrapped under itself. */
  item(marker: string, text: string, x = LEFT, markerWidth = 20): void {
    this.columns([
      [marker, x, markerWidth],
      [text, x + markerWidth, RIGHT - x - markerWidth],
    ]);
  }

  /** "Label : value", the value wrapped in its own column. */
  field(label: string, value: string, x = LEFT, labelWidth = 150): void {
    this.columns([
      [label, x, labelWidth - 10],
      [':', x + labelWidth - 8, 8],
      [value, x + labelWidth, RIGHT - x - labelWidth],
    ]);
  }

  /** A heading kept with at least two lines of what follows. */
  heading(text: string, style: Style = { bold: true }): void {
    this.gap(BODY * 0.5);
    this.room(this.lineHeight(style) + 2 * this.lineHeight());
    this.text(text, style);
    this.gap(2);
  }

  rule(thickness = 0.75, gapAfter = 3): void {
    this.page.drawLine({ start: { x: LEFT, y: this.y }, end: { x: RIGHT, y: this.y }, thickness, color: BLACK });
    this.y -= thickness + gapAfter;
  }

  /** A bordered table; a row that does not fit starts a new page under a repeated header. */
  table(columns: Column[], rows: string[][], minRowHeight = 0): void {
    const pad = 4;
    const size = BODY - 0.5;
    const lh = size * LEADING;
    const header = columns.map((c) => c.title);
    const measure = (cells: string[], bold: boolean) => {
      const lines = cells.map((t, i) => wrapText(t, this.font({ bold }), size, columns[i]!.width - 2 * pad));
      const height = Math.max(...lines.map((l) => l.length)) * lh + 2 * pad;
      return { lines, height: bold ? height : Math.max(minRowHeight, height) };
    };
    const draw = ({ lines, height }: ReturnType<typeof measure>, bold: boolean) => {
      let x = LEFT;
      columns.forEach((col, i) => {
        this.page.drawRectangle({ x, y: this.y - height, width: col.width, height, borderColor: BLACK, borderWidth: 0.5 });
        const saved = this.y;
        this.y -= pad;
        for (const line of lines[i]!) {
          this.drawLine(line, x + pad, col.width - 2 * pad, { bold, size, align: bold ? 'center' : col.align });
          this.y -= lh;
        }
        this.y = saved;
        x += col.width;
      });
      this.y -= height;
    };
    const head = measure(header, true);
    const body = rows.map((row) => measure(row, false));
    this.room(head.height + (body[0]?.height ?? 0));
    draw(head, true);
    for (const row of body) {
      if (this.y - row.height < BOTTOM) {
        this.addPage();
        draw(head, true);
      }
      draw(row, false);
    }
  }

  /** The letterhead: body, unit, address, and a double rule. */
  letterhead(ctx: PdfContext): void {
    this.text(ctx.publicBody.name.toUpperCase(), { bold: true, size: 13, align: 'center' });
    this.text(ctx.agency.name.toUpperCase(), { bold: true, size: 12, align: 'center' });
    if (ctx.agency.address) this.text(ctx.agency.address, { size: SMALL, align: 'center' });
    this.gap(4);
    this.rule(1.5, 1.5);
    this.rule(0.5, 12);
  }

  /** The footer on every page: what the document is, and "Halaman n dari m". */
  footer(label: string): void {
    const pages = this.doc.getPages();
    const font = this.font();
    const size = 8;
    const y = MARGIN / 2;
    pages.forEach((page, i) => {
      const number = `Halaman ${i + 1} dari ${pages.length}`;
      const w = font.widthOfTextAtSize(number, size);
      page.drawText(number, { x: RIGHT - w, y, size, font, color: BLACK });
      page.drawText(fitText(label, font, size, WIDTH - w - 24), { x: LEFT, y, size, font, color: BLACK });
    });
  }

  async save(meta: { title: string; subject: string; author: string; keywords?: string[]; created?: string; modified?: string }): Promise<Uint8Array> {
    const { doc } = this;
    doc.setTitle(metaText(meta.title), { showInWindowTitleBar: true });
    doc.setSubject(metaText(meta.subject));
    doc.setAuthor(metaText(meta.author));
    if (meta.keywords?.length) doc.setKeywords(meta.keywords.map(metaText));
    doc.setCreator('SIP PPID');
    doc.setProducer('SIP PPID');
    doc.setLanguage('id-ID');
    const created = metaDate(meta.created);
    const modified = metaDate(meta.modified) ?? created;
    if (created) doc.setCreationDate(created);
    if (modified) doc.setModificationDate(modified);
    return doc.save();
  }
}

// ---------------------------------------------------------------------------------------------
// Shared wording

/** Each ground of the legal basis on its own line, Pasal 17 letters with their text. */
function legalBasisLines(b: LegalBasis): string[] {
  return [...b.pasal17.map((l) => `UU 14/2008 Pasal 17 huruf ${l}: ${PASAL_17_TEXT[l].id}`), ...b.otherLaws.map((l) => `${l.law}, ${l.article}`)];
}

const NO_TIME_LIMIT = 'tanpa batas waktu (Pasal 17 huruf g/h)';

// ---------------------------------------------------------------------------------------------
// Lembar Uji Konsekuensi

/** The consequence-test sheet (Perki 1/2017) of an exclusion, as proposed, and the Atasan PPID's decision if made. */
export async function consequenceTestSheetPdf(ex: Exclusion, ctx: PdfContext): Promise<Uint8Array> {
  const t = ex.test;
  const L = await Layout.create();
  L.letterhead(ctx);
  L.text('LEMBAR UJI KONSEKUENSI INFORMASI YANG DIKECUALIKAN', { bold: true, size: 12.5, align: 'center' });
  L.text('Peraturan Komisi Informasi Nomor 1 Tahun 2017 tentang Pengklasifikasian Informasi Publik', { size: SMALL, align: 'center' });
  L.gap(10);

  L.field('Badan Publik', ctx.publicBody.name);
  L.field('Unit / Perangkat Daerah', ctx.agency.name);
  if (ex.itemNumber) L.field('Informasi terkait (DIP)', ex.itemNumber);
  L.field('Diusulkan oleh', `${ex.proposedBy}, ${longDateOf(ex.proposedAt, ctx)}${ex.round > 1 ? ` (usulan ke-${ex.round})` : ''}`);

  const section = (n: number, title: string) => L.heading(`${n}. ${title}`);
  const indent = LEFT + 18;

  section(1, 'Dokumen yang diuji');
  t.documents.forEach((d, i) => {
    L.item(`${i + 1})`, d.reference ? `${d.title}\nNomor/rujukan: ${d.reference}` : d.title, indent);
  });

  section(2, 'Informasi yang dikecualikan');
  L.text(t.title, { x: indent, bold: true });
  L.gap(3);
  L.text(t.description, { x: indent });

  section(3, 'Dasar hukum');
  legalBasisLines(t.legalBasis).forEach((line, i) => {
    L.item(`${i + 1})`, line, indent);
  });

  section(4, 'Konsekuensi bila informasi dibuka');
  L.text(t.consequence.ifOpened, { x: indent });

  section(5, 'Pertimbangan kepentingan publik');
  L.text(t.consequence.publicInterest, { x: indent });

  section(6, 'Jangka waktu pengecualian');
  L.text(
    t.period.until
      ? `Berakhir pada ${indonesianDate(t.period.until)}; sejak tanggal tersebut informasi wajib dibuka kembali atau diuji ulang.`
      : `Dikecualikan ${NO_TIME_LIMIT}.`,
    { x: indent },
  );

  section(7, 'Peserta uji konsekuensi');
  L.table(
    [
      { title: 'No', width: 28, align: 'center' },
      { title: 'Nama', width: 160 },
      { title: 'Jabatan', width: 170 },
      { title: 'Tanda tangan', width: WIDTH - 28 - 160 - 170 },
    ],
    t.participants.map((p, i) => [String(i + 1), p.name, p.position, '']),
    34,
  );
  L.gap(10);
  L.field('Tanggal uji konsekuensi', testDate(ex, ctx));

  if (ex.decision) {
    const d = ex.decision;
    L.heading('Keputusan Atasan PPID');
    L.field(
      'Keputusan',
      d.decision === 'ya'
        ? 'Ya: disetujui untuk ditetapkan sebagai informasi yang dikecualikan'
        : 'Tidak: tidak disetujui untuk ditetapkan sebagai informasi yang dikecualikan',
    );
    L.field('Oleh', d.by);
    L.field('Tanggal', longDateOf(d.at, ctx));
    if (d.note) L.field('Catatan', d.note);
  }

  L.footer(`Lembar Uji Konsekuensi – ${t.title}`);
  return L.save({
    title: `Lembar Uji Konsekuensi: ${t.title}`,
    subject: `Uji konsekuensi informasi yang dikecualikan (Perki 1/2017), ${ctx.agency.name}`,
    author: ctx.publicBody.name,
    keywords: ['uji konsekuensi', 'informasi yang dikecualikan', ex.exclusionId],
    created: ex.proposedAt,
    modified: ex.decision?.at ?? ex.proposedAt,
  });
}

// ---------------------------------------------------------------------------------------------
// Surat Penetapan

/** The classification decree (Surat Penetapan) that sets the information in the DIK. Requires `ex.decree` and `ex.dik`. */
export async function decreePdf(ex: Exclusion, ctx: PdfContext): Promise<Uint8Array> {
  const decree = ex.decree;
  const dik = ex.dik;
  if (!decree || !dik) throw new Error(`decreePdf: exclusion ${ex.exclusionId} has no ${decree ? 'DIK number' : 'decree'} yet`);
  const t = ex.test;
  const official = decree.official;
  const until = dik.until ?? t.period.until;
  const decreeDate = indonesianDate(decree.date);
  const placeAndDate = `${decree.place}, ${decreeDate}`;

  const L = await Layout.create();
  L.letterhead(ctx);
  const title = { bold: true, size: 12, align: 'center' } as const;
  L.text(`KEPUTUSAN PPID ${ctx.publicBody.name.toUpperCase()}`, title);
  L.text(`NOMOR ${decree.number}`, title);
  L.gap(4);
  L.text('TENTANG', title);
  L.text('PENETAPAN INFORMASI YANG DIKECUALIKAN', title);
  L.gap(12);
  L.text(`PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI ${ctx.publicBody.name.toUpperCase()},`, { bold: true, align: 'center' });
  L.gap(8);

  const labelWidth = 80;
  const body = LEFT + labelWidth + 10;
  /** "Menimbang : a. …", the label on the first item's first line. */
  const list = (label: string, items: string[], marker: (i: number) => string) => {
    items.forEach((text, i) => {
      L.columns([
        [i === 0 ? label : '', LEFT, labelWidth],
        [i === 0 ? ':' : '', LEFT + labelWidth, 8],
        [marker(i), body, 20],
        [text, body + 20, RIGHT - body - 20],
      ]);
    });
    L.gap(6);
  };
  const letter = (i: number) => `${String.fromCharCode(97 + i)}.`;
  const number = (i: number) => `${i + 1}.`;

  list(
    'Menimbang',
    [
      `bahwa berdasarkan uji konsekuensi tanggal ${testDate(ex, ctx)}, informasi "${t.title}" yang dikuasai ${ctx.agency.name} memenuhi alasan pengecualian menurut ${legalBasisText(t.legalBasis)};`,
      ...(ex.decision?.decision === 'ya'
        ? [
            `bahwa Atasan PPID telah menyetujui penetapan informasi tersebut sebagai informasi yang dikecualikan pada tanggal ${longDateOf(ex.decision.at, ctx)};`,
          ]
        : []),
      'bahwa berdasarkan pertimbangan tersebut, perlu menetapkan Keputusan PPID tentang Penetapan Informasi yang Dikecualikan;',
    ],
    letter,
  );
  list(
    'Mengingat',
    [
      'Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik;',
      'Peraturan Pemerintah Nomor 61 Tahun 2010 tentang Pelaksanaan Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik;',
      'Peraturan Komisi Informasi Nomor 1 Tahun 2017 tentang Pengklasifikasian Informasi Publik;',
      ...[...new Set(t.legalBasis.otherLaws.map((l) => l.law))].map((law) => `${law};`),
    ],
    number,
  );

  L.heading('MEMUTUSKAN:', { bold: true, align: 'center' });
  L.columns([
    ['Menetapkan', LEFT, labelWidth],
    [':', LEFT + labelWidth, 8],
    ['KEPUTUSAN PPID TENTANG PENETAPAN INFORMASI YANG DIKECUALIKAN.', body, RIGHT - body, { bold: true }],
  ]);
  L.gap(6);

  const diktum = (label: string, text: string) => {
    L.columns([
      [label, LEFT, labelWidth],
      [':', LEFT + labelWidth, 8],
      [text, body, RIGHT - body],
    ]);
  };
  diktum('KESATU', 'Menetapkan informasi berikut sebagai Informasi yang Dikecualikan:');
  L.gap(4);
  const fieldX = body;
  const fieldLabel = 145;
  L.field('Nomor DIK', dik.number, fieldX, fieldLabel);
  L.field('Informasi yang dikecualikan', t.title, fieldX, fieldLabel);
  L.field('Uraian informasi', t.description, fieldX, fieldLabel);
  L.field('Dokumen', t.documents.map((d, i) => `${i + 1}) ${d.title}${d.reference ? ` (${d.reference})` : ''}`).join('\n'), fieldX, fieldLabel);
  L.field('Badan Publik', ctx.publicBody.name, fieldX, fieldLabel);
  L.field('Unit / Perangkat Daerah', ctx.agency.name, fieldX, fieldLabel);
  L.field('Jenis pengecualian', legalBasisLines(t.legalBasis).join('\n'), fieldX, fieldLabel);
  L.field(
    'Jangka waktu pengecualian',
    until ? `sejak ${decreeDate} sampai ${indonesianDate(until)}` : `sejak ${decreeDate}, ${NO_TIME_LIMIT}`,
    fieldX,
    fieldLabel,
  );
  L.field(
    'Alasan pengecualian',
    `Konsekuensi bila dibuka: ${t.consequence.ifOpened}\nPertimbangan kepentingan publik: ${t.consequence.publicInterest}`,
    fieldX,
    fieldLabel,
  );
  L.field('Pejabat yang menetapkan', `${official.name}, ${official.position}${official.nip ? `, NIP ${official.nip}` : ''}`, fieldX, fieldLabel);
  L.field('Tempat dan tanggal', placeAndDate, fieldX, fieldLabel);
  L.gap(6);
  diktum(
    'KEDUA',
    `Informasi sebagaimana dimaksud dalam Diktum KESATU dicatat dalam Daftar Informasi yang Dikecualikan (DIK) dengan nomor ${dik.number} dan diumumkan di laman PPID.`,
  );
  L.gap(4);
  diktum(
    'KETIGA',
    until
      ? `Pengecualian berakhir pada ${indonesianDate(until)}; sejak tanggal tersebut informasi wajib dibuka kembali atau diuji ulang melalui uji konsekuensi.`
      : `Pengecualian berlaku ${NO_TIME_LIMIT}.`,
  );
  L.gap(4);
  diktum('KEEMPAT', 'Keputusan ini mulai berlaku pada tanggal ditetapkan.');

  // The signature block, kept together on the right half: place and date, position, space to sign, name, NIP.
  const x = LEFT + WIDTH / 2;
  const width = RIGHT - x;
  const signatureSpace = 60;
  const head = `${placeAndDate}\n${official.position},`;
  const foot = official.nip ? `${official.name}\nNIP ${official.nip}` : official.name;
  L.gap(16);
  L.room((wrapText(head, L.font(), BODY, width).length + wrapText(foot, L.font({ bold: true }), BODY, width).length) * L.lineHeight() + signatureSpace);
  L.text(head, { x, width });
  L.gap(signatureSpace);
  L.text(official.name, { x, width, bold: true });
  if (official.nip) L.text(`NIP ${official.nip}`, { x, width });

  L.footer(`Keputusan PPID Nomor ${decree.number} – ${dik.number}`);
  return L.save({
    title: `Keputusan PPID Nomor ${decree.number} tentang Penetapan Informasi yang Dikecualikan`,
    subject: `Penetapan informasi yang dikecualikan: ${t.title} (${dik.number})`,
    author: ctx.publicBody.name,
    keywords: ['surat penetapan', 'informasi yang dikecualikan', dik.number, ex.exclusionId],
    created: decree.recordedAt,
    modified: decree.recordedAt,
  });
}
