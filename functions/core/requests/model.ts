/**
 * Information requests (permohonan informasi publik), UU 14/2008 Pasal 21–22, Perki 1/2021.
 *
 *   A member of the public files on the register (or Petugas registers one received in person, by
 *   phone, by letter or by email, with its real date of receipt)
 *     ─▶ a registration number at once (PMH/<year>/<nnnnn>, gap-free per year), the statutory
 *        deadline (10 working days after receipt, day of receipt = day 0), a tracking code shown once
 *     ─▶ PPID Utama routes it to the SKPD(s) holding the information (each part with an internal
 *        deadline, default 5 working days), or records that the body does not hold it
 *     ─▶ each SKPD's PPID Pelaksana answers its part: granted, granted in part or refused; a refusal
 *        must cite a DIK entry in force or an exclusion decided Ya through SOP 002 for this request
 *     ─▶ when every part is answered the written notice (Pasal 22(7)) is issued, signed, mailed and
 *        shown on the status page; released documents are downloadable by the requester only
 *     ─▶ closed when delivered (or refused / not held), with who and when.
 *   Once, before the deadline, the deadline may be extended by 7 working days with written reasons
 *   (Pasal 22(8)). Staff may ask for clarification; the clock does not stop for it.
 *
 * Personal data (UU 27/2022): the requester's identity and contact live in a record of their own
 * (`RequestPersonal`), never in the request record, which is what lists, the register's public log
 * and the statistics read. Audit entries carry only a hash of it.
 */
import * as z from 'zod';
import type { DeadlineRule } from '../calendar.ts';
import type { GeneratedFile } from '../exclusion-model.ts';
import type { InboxEntry } from '../item-model.ts';
import { agencyId, isoDate } from '../model.ts';
import { DELIVERY_METHODS, OBTAIN_FORMS } from './forms.ts';

/** "nama wajib diisi / the name is required" — one message per field, split by the API into id and en. */
export const req = (id: string, en: string) => `${id} / ${en}`;

/** A required text of min to max characters, trimmed; `what` names it in the messages. */
export const text = (min: number, max: number, what: { id: string; en: string }) =>
  z
    .string(req(`${what.id} wajib diisi`, `${what.en} is required`))
    .trim()
    .min(min, req(`${what.id} minimal ${min} karakter`, `${what.en} needs at least ${min} characters`))
    .max(max, req(`${what.id} maksimal ${max} karakter`, `${what.en} has at most ${max} characters`));

// ─── what the requester gives ────────────────────────────────────────────────────────────────────

/** Individual (NIK from the KTP) or legal entity (badan hukum: its decree number). */
export const REQUESTER_KINDS = ['individual', 'legal_entity'] as const;
export { DELIVERY_METHODS, OBTAIN_FORMS } from './forms.ts';
/** How the request reached the body. `online` is the register's form. */
export const CHANNELS = ['online', 'in_person', 'phone', 'letter', 'email'] as const;

/** NIK: 16 digits; the first six are the region code of the KTP's issuing district. */
const nik = z
  .string()
  .trim()
  .regex(/^\d{16}$/, req('NIK harus 16 angka sesuai KTP', 'the NIK is the 16 digits on the KTP'));

const phone = z
  .string()
  .trim()
  .regex(
    /^\+?[0-9 ()-]{8,20}$/,
    req('nomor telepon tidak valid (8–20 angka, boleh diawali +)', 'the phone number is not valid (8–20 digits, may start with +)'),
  );

const email = z.email(req('alamat surel tidak valid', 'the email address is not valid')).max(254);

/** The requester's identity and contact: personal data, kept apart (see `RequestPersonal`). */
export const Requester = z
  .strictObject({
    kind: z.enum(REQUESTER_KINDS, req('jenis pemohon: perorangan atau badan hukum', 'requester: individual or legal entity')),
    fullName: text(3, 200, { id: 'nama lengkap', en: 'the full name' }),
    nik: nik.optional(),
    /** For a legal entity: the number of its decree of incorporation (SK Kemenkumham). */
    legalEntityDecree: text(3, 120, { id: 'nomor SK badan hukum', en: "the legal entity's decree number" }).optional(),
    address: text(10, 500, { id: 'alamat', en: 'the address' }),
    phone: phone.optional(),
    email: email.optional(),
    /** Filing for someone else: the upload id of the power of attorney (surat kuasa). */
    onBehalfOf: text(3, 200, { id: 'nama yang diwakili', en: 'the name of the person represented' }).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'individual' && !r.nik)
      ctx.addIssue({ code: 'custom', path: ['nik'], message: req('NIK wajib diisi untuk pemohon perorangan', 'the NIK is required for an individual') });
    if (r.kind === 'legal_entity' && !r.legalEntityDecree)
      ctx.addIssue({
        code: 'custom',
        path: ['legalEntityDecree'],
        message: req('nomor SK badan hukum wajib diisi untuk badan hukum', 'a legal entity must give its decree number'),
      });
    if (!r.phone && !r.email)
      ctx.addIssue({ code: 'custom', path: ['email'], message: req('isi nomor telepon dan/atau alamat surel', 'give a phone number and/or an email address') });
  });
