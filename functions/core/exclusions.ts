/**
 * SOP 002: excluded information (see exclusion-model.ts for the law and the steps).
 *
 *   PPID Pelaksana / PPID Utama proposes, with the consequence test (step 1)
 *     ─▶ the Atasan PPID decides Ya / Tidak with a note (step 2; deadline, reminders, escalation)
 *          Tidak ─▶ returned to the proposer with the note; the information stays as it was
 *          Ya    ─▶ PPID Utama records the decree (step 3, 1 week; deadline, reminders, escalation)
 *                ─▶ SetDik: the DIK number, the consequence-test sheet and the decree as PDFs, the
 *                   item (if any) withdrawn from the DIP with its files, the DIK row (step 4)
 *                ─▶ the register shows the DIK ─▶ a Wait until the end date ─▶ Expire
 *   A revocation ends it at once, like an expiry. Either way PPID Utama is told to republish the
 *   information as open or to start a new consequence test.
 *
 * The waiting is a Step Functions execution (statemachines/exclusion.asl.json). As in SOP 000, the
 * table is the truth: a decision is recorded here once, under a version condition, and only then
 * handed to the waiting execution; every task finds its result already recorded when run again.
 */
import { assertRole, listScopeFor, type Principal } from './access.ts';
import { getAgency } from './agencies.ts';
import { agencyDeadline } from './agency-deadline.ts';
import { type AuditEvent, auditEvent, SYSTEM_ACTOR } from './audit.ts';
import { localDateOf } from './calendar.ts';
import { conflict, DomainError, forbidden, notFound } from './errors.ts';
import { currentEnd, exclusionEndsAt } from './exclusion-end.ts';
import {
  type ConsequenceTest,
  type Decree,
  dikEntry,
  type Exclusion,
  type ExclusionState,
  type ExclusionWait,
  type GeneratedFile,
  legalBasisText,
} from './exclusion-model.ts';
import { consequenceTestSheetSpec, decreeSpec, type ExclusionDocument, exclusionDocumentCode, type PdfContext, unitLetterhead } from './exclusion-pdf.ts';
import type { InboxEntry, Item, StepRecord, StepTiming } from './item-model.ts';
import { publicationRules, publishedVersionOf, REGISTER_WORKFLOW, retryOnRace, secondsUntil, usersWithRole } from './items.ts';
import { instantInWords, ruleInWords, staffLink, staffMail } from './mail-text.ts';
import { message } from './messages.ts';
import {
  type DocumentSpec,
  type IssuedDocument,
  issueDocument,
  type Official,
  officialOf,
  SigningError,
  type VerificationRecord,
} from './official-documents/index.ts';
import type { Context, Page, Write } from './ports.ts';
import type { PublicBody } from './public-body.ts';
import { endRunningStep, SOP_002, type Sop002Step, type SopStep } from './sop.ts';

export const EXCLUSION_WORKFLOW = 'Exclusion';

/** Who proposes (SOP 002 step 1): the SKPD's PPID Pelaksana for its agency, PPID Utama for any. */
const PROPOSERS = ['ppid_pelaksana', 'ppid_utama'] as const;
/** Exclusions concern the whole body: the Atasan PPID and PPID Utama see every agency's. */
const BODY_WIDE = ['admin', 'ppid_utama', 'atasan_ppid'] as const;

/** An expiry wait longer than this continues in a new execution (Standard workflows last ≤ 1 year). */
export const EXPIRY_ROUND_SECONDS = 20 * 86_400;

// ─── reading ─────────────────────────────────────────────────────────────────────────────────────

async function load(ctx: Context, exclusionId: string): Promise<Exclusion> {
  return (await ctx.store.getExclusion(exclusionId)) ?? notFound('exclusion_not_found', { exclusionId });
}

function assertMayView(actor: Principal, agencyId: string): void {
  if (!(BODY_WIDE as readonly string[]).includes(actor.role) && actor.agencyId !== agencyId) forbidden('forbidden_agency');
}

export async function getExclusion(ctx: Context, actor: Principal, exclusionId: string): Promise<Exclusion> {
  const ex = await load(ctx, exclusionId);
  assertMayView(actor, ex.agencyId);
  return ex.dik?.until ? { ...ex, dik: currentEnd(ex.dik, (await getAgency(ctx, ex.agencyId)).timezone) } : ex;
}

export async function listExclusions(
  ctx: Context,
  actor: Principal,
  q: { agencyId?: string; state?: ExclusionState; cursor?: string; limit: number },
): Promise<Page<Exclusion>> {
  const page = await ctx.store.listExclusions({ ...q, agencyId: listScopeFor(actor, q.agencyId, BODY_WIDE) });
  if (!page.items.some((ex) => ex.dik?.until)) return page;
  // The end as the inclusive rule computes it, also for records that stored it the old way.
  const zones = new Map((await ctx.store.listAgencies()).map((a) => [a.id, a.timezone]));
  return { ...page, items: page.items.map((ex) => (ex.dik?.until ? { ...ex, dik: currentEnd(ex.dik, zones.get(ex.agencyId) ?? 'Asia/Jakarta') } : ex)) };
}

// ─── timing against the Mutu Baku ────────────────────────────────────────────────────────────────

function startStep(step: Sop002Step, at: string): StepTiming {
  return { step, sopStep: SOP_002[step].step, startedAt: at, standardText: SOP_002[step].standardText };
}

function endStep(ex: Exclusion, steps: StepTiming[], step: Sop002Step, at: string, by: string): Write[] {
  const ended = endRunningStep(steps, step, at, by, (SOP_002[step] as SopStep).standard);
  const record: StepRecord | undefined = ended && { ...ended, sop: '002', itemId: ex.exclusionId, agencyId: ex.agencyId, versionNo: ex.round };
  return record ? [{ entity: 'stepRecord', value: record }] : [];
}

// ─── inbox entries ───────────────────────────────────────────────────────────────────────────────

function entry(ex: Exclusion, box: InboxEntry['box'], since: string, extra: Partial<InboxEntry> = {}): InboxEntry {
  return {
    box,
    entity: 'exclusion',
    itemId: ex.exclusionId,
    agencyId: ex.agencyId,
    number: ex.dik?.number ?? ex.itemNumber ?? '—',
    title: ex.test.title,
    versionNo: ex.round,
    since,
    ...extra,
  };
}

