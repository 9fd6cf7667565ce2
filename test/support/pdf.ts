/**
 * Reads a generated PDF back as text for tests, with pdf.js (legacy build, no worker, no eval, no
 * system fonts): every page's text items joined by spaces, lines by newlines, pages by form feeds.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfInfo {
  title?: string;
  author?: string;
  subject?: string;
  producer?: string;
  creator?: string;
  language?: string;
}

export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string; info: PdfInfo }> {
  // pdf.js takes ownership of (and may detach) the buffer it is given: pass a copy.
  const task = getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        text += item.hasEOL ? '\n' : ' ';
      }
      pages.push(text);
    }
    const meta = await doc.getMetadata();
    const raw = (meta.info ?? {}) as Record<string, unknown>;
    const str = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : undefined);
    const info: PdfInfo = {
      title: str('Title'),
      author: str('Author'),
      subject: str('Subject'),
      producer: str('Producer'),
      creator: str('Creator'),
      language: str('Language'),
    };
    return { pages: doc.numPages, text: pages.join('\f'), info };
  } finally {
    await task.destroy();
  }
}

/** The text with runs of whitespace (line and page breaks included) as single spaces. */
export const flat = (s: string) => s.replace(/\s+/g, ' ');
/** …and without the page footers, so that a sentence broken over two pages reads as one. */
export const letterBody = (s: string) => flat(s).replace(/ ?Halaman \d+ dari \d+ .*? verifikasi: \S+\/ ?/g, ' ');
/** A letter's text as one flat run, page footers left out. */
export const letterText = async (bytes: Uint8Array) => letterBody((await pdfText(bytes)).text);

/** PPID Utama's unit as the letters' tests print it (letterhead, city and time zone). */
export const PPID_UTAMA_UNIT = {
  name: 'Dinas Komunikasi dan Informatika',
  address: 'Jalan Ahmad Yani No. 2, Pontianak 78121',
  city: 'Pontianak',
  phone: '(0561) 736541',
  email: 'ppid@kalbarprov.go.id',
  website: 'diskominfo.kalbarprov.go.id',
  timezone: 'Asia/Pontianak',
};
