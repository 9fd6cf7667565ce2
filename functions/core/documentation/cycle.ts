/**
 * SOP 004 use cases (see model.ts for the steps): opening a cycle, the board, and each role's action
 * on an OPD's list. As in SOP 000 and SOP 002 the table is the truth: an action is recorded once,
 * under the lane's version condition and for the step the person saw, and only then handed to the
 * waiting execution (statemachines/documentation.asl.json, tasks in workflow.ts).
 */
import type { Principal } from '../access.ts';
import { assertRole } from '../access.ts';
import { agencyDeadline } from '../agency-deadline.ts';
import { type AuditEvent, auditEvent, type SYSTEM_ACTOR } from '../audit.ts';
import type { DeadlineRule } from '../calendar.ts';
import { conflict, DomainError, forbidden, notFound } from '../errors.ts';
import type { InboxEntry, Item, ItemContent, StepRecord, StepTiming } from '../item-model.ts';
import { publicationRules, retryOnRace } from '../items.ts';
import { message } from '../messages.ts';
import type { Context, Write } from '../ports.ts';
import { SOP_004 } from '../sop.ts';
import { ImportFileError, parseSpreadsheet, validateRows } from './import.ts';
import {
  type CycleInput,
  DOC_STEP_NAMES,
  DOC_STEP_ROLE,
  type DocCycle,
  type DocLane,
  type DocRow,
  type DocStep,
  type HandOver,
  MAX_LIST_ROWS,
  type RowReview,
} from './model.ts';

export const DOCUMENTATION_WORKFLOW = 'Documentation';

/** The settings key (`settings/rules`, the rules page) of each step's deadline rule. */
export const DOC_RULE_KEYS = {
  1: 'documentationList',
  2: 'documentationReview',
  3: 'documentationDelivery',
  4: 'documentationCheck',
  5: 'documentationUpload',
} as const satisfies Record<DocStep, string>;

/**
 * The rules the deadlines are computed with: the SOP's Mutu Baku unless the admin set others on the
 * rules page (settings `rules`, beside the standard; a departure is warned about and audited).
 */
export async function documentationRules(ctx: Context): Promise<Record<DocStep, DeadlineRule>> {
  const rules = await publicationRules(ctx);
  const rule = (step: DocStep) => (rules[DOC_RULE_KEYS[step]] as DeadlineRule | undefined) ?? SOP_004[DOC_STEP_NAMES[step]].standard;
  return { 1: rule(1), 2: rule(2), 3: rule(3), 4: rule(4), 5: rule(5) };
}

/** Who may read cycles and their boards: the body-wide roles; a PPID Pelaksana reads its own OPD's lane. */
const BODY_READERS = ['admin', 'ppid_utama', 'pejabat_pid', 'atasan_ppid'] as const;

export const laneKey = (lane: Pick<DocLane, 'cycleId' | 'agencyId'>) => `${lane.cycleId}#${lane.agencyId}`;
export const laneExecutionName = (cycleId: string, agencyId: string) => `documentation-${cycleId}-${agencyId}`;

// ─── reading ─────────────────────────────────────────────────────────────────────────────────────

export async function loadCycle(ctx: Context, cycleId: string): Promise<DocCycle> {
  return (await ctx.store.getDocCycle(cycleId)) ?? notFound('doc_cycle_not_found', { cycleId });
}

export async function loadLane(ctx: Context, cycleId: string, agencyId: string): Promise<DocLane> {
  return (await ctx.store.getDocLane(cycleId, agencyId)) ?? notFound('doc_lane_not_found', { cycleId, agencyId });
}

const bodyReader = (actor: Principal) => (BODY_READERS as readonly string[]).includes(actor.role);

export async function listCycles(ctx: Context, actor: Principal, q: { cursor?: string; limit: number }) {
  if (!bodyReader(actor) && actor.role !== 'ppid_pelaksana') forbidden('forbidden_role');
  const page = await ctx.store.listDocCycles(q);
  return bodyReader(actor) ? page : { ...page, items: page.items.filter((c) => c.agencyIds.includes(actor.agencyId)) };
}

