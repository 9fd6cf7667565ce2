/**
 * Tasks of statemachines/objection.asl.json (objections to the Atasan PPID). Each is idempotent and
 * reads its truth from the table.
 */
import * as flow from '../core/objections/workflow.ts';
import { taskContext } from './context.ts';
import { task } from './task.ts';

interface Ref {
  objectionId: string;
  target: flow.WaitTarget;
}

export const prepareWait = /* @__PURE__ */ task('tasks/objection.prepareWait', (input: Ref) => flow.prepareWait(taskContext(), input));
export const awaitPerson = /* @__PURE__ */ task('tasks/objection.awaitPerson', (input: Ref & { taskToken: string }) => flow.awaitPerson(taskContext(), input));
export const remindAndEscalate = /* @__PURE__ */ task('tasks/objection.remindAndEscalate', (input: Ref) => flow.remindAndEscalate(taskContext(), input));
export const issueResponse = /* @__PURE__ */ task('tasks/objection.issueResponse', (input: { objectionId: string }) =>
  flow.issueResponse(taskContext(), input),
);
