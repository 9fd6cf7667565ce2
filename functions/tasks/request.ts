/**
 * Tasks of statemachines/request.asl.json (information requests) and the personal-data retention
 * job. Each is idempotent and reads its truth from the table.
 */
import { deleteObject } from '../adapters/uploads.ts';
import { erasePersonalData } from '../core/requests/retention.ts';
import * as flow from '../core/requests/workflow.ts';
import { taskContext } from './context.ts';
import { task } from './task.ts';

interface Ref {
  requestId: string;
  target: string;
}

export const prepareWait = /* @__PURE__ */ task('tasks/request.prepareWait', (input: Ref) => flow.prepareWait(taskContext(), input));
export const awaitPerson = /* @__PURE__ */ task('tasks/request.awaitPerson', (input: Ref & { taskToken: string }) => flow.awaitPerson(taskContext(), input));
export const remindAndEscalate = /* @__PURE__ */ task('tasks/request.remindAndEscalate', (input: Ref) => flow.remindAndEscalate(taskContext(), input));
export const listParts = /* @__PURE__ */ task('tasks/request.listParts', (input: { requestId: string }) => flow.listParts(taskContext(), input));
export const issueNotice = /* @__PURE__ */ task('tasks/request.issueNotice', (input: { requestId: string }) => flow.issueNotice(taskContext(), input));
/** Scheduled: erase the personal data of requests whose retention period ended. */
export const eraseExpired = /* @__PURE__ */ task('tasks/request.eraseExpired', () => erasePersonalData(taskContext(), { remove: deleteObject }));
