/**
 * Benchmark of public request submissions (issue 10): 1,000 requests filed through the local API
 * (HTTP, validation, the gap-free number, the transaction with the personal record, the submission
 * id and the inbox entry, the audit event, the workflow start and the receipt mail), 4 at a time,
 * p50 and p99 of each submission's latency. BASELINE, in the same run on the same DynamoDB Local:
 * the raw TransactWriteItems of the same records (counter, request, personal data, submission, inbox
 * entry, audit event), issued the same way. Each figure is printed with its ratio to the baseline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../functions/adapters/dynamodb.ts';
import type { Row } from './register.bench.ts';

const CONCURRENCY = 4;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timed(n: number, run: (i: number) => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < n; i = next++) {
        const t = performance.now();
        await run(i);
        times.push(performance.now() - t);
      }
    }),
  );
  return times.sort((a, b) => a - b);
}

const form = (i: number) => ({
  requester: {
    kind: 'individual',
    fullName: `Pemohon Uji ${i}`,
    nik: String(6171010000000000 + i),
    address: `Jl. Uji Beban No. ${i}, Pontianak`,
    email: `pemohon${i}@example.org`,
  },
  content: {
    information: `Data anggaran kegiatan nomor ${i} tahun 2025 beserta realisasinya`,
    purpose: 'Pengujian beban sistem',
    obtainForm: 'copy_softcopy',
    deliveryMethod: 'email',
  },
  submissionId: crypto.randomUUID(),
});

export async function requestsBench(n = 1000): Promise<Row[]> {
  // One client address sends them all: lift the per-address limit for this run only.
  process.env.PUBLIC_WRITE_LIMIT = String(n * 10);
  const { startLocalHost } = await import('../infra/local/host.ts');
  const dataDir = mkdtempSync(join(tmpdir(), 'sip-ppid-bench-'));
  const host = await startLocalHost({ port: 0, dataDir, quiet: true });
  try {
    const url = `${host.url}/api/public/requests`;
    // Warm-up: load the handler and the clients (not measured).
    for (let i = 0; i < 5; i++) await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(form(-1 - i)) });
    const api = await timed(n, async (i) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(form(i)) });
      if (res.status !== 201) throw new Error(`submission ${i}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    });
    const TableName = host.tableName;
    const at = () => new Date().toISOString();
    const base = await timed(n, async (i) => {
      const id = `bench-${i}`;
      const item = { requestId: id, number: `PMH/BENCH/${i}`, state: 'registered', content: form(i).content, timeline: [], parts: [], version: 1 };
      await documentClient().send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName, Item: { pk: `COUNTER#bench#${i}`, sk: 'COUNTER', value: 1 }, ConditionExpression: 'attribute_not_exists(pk)' } },
            {
              Put: {
                TableName,
                Item: { pk: `REQUEST#${id}`, sk: 'REQUEST', gsi1pk: 'REQUESTS_BENCH', gsi1sk: String(i), ...item },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: { TableName, Item: { pk: `REQUEST#${id}`, sk: 'PERSONAL', requestId: id, requester: form(i).requester, version: 1 } } },
            { Put: { TableName, Item: { pk: `SUBMISSION#${id}`, sk: 'SUBMISSION', requestId: id }, ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName, Item: { pk: 'INBOX#request_new#bench', sk: `${at()}#${id}`, number: item.number } } },
            { Put: { TableName, Item: { pk: 'AUDIT#bench', sk: `${at()}#${id}`, action: 'request.register', after: item.content } } },
          ],
        }),
      );
    });
    const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    const p50 = percentile(api, 50);
    const p99 = percentile(api, 99);
    const b50 = percentile(base, 50);
    const b99 = percentile(base, 99);
    return [
      { metric: `submissions through the local API (${n}, ${CONCURRENCY} at a time)`, value: String(n) },
      { metric: 'submission p50', value: `${ms(p50)} (${ratio(p50, b50)} baseline)` },
      { metric: 'submission p99', value: `${ms(p99)} (${ratio(p99, b99)} baseline)` },
      { metric: 'BASELINE raw TransactWriteItems (6 records) p50', value: ms(b50) },
      { metric: 'BASELINE raw TransactWriteItems (6 records) p99', value: ms(b99) },
    ];
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
