/**
 * Tasks of statemachines/documentation.asl.json (SOP 004), one execution per OPD's lane. Each task
 * reads the lane from the table and finds its result already recorded when run again, so an
 * execution restarted from the start (the local host after a restart, a redrive) is safe:
 *
 *   PrepareWait ─▶ AwaitPerson (.waitForTaskToken, TimeoutSecondsPath: the step's deadline)
 *        ▲              │ moved / recompute            │ States.Timeout
 *        └──────────────┴──────── RemindAndEscalate ◀──┘
 *   PrepareWait says `publish` once the Pejabat PID uploaded ─▶ Publish ─▶ UpdateRegister
 */
import { createHash } from 'node:crypto';
import type { Principal } from '../access.ts';
import { getAgency, ppidUtamaOf } from '../agencies.ts';
import { agencyDeadline } from '../agency-deadline.ts';
import { SYSTEM_ACTOR } from '../audit.ts';
import type { DeadlineRule } from '../calendar.ts';
import { localDateOf } from '../calendar.ts';
import type { Item } from '../item-model.ts';
import { draftItem, itemCounter, publicationRules, publishedVersionOf, retryOnRace, secondsUntil, usersWithRole } from '../items.ts';
import { instantInWords, ruleInWords, staffLink, staffMail } from '../mail-text.ts';
import type { Context, Write } from '../ports.ts';
import { issueReport } from '../reports/archive.ts';
import { acceptedRows, documentationRules, dropInbox, laneAudit, laneEntry, loadLane, putInbox } from './cycle.ts';
import { DOC_STEP_ROLE, type DocCycle, type DocLane, type DocStep, type LaneWait } from './model.ts';

export interface LaneRef {
  cycleId: string;
  agencyId: string;
}

export interface StepWait {
  timeoutSeconds: number;
  deadline?: string;
  step?: DocStep;
  /** The wait's identity: a later wait (after a move) has another. */
  since?: string;
  /** Set when there is nothing to wait for: the workflow goes straight on. */
  outcome?: 'publish';
}

const saveLane = (ctx: Context, before: DocLane, after: DocLane, extra: Write[], action: string, detail: unknown) =>
  ctx.store.commit(
    [{ entity: 'docLane', value: { ...after, version: before.version + 1 }, expectedVersion: before.version }, ...extra],
    laneAudit(ctx, before, SYSTEM_ACTOR, action, { after: detail }),
  );

/** Task PrepareWait: the deadline of the step the lane waits at, computed once from the step's start; the hand-over mail. */
export function prepareWait(ctx: Context, input: LaneRef): Promise<StepWait> {
  return retryOnRace(async () => {
    let lane = await loadLane(ctx, input.cycleId, input.agencyId);
    if (lane.state !== 'waiting') return { timeoutSeconds: 1, outcome: 'publish' };
    if (lane.step >= 3) lane = await ensureItems(ctx, lane);
    const w = lane.wait ?? { step: lane.step, since: lane.updatedAt, reminders: 0 };
    if (w.deadline)
      return {
        timeoutSeconds: secondsUntil(w.escalatedAt ? (w.nextReminderAt ?? w.deadline.at) : w.deadline.at, ctx.now),
        deadline: w.deadline.at,
        step: w.step,
        since: w.since,
      };
    const rule = (await documentationRules(ctx))[w.step];
    const result = await agencyDeadline(ctx, lane.agencyId, new Date(w.since), rule);
    const deadline = { at: result.deadline, local: result.localDeadline, explanation: result.explanation, rule };
    const inbox = lane.inbox.map((e) => (e.box.kind === 'escalated' ? e : { ...e, deadline }));
    await saveLane(ctx, lane, { ...lane, wait: { ...w, deadline }, inbox }, putInbox(inbox), `documentation.step${w.step}_deadline`, deadline);
    await notifyHandOver(ctx, lane, { ...w, deadline });
    return { timeoutSeconds: secondsUntil(deadline.at, ctx.now), deadline: deadline.at, step: w.step, since: w.since };
  });
}