const dropInbox = (ex: Exclusion): Write[] => ex.inbox.map((e) => ({ entity: 'inbox', delete: e }));
const putInbox = (entries: InboxEntry[]): Write[] => entries.map((e) => ({ entity: 'inbox', value: e }));

function exclusionAudit(
  ctx: Context,
  ex: Pick<Exclusion, 'exclusionId' | 'agencyId'>,
  actor: Principal | typeof SYSTEM_ACTOR,
  action: string,
  detail: { before?: unknown; after?: unknown; reason?: string },
): AuditEvent {
  return auditEvent({
    actor,
    action,
    entity: { type: 'exclusion', id: ex.exclusionId },
    agencyId: ex.agencyId,
    ...detail,
    requestId: ctx.requestId,
    now: ctx.now,
  });
}

// ─── checks that need the clock or other records ─────────────────────────────────────────────────

function invalid(path: string, key: Parameters<typeof message>[0], vars: Record<string, string | number> = {}): never {
  throw new DomainError('validation', message('validation_failed'), [{ path, message: message(key, vars) }]);
}

/** The dates of a test against today in the agency's time zone. */
function checkTestDates(test: ConsequenceTest, today: string): void {
  // The end date is inclusive (exclusion-end.ts), so today itself is still a valid last day.
  if (test.period.until !== undefined && test.period.until < today) invalid('test.period.until', 'exclusion_until_past', { until: test.period.until, today });
  if (test.testedOn && test.testedOn > today) invalid('test.testedOn', 'exclusion_tested_future', { date: test.testedOn, today });
}

// ─── step 1: propose ─────────────────────────────────────────────────────────────────────────────

export interface ProposalInput {
  agencyId?: string;
  itemId?: string;
  /** An ended exclusion this proposal tests anew (its "ended" inbox entry is cleared). */
  renews?: string;
  /** The information request this consequence test was started from (a refusal may then cite it once decided Ya). */
  requestId?: string;
  test: ConsequenceTest;
}

export const executionName = (ex: Pick<Exclusion, 'exclusionId' | 'round'>, at: string) => `exclusion-${ex.exclusionId}-r${ex.round}-${Date.parse(at)}`;

/** The item a proposal concerns: same agency, not being published now, no other exclusion open. */
async function itemForProposal(ctx: Context, agencyId: string, itemId: string, exclusionId: string): Promise<Item> {
  const item = (await ctx.store.getItem(itemId)) ?? invalid('itemId', 'item_not_found', { itemId });
  if (item.agencyId !== agencyId) invalid('itemId', 'exclusion_item_other_agency', { number: item.number, agencyId });
  if (item.exclusion && item.exclusion.exclusionId !== exclusionId) conflict('exclusion_item_open', { number: item.number });
  if (item.current.state === 'submitted' || item.current.state === 'approved') conflict('exclusion_item_in_publication', { number: item.number });
  return item;
}

