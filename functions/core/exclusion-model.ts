/**
 * Excluded information (Informasi yang Dikecualikan, UU 14/2008 Pasal 17; Perki 1/2017) and its
 * list, the DIK (Daftar Informasi yang Dikecualikan). SOP 002 (seed 002, Kalteng Diskominfo
 * 473.2/583.2):
 *
 *   1 PPID Pelaksana or PPID Utama proposes, with a consequence test (Uji Konsekuensi)   tentatif
 *   2 the Atasan PPID decides Ya / Tidak                                                   1 Menit
 *   3 PPID Utama sets the DIK: the classification decree (Surat Penetapan)                1 Minggu
 *   4 the DIK is published on the PPID website                                            1 Menit
 *
 * Exclusions under letters a–f (and under another law, letter j and i) end on a date; when it comes
 * the information must be opened again or tested anew. Only g (authentic deeds and wills) and h
 * (personal secrets) may be excluded without an end date.
 */
import * as z from 'zod';
import type { InboxEntry, StepTiming } from './item-model.ts';
import { isoDate } from './model.ts';
import { Nip } from './official-documents/people.ts';
import { PASAL_17, PERMANENT_GROUNDS } from './pasal-17.ts';

export { legalBasisText, PASAL_17, PASAL_17_TEXT, type Pasal17Letter, PERMANENT_GROUNDS } from './pasal-17.ts';

/** A trimmed text field whose messages name the element in both languages ("id / en" is split by the API). */
const text = (min: number, max: number, what: { id: string; en: string }) =>
  z
    .string(`${what.id} wajib diisi / ${what.en} is required`)
    .trim()
    .min(min, `${what.id}: minimal ${min} karakter / ${what.en}: at least ${min} characters`)
    .max(max, `${what.id}: maksimal ${max} karakter / ${what.en}: at most ${max} characters`);

const required = (what: { id: string; en: string }) => `${what.id} wajib diisi / ${what.en} is required`;

export const OtherLaw = z.strictObject({
  law: text(5, 300, { id: 'nama undang-undang', en: 'name of the law' }).meta({ description: 'e.g. "Undang-Undang Nomor 36 Tahun 2009 tentang Kesehatan"' }),
  article: text(1, 100, { id: 'pasal undang-undang', en: 'article of the law' }).meta({ description: 'e.g. "Pasal 57 ayat (1)"' }),
});
export type OtherLaw = z.infer<typeof OtherLaw>;

const LEGAL_BASIS = { id: 'dasar hukum (Pasal 17 huruf a–j dan/atau undang-undang lain)', en: 'legal basis (Pasal 17 letter a–j and/or another law)' };
const PERIOD = { id: 'jangka waktu pengecualian', en: 'exclusion period' };

export const LegalBasis = z
  .strictObject(
    {
      pasal17: z
        .array(z.enum(PASAL_17, 'huruf Pasal 17 harus a–j / Pasal 17 letters are a–j'))
        .max(10)
        .refine((l) => new Set(l).size === l.length, 'huruf Pasal 17 tidak boleh berulang / Pasal 17 letters must not repeat')
        .default([])
        .meta({ description: 'UU 14/2008 Pasal 17 letters' }),
      otherLaws: z.array(OtherLaw).max(10).default([]).meta({ description: 'Another law and its article that excludes the information' }),
    },
    required(LEGAL_BASIS),
  )
  .superRefine((b, ctx) => {
    if (b.pasal17.length === 0 && b.otherLaws.length === 0) ctx.addIssue({ code: 'custom', path: [], message: required(LEGAL_BASIS) });
    if (b.pasal17.includes('j') && b.otherLaws.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['otherLaws'],
        message: 'huruf j: sebutkan undang-undang dan pasalnya / letter j: name the law and its article',
      });
  });
export type LegalBasis = z.infer<typeof LegalBasis>;

/**
 * The consequence-test form (Uji Konsekuensi, Perki 1/2017): every element is required, and the
 * form is refused, element by element, when any is missing.
 */
