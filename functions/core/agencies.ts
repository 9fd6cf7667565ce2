/**
 * Agencies: one PPID Utama unit per public body and many SKPD under it (DOMAIN.md).
 */
import { assertRole, type Principal } from './access.ts';
import { auditEvent } from './audit.ts';
import { conflict, fail, notFound } from './errors.ts';
import type { Agency, AgencyPatch, NewAgency } from './model.ts';
import type { Context } from './ports.ts';
import { siteEvent, startRegisterUpdate } from './register-events.ts';

export async function getAgency(ctx: Context, id: string): Promise<Agency> {
  return agencyFound(id, await ctx.store.getAgency(id));
}

/** The read agency, or 404 (pure). Agencies are not secret: every staff user may read any of them. */
export function agencyFound(id: string, agency: Agency | undefined): Agency {
  return agency ?? notFound('agency_not_found', { agencyId: id });
}

export function ppidUtamaOf(agencies: Agency[]): Agency | undefined {
  return agencies.find((a) => a.kind === 'ppid_utama');
}

export async function createAgency(ctx: Context, actor: Principal, input: NewAgency): Promise<Agency> {
  assertRole(actor, ['admin']);
  const all = await ctx.store.listAgencies();
  if (all.some((a) => a.id === input.id)) conflict('agency_exists', { agencyId: input.id });
  const utama = ppidUtamaOf(all);
  let parentId: string | undefined;
  if (input.kind === 'ppid_utama') {
    if (utama) conflict('ppid_utama_exists', { agencyId: utama.id });
  } else {
    if (!utama) fail('validation', 'ppid_utama_missing');
    if (input.parentId && input.parentId !== utama.id) fail('validation', 'parent_must_be_ppid_utama', { agencyId: utama.id });
    parentId = utama.id;
  }
  const now = ctx.now.toISOString();
  const { parentId: _requested, ...fields } = input;
  const agency: Agency = { ...fields, ...(parentId ? { parentId } : {}), version: 1, createdAt: now, updatedAt: now };
  // The register lists the agencies: it is rebuilt with the new one (register-events.ts).
  await ctx.store.commit(
    [{ entity: 'agency', value: agency, expectedVersion: null }, siteEvent(ctx, `agency#${agency.id}`, agency.id, agency.version)],
    auditEvent({
      actor,
      action: 'agency.create',
      entity: { type: 'agency', id: agency.id },
      agencyId: agency.id,
      after: agency,
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  await startRegisterUpdate(ctx, `agency-${agency.id}-${agency.version}`);
  return agency;
}

export async function updateAgency(ctx: Context, actor: Principal, id: string, patch: AgencyPatch): Promise<Agency> {
  assertRole(actor, ['admin']);
  const before = await getAgency(ctx, id);
  const { version, ...changes } = patch;
  if (before.version !== version) conflict('stale_version', { expected: version, actual: before.version });
  const after: Agency = { ...before, ...changes, version: before.version + 1, updatedAt: ctx.now.toISOString() };
  // A renamed agency is renamed on every page of the register that names it: the update rebuilds it (register-events.ts).
  await ctx.store.commit(
    [{ entity: 'agency', value: after, expectedVersion: before.version }, siteEvent(ctx, `agency#${id}`, id, after.version)],
    auditEvent({ actor, action: 'agency.update', entity: { type: 'agency', id }, agencyId: id, before, after, requestId: ctx.requestId, now: ctx.now }),
  );
  await startRegisterUpdate(ctx, `agency-${id}-${after.version}`);
  return after;
}
