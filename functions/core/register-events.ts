/**
 * What starts a register update: a register event written in the same transaction as the change it
 * reflects (items.ts, exclusions.ts, …), then an execution of the RegisterUpdate workflow, which
 * drains the events (register-update.ts). A change of what every page shows besides its own data
 * (the public body, an agency's name) is a `site` event: the update that drains it rebuilds the
 * register whole (every page may name the body or the agency), with no admin asking for a rebuild.
 */
import type { RegisterEvent } from './item-model.ts';
import type { Context, Write } from './ports.ts';

export const REGISTER_WORKFLOW = 'RegisterUpdate';
/** The full rebuild, a Distributed Map over the register's partitions (register-rebuild.ts). */
export const REGISTER_REBUILD_WORKFLOW = 'RegisterRebuild';

/** The `site` event of a change to the body's settings or an agency (`subject`: `publicBody` or `agency#<id>`). */
export function siteEvent(ctx: Context, subject: string, agencyId: string, versionNo: number): Write {
  const value: RegisterEvent = { eventId: crypto.randomUUID(), at: ctx.now.toISOString(), type: 'site', itemId: subject, agencyId, versionNo };
  return { entity: 'registerEvent', value };
}

/** Starts the update that drains the events (its name is unique to the change: a retry starts nothing twice). */
export async function startRegisterUpdate(ctx: Context, name: string): Promise<void> {
  await ctx.workflows?.start(REGISTER_WORKFLOW, `register-${name}`.slice(0, 80), { full: false });
}
