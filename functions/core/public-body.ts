/** The public body itself (Pemerintah Provinsi / Kota …): its name heads the public register. */
import { assertRole, type Principal } from './access.ts';
import { auditEvent } from './audit.ts';
import type { Context } from './ports.ts';

export interface PublicBody {
  [key: string]: unknown;
  name: string;
}

export async function setPublicBody(ctx: Context, actor: Principal, body: PublicBody): Promise<PublicBody> {
  assertRole(actor, ['admin']);
  const before = await ctx.store.getSettings<PublicBody>('publicBody');
  if (before?.name === body.name) return before;
  await ctx.store.commit(
    [{ entity: 'settings', name: 'publicBody', value: body }],
    auditEvent({
      actor,
      action: 'settings.public_body',
      entity: { type: 'settings', id: 'publicBody' },
      agencyId: actor.agencyId,
      before,
      after: body,
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  return body;
}
