/**
 * Step Functions for the core: the real SDK on both hosts (locally AWS_ENDPOINT_URL_SFN points at the
 * local engine's Step Functions API).
 */
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { Workflows } from '../core/ports.ts';
import { config } from './config.ts';

let client: SFNClient | undefined;
let clientEndpoint: string | undefined;
/** The SDK is imported at the first call, not at every function's cold start. */
const sdk = () => import('@aws-sdk/client-sfn');
async function sfn(): Promise<SFNClient> {
  const { SFNClient } = await sdk();
  if (!client || clientEndpoint !== process.env.AWS_ENDPOINT_URL_SFN) {
    clientEndpoint = process.env.AWS_ENDPOINT_URL_SFN;
    client = new SFNClient({});
  }
  return client;
}

/** Errors that mean "this token is no longer waiting": the workflow has moved on without it. */
const GONE = new Set(['TaskTimedOut', 'InvalidToken', 'TaskDoesNotExist']);

export const workflows: Workflows = {
  async start(stateMachineId, name, input) {
    const { ExecutionAlreadyExists, StartExecutionCommand } = await sdk();
    try {
      await (await sfn()).send(new StartExecutionCommand({ stateMachineArn: config.stateMachineArn(stateMachineId), name, input: JSON.stringify(input) }));
    } catch (e) {
      // Same name, same input: already started (a retried request). Anything else is a real error.
      if (!(e instanceof ExecutionAlreadyExists)) throw e;
    }
  },
  async complete(taskToken, output) {
    const { SendTaskSuccessCommand } = await sdk();
    try {
      await (await sfn()).send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
      return true;
    } catch (e) {
      if (GONE.has((e as Error).name)) return false;
      throw e;
    }
  },
};