export const ConsequenceTest = z
  .strictObject({
    title: text(3, 300, { id: 'informasi yang dikecualikan', en: 'information excluded' }).meta({
      description: 'The information excluded, as the DIK names it',
    }),
    documents: z
      .array(
        z.strictObject({
          title: text(3, 300, { id: 'judul dokumen', en: 'document title' }),
          reference: text(1, 200, { id: 'nomor/rujukan dokumen', en: 'document reference' }).optional(),
        }),
        required({ id: 'dokumen yang diuji', en: 'documents concerned' }),
      )
      .min(1, required({ id: 'dokumen yang diuji (minimal satu)', en: 'documents concerned (at least one)' }))
      .max(50)
      .meta({ description: 'Step 1 of the test: the documents concerned' }),
    description: text(20, 4000, { id: 'uraian informasi yang dikecualikan', en: 'precise description of the information' }).meta({
      description: 'Step 2: the information, described precisely',
    }),
    legalBasis: LegalBasis.meta({ description: 'Step 3: the legal basis' }),
    consequence: z
      .strictObject(
        {
          ifOpened: text(20, 4000, { id: 'konsekuensi bila dibuka', en: 'consequence if opened' }),
          publicInterest: text(20, 4000, { id: 'pertimbangan kepentingan publik', en: 'public interest weighed' }).meta({
            description: 'Why closing it serves a greater public interest than opening it',
          }),
        },
        required({ id: 'konsekuensi dan kepentingan publik', en: 'consequence and public interest' }),
      )
      .meta({ description: 'Step 4: the consequence of opening, weighed against the public interest' }),
    period: z
      .strictObject(
        {
          until: isoDate.optional().meta({ description: 'The exclusion ends at the start of this local date; absent only for Pasal 17 g and h' }),
        },
        required(PERIOD),
      )
      .meta({ description: 'The proposed exclusion period' }),
    participants: z
      .array(
        z.strictObject({
          name: text(3, 200, { id: 'nama peserta', en: 'participant name' }),
          position: text(3, 200, { id: 'jabatan peserta', en: 'participant position' }),
        }),
        required({ id: 'peserta uji konsekuensi', en: 'participants of the test' }),
      )
      .min(1, required({ id: 'peserta uji konsekuensi (minimal satu)', en: 'participants of the test (at least one)' }))
      .max(30),
    testedOn: isoDate.optional().meta({ description: 'The date of the test; today when absent' }),
  })
  .superRefine((t, ctx) => {
    if (t.period.until !== undefined) return;
    const grounds = t.legalBasis.pasal17;
    // Another law may be cited beside g/h (e.g. the health law beside h for medical records).
    const permanent = grounds.length > 0 && grounds.every((g) => PERMANENT_GROUNDS.includes(g));
    if (!permanent)
      ctx.addIssue({
        code: 'custom',
        path: ['period', 'until'],
        message:
          'tanggal berakhir wajib diisi; hanya Pasal 17 huruf g dan h yang boleh tanpa batas waktu / an end date is required; only Pasal 17 letters g and h may have no end date',
      });
  });
export type ConsequenceTest = z.infer<typeof ConsequenceTest>;

export const Decree = z.strictObject({
  number: text(3, 120, { id: 'nomor surat penetapan', en: 'decree number' }),
  date: isoDate.meta({ description: 'The date of the decree' }),
  place: text(2, 100, { id: 'tempat penetapan', en: 'place of the decree' }),
  official: z.strictObject(
    {
      name: text(3, 200, { id: 'nama pejabat PPID yang menetapkan', en: 'name of the PPID official' }),
      position: text(3, 200, { id: 'jabatan pejabat PPID', en: 'position of the PPID official' }),
      rank: text(3, 100, { id: 'pangkat/golongan pejabat PPID', en: 'rank of the PPID official' }).optional(),
      nip: Nip.optional(),
    },
    required({ id: 'pejabat PPID yang menetapkan', en: 'the PPID official who set it' }),
  ),
});
export type Decree = z.infer<typeof Decree>;

