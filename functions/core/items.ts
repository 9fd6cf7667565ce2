/**
 * SOP 000: collection, documentation and online publication by the SKPD and PPID Utama.
 *
 *   petugas creates an item (step 2) ─ submit ─▶ Kepala PPID approves or returns (step 3, 1 week)
 *     ─ approve ─▶ the workflow publishes into PPID Utama's DIP (step 4, 1 minute) ─▶ register
 *
 * The waiting of step 3 is a Step Functions execution (statemachines/publication.asl.json). The
 * table is the truth: a decision is recorded here exactly once, under a condition, and only then
 * handed to the waiting execution; a task that runs again finds its result already recorded.
 */
import { actsForWholeBody, assertAgencyScope, assertRole, listScope, type Principal } from './access.ts';
import { getAgency } from './agencies.ts';
import { agencyDeadline } from './agency-deadline.ts';
import { auditEvent, SYSTEM_ACTOR } from './audit.ts';
import { type DeadlineRule, localDateOf } from './calendar.ts';
import { conflict, DomainError, fail, notFound } from './errors.ts';
import {
  type InboxEntry,
  type Item,
  type ItemContent,
  type ItemQuery,
  itemNumber,
  type PublishedVersion,
  type StepRecord,
  type StepTiming,
  type WorkingVersion,
} from './item-model.ts';
import { instantInWords, ruleInWords, staffLink, staffMail } from './mail-text.ts';
import { message } from './messages.ts';
import type { Context, Page, Write } from './ports.ts';
import { REGISTER_WORKFLOW } from './register-events.ts';
import { endRunningStep, SOP_000, SOP_002, SOP_004, type Sop000Step } from './sop.ts';

export const PUBLICATION_WORKFLOW = 'Publication';
/** The register update's workflow (register-events.ts), named here too for the modules that start it from items. */
export { REGISTER_WORKFLOW };

/** Rules an admin may change (settings `rules`); these defaults follow SOP 000. */
export interface PublicationRules {
  [key: string]: unknown;
  /** SOP 000 step 3: the Kepala PPID decides within 1 week. */
  publicationApproval: DeadlineRule;
  /** After the deadline: remind and escalate, then again after this long, until someone decides. */
  approvalReminder: DeadlineRule;
  /**
   * SOP 002 step 2: the Atasan PPID's Ya/Tidak. The SOP's Mutu Baku is "1 Menit" (the act itself in
   * the application, which the step timing is measured against); reminders start after 1 working day.
   */
  exclusionDecision: DeadlineRule;
  /** SOP 002 step 3: PPID Utama sets the DIK within 1 week. */
  exclusionDecree: DeadlineRule;
  /** SOP 004 steps 1–5 (documentation/cycle.ts `documentationRules`): their Mutu Baku by default. */
  documentationList: DeadlineRule;
  documentationReview: DeadlineRule;
  documentationDelivery: DeadlineRule;
  documentationCheck: DeadlineRule;
  documentationUpload: DeadlineRule;
}
export const DEFAULT_RULES: PublicationRules = {
  publicationApproval: SOP_000.approval.standard,
  approvalReminder: { unit: 'workingDays', amount: 1 },
  exclusionDecision: { unit: 'workingDays', amount: 1 },
  exclusionDecree: SOP_002.decree.standard,
  documentationList: SOP_004.list.standard,
  documentationReview: SOP_004.review.standard,
  documentationDelivery: SOP_004.delivery.standard,
  documentationCheck: SOP_004.check.standard,
  documentationUpload: SOP_004.upload.standard,
};

export async function publicationRules(ctx: Context): Promise<PublicationRules> {
  return { ...DEFAULT_RULES, ...((await ctx.store.getSettings<Partial<PublicationRules>>('rules')) ?? {}) };
}

/**
 * Runs a read-decide-write step again when its write lost a race (the record changed between the
 * read and the conditional write, e.g. a person's decision and the workflow's reminder at the same
 * moment). Each attempt reads afresh, so its checks (already decided? stale version?) still hold.
 */
export async function retryOnRace<T>(attempt: () => Promise<T>, times = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'conflict' && e.text.en === message('concurrent_change').en) || i >= times) throw e;
      // A little random wait, growing: many writers at once then take turns instead of colliding again.
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 5 * i)));
    }
  }
}

/** Enough turns for every one of many people creating records in one agency at the same moment. */
export const COUNTER_RACE_ATTEMPTS = 100;

