/**
 * Tasks of statemachines/exclusion.asl.json (SOP 002). Each is idempotent and reads its truth from
 * the table, so an execution restarted from the beginning is safe.
 */

import * as exclusions from '../core/exclusions.ts';
import { taskContext } from './context.ts';

interface Ref {
  exclusionId: string;
  round: number;
}

export const prepareWait = (input: Ref) => exclusions.prepareWait(taskContext(), input);
export const awaitPerson = (input: Ref & { taskToken: string }) => exclusions.awaitPerson(taskContext(), input);
export const remindAndEscalate = (input: Ref) => exclusions.remindAndEscalate(taskContext(), input);
export const setDik = (input: { exclusionId: string }) => exclusions.setDik(taskContext(), input);
export const planExpiry = (input: { exclusionId: string }) => exclusions.planExpiry(taskContext(), input);
export const expire = (input: { exclusionId: string; endsAt: string }) => exclusions.expire(taskContext(), input);
export const continueLater = (input: Ref) => exclusions.continueLater(taskContext(), input);
