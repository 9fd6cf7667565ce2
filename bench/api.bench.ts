/**
 * Benchmark of an authenticated read through the API (issue 14): GET /api/items/{itemId} through the
 * local host, as a client sends it (HTTP, a signed token: the JWT check, the route, the caller's user
 * record read from the table for their role and agency, the item read, the agency check, the JSON
 * answer). BASELINE, in the same run on the same DynamoDB Local: a raw GetItem of the same item
 * (the adapters' document client). 400 pairs, interleaved one after the other (API, raw, API, raw, …)
 * after a warm-up, so both see the same machine; p50 and p99 of each and their ratios.
 *
 * The local host runs in a process of its own (bench/api-host.ts), as the API runs apart from its
 * clients everywhere else; this process is the client of both measurements (the API calls and the
 * baseline's GetItems are sent from here, one at a time), so neither competes with the host's work
 * for this event loop. (Until issue 14 the host ran in this process, and its request handling shared
 * the event loop with the client's.) The host writes its EMF metric lines, as it does in `npm start`;
 * they are dropped. `API_HOST_PROF=<dir>` writes the host process's CPU profile there.
 */
import { fork } from 'node:child_process';
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
  ])) as [{ url: string; tableName: string; dynamodb: string; token: string }];
  // This process's document client reads the host's table (DynamoDB Local takes any key pair).
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: host.dynamodb,
    AWS_REGION: 'ap-southeast-3',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    TABLE_NAME: host.tableName,
  });
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
    }
    const api: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < pairs; i++) {
      // Alternate which goes first, so neither always runs right after the other's work.
      const order = i % 2 ? ([raw, viaApi] as const) : ([viaApi, raw] as const);
      for (const run of order) {
        const t = performance.now();
        await run();
        (run === viaApi ? api : base).push(performance.now() - t);
      }
    }
    api.sort((a, b) => a - b);
    base.sort((a, b) => a - b);
    const ms = (x: number) => `${x.toFixed(2)} ms`;
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    const [a50, a99, b50, b99] = [percentile(api, 50), percentile(api, 99), percentile(base, 50), percentile(base, 99)];
    return [
      { metric: `interleaved pairs (after ${warmup} warm-up pairs)`, value: String(pairs) },
      { metric: 'GET /api/items/{itemId} through the local host p50', value: `${ms(a50)} (${ratio(a50, b50)} baseline; must be ≤ 1.3×)` },
      { metric: 'GET /api/items/{itemId} through the local host p99', value: `${ms(a99)} (${ratio(a99, b99)} baseline; must be ≤ 2×)` },
      { metric: 'BASELINE raw GetItem of the same item p50', value: ms(b50) },
      { metric: 'BASELINE raw GetItem of the same item p99', value: ms(b99) },
    ];
  } finally {
    const gone = once(child, 'exit');
    child.send('stop');
    await gone;
  }
}
