/**
 * The local Step Functions engine: the same `statemachines/*.asl.json` run in aws-local-stepfunctions,
 * each Task bound in-process to its handler from infra/system.ts, behind an HTTP endpoint that speaks
 * the Step Functions API (AWS JSON 1.0), so handler code uses the real @aws-sdk/client-sfn on both
 * hosts (`AWS_ENDPOINT_URL_SFN` points at it locally).
 *
 * Supported API: StartExecution, DescribeExecution, ListExecutions, StopExecution, SendTaskSuccess,
 * SendTaskFailure, SendTaskHeartbeat.
 *
 * Waiting for people: a Task whose Resource is `arn:aws:states:::lambda:invoke.waitForTaskToken`
 * gets a fresh token from `$$.Task.Token`, runs its handler with the `Payload`, and then waits until
 * SendTaskSuccess/SendTaskFailure names that token or its TimeoutSeconds(Path) runs out
 * (States.Timeout). A token that timed out answers `TaskTimedOut`, as in AWS.
 *
 * Restart: executions still running are written to `<dataDir>/executions.json`; when the host starts
 * again they are started again from the beginning under the same ARN. That is safe because every task
 * is idempotent and reads its truth from the table (ARCHITECTURE.md principle 3). The engine is the
 * file's one writer: it reads the file when it is constructed (so executions started before
 * `resume()` join those recorded, never replace them) and replaces it by write-and-rename, so a
 * crash at any instant leaves either the old list or the new one, never a torn or shortened one.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExecutionError, StateMachine } from 'aws-local-stepfunctions';
import { type StateMachineDecl, stateMachines } from '../system.ts';
import { invoke, lambdaContext, loadHandler } from './api-gateway.ts';

const REGION = 'ap-southeast-3';
const ACCOUNT = '000000000000';
export const machineArn = (id: string) => `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${id}`;
const functionArn = (handler: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${handler.replace(/[/.]/g, '-')}`;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type AslState = {
  Type: string;
  Resource?: string;
  Parameters?: Record<string, Json>;
  Branches?: { States: Record<string, AslState> }[];
  Iterator?: { States: Record<string, AslState> };
  ItemProcessor?: { States: Record<string, AslState>; ProcessorConfig?: { Mode?: string; ExecutionType?: string } };
  MaxConcurrency?: number;
  TimeoutSecondsPath?: string;
};
type Asl = { States: Record<string, AslState>; StartAt: string };

export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED' | 'TIMED_OUT';
  startDate: number;
  stopDate?: number;
  output?: string;
  error?: string;
  cause?: string;
}

interface Binding {
  /** Task state name → the handler it runs, whether it waits for a token, and for how long. */
  [stateName: string]: { handler: string; waitForTaskToken: boolean; timeout?: { seconds?: number; path?: string } };
}

const TOKEN_PLACEHOLDER = '__LOCAL_TASK_TOKEN__';

/** Standard workflows wait at most a year for a token when no timeout is given. */
const ONE_YEAR = 365 * 86_400;
/**
 * The library races every task against setTimeout(TimeoutSeconds * 1000), which overflows (and
 * fires at once) past 2^31-1 ms. Token waits get this ceiling there and their real timeout here; a
 * single token wait longer than ~24.8 days therefore ends with States.Timeout at 24.8 days locally.
 */
const LIBRARY_MAX_TIMEOUT = Math.floor((2 ** 31 - 1) / 1000);