export type Requester = z.infer<typeof Requester>;

/** What is asked, and how it is to be given. Not personal: the public log shows `information`. */
export const RequestContent = z.strictObject({
  information: text(10, 4000, { id: 'rincian informasi yang dibutuhkan', en: 'the information requested' }),
  purpose: text(5, 2000, { id: 'tujuan penggunaan informasi', en: 'the purpose' }),
  obtainForm: z.enum(OBTAIN_FORMS, req('pilih cara memperoleh informasi', 'choose how to obtain the information')),
  deliveryMethod: z.enum(DELIVERY_METHODS, req('pilih cara mendapatkan salinan informasi', 'choose how to receive it')),
});
export type RequestContent = z.infer<typeof RequestContent>;

export const PublicRequestForm = z.strictObject({
  requester: Requester,
  content: RequestContent,
  /** A fresh id per form shown (hidden field): a double click or a resent form files one request. */
  submissionId: z.uuid(req('formulir kedaluwarsa; muat ulang halaman', 'the form has expired; reload the page')),
  /** The power of attorney (surat kuasa), uploaded first; required when `requester.onBehalfOf` is set. */
  powerOfAttorneyUploadId: z.uuid().optional(),
  /** Honeypot: hidden from people; a bot that fills it is refused. */
  website: z.string().max(200).optional(),
});
export type PublicRequestForm = z.infer<typeof PublicRequestForm>;

/** Petugas registers a request received another way, with the real date of receipt. */
export const StaffRequestForm = z.strictObject({
  requester: Requester,
  content: RequestContent,
  channel: z.enum(CHANNELS, req('pilih saluran permohonan', 'choose the channel')),
  receivedOn: isoDate.meta({ description: 'The local date the body received it (a letter that arrived yesterday counts from yesterday)' }),
  submissionId: z.uuid(),
  note: z.string().trim().max(1000).optional(),
});
export type StaffRequestForm = z.infer<typeof StaffRequestForm>;

// ─── what staff decide ───────────────────────────────────────────────────────────────────────────

export const Routing = z.discriminatedUnion('held', [
  z.strictObject({
    held: z.literal(true),
    agencies: z.array(agencyId).min(1, req('pilih minimal satu SKPD', 'choose at least one SKPD')).max(30),
    note: z.string().trim().max(2000).optional(),
    version: z.number().int().min(1),
  }),
  z.strictObject({
    held: z.literal(false),
    /** The body that may hold it (Pasal 22(7)(b)). */
    otherBody: text(3, 300, { id: 'nama badan publik yang menguasai informasi', en: 'the body that may hold it' }),
    note: z.string().trim().max(2000).optional(),
    version: z.number().int().min(1),
  }),
]);
export type Routing = z.infer<typeof Routing>;

export const DECISIONS = ['granted', 'partial', 'refused'] as const;
export type Decision = (typeof DECISIONS)[number];

/** A document released with the answer: one the SKPD uploaded to the request and the server checked. */
export const ReleasedDocument = z.strictObject({
  docId: z.uuid(),
  /** A blacked-out copy (part granted): what was blacked out and on which ground. */
  redaction: z
    .strictObject({
      what: text(3, 1000, { id: 'bagian yang dihitamkan', en: 'what was blacked out' }),
      ground: text(3, 500, { id: 'dasar penghitaman', en: 'the ground' }),
    })
    .optional(),
  /** Also on the register's public log of answered requests. */
  public: z.boolean().default(false),
});