/** Task AwaitPerson (`.waitForTaskToken`): keeps the token on the lane, or completes it at once when the lane moved on. */
export function awaitPerson(ctx: Context, input: LaneRef & { since?: string; taskToken: string }): Promise<void> {
  return retryOnRace(async () => {
    const lane = await loadLane(ctx, input.cycleId, input.agencyId);
    if (lane.state !== 'waiting' || !lane.wait || lane.wait.since !== input.since) {
      await ctx.workflows!.complete(input.taskToken, { outcome: 'moved' });
      return;
    }
    await ctx.store.commit(
      [{ entity: 'docLane', value: { ...lane, wait: { ...lane.wait, taskToken: input.taskToken }, version: lane.version + 1 }, expectedVersion: lane.version }],
      laneAudit(ctx, lane, SYSTEM_ACTOR, `documentation.step${lane.step}_waiting`, { after: { deadline: lane.wait.deadline?.at } }),
    );
  });
}

/** Task RemindAndEscalate (after States.Timeout): mails the step's people and PPID Utama, escalates, waits again. */
export function remindAndEscalate(ctx: Context, input: LaneRef & { since?: string }): Promise<StepWait> {
  return retryOnRace(async () => {
    const lane = await loadLane(ctx, input.cycleId, input.agencyId);
    const w = lane.wait;
    if (lane.state !== 'waiting' || !w?.deadline || w.since !== input.since) return prepareWait(ctx, input);
    const rules = await publicationRules(ctx);
    const next = await agencyDeadline(ctx, lane.agencyId, ctx.now, rules.approvalReminder);
    const at = ctx.now.toISOString();
    const wait: LaneWait = { ...w, reminders: w.reminders + 1, escalatedAt: w.escalatedAt ?? at, nextReminderAt: next.deadline };
    const escalated = lane.inbox.find((e) => e.box.kind === 'escalated') ?? laneEntry(lane, { kind: 'escalated' }, at, { deadline: w.deadline });
    const inbox = [...lane.inbox.filter((e) => e.box.kind !== 'escalated'), escalated].map((e) => ({ ...e, reminders: wait.reminders }));
    await saveLane(ctx, lane, { ...lane, wait, inbox }, putInbox(inbox), `documentation.step${w.step}_escalated`, {
      reminder: wait.reminders,
      nextReminderAt: next.deadline,
    });
    await notifyOverdue(ctx, lane, wait);
    return { timeoutSeconds: secondsUntil(next.deadline, ctx.now), deadline: next.deadline, step: w.step, since: w.since };
  });
}

// ─── the OPD's draft items (step 3) ──────────────────────────────────────────────────────────────

