/**
 * Objections: the use cases (see model.ts for the law and the steps).
 *
 * As in the other workflows the table is the truth: every decision is recorded here once, under a
 * version condition, and only then handed to the waiting execution (statemachines/objection.asl.json),
 * whose tasks (workflow.ts) find their result already recorded when run again.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Principal } from '../access.ts';
import { agencyDeadline } from '../agency-deadline.ts';
import { type AuditEvent, auditEvent, PUBLIC_ACTOR } from '../audit.ts';
import { endOfLocalDay, localDateOf, localIso } from '../calendar.ts';
import { dateInWords } from '../date-words.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import type { InboxEntry } from '../item-model.ts';
import { retryOnRace, usersWithRole } from '../items.ts';
import { staffLink, staffMail } from '../mail-text.ts';
import type { Text } from '../messages.ts';
import type { Agency } from '../model.ts';
import { officialOf } from '../official-documents/index.ts';
import type { Context, DeadlineRule, Page, Write } from '../ports.ts';
import { type ReleasedFile, type Request, type Requester, requestIdOf } from '../requests/model.ts';
import {
  bodyAgency,
  byTracking,
  inboxWrites,
  invalid,
  newTrackingCode,
  normalCode,
  personalHash,
  receivedWhen,
  releasedFile,
  requestRules,
  STATUS_LINK,
  statusLink,
  toDeadline,
} from '../requests/requests.ts';
import {
  type FollowUpFulfilment,
  GROUND_TEXT,
  GROUNDS,
  type Ground,
  type GroundWindow,
  type Objection,
  type ObjectionAttachment,
  type ObjectionPersonal,
  type ObjectionResponse,
  type ObjectionTimelineEvent,
  objectionIdFor,
  objectionIdOf,
  objectionNumber,
  type StaffObjectionForm,
} from './model.ts';

export const OBJECTION_WORKFLOW = 'Objection';
/** Pasal 36(1): an objection is filed within 30 working days after its grounds arose. */
export const FILING_RULE: DeadlineRule = { unit: 'workingDays', amount: 30 };
/** Pasal 36(2): the Atasan PPID responds in writing within 30 working days after receipt. */
export const RESPONSE_RULE: DeadlineRule = { unit: 'workingDays', amount: 30 };
/** Pasal 37(2): a dispute is filed at the Komisi Informasi within 14 working days after the response. */
export const DISPUTE_RULE: DeadlineRule = { unit: 'workingDays', amount: 14 };
/** When the Atasan PPID is reminded before the deadline (working days after receipt). */
export const RESPONSE_REMINDER: DeadlineRule = { unit: 'workingDays', amount: 20 };

/** Who reads every objection (and its objector's identity). */
const BODY_READERS = ['admin', 'ppid_utama', 'atasan_ppid'] as const;
const bodyWide = (actor: Principal) => (BODY_READERS as readonly string[]).includes(actor.role);

// ─── reading ─────────────────────────────────────────────────────────────────────────────────────

async function load(ctx: Context, objectionId: string): Promise<Objection> {
  return (await ctx.store.getObjection(objectionId)) ?? notFound('objection_not_found', { objectionId });
}

function mayView(actor: Principal, o: Objection): boolean {
  return bodyWide(actor) || o.agencyIds.includes(actor.agencyId) || o.registeredBy === actor.username;
}

export async function getObjection(ctx: Context, actor: Principal, objectionId: string): Promise<Objection> {
  const o = await load(ctx, objectionId);
  if (!mayView(actor, o)) forbidden('forbidden_agency');
  return o;
}

/** Body-wide readers list every objection; an SKPD those on requests routed to it (tens a year: filtered in memory). */
export async function listObjections(
  ctx: Context,
  actor: Principal,
  q: { year?: number; agencyId?: string; cursor?: string; limit: number },
): Promise<Page<Objection>> {
  const agencyId = bodyWide(actor) ? q.agencyId : actor.agencyId;
  if (!bodyWide(actor) && q.agencyId && q.agencyId !== actor.agencyId) forbidden('forbidden_agency');
  const page = await ctx.store.listObjections(q);
  return agencyId ? { ...page, items: page.items.filter((o) => o.agencyIds.includes(agencyId)) } : page;
}