// ─── who may do what ─────────────────────────────────────────────────────────────────────────────

const EDITORS = ['petugas', 'ppid_pelaksana', 'ppid_utama'] as const;
const APPROVERS = ['ppid_pelaksana', 'ppid_utama'] as const;

function assertMayEdit(actor: Principal, agencyId: string): void {
  assertRole(actor, EDITORS);
  assertAgencyScope(actor, agencyId);
}

function assertMayDecide(actor: Principal, agencyId: string): void {
  assertRole(actor, APPROVERS);
  assertAgencyScope(actor, agencyId);
}

export async function getItem(ctx: Context, actor: Principal, itemId: string): Promise<Item> {
  return itemFor(actor, itemId, await ctx.store.getItem(itemId));
}

/** The read item as the actor may see it (pure): 404 when there is none, 403 outside their agency. */
export function itemFor(actor: Principal, itemId: string, item: Item | undefined): Item {
  if (!item) return notFound('item_not_found', { itemId });
  assertAgencyScope(actor, item.agencyId);
  return item;
}

async function loadItem(ctx: Context, itemId: string): Promise<Item> {
  return (await ctx.store.getItem(itemId)) ?? notFound('item_not_found', { itemId });
}

export async function listItems(ctx: Context, actor: Principal, q: ItemQuery): Promise<Page<Item>> {
  // An SKPD's people see their agency's items; PPID Utama and the admin any agency's, or all of them.
  const agencyId = listScope(actor, q.agencyId);
  return ctx.store.listItems({ ...q, agencyId });
}

// ─── timing against the Mutu Baku ────────────────────────────────────────────────────────────────

function startStep(step: Sop000Step, at: string): StepTiming {
  return { step, sopStep: SOP_000[step].step, startedAt: at, standardText: SOP_000[step].standardText };
}

/** Ends the running step; returns the record kept for the reports. */
function endStep(item: Item, version: WorkingVersion, step: Sop000Step, at: string, by: string): StepRecord | undefined {
  const ended = endRunningStep(version.steps, step, at, by, SOP_000[step].standard);
  return ended && { ...ended, sop: '000', itemId: item.itemId, agencyId: item.agencyId, versionNo: version.versionNo };
}

const stepWrite = (r: StepRecord | undefined): Write[] => (r ? [{ entity: 'stepRecord', value: r }] : []);

// ─── create and edit ─────────────────────────────────────────────────────────────────────────────

/**
 * Creates a draft item. `opts.itemId` (never from a client) gives the item a known id, so a caller
 * that may run twice, like the demo seed, creates it once: the second try finds the id taken (409).
 */
export async function createItem(
  ctx: Context,
  actor: Principal,
  input: { agencyId?: string; content: ItemContent },
  opts: { itemId?: string } = {},
): Promise<Item> {
  // Two people creating at once race for the next number; the loser reads the counter again.
  return retryOnRace(() => createItemOnce(ctx, actor, input, opts), COUNTER_RACE_ATTEMPTS);
}