export const PartAnswer = z
  .strictObject({
    decision: z.enum(DECISIONS, req('pilih: dikabulkan, dikabulkan sebagian, atau ditolak', 'choose: granted, granted in part, or refused')),
    /** The DIK entries / exclusions (SOP 002) the refusal rests on. */
    exclusionIds: z.array(z.uuid()).max(20).default([]),
    form: text(3, 300, { id: 'bentuk informasi', en: 'the form of the information' }),
    cost: z.number().int().min(0).max(100_000_000).default(0).meta({ description: 'Rupiah; 0 when free' }),
    howToPay: z.string().trim().max(1000).optional(),
    deliveryTime: text(3, 300, { id: 'waktu penyampaian', en: 'when it is delivered' }),
    documents: z.array(ReleasedDocument).max(20).default([]),
    note: z.string().trim().max(4000).optional(),
    version: z.number().int().min(1),
  })
  .superRefine((a, ctx) => {
    if (a.decision !== 'granted' && a.exclusionIds.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['exclusionIds'],
        message: req(
          'penolakan harus merujuk entri DIK yang berlaku atau hasil uji konsekuensi (SOP 002) untuk permohonan ini',
          'a refusal must cite a DIK entry in force or a consequence test (SOP 002) decided for this request',
        ),
      });
    if (a.decision === 'refused' && a.documents.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['documents'],
        message: req('permohonan yang ditolak tidak melepas dokumen', 'a refused request releases no documents'),
      });
  });
export type PartAnswer = z.infer<typeof PartAnswer>;

export const Extension = z.strictObject({
  reasons: text(10, 2000, { id: 'alasan perpanjangan', en: 'the reasons for the extension' }),
  version: z.number().int().min(1),
});

export const ClarificationQuestion = z.strictObject({
  question: text(10, 2000, { id: 'pertanyaan klarifikasi', en: 'the question' }),
  version: z.number().int().min(1),
});

export const ClarificationReply = z.strictObject({
  number: z.string(),
  code: z.string(),
  answer: text(2, 4000, { id: 'jawaban klarifikasi', en: 'the answer' }),
});

export const Delivery = z.strictObject({
  deliveredOn: isoDate,
  how: text(3, 300, { id: 'cara penyerahan', en: 'how it was handed over' }),
  version: z.number().int().min(1),
});

// ─── the records ─────────────────────────────────────────────────────────────────────────────────