/** The board: the cycle and its lanes (a PPID Pelaksana sees only its own OPD's). */
export async function getBoard(ctx: Context, actor: Principal, cycleId: string): Promise<{ cycle: DocCycle; lanes: DocLane[] }> {
  const cycle = await loadCycle(ctx, cycleId);
  if (!bodyReader(actor)) {
    if (actor.role !== 'ppid_pelaksana' || !cycle.agencyIds.includes(actor.agencyId)) forbidden('forbidden_agency');
  }
  const all = await ctx.store.listDocLanes(cycleId);
  const lanes = bodyReader(actor) ? all : all.filter((l) => l.agencyId === actor.agencyId);
  await ensureExecutions(ctx, lanes);
  return { cycle, lanes };
}

/**
 * Opening a cycle writes its lanes and then starts their executions: a crash between the two (the
 * host killed, a Lambda timing out) leaves lanes waiting with no execution. Reading the board heals
 * them: a waiting lane with no task token (no execution waits on it now) has its execution started
 * under its own name. Starting is idempotent (a running or finished execution of that name stays as
 * it is), so a lane merely between two states costs one refused start.
 */
export async function ensureExecutions(ctx: Context, lanes: readonly DocLane[]): Promise<number> {
  if (!ctx.workflows) return 0;
  const stalled = lanes.filter((l) => l.state === 'waiting' && !l.wait?.taskToken && l.executionName);
  for (const l of stalled) await ctx.workflows.start(DOCUMENTATION_WORKFLOW, l.executionName!, { cycleId: l.cycleId, agencyId: l.agencyId });
  return stalled.length;
}

export async function getLane(ctx: Context, actor: Principal, cycleId: string, agencyId: string): Promise<DocLane> {
  if (!bodyReader(actor) && actor.agencyId !== agencyId) forbidden('forbidden_agency');
  return loadLane(ctx, cycleId, agencyId);
}

// ─── timing and inboxes ──────────────────────────────────────────────────────────────────────────

const stepKey = (step: DocStep) => DOC_STEP_NAMES[step];

export function startStep(step: DocStep, at: string): StepTiming {
  return { step: stepKey(step), sopStep: step, startedAt: at, standardText: SOP_004[stepKey(step)].standardText };
}

/**
 * Ends the running timing of the lane's step. The standards are working days, so the step is within
 * its Mutu Baku when it ended by its deadline from the agency calendar (`nominalSeconds` has no figure
 * for working days). The record's `versionNo` is the how-many-th time this step ran (after returns).
 */
export function endStep(lane: DocLane, at: string, by: string): Write[] {
  const running = lane.steps.find((s) => s.step === stepKey(lane.step) && !s.endedAt);
  if (!running) return [];
  running.endedAt = at;
  running.by = by;
  running.seconds = Math.max(0, Math.round((Date.parse(at) - Date.parse(running.startedAt)) / 1000));
  const deadline = lane.wait?.step === lane.step ? lane.wait.deadline?.at : undefined;
  if (deadline) {
    running.deadline = deadline;
    running.withinStandard = Date.parse(at) <= Date.parse(deadline);
  }
  const attempt = lane.steps.filter((s) => s.step === running.step).length;
  const { deadline: _d, ...timing } = running;
  const record: StepRecord = { ...timing, sop: '004', itemId: laneKey(lane), agencyId: lane.agencyId, versionNo: attempt };
  return [{ entity: 'stepRecord', value: record }];
}

/** The box where a step waits: the Pejabat PID's (1, 5), PPID Utama's (2, 4), the OPD's PPID Pendukung (3). */
export function boxOf(step: DocStep, agencyId: string): InboxEntry['box'] {
  if (step === 1 || step === 5) return { kind: 'documentation_pejabat' };
  if (step === 2 || step === 4) return { kind: 'documentation_utama' };
  return { kind: 'documentation_delivery', agencyId };
}

export function laneEntry(lane: DocLane, box: InboxEntry['box'], since: string, extra: Partial<InboxEntry> = {}): InboxEntry {
  return {
    box,
    entity: 'documentation',
    itemId: laneKey(lane),
    agencyId: lane.agencyId,
    number: `SOP 004 · ${lane.period}`,
    title: `${lane.cycleName}: langkah ${lane.step} / step ${lane.step}`,
    versionNo: lane.steps.length,
    since,
    ...extra,
  };
}

export const dropInbox = (entries: InboxEntry[]): Write[] => entries.map((e) => ({ entity: 'inbox', delete: e }));
export const putInbox = (entries: InboxEntry[]): Write[] => entries.map((e) => ({ entity: 'inbox', value: e }));

