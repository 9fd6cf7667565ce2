/**
 * Tasks of statemachines/exclusion.asl.json (SOP 002). Each is idempotent and reads its truth from
 * the table, so an execution restarted from the beginning is safe.
 */

import { config } from '../adapters/config.ts';
import { dynamoStore } from '../adapters/dynamodb.ts';
import { generatedFiles } from '../adapters/generated-files.ts';
import { identityDirectory } from '../adapters/identity.ts';
import { mailer } from '../adapters/mail.ts';
import { documentSigner } from '../adapters/signing.ts';
import { workflows } from '../adapters/workflow.ts';
import * as exclusions from '../core/exclusions.ts';
import type { Context } from '../core/ports.ts';

interface Ref {
  exclusionId: string;
  round: number;
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

export const prepareWait = (input: Ref) => exclusions.prepareWait(context(), input);
export const awaitPerson = (input: Ref & { taskToken: string }) => exclusions.awaitPerson(context(), input);
export const remindAndEscalate = (input: Ref) => exclusions.remindAndEscalate(context(), input);
export const setDik = (input: { exclusionId: string }) => exclusions.setDik(context(), input);
export const planExpiry = (input: { exclusionId: string }) => exclusions.planExpiry(context(), input);
export const expire = (input: { exclusionId: string; endsAt: string }) => exclusions.expire(context(), input);
export const continueLater = (input: Ref) => exclusions.continueLater(context(), input);
