/**
 * Disputes (sengketa informasi) at the Komisi Informasi and in court: UU 14/2008 Pasal 37–50,
 * Perki 1/2013 (Prosedur Penyelesaian Sengketa Informasi Publik), Perma 2/2011.
 *
 *   The requester takes the matter to the Komisi Informasi (KI) within 14 working days after the
 *   Atasan PPID's response, or after the 30 days passed with none (Pasal 37(2)); a dispute can also
 *   reach the body with no objection entered in this system (the KI's summons is what arrives)
 *     ─▶ PPID Utama records it: the KI's register number, the date it was filed, the claim, and the
 *        request and/or objection it is about when they are known; an internal number at once
 *        (SKI/<year>/<nnnn>, gap-free per year of filing)
 *     ─▶ the KI starts within 14 working days of the application (Pasal 38(1)) with mediation or, for
 *        exempt information (Pasal 40(2)) or after a failed mediation, non-litigation adjudication,
 *        each with its hearings (dated; the inbox reminds PPID Utama and the Atasan PPID of each one
 *        until its result is recorded), and finishes within 100 working days (Pasal 38(2))
 *     ─▶ the outcome: a mediation agreement (final and binding, Pasal 39), a decision upholding the
 *        claim in whole or in part or rejecting it, or withdrawal; and when the body received it
 *     ─▶ against an adjudication decision either party may go to court, the PTUN for a state public
 *        body or the district court (PN) otherwise (Pasal 47), within 14 working days after it was
 *        received (Pasal 48(1)); against the court's decision, kasasi to the Mahkamah Agung within 14
 *        days after it was received (Pasal 50; counted in working days as Perma 2/2011 counts them).
 *
 * Due dates are computed on every read from the dates recorded, with the body's working-day calendar
 * as it is then (a changed holiday moves them at once, nothing to recompute), each with how it was
 * counted and whether it was met. The records keep no personal data: the applicant is the requester
 * of the request (whose identity stays in the request's personal record) or is named in the KI's own
 * documents, uploaded through the checked-upload path like every other document.
 *
 * Who: PPID Utama and the admin record; PPID Utama, the admin and the Atasan PPID read.
 */
import * as z from 'zod';
import type { Principal } from '../access.ts';
import { ppidUtamaOf } from '../agencies.ts';
import { type AuditEvent, auditEvent } from '../audit.ts';
import { type DeadlineResult, type DeadlineRule, deadline, endOfLocalDay, localDateOf } from '../calendar.ts';
import { dateInWords, dateTimeInWords } from '../date-words.ts';
import { allowedList, type DocumentKind, kindForUpload, safeFileName, UploadRequest } from '../documents.ts';
import { conflict, DomainError, fail, forbidden, notFound } from '../errors.ts';
import { promoteAndCheck, type UploadsPort } from '../item-documents.ts';
import type { InboxEntry } from '../item-model.ts';
import { COUNTER_RACE_ATTEMPTS, retryOnRace } from '../items.ts';
import { type MessageKey, message, type Text } from '../messages.ts';
import { type Agency, isoDate } from '../model.ts';
import type { Context, Page, Write } from '../ports.ts';
import { req, requestIdOf, text } from '../requests/model.ts';
import { type Objection, objectionIdOf } from './model.ts';

// ─── the law's lists ─────────────────────────────────────────────────────────────────────────────

export const STAGE_KINDS = ['mediation', 'adjudication'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** How the KI ended it. */
export const KI_OUTCOMES = ['mediation_agreement', 'upheld', 'partly_upheld', 'rejected', 'withdrawn'] as const;
export type KiOutcome = (typeof KI_OUTCOMES)[number];
/** Outcomes of an adjudication: only these may be taken to court (a mediation agreement is final, Pasal 39). */
export const ADJUDICATION_OUTCOMES: readonly KiOutcome[] = ['upheld', 'partly_upheld', 'rejected'];

/** Pasal 47: the PTUN for a state public body, the district court (PN) otherwise. */
export const COURTS = ['ptun', 'pn'] as const;
export const APPELLANTS = ['body', 'applicant'] as const;
/** A court's (and the Mahkamah Agung's) decision on the appeal against the KI's decision. */
export const COURT_OUTCOMES = ['granted', 'partly_granted', 'rejected', 'not_accepted', 'withdrawn'] as const;
export type CourtOutcome = (typeof COURT_OUTCOMES)[number];

export const DOCUMENT_CATEGORIES = ['application', 'summons', 'minutes', 'agreement', 'decision', 'appeal', 'court_decision', 'cassation', 'other'] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

export const DISPUTE_STATES = ['filed', 'mediation', 'adjudication', 'decided', 'appeal', 'appeal_decided', 'cassation', 'closed'] as const;
export type DisputeState = (typeof DISPUTE_STATES)[number];

/** Pasal 37(2), 38(1), 38(2), 48(1), 50: every period is 14 or 100 working days. */
export const KI_START_RULE: DeadlineRule = { unit: 'workingDays', amount: 14 };
export const KI_FINISH_RULE: DeadlineRule = { unit: 'workingDays', amount: 100 };
export const APPEAL_RULE: DeadlineRule = { unit: 'workingDays', amount: 14 };
export const CASSATION_RULE: DeadlineRule = { unit: 'workingDays', amount: 14 };
export const FILING_RULE: DeadlineRule = { unit: 'workingDays', amount: 14 };

// ─── forms ───────────────────────────────────────────────────────────────────────────────────────

const version = z.number(req('versi data wajib dikirim', 'the version is required')).int().min(1);
const caseNumber = (what: { id: string; en: string }) => text(3, 120, what);

export const NewDispute = z.strictObject({
  /** The Komisi Informasi's register number of the application (e.g. `012/III/KI-KALBAR-PS/2026`). */
  kiRegisterNumber: caseNumber({ id: 'nomor register Komisi Informasi', en: 'the KI register number' }),
  /** The local date the application was filed at the KI (day zero of its periods). */
  filedOn: isoDate,
  /** What the applicant asks the KI (petitum), as the KI's summons states it. */
  claim: text(20, 4000, { id: 'pokok permohonan sengketa', en: 'the claim' }),
  /** The request it is about (`PMH/2026/00042`), when known. */
  requestNumber: z.string().trim().max(40).optional(),
  /** The objection it follows (`KBR/2026/0007`), when one was entered in the system. */
  objectionNumber: z.string().trim().max(40).optional(),
  note: z.string().trim().max(1000).optional(),
});
export type NewDispute = z.infer<typeof NewDispute>;

export const StageStart = z.strictObject({
  kind: z.enum(STAGE_KINDS, req('pilih tahap: mediasi atau ajudikasi nonlitigasi', 'choose the stage: mediation or adjudication')),
  startedOn: isoDate,
  version,
});
export type StageStart = z.infer<typeof StageStart>;

export const StageEnd = z.strictObject({
  endedOn: isoDate,
  result: text(3, 2000, { id: 'hasil tahap', en: 'the result of the stage' }),
  version,
});
export type StageEnd = z.infer<typeof StageEnd>;

const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, req('jam sidang ditulis JJ:MM, misalnya 09:30', 'write the time as HH:MM, e.g. 09:30'))
  .optional();

