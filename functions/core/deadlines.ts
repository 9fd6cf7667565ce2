/**
 * "The holiday calendar is data that an admin maintains; changing it must recompute every open
 * deadline, with an audit entry" (DOMAIN.md). Open deadlines today: approvals waiting in the
 * publication workflow (SOP 000 step 3). Each one is recomputed from its own start and rule; where
 * it moved, the item and its inbox entry are updated (audited), and the waiting execution is woken
 * with `recompute` so that it waits again until the new deadline.
 */
import type { Principal } from './access.ts';
import { agencyDeadline } from './agency-deadline.ts';
import type { DeadlineRule } from './calendar.ts';
import type { Item } from './item-model.ts';
import { saveWaiting } from './items.ts';
import type { Context } from './ports.ts';

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
  return { checked, moved };
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
