/**
 * The audit trail: every state change writes one event in the same DynamoDB transaction as the
 * change itself (ARCHITECTURE.md principle 4).
 */
import type { Role } from '../../infra/system.ts';
import type { Principal } from './access.ts';

export interface AuditEvent {
  eventId: string;
  at: string;
  actor: { username: string; role: Role | 'system' | 'public'; agencyId: string };
  action: string;
  entity: { type: string; id: string };
  /** The agency whose data changed; decides who may read the event. */
  agencyId: string;
  before: unknown;
  after: unknown;
  requestId: string;
  reason?: string;
}

export const SYSTEM_ACTOR = { username: 'system', role: 'system', agencyId: '-' } as const;
/** A member of the public acting with no account (filing a request, answering a clarification). */
export const PUBLIC_ACTOR = { username: 'pemohon', role: 'public', agencyId: '-' } as const;

export function auditEvent(input: {
  actor: Principal | typeof SYSTEM_ACTOR | typeof PUBLIC_ACTOR;
  action: string;
  entity: { type: string; id: string };
  agencyId: string;
  before?: unknown;
  after?: unknown;
  requestId: string;
  reason?: string;
  now: Date;
}): AuditEvent {
  const { actor } = input;
  return {
    eventId: crypto.randomUUID(),
    at: input.now.toISOString(),
    actor: { username: actor.username, role: actor.role, agencyId: actor.agencyId },
    action: input.action,
    entity: input.entity,
    agencyId: input.agencyId,
    before: input.before ?? null,
    after: input.after ?? null,
    requestId: input.requestId,
    ...(input.reason ? { reason: input.reason } : {}),
  };
}
