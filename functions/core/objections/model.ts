/**
 * Objections (keberatan) to the Atasan PPID, UU 14/2008 Pasal 35–36, Perki 1/2021.
 *
 *   A requester who was refused, not answered, answered late or otherwise than asked files an
 *   objection from the request's status page (or staff register one received on paper or in person,
 *   with its real date of receipt; an objection about periodic information not provided, ground b,
 *   needs no earlier request)
 *     ─▶ a registration number at once (KBR/<year>/<nnnn>, gap-free per year) and the Atasan PPID's
 *        deadline: 30 working days after receipt (Pasal 36(2)), day of receipt = day 0
 *     ─▶ the Atasan PPID responds in writing: the objection is granted (the PPID is ordered to provide
 *        the information, in whole or in part, by a date the Atasan sets: a follow-up with its own
 *        deadline, inbox, reminders and escalation) or rejected with reasons; the response (tanggapan
 *        atas keberatan) is issued as a signed PDF and mailed
 *     ─▶ the requester may take the dispute to the Komisi Informasi within 14 working days after the
 *        response, or after the 30 days passed with none (Pasal 37(2)).
 *   An objection must be filed within 30 working days after its grounds arose (Pasal 36(1)).
 *
 * Personal data (UU 27/2022): an objection on a request is the requester's; their identity stays in
 * the request's personal record. An objection with no request (ground b) keeps the objector's in a
 * record of its own (`ObjectionPersonal`), erased like the requester's.
 */
import * as z from 'zod';
import type { GeneratedFile } from '../exclusion-model.ts';
import type { InboxEntry } from '../item-model.ts';
import { isoDate } from '../model.ts';
import { type Deadline, type ReleasedFile, Requester, req, text } from '../requests/model.ts';
import { GROUNDS, type Ground } from './grounds.ts';

export { GROUND_TEXT, GROUNDS, type Ground } from './grounds.ts';
export { publicObjectionEntry } from './public-entry.ts';

export const OBJECTION_CHANNELS = ['online', 'in_person', 'letter', 'email'] as const;

const grounds = z
  .array(z.enum(GROUNDS, req('alasan keberatan: huruf a sampai g (Pasal 35 ayat (1))', 'grounds: letters a to g (Pasal 35(1))')))
  .min(1, req('pilih minimal satu alasan keberatan', 'choose at least one ground'))
  .max(7)
  .transform((g) => [...new Set(g)].sort() as Ground[]);

const caseText = text(20, 4000, { id: 'uraian keberatan', en: 'the case' });

/** What a public objection form carries besides the objection: its submission id, the attachments, the honeypot. */
const publicFiling = {
  submissionId: z.uuid(req('formulir kedaluwarsa; muat ulang halaman', 'the form has expired; reload the page')),
  /** Documents uploaded first (public upload intents), at most 3. */
  attachmentUploadIds: z.array(z.uuid()).max(3).default([]),
  website: z.string().max(200).optional(),
};

/** Filed from the request's status page: the request's number and tracking code are the key. */
export const PublicObjectionForm = z.strictObject({
  number: z.string().trim().max(40),
  code: z.string().trim().max(40),
  grounds,
  case: caseText,
  ...publicFiling,
});
export type PublicObjectionForm = z.infer<typeof PublicObjectionForm>;

/** Ground b with no earlier request: the objector identifies themself as a requester would. */
export const PeriodicObjectionForm = z.strictObject({
  objector: Requester,
  /** Which periodic information (Pasal 9) was not provided. */
  information: z
    .string(req('informasi berkala yang tidak disediakan wajib diisi', 'the periodic information is required'))
    .trim()
    .min(10, req('informasi berkala minimal 10 karakter', 'the periodic information needs at least 10 characters'))
    .max(2000),
  case: caseText,
  ...publicFiling,
});
export type PeriodicObjectionForm = z.infer<typeof PeriodicObjectionForm>;

/** Staff register an objection received on paper, by mail or in person, with its real date of receipt. */
export const StaffObjectionForm = z
  .strictObject({
    /** The request objected to (its number, `PMH/2026/00042`); absent only for ground b. */
    requestNumber: z.string().trim().max(40).optional(),
    /** Required with no request. */
    objector: Requester.optional(),
    information: z.string().trim().min(10).max(2000).optional(),
    grounds,
    case: caseText,
    channel: z.enum(OBJECTION_CHANNELS, req('pilih saluran keberatan', 'choose the channel')),
    receivedOn: isoDate,
    submissionId: z.uuid(),
    note: z.string().trim().max(1000).optional(),
  })
  .superRefine((f, ctx) => {
    if (!f.requestNumber && !f.objector)
      ctx.addIssue({
        code: 'custom',
        path: ['objector'],
        message: req('tanpa nomor permohonan, isi identitas pengaju keberatan', 'with no request number, give the objector’s identity'),
      });
    if (!f.requestNumber && f.grounds.some((g) => g !== 'b'))
      ctx.addIssue({
        code: 'custom',
        path: ['requestNumber'],
        message: req(
          'hanya keberatan alasan b (informasi berkala) yang boleh tanpa permohonan',
          'only an objection on ground b (periodic information) may have no request',
        ),
      });
  });
