/**
 * What the register's public log shows of an objection, without the objection model's zod schemas
 * (model.ts re-exports it).
 */
import type { Objection } from './model.ts';

/** What the register's public log shows of an objection: no personal data, no case text. */
export function publicObjectionEntry(o: Objection) {
  return {
    number: o.number,
    requestNumber: o.requestNumber,
    receivedOn: o.receivedOn,
    grounds: o.grounds,
    state: o.state,
    ...(o.response ? { decision: o.response.decision, respondedAt: o.response.at } : {}),
  };
}
