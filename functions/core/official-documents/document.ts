/**
 * The one document module: every PDF the system issues is a `DocumentSpec` rendered here.
 *
 *   letterhead        the coat of arms, the body's and the issuing unit's names, address and contacts,
 *                     over a double rule: the unit that issues the document, never the proposer's
 *   title             the document's name and number, centred
 *   blocks            numbered sections, paragraphs, "label : value" fields, lettered or numbered
 *                     lists under a label (Menimbang, Mengingat), and tables that break across
 *                     pages under their repeated header
 *   signature block   place and date in the form the type needs ("Pontianak, 1 Desember 2026" for a
 *                     letter; "Ditetapkan di Pontianak / pada tanggal 1 Desember 2026" for a decree),
 *                     position, the QR code where a wet signature would go, name, rank and NIP
 *   footer            on every page: the document's label, "Halaman x dari y", and the verification URL
 *
 * Library: pdfkit (0.20). It writes PDF/A (2b here) itself — the XMP identification, the sRGB
 * output intent, embedded TrueType subsets with ToUnicode maps from fontkit — and tagged PDF
 * (structure tree, marked content, /Lang). pdf-lib, which the first DIK PDFs used, can embed fonts
 * but leaves the XMP packet, the output intent and the whole structure tree to be written by hand.
 * The signature placeholder is written here too, so the signed file has a single revision.
 *
 * Deterministic: no clock, no randomness. The creation date comes from the spec, pdfkit derives the
 * file /ID from the info dictionary, names font subsets from their order, and compresses with a fixed
 * zlib level; the same spec gives the same bytes (and, signed with the same key, the same signed file).
 *
 * Tagging: Document → H1 (title), H2 (sections), P (paragraphs, fields, list items), Table → TR →
 * TH/TD, Figure (coat of arms, QR code, with /Alt); rules, borders and page footers are artifacts.
 * The invisible signature widget is not in the structure tree, so the files are tagged but not
 * claimed to be PDF/UA.
 */
import { documentFonts, loadDocumentFonts } from './fonts.ts';
import { formatNip, type Official } from './people.ts';
import type { DocumentType } from './verification.ts';

/**
 * The PDF writer (pdfkit, with fontkit and its brotli tables), the QR encoder and the parsed fonts,
 * loaded at the first document (`pdfWriter()`), not at import: most functions that can render a
 * document never do in a given invocation, and these weigh on every cold start.
 */
let PDFDocument: typeof import('pdfkit');
let QRCode: typeof import('qrcode');
let loading: Promise<void> | undefined;
function pdfWriter(): Promise<void> {
  loading ??= Promise.all([import('pdfkit'), import('qrcode'), loadDocumentFonts()]).then(([pdfkit, qrcode]) => {
    PDFDocument = pdfkit.default;
    QRCode = qrcode.default;
  });
  return loading;
}

// ---------------------------------------------------------------------------------------------
// Spec

export interface Letterhead {
  /** The public body, e.g. "Pemerintah Provinsi Kalimantan Barat" (printed in capitals). */
  bodyName: string;
  /** The issuing unit, e.g. "Dinas Komunikasi dan Informatika" (printed in capitals). */
  unitName: string;
  address?: string;
  phone?: string;
  email?: string;
  website?: string;
  /** The region's coat of arms (lambang daerah), PNG or JPEG. */
  coatOfArms?: Uint8Array;
}

export type Marker = 'number' | 'letter' | 'paren';

export type Block =
  | { kind: 'section'; number?: string; title: string }
  | { kind: 'heading'; text: string; align?: 'left' | 'center' }
  | { kind: 'paragraph'; text: string; bold?: boolean; indent?: number; align?: 'left' | 'center'; size?: number }
  | { kind: 'fields'; rows: [string, string][]; indent?: number; labelWidth?: number }
  | { kind: 'list'; items: string[]; marker: Marker; indent?: number }
  /** "Menimbang : a. …" — a label on the first item's line, the items in a hanging list. */
  | { kind: 'labelled'; label: string; items: string[]; marker?: Marker; bold?: boolean }
  | { kind: 'table'; columns: { title: string; width: number; align?: 'left' | 'center' }[]; rows: string[][]; minRowHeight?: number }
  | { kind: 'gap'; size?: number };