/** The objector's identity: the requester's (their request's personal record) or, with no request, the objection's own. Audited. */
export async function getObjector(ctx: Context, actor: Principal, objectionId: string): Promise<Requester> {
  const o = await load(ctx, objectionId);
  if (!bodyWide(actor) && !o.agencyIds.includes(actor.agencyId)) forbidden('request_personal_forbidden');
  const objector = await objectorOf(ctx, o);
  if (!objector) return notFound('request_personal_erased', { number: o.number });
  await ctx.store.commit([], objectionAudit(ctx, o, actor.agencyId, actor, 'objection.personal_read', { after: { number: o.number } }));
  return objector.requester;
}

/** The objector's identity and tracking code, wherever they are kept. */
export async function objectorOf(ctx: Context, o: Objection): Promise<{ requester: Requester; trackingCode?: string } | undefined> {
  if (o.requestId) return ctx.store.getRequestPersonal(o.requestId);
  const p = await ctx.store.getObjectionPersonal(o.objectionId);
  return p ? { requester: p.objector, ...(p.trackingCode ? { trackingCode: p.trackingCode } : {}) } : undefined;
}

// ─── helpers ─────────────────────────────────────────────────────────────────────────────────────

function objectionAudit(
  ctx: Context,
  o: Pick<Objection, 'objectionId'>,
  agencyId: string,
  actor: Principal | typeof PUBLIC_ACTOR | { username: 'system'; role: 'system'; agencyId: '-' },
  action: string,
  detail: { before?: unknown; after?: unknown; reason?: string },
): AuditEvent {
  return auditEvent({ actor, action, entity: { type: 'objection', id: o.objectionId }, agencyId, ...detail, requestId: ctx.requestId, now: ctx.now });
}

const event = (at: string, type: ObjectionTimelineEvent['type'], extra: Omit<ObjectionTimelineEvent, 'at' | 'type'> = {}): ObjectionTimelineEvent => ({
  at,
  type,
  ...extra,
});

export function inboxEntry(o: Objection, box: InboxEntry['box'], agencyId: string, since: string, deadline?: Objection['deadline']): InboxEntry {
  return {
    box,
    entity: 'objection',
    itemId: o.objectionId,
    agencyId,
    number: o.number,
    title: o.information.slice(0, 140),
    versionNo: 1,
    since,
    ...(deadline ? { deadline } : {}),
  };
}

/** The next state of an objection after a change: saved with its inbox entries and audit in one transaction. */
async function save(ctx: Context, before: Objection, after: Objection, audit: AuditEvent | AuditEvent[], extra: Write[] = []): Promise<Objection> {
  const next = { ...after, updatedAt: ctx.now.toISOString(), version: before.version + 1 };
  await ctx.store.commit([{ entity: 'objection', value: next, expectedVersion: before.version }, ...inboxWrites(before.inbox, after.inbox), ...extra], audit);
  return next;
}

function assertVersion(o: Objection, version: number): void {
  if (o.version !== version) conflict('concurrent_change');
}

// ─── which grounds apply, and until when ────────────────────────────────────────────────────────

export interface GroundOption {
  ground: Ground;
  text: Text;
  /** The system knows the ground applies (it is offered first). */
  known: boolean;
  /** It may be chosen now. */
  available: boolean;
  /** Why not, or what it rests on. */
  note?: Text;
  arose?: string;
  until?: { at: string; local: string };
}

/**
 * The grounds of Pasal 35(1) for this request at `at`: which the system knows (a refusal, no notice
 * by the deadline, a late notice or delivery), which the requester may still claim (the others once
 * the notice is issued), and the 30 working days to file each.
 */
