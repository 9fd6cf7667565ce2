/**
 * Information requests: the use cases (see model.ts for the law and the steps).
 *
 * As in SOP 000 and SOP 002 the table is the truth: every decision is recorded here once, under a
 * version condition, and only then handed to the waiting execution (statemachines/request.asl.json),
 * whose tasks (workflow.ts) find their result already recorded when run again.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Principal } from '../access.ts';
import { ppidUtamaOf } from '../agencies.ts';
import { agencyDeadline } from '../agency-deadline.ts';
import { type AuditEvent, auditEvent, PUBLIC_ACTOR, type SYSTEM_ACTOR } from '../audit.ts';
import { endOfLocalDay, localDateOf } from '../calendar.ts';
import { conflict, DomainError, fail, forbidden, notFound } from '../errors.ts';
import { legalBasisText } from '../exclusion-model.ts';
import type { InboxEntry } from '../item-model.ts';
import { publicationRules, retryOnRace, usersWithRole } from '../items.ts';
import { dayInWords, staffLink, staffMail } from '../mail-text.ts';
import { message } from '../messages.ts';
import type { Agency } from '../model.ts';
import type { Context, DeadlineRule, Page, Write } from '../ports.ts';
import {
  type Deadline,
  type PartAnswer,
  type ReleasedFile,
  type Request,
  type RequestContent,
  type RequestDocument,
  type Requester,
  type RequestPart,
  type RequestPersonal,
  type Routing,
  requestIdFor,
  requestIdOf,
  requestNumber,
  type StaffRequestForm,
  type TimelineEvent,
} from './model.ts';

export const REQUEST_WORKFLOW = 'Request';

/** UU 14/2008 Pasal 22(7): the written notice within 10 working days after receipt. */
export const NOTICE_RULE: DeadlineRule = { unit: 'workingDays', amount: 10 };
/** Pasal 22(8): once, by at most 7 more working days. */
export const EXTENSION_RULE: DeadlineRule = { unit: 'workingDays', amount: 17 };

/** Request settings (part of the deadline rules in `settings/rules`). */
export interface RequestRules {
  /** Each SKPD's internal deadline for its part (default 5 working days). */
  requestPart: DeadlineRule;
  /** When the handlers are reminded of the statutory deadline (default at 7 working days). */
  requestReminder: DeadlineRule;
  /** Years after closure the requester's personal data is kept (default 5). */
  personalDataRetentionYears: number;
  /** The PPID official who signs the notices (a username; default the first PPID Utama user). */
  noticeSigner?: string;
  approvalReminder: DeadlineRule;
}

export const REQUEST_RULE_DEFAULTS = {
  requestPart: { unit: 'workingDays', amount: 5 } as DeadlineRule,
  requestReminder: { unit: 'workingDays', amount: 7 } as DeadlineRule,
  personalDataRetentionYears: 5,
};

export async function requestRules(ctx: Context): Promise<RequestRules> {
  const rules = await publicationRules(ctx);
  return { ...REQUEST_RULE_DEFAULTS, ...(rules as Partial<RequestRules>), approvalReminder: rules.approvalReminder };
}

/** Who sees every request and its personal data. */
const HANDLERS = ['admin', 'ppid_utama'] as const;
/** Who sees every request's non-personal record (the Atasan PPID decides objections about them). */
const BODY_READERS = ['admin', 'ppid_utama', 'atasan_ppid'] as const;

// ─── reading ─────────────────────────────────────────────────────────────────────────────────────

async function load(ctx: Context, requestId: string): Promise<Request> {
  return (await ctx.store.getRequest(requestId)) ?? notFound('request_not_found', { requestId });
}

const routedTo = (r: Request, agencyId: string) => r.parts.some((p) => p.agencyId === agencyId);

function mayView(actor: Principal, r: Request): boolean {
  return (BODY_READERS as readonly string[]).includes(actor.role) || routedTo(r, actor.agencyId) || r.registeredBy === actor.username;
}

/** The personal data: PPID Utama, the admin, and the SKPDs the request was routed to (UU 27/2022). */
export function mayReadPersonal(actor: Principal, r: Request): boolean {
  return (HANDLERS as readonly string[]).includes(actor.role) || routedTo(r, actor.agencyId);
}

export async function getRequest(ctx: Context, actor: Principal, requestId: string): Promise<Request> {
  const r = await load(ctx, requestId);
  if (!mayView(actor, r)) forbidden('forbidden_agency');
  return r;
}