export type ExclusionState = 'proposed' | 'returned' | 'approved' | 'in_force' | 'expired' | 'revoked';
export const EXCLUSION_STATES: readonly ExclusionState[] = ['proposed', 'returned', 'approved', 'in_force', 'expired', 'revoked'];

/** A generated, private PDF (never copied to the register). */
export interface GeneratedFile {
  key: string;
  fileName: string;
  size: number;
  sha256: string;
  generatedAt: string;
}

/** A person's wait (the Atasan's decision, PPID Utama's decree) with its deadline and reminders. */
export interface ExclusionWait {
  phase: 'decision' | 'decree';
  since: string;
  deadline?: { at: string; local: string; explanation: { id: string; en: string }; rule: unknown };
  reminders: number;
  escalatedAt?: string;
  nextReminderAt?: string;
  /** Set while the workflow waits; never sent to clients. */
  taskToken?: string;
}

export interface Exclusion {
  exclusionId: string;
  agencyId: string;
  /** The existing item concerned, if any (withdrawn from the DIP while the exclusion is in force). */
  itemId?: string;
  itemNumber?: string;
  state: ExclusionState;
  /** How many times it has been proposed (a returned proposal may be revised and proposed again). */
  round: number;
  test: ConsequenceTest;
  proposedAt: string;
  proposedBy: string;
  proposedRole: string;
  executionName?: string;
  wait?: ExclusionWait;
  decision?: { decision: 'ya' | 'tidak'; note?: string; by: string; role: string; at: string };
  decree?: Decree & { recordedBy: string; recordedAt: string };
  /** Set when the DIK is set: its number there, and from when to when. */
  dik?: { number: string; sequence: number; year: number; setAt: string; until?: string; endsAt?: string };
  files?: { testSheet?: GeneratedFile; decree?: GeneratedFile };
  /** The last attempt to issue the documents failed (the signature); cleared when they are issued. */
  issueFailure?: { at: string; reason: string };
  /** The ended exclusion of the same information that this proposal tests again. */
  renews?: string;
  /** The information request whose refusal this consequence test was started for. */
  requestId?: string;
  ended?: { at: string; reason: 'expired' | 'revoked'; by: string; note?: string };
  /** After it ended: the item was published again as open (PPID Utama). */
  reopened?: { at: string; by: string };
  /** After it ended: the new proposal that tests the information again. */
  renewedBy?: string;
  /** SOP 002 steps 2–4 as they happened, against the Mutu Baku. */
  steps: StepTiming[];
  inbox: InboxEntry[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** One row of the published DIK: what the register and its exports show, and nothing else. */
export interface DikEntry {
  exclusionId: string;
  /** The DIK's own number, e.g. `DIK/2026/0003`. */
  number: string;
  year: number;
  sequence: number;
  agencyId: string;
  /** Column 2: the information excluded. */
  title: string;
  legalBasis: LegalBasis;
  consequence: { ifOpened: string; publicInterest: string };
  /** From the decree date until the end date (absent: no time limit, Pasal 17 g/h). */
  period: { from: string; until?: string };
  decree: { number: string; date: string; place: string; official: string };
  setAt: string;
}

export function dikEntry(ex: Exclusion): DikEntry {
  const d = ex.decree!;
  const k = ex.dik!;
  return {
    exclusionId: ex.exclusionId,
    number: k.number,
    year: k.year,
    sequence: k.sequence,
    agencyId: ex.agencyId,
    title: ex.test.title,
    legalBasis: ex.test.legalBasis,
    consequence: ex.test.consequence,
    period: { from: d.date, ...(k.until ? { until: k.until } : {}) },
    decree: { number: d.number, date: d.date, place: d.place, official: `${d.official.name}, ${d.official.position}` },
    setAt: k.setAt,
  };
}

/** What clients see of an exclusion: the task token stays on the server. */
export function exclusionView(ex: Exclusion) {
  const { wait, ...rest } = ex;
  if (!wait) return { ...rest };
  const { taskToken: _t, ...visible } = wait;
  return { ...rest, wait: visible };
}
