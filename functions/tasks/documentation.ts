/**
 * Tasks of statemachines/documentation.asl.json (SOP 004): one execution per OPD's lane of a cycle.
 * Each is idempotent and reads its truth from the table, so an execution restarted from the
 * beginning is safe.
 */
import * as documentation from '../core/documentation/workflow.ts';
import { taskContext } from './context.ts';
import { task } from './task.ts';

interface Lane {
  cycleId: string;
  agencyId: string;
}

export const prepareWait = /* @__PURE__ */ task('tasks/documentation.prepareWait', (input: Lane) => documentation.prepareWait(taskContext(), input));
export const awaitPerson = /* @__PURE__ */ task('tasks/documentation.awaitPerson', (input: Lane & { since?: string; taskToken: string }) =>
  documentation.awaitPerson(taskContext(), input),
);
export const remindAndEscalate = /* @__PURE__ */ task('tasks/documentation.remindAndEscalate', (input: Lane & { since?: string }) =>
  documentation.remindAndEscalate(taskContext(), input),
);
export const publish = /* @__PURE__ */ task('tasks/documentation.publish', (input: Lane) => documentation.publish(taskContext(), input));
