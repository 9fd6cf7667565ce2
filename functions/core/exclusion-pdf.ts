/**
 * The two documents of an exclusion (SOP 002, kept as softcopy and hardcopy), as specs of the one
 * document module (official-documents/): it gives them their letterhead, layout, PDF/A, signature
 * and verification QR code.
 *
 *   - the consequence-test sheet (Lembar Uji Konsekuensi, Perki 1/2017): the letterhead of the unit
 *     that proposed and tested, signed by the person who proposed it;
 *   - the classification decree (Surat Penetapan): set by PPID Utama, so PPID Utama's letterhead,
 *     "Ditetapkan di … / pada tanggal …", signed by the PPID official named in the decree.
 *
 * People are named by full name and position, never by login. Pure: every date comes from the
 * exclusion and every name from the context, so the same input gives the same bytes.
 */
import { localDateOf } from './calendar.ts';
import { EXCLUSION_END_TEXT } from './exclusion-end.ts';
import { exclusionEndWords } from './exclusion-end-words.ts';
import { type Exclusion, type LegalBasis, legalBasisText, PASAL_17_TEXT } from './exclusion-model.ts';
import type { Agency } from './model.ts';
import {
  type Block,
  type DocumentSpec,
  indonesianDate,
  type Letterhead,
  nameAndPosition,
  type Official,
  renderDocument,
  verificationCode,
  verificationUrl,
} from './official-documents/index.ts';

export { indonesianDate };

const zoneOf = (timeZone: string | undefined) => timeZone ?? 'Asia/Jakarta';

/**
 * The end of the exclusion as both documents state it (inclusive, exclusion-end.ts): "Pengecualian
 * berlaku sampai dengan 30 Juni 2027 dan berakhir setelah Selasa, 30 Juni 2027 pukul 23.59 WIB;
 * sejak hari berikutnya informasi wajib dibuka kembali atau diuji ulang melalui uji konsekuensi".
 */
export function endSentence(until: string, timeZone: string | undefined): string {
  const w = exclusionEndWords(until, zoneOf(timeZone), 'id');
  return `Pengecualian berlaku ${w.until} dan ${w.endsAfter}; ${EXCLUSION_END_TEXT.afterwards.id}`;
}

/** A unit's letterhead data (from its agency record). */
export interface UnitLetterhead {
  name: string;
  address?: string;
  /** The city the unit signs in ("Pontianak"). */
  city?: string;
  phone?: string;
  email?: string;
  website?: string;
  timezone?: string;
}

/** An agency's letterhead fields, as its record holds them. */
export const unitLetterhead = (a: Agency): UnitLetterhead => ({
  name: a.name,
  timezone: a.timezone,
  ...(a.address ? { address: a.address } : {}),
  ...(a.city ? { city: a.city } : {}),
  ...(a.phone ? { phone: a.phone } : {}),
  ...(a.email ? { email: a.email } : {}),
  ...(a.website ? { website: a.website } : {}),
});

export interface PdfContext {
  publicBody: { name: string; coatOfArms?: Uint8Array };
  /** The unit that holds the information and proposed the exclusion. With `timezone`, instants print as its local dates. */
  agency: UnitLetterhead;
  /** PPID Utama's unit: it issues the decree. */
  ppidUtama: UnitLetterhead;
  /** The people the documents name (resolved from the users who acted). */
  people: { proposer: Official; decider?: Official };
  /** The public register's origin, for the verification URL. */
  registerUrl: string;
}

export type ExclusionDocument = 'testSheet' | 'decree';

/** The verification code of one of an exclusion's documents (stable for the exclusion and its round). */
export const exclusionDocumentCode = (ex: Pick<Exclusion, 'exclusionId' | 'round'>, doc: ExclusionDocument) =>
  verificationCode(`exclusion/${ex.exclusionId}/r${ex.round}/${doc}`);

function dateOf(instant: string, tz: string | undefined): string {
  if (tz) {
    const d = new Date(instant);
    if (!Number.isNaN(d.getTime())) return localDateOf(d, tz);
  }
  return instant.slice(0, 10);
}