export async function groundOptions(ctx: Context, r: Request, at: Date): Promise<GroundOption[]> {
  const body = await bodyAgency(ctx);
  const now = at.toISOString();
  const noticeAt = r.notice?.issuedAt;
  const deliveredAt = r.delivery ? endOfLocalDay(r.delivery.deliveredOn, body.timezone).toISOString() : undefined;
  const late = [noticeAt && noticeAt > r.deadline.at ? noticeAt : undefined, deliveredAt && deliveredAt > r.deadline.at ? deliveredAt : undefined].filter(
    (x): x is string => !!x,
  );
  const deadlineWords = { id: dateInWords(r.deadline.local.slice(0, 10), 'id', true), en: dateInWords(r.deadline.local.slice(0, 10), 'en', true) };
  const arises: Record<Ground, { known: boolean; arose?: string; note?: Text }> = {
    a:
      r.outcome?.decision === 'refused' || r.outcome?.decision === 'partial'
        ? { known: true, arose: noticeAt, note: { id: 'Permohonan ditolak (seluruhnya atau sebagian).', en: 'The request was refused (in whole or in part).' } }
        : { known: false, note: { id: 'Permohonan ini tidak ditolak.', en: 'This request was not refused.' } },
    b: {
      known: false,
      note: { id: 'Informasi berkala yang wajib diumumkan tidak disediakan.', en: 'Periodic information that must be announced was not provided.' },
    },
    c: noticeAt
      ? { known: false, note: { id: 'Pemberitahuan tertulis telah terbit.', en: 'The written notice has been issued.' } }
      : now > r.deadline.at
        ? {
            known: true,
            arose: r.deadline.at,
            note: {
              id: `Tidak ada pemberitahuan tertulis sampai batas waktu ${deadlineWords.id}.`,
              en: `No written notice by the deadline, ${deadlineWords.en}.`,
            },
          }
        : {
            known: false,
            note: {
              id: `Dapat dipilih bila sampai ${deadlineWords.id} tidak ada pemberitahuan tertulis.`,
              en: `Can be chosen if there is no written notice by ${deadlineWords.en}.`,
            },
          },
    d: noticeAt ? { known: false, arose: deliveredAt ?? noticeAt } : { known: false },
    e: noticeAt ? { known: false, arose: deliveredAt ?? noticeAt } : { known: false },
    f:
      noticeAt && (r.outcome?.cost ?? 0) > 0
        ? { known: true, arose: noticeAt, note: { id: 'Informasi dikenai biaya.', en: 'A fee was charged.' } }
        : noticeAt
          ? { known: false, arose: noticeAt }
          : { known: false },
    g: late.length
      ? { known: true, arose: late.sort().at(-1), note: { id: 'Disampaikan setelah batas waktu.', en: 'Delivered after the deadline.' } }
      : noticeAt
        ? { known: false, note: { id: 'Pemberitahuan dan penyampaian tepat waktu.', en: 'The notice and the delivery were on time.' } }
        : { known: false },
  };
  const waitForNotice: Text = { id: 'Dapat dipilih setelah pemberitahuan tertulis terbit.', en: 'Can be chosen once the written notice is issued.' };
  return Promise.all(
    GROUNDS.map(async (ground): Promise<GroundOption> => {
      const a = arises[ground];
      // Ground b is a continuing failure: it has no date it arose, so no filing period runs out.
      if (ground === 'b') return { ground, text: GROUND_TEXT.b, known: false, available: true, ...(a.note ? { note: a.note } : {}) };
      if (!a.arose) return { ground, text: GROUND_TEXT[ground], known: false, available: false, note: a.note ?? waitForNotice };
      const end = await agencyDeadline(ctx, body.id, new Date(a.arose), FILING_RULE);
      const open = now <= end.deadline;
      return {
        ground,
        text: GROUND_TEXT[ground],
        known: a.known,
        available: open,
        ...(a.note ? { note: a.note } : {}),
        arose: a.arose,
        until: { at: end.deadline, local: end.localDeadline },
      };
    }),
  );
}

/** Refuses grounds that do not apply or whose filing period ended (with the date it ended). */
function checkGrounds(options: GroundOption[], chosen: Ground[]): GroundWindow[] {
  return chosen.map((g) => {
    const o = options.find((x) => x.ground === g)!;
    if (o.until && !o.available)
      invalid('body.grounds', 'objection_late', {
        ground: g,
        until: dateInWords(o.until.local.slice(0, 10), 'id', true),
        untilEn: dateInWords(o.until.local.slice(0, 10), 'en', true),
      });
    if (!o.available) invalid('body.grounds', 'objection_ground_unavailable', { ground: g, why: o.note?.id ?? '', whyEn: o.note?.en ?? '' });
    return { ground: g, arose: o.arose ?? '', until: o.until ?? { at: '', local: '' } };
  });
}

// ─── filing ──────────────────────────────────────────────────────────────────────────────────────

interface NewObjection {
  request?: Request;
  /** With no request (ground b): the objector, kept in the objection's own personal record. */
  objector?: Requester;
  information?: string;
  grounds: Ground[];
  case: string;
  channel: Objection['channel'];
  receivedOn?: string;
  submissionId: string;
  /** Moves and checks the uploaded attachments; run once, before the write. */
  attachments?: () => Promise<ObjectionAttachment[]>;
  note?: string;
}

