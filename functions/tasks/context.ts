/**
 * The core's context for a workflow task: the table, the workflows, mail, the private files, the
 * document signer and the register's address. Adapters are made lazily, so a task that uses none of
 * them costs nothing for them.
 */
import { config } from '../adapters/config.ts';
import { dynamoStore } from '../adapters/dynamodb.ts';
import { generatedFiles } from '../adapters/generated-files.ts';
import { identityDirectory } from '../adapters/identity.ts';
import { mailer } from '../adapters/mail.ts';
import { documentSigner } from '../adapters/signing.ts';
import { workflows } from '../adapters/workflow.ts';
import type { Context } from '../core/ports.ts';

export function taskContext(): Context {
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