export class ApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** Puts each `${Placeholder}` of the ASL in place and finds which Task state runs which handler. */
export function bindDefinition(decl: StateMachineDecl, text: string): { definition: Asl; bindings: Binding } {
  const arnByPlaceholder = new Map(Object.entries(decl.tasks).map(([ph, t]) => [ph, functionArn(t.handler)]));
  const substituted = text.replace(/\$\{(\w+)\}/g, (m, name: string) => {
    const arn = arnByPlaceholder.get(name);
    if (!arn) throw new Error(`${decl.definition}: placeholder ${m} has no task in infra/system.ts`);
    return arn;
  });
  const definition = JSON.parse(substituted) as Asl;
  const handlerByArn = new Map(Object.values(decl.tasks).map((t) => [functionArn(t.handler), t]));
  const bindings: Binding = {};
  const visit = (states: Record<string, AslState>) => {
    for (const [name, state] of Object.entries(states)) {
      if (state.Type === 'Task') {
        const arn = state.Resource?.startsWith('arn:aws:states:::lambda:invoke') ? String(state.Parameters?.FunctionName ?? '') : (state.Resource ?? '');
        const task = handlerByArn.get(arn);
        if (!task) throw new Error(`${decl.definition}: Task ${name} runs ${arn}, which infra/system.ts does not declare`);
        const waitForTaskToken = state.Resource?.endsWith('.waitForTaskToken') ?? false;
        bindings[name] = { handler: task.handler, waitForTaskToken };
        if (waitForTaskToken) {
          // The engine times token waits itself (see `waitForToken`): the library's own task timer
          // cannot tell the binding which token expired, and it overflows past 24.8 days.
          bindings[name].timeout = state.TimeoutSecondsPath
            ? { path: localTimeoutPath(name, state) }
            : { seconds: (state as { TimeoutSeconds?: number }).TimeoutSeconds ?? ONE_YEAR };
          delete state.TimeoutSecondsPath;
          (state as { TimeoutSeconds?: number }).TimeoutSeconds = LIBRARY_MAX_TIMEOUT;
        }
      }
      for (const b of state.Branches ?? []) visit(b.States);
      if (state.Type === 'Map' && state.ItemProcessor?.ProcessorConfig?.Mode === 'DISTRIBUTED') {
        // A Distributed Map (each item a child execution in AWS) runs here as an inline Map, one
        // item at a time: the library has no child executions, and its inline Map shares one
        // `$$.Map` context between the items it runs at once. Same states, same ItemSelector,
        // same Retry; only the parallelism differs (register-rebuild.asl.json).
        state.ItemProcessor.ProcessorConfig = { Mode: 'INLINE' };
        state.MaxConcurrency = 1;
      }
      const inner = state.ItemProcessor ?? state.Iterator;
      if (inner) visit(inner.States);
    }
  };
  visit(definition.States);
  const unused = Object.keys(decl.tasks).filter((ph) => !text.includes(`\${${ph}}`));
  if (unused.length) throw new Error(`${decl.definition}: tasks ${unused.join(', ')} are declared but not used`);
  return { definition, bindings };
}

function localTimeoutPath(stateName: string, state: AslState): string {
  const path = state.TimeoutSecondsPath ?? '';
  const first = /^\$\.([A-Za-z0-9_]+)/.exec(path)?.[1];
  const payload = state.Parameters?.Payload;
  const carried =
    state.Parameters?.['Payload.$'] === '$' ||
    (first !== undefined && payload !== null && typeof payload === 'object' && !Array.isArray(payload) && payload[`${first}.$`] === `$.${first}`);
  if (!carried) throw new Error(`Task ${stateName}: the local engine needs TimeoutSecondsPath ${path} to be passed in its Payload too`);
  return path.replace(/^\$\./, '$.Payload.');
}

interface PendingToken {
  executionArn: string;
  resolve(output: Json): void;
  reject(error: Error): void;
}

class TaskFailure extends Error {
  constructor(
    readonly error: string,
    readonly cause: string,
  ) {
    super(cause);
    this.name = error;
  }
}

export class LocalStepFunctions {
  private readonly machines = new Map<string, { decl: StateMachineDecl; machine: StateMachine; bindings: Binding }>();
  readonly executions = new Map<string, ExecutionRecord>();
  private readonly aborts = new Map<string, () => void>();
  private readonly tokens = new Map<string, PendingToken>();
  private readonly closedTokens = new Map<string, 'timed_out' | 'done'>();
  private readonly finished = new Set<Promise<unknown>>();
  /** Recorded as running when the host last stopped; started by `resume()`. */
  private readonly toResume: ExecutionRecord[] = [];
  private closing = false;
  /**
   * Test seam, never set by the host itself: called after each Task's handler returns; an error it
   * returns is the task's failure instead of the handler's result (a Lambda that did its work and
   * then died), so a workflow test can see a step retried (test/workflows/register-rebuild.test.ts).
   */
  taskFault?: (task: { state: string; handler: string; input: unknown; output: unknown }) => Error | undefined;

