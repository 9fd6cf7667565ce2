/**
 * Benchmark of an authenticated read through the API (issue 14): GET /api/items/{itemId} through the
 * local host, as a client sends it (HTTP, a signed token: the JWT check, the route, the caller's user
 * record read from the table for their role and agency, the item read, the agency check, the JSON
 * answer). BASELINE, in the same run on the same DynamoDB Local: a raw GetItem of the same item
 * (the adapters' document client). 400 pairs, interleaved one after the other (API, raw, API, raw, …)
 * after a warm-up, so both see the same machine; p50 and p99 of each and their ratios.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../functions/adapters/dynamodb.ts';
import { dipContent } from '../test/support/host.ts';
import type { Row } from './register.bench.ts';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function apiBench(pairs = 400, warmup = 100): Promise<Row[]> {
  const { startLocalHost } = await import('../infra/local/host.ts');
  const dataDir = mkdtempSync(join(tmpdir(), 'sip-ppid-bench-api-'));
  const host = await startLocalHost({ port: 0, dataDir, quiet: true });
  try {
    // A demo user of an SKPD reading one of its agency's items (the agency check runs, as for most staff).
    const token = await host.tokenFor('petugas.dinkes');
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
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