/** A hearing of the stage now open at the KI, or of the court appeal while it is pending. */
export const NewHearing = z.strictObject({
  on: isoDate,
  time,
  place: z.string().trim().max(300).optional(),
  agenda: text(3, 500, { id: 'agenda sidang', en: 'the agenda' }),
  version,
});
export type NewHearing = z.infer<typeof NewHearing>;

export const HearingResult = z.strictObject({
  result: text(3, 2000, { id: 'hasil sidang', en: 'the result of the hearing' }),
  version,
});
export type HearingResult = z.infer<typeof HearingResult>;

/** A decision's fields besides its kind (the KI's, a court's). */
const decisionFields = {
  decidedOn: isoDate,
  /**
   * When the body received the decision: the court-appeal period counts from the KI's (Pasal 48(1)),
   * kasasi from the court's (Pasal 50).
   */
  receivedOn: isoDate,
  decisionNumber: z.string().trim().max(120).optional(),
  note: text(5, 4000, { id: 'ringkasan putusan', en: 'the summary of the decision' }),
  version,
};

export const KiDecision = z.strictObject({
  kind: z.enum(KI_OUTCOMES, req('pilih hasil penyelesaian sengketa', 'choose the outcome')),
  ...decisionFields,
});
export type KiDecision = z.infer<typeof KiDecision>;

export const NewAppeal = z.strictObject({
  court: z.enum(COURTS, req('pilih pengadilan: PTUN atau pengadilan negeri', 'choose the court: PTUN or district court')),
  filedOn: isoDate,
  caseNumber: caseNumber({ id: 'nomor perkara', en: 'the case number' }),
  appellant: z.enum(APPELLANTS, req('pilih pihak yang mengajukan', 'choose who appealed')),
  version,
});
export type NewAppeal = z.infer<typeof NewAppeal>;

export const CourtDecision = z.strictObject({
  kind: z.enum(COURT_OUTCOMES, req('pilih amar putusan', 'choose the decision')),
  ...decisionFields,
});
export type CourtDecision = z.infer<typeof CourtDecision>;

export const NewCassation = z.strictObject({
  filedOn: isoDate,
  caseNumber: z.string().trim().max(120).optional(),
  appellant: z.enum(APPELLANTS, req('pilih pihak yang mengajukan', 'choose who appealed')),
  version,
});
export type NewCassation = z.infer<typeof NewCassation>;

export const DisputeUpload = UploadRequest.extend({
  category: z.enum(DOCUMENT_CATEGORIES, req('pilih jenis dokumen', 'choose the kind of document')),
  description: z.string().trim().max(300).optional(),
});
export type DisputeUpload = z.infer<typeof DisputeUpload>;

// ─── the record ──────────────────────────────────────────────────────────────────────────────────

export interface Hearing {
  hearingId: string;
  on: string;
  time?: string;
  place?: string;
  agenda: string;
  result?: { text: string; at: string; by: string };
  addedAt: string;
  addedBy: string;
}

export interface Stage {
  kind: StageKind;
  startedOn: string;
  hearings: Hearing[];
  endedOn?: string;
  result?: string;
}

export interface Decision<K extends string> {
  kind: K;
  decidedOn: string;
  receivedOn: string;
  decisionNumber?: string;
  note: string;
  at: string;
  by: string;
}

export interface Appeal {
  court: (typeof COURTS)[number];
  filedOn: string;
  caseNumber: string;
  appellant: (typeof APPELLANTS)[number];
  hearings: Hearing[];
  outcome?: Decision<CourtOutcome>;
  cassation?: { filedOn: string; caseNumber?: string; appellant: (typeof APPELLANTS)[number]; outcome?: Decision<CourtOutcome>; at: string; by: string };
  at: string;
  by: string;
}