export function laneAudit(
  ctx: Context,
  lane: Pick<DocLane, 'cycleId' | 'agencyId'>,
  actor: Principal | typeof SYSTEM_ACTOR,
  action: string,
  detail: { before?: unknown; after?: unknown; reason?: string },
): AuditEvent {
  return auditEvent({
    actor,
    action,
    entity: { type: 'documentation', id: laneKey(lane) },
    agencyId: lane.agencyId,
    ...detail,
    requestId: ctx.requestId,
    now: ctx.now,
  });
}

// ─── opening a cycle ─────────────────────────────────────────────────────────────────────────────

/** A new lane waiting at step 1 for the Pejabat PID. */
function newLane(cycle: DocCycle, agencyId: string, at: string): DocLane {
  const lane: DocLane = {
    cycleId: cycle.cycleId,
    agencyId,
    cycleName: cycle.name,
    period: cycle.period,
    state: 'waiting',
    step: 1,
    rows: [],
    wait: { step: 1, since: at, reminders: 0 },
    returns: 0,
    returnsFrom: {},
    handOvers: [],
    steps: [startStep(1, at)],
    inbox: [],
    executionName: laneExecutionName(cycle.cycleId, agencyId),
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  lane.inbox = [laneEntry(lane, boxOf(1, agencyId), at)];
  return lane;
}

/**
 * The Pejabat PID opens a cycle: one lane per OPD (every SKPD when none is named), each waiting at
 * step 1, and one execution per lane. `opts.cycleId` (never from a client) gives a known id.
 */
export async function openCycle(
  ctx: Context,
  actor: Principal,
  input: CycleInput,
  opts: { cycleId?: string } = {},
): Promise<{ cycle: DocCycle; lanes: DocLane[] }> {
  assertRole(actor, ['pejabat_pid']);
  const agencies = await ctx.store.listAgencies();
  const skpd = agencies.filter((a) => a.kind === 'skpd');
  const agencyIds = input.agencyIds ?? skpd.map((a) => a.id);
  const unknown = agencyIds.filter((id) => !skpd.some((a) => a.id === id));
  if (unknown.length) invalid('agencyIds', 'doc_cycle_unknown_opd', { agencies: unknown.join(', ') });
  if (!agencyIds.length) invalid('agencyIds', 'doc_cycle_no_opd');
  const at = ctx.now.toISOString();
  const cycle: DocCycle = {
    cycleId: opts.cycleId ?? crypto.randomUUID(),
    name: input.name,
    period: input.period,
    agencyIds,
    state: 'open',
    openedBy: actor.username,
    openedAt: at,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const lanes = agencyIds.map((id) => newLane(cycle, id, at));
  await ctx.store.commit(
    [{ entity: 'docCycle', value: cycle, expectedVersion: null }],
    auditEvent({
      actor,
      action: 'documentation.cycle_open',
      entity: { type: 'documentation_cycle', id: cycle.cycleId },
      agencyId: actor.agencyId,
      after: { name: cycle.name, period: cycle.period, agencyIds },
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  // A transaction holds at most 100 records: one lane and its inbox entry are two.
  for (let i = 0; i < lanes.length; i += 40) {
    const chunk = lanes.slice(i, i + 40);
    await ctx.store.commit(
      chunk.flatMap((l): Write[] => [{ entity: 'docLane', value: l, expectedVersion: null }, ...putInbox(l.inbox)]),
      chunk.map((l) => laneAudit(ctx, l, actor, 'documentation.lane_open', { after: { cycle: cycle.name, step: 1 } })),
    );
  }
  for (const l of lanes) await ctx.workflows!.start(DOCUMENTATION_WORKFLOW, l.executionName!, { cycleId: l.cycleId, agencyId: l.agencyId });
  return { cycle, lanes };
}

// ─── acting on a lane ────────────────────────────────────────────────────────────────────────────

function invalid(path: string, key: Parameters<typeof message>[0], vars: Record<string, string | number> = {}): never {
  throw new DomainError('validation', message('validation_failed'), [{ path, message: message(key, vars) }]);
}

export type LaneAction =
  | { step: 1; action: 'send'; version: number; rows?: ItemContent[]; spreadsheet?: { fileName: string; bytes: Uint8Array } }
  | { step: 2; action: 'send'; version: number; reviews: RowReview[] }
  | { step: 3; action: 'deliver'; version: number }
  | { step: 4; action: 'pass'; version: number }
  | { step: 5; action: 'upload'; version: number }
  | { step: 2 | 3 | 4 | 5; action: 'return'; version: number; note: string };

/** One action on an OPD's list, for the step the person saw; recorded exactly once. */
export async function act(ctx: Context, actor: Principal, cycleId: string, agencyId: string, input: LaneAction): Promise<DocLane> {
  // The list is read (and a spreadsheet parsed) once; only the recording is retried on a race.
  const rows = input.step === 1 && input.action === 'send' ? await listRows(input) : undefined;
  return retryOnRace(() => actOnce(ctx, actor, cycleId, agencyId, input, rows));
}

/** The rows of step 1: from the form, or from a spreadsheet through the import's parser and schema. */
async function listRows(input: Extract<LaneAction, { step: 1 }>): Promise<DocRow[] | undefined> {
  if (input.spreadsheet) {
    let parsed: Awaited<ReturnType<typeof parseSpreadsheet>>;
    try {
      parsed = await parseSpreadsheet(input.spreadsheet.bytes, input.spreadsheet.fileName);
    } catch (e) {
      if (e instanceof ImportFileError) throw new DomainError('validation', e.text, [{ path: 'spreadsheet', message: e.text }]);
      throw e;
    }
    const { good, bad } = validateRows(parsed);
    if (bad.length)
      throw new DomainError(
        'validation',
        message('doc_list_bad_rows', { count: bad.length }),
        bad.map((b) => ({
          path: `spreadsheet.line${b.line}.${b.field}`,
          message: { id: `Baris ${b.line}, ${b.header}: ${b.message.id}`, en: `Line ${b.line}, ${b.header}: ${b.message.en}` },
        })),
      );
    return good.map((g, i) => ({ rowId: `r${i + 1}`, line: g.line, content: g.content }));
  }
  return input.rows?.map((content, i) => ({ rowId: `r${i + 1}`, content }));
}

async function actOnce(ctx: Context, actor: Principal, cycleId: string, agencyId: string, input: LaneAction, listed: DocRow[] | undefined): Promise<DocLane> {
  assertRole(actor, [DOC_STEP_ROLE[input.step]]);
  if (input.step === 3 && actor.agencyId !== agencyId) forbidden('forbidden_agency');
  const before = await loadLane(ctx, cycleId, agencyId);
  if (before.state !== 'waiting' || before.step !== input.step)
    conflict('doc_lane_not_at_step', { step: input.step, actual: before.state === 'waiting' ? before.step : before.state });
  if (before.version !== input.version) conflict('stale_version', { expected: input.version, actual: before.version });
  const after: DocLane = structuredClone(before);
  const at = ctx.now.toISOString();
  let to: DocStep | 'uploaded';
  let note: string | undefined;
  if (input.action === 'return') {
    note = input.note.trim();
    if (!note) invalid('note', 'doc_return_needs_note');
    to = (input.step - 1) as DocStep;
  } else {
    to = input.step === 5 ? 'uploaded' : ((input.step + 1) as DocStep);
    if (input.step === 1) {
      const rows = listed ?? (before.rows.length ? before.rows : undefined);
      if (!rows?.length) invalid('rows', 'doc_list_empty');
      if (rows.length > MAX_LIST_ROWS) invalid('rows', 'doc_list_too_long', { max: MAX_LIST_ROWS, count: rows.length });
      // A list sent again after a return is reviewed afresh.
      after.rows = rows.map(({ review: _r, ...r }) => r);
    } else if (input.step === 2) {
      after.rows = reviewed(after.rows, input.reviews, actor, at);
    } else if (input.step === 3) {
      await checkDelivery(ctx, after);
    }
  }
  // Acted before the workflow computed the deadline: the step is judged against the deadline it would have had.
  if (after.wait && !after.wait.deadline) {
    const rule = (await documentationRules(ctx))[after.wait.step];
    const d = await agencyDeadline(ctx, agencyId, new Date(after.wait.since), rule);
    after.wait.deadline = { at: d.deadline, local: d.localDeadline, explanation: d.explanation, rule };
  }
  const stepWrites = endStep(after, at, actor.username);
  const handOver: HandOver = {
    from: input.step,
    to: to === 'uploaded' ? 'published' : to,
    kind: input.action === 'return' ? 'return' : 'forward',
    by: actor.username,
    role: actor.role,
    at,
    ...(note ? { note } : {}),
  };
  after.handOvers.push(handOver);
  if (input.action === 'return') {
    after.returns += 1;
    after.returnsFrom[input.step] = (after.returnsFrom[input.step] ?? 0) + 1;
  }
  if (to === 'uploaded') {
    after.state = 'uploaded';
    delete after.wait;
    after.inbox = [];
  } else {
    after.step = to;
    // The step it goes to (forward, or back after a return) starts its clock afresh.
    after.wait = { step: to, since: at, reminders: 0 };
    after.steps.push(startStep(to, at));
    after.inbox = [laneEntry(after, boxOf(to, agencyId), at, note ? { reason: note } : {})];
  }
  after.updatedAt = at;
  after.version = before.version + 1;
  await ctx.store.commit(
    [{ entity: 'docLane', value: after, expectedVersion: before.version }, ...dropInbox(before.inbox), ...putInbox(after.inbox), ...stepWrites],
    laneAudit(ctx, after, actor, `documentation.step${input.step}_${input.action}`, {
      before: { step: before.step, version: before.version },
      after: { step: after.state === 'waiting' ? after.step : after.state, rows: after.rows.length },
      ...(note ? { reason: note } : {}),
    }),
  );
  const token = before.wait?.taskToken;
  if (token) await ctx.workflows!.complete(token, { outcome: 'moved' });
  return after;
}

/** Step 2: every row reviewed once; a correction carries the corrected columns, a rejection its note. */
function reviewed(rows: DocRow[], reviews: RowReview[], actor: Principal, at: string): DocRow[] {
  const byId = new Map<string, RowReview>();
  for (const r of reviews) {
    if (byId.has(r.rowId)) invalid(`reviews.${r.rowId}`, 'doc_review_twice', { row: r.rowId });
    if (!rows.some((x) => x.rowId === r.rowId)) invalid(`reviews.${r.rowId}`, 'doc_review_unknown_row', { row: r.rowId });
    byId.set(r.rowId, r);
  }
  return rows.map((row) => {
    const r = byId.get(row.rowId) ?? invalid(`reviews.${row.rowId}`, 'doc_review_missing', { row: row.rowId, title: row.content.title });
    const note = r.note?.trim();
    if (r.decision === 'reject' && !note) invalid(`reviews.${row.rowId}.note`, 'doc_reject_needs_note', { row: row.rowId });
    if (r.decision === 'correct' && !r.content) invalid(`reviews.${row.rowId}.content`, 'doc_correct_needs_content', { row: row.rowId });
    return {
      ...row,
      ...(r.decision === 'correct' && r.content ? { content: r.content } : {}),
      review: { decision: r.decision, by: actor.username, at, ...(note ? { note } : {}) },
    };
  });
}

/** The rows PPID Utama accepted (as they were or corrected): the ones the OPD delivers and the website gets. */
export const acceptedRows = (lane: DocLane) => lane.rows.filter((r) => r.review && r.review.decision !== 'reject');

/**
 * Step 3: each accepted row's item holds its checked documents (a softcopy needs one) and its DIP
 * columns; the rows take the columns as the OPD completed them.
 */
async function checkDelivery(ctx: Context, lane: DocLane): Promise<void> {
  const rows = acceptedRows(lane);
  const items = new Map((await ctx.store.getItems(rows.flatMap((r) => (r.itemId ? [r.itemId] : [])))).map((i) => [i.itemId, i]));
  const problems: { path: string; message: ReturnType<typeof message> }[] = [];
  for (const row of rows) {
    const item: Item | undefined = row.itemId ? items.get(row.itemId) : undefined;
    if (!item) {
      problems.push({ path: `rows.${row.rowId}`, message: message('doc_row_not_ready', { title: row.content.title }) });
      continue;
    }
    const docs = item.current.documents;
    if (docs.some((d) => d.status !== 'verified')) problems.push({ path: `rows.${row.rowId}.documents`, message: message('documents_unverified') });
    else if (item.current.content.formats.includes('softcopy') && !docs.length)
      problems.push({ path: `rows.${row.rowId}.documents`, message: message('doc_row_needs_document', { title: item.current.content.title }) });
    row.content = item.current.content;
  }
  if (problems.length) throw new DomainError('validation', message('doc_delivery_incomplete', { count: problems.length }), problems);
}