export interface FiledObjection {
  objection: Objection;
  /** Only for an objection with no request: its own tracking code, shown once. */
  trackingCode?: string;
}

const SUBMISSION_SECONDS = 24 * 3600;

/** The requester objects from the request's status page (its number and tracking code). */
export async function fileObjection(
  ctx: Context,
  input: { number: string; code: string; grounds: Ground[]; case: string; submissionId: string; attachments?: NewObjection['attachments'] },
): Promise<FiledObjection> {
  const request = await byTracking(ctx, input.number, input.code);
  return createObjection(ctx, PUBLIC_ACTOR, { ...input, request, channel: 'online' });
}

/** Ground b with no earlier request, from the register's form. */
export function filePeriodicObjection(
  ctx: Context,
  input: { objector: Requester; information: string; case: string; submissionId: string; attachments?: NewObjection['attachments'] },
): Promise<FiledObjection> {
  return createObjection(ctx, PUBLIC_ACTOR, { ...input, grounds: ['b'], channel: 'online' });
}

/** Staff register an objection received on paper, by mail or in person, with its real date of receipt. */
export async function registerObjection(ctx: Context, actor: Principal, input: StaffObjectionForm): Promise<FiledObjection> {
  if (!['petugas', 'ppid_utama', 'ppid_pelaksana', 'admin', 'atasan_ppid'].includes(actor.role)) forbidden('forbidden_role', { role: actor.role });
  let request: Request | undefined;
  if (input.requestNumber) {
    const id = requestIdOf(input.requestNumber);
    request = id ? await ctx.store.getRequest(id) : undefined;
    if (!request) invalid('body.requestNumber', 'objection_request_not_found', { number: input.requestNumber });
  }
  return createObjection(ctx, actor, {
    ...(request ? { request } : {}),
    ...(input.objector && !request ? { objector: input.objector } : {}),
    ...(input.information ? { information: input.information } : {}),
    grounds: input.grounds,
    case: input.case,
    channel: input.channel,
    receivedOn: input.receivedOn,
    submissionId: input.submissionId,
    ...(input.note ? { note: input.note } : {}),
  });
}

async function createObjection(ctx: Context, actor: Principal | typeof PUBLIC_ACTOR, input: NewObjection): Promise<FiledObjection> {
  const earlier = await ctx.store.getSubmission(input.submissionId);
  if (earlier?.objectionId) return replay(ctx, earlier);
  const body = await bodyAgency(ctx);
  const { today, receivedOn, start } = receivedWhen(ctx.now, body.timezone, input.receivedOn);
  if (!input.request && !input.objector) invalid('body.requestNumber', 'objection_request_not_found', { number: '—' });
  if (input.request && input.request.receivedOn > receivedOn)
    invalid('body.receivedOn', 'request_delivered_before_receipt', { date: input.request.receivedOn });
  const windows = input.request
    ? checkGrounds(await groundOptions(ctx, input.request, start), input.grounds)
    : input.grounds.map((g): GroundWindow => ({ ground: g, arose: '', until: { at: '', local: '' } }));
  const deadline = toDeadline(await agencyDeadline(ctx, body.id, start, RESPONSE_RULE));
  const reminder = await agencyDeadline(ctx, body.id, start, RESPONSE_REMINDER);
  const attachments = input.attachments ? await input.attachments() : [];
  return retryOnRace(async () => {
    const again = await ctx.store.getSubmission(input.submissionId);
    if (again?.objectionId) return replay(ctx, again);
    return createOnce(ctx, actor, input, {
      body,
      today,
      receivedOn,
      receivedAt: start.toISOString(),
      windows,
      deadline,
      reminder: reminder.deadline,
      attachments,
    });
  }, 100);
}

async function replay(ctx: Context, s: { objectionId?: string; trackingCode: string; requestId: string }): Promise<FiledObjection> {
  const objection = await load(ctx, s.objectionId!);
  return { objection, ...(s.requestId ? {} : { trackingCode: s.trackingCode }) };
}