async function createItemOnce(ctx: Context, actor: Principal, input: { agencyId?: string; content: ItemContent }, opts: { itemId?: string }): Promise<Item> {
  const agencyId = input.agencyId ?? actor.agencyId;
  assertMayEdit(actor, agencyId);
  const agency = await getAgency(ctx, agencyId);
  const at = ctx.now.toISOString();
  const regYear = Number(localDateOf(ctx.now, agency.timezone).slice(0, 4));
  const counter = itemCounter(agencyId, regYear);
  const previous = await ctx.store.getCounter(counter);
  const sequence = previous + 1;
  const item = draftItem({ itemId: opts.itemId ?? crypto.randomUUID(), agencyId, regYear, sequence, content: input.content, at, by: actor.username });
  // The counter moves in the same transaction: two people creating at once never share a number,
  // and a failed write leaves no gap (the loser's attempt is run again by `createItem`).
  await ctx.store.commit(
    [
      { entity: 'counter', name: counter, from: previous, to: sequence },
      { entity: 'item', value: item, expectedVersion: null },
    ],
    auditEvent({
      actor,
      action: 'item.create',
      entity: { type: 'item', id: item.itemId },
      agencyId,
      after: item.current.content,
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  return item;
}

/** The gap-free counter of an agency's item numbers in one registration year. */
export const itemCounter = (agencyId: string, regYear: number) => `items#${agencyId}#${regYear}`;

/**
 * A new draft item as the form creates it (SOP 000 step 2 running), numbered `sequence` in its
 * agency's `regYear`: `AGENCY/<year>/<nnnn>`. The caller moves the counter in the same transaction.
 */
export function draftItem(input: {
  itemId: string;
  agencyId: string;
  regYear: number;
  sequence: number;
  content: ItemContent;
  at: string;
  by: string;
  imported?: Item['imported'];
}): Item {
  const { itemId, agencyId, regYear, sequence, at } = input;
  return {
    itemId,
    agencyId,
    number: itemNumber(agencyId, regYear, sequence),
    regYear,
    sequence,
    status: 'draft',
    publication: 'none',
    current: { versionNo: 1, state: 'draft', content: input.content, documents: [], reminders: 0, steps: [startStep('input', at)] },
    inbox: [],
    ...(input.imported ? { imported: input.imported } : {}),
    createdAt: at,
    createdBy: input.by,
    updatedAt: at,
    version: 1,
  };
}

/** The version staff may change now: the draft or returned one, or a new one after publication. */
function editableVersion(item: Item, at: string): WorkingVersion {
  const v = item.current;
  if (v.state === 'draft' || v.state === 'returned') return v;
  if (v.state === 'published') {
    // A new version of a published item; the public keeps seeing the published one meanwhile.
    return { versionNo: v.versionNo + 1, state: 'draft', content: v.content, documents: v.documents, reminders: 0, steps: [startStep('input', at)] };
  }
  return conflict('item_not_editable', { state: v.state });
}

export async function updateItem(ctx: Context, actor: Principal, itemId: string, input: { content: ItemContent; version: number }): Promise<Item> {
  const before = await loadItem(ctx, itemId);
  assertMayEdit(actor, before.agencyId);
  if (before.version !== input.version) conflict('stale_version', { expected: input.version, actual: before.version });
  const at = ctx.now.toISOString();
  const current = { ...editableVersion(before, at), content: input.content };
  const after: Item = { ...before, current, status: current.state, updatedAt: at, version: before.version + 1 };
  await ctx.store.commit(
    [{ entity: 'item', value: after, expectedVersion: before.version }],
    auditEvent({
      actor,
      action: 'item.update',
      entity: { type: 'item', id: itemId },
      agencyId: before.agencyId,
      before: before.current.content,
      after: content(after),
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  return after;
}

const content = (item: Item) => ({ versionNo: item.current.versionNo, ...item.current.content });

/** Changes the documents of the editable version (used by the document use cases). */
export async function changeDocuments(
  ctx: Context,
  actor: Principal,
  itemId: string,
  action: string,
  change: (docs: WorkingVersion['documents']) => WorkingVersion['documents'],
  detail: unknown,
): Promise<Item> {
  const before = await loadItem(ctx, itemId);
  assertMayEdit(actor, before.agencyId);
  const at = ctx.now.toISOString();
  const version = editableVersion(before, at);
  const current = { ...version, documents: change([...version.documents]) };
  const after: Item = { ...before, current, status: current.state, updatedAt: at, version: before.version + 1 };
  await ctx.store.commit(
    [{ entity: 'item', value: after, expectedVersion: before.version }],
    auditEvent({ actor, action, entity: { type: 'item', id: itemId }, agencyId: before.agencyId, after: detail, requestId: ctx.requestId, now: ctx.now }),
  );
  return after;
}

// ─── submit, decide, withdraw ────────────────────────────────────────────────────────────────────

/** One execution per submission (a returned version may be submitted again). */
export const executionName = (item: Pick<Item, 'itemId'>, versionNo: number, at: string) => `publication-${item.itemId}-v${versionNo}-${Date.parse(at)}`;

export async function submitItem(ctx: Context, actor: Principal, itemId: string, input: { version: number }): Promise<Item> {
  const before = await loadItem(ctx, itemId);
  assertMayEdit(actor, before.agencyId);
  if (before.version !== input.version) conflict('stale_version', { expected: input.version, actual: before.version });
  const v = before.current;
  if (v.state !== 'draft' && v.state !== 'returned') conflict('item_not_submittable', { state: v.state });
  if (before.exclusion) conflict('item_excluded', { state: before.exclusion.state });
  if (before.documentation) conflict('item_in_documentation_cycle');
  if (v.documents.some((d) => d.status !== 'verified')) fail('validation', 'documents_unverified');
  // A softcopy is a file: the Kepala PPID must have one to approve, and the register one to offer.
  if (v.content.formats.includes('softcopy') && !v.documents.some((d) => d.status === 'verified'))
    throw new DomainError('validation', message('softcopy_needs_document'), [{ path: 'documents', message: message('softcopy_needs_document') }]);
  const at = ctx.now.toISOString();
  const current: WorkingVersion = structuredClone({
    ...v,
    state: 'submitted',
    submittedAt: at,
    submittedBy: actor.username,
    executionName: executionName(before, v.versionNo, at),
    reminders: 0,
  });
  // A resubmission (after a return) starts its wait afresh.
  for (const stale of ['decision', 'deadline', 'escalatedAt', 'nextReminderAt', 'taskToken'] as const) delete current[stale];
  const record = endStep(before, current, 'input', at, actor.username);
  current.steps.push(startStep('approval', at));
  const waiting: InboxEntry = {
    box: { kind: 'approval', agencyId: before.agencyId },
    itemId,
    agencyId: before.agencyId,
    number: before.number,
    title: v.content.title,
    versionNo: v.versionNo,
    since: at,
  };
  const after: Item = { ...before, current, status: 'submitted', inbox: [waiting], updatedAt: at, version: before.version + 1 };
  await ctx.store.commit(
    [
      { entity: 'item', value: after, expectedVersion: before.version },
      ...before.inbox.map((e): Write => ({ entity: 'inbox', delete: e })),
      { entity: 'inbox', value: waiting },
      ...stepWrite(record),
    ],
    auditEvent({
      actor,
      action: 'item.submit',
      entity: { type: 'item', id: itemId },
      agencyId: before.agencyId,
      before: { state: v.state },
      after: { state: 'submitted', versionNo: v.versionNo },
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  try {
    await ctx.workflows!.start(PUBLICATION_WORKFLOW, current.executionName!, { itemId, versionNo: v.versionNo });
  } catch (e) {
    // Without its workflow the submission would wait forever: put the item back as it was.
    await ctx.store.commit(
      [
        { entity: 'item', value: { ...before, version: after.version + 1 }, expectedVersion: after.version },
        { entity: 'inbox', delete: waiting },
        ...before.inbox.map((x): Write => ({ entity: 'inbox', value: x })),
      ],
      auditEvent({
        actor: SYSTEM_ACTOR,
        action: 'item.submit_reverted',
        entity: { type: 'item', id: itemId },
        agencyId: before.agencyId,
        reason: (e as Error).message,
        requestId: ctx.requestId,
        now: ctx.now,
      }),
    );
    throw e;
  }
  return after;
}

export function decide(
  ctx: Context,
  actor: Principal,
  itemId: string,
  input: { decision: 'approve' | 'return'; versionNo: number; reason?: string },
): Promise<Item> {
  return retryOnRace(() => decideOnce(ctx, actor, itemId, input));
}

async function decideOnce(
  ctx: Context,
  actor: Principal,
  itemId: string,
  input: { decision: 'approve' | 'return'; versionNo: number; reason?: string },
): Promise<Item> {
  const before = await loadItem(ctx, itemId);
  assertMayDecide(actor, before.agencyId);
  const v = before.current;
  if (v.versionNo !== input.versionNo) conflict('decision_stale_version', { expected: input.versionNo, actual: v.versionNo });
  if (v.state !== 'submitted') conflict('decision_already_made', { state: v.state });
  if (input.decision === 'return' && !input.reason?.trim()) fail('validation', 'return_needs_reason');
  const at = ctx.now.toISOString();
  const current: WorkingVersion = structuredClone(v);
  current.decision = { decision: input.decision, by: actor.username, role: actor.role, at, ...(input.reason ? { reason: input.reason.trim() } : {}) };
  current.state = input.decision === 'approve' ? 'approved' : 'returned';
  if (input.decision === 'return') current.returnReason = input.reason!.trim();
  const record = endStep(before, current, 'approval', at, actor.username);
  if (input.decision === 'approve') current.steps.push(startStep('publication', at));
  const token = current.taskToken;
  delete current.taskToken;
  const returned: InboxEntry[] =
    input.decision === 'return'
      ? [
          {
            box: { kind: 'returned', agencyId: before.agencyId },
            itemId,
            agencyId: before.agencyId,
            number: before.number,
            title: v.content.title,
            versionNo: v.versionNo,
            since: at,
            reason: current.returnReason,
          },
        ]
      : [];
  const after: Item = { ...before, current, status: current.state, inbox: returned, updatedAt: at, version: before.version + 1 };
  await ctx.store.commit(
    [
      // The condition on the version is what makes a decision happen exactly once.
      { entity: 'item', value: after, expectedVersion: before.version },
      ...before.inbox.map((e): Write => ({ entity: 'inbox', delete: e })),
      ...returned.map((e): Write => ({ entity: 'inbox', value: e })),
      ...stepWrite(record),
    ],
    auditEvent({
      actor,
      action: input.decision === 'approve' ? 'item.approve' : 'item.return',
      entity: { type: 'item', id: itemId },
      agencyId: before.agencyId,
      before: { state: 'submitted', versionNo: v.versionNo },
      after: { state: current.state, versionNo: v.versionNo },
      reason: input.reason,
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  // Hand the decision to the waiting workflow. If its token just timed out, the workflow is
  // reminding and will wait again; that next wait finds this decision recorded and goes on.
  if (token) await ctx.workflows!.complete(token, { decision: input.decision });
  return after;
}

export async function withdraw(ctx: Context, actor: Principal, itemId: string, input: { reason: string }): Promise<Item> {
  const before = await loadItem(ctx, itemId);
  assertMayDecide(actor, before.agencyId);
  const published = before.published;
  if (before.publication !== 'published' || !published) return conflict('item_not_published');
  const at = ctx.now.toISOString();
  const after: Item = {
    ...before,
    publication: 'withdrawn',
    withdrawn: { at, by: actor.username, reason: input.reason },
    updatedAt: at,
    version: before.version + 1,
  };
  if (after.current.state === 'published') after.status = 'published';
  await ctx.store.commit(
    [
      { entity: 'item', value: after, expectedVersion: before.version },
      { entity: 'published', delete: itemId },
      {
        entity: 'registerEvent',
        value: { eventId: crypto.randomUUID(), at, type: 'withdrawn', itemId, agencyId: before.agencyId, versionNo: published.versionNo },
      },
    ],
    auditEvent({
      actor,
      action: 'item.withdraw',
      entity: { type: 'item', id: itemId },
      agencyId: before.agencyId,
      before: { publication: 'published', versionNo: published.versionNo },
      after: { publication: 'withdrawn' },
      reason: input.reason,
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  // The register drops it (pages, exports, search, files); the event above is what it works from.
  await ctx.workflows?.start(REGISTER_WORKFLOW, `register-${itemId}-${Date.parse(at)}`, { full: false });
  return after;
}

/**
 * Writes a waiting item's working version and inbox entries together (the approval's deadline,
 * reminders, escalation), with its audit event.
 */
export function saveWaiting(
  ctx: Context,
  item: Item,
  change: { current: WorkingVersion; inbox: InboxEntry[] },
  audit: { actor: Principal | typeof SYSTEM_ACTOR; action: string; before?: unknown; after: unknown; reason?: string },
): Promise<void> {
  return ctx.store.commit(
    [
      { entity: 'item', value: { ...item, ...change, version: item.version + 1 }, expectedVersion: item.version },
      ...change.inbox.map((e): Write => ({ entity: 'inbox', value: e })),
    ],
    auditEvent({ ...audit, entity: { type: 'item', id: item.itemId }, agencyId: item.agencyId, requestId: ctx.requestId, now: ctx.now }),
  );
}

// ─── the workflow's tasks ────────────────────────────────────────────────────────────────────────

export interface ApprovalWait {
  /** Seconds until the deadline or the next reminder (at least 1, as Step Functions requires). */
  timeoutSeconds: number;
  deadline: string;
  /** Set when the decision is already recorded: the workflow goes straight on. */
  decision?: 'approve' | 'return' | 'superseded';
}

function recordedDecision(item: Item, versionNo: number): ApprovalWait['decision'] | undefined {
  const v = item.current;
  if (v.versionNo !== versionNo) return 'superseded';
  if (v.state === 'submitted') return undefined;
  if (v.decision?.decision) return v.decision.decision;
  return v.state === 'published' || v.state === 'approved' ? 'approve' : 'superseded';
}

/** Seconds from now until `iso`, at least 1 (as Step Functions requires of a timeout). */
export const secondsUntil = (iso: string, now: Date) => Math.max(1, Math.ceil((Date.parse(iso) - now.getTime()) / 1000));

/** Task PrepareApproval: computes the deadline of step 3 once (from the submission time) and records it. */
export function prepareApproval(ctx: Context, input: { itemId: string; versionNo: number }): Promise<ApprovalWait> {
  return retryOnRace(() => prepareApprovalOnce(ctx, input));
}

async function prepareApprovalOnce(ctx: Context, input: { itemId: string; versionNo: number }): Promise<ApprovalWait> {
  const item = await loadItem(ctx, input.itemId);
  const decided = recordedDecision(item, input.versionNo);
  if (decided) return { timeoutSeconds: 1, deadline: ctx.now.toISOString(), decision: decided };
  const v = item.current;
  if (v.deadline) return { timeoutSeconds: secondsUntil(v.escalatedAt ? nextReminderAt(v) : v.deadline.at, ctx.now), deadline: v.deadline.at };
  const rules = await publicationRules(ctx);
  const result = await agencyDeadline(ctx, item.agencyId, new Date(v.submittedAt ?? item.updatedAt), rules.publicationApproval);
  const deadline = { at: result.deadline, local: result.localDeadline, explanation: result.explanation, rule: rules.publicationApproval };
  const current = { ...v, deadline };
  const inbox = item.inbox.map((e) => (e.box.kind === 'approval' ? { ...e, deadline } : e));
  await saveWaiting(ctx, item, { current, inbox }, { actor: SYSTEM_ACTOR, action: 'item.approval_deadline', after: deadline });
  return { timeoutSeconds: secondsUntil(deadline.at, ctx.now), deadline: deadline.at };
}

function nextReminderAt(v: WorkingVersion): string {
  return v.nextReminderAt ?? v.deadline!.at;
}

/**
 * Task AwaitApproval (`.waitForTaskToken`): keeps the token with the item so the decision can be
 * handed over. If the decision is already recorded (it came while no token was waiting), it
 * completes its own token at once.
 */
export function awaitApproval(ctx: Context, input: { itemId: string; versionNo: number; taskToken: string }): Promise<void> {
  return retryOnRace(() => awaitApprovalOnce(ctx, input));
}

async function awaitApprovalOnce(ctx: Context, input: { itemId: string; versionNo: number; taskToken: string }): Promise<void> {
  const item = await loadItem(ctx, input.itemId);
  const decided = recordedDecision(item, input.versionNo);
  if (decided) {
    await ctx.workflows!.complete(input.taskToken, { decision: decided });
    return;
  }
  await ctx.store.commit(
    [
      {
        entity: 'item',
        value: { ...item, current: { ...item.current, taskToken: input.taskToken }, version: item.version + 1 },
        expectedVersion: item.version,
      },
    ],
    auditEvent({
      actor: SYSTEM_ACTOR,
      action: 'item.approval_waiting',
      entity: { type: 'item', id: item.itemId },
      agencyId: item.agencyId,
      after: { versionNo: input.versionNo, deadline: item.current.deadline?.at },
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
}

/**
 * Task RemindAndEscalate (after States.Timeout): reminds the agency's Kepala PPID, puts the item in
 * PPID Utama's inbox, and says how long to wait before the next reminder. Each reminder round is
 * counted under a condition, so a retried task does not mail twice.
 */
export function remindAndEscalate(ctx: Context, input: { itemId: string; versionNo: number }): Promise<ApprovalWait> {
  return retryOnRace(() => remindAndEscalateOnce(ctx, input));
}

async function remindAndEscalateOnce(ctx: Context, input: { itemId: string; versionNo: number }): Promise<ApprovalWait> {
  const item = await loadItem(ctx, input.itemId);
  const decided = recordedDecision(item, input.versionNo);
  if (decided) return { timeoutSeconds: 1, deadline: ctx.now.toISOString(), decision: decided };
  const v = item.current;
  const rules = await publicationRules(ctx);
  const next = await agencyDeadline(ctx, item.agencyId, ctx.now, rules.approvalReminder);
  const at = ctx.now.toISOString();
  const escalated: InboxEntry = {
    box: { kind: 'escalated' },
    itemId: item.itemId,
    agencyId: item.agencyId,
    number: item.number,
    title: v.content.title,
    versionNo: v.versionNo,
    since: at,
    deadline: v.deadline,
  };
  const current: WorkingVersion = { ...v, reminders: v.reminders + 1, escalatedAt: v.escalatedAt ?? at, nextReminderAt: next.deadline };
  // The reminder shows in the Kepala PPID's inbox, and the item joins PPID Utama's (once).
  const inbox = [
    ...item.inbox.filter((e) => e.box.kind !== 'escalated').map((e) => ({ ...e, reminders: current.reminders })),
    { ...(item.inbox.find((e) => e.box.kind === 'escalated') ?? escalated), reminders: current.reminders },
  ];
  await saveWaiting(
    ctx,
    item,
    { current, inbox },
    { actor: SYSTEM_ACTOR, action: 'item.approval_escalated', after: { reminder: current.reminders, nextReminderAt: next.deadline } },
  );
  await notifyOverdue(ctx, item, current);
  return { timeoutSeconds: secondsUntil(next.deadline, ctx.now), deadline: next.deadline };
}

async function notifyOverdue(ctx: Context, item: Item, v: WorkingVersion): Promise<void> {
  const approvers = await usersWithRole(ctx, item.agencyId, 'ppid_pelaksana');
  const utama = await usersWithRole(ctx, undefined, 'ppid_utama');
  const to = [...new Set([...approvers, ...utama].map((u) => u.email))];
  if (!to.length || !ctx.mailer) return;
  const zone = (await getAgency(ctx, item.agencyId)).timezone;
  const since = instantInWords(v.submittedAt, zone);
  const deadline = instantInWords(v.deadline?.at, zone);
  const rule = ruleInWords(v.deadline?.rule ?? (await publicationRules(ctx)).publicationApproval);
  const what = `${item.number} "${v.content.title}"`;
  await ctx.mailer.send({
    to,
    ...staffMail({
      subject: {
        id: `Pengingat ${v.reminders}: persetujuan ${item.number} melewati tenggat`,
        en: `Reminder ${v.reminders}: approval of ${item.number} is overdue`,
      },
      id: [
        `Informasi ${what} menunggu persetujuan Kepala PPID sejak ${since.id}.`,
        `Tenggat SOP 000 langkah 3 (ketentuan: ${rule.id}): ${deadline.id}.`,
        'Permintaan ini juga diteruskan ke PPID Utama.',
      ],
      en: [
        `${what} has waited for the Kepala PPID's approval since ${since.en}.`,
        `The SOP 000 step 3 deadline (rule: ${rule.en}) was ${deadline.en}.`,
        'It has also been passed to PPID Utama.',
      ],
      link: staffLink(`items/${item.itemId}`),
    }),
    idempotencyKey: `approval-reminder-${item.itemId}-v${v.versionNo}-${v.reminders}`,
  });
}

export async function usersWithRole(ctx: Context, agencyId: string | undefined, role: string) {
  const out = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.store.listUsers({ agencyId, cursor, limit: 100 });
    out.push(...page.items.filter((u) => u.role === role && u.enabled));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/**
 * Task Publish (SOP 000 step 4): the approved version joins PPID Utama's consolidated DIP and the
 * public register. Idempotent: a version already published is left as it is.
 */
export function publish(ctx: Context, input: { itemId: string; versionNo: number }): Promise<{ published: boolean; number: string }> {
  return retryOnRace(() => publishOnce(ctx, input));
}

async function publishOnce(ctx: Context, input: { itemId: string; versionNo: number }): Promise<{ published: boolean; number: string }> {
  const item = await loadItem(ctx, input.itemId);
  const v = item.current;
  if (v.versionNo !== input.versionNo || v.state !== 'approved') return { published: item.published?.versionNo === input.versionNo, number: item.number };
  const at = ctx.now.toISOString();
  const current: WorkingVersion = structuredClone(v);
  current.state = 'published';
  const record = endStep(item, current, 'publication', at, 'system');
  const version = publishedVersionOf(item, v, at);
  const after: Item = {
    ...item,
    current,
    status: 'published',
    publication: 'published',
    published: { versionNo: v.versionNo, publishedAt: at, category: v.content.category },
    publications: version.history,
    updatedAt: at,
    version: item.version + 1,
  };
  delete after.withdrawn;
  await ctx.store.commit(
    [
      { entity: 'item', value: after, expectedVersion: item.version },
      { entity: 'published', value: version },
      { entity: 'publicationHistory', value: version },
      {
        entity: 'registerEvent',
        value: { eventId: crypto.randomUUID(), at, type: 'published', itemId: item.itemId, agencyId: item.agencyId, versionNo: v.versionNo },
      },
      ...stepWrite(record),
    ],
    auditEvent({
      actor: SYSTEM_ACTOR,
      action: 'item.publish',
      entity: { type: 'item', id: item.itemId },
      agencyId: item.agencyId,
      before: { publication: item.publication },
      after: { publication: 'published', versionNo: v.versionNo },
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  return { published: true, number: item.number };
}

/** What the public sees of an approved version, published at `at` (also a republication after an exclusion). */
export function publishedVersionOf(item: Item, v: WorkingVersion, at: string): PublishedVersion {
  return {
    itemId: item.itemId,
    agencyId: item.agencyId,
    number: item.number,
    versionNo: v.versionNo,
    content: v.content,
    documents: v.documents,
    approvedBy: v.decision?.by ?? '',
    publishedAt: at,
    regYear: item.regYear,
    sequence: item.sequence,
    history: [...(item.publications ?? []), { versionNo: v.versionNo, publishedAt: at }],
  };
}

// ─── inboxes ─────────────────────────────────────────────────────────────────────────────────────

/** The boxes a person reads: what waits for their role in their agency (PPID Utama: escalations). */
export function boxesFor(actor: Principal): InboxEntry['box'][] {
  switch (actor.role) {
    case 'ppid_pelaksana':
      return [
        { kind: 'approval', agencyId: actor.agencyId },
        { kind: 'exclusion_returned', agencyId: actor.agencyId },
        // Information requests routed to the SKPD: its part of the answer.
        { kind: 'request_part', agencyId: actor.agencyId },
        // A granted objection ordered the SKPD to provide the information.
        { kind: 'objection_followup', agencyId: actor.agencyId },
        // SOP 004 step 3: the OPD's list waits for its delivery (the PPID Pendukung).
        { kind: 'documentation_delivery', agencyId: actor.agencyId },
      ];
    case 'petugas':
      // A request registered at the desk goes to PPID Utama's box, not back to the desk.
      return [{ kind: 'returned', agencyId: actor.agencyId }];
    case 'ppid_utama':
      return [
        { kind: 'escalated' },
        { kind: 'approval', agencyId: actor.agencyId },
        { kind: 'exclusion_decree' },
        { kind: 'exclusion_ended' },
        { kind: 'exclusion_returned', agencyId: actor.agencyId },
        // Information requests: new ones to route, answered ones whose delivery is to be recorded,
        // and the part of PPID Utama's own unit when a request is routed to it.
        { kind: 'request_new' },
        { kind: 'request_delivery' },
        { kind: 'request_part', agencyId: actor.agencyId },
        // Objections: PPID Utama follows them (the Atasan PPID decides) and provides what a granted one orders.
        { kind: 'objection' },
        { kind: 'objection_followup', agencyId: actor.agencyId },
        // Hearings of disputes at the Komisi Informasi and in court, until their result is recorded.
        { kind: 'dispute_hearing' },
        // SOP 004 steps 2 and 4: OPD lists to review and to check.
        { kind: 'documentation_utama' },
      ];
    case 'pejabat_pid':
      // SOP 004 steps 1 and 5: OPD lists to compile and send, and to upload to the website.
      return [{ kind: 'documentation_pejabat' }];
    case 'atasan_ppid':
      // SOP 002 step 2: exclusions wait for the Atasan PPID's Ya/Tidak. Information requests past
      // their statutory deadline are escalated to the Atasan too (only those: see `inbox`).
      // The Atasan PPID answers for the body in a dispute too: the hearings are in the inbox as well.
      // Objections wait for the Atasan PPID's written response (UU 14/2008 Pasal 36).
      return [{ kind: 'exclusion_decision' }, { kind: 'objection' }, { kind: 'escalated' }, { kind: 'dispute_hearing' }];
    default:
      return actsForWholeBody(actor) ? [{ kind: 'escalated' }] : [];
  }
}

export async function inbox(ctx: Context, actor: Principal) {
  const now = ctx.now.getTime();
  const entries = (await Promise.all(boxesFor(actor).map((b) => ctx.store.listInbox(b, { limit: 100 }))))
    .flatMap((p) => p.items)
    // The Atasan PPID answers for the statutory deadline of requests, not for the SOPs' internal ones.
    .filter((e) => actor.role !== 'atasan_ppid' || e.box.kind !== 'escalated' || e.entity === 'request' || e.entity === 'objection');
  return entries.map((e) => ({
    ...e,
    timeLeftSeconds: e.deadline ? Math.round((Date.parse(e.deadline.at) - now) / 1000) : undefined,
    overdue: e.deadline ? Date.parse(e.deadline.at) < now : false,
  }));
}