export const REQUEST_STATES = ['registered', 'routed', 'answered', 'closed'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export interface Deadline {
  at: string;
  local: string;
  explanation: { id: string; en: string };
  rule: DeadlineRule;
}

export interface ReleasedFile {
  docId: string;
  key: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  redaction?: { what: string; ground: string };
  public: boolean;
}

/** A file an SKPD uploaded for its answer: pending until the server checked it. */
export interface RequestDocument {
  docId: string;
  agencyId: string;
  fileName: string;
  contentType: string;
  kind: string;
  size: number;
  sha256: string;
  key: string;
  status: 'pending' | 'verified';
  uploadedBy: string;
  uploadedAt: string;
}

/** One SKPD's share of the answer. */
export interface RequestPart {
  agencyId: string;
  routedAt: string;
  /** Internal deadline (settings: default 5 working days). */
  deadline: Deadline;
  taskToken?: string;
  reminders: number;
  escalatedAt?: string;
  nextReminderAt?: string;
  answer?: {
    decision: Decision;
    /** Each cited exclusion with what the notice prints of it: the legal basis and the consequence-test result. */
    grounds: { exclusionId: string; dikNumber?: string; legalBasis: string; consequence: { ifOpened: string; publicInterest: string } }[];
    form: string;
    cost: number;
    howToPay?: string;
    deliveryTime: string;
    documents: ReleasedFile[];
    note?: string;
    answeredAt: string;
    answeredBy: string;
  };
}

export interface TimelineEvent {
  at: string;
  type:
    | 'received'
    | 'registered'
    | 'routed'
    | 'not_held'
    | 'part_answered'
    | 'extended'
    | 'clarification_asked'
    | 'clarification_answered'
    | 'notice_issued'
    | 'reminded'
    | 'escalated'
    | 'delivered'
    | 'closed'
    | 'personal_data_erased';
  /** An SKPD, for a part. */
  agencyId?: string;
  by?: string;
  note?: string;
}

export interface Request {
  requestId: string;
  /** PMH/<year>/<nnnnn>. */
  number: string;
  year: number;
  sequence: number;
  state: RequestState;
  channel: (typeof CHANNELS)[number];
  requesterKind: (typeof REQUESTER_KINDS)[number];
  onBehalf: boolean;
  content: RequestContent;
  receivedAt: string;
  /** The local date of receipt (day 0). */
  receivedOn: string;
  registeredAt: string;
  registeredBy: string;
  /** SHA-256 of the tracking code (the code itself is shown once and never stored). */
  trackingHash: string;
  /** Notice deadline: 10 working days, or 17 after the extension. */
  deadline: Deadline;
  reminderAt?: string;
  remindedAt?: string;
  escalatedAt?: string;
  escalations: number;
  nextEscalationAt?: string;
  extension?: { at: string; by: string; reasons: string; previousDeadline: string };
  routing?: { at: string; by: string; held: boolean; agencies: string[]; otherBody?: string; note?: string };
  parts: RequestPart[];
  /** PPID Utama's routing wait (before the parts). */
  routingWait?: { taskToken?: string };
  clarifications: { askedAt: string; askedBy: string; question: string; answeredAt?: string; answer?: string }[];
  /** Set when the notice is issued: the whole body's decision. */
  outcome?: { held: boolean; decision?: Decision; cost: number; answeredAt: string; workingDays?: number };
  notice?: { number: string; file: GeneratedFile; issuedAt: string; verificationCode: string };
  extensionNotice?: { number: string; file: GeneratedFile; issuedAt: string; verificationCode: string };
  delivery?: { deliveredOn: string; how: string; by: string; at: string };
  closed?: { at: string; by: string; reason: 'delivered' | 'refused' | 'not_held' };
  /** The requester's personal data was erased after the retention period. */
  personalErasedAt?: string;
  executionName?: string;
  /** Where it waits now (PPID Utama's routing, each SKPD's part, escalations). */
  inbox: InboxEntry[];
  /** Documents uploaded by the SKPDs for their answers (checked before release). */
  documents: RequestDocument[];
  timeline: TimelineEvent[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The requester's personal data: its own record, read only by those who handle the request. */
export interface RequestPersonal {
  requestId: string;
  requester: Requester;
  /**
   * The tracking code, for the links in the requester's own mails (the notice, a clarification). It is
   * the requester's credential: kept here with their other personal data, erased with it, and never
   * shown to staff (the request record keeps only its hash).
   */
  trackingCode?: string;
  powerOfAttorney?: { key: string; fileName: string; contentType: string; size: number; sha256: string };
  /** Set when the request closes: after this instant the retention job erases the record. */
  eraseAfter?: string;
  version: number;
}

/** What staff clients see of a request: the task tokens stay on the server. */
export function requestView(r: Request) {
  const { routingWait: _w, executionName: _e, trackingHash: _t, inbox: _i, ...rest } = r;
  return { ...rest, parts: r.parts.map(({ taskToken: _tok, ...p }) => p) };
}
export type RequestView = ReturnType<typeof requestView>;

/** A request number → its id: `PMH/2026/00042` → `2026-00042`. */
export function requestIdOf(number: string): string | undefined {
  const m = /^PMH\/(\d{4})\/(\d{5,})$/.exec(number.trim().toUpperCase());
  return m ? `${m[1]}-${m[2]}` : undefined;
}
export const requestNumber = (year: number, sequence: number) => `PMH/${year}/${String(sequence).padStart(5, '0')}`;
export const requestIdFor = (year: number, sequence: number) => `${year}-${String(sequence).padStart(5, '0')}`;

/**
 * What the requester sees on the status page: the state, the deadline, every step with its date, the
 * notices and the released documents. No staff logins, no task tokens, no personal data.
 */
export function requesterView(r: Request) {
  return {
    number: r.number,
    state: r.state,
    channel: r.channel,
    content: r.content,
    receivedAt: r.receivedAt,
    receivedOn: r.receivedOn,
    deadline: { at: r.deadline.at, local: r.deadline.local, explanation: r.deadline.explanation },
    ...(r.extension ? { extension: { at: r.extension.at, reasons: r.extension.reasons, previousDeadline: r.extension.previousDeadline } } : {}),
    timeline: r.timeline.map(({ by: _by, ...e }) => e),
    clarifications: r.clarifications.map(({ askedBy: _by, ...c }) => c),
    parts: r.parts.map((p) => ({ agencyId: p.agencyId, ...(p.answer ? { decision: p.answer.decision, answeredAt: p.answer.answeredAt } : {}) })),
    ...(r.routing && !r.routing.held ? { notHeld: { otherBody: r.routing.otherBody } } : {}),
    ...(r.outcome ? { outcome: r.outcome } : {}),
    ...(r.notice ? { notice: { number: r.notice.number, issuedAt: r.notice.issuedAt, verificationCode: r.notice.verificationCode } } : {}),
    ...(r.extensionNotice ? { extensionNotice: { number: r.extensionNotice.number, issuedAt: r.extensionNotice.issuedAt } } : {}),
    released: r.notice
      ? r.parts.flatMap((p) =>
          (p.answer?.documents ?? []).map((d) => ({ docId: d.docId, fileName: d.fileName, size: d.size, agencyId: p.agencyId, redacted: !!d.redaction })),
        )
      : [],
    ...(r.delivery ? { delivery: { deliveredOn: r.delivery.deliveredOn, how: r.delivery.how } } : {}),
    ...(r.closed ? { closed: { at: r.closed.at, reason: r.closed.reason } } : {}),
  };
}
export type RequesterView = ReturnType<typeof requesterView>;
