/**
 * The fonts every official document embeds: DejaVu Sans and DejaVu Sans Bold (npm `dejavu-fonts-ttf`
 * 2.37.3). They cover Latin with every diacritic that Indonesian names carry (and Latin Extended,
 * Greek, Cyrillic, common symbols), so text is printed, searched and copied as written.
 *
 * Licence: the DejaVu changes are in the public domain; the glyphs derived from Bitstream Vera are
 * under the Bitstream Vera licence (and Arev's under the same terms): free to use, embed and
 * redistribute with documents; the fonts may not be sold alone. Embedding subsets in PDFs is allowed.
 * The full text is node_modules/dejavu-fonts-ttf/LICENSE.
 *
 * Where the files are: next to the bundle in AWS (infra/aws/bundle.ts copies them into `fonts/` of
 * every Lambda asset whose bundle contains this module), else in node_modules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
export const FONT_PACKAGE = 'dejavu-fonts-ttf';

/** A parsed font (fontkit): pdfkit takes it in place of the file and subsets it per document. */
export type ParsedFont = { layout: unknown };

let cache: { regular: ParsedFont; bold: ParsedFont } | undefined;

function locate(file: string): string {
  const bundled = fileURLToPath(new URL(`./fonts/${file}`, import.meta.url));
  if (existsSync(bundled)) return bundled;
  return createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/ttf/${file}`);
}

/**
 * The two fonts, parsed once per process: parsing DejaVu's tables costs far more than laying out a
 * document, and a parsed font is only read while pdfkit lays out and subsets (each document makes
 * its own subset), so documents share it safely.
 */
export async function loadDocumentFonts(): Promise<{ regular: ParsedFont; bold: ParsedFont }> {
  if (!cache) {
    // fontkit (pdfkit's font parser, with its brotli tables) is imported at the first document, not at import.
    // @ts-expect-error fontkit ships no types; pdfkit takes its font objects as they are.
    const { create } = (await import('fontkit')) as { create: (bytes: Buffer) => ParsedFont };
    cache ??= { regular: create(readFileSync(locate(FONT_FILES.regular))), bold: create(readFileSync(locate(FONT_FILES.bold))) };
  }
  return cache;
}

/** The two fonts once `loadDocumentFonts()` has loaded them (the document writer awaits it before laying out). */
export function documentFonts(): { regular: ParsedFont; bold: ParsedFont } {
  if (!cache) throw new Error('documentFonts() before loadDocumentFonts()');
  return cache;
}
