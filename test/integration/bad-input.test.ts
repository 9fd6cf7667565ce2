/**
 * The bad-input generator (issue 17): more than 10,000 generated requests across every operation of
 * the OpenAPI document — hostile path parameters (malformed and double percent-encoding, traversal,
 * 5,000 characters, control characters), query strings, bodies of every JSON shape and of no shape,
 * content types, callers of every kind — and not one may be answered with a 5xx, nor may a refused
 * request leave a record behind. Seeded (the same requests every run) and bounded in time.
 */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { documentClient } from '../../functions/adapters/dynamodb.ts';
import { startTestHost } from '../support/host.ts';

const SEED = 20261201;
const REQUESTS = 10_500;
const TIME_BUDGET_MS = 240_000;

let host: Awaited<ReturnType<typeof startTestHost>>;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host?.cleanup());

interface Operation {
  method: string;
  path: string;
  params: { name: string; in: string }[];
  bodyKeys: string[];
}

const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.uuid(),
  fc.integer().map(String),
  fc.constantFrom(
    '%zz',
    '%E0%A4%A',
    '%',
    '%%',
    '%252e%252e%252f',
    '..%2F..%2Fetc%2Fpasswd',
    '../..',
    '.',
    '%2e%2e',
    '%00',
    'null',
    'undefined',
    '-1',
    '0',
    '1e309',
    'NaN',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '{{7*7}}',
    '$' + '{jndi:ldap://x}',
    'a'.repeat(5000),
    '𝕏'.repeat(700),
    'diskominfo',
    'dinkes',
    'admin',
    '2026-13-45',
    '2026-02-30',
    '9999-12-31',
    'true',
    '[]',
    '{}',
    'eyJwayI6IklURU0jeCJ9',
    'W10',
    'dik.pdf',
    'lembar-uji-konsekuensi',
  ),
);

const jsonValue = fc.jsonValue({ maxDepth: 3 });
/** Bodies: none, broken JSON, any JSON, and objects with the operation's own keys holding anything. */
const body = (keys: string[]) =>
  fc.oneof(
    fc.constant(undefined),
    fc.constantFrom('{', '{"a":', 'null', '"text"', '[]', '{}', '\u0000', 'a=1&b=2', '{"__proto__":{"admin":true}}'),
    jsonValue.map((v) => JSON.stringify(v)),
    keys.length
      ? fc.dictionary(fc.constantFrom(...keys), fc.oneof(jsonValue, nasty), { maxKeys: keys.length }).map((o) => JSON.stringify(o))
      : fc.constant('{}'),
    nasty.map((s) => JSON.stringify({ content: { title: s, year: s }, decision: s, reason: s, version: s, agencyId: s })),
  );

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  '',
);
const caller = fc.constantFrom('admin', 'ppid.utama', 'petugas.dinkes', 'kepala.dinkes', 'atasan.ppid', null);

function request(op: Operation) {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query').map((p) => p.name);
  return fc.record({
    op: fc.constant(op),
    path: fc.tuple(...pathParams.map(() => fc.tuple(nasty, fc.boolean()))).map((values) => {
      let i = 0;
      return op.path.replace(/\{\w+\}/g, () => {
        const [v, raw] = values[i++]!;
        return raw ? v.replaceAll('#', '%23').replaceAll('?', '%3F') : encodeURIComponent(v);
      });
    }),
    query: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...(queryParams.length ? queryParams : ['x'])), fc.string({ maxLength: 10 })), nasty), { maxLength: 4 }),
    body: body(op.bodyKeys),
    contentType,
    as: caller,
  });
}

async function tableCount(): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const res = await documentClient().send(new ScanCommand({ TableName: host.tableName, Select: 'COUNT', ExclusiveStartKey: start as never }));
    count += res.Count ?? 0;
    start = res.LastEvaluatedKey;
  } while (start);
  return count;
}

it(`${REQUESTS} generated bad requests across every operation: no 5xx, and no refused request leaves a record behind`, async () => {
  const doc = (await (await fetch(`${host.url}/api/openapi.json`)).json()) as {
    paths: Record<
      string,
      Record<string, { parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: { properties?: object } }> } }>
    >;
  };
  const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      params: op.parameters ?? [],
      bodyKeys: Object.keys(op.requestBody?.content['application/json']?.schema.properties ?? {}),
    })),
  );
  expect(operations.length).toBeGreaterThanOrEqual(40);
  const tokens = new Map<string, string>();
  for (const u of ['admin', 'ppid.utama', 'petugas.dinkes', 'kepala.dinkes', 'atasan.ppid']) tokens.set(u, await host.tokenFor(u));

  const samples = fc.sample(fc.oneof(...operations.map((op) => request(op))), { numRuns: REQUESTS, seed: SEED });
  const failures: string[] = [];
  const began = Date.now();
  let sent = 0;
  const byStatus = new Map<number, number>();
  const send = async (r: (typeof samples)[number]) => {
    const qs = new URLSearchParams(r.query).toString();
    const url = `${host.url}${r.path}${qs ? `?${qs}` : ''}`;
    const headers: Record<string, string> = {};
    if (r.as) headers.authorization = `Bearer ${tokens.get(r.as)}`;
    if (r.contentType) headers['content-type'] = r.contentType;
    const withBody = r.op.method !== 'GET' && r.op.method !== 'HEAD' && r.body !== undefined;
    let status: number;
    try {
      const res = await fetch(url, { method: r.op.method, headers, body: withBody ? r.body : undefined });
      status = res.status;
      await res.arrayBuffer();
    } catch (e) {
      // fetch refuses some URLs itself (that is the client, not the server): not a server answer.
      if (e instanceof TypeError && /URL|Invalid/i.test(String(e.message) + String((e as { cause?: Error }).cause?.message))) return undefined;
      throw e;
    }
    sent++;
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    if (status >= 500) failures.push(`${status} ${r.op.method} ${url.slice(0, 300)} as ${r.as ?? 'anonymous'} body ${String(r.body).slice(0, 200)}`);
    return status;
  };

  // Reads in parallel; writes in batches, the table counted around each batch: a batch whose every
  // request was refused must leave the table as it found it.
  const reads = samples.filter((s) => s.op.method === 'GET');
  const writes = samples.filter((s) => s.op.method !== 'GET');
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < reads.length && Date.now() - began < TIME_BUDGET_MS / 2) await send(reads[next++]!);
    }),
  );
  const leftBehind: string[] = [];
  for (let i = 0; i < writes.length && Date.now() - began < TIME_BUDGET_MS; i += 50) {
    const batch = writes.slice(i, i + 50);
    const before = await tableCount();
    const statuses = await Promise.all(batch.map(send));
    // Workflows that a successful request started settle before the count is read.
    if (statuses.some((s) => s !== undefined && s < 300)) {
      await host.stepFunctions.idle().catch(() => undefined);
      continue;
    }
    const after = await tableCount();
    if (after !== before)
      leftBehind.push(
        `batch ${i / 50}: ${before} → ${after} records, every request refused: ${batch
          .map((b) => `${b.op.method} ${b.path}`)
          .join(', ')
          .slice(0, 400)}`,
      );
  }
  console.log(`bad-input generator: ${sent} requests in ${Date.now() - began} ms; answers ${JSON.stringify(Object.fromEntries([...byStatus].sort()))}`);
  expect(failures.slice(0, 20), `${failures.length} of ${sent} requests got a 5xx`).toEqual([]);
  expect(leftBehind.slice(0, 5)).toEqual([]);
  expect(sent).toBeGreaterThanOrEqual(10_000);
}, 300_000);