export type StaffObjectionForm = z.infer<typeof StaffObjectionForm>;

export const RESPONSE_DECISIONS = ['granted', 'rejected'] as const;
export type ResponseDecision = (typeof RESPONSE_DECISIONS)[number];

/** The Atasan PPID's written response (tanggapan atas keberatan, Pasal 36(2)). */
export const ObjectionResponse = z
  .strictObject({
    decision: z.enum(RESPONSE_DECISIONS, req('pilih: keberatan diterima atau ditolak', 'choose: granted or rejected')),
    /** Granted: the information is to be given in whole or in part. */
    scope: z.enum(['full', 'partial']).optional(),
    /** Granted: the local date by which the PPID provides it. */
    provideBy: isoDate.optional(),
    reasons: z
      .string(req('pertimbangan wajib diisi', 'the reasons are required'))
      .trim()
      .min(20, req('pertimbangan minimal 20 karakter', 'the reasons need at least 20 characters'))
      .max(6000),
    version: z.number().int().min(1),
  })
  .superRefine((r, ctx) => {
    if (r.decision === 'granted' && !r.provideBy)
      ctx.addIssue({
        code: 'custom',
        path: ['provideBy'],
        message: req('tetapkan tanggal paling lambat informasi diberikan', 'set the date by which the information is to be provided'),
      });
    if (r.decision === 'granted' && !r.scope)
      ctx.addIssue({ code: 'custom', path: ['scope'], message: req('pilih: seluruhnya atau sebagian', 'choose: in whole or in part') });
  });
export type ObjectionResponse = z.infer<typeof ObjectionResponse>;

/** The PPID provides what the granted objection ordered (documents uploaded to the request, checked). */
export const FollowUpFulfilment = z.strictObject({
  documents: z
    .array(
      z.strictObject({
        docId: z.uuid(),
        redaction: z.strictObject({ what: z.string().trim().min(3).max(1000), ground: z.string().trim().min(3).max(500) }).optional(),
      }),
    )
    .max(20)
    .default([]),
  note: z
    .string(req('catatan pemenuhan wajib diisi', 'the note is required'))
    .trim()
    .min(5, req('catatan pemenuhan minimal 5 karakter', 'the note needs at least 5 characters'))
    .max(4000),
  version: z.number().int().min(1),
});
export type FollowUpFulfilment = z.infer<typeof FollowUpFulfilment>;

// ─── the records ─────────────────────────────────────────────────────────────────────────────────

export const OBJECTION_STATES = ['registered', 'granted', 'rejected', 'closed'] as const;
export type ObjectionState = (typeof OBJECTION_STATES)[number];

/** When a ground arose and until when an objection on it may be filed (30 working days). */
export interface GroundWindow {
  ground: Ground;
  /** The instant it arose (the notice, the deadline that passed, the delivery). */
  arose: string;
  /** The last instant of the filing period. */
  until: { at: string; local: string };
}

export interface ObjectionTimelineEvent {
  at: string;
  type:
    | 'received'
    | 'registered'
    | 'reminded'
    | 'escalated'
    | 'responded'
    | 'response_issued'
    | 'followup_reminded'
    | 'followup_escalated'
    | 'fulfilled'
    | 'closed';
  by?: string;
  note?: string;
}

