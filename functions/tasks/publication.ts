/**
 * Tasks of statemachines/publication.asl.json (SOP 000 steps 3 and 4). Each is idempotent and reads
 * its truth from the table, so an execution restarted from the beginning is safe.
 */
import { dynamoStore } from '../adapters/dynamodb.ts';
import { identityDirectory } from '../adapters/identity.ts';
import { mailer } from '../adapters/mail.ts';
import { workflows } from '../adapters/workflow.ts';
import {
  awaitApproval as awaitApprovalUseCase,
  prepareApproval as prepareUseCase,
  publish as publishUseCase,
  remindAndEscalate as remindUseCase,
} from '../core/items.ts';
import type { Context } from '../core/ports.ts';
import { task } from './task.ts';

interface Step {
  itemId: string;
  versionNo: number;
}

function context(): Context {
  return { store: dynamoStore, identity: identityDirectory(), workflows, mailer: mailer(), requestId: `workflow-${crypto.randomUUID()}`, now: new Date() };
}

export const prepareApproval = /* @__PURE__ */ task('tasks/publication.prepareApproval', (input: Step) => prepareUseCase(context(), input));
export const awaitApproval = /* @__PURE__ */ task('tasks/publication.awaitApproval', (input: Step & { taskToken: string }) =>
  awaitApprovalUseCase(context(), input),
);
export const remindAndEscalate = /* @__PURE__ */ task('tasks/publication.remindAndEscalate', (input: Step) => remindUseCase(context(), input));
export const publish = /* @__PURE__ */ task('tasks/publication.publish', (input: Step) => publishUseCase(context(), input));