export interface SignatureBlock {
  /** `letter`: "Pontianak, 1 Desember 2026"; `decree`: "Ditetapkan di Pontianak" / "pada tanggal 1 Desember 2026". */
  form: 'letter' | 'decree';
  place: string;
  /** YYYY-MM-DD */
  date: string;
  official: Official;
  /** A line above the position, e.g. "Mengetahui," or "a.n. …". */
  capacity?: string;
}

export interface DocumentSpec {
  type: DocumentType;
  /** The document's number (XMP dc:identifier, keywords, footer). */
  number: string;
  title: string;
  subject: string;
  author: string;
  keywords?: string[];
  /** BCP 47, default `id-ID`. */
  lang?: string;
  /** The instant the document was made (its creation date in the metadata). */
  createdAt: string;
  letterhead: Letterhead;
  /** Centred bold lines under the letterhead. */
  heading: string[];
  blocks: Block[];
  signature?: SignatureBlock;
  /** The short label in every page's footer. */
  footerLabel: string;
  /** The verification page's URL (QR code and footer). */
  verificationUrl: string;
  /** A4 portrait (default), or landscape for wide tables (reports). */
  orientation?: 'portrait' | 'landscape';
}

/** Room reserved for the CMS signature: 16 KB holds an RSA-4096 signature with a chain of four certificates. */
export const SIGNATURE_BYTES = 16384;

export interface Placeholder {
  signerName: string;
  reason: string;
  location: string;
  /** The signing time (/M), from the spec, not the clock. */
  signingTime: string;
}

// ---------------------------------------------------------------------------------------------
// Text

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "2026-11-22" → "22 November 2026"; anything else is returned as it is. */
export function indonesianDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return isoDate;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** The place-and-date lines of a signature block. */
export function placeAndDate(sig: Pick<SignatureBlock, 'form' | 'place' | 'date'>): string[] {
  const date = indonesianDate(sig.date);
  return sig.form === 'decree' ? [`Ditetapkan di ${sig.place}`, `pada tanggal ${date}`] : [`${sig.place}, ${date}`];
}

const INVISIBLE = /^[\p{Cc}\p{Cf}\p{M}]$/u;
const WHITESPACE = /^\s$/u;

/** Metadata strings: no lone surrogates (readers drop the whole string), no control characters. */
function metaText(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd').replace(/\p{Cc}+/gu, ' ');
}

const xml = (s: string) => metaText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A pdfkit object written as it is (the ByteRange and /Contents placeholders). */
class Raw {
  constructor(private readonly text: string) {}
  get [Symbol.toStringTag]() {
    return 'Raw';
  }
  toString() {
    return this.text;
  }
}

// ---------------------------------------------------------------------------------------------
// Layout: A4 portrait, 2 cm margins; pdfkit's origin is the top left, y grows downwards

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56.69;
const LEFT = MARGIN;
const TOP = MARGIN;
// The page of the document being rendered (A4 portrait, or landscape for a report's wide tables): set
// by `usePage` at the start of renderDocument, whose layout runs synchronously up to doc.end(), so
// two renders never see each other's page.
let PAGE = A4;
let RIGHT = PAGE.width - MARGIN;
/** The body ends above the two footer lines. */
let BOTTOM = PAGE.height - MARGIN;
let WIDTH = RIGHT - LEFT;

function usePage(orientation: DocumentSpec['orientation']): void {
  PAGE = orientation === 'landscape' ? { width: A4.height, height: A4.width } : A4;
  RIGHT = PAGE.width - MARGIN;
  BOTTOM = PAGE.height - MARGIN;
  WIDTH = RIGHT - LEFT;
}

/** The width of the text block on a page of this orientation (table columns are sized to it). */
export const contentWidth = (orientation: DocumentSpec['orientation'] = 'portrait') => (orientation === 'landscape' ? A4.height : A4.width) - 2 * MARGIN;
const BODY = 10.5;
const SMALL = 8.5;
const LEADING = 1.4;

type Doc = PDFKit.PDFDocument & Record<string, any>;
type Struct = { add(child: unknown): Struct; end(): void };

interface Style {
  bold?: boolean;
  size?: number;
  align?: 'left' | 'center' | 'right';
}

