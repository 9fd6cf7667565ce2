/**
 * The one way a workflow task's handler is written: `export const publish = task('publish', (input) => …)`.
 * The use case runs inside Powertools' middlewares (functions/observability.ts): the log lines carry
 * the Lambda context and the task's correlation id, the metrics are written after every invocation
 * (`Tasks` by outcome, plus what the task counted), and on AWS the invocation is traced. An error
 * is thrown on unchanged, so Step Functions' Retry and Catch see its name as before.
 *
 * The handler may also be called with its input alone (tests call tasks directly); it then runs
 * with an empty Lambda context.
 */

import { MetricUnit } from '@aws-lambda-powertools/metrics';
import middy from '@middy/core';
import type { Context as LambdaContext } from 'aws-lambda';
import { metrics, observed } from '../observability.ts';

/** The fields a workflow's input names its subject by, first found first: the task's correlation id. */
const SUBJECTS = ['itemId', 'requestId', 'objectionId', 'exclusionId', 'cycleId', 'importId', 'reportId', 'scheduledTime'];

export function correlationOf(input: unknown): string | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const o = input as Record<string, unknown>;
  for (const key of SUBJECTS) if (typeof o[key] === 'string' || typeof o[key] === 'number') return `${key}:${o[key]}`;
  return undefined;
}

/** A task's handler: its input (optional when the task takes none) and the Lambda context. */
export type TaskHandler<I, O> = (...args: undefined extends I ? [input?: I, context?: LambdaContext] : [input: I, context?: LambdaContext]) => Promise<O>;

export function task<I = undefined, O = unknown>(name: string, fn: (input: I) => Promise<O>): TaskHandler<I, O> {
  // No early timeout from middy: the function's own timeout (AWS) ends a task that runs too long,
  // and the local host's tasks (a full register rebuild) may take longer than a route.
  const handler = middy<I, O, Error, LambdaContext>({ timeoutEarlyInMillis: 0 })
    .use(
      observed<I, O>({
        correlationId: correlationOf,
        measure: (_input, { error }) => {
          metrics.addMetadata('task', name);
          metrics.addDimensions({ outcome: error === undefined ? 'ok' : 'failed' });
          metrics.addMetric('Tasks', MetricUnit.Count, 1);
        },
      }),
    )
    .handler((input) => fn(input));
  return ((input: I, context?: LambdaContext) => handler(input, context ?? ({} as LambdaContext))) as TaskHandler<I, O>;
}
