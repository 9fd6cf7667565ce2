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