/** Every read of the personal data is audited (who, when, which request), as the law asks of its processing. */
export async function getPersonal(ctx: Context, actor: Principal, requestId: string): Promise<RequestPersonal> {
  const r = await load(ctx, requestId);
  if (!mayReadPersonal(actor, r)) forbidden('request_personal_forbidden');
  const personal = (await ctx.store.getRequestPersonal(requestId)) ?? notFound('request_personal_erased', { number: r.number });
  await ctx.store.commit([], requestAudit(ctx, r, actor.agencyId, actor, 'request.personal_read', { after: { number: r.number } }));
  return personal;
}

/** Body-wide readers list every request; an SKPD lists those routed to it. */
export function listRequests(ctx: Context, actor: Principal, q: { agencyId?: string; year?: number; cursor?: string; limit: number }): Promise<Page<Request>> {
  const bodyWide = (BODY_READERS as readonly string[]).includes(actor.role);
  const agencyId = bodyWide ? q.agencyId : actor.agencyId;
  if (!bodyWide && q.agencyId && q.agencyId !== actor.agencyId) forbidden('forbidden_agency');
  return ctx.store.listRequests({ ...q, agencyId });
}

// ─── helpers ─────────────────────────────────────────────────────────────────────────────────────

/** SHA-256 of personal data for the audit trail: proves what was written without keeping it. */
export function personalHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** A tracking code: 12 characters from an alphabet without look-alikes, shown as XXXX-XXXX-XXXX. */
export function newTrackingCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}
export const normalCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
export const trackingHash = (requestId: string, code: string) =>
  createHash('sha256')
    .update(`${requestId}:${normalCode(code)}`)
    .digest('hex');

function requestAudit(
  ctx: Context,
  r: Pick<Request, 'requestId'>,
  agencyId: string,
  actor: Principal | typeof SYSTEM_ACTOR | typeof PUBLIC_ACTOR,
  action: string,
  detail: { before?: unknown; after?: unknown; reason?: string },
): AuditEvent {
  return auditEvent({ actor, action, entity: { type: 'request', id: r.requestId }, agencyId, ...detail, requestId: ctx.requestId, now: ctx.now });
}

export async function bodyAgency(ctx: Context): Promise<Agency> {
  return ppidUtamaOf(await ctx.store.listAgencies()) ?? fail('validation', 'ppid_utama_missing');
}

export function toDeadline(result: Awaited<ReturnType<typeof agencyDeadline>>): Deadline {
  return { at: result.deadline, local: result.localDeadline, explanation: result.explanation, rule: result.rule };
}

function inboxEntry(r: Request, box: InboxEntry['box'], agencyId: string, since: string, deadline?: Deadline): InboxEntry {
  return {
    box,
    entity: 'request',
    itemId: r.requestId,
    agencyId,
    number: r.number,
    title: r.content.information.slice(0, 140),
    versionNo: 1,
    since,
    ...(deadline ? { deadline } : {}),
  };
}
const dropInbox = (entries: InboxEntry[]): Write[] => entries.map((e) => ({ entity: 'inbox', delete: e }));
const putInbox = (entries: InboxEntry[]): Write[] => entries.map((e) => ({ entity: 'inbox', value: e }));

const event = (at: string, type: TimelineEvent['type'], extra: Omit<TimelineEvent, 'at' | 'type'> = {}): TimelineEvent => ({ at, type, ...extra });

function assertVersion(r: Request, version: number): void {
  if (r.version !== version) conflict('concurrent_change');
}

export function invalid(path: string, key: Parameters<typeof message>[0], vars: Record<string, string | number> = {}): never {
  throw new DomainError('validation', message('validation_failed'), [{ path, message: message(key, vars) }]);
}

/** The next state of a request after a change: saved with its inbox entries and audit in one transaction. */
async function save(ctx: Context, before: Request, after: Request, audit: AuditEvent | AuditEvent[], extra: Write[] = []): Promise<Request> {
  const next = { ...after, updatedAt: ctx.now.toISOString(), version: before.version + 1 };
  await ctx.store.commit(
    [{ entity: 'request', value: next, expectedVersion: before.version }, ...inboxWrites(before.inbox, after.inbox), ...routeIndex(next), ...extra],
    audit,
  );
  return next;
}

const sameEntry = (a: InboxEntry, b: InboxEntry) =>
  a.box.kind === b.box.kind && ('agencyId' in a.box ? a.box.agencyId : '') === ('agencyId' in b.box ? b.box.agencyId : '') && a.since === b.since;