class Layout {
  readonly doc: Doc;
  y = TOP;
  private readonly root: Struct;
  private readonly covers: (cp: number) => boolean;

  constructor(spec: DocumentSpec) {
    const fonts = documentFonts();
    const created = new Date(spec.createdAt);
    this.doc = new PDFDocument({
      size: [PAGE.width, PAGE.height],
      margin: 0,
      pdfVersion: '1.7',
      subset: 'PDF/A-2b',
      tagged: true,
      lang: spec.lang ?? 'id-ID',
      displayTitle: true,
      bufferPages: true,
      font: fonts.regular as unknown as string,
      info: {
        Title: metaText(spec.title),
        Author: metaText(spec.author),
        Subject: metaText(spec.subject),
        Keywords: metaText([spec.number, ...(spec.keywords ?? [])].join(', ')),
        Creator: 'SIP PPID',
        Producer: 'SIP PPID (pdfkit)',
        CreationDate: created,
        ModDate: created,
      },
    } as PDFKit.PDFDocumentOptions) as Doc;
    this.doc.registerFont('R', fonts.regular as unknown as string);
    this.doc.registerFont('B', fonts.bold as unknown as string);
    this.doc.font('R');
    const font = this.doc._font.font as { hasGlyphForCodePoint(cp: number): boolean };
    this.covers = (cp) => font.hasGlyphForCodePoint(cp);
    this.xmp(spec, created);
    const root = this.doc.struct('Document');
    this.doc.addStructure(root);
    this.root = root as unknown as Struct;
  }

