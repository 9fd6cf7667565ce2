/**
 * "The holiday calendar is data that an admin maintains; changing it must recompute every open
 * deadline, with an audit entry" (DOMAIN.md). Open deadlines today: approvals waiting in the
 * publication workflow (SOP 000 step 3), and exclusions waiting for the Atasan PPID or for PPID
 * Utama's decree (SOP 002 steps 2–3), and OPD lists waiting at a step of SOP 004. Each one is recomputed from its own start and rule; where it
 * moved, the record and its inbox entries are updated (audited), and the waiting execution is woken
 * with `recompute` so that it waits again until the new deadline.
 */
import type { Principal } from './access.ts';
import { agencyDeadline } from './agency-deadline.ts';
import { auditEvent } from './audit.ts';
import type { DeadlineRule } from './calendar.ts';
import { recomputeLane } from './documentation/workflow.ts';
import type { Exclusion } from './exclusion-model.ts';
import type { Item } from './item-model.ts';
import { saveWaiting } from './items.ts';
import type { Objection } from './objections/model.ts';
import { RESPONSE_REMINDER } from './objections/objections.ts';
import type { Context, Write } from './ports.ts';
import type { Request } from './requests/model.ts';
import { wake } from './requests/requests.ts';

export async function recomputeOpenDeadlines(ctx: Context, actor: Principal): Promise<{ checked: number; moved: number }> {
  let checked = 0;
  let moved = 0;
  let cursor: string | undefined;
  do {
    const page = await ctx.store.listItems({ status: 'submitted', cursor, limit: 100 });
    for (const item of page.items) {
      checked++;
      if (await recomputeOne(ctx, actor, item)) moved++;
    }
    cursor = page.nextCursor;
  } while (cursor);
  for (const state of ['proposed', 'approved'] as const) {
    do {
      const page = await ctx.store.listExclusions({ state, cursor, limit: 100 });
      for (const ex of page.items) {
        checked++;
        if (await recomputeExclusion(ctx, actor, ex)) moved++;
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  for (const year of [ctx.now.getUTCFullYear() - 1, ctx.now.getUTCFullYear()]) {
    do {
      const page = await ctx.store.listRequests({ year, cursor, limit: 100 });
      for (const r of page.items) {
        if (r.notice || r.closed) continue;
        checked++;
        if (await recomputeRequest(ctx, actor, r)) moved++;
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  for (const year of [ctx.now.getUTCFullYear() - 1, ctx.now.getUTCFullYear()]) {
    do {
      const page = await ctx.store.listObjections({ year, cursor, limit: 100 });
      for (const o of page.items) {
        if (o.response) continue;
        checked++;
        if (await recomputeObjection(ctx, actor, o)) moved++;
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  // SOP 004: the OPD lists waiting at a step (a sparse index holds only those).
  for (const lane of await ctx.store.listWaitingDocLanes()) {
    checked++;
    if (await recomputeLane(ctx, actor, lane)) moved++;
  }
  return { checked, moved };
}

/** An objection's response deadline (30 working days from receipt) and its reminder. */
async function recomputeObjection(ctx: Context, actor: Principal, o: Objection): Promise<boolean> {
  const body = (await ctx.store.listAgencies()).find((a) => a.kind === 'ppid_utama')?.id;
  if (!body) return false;
  const start = new Date(o.receivedAt);
  const [result, reminder] = await Promise.all([agencyDeadline(ctx, body, start, o.deadline.rule), agencyDeadline(ctx, body, start, RESPONSE_REMINDER)]);
  if (result.deadline === o.deadline.at) return false;
  const deadline = { ...o.deadline, at: result.deadline, local: result.localDeadline, explanation: result.explanation };
  const inbox = o.inbox.map((e) => (e.box.kind === 'objection' ? { ...e, deadline } : e));
  const after: Objection = { ...o, deadline, inbox, version: o.version + 1 };
  if (!o.remindedAt) after.reminderAt = reminder.deadline < deadline.at ? reminder.deadline : undefined;
  // A deadline moved past now is no longer overdue: the escalation waits for the new one.
  if (o.escalatedAt && deadline.at > ctx.now.toISOString()) {
    delete after.escalatedAt;
    delete after.nextEscalationAt;
    delete after.disputeWindow;
  }
  await ctx.store.commit(
    [{ entity: 'objection', value: after, expectedVersion: o.version }, ...inbox.map((e): Write => ({ entity: 'inbox', value: e }))],
    auditEvent({
      actor,
      action: 'objection.deadline_recomputed',
      entity: { type: 'objection', id: o.objectionId },
      agencyId: body,
      before: { deadline: o.deadline.local },
      after: { deadline: deadline.local },
      reason: 'Kalender hari libur diubah / holiday calendar changed',
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  if (o.taskToken) await ctx.workflows?.complete(o.taskToken, { outcome: 'recompute' });
  return true;
}

/** A request's statutory deadline (10 or 17 working days from receipt) and its parts' internal ones. */
async function recomputeRequest(ctx: Context, actor: Principal, r: Request): Promise<boolean> {
  const body = r.inbox[0]?.agencyId ?? (await ctx.store.listAgencies()).find((a) => a.kind === 'ppid_utama')?.id;
  if (!body) return false;
  const start = new Date(r.receivedAt);
  const result = await agencyDeadline(ctx, body, start, r.deadline.rule);
  const deadline = { ...r.deadline, at: result.deadline, local: result.localDeadline, explanation: result.explanation };
  const parts = await Promise.all(
    r.parts.map(async (p) => {
      if (p.answer) return p;
      const internal = await agencyDeadline(ctx, p.agencyId, new Date(p.routedAt), p.deadline.rule);
      const at = internal.deadline > deadline.at ? deadline.at : internal.deadline;
      return at === p.deadline.at ? p : { ...p, deadline: { ...p.deadline, at, local: internal.localDeadline, explanation: internal.explanation } };
    }),
  );
  if (deadline.at === r.deadline.at && parts.every((p, i) => p === r.parts[i])) return false;
  const inbox = r.inbox.map((e) => {
    const part = e.box.kind === 'request_part' ? parts.find((p) => 'agencyId' in e.box && p.agencyId === e.box.agencyId) : undefined;
    return e.deadline ? { ...e, deadline: part ? part.deadline : deadline } : e;
  });
  await ctx.store.commit(
    [
      { entity: 'request', value: { ...r, deadline, parts, inbox, version: r.version + 1 }, expectedVersion: r.version },
      ...inbox.map((e): Write => ({ entity: 'inbox', value: e })),
    ],
    auditEvent({
      actor,
      action: 'request.deadline_recomputed',
      entity: { type: 'request', id: r.requestId },
      agencyId: body,
      before: { deadline: r.deadline.local },
      after: { deadline: deadline.local },
      reason: 'Kalender hari libur diubah / holiday calendar changed',
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  await wake(ctx, r);
  return true;
}

async function recomputeExclusion(ctx: Context, actor: Principal, ex: Exclusion): Promise<boolean> {
  const w = ex.wait;
  if (!w?.deadline) return false;
  const result = await agencyDeadline(ctx, ex.agencyId, new Date(w.since), w.deadline.rule as DeadlineRule);
  if (result.deadline === w.deadline.at) return false;
  const deadline = { ...w.deadline, at: result.deadline, local: result.localDeadline, explanation: result.explanation };
  const inbox = ex.inbox.map((e) => (e.deadline ? { ...e, deadline } : e));
  await ctx.store.commit(
    [
      { entity: 'exclusion', value: { ...ex, wait: { ...w, deadline }, inbox, version: ex.version + 1 }, expectedVersion: ex.version },
      ...inbox.map((e): Write => ({ entity: 'inbox', value: e })),
    ],
    auditEvent({
      actor,
      action: 'exclusion.deadline_recomputed',
      entity: { type: 'exclusion', id: ex.exclusionId },
      agencyId: ex.agencyId,
      before: { deadline: w.deadline.local },
      after: { deadline: deadline.local },
      reason: 'Kalender hari libur diubah / holiday calendar changed',
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  if (w.taskToken && !w.escalatedAt) await ctx.workflows?.complete(w.taskToken, { outcome: 'recompute' });
  return true;
}

async function recomputeOne(ctx: Context, actor: Principal, item: Item): Promise<boolean> {
  const v = item.current;
  if (!v.deadline || !v.submittedAt) return false; // the workflow has not computed it yet; it will, from the new calendar
  const result = await agencyDeadline(ctx, item.agencyId, new Date(v.submittedAt), v.deadline.rule as DeadlineRule);
  if (result.deadline === v.deadline.at) return false;
  const deadline = { ...v.deadline, at: result.deadline, local: result.localDeadline, explanation: result.explanation };
  const current = { ...v, deadline };
  const inbox = item.inbox.map((e) => (e.deadline ? { ...e, deadline } : e));
  await saveWaiting(
    ctx,
    item,
    { current, inbox },
    {
      actor,
      action: 'item.deadline_recomputed',
      before: { deadline: v.deadline.local },
      after: { deadline: deadline.local },
      reason: 'Kalender hari libur diubah / holiday calendar changed',
    },
  );
  // Before escalation the wait runs to the deadline; wake it to wait for the new one.
  if (v.taskToken && !v.escalatedAt) await ctx.workflows?.complete(v.taskToken, { decision: 'recompute' });
  return true;
}
