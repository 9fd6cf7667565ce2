/**
 * Tasks of statemachines/request.asl.json (information requests) and the personal-data retention
 * job. Each is idempotent and reads its truth from the table.
 */
import { config } from '../adapters/config.ts';
import { dynamoStore } from '../adapters/dynamodb.ts';
import { generatedFiles } from '../adapters/generated-files.ts';
import { identityDirectory } from '../adapters/identity.ts';
import { mailer } from '../adapters/mail.ts';
import { documentSigner } from '../adapters/signing.ts';
import { deleteObject } from '../adapters/uploads.ts';
import { workflows } from '../adapters/workflow.ts';
import type { Context } from '../core/ports.ts';
import { erasePersonalData } from '../core/requests/retention.ts';
import * as flow from '../core/requests/workflow.ts';

interface Ref {
  requestId: string;
  target: string;
}

function context(): Context {
  return {
    store: dynamoStore,
    identity: identityDirectory(),
    workflows,
    mailer: mailer(),
    files: generatedFiles,
    signer: documentSigner(),
    registerUrl: config.registerUrl(),
    requestId: `workflow-${crypto.randomUUID()}`,
    now: new Date(),
  };
}

export const prepareWait = (input: Ref) => flow.prepareWait(context(), input);
export const awaitPerson = (input: Ref & { taskToken: string }) => flow.awaitPerson(context(), input);
export const remindAndEscalate = (input: Ref) => flow.remindAndEscalate(context(), input);
export const listParts = (input: { requestId: string }) => flow.listParts(context(), input);
export const issueNotice = (input: { requestId: string }) => flow.issueNotice(context(), input);
/** Scheduled: erase the personal data of requests whose retention period ended. */
export const eraseExpired = () => erasePersonalData(context(), { remove: deleteObject });