/** A row's item id, the same every time (a UUID made from cycle, OPD and row): a rerun finds it. */
export function rowItemId(lane: Pick<DocLane, 'cycleId' | 'agencyId'>, rowId: string): string {
  const h = createHash('sha256').update(`documentation#${lane.cycleId}#${lane.agencyId}#${rowId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${'89ab'[Number.parseInt(h[16]!, 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Each accepted row gets a draft item of the OPD (numbered like any item), so the OPD uploads its
 * documents through the items' checked-upload path and completes its DIP columns in the item form.
 * The items' SOP 000 steps are not timed: SOP 004 times this path.
 */
async function ensureItems(ctx: Context, lane: DocLane): Promise<DocLane> {
  const missing = acceptedRows(lane).filter((r) => !r.itemId);
  if (!missing.length) return lane;
  const agency = await getAgency(ctx, lane.agencyId);
  const after = structuredClone(lane);
  for (const row of missing) {
    const itemId = rowItemId(lane, row.rowId);
    const item =
      (await ctx.store.getItem(itemId)) ??
      (await retryOnRace(async () => {
        const at = ctx.now.toISOString();
        const regYear = Number(localDateOf(ctx.now, agency.timezone).slice(0, 4));
        const counter = itemCounter(lane.agencyId, regYear);
        const previous = await ctx.store.getCounter(counter);
        const draft = draftItem({ itemId, agencyId: lane.agencyId, regYear, sequence: previous + 1, content: row.content, at, by: 'system' });
        draft.current.steps = [];
        draft.documentation = { cycleId: lane.cycleId, rowId: row.rowId };
        await ctx.store.commit(
          [
            { entity: 'counter', name: counter, from: previous, to: previous + 1 },
            { entity: 'item', value: draft, expectedVersion: null },
          ],
          laneAudit(ctx, lane, SYSTEM_ACTOR, 'documentation.item_create', { after: { itemId, number: draft.number, row: row.rowId } }),
        );
        return draft;
      }, 100));
    const target = after.rows.find((r) => r.rowId === row.rowId)!;
    target.itemId = item.itemId;
    target.itemNumber = item.number;
  }
  after.updatedAt = ctx.now.toISOString();
  after.version = lane.version + 1;
  await ctx.store.commit(
    [{ entity: 'docLane', value: after, expectedVersion: lane.version }],
    laneAudit(ctx, lane, SYSTEM_ACTOR, 'documentation.items_ready', { after: { items: missing.length } }),
  );
  return after;
}

// ─── step 5: the website ─────────────────────────────────────────────────────────────────────────

/**
 * Task Publish: every accepted row's item becomes a published DIP item of the OPD through SOP 000's
 * publication records (the published version, its history, the register event); PPID Utama's
 * review in step 2 stands for the approval. One transaction per item; an item already published is
 * left as it is, so a rerun publishes nothing twice. The lane is marked published last.
 */
export function publish(ctx: Context, input: LaneRef): Promise<{ published: number }> {
  return retryOnRace(async () => {
    const lane = await loadLane(ctx, input.cycleId, input.agencyId);
    if (lane.state === 'published') {
      // A rerun after the lane was published: the cycle may still have to close.
      await closeWhenDone(ctx, lane.cycleId);
      return { published: lane.rows.filter((r) => r.publishedAt).length };
    }
    if (lane.state !== 'uploaded') return { published: 0 };
    const after = structuredClone(lane);
    const at = ctx.now.toISOString();
    for (const row of acceptedRows(after)) {
      if (!row.itemId) continue;
      const item = await ctx.store.getItem(row.itemId);
      if (!item) continue;
      if (item.publication !== 'published') await publishItem(ctx, lane, item, row.review!, at);
      row.publishedAt ??= at;
    }
    after.state = 'published';
    after.publishedAt = at;
    after.updatedAt = at;
    after.version = lane.version + 1;
    await ctx.store.commit(
      [{ entity: 'docLane', value: after, expectedVersion: lane.version }, ...dropInbox(lane.inbox)],
      laneAudit(ctx, lane, SYSTEM_ACTOR, 'documentation.published', { after: { items: after.rows.filter((r) => r.publishedAt).map((r) => r.itemNumber) } }),
    );
    await closeWhenDone(ctx, lane.cycleId);
    return { published: after.rows.filter((r) => r.publishedAt).length };
  });
}

/**
 * The cycle closes when every OPD's list is on the website (under its version: once), and its
 * closing summary (on time, late, missing; each step against its Mutu Baku) is issued into the report
 * archive as a signed PDF with its CSV, XLSX and JSON (reports/archive.ts, kind `documentation_cycle`).
 * The summary's id is the cycle's, and it is written with the cycle's `summary` in one transaction,
 * so a rerun after a crash between the two issues it once.
 */
async function closeWhenDone(ctx: Context, cycleId: string): Promise<void> {
  let cycle = await ctx.store.getDocCycle(cycleId);
  if (!cycle) return;
  if (cycle.state === 'open') {
    const lanes = await ctx.store.listDocLanes(cycleId);
    if (lanes.some((l) => l.state !== 'published')) return;
    const at = ctx.now.toISOString();
    const closed: DocCycle = { ...cycle, state: 'closed', closedAt: at, updatedAt: at, version: cycle.version + 1 };
    await ctx.store.commit([{ entity: 'docCycle', value: closed, expectedVersion: cycle.version }], {
      ...laneAudit(ctx, { cycleId, agencyId: lanes[0]?.agencyId ?? '-' }, SYSTEM_ACTOR, 'documentation.cycle_closed', {
        after: { lanes: lanes.length, returns: lanes.reduce((n, l) => n + l.returns, 0) },
      }),
      entity: { type: 'documentation_cycle', id: cycleId },
    });
    cycle = closed;
  }
  if (cycle.state === 'closed' && !cycle.summary) await issueSummary(ctx, cycle);
}

/** The archived report id of a cycle's closing summary. */
export const summaryReportId = (cycleId: string) => `documentation-${cycleId}`;

async function issueSummary(ctx: Context, cycle: DocCycle): Promise<void> {
  const zone = ppidUtamaOf(await ctx.store.listAgencies())?.timezone ?? 'Asia/Jakarta';
  const closedAt = cycle.closedAt ?? ctx.now.toISOString();
  const spec = {
    kind: 'documentation_cycle' as const,
    from: localDateOf(new Date(cycle.openedAt), zone),
    to: localDateOf(new Date(closedAt), zone),
    cycleId: cycle.cycleId,
  };
  await issueReport(ctx, SYSTEM_ACTOR, spec, {
    reportId: summaryReportId(cycle.cycleId),
    source: 'documentation',
    alsoWrite: (report) => ({
      writes: [
        {
          entity: 'docCycle',
          value: { ...cycle, summary: { reportId: report.reportId, number: report.number }, updatedAt: report.issuedAt, version: cycle.version + 1 },
          expectedVersion: cycle.version,
        },
      ],
      audit: [],
    }),
  });
}

async function publishItem(ctx: Context, lane: DocLane, item: Item, review: NonNullable<DocLane['rows'][number]['review']>, at: string): Promise<void> {
  const current = structuredClone(item.current);
  current.state = 'published';
  current.decision = { decision: 'approve', by: review.by, role: 'ppid_utama', at: review.at };
  const version = publishedVersionOf(item, current, at);
  const after: Item = {
    ...item,
    current,
    status: 'published',
    publication: 'published',
    published: { versionNo: current.versionNo, publishedAt: at, category: current.content.category },
    publications: version.history,
    inbox: [],
    updatedAt: at,
    version: item.version + 1,
  };
  await ctx.store.commit(
    [
      { entity: 'item', value: after, expectedVersion: item.version },
      ...dropInbox(item.inbox),
      { entity: 'published', value: version },
      { entity: 'publicationHistory', value: version },
      {
        entity: 'registerEvent',
        value: { eventId: crypto.randomUUID(), at, type: 'published', itemId: item.itemId, agencyId: item.agencyId, versionNo: current.versionNo },
      },
    ],
    [
      laneAudit(ctx, lane, SYSTEM_ACTOR, 'documentation.item_publish', { after: { itemId: item.itemId, number: item.number } }),
      {
        ...laneAudit(ctx, lane, SYSTEM_ACTOR, 'item.publish', {
          before: { publication: item.publication },
          after: { publication: 'published', versionNo: current.versionNo, sop: '004' },
        }),
        entity: { type: 'item', id: item.itemId },
      },
    ],
  );
}

// ─── the holiday calendar changed ────────────────────────────────────────────────────────────────

/** A lane's open deadline recomputed from its step's start; the waiting execution is woken to wait for the new one. */
export async function recomputeLane(ctx: Context, actor: Principal, lane: DocLane): Promise<boolean> {
  const w = lane.wait;
  if (lane.state !== 'waiting' || !w?.deadline) return false;
  const result = await agencyDeadline(ctx, lane.agencyId, new Date(w.since), w.deadline.rule as DeadlineRule);
  if (result.deadline === w.deadline.at) return false;
  const deadline = { ...w.deadline, at: result.deadline, local: result.localDeadline, explanation: result.explanation };
  const inbox = lane.inbox.map((e) => (e.deadline ? { ...e, deadline } : e));
  const wait: LaneWait = { ...w, deadline };
  // A deadline moved past now is no longer overdue: the escalation waits for the new one.
  if (w.escalatedAt && deadline.at > ctx.now.toISOString()) {
    delete wait.escalatedAt;
    delete wait.nextReminderAt;
  }
  await ctx.store.commit(
    [{ entity: 'docLane', value: { ...lane, wait, inbox, version: lane.version + 1 }, expectedVersion: lane.version }, ...putInbox(inbox)],
    laneAudit(ctx, lane, actor, 'documentation.deadline_recomputed', {
      before: { deadline: w.deadline.local },
      after: { deadline: deadline.local },
      reason: 'Kalender hari libur diubah / holiday calendar changed',
    }),
  );
  if (w.taskToken) await ctx.workflows?.complete(w.taskToken, { outcome: 'recompute' });
  return true;
}

// ─── mail ────────────────────────────────────────────────────────────────────────────────────────

const STEP_WHAT: Record<DocStep, { id: string; en: string }> = {
  1: {
    id: 'menyusun daftar data dan informasi OPD dan menyampaikannya kepada PPID Utama',
    en: 'compile the OPD’s list of data and information and send it to PPID Utama',
  },
  2: {
    id: 'menelaah dan mengoreksi daftar, lalu menyampaikannya kepada PPID Pendukung OPD',
    en: 'review and correct the list, then send it to the OPD’s PPID Pendukung',
  },
  3: { id: 'menyampaikan data dan informasi dalam daftar (dokumen dan kolom DIP)', en: 'deliver the data and information listed (documents and DIP columns)' },
  4: { id: 'memeriksa kiriman OPD dan menyampaikannya kepada Pejabat PID', en: 'check the OPD’s delivery and pass it to the Pejabat PID' },
  5: { id: 'mengunggah data dan informasi ke website PPID', en: 'upload the data and information to the PPID website' },
};

async function recipients(ctx: Context, lane: DocLane, step: DocStep): Promise<string[]> {
  const role = DOC_STEP_ROLE[step];
  const users = await usersWithRole(ctx, step === 3 ? lane.agencyId : undefined, role);
  return [...new Set(users.map((u) => u.email))];
}

const laneLink = (lane: DocLane) => staffLink(`documentation/${lane.cycleId}/${lane.agencyId}`);

async function notifyHandOver(ctx: Context, lane: DocLane, w: LaneWait): Promise<void> {
  const to = await recipients(ctx, lane, w.step);
  if (!to.length || !ctx.mailer) return;
  const agency = await getAgency(ctx, lane.agencyId);
  const deadline = instantInWords(w.deadline?.at, agency.timezone);
  const rule = ruleInWords(w.deadline?.rule);
  const back = lane.handOvers.at(-1);
  const returned = back?.kind === 'return' && back.to === w.step;
  await ctx.mailer.send({
    to,
    ...staffMail({
      subject: {
        id: `${returned ? 'Dikembalikan' : 'Tugas'} SOP 004 langkah ${w.step}: ${lane.cycleName}, ${agency.name}`,
        en: `SOP 004 step ${w.step} ${returned ? 'returned' : 'task'}: ${lane.cycleName}, ${agency.name}`,
      },
      id: [
        `Siklus pendokumentasian "${lane.cycleName}" (${lane.period}), OPD ${agency.name}: mohon ${STEP_WHAT[w.step].id}.`,
        ...(returned && back?.note ? [`Daftar dikembalikan dengan catatan: ${back.note}`] : []),
        `Tenggat: ${deadline.id} (Mutu Baku ${rule.id}).`,
      ],
      en: [
        `Documentation cycle "${lane.cycleName}" (${lane.period}), OPD ${agency.name}: please ${STEP_WHAT[w.step].en}.`,
        ...(returned && back?.note ? [`The list was sent back with a note: ${back.note}`] : []),
        `Deadline: ${deadline.en} (time standard ${rule.en}).`,
      ],
      link: laneLink(lane),
    }),
    idempotencyKey: `documentation-handover-${lane.cycleId}-${lane.agencyId}-${Date.parse(w.since)}-s${w.step}`,
  });
}

async function notifyOverdue(ctx: Context, lane: DocLane, w: LaneWait): Promise<void> {
  const to = [...new Set([...(await recipients(ctx, lane, w.step)), ...(await usersWithRole(ctx, undefined, 'ppid_utama')).map((u) => u.email)])];
  if (!to.length || !ctx.mailer) return;
  const agency = await getAgency(ctx, lane.agencyId);
  const deadline = instantInWords(w.deadline?.at, agency.timezone);
  const since = instantInWords(w.since, agency.timezone);
  await ctx.mailer.send({
    to,
    ...staffMail({
      subject: {
        id: `Pengingat ${w.reminders}: SOP 004 langkah ${w.step} melewati tenggat (${lane.cycleName}, ${agency.name})`,
        en: `Reminder ${w.reminders}: SOP 004 step ${w.step} is overdue (${lane.cycleName}, ${agency.name})`,
      },
      id: [
        `Daftar data dan informasi OPD ${agency.name} dalam siklus "${lane.cycleName}" menunggu sejak ${since.id}: ${STEP_WHAT[w.step].id}.`,
        `Tenggatnya ${deadline.id}. Hal ini juga disampaikan kepada PPID Utama.`,
      ],
      en: [
        `The list of OPD ${agency.name} in the cycle "${lane.cycleName}" has waited since ${since.en}: ${STEP_WHAT[w.step].en}.`,
        `Its deadline was ${deadline.en}. PPID Utama has been told too.`,
      ],
      link: laneLink(lane),
    }),
    idempotencyKey: `documentation-reminder-${lane.cycleId}-${lane.agencyId}-${Date.parse(w.since)}-s${w.step}-${w.reminders}`,
  });
}