export interface ObjectionAttachment {
  docId: string;
  key: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface Objection {
  objectionId: string;
  /** KBR/<year>/<nnnn>. */
  number: string;
  year: number;
  sequence: number;
  state: ObjectionState;
  /** The request objected to (absent for ground b with no request). */
  requestId?: string;
  requestNumber?: string;
  /** The SKPDs the request was routed to: the per-SKPD register and the follow-up's inboxes. */
  agencyIds: string[];
  /** What was asked (the request's, or for ground b the periodic information named). */
  information: string;
  grounds: Ground[];
  windows: GroundWindow[];
  case: string;
  channel: (typeof OBJECTION_CHANNELS)[number];
  receivedAt: string;
  receivedOn: string;
  registeredAt: string;
  registeredBy: string;
  /** Ground b with no request: SHA-256 of its own tracking code (`ObjectionPersonal` keeps the code). */
  trackingHash?: string;
  /** The Atasan PPID's deadline: 30 working days after receipt. */
  deadline: Deadline;
  reminderAt?: string;
  remindedAt?: string;
  escalatedAt?: string;
  escalations: number;
  nextEscalationAt?: string;
  /** The waiting execution's token (the response, then the follow-up). */
  taskToken?: string;
  response?: {
    decision: ResponseDecision;
    scope?: 'full' | 'partial';
    provideBy?: string;
    reasons: string;
    at: string;
    by: string;
    /** The Atasan PPID by name and position (the response is signed by them). */
    responder: { name: string; position: string; nip?: string };
  };
  /** The issued response (PDF), once the task issued it. */
  responseDocument?: { number: string; file: GeneratedFile; issuedAt: string; verificationCode: string };
  /** Until when a dispute may be filed at the Komisi Informasi (Pasal 37(2)): 14 working days. */
  disputeWindow?: { from: 'response' | 'no_response'; at: string; local: string };
  /** A granted objection's follow-up: the PPID provides the information by the Atasan's date. */
  followUp?: {
    deadline: Deadline;
    reminders: number;
    escalatedAt?: string;
    nextReminderAt?: string;
    fulfilled?: { at: string; by: string; note: string; documents: ReleasedFile[] };
  };
  attachments: ObjectionAttachment[];
  /** With no request: the objector's data was erased after the retention period. */
  personalErasedAt?: string;
  /** With no request: set when it closed; the retention job erases the objector's data after it. */
  eraseAfter?: string;
  inbox: InboxEntry[];
  timeline: ObjectionTimelineEvent[];
  executionName?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Ground b with no request: the objector's identity and tracking code, kept apart. */
export interface ObjectionPersonal {
  objectionId: string;
  eraseAfter?: string;
  objector: Requester;
  trackingCode?: string;
  version: number;
}

export const objectionNumber = (year: number, sequence: number) => `KBR/${year}/${String(sequence).padStart(4, '0')}`;
export const objectionIdFor = (year: number, sequence: number) => `${year}-${String(sequence).padStart(4, '0')}`;
/** `KBR/2026/0007` → `2026-0007`. */
export function objectionIdOf(number: string): string | undefined {
  const m = /^KBR\/(\d{4})\/(\d{4,})$/.exec(number.trim().toUpperCase());
  return m ? `${m[1]}-${m[2]}` : undefined;
}

/** What staff clients see: the task token stays on the server. */
export function objectionView(o: Objection) {
  const { taskToken: _t, trackingHash: _h, executionName: _e, ...rest } = o;
  return rest;
}
export type ObjectionView = ReturnType<typeof objectionView>;

/** What the objector sees on the status page: no staff logins, no tokens, no personal data. */
export function objectorView(o: Objection) {
  return {
    number: o.number,
    state: o.state,
    requestNumber: o.requestNumber,
    information: o.information,
    grounds: o.grounds,
    case: o.case,
    receivedAt: o.receivedAt,
    receivedOn: o.receivedOn,
    deadline: { at: o.deadline.at, local: o.deadline.local, explanation: o.deadline.explanation },
    timeline: o.timeline.map(({ by: _by, ...e }) => e),
    ...(o.response
      ? {
          response: {
            decision: o.response.decision,
            scope: o.response.scope,
            provideBy: o.response.provideBy,
            reasons: o.response.reasons,
            at: o.response.at,
            responder: { name: o.response.responder.name, position: o.response.responder.position },
          },
        }
      : {}),
    ...(o.responseDocument
      ? {
          responseDocument: { number: o.responseDocument.number, issuedAt: o.responseDocument.issuedAt, verificationCode: o.responseDocument.verificationCode },
        }
      : {}),
    ...(o.disputeWindow ? { disputeWindow: o.disputeWindow } : {}),
    ...(o.followUp
      ? {
          followUp: {
            deadline: { at: o.followUp.deadline.at, local: o.followUp.deadline.local },
            ...(o.followUp.fulfilled
              ? {
                  fulfilled: {
                    at: o.followUp.fulfilled.at,
                    note: o.followUp.fulfilled.note,
                    documents: o.followUp.fulfilled.documents.map((d) => ({ docId: d.docId, fileName: d.fileName, size: d.size, redacted: !!d.redaction })),
                  },
                }
              : {}),
          },
        }
      : {}),
  };
}
export type ObjectorView = ReturnType<typeof objectorView>;