  /**
   * The XMP packet (PDF/A needs it to match the info dictionary): pdfkit's own writes the values
   * unescaped, so it is replaced by one that escapes them and adds the document's number as
   * dc:identifier, the language, and the modification and metadata dates.
   */
  private xmp(spec: DocumentSpec, created: Date): void {
    const doc = this.doc;
    const at = `${created.toISOString().split('.')[0]}Z`;
    const info = doc.info as Record<string, string>;
    doc._addInfo = function addInfo(this: Doc) {
      this.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreateDate>${at}</xmp:CreateDate>
            <xmp:ModifyDate>${at}</xmp:ModifyDate>
            <xmp:MetadataDate>${at}</xmp:MetadataDate>
            <xmp:CreatorTool>${xml(info.Creator!)}</xmp:CreatorTool>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:format>application/pdf</dc:format>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.Title!)}</rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li>${xml(info.Author!)}</rdf:li></rdf:Seq></dc:creator>
            <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.Subject!)}</rdf:li></rdf:Alt></dc:description>
            <dc:identifier>${xml(spec.number)}</dc:identifier>
            <dc:language><rdf:Bag><rdf:li>${xml(spec.lang ?? 'id-ID')}</rdf:li></rdf:Bag></dc:language>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Producer>${xml(info.Producer!)}</pdf:Producer>
            <pdf:Keywords>${xml(info.Keywords!)}</pdf:Keywords>
        </rdf:Description>
        `);
    };
  }

  /** The text as the embedded font prints it: whitespace as spaces, invisible characters dropped, glyphs it lacks (emoji, CJK) as "?". */
  printable(text: string): string {
    let out = '';
    for (const ch of text.normalize('NFC')) {
      const cp = ch.codePointAt(0)!;
      if (ch === '\u00ad') continue;
      if (WHITESPACE.test(ch)) out += ' ';
      else if (INVISIBLE.test(ch)) continue;
      else out += this.covers(cp) ? ch : '?';
    }
    return out;
  }

  private use(style: Style): Doc {
    return this.doc.font(style.bold ? 'B' : 'R').fontSize(style.size ?? BODY) as Doc;
  }

  private readonly widths = new Map<string, number>();

  /** The width of `text` (memoised: wrapping measures the same words again and again, and fontkit's layout is slow). */
  width(text: string, style: Style = {}): number {
    const key = `${style.bold ? 'B' : 'R'}${style.size ?? BODY}|${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = this.use(style).widthOfString(text);
      this.widths.set(key, w);
    }
    return w;
  }

  lineHeight(style: Style = {}): number {
    return (style.size ?? BODY) * LEADING;
  }

  /** Lines no wider than `width`: paragraphs at line breaks, words at spaces, over-long words by character. */
  wrap(text: string, width: number, style: Style = {}): string[] {
    const lines: string[] = [];
    const space = this.width(' ', style);
    for (const paragraph of text.split(/\r\n|[\n\r\u2028\u2029]/)) {
      const words = this.printable(paragraph).split(' ').filter(Boolean);
      if (words.length === 0) {
        lines.push('');
        continue;
      }
      let line = '';
      let lineWidth = 0;
      for (let word of words) {
        let w = this.width(word, style);
        if (line && lineWidth + space + w <= width) {
          line += ` ${word}`;
          lineWidth += space + w;
          continue;
        }
        if (line) lines.push(line);
        while (w > width && [...word].length > 1) {
          const chars = [...word];
          let n = 1;
          while (n < chars.length && this.width(chars.slice(0, n + 1).join(''), style) <= width) n++;
          lines.push(chars.slice(0, n).join(''));
          word = chars.slice(n).join('');
          w = this.width(word, style);
        }
        line = word;
        lineWidth = w;
      }
      lines.push(line);
    }
    return lines;
  }

  fit(text: string, width: number, style: Style): string {
    const safe = this.printable(text).replace(/\s+/g, ' ');
    if (this.width(safe, style) <= width) return safe;
    const chars = [...safe];
    let n = chars.length;
    while (n > 0 && this.width(`${chars.slice(0, n).join('')}…`, style) > width) n--;
    return `${chars.slice(0, n).join('').trimEnd()}…`;
  }

  addPage(): void {
    this.doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    this.y = TOP;
  }

  /** Starts a new page unless `height` fits above the bottom margin. */
  room(height: number): void {
    if (this.y + height > BOTTOM && this.y > TOP) this.addPage();
  }

  gap(height = BODY * 0.6): void {
    this.y += height;
  }

  /** One line at the cursor, as marked content of `el`. */
  private drawLine(el: Struct, line: string, x: number, width: number, style: Style): void {
    if (!line) return;
    const w = this.width(line, style);
    const dx = style.align === 'center' ? (width - w) / 2 : style.align === 'right' ? width - w : 0;
    const y = this.y;
    el.add(() => {
      this.use(style)
        .fillColor('black')
        .text(line, x + dx, y, { lineBreak: false });
    });
  }

  /** Decoration (rules, borders, footers): an artifact, not content. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  element(type: string, options: Record<string, unknown> = {}, parent: Struct = this.root): Struct {
    const el = this.doc.struct(type, options) as unknown as Struct;
    parent.add(el);
    return el;
  }

  /** Wrapped text in [x, x + width], breaking pages between lines. */
  text(text: string, style: Style & { x?: number; width?: number; tag?: string; parent?: Struct } = {}): void {
    const x = style.x ?? LEFT;
    const width = style.width ?? RIGHT - x;
    const lh = this.lineHeight(style);
    const el = this.element(style.tag ?? 'P', {}, style.parent);
    for (const line of this.wrap(text, width, style)) {
      this.room(lh);
      this.drawLine(el, line, x, width, style);
      this.y += lh;
    }
    el.end();
  }

  /** Columns that share lines (a label and its value, a marker and its hanging text); one P per row. */
  columns(cols: [string, number, number, Style?][], lineStyle: Style = {}): void {
    const styles = cols.map(([, , , s]) => ({ ...lineStyle, ...s }));
    const wrapped = cols.map(([t, , w], c) => this.wrap(t, w, styles[c]));
    const lh = this.lineHeight(lineStyle);
    const n = Math.max(...wrapped.map((l) => l.length));
    // A short row (a field, a list item) is kept on one page; a long one breaks between lines.
    if (n <= 4) this.room(n * lh);
    const el = this.element('P');
    for (let i = 0; i < n; i++) {
      this.room(lh);
      cols.forEach(([, x, w], c) => {
        this.drawLine(el, wrapped[c]![i] ?? '', x, w, styles[c]!);
      });
      this.y += lh;
    }
    el.end();
  }

  rule(thickness = 0.75, gapAfter = 3): void {
    const y = this.y;
    this.artifact(() => {
      this.doc.moveTo(LEFT, y).lineTo(RIGHT, y).lineWidth(thickness).strokeColor('black').stroke();
    });
    this.y += thickness + gapAfter;
  }

  /** A bordered table; a row that does not fit starts a new page under a repeated header. */
  table(block: Extract<Block, { kind: 'table' }>): void {
    const { columns } = block;
    const pad = 4;
    const size = BODY - 0.5;
    const lh = size * LEADING;
    const measure = (cells: string[], bold: boolean) => {
      const lines = cells.map((t, i) => this.wrap(t, columns[i]!.width - 2 * pad, { bold, size }));
      const height = Math.max(...lines.map((l) => l.length)) * lh + 2 * pad;
      return { lines, height: bold ? height : Math.max(block.minRowHeight ?? 0, height) };
    };
    const table = this.element('Table');
    const draw = ({ lines, height }: ReturnType<typeof measure>, header: boolean) => {
      const tr = this.element('TR', {}, table);
      let x = LEFT;
      const top = this.y;
      columns.forEach((col, i) => {
        const cellX = x;
        this.artifact(() => {
          this.doc.rect(cellX, top, col.width, height).lineWidth(0.5).strokeColor('black').stroke();
        });
        const cell = this.element(header ? 'TH' : 'TD', header ? { scope: 'Column' } : {}, tr);
        this.y = top + pad;
        for (const line of lines[i]!) {
          this.drawLine(cell, line, cellX + pad, col.width - 2 * pad, { bold: header, size, align: header ? 'center' : col.align });
          this.y += lh;
        }
        cell.end();
        x += col.width;
      });
      tr.end();
      this.y = top + height;
    };
    const head = measure(
      columns.map((c) => c.title),
      true,
    );
    const body = block.rows.map((row) => measure(row, false));
    this.room(head.height + (body[0]?.height ?? 0));
    draw(head, true);
    for (const row of body) {
      if (this.y + row.height > BOTTOM) {
        this.addPage();
        draw(head, true);
      }
      draw(row, false);
    }
    table.end();
  }

  figure(alt: string, draw: () => void): void {
    const fig = this.element('Figure', { alt });
    fig.add(draw);
    fig.end();
  }

  end(): void {
    this.root.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Parts

function letterhead(L: Layout, lh: Letterhead): void {
  const top = L.y;
  const logo = 62;
  let x = LEFT;
  let width = WIDTH;
  if (lh.coatOfArms) {
    const image = Buffer.from(lh.coatOfArms);
    L.figure(`Lambang ${lh.bodyName}`, () => {
      L.doc.image(image, LEFT, top, { fit: [logo, logo], align: 'center', valign: 'center' });
    });
    // The names stay centred on the page, clear of the coat of arms on the left.
    x = LEFT + logo + 8;
    width = WIDTH - 2 * (logo + 8);
  }
  L.text(lh.bodyName.toUpperCase(), { x, width, bold: true, size: 13, align: 'center', tag: 'P' });
  L.text(lh.unitName.toUpperCase(), { x, width, bold: true, size: 12.5, align: 'center', tag: 'P' });
  if (lh.address) L.text(lh.address, { x, width, size: SMALL + 0.5, align: 'center' });
  const contacts = [lh.phone && `Telepon ${lh.phone}`, lh.email && `Pos-el ${lh.email}`, lh.website && `Laman ${lh.website}`].filter(Boolean).join(' · ');
  if (contacts) L.text(contacts, { x, width, size: SMALL, align: 'center' });
  L.y = Math.max(L.y, top + (lh.coatOfArms ? logo : 0)) + 4;
  L.rule(1.5, 1.5);
  L.rule(0.5, 12);
}

const markerText = (marker: Marker, i: number) =>
  marker === 'letter' ? `${String.fromCharCode(97 + (i % 26))}.` : marker === 'paren' ? `${i + 1})` : `${i + 1}.`;

function block(L: Layout, b: Block): void {
  switch (b.kind) {
    case 'section': {
      L.gap(BODY * 0.5);
      L.room(L.lineHeight({ bold: true }) + 2 * L.lineHeight());
      L.text(b.number ? `${b.number}. ${b.title}` : b.title, { bold: true, tag: 'H2' });
      L.gap(2);
      return;
    }
    case 'heading': {
      L.gap(BODY * 0.5);
      L.room(L.lineHeight({ bold: true }) + 2 * L.lineHeight());
      L.text(b.text, { bold: true, tag: 'H2', align: b.align ?? 'left' });
      L.gap(2);
      return;
    }
    case 'paragraph':
      L.text(b.text, { x: LEFT + (b.indent ?? 0), bold: b.bold, align: b.align, size: b.size });
      return;
    case 'fields': {
      const x = LEFT + (b.indent ?? 0);
      const lw = b.labelWidth ?? 150;
      for (const [label, value] of b.rows)
        L.columns([
          [label, x, lw - 10],
          [':', x + lw - 8, 8],
          [value, x + lw, RIGHT - x - lw],
        ]);
      return;
    }
    case 'list': {
      const x = LEFT + (b.indent ?? 0);
      b.items.forEach((item, i) => {
        L.columns([
          [markerText(b.marker, i), x, 20],
          [item, x + 20, RIGHT - x - 20],
        ]);
      });
      return;
    }
    case 'labelled': {
      const lw = 80;
      const body = LEFT + lw + 10;
      b.items.forEach((item, i) => {
        const cols: [string, number, number, Style?][] = [
          [i === 0 ? b.label : '', LEFT, lw],
          [i === 0 ? ':' : '', LEFT + lw, 8],
        ];
        if (b.marker) cols.push([markerText(b.marker, i), body, 20], [item, body + 20, RIGHT - body - 20, { bold: b.bold }]);
        else cols.push([item, body, RIGHT - body, { bold: b.bold }]);
        L.columns(cols);
      });
      L.gap(6);
      return;
    }
    case 'table':
      L.table(b);
      return;
    case 'gap':
      L.gap(b.size);
      return;
  }
}

/** The QR code of `url` as vector squares (no image, so no resampling and the same bytes every time). */
function qr(L: Layout, url: string, x: number, y: number, size: number): void {
  const code = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = code.modules.size;
  const quiet = 2;
  const cell = size / (n + 2 * quiet);
  L.figure(`Kode QR verifikasi dokumen: ${url}`, () => {
    const doc = L.doc;
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++) if (code.modules.get(r, c)) doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell + 0.01, cell + 0.01);
    doc.fillColor('black').fill();
  });
}