/** A unit's letterhead under the public body's name and coat of arms (also the request notices' and the objection response's). */
export const letterheadOf = (publicBody: { name: string; coatOfArms?: Uint8Array }, unit: UnitLetterhead): Letterhead => ({
  bodyName: publicBody.name,
  unitName: unit.name,
  ...(unit.address ? { address: unit.address } : {}),
  ...(unit.phone ? { phone: unit.phone } : {}),
  ...(unit.email ? { email: unit.email } : {}),
  ...(unit.website ? { website: unit.website } : {}),
  ...(publicBody.coatOfArms ? { coatOfArms: publicBody.coatOfArms } : {}),
});

/** Each ground of the legal basis on its own line, Pasal 17 letters with their text. */
function legalBasisLines(b: LegalBasis): string[] {
  return [...b.pasal17.map((l) => `UU 14/2008 Pasal 17 huruf ${l}: ${PASAL_17_TEXT[l].id}`), ...b.otherLaws.map((l) => `${l.law}, ${l.article}`)];
}

const NO_TIME_LIMIT = 'tanpa batas waktu (Pasal 17 huruf g/h)';

/** The date of the consequence test: as recorded, else the day it was proposed. */
const testDateIso = (ex: Exclusion, ctx: PdfContext) => ex.test.testedOn ?? dateOf(ex.proposedAt, ctx.agency.timezone);

// ---------------------------------------------------------------------------------------------
// Lembar Uji Konsekuensi

/** The consequence-test sheet of an exclusion, as proposed, and the Atasan PPID's decision if made. */
export function consequenceTestSheetSpec(ex: Exclusion, ctx: PdfContext): DocumentSpec {
  const t = ex.test;
  const tz = ctx.agency.timezone;
  const longDate = (instant: string) => indonesianDate(dateOf(instant, tz));
  const testDate = testDateIso(ex, ctx);
  const number = ex.dik?.number ?? ex.exclusionId;
  const indent = 18;
  const blocks: Block[] = [
    {
      kind: 'fields',
      rows: [
        ['Badan Publik', ctx.publicBody.name],
        ['Unit / Perangkat Daerah', ctx.agency.name],
        ...(ex.itemNumber ? ([['Informasi terkait (DIP)', ex.itemNumber]] as [string, string][]) : []),
        ...(ex.dik ? ([['Nomor DIK', ex.dik.number]] as [string, string][]) : []),
        ['Diusulkan oleh', `${nameAndPosition(ctx.people.proposer)}, ${longDate(ex.proposedAt)}${ex.round > 1 ? ` (usulan ke-${ex.round})` : ''}`],
      ],
    },
    { kind: 'section', number: '1', title: 'Dokumen yang diuji' },
    { kind: 'list', marker: 'paren', indent, items: t.documents.map((d) => (d.reference ? `${d.title}\nNomor/rujukan: ${d.reference}` : d.title)) },
    { kind: 'section', number: '2', title: 'Informasi yang dikecualikan' },
    { kind: 'paragraph', text: t.title, bold: true, indent },
    { kind: 'gap', size: 3 },
    { kind: 'paragraph', text: t.description, indent },
    { kind: 'section', number: '3', title: 'Dasar hukum' },
    { kind: 'list', marker: 'paren', indent, items: legalBasisLines(t.legalBasis) },
    { kind: 'section', number: '4', title: 'Konsekuensi bila informasi dibuka' },
    { kind: 'paragraph', text: t.consequence.ifOpened, indent },
    { kind: 'section', number: '5', title: 'Pertimbangan kepentingan publik' },
    { kind: 'paragraph', text: t.consequence.publicInterest, indent },
    { kind: 'section', number: '6', title: 'Jangka waktu pengecualian' },
    {
      kind: 'paragraph',
      indent,
      text: t.period.until ? `${endSentence(t.period.until, ctx.agency.timezone)}.` : `Dikecualikan ${NO_TIME_LIMIT}.`,
    },
    { kind: 'section', number: '7', title: 'Peserta uji konsekuensi' },
    {
      kind: 'table',
      columns: [
        { title: 'No', width: 28, align: 'center' },
        { title: 'Nama', width: 160 },
        { title: 'Jabatan', width: 170 },
        { title: 'Tanda tangan', width: 123.9 },
      ],
      rows: t.participants.map((p, i) => [String(i + 1), p.name, p.position, '']),
      minRowHeight: 34,
    },
    { kind: 'gap', size: 10 },
    { kind: 'fields', rows: [['Tanggal uji konsekuensi', indonesianDate(testDate)]] },
  ];
  if (ex.decision) {
    const d = ex.decision;
    blocks.push({ kind: 'heading', text: 'Keputusan Atasan PPID' });
    blocks.push({
      kind: 'fields',
      rows: [
        [
          'Keputusan',
          d.decision === 'ya'
            ? 'Ya: disetujui untuk ditetapkan sebagai informasi yang dikecualikan'
            : 'Tidak: tidak disetujui untuk ditetapkan sebagai informasi yang dikecualikan',
        ],
        ['Oleh', ctx.people.decider ? nameAndPosition(ctx.people.decider) : 'Atasan PPID'],
        ['Tanggal', longDate(d.at)],
        ...(d.note ? ([['Catatan', d.note]] as [string, string][]) : []),
      ],
    });
  }
  const code = exclusionDocumentCode(ex, 'testSheet');
  return {
    type: 'consequence_test_sheet',
    number,
    title: `Lembar Uji Konsekuensi: ${t.title}`,
    subject: `Uji konsekuensi informasi yang dikecualikan (Perki 1/2017), ${ctx.agency.name}`,
    author: ctx.publicBody.name,
    keywords: ['uji konsekuensi', 'informasi yang dikecualikan', ex.exclusionId],
    createdAt: ex.dik?.setAt ?? ex.decision?.at ?? ex.proposedAt,
    letterhead: letterheadOf(ctx.publicBody, ctx.agency),
    heading: ['LEMBAR UJI KONSEKUENSI INFORMASI YANG DIKECUALIKAN'],
    blocks: [
      { kind: 'paragraph', text: 'Peraturan Komisi Informasi Nomor 1 Tahun 2017 tentang Pengklasifikasian Informasi Publik', align: 'center', size: 9 },
      { kind: 'gap', size: 8 },
      ...blocks,
    ],
    signature: {
      form: 'letter',
      place: ctx.agency.city ?? ex.decree?.place ?? '',
      date: testDate,
      capacity: 'Yang melakukan uji konsekuensi,',
      official: ctx.people.proposer,
    },
    footerLabel: `Lembar Uji Konsekuensi ${number} – ${t.title}`,
    verificationUrl: verificationUrl(ctx.registerUrl, code),
  };
}

