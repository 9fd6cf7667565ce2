/**
 * Tasks of statemachines/request.asl.json (information requests) and the personal-data retention
 * job. Each is idempotent and reads its truth from the table.
 */
import { deleteObject } from '../adapters/uploads.ts';
import { erasePersonalData } from '../core/requests/retention.ts';
import * as flow from '../core/requests/workflow.ts';
import { taskContext } from './context.ts';

interface Ref {
  requestId: string;
  target: string;
}

export const prepareWait = (input: Ref) => flow.prepareWait(taskContext(), input);
export const awaitPerson = (input: Ref & { taskToken: string }) => flow.awaitPerson(taskContext(), input);
export const remindAndEscalate = (input: Ref) => flow.remindAndEscalate(taskContext(), input);
export const listParts = (input: { requestId: string }) => flow.listParts(taskContext(), input);
export const issueNotice = (input: { requestId: string }) => flow.issueNotice(taskContext(), input);
/** Scheduled: erase the personal data of requests whose retention period ended. */
export const eraseExpired = () => erasePersonalData(taskContext(), { remove: deleteObject });