const QR_SIZE = 78;

function signature(L: Layout, sig: SignatureBlock, url: string): void {
  const x = LEFT + WIDTH / 2;
  const width = RIGHT - x;
  const o = sig.official;
  const head = [...placeAndDate(sig), '', ...(sig.capacity ? [sig.capacity] : []), `${o.position},`];
  const foot = [o.rank, o.nip ? `NIP ${formatNip(o.nip)}` : undefined].filter((s): s is string => Boolean(s));
  const lines = head.reduce((n, t) => n + L.wrap(t, width).length, 0) + L.wrap(o.name, width, { bold: true }).length + foot.length;
  L.gap(16);
  L.room(lines * L.lineHeight() + QR_SIZE + 16);
  if (sig.form === 'decree') {
    // "Ditetapkan di" and "pada tanggal" aligned on their colon.
    const date = indonesianDate(sig.date);
    L.columns([
      ['Ditetapkan di', x, 80],
      [':', x + 80, 8],
      [sig.place, x + 90, width - 90],
    ]);
    L.columns([
      ['pada tanggal', x, 80],
      [':', x + 80, 8],
      [date, x + 90, width - 90],
    ]);
  } else L.text(placeAndDate(sig)[0]!, { x, width });
  L.gap(L.lineHeight() / 2);
  if (sig.capacity) L.text(sig.capacity, { x, width });
  L.text(`${o.position},`, { x, width });
  L.gap(4);
  const top = L.y;
  qr(L, url, x, top, QR_SIZE);
  L.text('Ditandatangani secara elektronik', { x: x + QR_SIZE + 6, width: width - QR_SIZE - 6, size: SMALL });
  L.y = top + QR_SIZE + 4;
  L.text(o.name, { x, width, bold: true });
  for (const line of foot) L.text(line, { x, width });
}

