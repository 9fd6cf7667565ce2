/**
 * The audit trail: every state change writes one event in the same DynamoDB transaction as the
 * change itself (ARCHITECTURE.md principle 4).
 */
import type { Role } from '../../infra/system.ts';
import type { Principal } from './access.ts';
import type { Store } from './ports.ts';

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

/** The longest label: a title is cut at a word with "…" beyond this. */
const LABEL_MAX = 90;

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= LABEL_MAX) return oneLine;
  const cut = oneLine.slice(0, LABEL_MAX);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : LABEL_MAX)}…`;
}

const numbered = (number: string | undefined, title: string | undefined) => [number, title ? clip(title) : undefined].filter(Boolean).join(' — ') || undefined;

/**
 * What people read for an audited record instead of its id: an item, exclusion, request, objection
 * or dispute by number and title, a user by name, an agency by name, a holiday by date. Undefined when
 * the record is gone or its kind has no label (the id stays the machine's key).
 */
export async function entityLabel(store: Store, entity: { type: string; id: string }): Promise<string | undefined> {
  switch (entity.type) {
    case 'item': {
      const item = await store.getItem(entity.id);
      return item && numbered(item.number, item.current.content.title);
    }
    case 'exclusion': {
      const ex = await store.getExclusion(entity.id);
      return ex && numbered(ex.dik?.number ?? ex.itemNumber, ex.test.title);
    }
    case 'request': {
      const rq = await store.getRequest(entity.id);
      return rq && numbered(rq.number, rq.content.information);
    }
    case 'objection': {
      const ob = await store.getObjection(entity.id);
      return ob && numbered(ob.number, ob.information);
    }
    case 'dispute':
      return (await store.getDispute(entity.id))?.number;
    case 'user': {
      const user = await store.getUser(entity.id);
      return user && `${user.name} (${user.username})`;
    }
    case 'agency':
      return (await store.getAgency(entity.id))?.name;
    default:
      return undefined;
  }
}

/** The events with `entity.label` set, each distinct record looked up once. */
export async function withEntityLabels(store: Store, events: AuditEvent[]): Promise<(AuditEvent & { entity: { label?: string } })[]> {
  const keys = [...new Set(events.map((e) => `${e.entity.type}\u0000${e.entity.id}`))];
  const labels = new Map(
    await Promise.all(
      keys.map(async (key) => {
        const [type, id] = key.split('\u0000') as [string, string];
        const label = await entityLabel(store, { type, id }).catch(() => undefined);
        return [key, label] as const;
      }),
    ),
  );
  return events.map((e) => {
    const label = labels.get(`${e.entity.type}\u0000${e.entity.id}`);
    return label ? { ...e, entity: { ...e.entity, label } } : e;
  });
}
