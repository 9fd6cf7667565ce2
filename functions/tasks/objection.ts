/**
 * Tasks of statemachines/objection.asl.json (objections to the Atasan PPID). Each is idempotent and
 * reads its truth from the table.
 */
import * as flow from '../core/objections/workflow.ts';
import { taskContext } from './context.ts';

interface Ref {
  objectionId: string;
  target: flow.WaitTarget;
}

export const prepareWait = (input: Ref) => flow.prepareWait(taskContext(), input);
export const awaitPerson = (input: Ref & { taskToken: string }) => flow.awaitPerson(taskContext(), input);
export const remindAndEscalate = (input: Ref) => flow.remindAndEscalate(taskContext(), input);
export const issueResponse = (input: { objectionId: string }) => flow.issueResponse(taskContext(), input);