/** On every page: the label, "Halaman x dari y", and the verification line. */
function footers(L: Layout, spec: DocumentSpec): void {
  const { doc } = L;
  const range = doc.bufferedPageRange();
  const total = range.count;
  const size = 7.5;
  for (let i = 0; i < total; i++) {
    doc.switchToPage(range.start + i);
    const page = `Halaman ${i + 1} dari ${total}`;
    const w = L.width(page, { size });
    const y = BOTTOM + 14;
    const verify = `Ditandatangani secara elektronik · verifikasi: ${spec.verificationUrl}`;
    L.artifact(() => {
      doc
        .moveTo(LEFT, y - 4)
        .lineTo(RIGHT, y - 4)
        .lineWidth(0.3)
        .strokeColor('black')
        .stroke();
      doc.font('R').fontSize(size).fillColor('black');
      doc.text(page, RIGHT - w, y, { lineBreak: false });
      doc.text(L.fit(spec.footerLabel, WIDTH - w - 16, { size }), LEFT, y, { lineBreak: false });
      doc.text(L.fit(verify, WIDTH, { size }), LEFT, y + size * 1.5, { lineBreak: false });
    }, 'Pagination');
  }
}

/**
 * Why the PDF writer cannot put this image on a letterhead (a short English reason), or undefined:
 * the coat-of-arms upload is checked with it, so a document never fails on its letterhead.
 */
