/**
 * Tasks of statemachines/exclusion.asl.json (SOP 002). Each is idempotent and reads its truth from
 * the table, so an execution restarted from the beginning is safe.
 */

import * as exclusions from '../core/exclusions.ts';
import { taskContext } from './context.ts';
import { task } from './task.ts';

interface Ref {
  exclusionId: string;
  round: number;
}

export const prepareWait = /* @__PURE__ */ task('tasks/exclusion.prepareWait', (input: Ref) => exclusions.prepareWait(taskContext(), input));
export const awaitPerson = /* @__PURE__ */ task('tasks/exclusion.awaitPerson', (input: Ref & { taskToken: string }) =>
  exclusions.awaitPerson(taskContext(), input),
);
export const remindAndEscalate = /* @__PURE__ */ task('tasks/exclusion.remindAndEscalate', (input: Ref) => exclusions.remindAndEscalate(taskContext(), input));
export const setDik = /* @__PURE__ */ task('tasks/exclusion.setDik', (input: { exclusionId: string }) => exclusions.setDik(taskContext(), input));
export const planExpiry = /* @__PURE__ */ task('tasks/exclusion.planExpiry', (input: { exclusionId: string }) => exclusions.planExpiry(taskContext(), input));
export const expire = /* @__PURE__ */ task('tasks/exclusion.expire', (input: { exclusionId: string; endsAt: string }) =>
  exclusions.expire(taskContext(), input),
);
export const continueLater = /* @__PURE__ */ task('tasks/exclusion.continueLater', (input: Ref) => exclusions.continueLater(taskContext(), input));
