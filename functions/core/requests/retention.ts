/**
 * Personal data retention (UU 27/2022): a closed request's requester data is kept for the period in
 * the settings (default 5 years after closure) and then erased by a scheduled job, with an audit
 * entry that names only the request. The request's non-personal record stays for the statistics.
 */
import { auditEvent, SYSTEM_ACTOR } from '../audit.ts';
import type { Context } from '../ports.ts';
import type { Request } from './model.ts';

/** At most this many per run; the job runs daily and the Query finds the rest next time. */
const BATCH = 100;

export interface PowerOfAttorneyRemover {
  remove(key: string): Promise<void>;
}

export async function erasePersonalData(ctx: Context, files?: PowerOfAttorneyRemover): Promise<{ erased: number }> {
  const due = await ctx.store.listErasablePersonal(ctx.now.toISOString(), BATCH);
  let erased = 0;
  for (const personal of due) {
    if ('objectionId' in personal) {
      if (await eraseObjector(ctx, personal.objectionId, personal.eraseAfter)) erased++;
      continue;
    }
    const r = await ctx.store.getRequest(personal.requestId);
    if (!r) continue;
    if (personal.powerOfAttorney && files) await files.remove(personal.powerOfAttorney.key);
    const at = ctx.now.toISOString();
    const after: Request = {
      ...r,
      personalErasedAt: at,
      timeline: [...r.timeline, { at, type: 'personal_data_erased' }],
      updatedAt: at,
      version: r.version + 1,
    };
    await ctx.store.commit(
      [
        { entity: 'requestPersonal', delete: r.requestId },
        { entity: 'request', value: after, expectedVersion: r.version },
      ],
      auditEvent({
        actor: SYSTEM_ACTOR,
        action: 'request.personal_data_erased',
        entity: { type: 'request', id: r.requestId },
        agencyId: '-',
        after: { number: r.number, eraseAfter: personal.eraseAfter },
        requestId: ctx.requestId,
        now: ctx.now,
      }),
    );
    erased++;
  }
  return { erased };
}

/** An objection with no request (ground b) keeps its objector's identity itself; erased the same way. */
async function eraseObjector(ctx: Context, objectionId: string, eraseAfter?: string): Promise<boolean> {
  const o = await ctx.store.getObjection(objectionId);
  if (!o) return false;
  const at = ctx.now.toISOString();
  await ctx.store.commit(
    [
      { entity: 'objectionPersonal', delete: objectionId },
      { entity: 'objection', value: { ...o, personalErasedAt: at, updatedAt: at, version: o.version + 1 }, expectedVersion: o.version },
    ],
    auditEvent({
      actor: SYSTEM_ACTOR,
      action: 'objection.personal_data_erased',
      entity: { type: 'objection', id: objectionId },
      agencyId: '-',
      after: { number: o.number, eraseAfter },
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  return true;
}