export async function letterheadImageProblem(bytes: Uint8Array): Promise<string | undefined> {
  await pdfWriter();
  try {
    const doc = new PDFDocument({ autoFirstPage: false }) as Doc;
    const image = doc.openImage(Buffer.from(bytes)) as { width: number; height: number };
    if (!(image.width > 0 && image.height > 0)) return 'empty image';
    if (image.width > 4000 || image.height > 4000) return 'larger than 4000 pixels';
    // Embedding decodes the pixels (PNG) or reads the markers (JPEG): do it, into a document that is thrown away.
    doc.addPage();
    doc.image(Buffer.from(bytes), 0, 0, { width: 10 });
    return undefined;
  } catch (e) {
    return (e as Error).message || 'unreadable image';
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering

/**
 * The PDF of a spec. With `placeholder`, it carries an invisible signature field whose /Contents
 * (SIGNATURE_BYTES of zeros) signing.ts fills; without, it is the unsigned file (previews, tests).
 */
export async function renderDocument(spec: DocumentSpec, placeholder?: Placeholder): Promise<Uint8Array> {
  await pdfWriter();
  usePage(spec.orientation);
  const L = new Layout(spec);
  const { doc } = L;
  letterhead(L, spec.letterhead);
  spec.heading.forEach((line, i) => {
    L.text(line, { bold: true, size: 12, align: 'center', tag: i === 0 ? 'H1' : 'P' });
  });
  L.gap(10);
  for (const b of spec.blocks) block(L, b);
  if (spec.signature) signature(L, spec.signature, spec.verificationUrl);
  else {
    L.gap(12);
    L.room(QR_SIZE);
    const top = L.y;
    qr(L, spec.verificationUrl, RIGHT - QR_SIZE, top, QR_SIZE);
    L.y = top + QR_SIZE;
  }
  L.end();
  footers(L, spec);

  if (placeholder) {
    const range = doc.bufferedPageRange();
    const page = doc._pageBuffer[range.count - 1] as { dictionary: { data: Record<string, unknown> } };
    const sig: { end(): void } = (doc.ref as unknown as (data: object) => { end(): void })({
      Type: 'Sig',
      Filter: 'Adobe.PPKLite',
      SubFilter: 'ETSI.CAdES.detached',
      ByteRange: new Raw('[0 /********** /********** /**********]'),
      Contents: new Raw(`<${'0'.repeat(SIGNATURE_BYTES * 2)}>`),
      M: new Date(placeholder.signingTime),
      Name: new String(metaText(placeholder.signerName)),
      Reason: new String(metaText(placeholder.reason)),
      Location: new String(metaText(placeholder.location)),
    });
    sig.end();
    const widget: { end(): void } = (doc.ref as unknown as (data: object) => { end(): void })({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [0, 0, 0, 0],
      V: sig,
      T: new String('Tanda tangan elektronik'),
      F: 132,
      P: page.dictionary,
    });
    widget.end();
    page.dictionary.data.Annots = [widget];
    // pdfkit ends the AcroForm itself (endAcroForm) once it knows of one.
    doc._acroform = { fonts: {}, defaultFont: true };
    doc._root.data.AcroForm = doc.ref({ Fields: [widget], SigFlags: 3, DR: { Font: {} } });
  }

  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