  constructor(private readonly opts: { dataDir: string; root: string; waitTimeOverrides?: Record<string, number>; log?: (msg: string) => void }) {
    for (const decl of stateMachines) {
      const text = readFileSync(join(opts.root, 'statemachines', decl.definition), 'utf8');
      const { definition, bindings } = bindDefinition(decl, text);
      const machine = new StateMachine(definition as never, { validationOptions: { checkArn: true, checkPaths: true } });
      this.machines.set(machineArn(decl.id), { decl, machine, bindings });
    }
    if (existsSync(this.stateFile)) {
      const recorded = JSON.parse(readFileSync(this.stateFile, 'utf8')) as ExecutionRecord[];
      for (const e of recorded) {
        if (!this.machines.has(e.stateMachineArn) || this.executions.has(e.executionArn)) continue;
        const record: ExecutionRecord = { ...e, status: 'RUNNING' };
        this.executions.set(record.executionArn, record);
        this.toResume.push(record);
      }
    }
  }

  /** Tasks as bound here, for the parity test: `<StateMachineId>:<Placeholder>:<handler>`. */
  surface(): string[] {
    return [...this.machines.values()].flatMap(({ decl, bindings }) => {
      const bound = new Set(Object.values(bindings).map((b) => b.handler));
      return Object.entries(decl.tasks)
        .filter(([, t]) => bound.has(t.handler))
        .map(([ph, t]) => `${decl.id}:${ph}:${t.handler}`);
    });
  }

  private get stateFile() {
    return join(this.opts.dataDir, 'executions.json');
  }