/** Proposes an exclusion; `opts.exclusionId` (never from a client) as in `createItem`. */
export async function propose(ctx: Context, actor: Principal, input: ProposalInput, opts: { exclusionId?: string } = {}): Promise<Exclusion> {
  assertRole(actor, PROPOSERS);
  const agencyId = input.agencyId ?? actor.agencyId;
  listScopeFor(actor, agencyId, ['admin', 'ppid_utama']);
  const agency = await getAgency(ctx, agencyId);
  checkTestDates(input.test, localDateOf(ctx.now, agency.timezone));
  const exclusionId = opts.exclusionId ?? crypto.randomUUID();
  const item = input.itemId ? await itemForProposal(ctx, agencyId, input.itemId, exclusionId) : undefined;
  const renewed = input.renews ? await load(ctx, input.renews) : undefined;
  if (input.requestId && !(await ctx.store.getRequest(input.requestId))) invalid('requestId', 'request_not_found', { requestId: input.requestId });
  if (renewed && renewed.state !== 'expired' && renewed.state !== 'revoked') conflict('exclusion_not_ended', { state: renewed.state });
  const at = ctx.now.toISOString();
  const proposal = startStep('proposal', at);
  const ex: Exclusion = {
    exclusionId,
    agencyId,
    ...(item ? { itemId: item.itemId, itemNumber: item.number } : {}),
    state: 'proposed',
    round: 1,
    test: input.test,
    ...(renewed ? { renews: renewed.exclusionId } : {}),
    ...(input.requestId ? { requestId: input.requestId } : {}),
    proposedAt: at,
    proposedBy: actor.username,
    proposedRole: actor.role,
    wait: { phase: 'decision', since: at, reminders: 0 },
    steps: [proposal, startStep('decision', at)],
    inbox: [],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  ex.executionName = executionName(ex, at);
  const stepWrites = endStep(ex, ex.steps, 'proposal', at, actor.username);
  ex.inbox = [entry(ex, { kind: 'exclusion_decision' }, at)];
  const writes: Write[] = [{ entity: 'exclusion', value: ex, expectedVersion: null }, ...putInbox(ex.inbox), ...stepWrites];
  const audits = [exclusionAudit(ctx, ex, actor, 'exclusion.propose', { after: { ...input.test, itemId: ex.itemId } })];
  if (item) writes.push(itemMarker(item, { exclusionId, state: 'proposed' }, at));
  if (renewed) {
    writes.push({
      entity: 'exclusion',
      value: { ...renewed, inbox: [], renewedBy: exclusionId, updatedAt: at, version: renewed.version + 1 },
      expectedVersion: renewed.version,
    });
    writes.push(...dropInbox(renewed));
  }
  await ctx.store.commit(writes, audits);
  await startOrRevert(ctx, ex, async () => {
    const now = await load(ctx, exclusionId);
    const back: Write[] = [
      { entity: 'exclusion', value: { ...now, state: 'returned', inbox: [], wait: undefined, version: now.version + 1 }, expectedVersion: now.version },
      ...dropInbox(now),
    ];
    if (item) {
      const fresh = (await ctx.store.getItem(item.itemId))!;
      back.push(itemMarker(fresh, undefined, at));
    }
    return back;
  });
  return ex;
}

/** A returned proposal, revised and proposed again (a new round, a new execution). */
export async function resubmit(ctx: Context, actor: Principal, exclusionId: string, input: { test: ConsequenceTest; version: number }): Promise<Exclusion> {
  assertRole(actor, PROPOSERS);
  const before = await load(ctx, exclusionId);
  listScopeFor(actor, before.agencyId, ['admin', 'ppid_utama']);
  if (before.version !== input.version) conflict('stale_version', { expected: input.version, actual: before.version });
  if (before.state !== 'returned') conflict('exclusion_not_returned', { state: before.state });
  const agency = await getAgency(ctx, before.agencyId);
  checkTestDates(input.test, localDateOf(ctx.now, agency.timezone));
  const item = before.itemId ? await itemForProposal(ctx, before.agencyId, before.itemId, exclusionId) : undefined;
  const at = ctx.now.toISOString();
  const after: Exclusion = {
    ...structuredClone(before),
    state: 'proposed',
    round: before.round + 1,
    test: input.test,
    proposedAt: at,
    proposedBy: actor.username,
    proposedRole: actor.role,
    wait: { phase: 'decision', since: at, reminders: 0 },
    updatedAt: at,
    version: before.version + 1,
  };
  delete after.decision;
  after.executionName = executionName(after, at);
  after.steps.push(startStep('decision', at));
  after.inbox = [entry(after, { kind: 'exclusion_decision' }, at)];
  const writes: Write[] = [{ entity: 'exclusion', value: after, expectedVersion: before.version }, ...dropInbox(before), ...putInbox(after.inbox)];
  if (item) writes.push(itemMarker(item, { exclusionId, state: 'proposed' }, at));
  await ctx.store.commit(writes, exclusionAudit(ctx, after, actor, 'exclusion.resubmit', { before: before.test, after: input.test }));
  await startOrRevert(ctx, after, async () => {
    const now = await load(ctx, exclusionId);
    const back: Write[] = [
      { entity: 'exclusion', value: { ...before, version: now.version + 1 }, expectedVersion: now.version },
      ...dropInbox(now),
      ...putInbox(before.inbox),
    ];
    if (item) back.push(itemMarker((await ctx.store.getItem(item.itemId))!, undefined, at));
    return back;
  });
  return after;
}

/** Starts the round's execution; without it the proposal would wait forever, so it is put back. */
async function startOrRevert(ctx: Context, ex: Exclusion, revert: () => Promise<Write[]>): Promise<void> {
  try {
    await ctx.workflows!.start(EXCLUSION_WORKFLOW, ex.executionName!, { exclusionId: ex.exclusionId, round: ex.round });
  } catch (e) {
    await ctx.store.commit(await revert(), exclusionAudit(ctx, ex, SYSTEM_ACTOR, 'exclusion.propose_reverted', { reason: (e as Error).message }));
    throw e;
  }
}

/** The item's exclusion marker set or removed (other fields unchanged), as a write. */
function itemMarker(item: Item, marker: Item['exclusion'], at: string, change: Partial<Item> = {}): Write {
  const after: Item = { ...item, ...change, updatedAt: at, version: item.version + 1 };
  if (marker) after.exclusion = marker;
  else delete after.exclusion;
  return { entity: 'item', value: after, expectedVersion: item.version };
}

// ─── step 2: the Atasan PPID's Ya / Tidak ────────────────────────────────────────────────────────

export function decide(
  ctx: Context,
  actor: Principal,
  exclusionId: string,
  input: { decision: 'ya' | 'tidak'; note?: string; round: number },
): Promise<Exclusion> {
  return retryOnRace(() => decideOnce(ctx, actor, exclusionId, input));
}

async function decideOnce(
  ctx: Context,
  actor: Principal,
  exclusionId: string,
  input: { decision: 'ya' | 'tidak'; note?: string; round: number },
): Promise<Exclusion> {
  assertRole(actor, ['atasan_ppid']);
  const before = await load(ctx, exclusionId);
  if (before.round !== input.round) conflict('exclusion_stale_round', { expected: input.round, actual: before.round });
  if (before.state !== 'proposed') conflict('exclusion_already_decided', { state: before.state });
  const note = input.note?.trim();
  if (input.decision === 'tidak' && !note) invalid('note', 'exclusion_tidak_needs_note');
  const at = ctx.now.toISOString();
  const after: Exclusion = structuredClone(before);
  after.decision = { decision: input.decision, by: actor.username, role: actor.role, at, ...(note ? { note } : {}) };
  const writes: Write[] = [...endStep(after, after.steps, 'decision', at, actor.username)];
  const token = before.wait?.taskToken;
  const item = before.itemId ? await ctx.store.getItem(before.itemId) : undefined;
  if (input.decision === 'ya') {
    after.state = 'approved';
    after.wait = { phase: 'decree', since: at, reminders: 0 };
    after.steps.push(startStep('decree', at));
    after.inbox = [entry(after, { kind: 'exclusion_decree' }, at)];
    if (item) writes.push(itemMarker(item, { exclusionId, state: 'approved' }, at));
  } else {
    after.state = 'returned';
    delete after.wait;
    after.inbox = [entry(after, { kind: 'exclusion_returned', agencyId: before.agencyId }, at, { reason: note })];
    // The information stays (or becomes) public as it was.
    if (item?.exclusion?.exclusionId === exclusionId) writes.push(itemMarker(item, undefined, at));
  }
  after.updatedAt = at;
  after.version = before.version + 1;
  await ctx.store.commit(
    [{ entity: 'exclusion', value: after, expectedVersion: before.version }, ...dropInbox(before), ...putInbox(after.inbox), ...writes],
    exclusionAudit(ctx, after, actor, input.decision === 'ya' ? 'exclusion.ya' : 'exclusion.tidak', {
      before: { state: before.state, round: before.round },
      after: { state: after.state, decision: input.decision },
      reason: note,
    }),
  );
  if (token) await ctx.workflows!.complete(token, { outcome: input.decision });
  return after;
}

// ─── step 3: PPID Utama sets the DIK (the decree) ────────────────────────────────────────────────

export function recordDecree(ctx: Context, actor: Principal, exclusionId: string, input: { decree: Decree; version: number }): Promise<Exclusion> {
  return retryOnRace(() => recordDecreeOnce(ctx, actor, exclusionId, input));
}

async function recordDecreeOnce(ctx: Context, actor: Principal, exclusionId: string, input: { decree: Decree; version: number }): Promise<Exclusion> {
  assertRole(actor, ['ppid_utama']);
  const before = await load(ctx, exclusionId);
  if (before.version !== input.version) conflict('stale_version', { expected: input.version, actual: before.version });
  if (before.state !== 'approved' || before.decree) conflict('exclusion_not_awaiting_decree', { state: before.state });
  const agency = await getAgency(ctx, before.agencyId);
  const today = localDateOf(ctx.now, agency.timezone);
  const d = input.decree;
  if (d.date > today) invalid('decree.date', 'decree_date_future', { date: d.date, today });
  const approvedOn = before.decision ? localDateOf(new Date(before.decision.at), agency.timezone) : today;
  if (d.date < approvedOn) invalid('decree.date', 'decree_date_before_ya', { date: d.date, approved: approvedOn });
  const until = before.test.period.until;
  if (until !== undefined && until < today) invalid('test.period.until', 'exclusion_until_past', { until, today });
  const at = ctx.now.toISOString();
  const after: Exclusion = structuredClone(before);
  after.decree = { ...d, recordedBy: actor.username, recordedAt: at };
  const stepWrites = endStep(after, after.steps, 'decree', at, actor.username);
  after.steps.push(startStep('publication', at));
  after.inbox = [];
  const token = after.wait?.taskToken;
  delete after.wait;
  after.updatedAt = at;
  after.version = before.version + 1;
  await ctx.store.commit(
    [{ entity: 'exclusion', value: after, expectedVersion: before.version }, ...dropInbox(before), ...stepWrites],
    exclusionAudit(ctx, after, actor, 'exclusion.decree', { after: d }),
  );
  if (token) await ctx.workflows!.complete(token, { outcome: 'decreed' });
  return after;
}

// ─── ending: expiry, revocation, reopening ───────────────────────────────────────────────────────

/** Moves an exclusion off the DIK (expired or revoked), audited, and tells PPID Utama what to do next. */
async function end(ctx: Context, ex: Exclusion, reason: 'expired' | 'revoked', actor: Principal | typeof SYSTEM_ACTOR, note?: string): Promise<Exclusion> {
  const at = ctx.now.toISOString();
  const after: Exclusion = structuredClone(ex);
  after.state = reason;
  after.ended = { at, reason, by: actor.username, ...(note ? { note } : {}) };
  after.inbox = [
    entry(after, { kind: 'exclusion_ended' }, at, { reason: note ?? message(reason === 'expired' ? 'exclusion_expired_note' : 'exclusion_revoked_note').id }),
  ];
  delete after.wait;
  after.updatedAt = at;
  after.version = ex.version + 1;
  const writes: Write[] = [
    { entity: 'exclusion', value: after, expectedVersion: ex.version },
    { entity: 'dik', delete: ex.exclusionId },
    { entity: 'registerEvent', value: { eventId: crypto.randomUUID(), at, type: 'dik', itemId: ex.exclusionId, agencyId: ex.agencyId, versionNo: ex.round } },
    ...dropInbox(ex),
    ...putInbox(after.inbox),
  ];
  const item = ex.itemId ? await ctx.store.getItem(ex.itemId) : undefined;
  if (item?.exclusion?.exclusionId === ex.exclusionId) writes.push(itemMarker(item, undefined, at));
  // A revoked decree is withdrawn; an expired one was valid for its whole period and stays so.
  if (reason === 'revoked')
    writes.push(
      ...verificationWrites(
        await replacedRecords(ctx, ex, undefined, at, { id: 'Pengecualian dicabut oleh PPID.', en: 'The exclusion was revoked by the PPID.' }),
        ex.agencyId,
        at,
      ),
    );
  await ctx.store.commit(
    writes,
    exclusionAudit(ctx, after, actor, reason === 'expired' ? 'exclusion.expire' : 'exclusion.revoke', {
      before: { state: ex.state, dik: ex.dik?.number },
      after: { state: reason },
      reason: note,
    }),
  );
  await notifyEnded(ctx, after);
  return after;
}

export function revoke(ctx: Context, actor: Principal, exclusionId: string, input: { reason: string; version: number }): Promise<Exclusion> {
  return retryOnRace(async () => {
    assertRole(actor, ['ppid_utama', 'atasan_ppid']);
    const ex = await load(ctx, exclusionId);
    if (ex.version !== input.version) conflict('stale_version', { expected: input.version, actual: ex.version });
    if (ex.state !== 'in_force') conflict('exclusion_not_in_force', { state: ex.state });
    const after = await end(ctx, ex, 'revoked', actor, input.reason.trim());
    // The register drops it at once; the execution's expiry wait finds it revoked and ends.
    await ctx.workflows?.start(REGISTER_WORKFLOW, `register-dik-${exclusionId}-${Date.parse(after.updatedAt)}`, { full: false });
    return after;
  });
}

/**
 * After an exclusion ended: the item it concerned is published again as it was last approved
 * (PPID Utama). Its documents return to the register with it.
 */
export function republish(ctx: Context, actor: Principal, exclusionId: string, input: { version: number }): Promise<Exclusion> {
  return retryOnRace(async () => {
    assertRole(actor, ['ppid_utama']);
    const ex = await load(ctx, exclusionId);
    if (ex.version !== input.version) conflict('stale_version', { expected: input.version, actual: ex.version });
    if (ex.state !== 'expired' && ex.state !== 'revoked') conflict('exclusion_not_ended', { state: ex.state });
    const itemId = ex.itemId ?? conflict('exclusion_has_no_item');
    const item = (await ctx.store.getItem(itemId)) ?? notFound('item_not_found', { itemId });
    if (item.exclusion) conflict('exclusion_item_open', { number: item.number });
    if (item.publication === 'published' || item.current.state !== 'published') conflict('exclusion_item_not_republishable', { number: item.number });
    const at = ctx.now.toISOString();
    const version = publishedVersionOf(item, item.current, at);
    const itemAfter: Item = {
      ...item,
      publication: 'published',
      published: { versionNo: version.versionNo, publishedAt: at, category: version.content.category },
      publications: version.history,
      updatedAt: at,
      version: item.version + 1,
    };
    delete itemAfter.withdrawn;
    const after: Exclusion = { ...ex, inbox: [], reopened: { at, by: actor.username }, updatedAt: at, version: ex.version + 1 };
    await ctx.store.commit(
      [
        { entity: 'exclusion', value: after, expectedVersion: ex.version },
        ...dropInbox(ex),
        { entity: 'item', value: itemAfter, expectedVersion: item.version },
        { entity: 'published', value: version },
        { entity: 'publicationHistory', value: version },
        {
          entity: 'registerEvent',
          value: { eventId: crypto.randomUUID(), at, type: 'published', itemId: item.itemId, agencyId: item.agencyId, versionNo: version.versionNo },
        },
      ],
      [
        exclusionAudit(ctx, ex, actor, 'exclusion.republish', { after: { itemId: item.itemId, number: item.number } }),
        auditEvent({
          actor,
          action: 'item.republish',
          entity: { type: 'item', id: item.itemId },
          agencyId: item.agencyId,
          before: { publication: item.publication },
          after: { publication: 'published', versionNo: version.versionNo },
          reason: `Pengecualian ${ex.dik?.number ?? ''} berakhir / exclusion ended`,
          requestId: ctx.requestId,
          now: ctx.now,
        }),
      ],
    );
    await ctx.workflows?.start(REGISTER_WORKFLOW, `register-${item.itemId}-${Date.parse(at)}`, { full: false });
    return after;
  });
}

// ─── the workflow's tasks ────────────────────────────────────────────────────────────────────────

export type Outcome = 'ya' | 'tidak' | 'decreed' | 'recompute' | 'superseded';

export interface PersonWait {
  timeoutSeconds: number;
  deadline: string;
  phase?: ExclusionWait['phase'];
  /** Set when there is nothing to wait for: the workflow goes straight on. */
  outcome?: Outcome;
}

/** What is already recorded for this round, if the workflow need not wait. */
function recordedOutcome(ex: Exclusion, round: number): Outcome | undefined {
  if (ex.round !== round) return 'superseded';
  switch (ex.state) {
    case 'proposed':
      return undefined;
    case 'returned':
      return 'tidak';
    case 'approved':
      return ex.decree ? 'decreed' : undefined;
    default:
      return 'decreed';
  }
}

const go = (ctx: Context, outcome: Outcome): PersonWait => ({ timeoutSeconds: 1, deadline: ctx.now.toISOString(), outcome });

function saveWait(ctx: Context, ex: Exclusion, wait: ExclusionWait, inbox: InboxEntry[], action: string, after: unknown): Promise<void> {
  return ctx.store.commit(
    [{ entity: 'exclusion', value: { ...ex, wait, inbox, version: ex.version + 1 }, expectedVersion: ex.version }, ...putInbox(inbox)],
    exclusionAudit(ctx, ex, SYSTEM_ACTOR, action, { after }),
  );
}

/** Task PrepareWait: the deadline of the person the exclusion waits for now (Atasan or PPID Utama), computed once. */
export function prepareWait(ctx: Context, input: { exclusionId: string; round: number }): Promise<PersonWait> {
  return retryOnRace(async () => {
    const ex = await load(ctx, input.exclusionId);
    const outcome = recordedOutcome(ex, input.round);
    if (outcome) return go(ctx, outcome);
    const phase: ExclusionWait['phase'] = ex.state === 'proposed' ? 'decision' : 'decree';
    const w = ex.wait?.phase === phase ? ex.wait : { phase, since: ctx.now.toISOString(), reminders: 0 };
    if (w.deadline)
      return { timeoutSeconds: secondsUntil(w.escalatedAt ? (w.nextReminderAt ?? w.deadline.at) : w.deadline.at, ctx.now), deadline: w.deadline.at, phase };
    const rules = await publicationRules(ctx);
    const rule = phase === 'decision' ? rules.exclusionDecision : rules.exclusionDecree;
    const result = await agencyDeadline(ctx, ex.agencyId, new Date(w.since), rule);
    const deadline = { at: result.deadline, local: result.localDeadline, explanation: result.explanation, rule };
    const inbox = ex.inbox.map((e) => (e.box.kind === 'escalated' ? e : { ...e, deadline }));
    await saveWait(ctx, ex, { ...w, deadline }, inbox, `exclusion.${phase}_deadline`, deadline);
    return { timeoutSeconds: secondsUntil(deadline.at, ctx.now), deadline: deadline.at, phase };
  });
}

/** Task AwaitPerson (`.waitForTaskToken`): keeps the token on the exclusion, or completes it at once if already decided. */
export function awaitPerson(ctx: Context, input: { exclusionId: string; round: number; taskToken: string }): Promise<void> {
  return retryOnRace(async () => {
    const ex = await load(ctx, input.exclusionId);
    const outcome = recordedOutcome(ex, input.round);
    if (outcome || !ex.wait) {
      await ctx.workflows!.complete(input.taskToken, { outcome: outcome ?? 'recompute' });
      return;
    }
    await ctx.store.commit(
      [{ entity: 'exclusion', value: { ...ex, wait: { ...ex.wait, taskToken: input.taskToken }, version: ex.version + 1 }, expectedVersion: ex.version }],
      exclusionAudit(ctx, ex, SYSTEM_ACTOR, `exclusion.${ex.wait.phase}_waiting`, { after: { round: ex.round, deadline: ex.wait.deadline?.at } }),
    );
  });
}

/** Task RemindAndEscalate (after States.Timeout): mails the person and PPID Utama, escalates, waits again. */
export function remindAndEscalate(ctx: Context, input: { exclusionId: string; round: number }): Promise<PersonWait> {
  return retryOnRace(async () => {
    const ex = await load(ctx, input.exclusionId);
    const outcome = recordedOutcome(ex, input.round);
    if (outcome) return go(ctx, outcome);
    const w = ex.wait;
    if (!w?.deadline || (w.phase === 'decision') !== (ex.state === 'proposed')) return go(ctx, 'recompute');
    const rules = await publicationRules(ctx);
    const next = await agencyDeadline(ctx, ex.agencyId, ctx.now, rules.approvalReminder);
    const at = ctx.now.toISOString();
    const wait: ExclusionWait = { ...w, reminders: w.reminders + 1, escalatedAt: w.escalatedAt ?? at, nextReminderAt: next.deadline };
    const escalated = ex.inbox.find((e) => e.box.kind === 'escalated') ?? entry(ex, { kind: 'escalated' }, at, { deadline: w.deadline });
    const inbox = [...ex.inbox.filter((e) => e.box.kind !== 'escalated'), escalated].map((e) => ({ ...e, reminders: wait.reminders }));
    await saveWait(ctx, ex, wait, inbox, `exclusion.${w.phase}_escalated`, { reminder: wait.reminders, nextReminderAt: next.deadline });
    await notifyOverdue(ctx, ex, wait);
    return { timeoutSeconds: secondsUntil(next.deadline, ctx.now), deadline: next.deadline, phase: w.phase };
  });
}

/**
 * Task SetDik (SOP 002 steps 3–4): gives the entry its DIK number, makes the consequence-test sheet
 * and the decree as PDFs (private bucket), withdraws the item from the DIP with its files, and adds
 * the DIK row, all in one transaction. Idempotent: an exclusion already in force is left as it is;
 * the PDFs are deterministic, so a retry writes the same bytes.
 */
export function setDik(ctx: Context, input: { exclusionId: string }): Promise<{ state: ExclusionState; number?: string; until?: string }> {
  return retryOnRace(async () => {
    const ex = await load(ctx, input.exclusionId);
    if (ex.state !== 'approved' || !ex.decree) return { state: ex.state, ...(ex.dik ? { number: ex.dik.number } : {}) };
    const agency = await getAgency(ctx, ex.agencyId);
    const body = (await ctx.store.getSettings<PublicBody>('publicBody')) ?? { name: 'Badan Publik' };
    const at = ctx.now.toISOString();
    const year = Number(ex.decree.date.slice(0, 4));
    const counter = `dik#${year}`;
    const previous = await ctx.store.getCounter(counter);
    const sequence = previous + 1;
    const until = ex.test.period.until;
    const after: Exclusion = structuredClone(ex);
    after.state = 'in_force';
    after.dik = {
      number: `DIK/${year}/${String(sequence).padStart(4, '0')}`,
      sequence,
      year,
      setAt: at,
      ...(until ? { until, endsAt: exclusionEndsAt(until, agency.timezone) } : {}),
    };
    const people = await documentPeople(ctx, after);
    const ppidUtama = (await ctx.store.listAgencies()).find((a) => a.kind === 'ppid_utama') ?? agency;
    const coatOfArms = body.coatOfArms ? await ctx.files!.get(body.coatOfArms.key) : undefined;
    const pdfCtx: PdfContext = {
      publicBody: { name: body.name, ...(coatOfArms ? { coatOfArms } : {}) },
      agency: unitLetterhead(agency),
      ppidUtama: unitLetterhead(ppidUtama),
      people,
      registerUrl: body.registerUrl ?? ctx.registerUrl ?? '',
    };
    const prefix = `exclusions/${ex.exclusionId}/r${ex.round}`;
    const safeNumber = after.dik.number.replaceAll('/', '-');
    // Both documents are issued (rendered and signed) before anything is stored or recorded: a
    // signature that fails leaves no file, no verification record and no DIK entry behind.
    const sheetSpec = consequenceTestSheetSpec(after, pdfCtx);
    const decreeDoc = decreeSpec(after, pdfCtx);
    let sheet: IssuedDocument;
    let decreeFile: IssuedDocument;
    try {
      if (!ctx.signer) throw new SigningError('no signing certificate is configured');
      sheet = await issueDocument(sheetSpec, ctx.signer, 'Lembar uji konsekuensi informasi yang dikecualikan', pdfCtx.agency.city ?? ex.decree.place);
      decreeFile = await issueDocument(decreeDoc, ctx.signer, `Penetapan informasi yang dikecualikan ${after.dik.number}`, ex.decree.place);
    } catch (e) {
      if (!(e instanceof SigningError)) throw e;
      await recordIssueFailure(ctx, ex, e.message);
      throw e;
    }
    after.files = {
      testSheet: await storePdf(ctx, `${prefix}/uji-konsekuensi.pdf`, `Uji-Konsekuensi-${safeNumber}.pdf`, sheet, at),
      decree: await storePdf(ctx, `${prefix}/surat-penetapan.pdf`, `Surat-Penetapan-${safeNumber}.pdf`, decreeFile, at),
    };
    delete after.issueFailure;
    const sheetRecord = verificationRecord(sheetSpec, sheet, { agencyId: agency.id, name: agency.name }, body.name, people.proposer, at);
    const decreeRecord = verificationRecord(decreeDoc, decreeFile, { agencyId: ppidUtama.id, name: ppidUtama.name }, body.name, ex.decree.official, at);
    const stepWrites = endStep(after, after.steps, 'publication', at, 'system');
    after.updatedAt = at;
    after.version = ex.version + 1;
    const writes: Write[] = [
      { entity: 'counter', name: counter, from: previous, to: sequence },
      { entity: 'exclusion', value: after, expectedVersion: ex.version },
      { entity: 'dik', value: dikEntry(after) },
      { entity: 'registerEvent', value: { eventId: crypto.randomUUID(), at, type: 'dik', itemId: ex.exclusionId, agencyId: ex.agencyId, versionNo: ex.round } },
      ...verificationWrites([sheetRecord, decreeRecord], ex.agencyId, at),
      ...stepWrites,
    ];
    // A new consequence test of information whose exclusion ended: its documents replace the old ones.
    const renewed = ex.renews ? await ctx.store.getExclusion(ex.renews) : undefined;
    if (renewed) {
      const replaced = await replacedRecords(ctx, renewed, { testSheet: sheetRecord.code, decree: decreeRecord.code }, at);
      writes.push(...verificationWrites(replaced, ex.agencyId, at));
    }
    const audits = [
      exclusionAudit(ctx, after, SYSTEM_ACTOR, 'exclusion.dik_set', {
        after: { number: after.dik.number, until, legalBasis: legalBasisText(ex.test.legalBasis) },
      }),
    ];
    const item = ex.itemId ? await ctx.store.getItem(ex.itemId) : undefined;
    if (item) {
      const published = item.publication === 'published' ? item.published : undefined;
      const reason = `Dikecualikan berdasarkan ${after.dik.number} (${legalBasisText(ex.test.legalBasis)}) / excluded`;
      writes.push(
        itemMarker(
          item,
          { exclusionId: ex.exclusionId, state: 'in_force' },
          at,
          published ? { publication: 'withdrawn', withdrawn: { at, by: 'system', reason } } : {},
        ),
      );
      if (published) {
        // Off the DIP, and its files off the register, in the same transaction as the DIK row.
        writes.push(
          { entity: 'published', delete: item.itemId },
          {
            entity: 'registerEvent',
            value: { eventId: crypto.randomUUID(), at, type: 'withdrawn', itemId: item.itemId, agencyId: item.agencyId, versionNo: published.versionNo },
          },
        );
        audits.push(
          auditEvent({
            actor: SYSTEM_ACTOR,
            action: 'item.withdraw',
            entity: { type: 'item', id: item.itemId },
            agencyId: item.agencyId,
            before: { publication: 'published', versionNo: published.versionNo },
            after: { publication: 'withdrawn', exclusionId: ex.exclusionId },
            reason,
            requestId: ctx.requestId,
            now: ctx.now,
          }),
        );
      }
    }
    await ctx.store.commit(writes, audits);
    return { state: after.state, number: after.dik.number, ...(until ? { until } : {}) };
  });
}

async function storePdf(ctx: Context, key: string, fileName: string, doc: IssuedDocument, at: string): Promise<GeneratedFile> {
  await ctx.files!.put(key, doc.bytes, 'application/pdf');
  return { key, fileName, size: doc.size, sha256: doc.sha256, generatedAt: at };
}

/** The positions documents give people whose user record names none. */
const ROLE_POSITION: Record<string, string> = {
  admin: 'Administrator Sistem Informasi PPID',
  petugas: 'Petugas PPID',
  ppid_pelaksana: 'PPID Pelaksana',
  ppid_utama: 'PPID Utama',
  pejabat_pid: 'Pejabat Bidang Pelayanan Informasi dan Dokumentasi',
  atasan_ppid: 'Atasan PPID',
};

/** The people an exclusion's documents name: the proposer and the Atasan who decided, by name and position. */
async function documentPeople(ctx: Context, ex: Exclusion): Promise<PdfContext['people']> {
  const person = async (username: string, role: string): Promise<Official> => {
    const user = await ctx.store.getUser(username);
    // A user is never deleted (only disabled); without a record the position alone is printed, never the login.
    return user ? officialOf(user, ROLE_POSITION[role] ?? role) : { name: ROLE_POSITION[role] ?? role, position: ROLE_POSITION[role] ?? role };
  };
  return {
    proposer: await person(ex.proposedBy, ex.proposedRole),
    ...(ex.decision ? { decider: await person(ex.decision.by, ex.decision.role) } : {}),
  };
}

function verificationRecord(
  spec: DocumentSpec,
  doc: IssuedDocument,
  unit: { agencyId: string; name: string },
  bodyName: string,
  signatory: Official,
  at: string,
): VerificationRecord {
  return {
    code: spec.verificationUrl.split('/').filter(Boolean).pop()!,
    type: spec.type,
    number: spec.number,
    date: spec.signature?.date ?? spec.createdAt.slice(0, 10),
    unit,
    bodyName,
    signatory: { name: signatory.name, position: signatory.position },
    sha256: doc.sha256,
    size: doc.size,
    issuedAt: at,
    status: 'valid',
  };
}

/** The records and their register events (the verification pages are rendered from the queue). */
const verificationWrites = (records: VerificationRecord[], agencyId: string, at: string): Write[] =>
  records.flatMap((r): Write[] => [
    { entity: 'verification', value: r },
    { entity: 'registerEvent', value: { eventId: crypto.randomUUID(), at, type: 'verification', itemId: r.code, agencyId, versionNo: 0 } },
  ]);

/** An exclusion's documents as withdrawn (revoked) or replaced, for their verification pages. */
async function replacedRecords(
  ctx: Context,
  ex: Exclusion,
  by: Partial<Record<ExclusionDocument, string>> | undefined,
  at: string,
  reason?: { id: string; en: string },
): Promise<VerificationRecord[]> {
  const out: VerificationRecord[] = [];
  for (const doc of ['testSheet', 'decree'] as const) {
    if (!ex.files?.[doc]) continue;
    const record = await ctx.store.getVerification(exclusionDocumentCode(ex, doc));
    if (!record || record.status !== 'valid') continue;
    const replacedBy = by?.[doc];
    out.push({
      ...record,
      status: replacedBy ? 'replaced' : 'withdrawn',
      statusAt: at,
      ...(replacedBy ? { replacedBy } : {}),
      ...(reason ? { statusReason: reason } : {}),
    });
  }
  return out;
}

/** Records on the exclusion that its documents could not be signed (shown to staff), audited; nothing else changes. */
async function recordIssueFailure(ctx: Context, ex: Exclusion, reason: string): Promise<void> {
  const at = ctx.now.toISOString();
  const after: Exclusion = { ...structuredClone(ex), issueFailure: { at, reason }, updatedAt: at, version: ex.version + 1 };
  await ctx.store.commit(
    [{ entity: 'exclusion', value: after, expectedVersion: ex.version }],
    exclusionAudit(ctx, after, SYSTEM_ACTOR, 'exclusion.signing_failed', { before: { state: ex.state }, after: { state: ex.state }, reason }),
  );
}

export interface ExpiryPlan {
  /** When to look again: the end, or at most EXPIRY_ROUND_SECONDS from now. Absent: nothing to wait for. */
  at?: string;
  endsAt?: string;
  /** `at` is the end itself (not an intermediate round). */
  final?: boolean;
}

/** Task PlanExpiry: how long the execution waits before the exclusion ends (Standard workflows last ≤ 1 year). */
export async function planExpiry(ctx: Context, input: { exclusionId: string }): Promise<ExpiryPlan> {
  const ex = await load(ctx, input.exclusionId);
  const endsAt = await endOf(ctx, ex);
  if (ex.state !== 'in_force' || !endsAt) return {};
  const cap = ctx.now.getTime() + EXPIRY_ROUND_SECONDS * 1000;
  const final = Date.parse(endsAt) <= cap;
  return { at: final ? endsAt : new Date(cap).toISOString(), endsAt, final };
}

/**
 * When an exclusion in force ends (exclusion-end.ts): computed from its end date and the agency's
 * zone, never read from the stored `dik.endsAt`, which records set before the inclusive rule hold a
 * day too early.
 */
async function endOf(ctx: Context, ex: Exclusion): Promise<string | undefined> {
  const until = ex.dik?.until;
  return until ? exclusionEndsAt(until, (await getAgency(ctx, ex.agencyId)).timezone) : undefined;
}

/**
 * Task Expire, after the Wait until the end: moves the entry off the DIK (audited) and asks PPID
 * Utama to reopen the information or test it again. Trusts the Wait for the time; checks that the
 * exclusion is still in force with the same end (a revocation makes it a no-op). An execution that
 * waited for another end (one planned before the inclusive rule, at the start of the end date) is
 * told to plan again (`replan`), so it waits for the end the rule now gives.
 */
export function expire(ctx: Context, input: { exclusionId: string; endsAt: string }): Promise<{ ended: boolean; state: ExclusionState; replan?: boolean }> {
  return retryOnRace(async () => {
    const ex = await load(ctx, input.exclusionId);
    if (ex.state !== 'in_force') return { ended: false, state: ex.state };
    const endsAt = await endOf(ctx, ex);
    if (endsAt !== input.endsAt) return { ended: false, state: ex.state, ...(endsAt ? { replan: true } : {}) };
    const after = await end(ctx, ex, 'expired', SYSTEM_ACTOR);
    return { ended: true, state: after.state };
  });
}

/** Task ContinueLater: an expiry beyond this execution's round goes on in a fresh execution. */
export async function continueLater(ctx: Context, input: { exclusionId: string; round: number }): Promise<{ execution: string }> {
  const name = `exclusion-${input.exclusionId}-r${input.round}-expiry-${ctx.now.getTime()}`;
  await ctx.workflows!.start(EXCLUSION_WORKFLOW, name, { exclusionId: input.exclusionId, round: input.round, phase: 'expiry' });
  return { execution: name };
}

// ─── mail ────────────────────────────────────────────────────────────────────────────────────────

async function emails(ctx: Context, roles: string[]): Promise<string[]> {
  const users = (await Promise.all(roles.map((r) => usersWithRole(ctx, undefined, r)))).flat();
  return [...new Set(users.map((u) => u.email))];
}

/** The exclusion as mails name it: its DIK number and the item's number (those it has), and its title. */
function exclusionName(ex: Exclusion): string {
  const numbers = [ex.dik?.number, ex.itemNumber].filter(Boolean);
  return `${numbers.length ? `${numbers.join(' / ')} ` : ''}"${ex.test.title}"`;
}

async function notifyOverdue(ctx: Context, ex: Exclusion, w: ExclusionWait): Promise<void> {
  const to = await emails(ctx, w.phase === 'decision' ? ['atasan_ppid', 'ppid_utama'] : ['ppid_utama', 'atasan_ppid']);
  if (!to.length || !ctx.mailer) return;
  const rules = await publicationRules(ctx);
  const rule = ruleInWords(w.deadline?.rule ?? (w.phase === 'decision' ? rules.exclusionDecision : rules.exclusionDecree));
  const what =
    w.phase === 'decision'
      ? { id: 'keputusan Ya/Tidak Atasan PPID (SOP 002 langkah 2', en: 'the Atasan PPID’s Ya/Tidak (SOP 002 step 2' }
      : { id: 'penetapan DIK oleh PPID Utama (SOP 002 langkah 3', en: 'PPID Utama setting the DIK (SOP 002 step 3' };
  const zone = (await getAgency(ctx, ex.agencyId)).timezone;
  const since = instantInWords(w.since, zone);
  const deadline = instantInWords(w.deadline?.at, zone);
  const name = exclusionName(ex);
  await ctx.mailer.send({
    to,
    ...staffMail({
      subject: {
        id: `Pengingat ${w.reminders}: usulan pengecualian ${name} melewati tenggat`,
        en: `Reminder ${w.reminders}: exclusion proposal ${name} is overdue`,
      },
      id: [`Usulan pengecualian informasi ${name} menunggu ${what.id}, ketentuan: ${rule.id}) sejak ${since.id}.`, `Tenggatnya: ${deadline.id}.`],
      en: [`The proposal to exclude ${name} has waited for ${what.en}, rule: ${rule.en}) since ${since.en}.`, `Its deadline was ${deadline.en}.`],
      link: staffLink(`exclusions/${ex.exclusionId}`),
    }),
    idempotencyKey: `exclusion-reminder-${ex.exclusionId}-r${ex.round}-${w.phase}-${w.reminders}`,
  });
}

async function notifyEnded(ctx: Context, ex: Exclusion): Promise<void> {
  const to = await emails(ctx, ['ppid_utama']);
  if (!to.length || !ctx.mailer) return;
  const how = ex.state === 'expired' ? { id: 'berakhir jangka waktunya', en: 'has reached its end date' } : { id: 'dicabut', en: 'was revoked' };
  const name = exclusionName(ex);
  const zone = (await getAgency(ctx, ex.agencyId)).timezone;
  const ended = instantInWords(ex.ended?.at ?? ctx.now.toISOString(), zone);
  await ctx.mailer.send({
    to,
    ...staffMail({
      subject: { id: `Pengecualian ${ex.dik?.number ?? ''} ${how.id}`, en: `Exclusion ${ex.dik?.number ?? ''} ${how.en}` },
      id: [
        `Pengecualian informasi ${name} ${how.id} (${ended.id}) dan telah dikeluarkan dari DIK.`,
        'Umumkan kembali informasi ini sebagai informasi terbuka, atau lakukan uji konsekuensi baru.',
      ],
      en: [`The exclusion of ${name} ${how.en} (${ended.en}) and is off the DIK.`, 'Republish the information as open, or start a new consequence test.'],
      link: staffLink(`exclusions/${ex.exclusionId}`),
    }),
    idempotencyKey: `exclusion-ended-${ex.exclusionId}-${ex.state}`,
  });
}

/** A short-lived link to one of the exclusion's PDFs (staff who may see the exclusion). */
export async function fileDownload(
  ctx: Context,
  actor: Principal,
  exclusionId: string,
  file: 'testSheet' | 'decree',
): Promise<{ url: string; expiresInSeconds: number }> {
  const ex = await getExclusion(ctx, actor, exclusionId);
  const f = ex.files?.[file] ?? notFound('exclusion_file_missing', { file });
  return { url: await ctx.files!.downloadUrl(f.key, f.fileName, 'application/pdf'), expiresInSeconds: 300 };
}
