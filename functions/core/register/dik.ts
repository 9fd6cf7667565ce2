/**
 * The DIK (Daftar Informasi yang Dikecualikan, UU 14/2008 Pasal 17; Perki 1/2017) on the public
 * register: its open data, `/data/dik.json` and `/data/dik.csv`. The page itself is rendered with
 * the others (web/register/pages.tsx, `{ kind: 'dik' }`).
 *
 * A DIK entry names the information excluded, never a document: nothing here carries or links a
 * file, and only the fields listed below leave the server (an entry is copied field by field, so
 * whatever else a stored record holds stays behind).
 *
 * CSV: the conventions of dip.csv (exports.ts): RFC 4180, CRLF, UTF-8 with a BOM, formulas
 * neutralised; the header row is Indonesian.
 */
import { exclusionEndsAfterLocal } from '../exclusion-end.ts';
import type { DikEntry } from '../exclusion-model.ts';
import { legalBasisText } from '../pasal-17.ts';
import { csvCell } from './exports.ts';
import { dikAnchor, href, type Model } from './model.ts';

/** What the period column says of an exclusion without an end date (only Pasal 17 g and h). */
export const DIK_NO_TIME_LIMIT = { id: 'tanpa batas waktu (Pasal 17 huruf g/h)', en: 'no time limit (Article 17 g/h)' } as const;

/** The link to an entry: its row on the DIK page (absolute when the site's origin is known). */
export const dikUrl = (m: Model, e: DikEntry) => `${m.siteUrl}${href('dik/index.html')}#${dikAnchor(e)}`;

/**
 * One entry as the exports publish it (`period.until` null: no time limit). `until` is inclusive
 * (exclusion-end.ts): `endsAfter` is its last excluded instant, 23:59:59 on that date in the
 * agency's zone with the offset ("berakhir setelah …"); the entry leaves the DIK at the next 00:00.
 */
function dikItem(m: Model, e: DikEntry) {
  return {
    number: e.number,
    title: e.title,
    agencyId: e.agencyId,
    agencyName: m.agency(e.agencyId).name,
    legalBasis: {
      pasal17: [...e.legalBasis.pasal17],
      otherLaws: e.legalBasis.otherLaws.map((l) => ({ law: l.law, article: l.article })),
    },
    legalBasisText: legalBasisText(e.legalBasis, 'id'),
    consequence: { ifOpened: e.consequence.ifOpened, publicInterest: e.consequence.publicInterest },
    period: {
      from: e.period.from,
      until: e.period.until ?? null,
      endsAfter: e.period.until ? exclusionEndsAfterLocal(e.period.until, m.agency(e.agencyId).timezone) : null,
    },
    decree: { number: e.decree.number, date: e.decree.date, place: e.decree.place, official: e.decree.official },
    setAt: e.setAt,
    url: dikUrl(m, e),
  };
}

export function dikJson(m: Model, generatedAt: string): string {
  const rows = m.dik.map((e) => JSON.stringify(dikItem(m, e)));
  const head = JSON.stringify({ generatedAt, count: m.dik.length });
  // One entry per line, as dip.json.
  return `${head.slice(0, -1)},"items":[${rows.length ? `\n${rows.join(',\n')}\n` : ''}]}\n`;
}

export const DIK_CSV_COLUMNS = [
  'Nomor',
  'Informasi yang dikecualikan',
  'Kode instansi',
  'Instansi',
  'Dasar hukum',
  'Konsekuensi bila dibuka',
  'Pertimbangan kepentingan publik',
  'Berlaku sejak',
  'Berlaku sampai dengan',
  'Berakhir setelah',
  'Nomor surat penetapan',
  'Tanggal surat penetapan',
  'Tempat penetapan',
  'Pejabat yang menetapkan',
  'Ditetapkan dalam DIK',
  'Tautan',
] as const;

export function dikCsv(m: Model): string {
  const lines = [DIK_CSV_COLUMNS.map(csvCell).join(',')];
  for (const e of m.dik) {
    const i = dikItem(m, e);
    lines.push(
      [
        i.number,
        i.title,
        i.agencyId,
        i.agencyName,
        i.legalBasisText,
        i.consequence.ifOpened,
        i.consequence.publicInterest,
        i.period.from,
        i.period.until ?? DIK_NO_TIME_LIMIT.id,
        i.period.endsAfter ?? '',
        i.decree.number,
        i.decree.date,
        i.decree.place,
        i.decree.official,
        i.setAt,
        i.url,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