async function createOnce(
  ctx: Context,
  actor: Principal | typeof PUBLIC_ACTOR,
  input: NewObjection,
  p: {
    body: Agency;
    today: string;
    receivedOn: string;
    receivedAt: string;
    windows: GroundWindow[];
    deadline: Objection['deadline'];
    reminder: string;
    attachments: ObjectionAttachment[];
  },
): Promise<FiledObjection> {
  const at = ctx.now.toISOString();
  const year = Number(p.today.slice(0, 4));
  const counter = `objections#${year}`;
  const previous = await ctx.store.getCounter(counter);
  const sequence = previous + 1;
  const objectionId = objectionIdFor(year, sequence);
  const r = input.request;
  const code = r ? undefined : newTrackingCode();
  const objection: Objection = {
    objectionId,
    number: objectionNumber(year, sequence),
    year,
    sequence,
    state: 'registered',
    ...(r ? { requestId: r.requestId, requestNumber: r.number } : {}),
    agencyIds: r ? r.parts.map((x) => x.agencyId) : [],
    information: r ? r.content.information : (input.information ?? input.case.slice(0, 200)),
    grounds: input.grounds,
    windows: p.windows,
    case: input.case,
    channel: input.channel,
    receivedAt: p.receivedAt,
    receivedOn: p.receivedOn,
    registeredAt: at,
    registeredBy: actor.username,
    ...(code ? { trackingHash: objectionTrackingHash(objectionId, code) } : {}),
    deadline: p.deadline,
    ...(p.reminder < p.deadline.at ? { reminderAt: p.reminder } : {}),
    escalations: 0,
    attachments: p.attachments,
    inbox: [],
    timeline: [
      event(p.receivedAt, 'received', { note: input.channel }),
      event(at, 'registered', { by: actor.username, ...(input.note ? { note: input.note } : {}) }),
    ],
    executionName: `objection-${objectionId}`,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  objection.inbox = [inboxEntry(objection, { kind: 'objection' }, p.body.id, at, p.deadline)];
  const audits = [
    objectionAudit(ctx, objection, p.body.id, actor, 'objection.register', {
      after: {
        number: objection.number,
        requestNumber: objection.requestNumber,
        grounds: objection.grounds,
        channel: objection.channel,
        receivedOn: p.receivedOn,
        ...(input.objector ? { objector: personalHash(input.objector) } : {}),
      },
    }),
  ];
  if (p.receivedOn !== p.today)
    audits.push(
      objectionAudit(ctx, objection, p.body.id, actor, 'objection.backdated', {
        after: { receivedOn: p.receivedOn, registeredOn: p.today },
        reason: input.note,
      }),
    );
  const personal: ObjectionPersonal | undefined = input.objector
    ? { objectionId, objector: input.objector, ...(code ? { trackingCode: code } : {}), version: 1 }
    : undefined;
  await ctx.store.commit(
    [
      { entity: 'counter', name: counter, from: previous, to: sequence },
      { entity: 'objection', value: objection, expectedVersion: null },
      ...(personal ? [{ entity: 'objectionPersonal' as const, value: personal }] : []),
      {
        entity: 'submission',
        value: {
          submissionId: input.submissionId,
          requestId: r?.requestId ?? '',
          objectionId,
          trackingCode: code ?? '',
          expiresAt: Math.floor(ctx.now.getTime() / 1000) + SUBMISSION_SECONDS,
        },
      },
      ...inboxWrites([], objection.inbox),
    ],
    audits,
  );
  await ctx.workflows?.start(OBJECTION_WORKFLOW, objection.executionName!, { objectionId });
  await notifyFiled(ctx, objection, code);
  return { objection, ...(code ? { trackingCode: code } : {}) };
}

export const objectionTrackingHash = (objectionId: string, code: string) =>
  createHash('sha256')
    .update(`objection:${objectionId}:${normalCode(code)}`)
    .digest('hex');

/** An objection with no request, by its own number and tracking code (the same answer for either wrong). */
export async function byObjectionTracking(ctx: Context, number: string, code: string): Promise<Objection> {
  const id = objectionIdOf(number);
  const o = id ? await ctx.store.getObjection(id) : undefined;
  const expected = Buffer.from(o?.trackingHash ?? '0'.repeat(64), 'hex');
  const given = Buffer.from(objectionTrackingHash(id ?? '-', code), 'hex');
  if (!o || !timingSafeEqual(expected, given)) return notFound('request_tracking_not_found');
  return o;
}

/**
 * The objections a status-page visitor may see: those of the request (its number and tracking
 * code), or the one objection with no request (its own number and code).
 */
export async function objectionsForTracking(ctx: Context, number: string, code: string): Promise<{ request?: Request; objections: Objection[] }> {
  if (objectionIdOf(number)) return { objections: [await byObjectionTracking(ctx, number, code)] };
  const request = await byTracking(ctx, number, code);
  return { request, objections: await ctx.store.listObjectionsOfRequest(request.requestId) };
}

// ─── the Atasan PPID responds ────────────────────────────────────────────────────────────────────

export function respond(ctx: Context, actor: Principal, objectionId: string, input: ObjectionResponse): Promise<Objection> {
  return retryOnRace(async () => {
    if (actor.role !== 'atasan_ppid') forbidden('forbidden_role', { role: actor.role });
    const o = await load(ctx, objectionId);
    assertVersion(o, input.version);
    if (o.response) conflict('objection_responded', { number: o.number });
    const body = await bodyAgency(ctx);
    const today = localDateOf(ctx.now, body.timezone);
    if (input.decision === 'granted' && input.provideBy! < today) invalid('body.provideBy', 'objection_provide_by_past', { today });
    const user = await ctx.store.getUser(actor.username);
    const responder = officialOf(user ?? { name: actor.username }, 'Atasan PPID');
    const at = ctx.now.toISOString();
    const window = await agencyDeadline(ctx, body.id, ctx.now, DISPUTE_RULE);
    const after: Objection = structuredClone(o);
    after.response = {
      decision: input.decision,
      ...(input.scope && input.decision === 'granted' ? { scope: input.scope } : {}),
      ...(input.provideBy && input.decision === 'granted' ? { provideBy: input.provideBy } : {}),
      reasons: input.reasons,
      at,
      by: actor.username,
      responder: { name: responder.name, position: responder.position, ...(responder.nip ? { nip: responder.nip } : {}) },
    };
    after.state = input.decision;
    after.disputeWindow = { from: 'response', at: window.deadline, local: window.localDeadline };
    after.inbox = [];
    if (input.decision === 'granted') {
      const end = endOfLocalDay(input.provideBy!, body.timezone);
      const days = Math.round((Date.parse(input.provideBy!) - Date.parse(today)) / 86_400_000);
      const followDeadline = {
        at: end.toISOString(),
        local: localIso(end.getTime(), body.timezone),
        explanation: provideByText(input.provideBy!),
        rule: { unit: 'calendarDays', amount: days } as DeadlineRule,
      };
      after.followUp = { deadline: followDeadline, reminders: 0 };
      const units = o.agencyIds.length ? o.agencyIds : [body.id];
      after.inbox = units.map((a) => inboxEntry(after, { kind: 'objection_followup', agencyId: a }, a, at, followDeadline));
    }
    delete after.taskToken;
    after.timeline.push(event(at, 'responded', { by: actor.username, note: input.decision }));
    const saved = await save(
      ctx,
      o,
      after,
      objectionAudit(ctx, o, body.id, actor, 'objection.respond', {
        after: { decision: input.decision, scope: input.scope, provideBy: input.provideBy },
        reason: input.reasons,
      }),
      input.decision === 'rejected' ? await retentionWrites(ctx, after, at) : [],
    );
    if (o.taskToken) await ctx.workflows?.complete(o.taskToken, { outcome: 'changed' });
    return saved;
  });
}

/**
 * An objection with no request keeps its objector's identity itself: once it closes, the retention
 * period of the requests' personal data (settings, default 5 years) starts for it too. An objection
 * on a request leaves that to the request's own record.
 */
async function retentionWrites(ctx: Context, after: Objection, at: string): Promise<Write[]> {
  if (after.requestId) return [];
  const { personalDataRetentionYears } = await requestRules(ctx);
  const eraseAfter = new Date(at);
  eraseAfter.setUTCFullYear(eraseAfter.getUTCFullYear() + personalDataRetentionYears);
  after.eraseAfter = eraseAfter.toISOString();
  return [{ entity: 'objectionPersonalRetention', objectionId: after.objectionId, eraseAfter: after.eraseAfter }];
}

function provideByText(date: string): Text {
  return {
    id: `Informasi diberikan paling lambat ${dateInWords(date, 'id', true)}, sesuai tanggapan Atasan PPID.`,
    en: `The information is to be provided by ${dateInWords(date, 'en', true)}, as the Atasan PPID ordered.`,
  };
}

// ─── the PPID provides what a granted objection ordered ──────────────────────────────────────────

export function fulfil(ctx: Context, actor: Principal, objectionId: string, input: FollowUpFulfilment): Promise<Objection> {
  return retryOnRace(async () => {
    if (!['ppid_pelaksana', 'ppid_utama'].includes(actor.role)) forbidden('forbidden_role', { role: actor.role });
    const o = await load(ctx, objectionId);
    if (actor.role !== 'ppid_utama' && !o.agencyIds.includes(actor.agencyId)) forbidden('forbidden_agency');
    assertVersion(o, input.version);
    if (!o.followUp) return conflict('objection_no_followup', { number: o.number });
    if (o.followUp.fulfilled) conflict('objection_fulfilled', { number: o.number });
    const r = o.requestId ? await ctx.store.getRequest(o.requestId) : undefined;
    const documents: ReleasedFile[] = input.documents.map((d, i) =>
      releasedFile(r ?? { documents: [] }, d, i, (x) => actor.role === 'ppid_utama' || x.agencyId === actor.agencyId, false),
    );
    if (o.response?.scope === 'partial' && documents.length > 0 && !documents.some((d) => d.redaction))
      invalid('body.documents.0.redaction', 'request_redaction_missing');
    const at = ctx.now.toISOString();
    const after: Objection = structuredClone(o);
    after.followUp!.fulfilled = { at, by: actor.username, note: input.note, documents };
    after.state = 'closed';
    after.inbox = [];
    delete after.taskToken;
    after.timeline.push(event(at, 'fulfilled', { by: actor.username, note: input.note }), event(at, 'closed'));
    const body = await bodyAgency(ctx);
    const saved = await save(
      ctx,
      o,
      after,
      objectionAudit(ctx, o, body.id, actor, 'objection.fulfilled', { after: { documents: documents.map((d) => d.fileName), note: input.note } }),
      await retentionWrites(ctx, after, at),
    );
    if (o.taskToken) await ctx.workflows?.complete(o.taskToken, { outcome: 'changed' });
    await mailObjector(ctx, saved, {
      subject: `[PPID] Informasi atas keberatan ${o.number} telah diberikan / Information on objection ${o.number} provided`,
      text: [
        `Sesuai tanggapan Atasan PPID atas keberatan ${o.number}, informasi telah diberikan.`,
        input.note,
        `Unduh di halaman status: ${STATUS_LINK}`,
        '',
        `As the Atasan PPID ordered on objection ${o.number}, the information has been provided. Download it on the status page: ${STATUS_LINK}`,
      ].join('\n'),
      idempotencyKey: `objection-fulfilled-${o.objectionId}`,
    });
    return saved;
  });
}

/** An open follow-up of a granted objection on this request lets the SKPD upload documents to it. */
export async function openFollowUp(ctx: Context, requestId: string): Promise<Objection | undefined> {
  return (await ctx.store.listObjectionsOfRequest(requestId)).find((o) => o.followUp && !o.followUp.fulfilled);
}

// ─── mail ────────────────────────────────────────────────────────────────────────────────────────

/** The objector's status link: their request's, or the objection's own (number and code). */
export function objectorLink(ctx: Context, o: Objection, code?: string): string {
  return o.requestNumber ? statusLink(ctx, { number: o.requestNumber }, code) : statusLink(ctx, { number: o.number }, code);
}

/** Mails the objector, if they gave an address; `STATUS_LINK` in the text becomes their own status link. */
export async function mailObjector(ctx: Context, o: Objection, mail: { subject: string; text: string; idempotencyKey: string }): Promise<void> {
  const who = await objectorOf(ctx, o);
  const email = who?.requester.email;
  if (!ctx.mailer || !email) return;
  await ctx.mailer.send({ to: [email], ...mail, text: mail.text.replaceAll(STATUS_LINK, objectorLink(ctx, o, who.trackingCode)) });
}

async function notifyFiled(ctx: Context, o: Objection, code?: string): Promise<void> {
  const groundsText = o.grounds.map((g) => `${g}. ${GROUND_TEXT[g].id}`).join('; ');
  await mailObjector(ctx, o, {
    subject: `[PPID] Keberatan ${o.number} diterima / Objection ${o.number} received`,
    text: [
      `Keberatan Anda${o.requestNumber ? ` atas permohonan ${o.requestNumber}` : ''} telah terdaftar dengan nomor ${o.number}.`,
      `Tanggal diterima: ${dateInWords(o.receivedOn, 'id', true)}.`,
      `Alasan keberatan: ${groundsText}.`,
      `Atasan PPID wajib memberikan tanggapan tertulis paling lambat ${o.deadline.explanation.id}`,
      ...(code ? [`Kode pelacakan: ${code} (simpan kode ini; kode tidak dapat ditampilkan lagi).`] : []),
      `Pantau status keberatan: ${STATUS_LINK}`,
      '',
      `Your objection is registered as ${o.number}. The Atasan PPID must answer in writing by: ${o.deadline.explanation.en}`,
      `Status: ${STATUS_LINK}`,
    ].join('\n'),
    idempotencyKey: `objection-filed-${o.objectionId}`,
  });
  // The Atasan PPID decides: they learn of it at once, with the link to where they act.
  if (!ctx.mailer) return;
  const to = [
    ...new Set((await Promise.all([usersWithRole(ctx, undefined, 'atasan_ppid'), usersWithRole(ctx, undefined, 'ppid_utama')])).flat().map((u) => u.email)),
  ];
  if (!to.length) return;
  await ctx.mailer.send({
    to,
    ...staffMail({
      subject: { id: `Keberatan ${o.number} menunggu tanggapan Atasan PPID`, en: `Objection ${o.number} awaits the Atasan PPID` },
      id: [
        `Keberatan ${o.number}${o.requestNumber ? ` atas permohonan ${o.requestNumber}` : ''} diterima ${dateInWords(o.receivedOn, 'id', true)}: ${o.information.slice(0, 120)}`,
        `Alasan: ${groundsText}.`,
        `Batas waktu tanggapan tertulis: ${o.deadline.explanation.id}`,
      ],
      en: [
        `Objection ${o.number}${o.requestNumber ? ` on request ${o.requestNumber}` : ''}, received ${dateInWords(o.receivedOn, 'en', true)}: ${o.information.slice(0, 120)}`,
        `The Atasan PPID's written response is due: ${o.deadline.explanation.en}`,
      ],
      link: staffLink(`objections/${o.objectionId}`),
    }),
    idempotencyKey: `objection-atasan-${o.objectionId}`,
  });
}

// ─── files ───────────────────────────────────────────────────────────────────────────────────────

/** How long a download link lives. */
export const LINK_SECONDS = 300;

interface Links {
  downloadUrl(key: string, fileName: string, contentType: string): Promise<string>;
}

type FileRef = { key: string; fileName: string; contentType: string };

/** `response`, an attachment's id, or (for the objector) a document the follow-up provided. */
function fileOf(o: Objection, file: string, objector: boolean): FileRef {
  if (file === 'response') {
    const f = o.responseDocument?.file ?? notFound('objection_response_missing');
    return { key: f.key, fileName: f.fileName, contentType: 'application/pdf' };
  }
  const provided = o.followUp?.fulfilled?.documents.find((d) => d.docId === file);
  if (provided) return provided;
  const attachment = o.attachments.find((a) => a.docId === file);
  if (attachment && !objector) return attachment;
  return notFound('objection_document_not_released');
}

export async function staffObjectionFile(ctx: Context, links: Links, actor: Principal, objectionId: string, file: string) {
  const o = await getObjection(ctx, actor, objectionId);
  const f = fileOf(o, file, false);
  return { url: await links.downloadUrl(f.key, f.fileName, f.contentType), expiresInSeconds: LINK_SECONDS };
}

/** The objector's link: by their request's number and code (or the objection's own), for one of its objections. */
export async function objectorFileLink(ctx: Context, links: Links, input: { number: string; code: string; objection: string; file: string }) {
  const { objections } = await objectionsForTracking(ctx, input.number, input.code);
  const o = objections.find((x) => x.number === input.objection.trim().toUpperCase()) ?? notFound('objection_not_found', { objectionId: input.objection });
  const f = fileOf(o, input.file, true);
  return { url: await links.downloadUrl(f.key, f.fileName, f.contentType), expiresInSeconds: LINK_SECONDS };
}

/** The attachments uploaded with a public objection form, moved and checked before anything is written. */
export function attachmentsOf(check: (uploadId: string, path: string) => Promise<Omit<ObjectionAttachment, 'docId'>>, uploadIds: string[]) {
  return async (): Promise<ObjectionAttachment[]> =>
    Promise.all(uploadIds.map(async (id, i) => ({ docId: id, ...(await check(id, `body.attachmentUploadIds.${i}`)) })));
}