  private persist(): void {
    const running = [...this.executions.values()].filter((e) => e.status === 'RUNNING');
    const temp = `${this.stateFile}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(running, null, 2));
    renameSync(temp, this.stateFile);
  }

  /** Starts again every execution that was running when the host stopped. */
  resume(): number {
    const records = this.toResume.splice(0).filter((e) => e.status === 'RUNNING');
    for (const e of records) this.run(e);
    return records.length;
  }

  startExecution(stateMachineArn: string, input = '{}', name: string = randomUUID()): { executionArn: string; startDate: number } {
    if (this.closing) throw new ApiError('ServiceUnavailable', 'The local Step Functions engine is stopping');
    if (!this.machines.has(stateMachineArn)) throw new ApiError('StateMachineDoesNotExist', `State machine does not exist: ${stateMachineArn}`);
    const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
    const existing = this.executions.get(executionArn);
    if (existing) {
      // Standard workflows: same name and same input while running is idempotent; otherwise an error.
      if (existing.status === 'RUNNING' && existing.input === input) return { executionArn, startDate: existing.startDate / 1000 };
      throw new ApiError('ExecutionAlreadyExists', `Execution already exists: ${executionArn}`);
    }
    try {
      JSON.parse(input);
    } catch {
      throw new ApiError('InvalidExecutionInput', 'Input is not valid JSON');
    }
    const record: ExecutionRecord = { executionArn, stateMachineArn, name, input, status: 'RUNNING', startDate: Date.now() };
    this.run(record);
    return { executionArn, startDate: record.startDate / 1000 };
  }

  private run(record: ExecutionRecord): void {
    const entry = this.machines.get(record.stateMachineArn);
    if (!entry) return;
    this.executions.set(record.executionArn, record);
    this.persist();
    const handlers: Record<string, (input: Json) => Promise<Json>> = {};
    for (const [stateName, b] of Object.entries(entry.bindings)) {
      handlers[stateName] = async (input) => {
        const fn = (await loadHandler(b.handler)) as unknown as (event: Json, ctx: unknown) => Promise<Json>;
        if (!b.waitForTaskToken) {
          const output = await this.invoke(fn, input, b.handler);
          const fault = this.taskFault?.({ state: stateName, handler: b.handler, input, output });
          if (fault) throw new TaskFailure(fault.name || 'Error', fault.message);
          return output;
        }
        const given = (input as { Payload?: Json }).Payload ?? {};
        if (!JSON.stringify(given).includes(TOKEN_PLACEHOLDER))
          throw new TaskFailure('States.Runtime', 'A waitForTaskToken task must pass $$.Task.Token in its Payload');
        // Each task gets its own token, as in AWS.
        const token = `local-${randomUUID()}`;
        const payload = JSON.parse(JSON.stringify(given).replaceAll(TOKEN_PLACEHOLDER, token)) as Json;
        const waiting = new Promise<Json>((resolve, reject) => this.tokens.set(token, { executionArn: record.executionArn, resolve, reject }));
        const seconds = b.timeout?.path ? Number(readPath(input, b.timeout.path)) : (b.timeout?.seconds ?? ONE_YEAR);
        if (!Number.isInteger(seconds) || seconds < 1)
          throw new TaskFailure('States.Runtime', `TimeoutSecondsPath must point to a positive integer, got ${seconds}`);
        const timer = longTimer(seconds * 1000, () => {
          const pending = this.tokens.get(token);
          this.tokens.delete(token);
          this.closedTokens.set(token, 'timed_out');
          pending?.reject(new TaskFailure('States.Timeout', 'Task timed out waiting for a token'));
        });
        try {
          await this.invoke(fn, payload, b.handler);
          return await waiting;
        } finally {
          timer.cancel();
          this.tokens.delete(token);
          if (!this.closedTokens.has(token)) this.closedTokens.set(token, 'timed_out');
        }
      };
    }
    const context: Record<string, unknown> = {
      Execution: { Id: record.executionArn, Name: record.name, StartTime: new Date(record.startDate).toISOString(), Input: JSON.parse(record.input) },
      StateMachine: { Id: record.stateMachineArn, Name: entry.decl.id },
    };
    // The library evaluates the context once per execution, so $$.Task.Token is a placeholder that
    // the task binding replaces with a fresh token for each task it runs.
    context.Task = { Token: TOKEN_PLACEHOLDER };
    const execution = entry.machine.run(JSON.parse(record.input), {
      context,
      overrides: { taskResourceLocalHandlers: handlers as never, waitTimeOverrides: this.opts.waitTimeOverrides },
    });
    this.aborts.set(record.executionArn, execution.abort);
    const done = execution.result
      .then((output) => Object.assign(record, { status: 'SUCCEEDED', output: JSON.stringify(output) }))
      .catch((e: unknown) => {
        if (record.status !== 'RUNNING' || this.closing) return;
        const cause = e instanceof ExecutionError ? (e.cause as Error | undefined) : (e as Error);
        Object.assign(record, { status: 'FAILED', error: cause?.name ?? 'Error', cause: cause?.message ?? String(e) });
        this.opts.log?.(`execution ${record.name} failed: ${record.error}: ${record.cause}`);
      })
      .finally(() => {
        this.aborts.delete(record.executionArn);
        this.finished.delete(done);
        if (this.closing) return;
        record.stopDate ??= Date.now();
        this.persist();
      });
    this.finished.add(done);
  }

  private async invoke(fn: (event: Json, ctx: unknown) => Promise<Json>, input: Json, handler: string): Promise<Json> {
    try {
      const requestId = randomUUID();
      const out = await invoke(requestId, () => fn(input, lambdaContext(handler.replace(/[/.]/g, '-'), requestId)));
      return out ?? null;
    } catch (e) {
      // As with Lambda: the error's name becomes the error Step Functions sees, for Retry/Catch.
      const err = e as Error;
      throw new TaskFailure(err.name || 'Error', err.message);
    }
  }

  sendTaskSuccess(token: string, output: string): void {
    const pending = this.pendingToken(token);
    let parsed: Json;
    try {
      parsed = JSON.parse(output) as Json;
    } catch {
      throw new ApiError('InvalidOutput', 'Output is not valid JSON');
    }
    this.closedTokens.set(token, 'done');
    pending.resolve(parsed);
  }

  sendTaskFailure(token: string, error = 'TaskFailed', cause = ''): void {
    const pending = this.pendingToken(token);
    this.closedTokens.set(token, 'done');
    pending.reject(new TaskFailure(error, cause));
  }

  private pendingToken(token: string): PendingToken {
    const pending = this.tokens.get(token);
    if (pending) return pending;
    if (this.closedTokens.has(token)) throw new ApiError('TaskTimedOut', 'Task Timed Out');
    throw new ApiError('InvalidToken', 'Invalid Token');
  }

  stopExecution(executionArn: string, error?: string, cause?: string): number {
    const record = this.describe(executionArn);
    if (record.status === 'RUNNING') {
      Object.assign(record, { status: 'ABORTED', error, cause, stopDate: Date.now() });
      this.aborts.get(executionArn)?.();
      this.persist();
    }
    return (record.stopDate ?? Date.now()) / 1000;
  }

  describe(executionArn: string): ExecutionRecord {
    const record = this.executions.get(executionArn);
    if (!record) throw new ApiError('ExecutionDoesNotExist', `Execution does not exist: ${executionArn}`);
    return record;
  }

  /** Waits until every execution has finished (tests). */
  async idle(): Promise<void> {
    while (this.finished.size) await Promise.allSettled([...this.finished]);
  }

  /** Stops the engine; running executions stay recorded as running, to resume at the next start. */
  async close(): Promise<void> {
    // While closing, an aborted execution stays RUNNING in the record, so the file keeps it to resume.
    this.closing = true;
    this.persist();
    for (const abort of this.aborts.values()) abort();
    await Promise.allSettled([...this.finished]);
  }

  /** The Step Functions JSON API, for the real SDK client. */
  async handleApi(target: string, body: Record<string, unknown>): Promise<unknown> {
    const s = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
    switch (target) {
      case 'AWSStepFunctions.StartExecution':
        return this.startExecution(s('stateMachineArn') ?? '', s('input') ?? '{}', s('name'));
      case 'AWSStepFunctions.DescribeExecution': {
        const r = this.describe(s('executionArn') ?? '');
        return { ...r, startDate: r.startDate / 1000, ...(r.stopDate ? { stopDate: r.stopDate / 1000 } : {}) };
      }
      case 'AWSStepFunctions.ListExecutions': {
        const items = [...this.executions.values()].filter(
          (e) => e.stateMachineArn === s('stateMachineArn') && (!s('statusFilter') || e.status === s('statusFilter')),
        );
        return {
          executions: items.map((e) => ({
            executionArn: e.executionArn,
            stateMachineArn: e.stateMachineArn,
            name: e.name,
            status: e.status,
            startDate: e.startDate / 1000,
            ...(e.stopDate ? { stopDate: e.stopDate / 1000 } : {}),
          })),
        };
      }
      case 'AWSStepFunctions.StopExecution':
        return { stopDate: this.stopExecution(s('executionArn') ?? '', s('error'), s('cause')) };
      case 'AWSStepFunctions.SendTaskSuccess':
        this.sendTaskSuccess(s('taskToken') ?? '', s('output') ?? 'null');
        return {};
      case 'AWSStepFunctions.SendTaskFailure':
        this.sendTaskFailure(s('taskToken') ?? '', s('error'), s('cause'));
        return {};
      case 'AWSStepFunctions.SendTaskHeartbeat':
        this.pendingToken(s('taskToken') ?? '');
        return {};
      default:
        throw new ApiError('UnknownOperationException', `Not supported by the local engine: ${target}`);
    }
  }
}

/** `$.a.b.c` on a JSON value (the only path form the ASL files use for timeouts). */
function readPath(value: Json, path: string): unknown {
  return path
    .replace(/^\$\.?/, '')
    .split('.')
    .filter(Boolean)
    .reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
}

/** setTimeout for any length (in steps below the 2^31-1 ms limit). */
function longTimer(ms: number, fire: () => void): { cancel(): void } {
  const end = Date.now() + ms;
  let handle: NodeJS.Timeout;
  const arm = () => {
    handle = setTimeout(() => (Date.now() >= end ? fire() : arm()), Math.min(end - Date.now(), 2 ** 31 - 1));
  };
  arm();
  return { cancel: () => clearTimeout(handle) };
}