export interface DisputeDocument {
  docId: string;
  category: DocumentCategory;
  description?: string;
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

export interface DisputeTimelineEvent {
  at: string;
  type:
    | 'recorded'
    | 'stage_started'
    | 'stage_ended'
    | 'hearing_scheduled'
    | 'hearing_result'
    | 'decided'
    | 'appealed'
    | 'appeal_decided'
    | 'cassation_filed'
    | 'cassation_decided'
    | 'document_added'
    | 'document_verified'
    | 'document_rejected';
  by: string;
  note?: string;
}

export interface Dispute {
  disputeId: string;
  /** SKI/<year>/<nnnn> (internal; gap-free per year of filing). */
  number: string;
  year: number;
  sequence: number;
  state: DisputeState;
  kiRegisterNumber: string;
  filedOn: string;
  claim: string;
  against: { requestId?: string; requestNumber?: string; objectionId?: string; objectionNumber?: string };
  /** The PPID Utama unit: the body's time zone and calendar count the periods; its audit trail. */
  agencyId: string;
  stages: Stage[];
  outcome?: Decision<KiOutcome>;
  appeal?: Appeal;
  documents: DisputeDocument[];
  /** One entry per hearing waiting for its result (box `dispute_hearing`). */
  inbox: InboxEntry[];
  timeline: DisputeTimelineEvent[];
  recordedBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const disputeNumber = (year: number, sequence: number) => `SKI/${year}/${String(sequence).padStart(4, '0')}`;
export const disputeIdFor = (year: number, sequence: number) => `${year}-${String(sequence).padStart(4, '0')}`;

// ─── due dates ───────────────────────────────────────────────────────────────────────────────────

export type DueKey = 'filing' | 'ki_start' | 'ki_finish' | 'appeal' | 'cassation';

/**
 * One statutory period: the last instant, how it was counted, and whether what it bounds happened in
 * time (`met`, `late`), has not happened yet (`open`, `overdue`), or may no longer happen (`lapsed`:
 * no appeal was filed in time, so the decision stands).
 */
export interface DueDate {
  key: DueKey;
  basis: Text;
  what: Text;
  /** The local date counted from (day zero). */
  from: string;
  at: string;
  local: string;
  explanation: Text;
  rule: DeadlineRule;
  status: 'open' | 'met' | 'late' | 'overdue' | 'lapsed';
  /** The local date it happened, when it did. */
  on?: string;
  /** The last instant in words, in the body's time zone ("Selasa, 7 April 2026 pukul 23.59 WIB"). */
  words: Text;
}

const DUE_TEXT: Record<DueKey, { basis: Text; what: Text }> = {
  filing: {
    basis: { id: 'UU 14/2008 Pasal 37 ayat (2)', en: 'UU 14/2008 Pasal 37(2)' },
    what: {
      id: 'Pengajuan sengketa ke Komisi Informasi: 14 hari kerja setelah tanggapan Atasan PPID (atau setelah 30 hari kerja tanpa tanggapan)',
      en: 'Filing the dispute at the Komisi Informasi: 14 working days after the Atasan PPID’s response (or after 30 working days with none)',
    },
  },
  ki_start: {
    basis: { id: 'UU 14/2008 Pasal 38 ayat (1)', en: 'UU 14/2008 Pasal 38(1)' },
    what: {
      id: 'Komisi Informasi mulai menyelesaikan sengketa (mediasi atau ajudikasi): 14 hari kerja setelah permohonan diterima',
      en: 'The Komisi Informasi starts resolving the dispute (mediation or adjudication): 14 working days after the application',
    },
  },
  ki_finish: {
    basis: { id: 'UU 14/2008 Pasal 38 ayat (2)', en: 'UU 14/2008 Pasal 38(2)' },
    what: {
      id: 'Komisi Informasi menyelesaikan sengketa: 100 hari kerja setelah permohonan diterima',
      en: 'The Komisi Informasi finishes the dispute: 100 working days after the application',
    },
  },
  appeal: {
    basis: { id: 'UU 14/2008 Pasal 47 dan Pasal 48 ayat (1); Perma 2/2011', en: 'UU 14/2008 Pasal 47 and 48(1); Perma 2/2011' },
    what: {
      id: 'Keberatan/gugatan ke pengadilan (PTUN atau pengadilan negeri): 14 hari kerja setelah putusan Komisi Informasi diterima',
      en: 'Appeal to the court (PTUN or district court): 14 working days after the KI’s decision was received',
    },
  },
  cassation: {
    basis: { id: 'UU 14/2008 Pasal 50; Perma 2/2011', en: 'UU 14/2008 Pasal 50; Perma 2/2011' },
    what: {
      id: 'Kasasi ke Mahkamah Agung: 14 hari kerja setelah putusan pengadilan diterima',
      en: 'Cassation to the Mahkamah Agung: 14 working days after the court’s decision was received',
    },
  },
};

type Calculator = (from: string, rule: DeadlineRule) => DeadlineResult;

/** The body's calendar loaded once: every period of a dispute (or a page of them) counted with it. */
async function calculatorFor(ctx: Context, body: Agency, dates: string[]): Promise<Calculator> {
  const years = [...new Set(dates.map((d) => Number(d.slice(0, 4))))];
  const span = years.length ? [Math.min(...years) - 1, Math.max(...years) + 2] : [0, -1];
  const wanted: number[] = [];
  for (let y = span[0]!; y <= span[1]!; y++) wanted.push(y);
  const holidays = wanted.length ? await ctx.store.listHolidays(wanted) : [];
  // Day zero is the date itself (the day of receipt); the count ends on the Nth working day after it.
  return (from, rule) => deadline(endOfLocalDay(from, body.timezone), rule, { holidays, workWeek: body.workWeek }, body.timezone);
}

function due(key: DueKey, from: string, rule: DeadlineRule, calc: Calculator, happenedOn: string | undefined, today: string, mayLapse: boolean): DueDate {
  const r = calc(from, rule);
  const lastDay = r.localDeadline.slice(0, 10);
  const status: DueDate['status'] = happenedOn ? (happenedOn <= lastDay ? 'met' : 'late') : today > lastDay ? (mayLapse ? 'lapsed' : 'overdue') : 'open';
  return {
    key,
    ...DUE_TEXT[key],
    from,
    at: r.deadline,
    local: r.localDeadline,
    explanation: r.explanation,
    rule: r.rule,
    status,
    ...(happenedOn ? { on: happenedOn } : {}),
    words: inWords(r.deadline, r.timezone),
  };
}

const inWords = (instant: string, timeZone: string): Text => ({ id: dateTimeInWords(instant, timeZone, 'id'), en: dateTimeInWords(instant, timeZone, 'en') });

/**
 * The filing period from the objection's record (the objections module computed and keeps it); how it
 * was counted is told again from its start (the response, or the end of the Atasan's 30 days).
 */
function filingDue(o: Objection, filedOn: string, calc: Calculator, timeZone: string): DueDate | undefined {
  const w = o.disputeWindow;
  if (!w) return undefined;
  const lastDay = w.local.slice(0, 10);
  const start = w.from === 'response' ? o.response?.at : o.deadline.at;
  const counted = start ? calc(localDateOf(new Date(start), timeZone), FILING_RULE) : undefined;
  const explanation =
    counted && counted.localDeadline.slice(0, 10) === lastDay
      ? counted.explanation
      : {
          id: `Batas pengajuan sengketa yang tercatat pada keberatan ${o.number}: akhir hari ${dateInWords(lastDay, 'id')}.`,
          en: `The filing period recorded on objection ${o.number}: until the end of ${dateInWords(lastDay, 'en')}.`,
        };
  return {
    key: 'filing',
    ...DUE_TEXT.filing,
    from: counted?.startLocalDate ?? lastDay,
    at: w.at,
    local: w.local,
    explanation,
    rule: FILING_RULE,
    status: filedOn <= lastDay ? 'met' : 'late',
    on: filedOn,
    words: inWords(w.at, timeZone),
  };
}

function allHearings(d: Dispute): { hearing: Hearing; forum: StageKind | 'court' }[] {
  return [
    ...d.stages.flatMap((s) => s.hearings.map((hearing) => ({ hearing, forum: s.kind }))),
    ...(d.appeal?.hearings ?? []).map((hearing) => ({ hearing, forum: 'court' as const })),
  ];
}

/** Every period of a dispute, counted now with the body's calendar as it is. */
export async function dueDates(ctx: Context, d: Dispute, calendar?: { body: Agency; calc: Calculator }): Promise<DueDate[]> {
  const body = calendar?.body ?? (await bodyAgency(ctx));
  const today = localDateOf(ctx.now, body.timezone);
  const c = calendar?.calc ?? (await calculatorFor(ctx, body, datesOf(d)));
  const out: DueDate[] = [];
  if (d.against.objectionId) {
    const o = await ctx.store.getObjection(d.against.objectionId);
    const f = o && filingDue(o, d.filedOn, c, body.timezone);
    if (f) out.push(f);
  }
  const firstStage = d.stages[0];
  // Withdrawn before anything started: the KI had nothing left to start or finish.
  const moot = !!d.outcome && !firstStage;
  if (!moot) {
    out.push(due('ki_start', d.filedOn, KI_START_RULE, c, firstStage?.startedOn, today, false));
    out.push(due('ki_finish', d.filedOn, KI_FINISH_RULE, c, d.outcome?.decidedOn, today, false));
  }
  if (d.outcome && ADJUDICATION_OUTCOMES.includes(d.outcome.kind))
    out.push(due('appeal', d.outcome.receivedOn, APPEAL_RULE, c, d.appeal?.filedOn, today, true));
  const courtOutcome = d.appeal?.outcome;
  if (courtOutcome && courtOutcome.kind !== 'withdrawn')
    out.push(due('cassation', courtOutcome.receivedOn, CASSATION_RULE, c, d.appeal?.cassation?.filedOn, today, true));
  return out;
}

function datesOf(d: Dispute): string[] {
  return [d.filedOn, d.outcome?.receivedOn, d.appeal?.outcome?.receivedOn].filter((x): x is string => !!x);
}

/** What clients see: the record, its due dates and its upcoming hearings. */
export async function disputeView(ctx: Context, d: Dispute, calendar?: { body: Agency; calc: Calculator }) {
  const { inbox: _inbox, ...rest } = d;
  const upcoming = allHearings(d)
    .filter(({ hearing }) => isOpenHearing(d, hearing))
    .map(({ hearing, forum }) => ({ ...hearing, forum }))
    .sort((a, b) => `${a.on}${a.time ?? ''}`.localeCompare(`${b.on}${b.time ?? ''}`));
  return { ...rest, due: await dueDates(ctx, d, calendar), upcomingHearings: upcoming };
}
export type DisputeView = Awaited<ReturnType<typeof disputeView>>;

// ─── reading ─────────────────────────────────────────────────────────────────────────────────────

const WRITERS = ['ppid_utama', 'admin'] as const;
const READERS = ['ppid_utama', 'admin', 'atasan_ppid'] as const;

function assertReader(actor: Principal): void {
  if (!(READERS as readonly string[]).includes(actor.role)) forbidden('forbidden_role', { role: actor.role });
}
function assertWriter(actor: Principal): void {
  if (!(WRITERS as readonly string[]).includes(actor.role)) forbidden('forbidden_role', { role: actor.role });
}

async function bodyAgency(ctx: Context): Promise<Agency> {
  return ppidUtamaOf(await ctx.store.listAgencies()) ?? fail('validation', 'ppid_utama_missing');
}

async function load(ctx: Context, disputeId: string): Promise<Dispute> {
  return (await ctx.store.getDispute(disputeId)) ?? notFound('dispute_not_found', { disputeId });
}

export async function getDispute(ctx: Context, actor: Principal, disputeId: string): Promise<Dispute> {
  assertReader(actor);
  return load(ctx, disputeId);
}

export async function listDisputes(ctx: Context, actor: Principal, q: { year?: number; cursor?: string; limit: number }): Promise<Page<Dispute>> {
  assertReader(actor);
  return ctx.store.listDisputes(q);
}

/** A page of disputes as clients see them, the calendar read once for the page. */
export async function listDisputeViews(ctx: Context, actor: Principal, q: { year?: number; cursor?: string; limit: number }) {
  const page = await listDisputes(ctx, actor, q);
  const body = await bodyAgency(ctx);
  const calc = await calculatorFor(ctx, body, page.items.flatMap(datesOf));
  return { ...page, items: await Promise.all(page.items.map((d) => disputeView(ctx, d, { body, calc }))) };
}

// ─── helpers ─────────────────────────────────────────────────────────────────────────────────────

function invalid(path: string, key: MessageKey, vars: Record<string, string | number> = {}): never {
  throw new DomainError('validation', message('validation_failed'), [{ path, message: message(key, vars) }]);
}

/** A date people entered: not after today, not before the date it follows. */
function checkDate(path: string, date: string, today: string, notBefore?: { date: string; what: Text }): void {
  if (date > today) invalid(path, 'dispute_date_future', { today: dateInWords(today, 'id'), todayEn: dateInWords(today, 'en') });
  if (notBefore && date < notBefore.date)
    invalid(path, 'dispute_date_before', {
      what: notBefore.what.id,
      whatEn: notBefore.what.en,
      date: dateInWords(notBefore.date, 'id'),
      dateEn: dateInWords(notBefore.date, 'en'),
    });
}

const STAGE_TEXT: Record<StageKind | 'court', Text> = {
  mediation: { id: 'mediasi', en: 'mediation' },
  adjudication: { id: 'ajudikasi nonlitigasi', en: 'non-litigation adjudication' },
  court: { id: 'pengadilan', en: 'court' },
};

function audit(ctx: Context, d: Pick<Dispute, 'disputeId' | 'agencyId'>, actor: Principal, action: string, after: unknown): AuditEvent {
  return auditEvent({ actor, action, entity: { type: 'dispute', id: d.disputeId }, agencyId: d.agencyId, after, requestId: ctx.requestId, now: ctx.now });
}

/** Is the hearing still waiting for its result (its forum still open)? */
function isOpenHearing(d: Dispute, h: Hearing): boolean {
  if (h.result) return false;
  const inCourt = d.appeal?.hearings.some((x) => x.hearingId === h.hearingId);
  if (inCourt) return !d.appeal?.outcome;
  const stage = d.stages.find((s) => s.hearings.some((x) => x.hearingId === h.hearingId));
  return !!stage && !stage.endedOn && !d.outcome;
}

/** `HH:MM` on a local date in a zone → the instant, and the local text with the zone's offset. */
function hearingInstant(on: string, hhmm: string | undefined, timeZone: string): { at: string; local: string } {
  const end = endOfLocalDay(on, timeZone).getTime();
  const offsetMs = Date.parse(`${on}T23:59:59Z`) - end;
  const wall = hhmm ? `${on}T${hhmm}:00` : `${on}T23:59:59`;
  const at = new Date(Date.parse(`${wall}Z`) - offsetMs);
  const sign = offsetMs < 0 ? '-' : '+';
  const abs = Math.abs(offsetMs) / 60_000;
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return { at: at.toISOString(), local: `${wall}${offset}` };
}

/** The inbox reminder of one hearing: due on its day (at its time when known). */
function hearingEntry(d: Dispute, h: Hearing, forum: StageKind | 'court', body: Agency): InboxEntry {
  const when = hearingInstant(h.on, h.time, body.timezone);
  const f = STAGE_TEXT[forum];
  const at = (lang: 'id' | 'en') =>
    `${dateInWords(h.on, lang)}${h.time ? (lang === 'id' ? ` pukul ${h.time.replace(':', '.')}` : ` at ${h.time}`) : ''}${h.place ? (lang === 'id' ? ` di ${h.place}` : ` in ${h.place}`) : ''}`;
  return {
    box: { kind: 'dispute_hearing' },
    entity: 'dispute',
    itemId: d.disputeId,
    agencyId: body.id,
    number: d.number,
    title: `${d.kiRegisterNumber} · ${f.id}: ${h.agenda}`.slice(0, 140),
    versionNo: 1,
    since: h.addedAt,
    deadline: {
      at: when.at,
      local: when.local,
      explanation: {
        id: `Sidang ${f.id} sengketa ${d.number} (register Komisi Informasi ${d.kiRegisterNumber}) pada ${at('id')}. Agenda: ${h.agenda}. Catat hasil sidang setelah sidang berlangsung.`,
        en: `The ${f.en} hearing of dispute ${d.number} (KI register ${d.kiRegisterNumber}) on ${at('en')}. Agenda: ${h.agenda}. Record its result once it is held.`,
      },
      rule: { unit: 'hearing', on: h.on, ...(h.time ? { time: h.time } : {}) },
    },
  };
}

function stateOf(d: Dispute): DisputeState {
  const a = d.appeal;
  if (a?.cassation?.outcome) return 'closed';
  if (a?.cassation) return 'cassation';
  if (a?.outcome) return 'appeal_decided';
  if (a) return 'appeal';
  if (d.outcome) return d.outcome.kind === 'mediation_agreement' || d.outcome.kind === 'withdrawn' ? 'closed' : 'decided';
  const open = d.stages.find((s) => !s.endedOn);
  return open ? open.kind : 'filed';
}

/**
 * One change to a dispute: checked against the version the person saw, saved with its inbox entries
 * (one per hearing still open) and its audit event in one transaction.
 */
async function change(
  ctx: Context,
  actor: Principal,
  disputeId: string,
  /** The version the person saw; undefined for changes that need none (documents), which retry a race instead. */
  expected: number | undefined,
  action: string,
  apply: (d: Dispute, today: string, body: Agency) => { next: Dispute; after: unknown; event: Omit<DisputeTimelineEvent, 'at' | 'by'> },
): Promise<Dispute> {
  assertWriter(actor);
  const body = await bodyAgency(ctx);
  const today = localDateOf(ctx.now, body.timezone);
  const before = await load(ctx, disputeId);
  if (expected !== undefined && before.version !== expected) conflict('stale_version', { actual: before.version, expected });
  const { next, after, event } = apply(structuredClone(before), today, body);
  const at = ctx.now.toISOString();
  const saved: Dispute = {
    ...next,
    timeline: [...next.timeline, { at, by: actor.username, ...event }],
    updatedAt: at,
    version: before.version + 1,
  };
  saved.state = stateOf(saved);
  saved.inbox = allHearings(saved)
    .filter(({ hearing }) => isOpenHearing(saved, hearing))
    .map(({ hearing, forum }) => hearingEntry(saved, hearing, forum, body));
  const dropped = before.inbox.filter((e) => !saved.inbox.some((n) => n.since === e.since));
  await ctx.store.commit(
    [
      { entity: 'dispute', value: saved, expectedVersion: before.version },
      ...dropped.map((e): Write => ({ entity: 'inbox', delete: e })),
      ...saved.inbox.map((e): Write => ({ entity: 'inbox', value: e })),
    ],
    audit(ctx, saved, actor, action, after),
  );
  return saved;
}

// ─── recording ───────────────────────────────────────────────────────────────────────────────────

/**
 * The request and the objection the dispute is about, checked to exist, to belong together, and to
 * come before it (a dispute is filed after the request, and after the objection when there is one).
 */
async function againstOf(ctx: Context, input: NewDispute): Promise<Dispute['against']> {
  let objection: Objection | undefined;
  if (input.objectionNumber) {
    const id = objectionIdOf(input.objectionNumber);
    objection = id ? await ctx.store.getObjection(id) : undefined;
    if (!objection) return invalid('body.objectionNumber', 'dispute_objection_not_found', { number: input.objectionNumber });
    if (input.filedOn < objection.receivedOn) invalidBefore('body.filedOn', objection.receivedOn, OBJECTION_RECEIVED);
  }
  let requestId: string | undefined;
  let requestNumber: string | undefined;
  if (input.requestNumber) {
    const id = requestIdOf(input.requestNumber);
    const r = id ? await ctx.store.getRequest(id) : undefined;
    if (!r) return invalid('body.requestNumber', 'dispute_request_not_found', { number: input.requestNumber });
    if (objection?.requestId && objection.requestId !== r.requestId)
      invalid('body.requestNumber', 'dispute_objection_other_request', {
        objection: objection.number,
        request: objection.requestNumber ?? '',
        given: r.number,
      });
    if (input.filedOn < r.receivedOn) invalidBefore('body.filedOn', r.receivedOn, REQUEST_RECEIVED);
    requestId = r.requestId;
    requestNumber = r.number;
  } else if (objection?.requestId) {
    requestId = objection.requestId;
    requestNumber = objection.requestNumber;
  }
  return {
    ...(requestId ? { requestId, requestNumber } : {}),
    ...(objection ? { objectionId: objection.objectionId, objectionNumber: objection.number } : {}),
  };
}

const OBJECTION_RECEIVED: Text = { id: 'tanggal keberatan diterima', en: 'the date the objection was received' };
const REQUEST_RECEIVED: Text = { id: 'tanggal permohonan diterima', en: 'the date the request was received' };

const normalKi = (n: string) => n.replace(/\s+/g, '').toUpperCase();

/** PPID Utama records a dispute filed at the Komisi Informasi. */
export async function recordDispute(ctx: Context, actor: Principal, input: NewDispute): Promise<Dispute> {
  assertWriter(actor);
  const body = await bodyAgency(ctx);
  const today = localDateOf(ctx.now, body.timezone);
  checkDate('body.filedOn', input.filedOn, today);
  const against = await againstOf(ctx, input);
  const year = Number(input.filedOn.slice(0, 4));
  return retryOnRace(() => recordOnce(ctx, actor, input, body, against, year), COUNTER_RACE_ATTEMPTS);
}

async function recordOnce(ctx: Context, actor: Principal, input: NewDispute, body: Agency, against: Dispute['against'], year: number): Promise<Dispute> {
  const counter = `disputes#${year}`;
  const previous = await ctx.store.getCounter(counter);
  // A KI register number is recorded once (a second click, a second person): its year's disputes are few.
  for (let cursor: string | undefined, first = true; first || cursor; first = false) {
    const page = await ctx.store.listDisputes({ year, cursor, limit: 100 });
    const same = page.items.find((d) => normalKi(d.kiRegisterNumber) === normalKi(input.kiRegisterNumber));
    if (same) conflict('dispute_ki_number_exists', { kiNumber: input.kiRegisterNumber, number: same.number });
    cursor = page.nextCursor;
  }
  const sequence = previous + 1;
  const at = ctx.now.toISOString();
  const dispute: Dispute = {
    disputeId: disputeIdFor(year, sequence),
    number: disputeNumber(year, sequence),
    year,
    sequence,
    state: 'filed',
    kiRegisterNumber: input.kiRegisterNumber,
    filedOn: input.filedOn,
    claim: input.claim,
    against,
    agencyId: body.id,
    stages: [],
    documents: [],
    inbox: [],
    timeline: [{ at, type: 'recorded', by: actor.username, ...(input.note ? { note: input.note } : {}) }],
    recordedBy: actor.username,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await ctx.store.commit(
    [
      { entity: 'counter', name: counter, from: previous, to: sequence },
      { entity: 'dispute', value: dispute, expectedVersion: null },
    ],
    audit(ctx, dispute, actor, 'dispute.record', {
      number: dispute.number,
      kiRegisterNumber: dispute.kiRegisterNumber,
      filedOn: dispute.filedOn,
      against,
    }),
  );
  return dispute;
}

function assertKiOpen(d: Dispute): void {
  if (d.outcome) conflict('dispute_decided', { number: d.number });
}

export function startStage(ctx: Context, actor: Principal, disputeId: string, input: StageStart): Promise<Dispute> {
  return change(ctx, actor, disputeId, input.version, 'dispute.stage_start', (d, today) => {
    assertKiOpen(d);
    const open = d.stages.find((s) => !s.endedOn);
    if (open) conflict('dispute_stage_open', { stage: STAGE_TEXT[open.kind].id, stageEn: STAGE_TEXT[open.kind].en });
    if (d.stages.some((s) => s.kind === input.kind)) conflict('dispute_stage_exists', { stage: STAGE_TEXT[input.kind].id, stageEn: STAGE_TEXT[input.kind].en });
    if (input.kind === 'mediation' && d.stages.length) conflict('dispute_stage_order');
    const last = d.stages.at(-1);
    checkDate('body.startedOn', input.startedOn, today, last?.endedOn ? { date: last.endedOn, what: ENDED } : { date: d.filedOn, what: FILED });
    d.stages.push({ kind: input.kind, startedOn: input.startedOn, hearings: [] });
    return { next: d, after: { kind: input.kind, startedOn: input.startedOn }, event: { type: 'stage_started', note: STAGE_TEXT[input.kind].id } };
  });
}

const FILED: Text = { id: 'tanggal permohonan sengketa', en: 'the date the dispute was filed' };
const ENDED: Text = { id: 'akhir tahap sebelumnya', en: 'the end of the previous stage' };
const STARTED: Text = { id: 'awal tahap', en: 'the start of the stage' };
const DECIDED: Text = { id: 'tanggal putusan', en: 'the date of the decision' };
const RECEIVED: Text = { id: 'tanggal putusan diterima', en: 'the date the decision was received' };
const APPEALED: Text = { id: 'tanggal pengajuan ke pengadilan', en: 'the date of the appeal' };
const CASSATION_FILED: Text = { id: 'tanggal pengajuan kasasi', en: 'the date of the cassation' };

export function endStage(ctx: Context, actor: Principal, disputeId: string, input: StageEnd): Promise<Dispute> {
  return change(ctx, actor, disputeId, input.version, 'dispute.stage_end', (d, today) => {
    assertKiOpen(d);
    const open = d.stages.find((s) => !s.endedOn) ?? conflict('dispute_no_open_stage');
    checkDate('body.endedOn', input.endedOn, today, { date: open.startedOn, what: STARTED });
    open.endedOn = input.endedOn;
    open.result = input.result;
    return { next: d, after: { kind: open.kind, endedOn: input.endedOn, result: input.result }, event: { type: 'stage_ended', note: input.result } };
  });
}

/** A hearing of the KI stage now open, or of the court appeal while the court has not decided. */
export function addHearing(ctx: Context, actor: Principal, disputeId: string, input: NewHearing): Promise<Dispute> {
  return change(ctx, actor, disputeId, input.version, 'dispute.hearing_add', (d) => {
    const hearing: Hearing = {
      hearingId: crypto.randomUUID(),
      on: input.on,
      ...(input.time ? { time: input.time } : {}),
      ...(input.place ? { place: input.place } : {}),
      agenda: input.agenda,
      addedAt: ctx.now.toISOString(),
      addedBy: actor.username,
    };
    if (d.appeal && !d.appeal.outcome) {
      if (input.on < d.appeal.filedOn) invalidBefore('body.on', d.appeal.filedOn, APPEALED);
      d.appeal.hearings.push(hearing);
    } else {
      assertKiOpen(d);
      const open = d.stages.find((s) => !s.endedOn) ?? conflict('dispute_no_open_stage');
      if (input.on < open.startedOn) invalidBefore('body.on', open.startedOn, STARTED);
      open.hearings.push(hearing);
    }
    return {
      next: d,
      after: { hearingId: hearing.hearingId, on: hearing.on, time: hearing.time, agenda: hearing.agenda },
      event: { type: 'hearing_scheduled', note: hearing.agenda },
    };
  });
}

function invalidBefore(path: string, date: string, what: Text): never {
  return invalid(path, 'dispute_date_before', { what: what.id, whatEn: what.en, date: dateInWords(date, 'id'), dateEn: dateInWords(date, 'en') });
}

export function recordHearingResult(ctx: Context, actor: Principal, disputeId: string, hearingId: string, input: HearingResult): Promise<Dispute> {
  return change(ctx, actor, disputeId, input.version, 'dispute.hearing_result', (d, today) => {
    const found = allHearings(d).find(({ hearing }) => hearing.hearingId === hearingId) ?? notFound('dispute_hearing_not_found', { hearingId });
    const h = found.hearing;
    if (h.result) conflict('dispute_hearing_has_result');
    if (!isOpenHearing(d, h)) conflict('dispute_hearing_closed');
    if (h.on > today) conflict('dispute_hearing_not_held', { date: dateInWords(h.on, 'id'), dateEn: dateInWords(h.on, 'en') });
    h.result = { text: input.result, at: ctx.now.toISOString(), by: actor.username };
    return {
      next: d,
      after: { hearingId, on: h.on, result: input.result },
      event: { type: 'hearing_result', note: `${dateInWords(h.on, 'id')}: ${input.result}` },
    };
  });
}

/** The KI's outcome: ends the stage still open; a mediation agreement needs a mediation, a decision an adjudication. */
export function recordOutcome(ctx: Context, actor: Principal, disputeId: string, input: KiDecision): Promise<Dispute> {
  return change(ctx, actor, disputeId, input.version, 'dispute.decided', (d, today) => {
    assertKiOpen(d);
    const needs: StageKind | undefined =
      input.kind === 'mediation_agreement' ? 'mediation' : ADJUDICATION_OUTCOMES.includes(input.kind) ? 'adjudication' : undefined;
    if (needs && !d.stages.some((s) => s.kind === needs))
      invalid('body.kind', 'dispute_outcome_needs_stage', { stage: STAGE_TEXT[needs].id, stageEn: STAGE_TEXT[needs].en });
    const last = d.stages.at(-1);
    checkDate('body.decidedOn', input.decidedOn, today, last ? { date: last.startedOn, what: STARTED } : { date: d.filedOn, what: FILED });
    checkDate('body.receivedOn', input.receivedOn, today, { date: input.decidedOn, what: DECIDED });
    const open = d.stages.find((s) => !s.endedOn);
    if (open) {
      open.endedOn = input.decidedOn;
      open.result = input.note;
    }
    d.outcome = decision(ctx, actor, input);
    return {
      next: d,
      after: { kind: input.kind, decidedOn: input.decidedOn, receivedOn: input.receivedOn, decisionNumber: input.decisionNumber },
      event: { type: 'decided', note: input.kind },
    };
  });
}

/** An appeal to the PTUN or the district court against the KI's adjudication decision (Pasal 47–48). */
export function recordAppeal(ctx: Context, actor: Principal, disputeId: string, input: NewAppeal): Promise<Dispute> {
  return change(ctx, actor, disputeId, input.version, 'dispute.appealed', (d, today) => {
    const decided = d.outcome ?? conflict('dispute_not_decided', { number: d.number });
    if (!ADJUDICATION_OUTCOMES.includes(decided.kind)) conflict('dispute_not_appealable');
    if (d.appeal) conflict('dispute_appeal_exists', { number: d.number });
    checkDate('body.filedOn', input.filedOn, today, { date: decided.receivedOn, what: RECEIVED });
    d.appeal = {
      court: input.court,
      filedOn: input.filedOn,
      caseNumber: input.caseNumber,
      appellant: input.appellant,
      hearings: [],
      at: ctx.now.toISOString(),
      by: actor.username,
    };
    return {
      next: d,
      after: { court: input.court, filedOn: input.filedOn, caseNumber: input.caseNumber, appellant: input.appellant },
      event: { type: 'appealed', note: input.caseNumber },
    };
  });
}

export function recordAppealOutcome(ctx: Context, actor: Principal, disputeId: string, input: CourtDecision): Promise<Dispute> {
  return change(ctx, actor, disputeId, input.version, 'dispute.appeal_decided', (d, today) => {
    const appeal = d.appeal ?? conflict('dispute_no_appeal', { number: d.number });
    if (appeal.outcome) conflict('dispute_appeal_decided', { number: d.number });
    checkDate('body.decidedOn', input.decidedOn, today, { date: appeal.filedOn, what: APPEALED });
    checkDate('body.receivedOn', input.receivedOn, today, { date: input.decidedOn, what: DECIDED });
    appeal.outcome = decision(ctx, actor, input);
    return {
      next: d,
      after: { kind: input.kind, decidedOn: input.decidedOn, receivedOn: input.receivedOn, decisionNumber: input.decisionNumber },
      event: { type: 'appeal_decided', note: input.kind },
    };
  });
}

/** The decision as recorded (the KI's, the court's, the Mahkamah Agung's): who recorded it and when. */
function decision<K extends string>(ctx: Context, actor: Principal, input: Omit<KiDecision | CourtDecision, 'kind' | 'version'> & { kind: K }): Decision<K> {
  return {
    kind: input.kind,
    decidedOn: input.decidedOn,
    receivedOn: input.receivedOn,
    ...(input.decisionNumber ? { decisionNumber: input.decisionNumber } : {}),
    note: input.note,
    at: ctx.now.toISOString(),
    by: actor.username,
  };
}

/** Kasasi to the Mahkamah Agung against the court's decision (Pasal 50). */
export function recordCassation(ctx: Context, actor: Principal, disputeId: string, input: NewCassation): Promise<Dispute> {
  return change(ctx, actor, disputeId, input.version, 'dispute.cassation_filed', (d, today) => {
    const appeal = d.appeal ?? conflict('dispute_no_appeal', { number: d.number });
    const courtDecision = appeal.outcome ?? conflict('dispute_cassation_not_possible');
    if (courtDecision.kind === 'withdrawn') conflict('dispute_cassation_not_possible');
    if (appeal.cassation) conflict('dispute_cassation_exists', { number: d.number });
    checkDate('body.filedOn', input.filedOn, today, { date: courtDecision.receivedOn, what: RECEIVED });
    appeal.cassation = {
      filedOn: input.filedOn,
      ...(input.caseNumber ? { caseNumber: input.caseNumber } : {}),
      appellant: input.appellant,
      at: ctx.now.toISOString(),
      by: actor.username,
    };
    return {
      next: d,
      after: { filedOn: input.filedOn, caseNumber: input.caseNumber, appellant: input.appellant },
      event: { type: 'cassation_filed', note: input.caseNumber },
    };
  });
}

export function recordCassationOutcome(ctx: Context, actor: Principal, disputeId: string, input: CourtDecision): Promise<Dispute> {
  return change(ctx, actor, disputeId, input.version, 'dispute.cassation_decided', (d, today) => {
    const cassation = d.appeal?.cassation ?? conflict('dispute_no_cassation', { number: d.number });
    if (cassation.outcome) conflict('dispute_cassation_decided', { number: d.number });
    checkDate('body.decidedOn', input.decidedOn, today, { date: cassation.filedOn, what: CASSATION_FILED });
    checkDate('body.receivedOn', input.receivedOn, today, { date: input.decidedOn, what: DECIDED });
    cassation.outcome = decision(ctx, actor, input);
    return {
      next: d,
      after: { kind: input.kind, decidedOn: input.decidedOn, receivedOn: input.receivedOn },
      event: { type: 'cassation_decided', note: input.kind },
    };
  });
}

// ─── documents (the checked-upload path of items and requests) ───────────────────────────────────

export const MAX_DISPUTE_DOCUMENTS = 40;
const uploadKey = (disputeId: string, docId: string, name: string) => `uploads/disputes/${disputeId}/${docId}/${name}`;
const finalKey = (disputeId: string, docId: string, name: string) => `disputes/${disputeId}/${docId}/${name}`;

/** Documents change without the person's version: each change reads the record again and retries a race. */
function changeDocuments(
  ctx: Context,
  actor: Principal,
  disputeId: string,
  action: string,
  fn: (d: Dispute) => { after: unknown; event: DisputeTimelineEvent['type']; note: string },
) {
  return retryOnRace(() =>
    change(ctx, actor, disputeId, undefined, action, (x) => {
      const { after, event, note } = fn(x);
      return { next: x, after, event: { type: event, note } };
    }),
  );
}

/** Declares a document of the dispute (the application, the KI's summons, minutes, decisions) and returns its upload ticket. */
export async function addDisputeDocument(ctx: Context, uploads: UploadsPort, actor: Principal, disputeId: string, input: DisputeUpload) {
  assertWriter(actor);
  const kind = kindForUpload(input.fileName, input.contentType);
  if (!kind)
    return fail('unsupported_media_type', 'upload_type_not_allowed', { fileName: input.fileName, contentType: input.contentType, allowed: allowedList() });
  await load(ctx, disputeId);
  const docId = crypto.randomUUID();
  const fileName = safeFileName(input.fileName);
  const doc: DisputeDocument = {
    docId,
    category: input.category,
    ...(input.description ? { description: input.description } : {}),
    fileName,
    contentType: input.contentType,
    kind,
    size: input.size,
    sha256: input.sha256,
    key: finalKey(disputeId, docId, fileName),
    status: 'pending',
    uploadedBy: actor.username,
    uploadedAt: ctx.now.toISOString(),
  };
  const ticket = await uploads.ticket(uploadKey(disputeId, docId, fileName), input.contentType, input.size);
  const saved = await changeDocuments(ctx, actor, disputeId, 'dispute.document_add', (d) => {
    if (d.documents.length >= MAX_DISPUTE_DOCUMENTS) fail('validation', 'too_many_documents', { max: MAX_DISPUTE_DOCUMENTS });
    d.documents.push(doc);
    return { after: { docId, category: input.category, fileName, size: input.size, sha256: input.sha256 }, event: 'document_added', note: fileName };
  });
  return { document: doc, upload: ticket, disputeVersion: saved.version };
}

/** Moves the upload to the server-only key and checks it; a file that fails is removed, record and bucket. */
export async function verifyDisputeDocument(ctx: Context, uploads: UploadsPort, actor: Principal, disputeId: string, docId: string) {
  assertWriter(actor);
  const d = await load(ctx, disputeId);
  const doc = d.documents.find((x) => x.docId === docId) ?? notFound('document_not_found', { docId });
  if (doc.status === 'verified') return { document: doc, disputeVersion: d.version };
  const checked = await promoteAndCheck(uploads, uploadKey(disputeId, docId, doc.fileName), doc.key, {
    size: doc.size,
    sha256: doc.sha256,
    kind: doc.kind as DocumentKind,
  });
  if (checked.ok) {
    const saved = await changeDocuments(ctx, actor, disputeId, 'dispute.document_verified', (x) => {
      x.documents = x.documents.map((y) => (y.docId === docId ? { ...y, status: 'verified' as const } : y));
      return { after: { docId, sha256: doc.sha256 }, event: 'document_verified', note: doc.fileName };
    });
    return { document: { ...doc, status: 'verified' as const }, disputeVersion: saved.version };
  }
  if (checked.missing) throw checked.error;
  await changeDocuments(ctx, actor, disputeId, 'dispute.document_rejected', (x) => {
    x.documents = x.documents.filter((y) => y.docId !== docId);
    return { after: { docId, reason: checked.reason }, event: 'document_rejected', note: doc.fileName };
  });
  throw checked.error;
}

export async function disputeDocumentLink(ctx: Context, uploads: UploadsPort, actor: Principal, disputeId: string, docId: string) {
  const d = await getDispute(ctx, actor, disputeId);
  const doc = d.documents.find((x) => x.docId === docId) ?? notFound('document_not_found', { docId });
  if (doc.status !== 'verified') conflict('document_not_verified', { fileName: doc.fileName });
  return { url: await uploads.downloadUrl(doc.key, doc.fileName, doc.contentType), expiresInSeconds: 300 };
}
