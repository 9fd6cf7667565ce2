/**
 * Logs, metrics and traces of every function, through Powertools for AWS Lambda and its middy
 * middlewares: one logger, one metrics and one (lazily loaded) tracer per function, and
 * `observed()`, the middlewares every route (functions/api/http.ts) and every workflow task
 * (functions/tasks/context.ts, `task()`) is wrapped in.
 *
 * - **Logs**: JSON lines (Powertools Logger) with the Lambda context and a `correlation_id`: for a
 *   route the API Gateway request id (the id a 500 answer names), for a task the subject of its
 *   workflow (the item, request, objection, exclusion, cycle… id its input names, which is also what
 *   the execution's name is made of). On AWS each line also carries `xray_trace_id`, shared by a
 *   state machine's execution and the tasks it runs (tracing is on for both).
 * - **Metrics**: CloudWatch embedded metric format (EMF), one JSON line per invocation written to the
 *   log, no API call. Namespace `POWERTOOLS_METRICS_NAMESPACE` (SipPpid), dimension `service` plus
 *   at most one small one, so the whole system has a handful of custom metrics (CloudWatch bills
 *   each metric and dimension combination; 10 are free): `Requests` by `statusClass` (2xx, 4xx,
 *   5xx; the route, status and correlation id ride along as EMF properties, searchable in Logs
 *   Insights but not metrics of their own), `Tasks` by `outcome` (ok, failed), and the business
 *   counts a task reports with `count()`: `RegisterFilesWritten`, `ReportsIssued`.
 * - **Traces**: AWS X-Ray through the Powertools Tracer (active tracing on every function and state
 *   machine, infra/aws). The tracer pulls in aws-xray-sdk-core (about 125 KB of bundled JavaScript
 *   and most of the Powertools import time), so it is not in any function's import path: it is
 *   imported on the first invocation, and only where tracing is on (`POWERTOOLS_TRACE_ENABLED` not
 *   `false` and running in Lambda). Its module is a chunk of its own in every function's bundle.
 *
 * The local host (infra/local) runs the same code: tracing is off there (POWERTOOLS_TRACE_ENABLED=
 * false, the tracer is never loaded), the metrics' EMF lines go to its stdout, and each invocation
 * runs in its own Powertools invocation scope (as on a Lambda runtime with several concurrent
 * invocations), so requests served at the same time keep their metrics and correlation ids apart.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { MiddlewareObj, Request } from '@middy/core';
import type { Context as LambdaContext } from 'aws-lambda';

const SERVICE = process.env.POWERTOOLS_SERVICE_NAME || 'sip-ppid';
const NAMESPACE = process.env.POWERTOOLS_METRICS_NAMESPACE || 'SipPpid';

export const logger = new Logger({ serviceName: SERVICE });
export const metrics = new Metrics({ serviceName: SERVICE, namespace: NAMESPACE });

/** A business count of this invocation (a task's files written, reports issued): one metric, no extra dimension. */
export function count(name: 'RegisterFilesWritten' | 'ReportsIssued', value: number): void {
  if (value > 0) metrics.addMetric(name, MetricUnit.Count, value);
}

/** Tracing is on in Lambda unless switched off (the local host switches it off). */
const tracingOn = () => process.env.POWERTOOLS_TRACE_ENABLED?.toLowerCase() !== 'false' && process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined;

type Any = Request<unknown, unknown, Error, LambdaContext>;
type Hooks = MiddlewareObj<unknown, unknown, Error, LambdaContext>;
let tracing: Promise<Hooks | undefined> | undefined;

const loadTracing = () =>
  Promise.all([import('@aws-lambda-powertools/tracer'), import('@aws-lambda-powertools/tracer/middleware')]).then(
    ([{ Tracer }, { captureLambdaHandler }]) => captureLambdaHandler(new Tracer({ serviceName: SERVICE }), { captureResponse: false }) as Hooks,
  );

/** Powertools' `captureLambdaHandler` middleware, its module imported at the first invocation that traces. */
function lazyTracing(): Hooks {
  const hooks = () => {
    if (!tracing) tracing = tracingOn() ? loadTracing() : Promise.resolve(undefined);
    return tracing;
  };
  return {
    before: async (request) => {
      await (await hooks())?.before?.(request as Any);
    },
    after: async (request) => {
      await (await hooks())?.after?.(request as Any);
    },
    onError: async (request) => {
      await (await hooks())?.onError?.(request as Any);
    },
  };
}

export interface Observation<E, R> {
  /** The correlation id of an invocation (set on the logger and written with the metrics). */
  correlationId: (event: E) => string | undefined;
  /** Adds this invocation's own metrics, once it has answered (`response`) or failed (`error`). */
  measure: (event: E, outcome: { response?: R | null; error?: unknown }) => void;
}

/**
 * The middlewares of a route or a task, outermost first: the logger's Lambda context and
 * correlation id, the metrics (published after every invocation, failed or not), the trace, and the
 * invocation's own metrics. The route's error mapping goes after these (inside), so an error it
 * turns into a 4xx answer is measured as that answer.
 */
export function observed<E, R>(o: Observation<E, R>): MiddlewareObj<E, R, Error, LambdaContext>[] {
  const correlate: MiddlewareObj<E, R, Error, LambdaContext> = {
    before: (request) => {
      const id = o.correlationId(request.event);
      if (id) {
        logger.setCorrelationId(id);
        metrics.addMetadata('correlation_id', id);
      }
    },
    after: (request) => {
      o.measure(request.event, { response: request.response });
      logger.debug('invocation done');
    },
    onError: (request) => {
      o.measure(request.event, { response: request.response, error: request.error });
      logger.debug('invocation failed', { error: request.error ?? undefined });
    },
  };
  return [
    injectLambdaContext(logger, { resetKeys: true }) as MiddlewareObj<E, R, Error, LambdaContext>,
    logMetrics(metrics) as MiddlewareObj<E, R, Error, LambdaContext>,
    lazyTracing() as MiddlewareObj<E, R, Error, LambdaContext>,
    correlate,
  ];
}