/** The inbox writes that take a record's entries from `before` to `after` (requests and objections). */
export function inboxWrites(before: InboxEntry[], after: InboxEntry[]): Write[] {
  return [...dropInbox(before.filter((e) => !after.some((n) => sameEntry(n, e)))), ...putInbox(after)];
}

/** One index row per SKPD the request was routed to, so each SKPD lists its requests with a Query. */
const routeIndex = (r: Request): Write[] =>
  r.parts.map((p) => ({ entity: 'requestRoute', value: { requestId: r.requestId, agencyId: p.agencyId, year: r.year, sequence: r.sequence } }));

/** Wakes every wait of the request's execution so it reads the request again (routing, each part). */
export async function wake(ctx: Context, r: Request): Promise<void> {
  const tokens = [r.routingWait?.taskToken, ...r.parts.map((p) => p.taskToken)].filter((t): t is string => !!t);
  await Promise.all(tokens.map((t) => ctx.workflows?.complete(t, { outcome: 'changed' })));
}

// ─── filing ──────────────────────────────────────────────────────────────────────────────────────

export interface NewRequest {
  requester: Requester;
  content: RequestContent;
  channel: Request['channel'];
  /** The local date of receipt; today for the register's form. */
  receivedOn?: string;
  submissionId: string;
  /** Moves and checks the uploaded power of attorney (power-of-attorney.ts); run once, before the write. */
  powerOfAttorney?: () => Promise<NonNullable<RequestPersonal['powerOfAttorney']>>;
  note?: string;
}

export interface Filed {
  request: Request;
  /** Shown once; only its hash is kept. Repeated for the same submission (a double click). */
  trackingCode: string;
}

/** How long a submission id remembers its result (a resent form gets the same answer). */
const SUBMISSION_SECONDS = 24 * 3600;

/** A member of the public files on the register's form. */
export function fileRequest(ctx: Context, input: Omit<NewRequest, 'channel' | 'receivedOn'>): Promise<Filed> {
  return createRequest(ctx, PUBLIC_ACTOR, { ...input, channel: 'online' });
}

/** Petugas (or PPID Utama) registers a request received in person, by phone, by letter or by email. */
export function registerRequest(ctx: Context, actor: Principal, input: StaffRequestForm): Promise<Filed> {
  if (!['petugas', 'ppid_utama', 'ppid_pelaksana', 'admin'].includes(actor.role)) forbidden('forbidden_role', { role: actor.role });
  return createRequest(ctx, actor, input);
}

async function createRequest(ctx: Context, actor: Principal | typeof PUBLIC_ACTOR, input: NewRequest): Promise<Filed> {
  const earlier = await ctx.store.getSubmission(input.submissionId);
  if (earlier) return replay(ctx, earlier);
  let prepared: Awaited<ReturnType<typeof prepareFiling>>;
  try {
    prepared = await prepareFiling(ctx, actor, input);
  } catch (e) {
    // A double click: the other copy took the upload first and filed; answer as it did.
    const won = await ctx.store.getSubmission(input.submissionId);
    if (won) return replay(ctx, won);
    throw e;
  }
  // Each attempt first looks for the submission: two copies of one form (a double click) race, and
  // the loser, trying again, answers as the winner did. Only the number is read again on a race.
  return retryOnRace(async () => {
    const earlier = await ctx.store.getSubmission(input.submissionId);
    return earlier ? replay(ctx, earlier) : createOnce(ctx, actor, input, prepared);
  }, 100);
}

/** What a filing needs besides its number: checked and computed once, however often the number races. */
async function prepareFiling(ctx: Context, actor: Principal | typeof PUBLIC_ACTOR, input: NewRequest) {
  const body = await bodyAgency(ctx);
  const { today, receivedOn, start } = receivedWhen(ctx.now, body.timezone, input.receivedOn);
  if (input.requester.onBehalfOf && !input.powerOfAttorney && actor === PUBLIC_ACTOR)
    invalid('body.powerOfAttorneyUploadId', 'request_power_of_attorney_missing');
  const rules = await requestRules(ctx);
  const deadline = toDeadline(await agencyDeadline(ctx, body.id, start, NOTICE_RULE));
  const reminder = await agencyDeadline(ctx, body.id, start, rules.requestReminder);
  const powerOfAttorney = input.powerOfAttorney ? await input.powerOfAttorney() : undefined;
  return { body, today, receivedOn, receivedAt: start === ctx.now ? ctx.now.toISOString() : start.toISOString(), deadline, reminder, powerOfAttorney };
}