// ---------------------------------------------------------------------------------------------
// Surat Penetapan

/** The classification decree that sets the information in the DIK. Requires `ex.decree` and `ex.dik`. */
export function decreeSpec(ex: Exclusion, ctx: PdfContext): DocumentSpec {
  const decree = ex.decree;
  const dik = ex.dik;
  if (!decree || !dik) throw new Error(`decreePdf: exclusion ${ex.exclusionId} has no ${decree ? 'DIK number' : 'decree'} yet`);
  const t = ex.test;
  const official: Official = decree.official;
  const until = dik.until ?? t.period.until;
  const decreeDate = indonesianDate(decree.date);
  const body = ctx.publicBody.name.toUpperCase();
  const approved =
    ex.decision?.decision === 'ya'
      ? [
          `bahwa Atasan PPID telah menyetujui penetapan informasi tersebut sebagai informasi yang dikecualikan pada tanggal ${indonesianDate(dateOf(ex.decision.at, ctx.ppidUtama.timezone ?? ctx.agency.timezone))};`,
        ]
      : [];
  const diktum = (label: string, text: string): Block => ({ kind: 'labelled', label, items: [text] });
  const code = exclusionDocumentCode(ex, 'decree');
  return {
    type: 'exclusion_decree',
    number: decree.number,
    title: `Keputusan PPID Nomor ${decree.number} tentang Penetapan Informasi yang Dikecualikan`,
    subject: `Penetapan informasi yang dikecualikan: ${t.title} (${dik.number})`,
    author: ctx.publicBody.name,
    keywords: ['surat penetapan', 'informasi yang dikecualikan', dik.number, ex.exclusionId],
    createdAt: decree.recordedAt,
    letterhead: letterheadOf(ctx.publicBody, ctx.ppidUtama),
    heading: [`KEPUTUSAN PPID ${body}`, `NOMOR ${decree.number}`, 'TENTANG', 'PENETAPAN INFORMASI YANG DIKECUALIKAN'],
    blocks: [
      { kind: 'gap', size: 8 },
      { kind: 'paragraph', text: `PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI ${body},`, bold: true, align: 'center' },
      { kind: 'gap', size: 8 },
      {
        kind: 'labelled',
        label: 'Menimbang',
        marker: 'letter',
        items: [
          `bahwa berdasarkan uji konsekuensi tanggal ${indonesianDate(testDateIso(ex, ctx))}, informasi "${t.title}" yang dikuasai ${ctx.agency.name} memenuhi alasan pengecualian menurut ${legalBasisText(t.legalBasis)};`,
          ...approved,
          'bahwa berdasarkan pertimbangan tersebut, perlu menetapkan Keputusan PPID tentang Penetapan Informasi yang Dikecualikan;',
        ],
      },
      {
        kind: 'labelled',
        label: 'Mengingat',
        marker: 'number',
        items: [
          'Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik;',
          'Peraturan Pemerintah Nomor 61 Tahun 2010 tentang Pelaksanaan Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik;',
          'Peraturan Komisi Informasi Nomor 1 Tahun 2017 tentang Pengklasifikasian Informasi Publik;',
          ...[...new Set(t.legalBasis.otherLaws.map((l) => l.law))].map((law) => `${law};`),
        ],
      },
      { kind: 'heading', text: 'MEMUTUSKAN:', align: 'center' },
      { kind: 'labelled', label: 'Menetapkan', items: ['KEPUTUSAN PPID TENTANG PENETAPAN INFORMASI YANG DIKECUALIKAN.'], bold: true },
      diktum('KESATU', 'Menetapkan informasi berikut sebagai Informasi yang Dikecualikan:'),
      {
        kind: 'fields',
        indent: 90,
        labelWidth: 145,
        rows: [
          ['Nomor DIK', dik.number],
          ['Informasi yang dikecualikan', t.title],
          ['Uraian informasi', t.description],
          ['Dokumen', t.documents.map((d, i) => `${i + 1}) ${d.title}${d.reference ? ` (${d.reference})` : ''}`).join('\n')],
          ['Badan Publik', ctx.publicBody.name],
          ['Unit / Perangkat Daerah', ctx.agency.name],
          ['Jenis pengecualian', legalBasisLines(t.legalBasis).join('\n')],
          [
            'Jangka waktu pengecualian',
            until ? `sejak ${decreeDate} ${exclusionEndWords(until, zoneOf(ctx.agency.timezone), 'id').until}` : `sejak ${decreeDate}, ${NO_TIME_LIMIT}`,
          ],
          ['Alasan pengecualian', `Konsekuensi bila dibuka: ${t.consequence.ifOpened}\nPertimbangan kepentingan publik: ${t.consequence.publicInterest}`],
          ['Pejabat yang menetapkan', nameAndPosition(official)],
          ['Tempat dan tanggal', `${decree.place}, ${decreeDate}`],
        ],
      },
      { kind: 'gap', size: 6 },
      diktum(
        'KEDUA',
        `Informasi sebagaimana dimaksud dalam Diktum KESATU dicatat dalam Daftar Informasi yang Dikecualikan (DIK) dengan nomor ${dik.number} dan diumumkan di laman PPID.`,
      ),
      diktum('KETIGA', until ? `${endSentence(until, ctx.agency.timezone)}.` : `Pengecualian berlaku ${NO_TIME_LIMIT}.`),
      diktum('KEEMPAT', 'Keputusan ini mulai berlaku pada tanggal ditetapkan.'),
    ],
    signature: { form: 'decree', place: decree.place, date: decree.date, official },
    footerLabel: `Keputusan PPID Nomor ${decree.number} – ${dik.number}`,
    verificationUrl: verificationUrl(ctx.registerUrl, code),
  };
}

/** The unsigned consequence-test sheet (previews and tests; the SetDik task issues it signed). */
export const consequenceTestSheetPdf = (ex: Exclusion, ctx: PdfContext) => renderDocument(consequenceTestSheetSpec(ex, ctx));

/** The unsigned decree (previews and tests; the SetDik task issues it signed). */
export const decreePdf = async (ex: Exclusion, ctx: PdfContext) => renderDocument(decreeSpec(ex, ctx));
