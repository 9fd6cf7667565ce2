/**
 * Benchmark of an authenticated read through the API (issue 14): GET /api/items/{itemId} through the
 * local host, as a client sends it (HTTP, a signed token: the JWT check, the route, the caller's user
 * record read from the table for their role and agency, the item read, the agency check, the JSON
 * answer). BASELINE, in the same run on the same DynamoDB Local: a raw GetItem of the same item
 * (the adapters' document client). 400 pairs, interleaved one after the other (API, raw, API, raw, …)
 * after a warm-up, so both see the same machine; p50 and p99 of each and their ratios.
 *
 * FLOOR, interleaved with each pair: the same GET to a bare `node:http` server in a process of its
 * own (bench/api-floor.ts) that makes only the API's one table read (the BatchGetItem of the user
 * record and the item) and answers it. It is what no API can go below here: one HTTP hop plus that
 * read; its ratio to the baseline tells how much of the API's ratio is the hop and the read and how
 * much is the API's own work.
 *
 * The local host runs in a process of its own (bench/api-host.ts), as the API runs apart from its
 * clients everywhere else; this process is the client of both measurements (the API calls and the
 * baseline's GetItems are sent from here, one at a time), so neither competes with the host's work
 * for this event loop. (Until issue 14 the host ran in this process, and its request handling shared
 * the event loop with the client's.) The host writes its EMF metric lines, as it does in `npm start`;
 * they are dropped. `API_HOST_PROF=<dir>` writes the host process's CPU profile there.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../functions/adapters/dynamodb.ts';
import { dipContent } from '../test/support/host.ts';
import type { Row } from './register.bench.ts';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function apiBench(pairs = 400, warmup = 100): Promise<Row[]> {
  const child = fork(new URL('./api-host.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx', ...(process.env.API_HOST_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.API_HOST_PROF}`] : [])],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, POWERTOOLS_METRICS_DISABLED: 'false' },
  });
  const [host] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => Promise.reject(new Error(`the API host exited (${code}) before it was ready`))),
  ])) as [{ url: string; tableName: string; dynamodb: string; token: string; username: string }];
  // This process's document client reads the host's table (DynamoDB Local takes any key pair).
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: host.dynamodb,
    AWS_REGION: 'ap-southeast-3',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    TABLE_NAME: host.tableName,
  });
  let floor: ChildProcess | undefined;
  try {
    // A demo user of an SKPD reading one of its agency's items (the agency check runs, as for most staff).
    const token = host.token;
    const headers = { authorization: `Bearer ${token}` };
    const made = await fetch(`${host.url}/api/items`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ content: dipContent() }),
    });
    if (made.status !== 201) throw new Error(`POST /api/items: ${made.status} ${await made.text()}`);
    const { itemId } = (await made.json()) as { itemId: string };
    const url = `${host.url}/api/items/${itemId}`;
    const get = new GetCommand({ TableName: host.tableName, Key: { pk: `ITEM#${itemId}`, sk: 'ITEM' } });
    floor = fork(new URL('./api-floor.ts', import.meta.url), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: { ...process.env, BENCH_USERNAME: host.username },
    });
    const [{ url: floorUrl }] = (await once(floor, 'message')) as [{ url: string }];
    const viaFloor = async () => {
      const res = await fetch(`${floorUrl}/api/items/${itemId}`);
      if (res.status !== 200) throw new Error(`floor: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    const viaApi = async () => {
      const res = await fetch(url, { headers });
      if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    const raw = async () => {
      const res = await documentClient().send(get);
      if (!res.Item) throw new Error('raw GetItem found nothing');
    };
    // Warm-up: the handler module, the clients' connections, the JIT (not measured).
    for (let i = 0; i < warmup; i++) {
      await viaApi();
      await raw();
      await viaFloor();
    }
    const api: number[] = [];
    const base: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < pairs; i++) {
      // Rotate which goes first, so none always runs right after the same other's work.
      const runs = [viaApi, raw, viaFloor];
      for (let k = 0; k < runs.length; k++) {
        const run = runs[(i + k) % runs.length]!;
        const t = performance.now();
        await run();
        (run === viaApi ? api : run === raw ? base : bare).push(performance.now() - t);
      }
    }
    for (const xs of [api, base, bare]) xs.sort((a, b) => a - b);
    const ms = (x: number) => `${x.toFixed(2)} ms`;
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    const [a50, a99, b50, b99] = [percentile(api, 50), percentile(api, 99), percentile(base, 50), percentile(base, 99)];
    const [f50, f99] = [percentile(bare, 50), percentile(bare, 99)];
    return [
      { metric: `interleaved rounds of API, BASELINE and FLOOR (after ${warmup} warm-up rounds)`, value: String(pairs) },
      { metric: 'GET /api/items/{itemId} through the local host p50', value: `${ms(a50)} (${ratio(a50, b50)} baseline; must be ≤ 1.3×)` },
      { metric: 'GET /api/items/{itemId} through the local host p99', value: `${ms(a99)} (${ratio(a99, b99)} baseline; must be ≤ 2×)` },
      { metric: 'BASELINE raw GetItem of the same item p50', value: ms(b50) },
      { metric: 'BASELINE raw GetItem of the same item p99', value: ms(b99) },
      { metric: 'FLOOR bare HTTP server making the same BatchGetItem p50', value: `${ms(f50)} (${ratio(f50, b50)} baseline)` },
      { metric: 'FLOOR bare HTTP server making the same BatchGetItem p99', value: `${ms(f99)} (${ratio(f99, b99)} baseline)` },
      { metric: "the API's own work at p50 (API p50 − FLOOR p50)", value: `${ms(a50 - f50)} (${ratio(a50 - f50, b50)} baseline)` },
    ];
  } finally {
    floor?.kill();
    const gone = once(child, 'exit');
    child.send('stop');
    await gone;
  }
}