async function replay(ctx: Context, s: { requestId: string; trackingCode: string }): Promise<Filed> {
  return { request: await load(ctx, s.requestId), trackingCode: s.trackingCode };
}

async function createOnce(
  ctx: Context,
  actor: Principal | typeof PUBLIC_ACTOR,
  input: NewRequest,
  { body, today, receivedOn, receivedAt, deadline, reminder, powerOfAttorney }: Awaited<ReturnType<typeof prepareFiling>>,
): Promise<Filed> {
  const at = ctx.now.toISOString();
  const year = Number(today.slice(0, 4));
  const counter = `requests#${year}`;
  const previous = await ctx.store.getCounter(counter);
  const sequence = previous + 1;
  const requestId = requestIdFor(year, sequence);
  const code = newTrackingCode();
  const request: Request = {
    requestId,
    number: requestNumber(year, sequence),
    year,
    sequence,
    state: 'registered',
    channel: input.channel,
    requesterKind: input.requester.kind,
    onBehalf: !!input.requester.onBehalfOf,
    content: input.content,
    receivedAt,
    receivedOn,
    registeredAt: at,
    registeredBy: actor.username,
    trackingHash: trackingHash(requestId, code),
    deadline,
    ...(reminder.deadline < deadline.at ? { reminderAt: reminder.deadline } : {}),
    escalations: 0,
    parts: [],
    clarifications: [],
    inbox: [],
    documents: [],
    timeline: [
      event(receivedAt, 'received', { note: input.channel }),
      event(at, 'registered', { by: actor.username, ...(input.note ? { note: input.note } : {}) }),
    ],
    executionName: `request-${requestId}`,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  request.inbox = [inboxEntry(request, { kind: 'request_new' }, body.id, at, deadline)];
  const personal: RequestPersonal = {
    requestId,
    requester: input.requester,
    trackingCode: code,
    ...(powerOfAttorney ? { powerOfAttorney } : {}),
    version: 1,
  };
  const audits = [
    requestAudit(ctx, request, body.id, actor, 'request.register', {
      after: { number: request.number, channel: request.channel, receivedOn, content: input.content, requester: personalHash(input.requester) },
    }),
  ];
  if (receivedOn !== today)
    audits.push(requestAudit(ctx, request, body.id, actor, 'request.backdated', { after: { receivedOn, registeredOn: today }, reason: input.note }));
  await ctx.store.commit(
    [
      { entity: 'counter', name: counter, from: previous, to: sequence },
      { entity: 'request', value: request, expectedVersion: null },
      { entity: 'requestPersonal', value: personal },
      {
        entity: 'submission',
        value: { submissionId: input.submissionId, requestId, trackingCode: code, expiresAt: Math.floor(ctx.now.getTime() / 1000) + SUBMISSION_SECONDS },
      },
      ...putInbox(request.inbox),
    ],
    audits,
  );
  await ctx.workflows?.start(REQUEST_WORKFLOW, request.executionName!, { requestId });
  await notifyFiled(ctx, request, input.requester, code);
  return { request, trackingCode: code };
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * When a filing (a request's, an objection's) was received: today, or the date a paper one arrived,
 * neither in the future nor more than 60 days back. `start` is the instant its deadlines count from:
 * now if it is today, else the end of that day.
 */
export function receivedWhen(now: Date, timeZone: string, received?: string): { today: string; receivedOn: string; start: Date } {
  const today = localDateOf(now, timeZone);
  const receivedOn = received ?? today;
  if (receivedOn > today) invalid('body.receivedOn', 'request_received_future', { today });
  if (receivedOn < addDays(today, -60)) invalid('body.receivedOn', 'request_received_too_old');
  return { today, receivedOn, start: receivedOn === today ? now : endOfLocalDay(receivedOn, timeZone) };
}

/**
 * A document of the request given with an answer (`docs[i]` of the body): one the actor may give
 * (`mayGive`), checked by the server; as released, public or not, with what was blacked out.
 */
export function releasedFile(
  r: Pick<Request, 'documents'>,
  d: { docId: string; redaction?: ReleasedFile['redaction'] },
  i: number,
  mayGive: (doc: RequestDocument) => boolean,
  isPublic: boolean,
): ReleasedFile {
  const doc = r.documents.find((x) => x.docId === d.docId && mayGive(x));
  if (!doc) invalid(`body.documents.${i}.docId`, 'document_not_found', { docId: d.docId });
  if (doc.status !== 'verified') invalid(`body.documents.${i}.docId`, 'document_not_verified', { fileName: doc.fileName });
  return {
    docId: doc.docId,
    key: doc.key,
    fileName: doc.fileName,
    contentType: doc.contentType,
    size: doc.size,
    sha256: doc.sha256,
    public: isPublic,
    ...(d.redaction ? { redaction: d.redaction } : {}),
  };
}

// ─── PPID Utama routes ───────────────────────────────────────────────────────────────────────────

export function route(ctx: Context, actor: Principal, requestId: string, input: Routing): Promise<Request> {
  return retryOnRace(async () => {
    if (!['ppid_utama', 'admin'].includes(actor.role)) forbidden('forbidden_role', { role: actor.role });
    const r = await load(ctx, requestId);
    assertVersion(r, input.version);
    if (r.routing) conflict('request_already_routed', { number: r.number });
    const at = ctx.now.toISOString();
    const after: Request = structuredClone(r);
    if (input.held) {
      const agencies = [...new Set(input.agencies)];
      const known = await Promise.all(agencies.map((id) => ctx.store.getAgency(id)));
      const missing = agencies.filter((_, i) => !known[i]);
      if (missing.length) invalid('body.agencies', 'agency_not_found', { agencyId: missing.join(', ') });
      const rules = await requestRules(ctx);
      after.parts = await Promise.all(
        agencies.map(async (agencyId): Promise<RequestPart> => {
          const internal = toDeadline(await agencyDeadline(ctx, agencyId, ctx.now, rules.requestPart));
          // An internal deadline never runs past the statutory one.
          const deadline = internal.at > r.deadline.at ? r.deadline : internal;
          return { agencyId, routedAt: at, deadline, reminders: 0 };
        }),
      );
      after.state = 'routed';
      after.routing = { at, by: actor.username, held: true, agencies, ...(input.note ? { note: input.note } : {}) };
      after.inbox = after.parts.map((p) => inboxEntry(after, { kind: 'request_part', agencyId: p.agencyId }, p.agencyId, at, p.deadline));
      after.timeline.push(...agencies.map((agencyId) => event(at, 'routed', { agencyId, by: actor.username })));
    } else {
      after.routing = { at, by: actor.username, held: false, agencies: [], otherBody: input.otherBody, ...(input.note ? { note: input.note } : {}) };
      after.inbox = [];
      after.timeline.push(event(at, 'not_held', { by: actor.username, note: input.otherBody }));
    }
    delete after.routingWait;
    const saved = await save(ctx, r, after, requestAudit(ctx, r, actor.agencyId, actor, 'request.route', { after: after.routing }));
    if (r.routingWait?.taskToken) await ctx.workflows?.complete(r.routingWait.taskToken, { outcome: 'changed' });
    if (input.held) await notifyRouted(ctx, saved);
    return saved;
  });
}

// ─── an SKPD answers its part ────────────────────────────────────────────────────────────────────

/** The exclusions a refusal may rest on: in the DIK now, or decided Ya through SOP 002 for this request. */
export async function refusalGrounds(ctx: Context, r: Request, exclusionIds: string[]): Promise<NonNullable<RequestPart['answer']>['grounds']> {
  const grounds: NonNullable<RequestPart['answer']>['grounds'] = [];
  for (const [i, exclusionId] of exclusionIds.entries()) {
    const ex = await ctx.store.getExclusion(exclusionId);
    const inForce = ex?.state === 'in_force';
    const decidedForThis = ex?.requestId === r.requestId && ex.decision?.decision === 'ya' && ex.state !== 'revoked' && ex.state !== 'expired';
    if (!ex || !(inForce || decidedForThis)) invalid(`body.exclusionIds.${i}`, 'request_refusal_ground_invalid', { exclusionId });
    grounds.push({
      exclusionId,
      ...(ex.dik ? { dikNumber: ex.dik.number } : {}),
      legalBasis: legalBasisText(ex.test.legalBasis),
      consequence: { ifOpened: ex.test.consequence.ifOpened, publicInterest: ex.test.consequence.publicInterest },
    });
  }
  return grounds;
}

export function answerPart(ctx: Context, actor: Principal, requestId: string, agencyId: string, input: PartAnswer): Promise<Request> {
  return retryOnRace(async () => {
    if (!['ppid_pelaksana', 'ppid_utama'].includes(actor.role)) forbidden('forbidden_role', { role: actor.role });
    if (actor.role !== 'ppid_utama' && actor.agencyId !== agencyId) forbidden('forbidden_agency');
    const r = await load(ctx, requestId);
    assertVersion(r, input.version);
    const index = r.parts.findIndex((p) => p.agencyId === agencyId);
    if (index < 0) notFound('request_part_not_found', { number: r.number, agencyId });
    if (r.parts[index].answer) conflict('request_part_answered', { number: r.number });
    if (r.notice) conflict('request_notice_issued', { number: r.number });
    const grounds = input.decision === 'granted' ? [] : await refusalGrounds(ctx, r, input.exclusionIds);
    const documents = input.documents.map((d, i) => releasedFile(r, d, i, (x) => x.agencyId === agencyId, d.public));
    // Part granted: the released copy is the blacked-out one, with what was blacked out and why.
    if (input.decision === 'partial' && documents.length > 0 && !documents.some((d) => d.redaction))
      invalid('body.documents.0.redaction', 'request_redaction_missing');
    const at = ctx.now.toISOString();
    const after: Request = structuredClone(r);
    after.parts[index] = {
      ...after.parts[index],
      answer: {
        decision: input.decision,
        grounds,
        form: input.form,
        cost: input.cost,
        ...(input.howToPay ? { howToPay: input.howToPay } : {}),
        deliveryTime: input.deliveryTime,
        documents,
        ...(input.note ? { note: input.note } : {}),
        answeredAt: at,
        answeredBy: actor.username,
      },
    };
    delete after.parts[index].taskToken;
    after.inbox = after.inbox.filter((e) => !(e.box.kind === 'request_part' && e.box.agencyId === agencyId));
    after.timeline.push(event(at, 'part_answered', { agencyId, by: actor.username, note: input.decision }));
    const saved = await save(
      ctx,
      r,
      after,
      requestAudit(ctx, r, agencyId, actor, 'request.answer', {
        after: { agencyId, decision: input.decision, grounds, cost: input.cost, documents: documents.length },
      }),
    );
    const token = r.parts[index].taskToken;
    if (token) await ctx.workflows?.complete(token, { outcome: 'changed' });
    return saved;
  });
}

// ─── extension, clarification, delivery ─────────────────────────────────────────────────────────

export function extend(ctx: Context, actor: Principal, requestId: string, input: { reasons: string; version: number }): Promise<Request> {
  return retryOnRace(async () => {
    if (!['ppid_utama', 'ppid_pelaksana'].includes(actor.role)) forbidden('forbidden_role', { role: actor.role });
    const r = await load(ctx, requestId);
    if (!mayView(actor, r)) forbidden('forbidden_agency');
    assertVersion(r, input.version);
    if (r.extension) conflict('request_already_extended', { number: r.number });
    if (r.notice) conflict('request_notice_issued', { number: r.number });
    if (ctx.now.toISOString() > r.deadline.at) conflict('request_extension_late', { deadline: r.deadline.local });
    const body = await bodyAgency(ctx);
    const start = r.receivedOn === localDateOf(new Date(r.receivedAt), body.timezone) ? new Date(r.receivedAt) : endOfLocalDay(r.receivedOn, body.timezone);
    const deadline = toDeadline(await agencyDeadline(ctx, body.id, start, EXTENSION_RULE));
    const at = ctx.now.toISOString();
    const after: Request = structuredClone(r);
    after.extension = { at, by: actor.username, reasons: input.reasons, previousDeadline: r.deadline.at };
    after.deadline = deadline;
    delete after.escalatedAt;
    delete after.nextEscalationAt;
    after.inbox = after.inbox.map((e) => (e.box.kind === 'request_new' ? { ...e, deadline } : e));
    after.timeline.push(event(at, 'extended', { by: actor.username, note: input.reasons }));
    const saved = await save(
      ctx,
      r,
      after,
      requestAudit(ctx, r, actor.agencyId, actor, 'request.extend', {
        before: { deadline: r.deadline.at },
        after: { deadline: deadline.at },
        reason: input.reasons,
      }),
    );
    await wake(ctx, r);
    return saved;
  });
}

export function askClarification(ctx: Context, actor: Principal, requestId: string, input: { question: string; version: number }): Promise<Request> {
  return retryOnRace(async () => {
    if (!['ppid_utama', 'ppid_pelaksana', 'petugas'].includes(actor.role)) forbidden('forbidden_role', { role: actor.role });
    const r = await load(ctx, requestId);
    if (!mayView(actor, r)) forbidden('forbidden_agency');
    assertVersion(r, input.version);
    if (r.closed) conflict('request_closed', { number: r.number });
    if (r.clarifications.some((c) => !c.answeredAt)) conflict('request_clarification_open', { number: r.number });
    const at = ctx.now.toISOString();
    const after: Request = structuredClone(r);
    after.clarifications.push({ askedAt: at, askedBy: actor.username, question: input.question });
    after.timeline.push(event(at, 'clarification_asked', { by: actor.username }));
    const saved = await save(
      ctx,
      r,
      after,
      requestAudit(ctx, r, actor.agencyId, actor, 'request.clarification_asked', { after: { question: input.question } }),
    );
    await notifyClarification(ctx, saved, input.question);
    return saved;
  });
}

/** The requester answers on the status page (number and tracking code). */
export function answerClarification(ctx: Context, input: { number: string; code: string; answer: string }): Promise<Request> {
  return retryOnRace(async () => {
    const r = await byTracking(ctx, input.number, input.code);
    const open = r.clarifications.findIndex((c) => !c.answeredAt);
    if (open < 0) conflict('request_no_clarification', { number: r.number });
    const at = ctx.now.toISOString();
    const after: Request = structuredClone(r);
    after.clarifications[open] = { ...after.clarifications[open], answeredAt: at, answer: input.answer };
    after.timeline.push(event(at, 'clarification_answered'));
    const body = await bodyAgency(ctx);
    return save(ctx, r, after, requestAudit(ctx, r, body.id, PUBLIC_ACTOR, 'request.clarification_answered', { after: { answer: input.answer } }));
  });
}

/** Hardcopy or in-person delivery is recorded with its date; the request closes. */
export function recordDelivery(
  ctx: Context,
  actor: Principal,
  requestId: string,
  input: { deliveredOn: string; how: string; version: number },
): Promise<Request> {
  return retryOnRace(async () => {
    if (!['ppid_utama', 'ppid_pelaksana', 'petugas'].includes(actor.role)) forbidden('forbidden_role', { role: actor.role });
    const r = await load(ctx, requestId);
    if (!mayView(actor, r)) forbidden('forbidden_agency');
    assertVersion(r, input.version);
    if (!r.notice || r.state !== 'answered') conflict('request_not_answered', { number: r.number });
    const body = await bodyAgency(ctx);
    const today = localDateOf(ctx.now, body.timezone);
    if (input.deliveredOn > today) invalid('body.deliveredOn', 'request_received_future', { today });
    if (input.deliveredOn < r.receivedOn) invalid('body.deliveredOn', 'request_delivered_before_receipt', { date: r.receivedOn });
    const at = ctx.now.toISOString();
    const after: Request = structuredClone(r);
    after.delivery = { deliveredOn: input.deliveredOn, how: input.how, by: actor.username, at };
    const rules = await requestRules(ctx);
    const closed = closeWrites(after, 'delivered', actor.username, at, rules);
    after.inbox = [];
    after.timeline.push(event(at, 'delivered', { by: actor.username, note: input.how }), event(at, 'closed', { by: actor.username }));
    return save(ctx, r, after, requestAudit(ctx, r, body.id, actor, 'request.delivered', { after: after.delivery }), closed);
  });
}

/** Closes the request and starts its personal data's retention period. */
export function closeWrites(
  after: Request,
  reason: NonNullable<Request['closed']>['reason'],
  by: string,
  at: string,
  rules: Pick<RequestRules, 'personalDataRetentionYears'>,
): Write[] {
  after.state = 'closed';
  after.closed = { at, by, reason };
  const eraseAfter = new Date(at);
  eraseAfter.setUTCFullYear(eraseAfter.getUTCFullYear() + rules.personalDataRetentionYears);
  return [{ entity: 'requestPersonalRetention', requestId: after.requestId, eraseAfter: eraseAfter.toISOString() }];
}

// ─── the public side: status by number and tracking code ─────────────────────────────────────────

export async function byTracking(ctx: Context, number: string, code: string): Promise<Request> {
  const id = requestIdOf(number);
  const r = id ? await ctx.store.getRequest(id) : undefined;
  // The same answer for an unknown number and a wrong code: the pair is the key.
  const expected = Buffer.from(r?.trackingHash ?? '0'.repeat(64), 'hex');
  const given = Buffer.from(trackingHash(id ?? '-', code), 'hex');
  if (!r || !timingSafeEqual(expected, given)) return notFound('request_tracking_not_found');
  return r;
}

// ─── mail to the requester and the handlers ──────────────────────────────────────────────────────

/** Stands in a requester's mail for their own status link (with the tracking code, from their personal record). */
export const STATUS_LINK = '\u0000status-link\u0000';

export function statusLink(ctx: Context, r: Pick<Request, 'number'>, code?: string): string {
  const base = (ctx.registerUrl ?? '').replace(/\/+$/, '');
  return `${base}/permohonan/status/?nomor=${encodeURIComponent(r.number)}${code ? `&kode=${encodeURIComponent(code)}` : ''}`;
}

async function notifyFiled(ctx: Context, r: Request, requester: Requester, code: string): Promise<void> {
  if (!ctx.mailer || !requester.email) return;
  await ctx.mailer.send({
    to: [requester.email],
    subject: `[PPID] Permohonan informasi ${r.number} diterima / Information request ${r.number} received`,
    text: [
      `Yth. ${requester.fullName},`,
      '',
      `Permohonan informasi Anda telah terdaftar dengan nomor ${r.number}.`,
      `Tanggal diterima: ${dayInWords(r.receivedOn).id}.`,
      `Batas waktu pemberitahuan tertulis: ${r.deadline.explanation.id}`,
      `Kode pelacakan: ${code} (simpan kode ini; kode tidak dapat ditampilkan lagi).`,
      `Pantau status permohonan: ${statusLink(ctx, r, code)}`,
      '',
      `Your information request is registered as ${r.number}, received ${dayInWords(r.receivedOn).en}.`,
      `Deadline for the written notice: ${r.deadline.explanation.en}`,
      `Tracking code: ${code} (keep it; it cannot be shown again). Status: ${statusLink(ctx, r, code)}`,
    ].join('\n'),
    idempotencyKey: `request-filed-${r.requestId}`,
  });
}

async function handlerEmails(ctx: Context, agencyIds: string[], roles: string[]): Promise<string[]> {
  const lists = await Promise.all([
    ...roles.map((role) => usersWithRole(ctx, undefined, role)),
    ...agencyIds.map((a) => usersWithRole(ctx, a, 'ppid_pelaksana')),
  ]);
  return [...new Set(lists.flat().map((u) => u.email))];
}

async function notifyRouted(ctx: Context, r: Request): Promise<void> {
  if (!ctx.mailer) return;
  const to = await handlerEmails(
    ctx,
    r.parts.map((p) => p.agencyId),
    [],
  );
  if (!to.length) return;
  await ctx.mailer.send({
    to,
    ...staffMail({
      subject: { id: `Permohonan ${r.number} diteruskan ke unit Anda`, en: `Request ${r.number} routed to your unit` },
      id: [
        `Permohonan informasi ${r.number} diteruskan kepada unit Anda. Batas waktu internal: ${r.parts[0]?.deadline.explanation.id ?? ''}`,
        `Informasi yang diminta: ${r.content.information}`,
      ],
      en: [
        `Request ${r.number} was routed to your unit. Internal deadline: ${r.parts[0]?.deadline.explanation.en ?? ''}`,
        `Information requested: ${r.content.information}`,
      ],
      link: staffLink(`requests/${r.requestId}`),
    }),
    idempotencyKey: `request-routed-${r.requestId}`,
  });
}

async function notifyClarification(ctx: Context, r: Request, question: string): Promise<void> {
  const personal = await ctx.store.getRequestPersonal(r.requestId);
  const email = personal?.requester.email;
  if (!ctx.mailer || !email) return;
  await ctx.mailer.send({
    to: [email],
    subject: `[PPID] Permintaan klarifikasi atas permohonan ${r.number} / Clarification asked on request ${r.number}`,
    text: [
      `PPID meminta klarifikasi atas permohonan ${r.number}:`,
      '',
      question,
      '',
      `Jawab di halaman status: ${statusLink(ctx, r, personal.trackingCode)}`,
      '',
      `The PPID asks for a clarification on request ${r.number} (above). Answer on the status page: ${statusLink(ctx, r, personal.trackingCode)}`,
    ].join('\n'),
    idempotencyKey: `request-clarification-${r.requestId}-${r.clarifications.length}`,
  });
}
