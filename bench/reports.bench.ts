/**
 * Benchmark of SOP 001 (issue 12): the dashboard and the annual report at national scale.
 *
 * 300 agencies (plus the demo body's), requests of 2026 spread over them and over the months, and two
 * DIP publications per agency and month. The request records are written to DynamoDB Local as the
 * store keeps them; the counters are the recount of the records (counters.ts `recount`: the sum of the
 * same contributions the transactions apply change by change).
 *
 * - The dashboard for the year 2026, body-wide, at 1,000 and at 100,000 requests: DynamoDB Queries,
 *   counter records read, and time (median of 20 runs). Its ratio between the two sizes must stay near
 *   1. BASELINE in the same run: the same Queries issued raw (no processing).
 * - The annual report (Laporan Layanan Informasi Publik 2026, consolidated) at 100,000 requests:
 *   the data (buildReport) and its PDF and XLSX. BASELINE: a raw paginated Query reading the same
 *   request records (what any report from the records must at least do).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, dynamoStore, keys } from '../functions/adapters/dynamodb.ts';
import { localIdentity } from '../functions/adapters/identity.ts';
import type { Item } from '../functions/core/item-model.ts';
import type { Agency } from '../functions/core/model.ts';
import type { Context } from '../functions/core/ports.ts';
import { recount, zonesOf } from '../functions/core/reports/counters.ts';
import { dashboard, monthsBetween } from '../functions/core/reports/dashboard.ts';
import { buildReport } from '../functions/core/reports/data.ts';
import { reportPdf, reportXlsx } from '../functions/core/reports/render.ts';
import type { Request } from '../functions/core/requests/model.ts';
import { mulberry32, type Row } from './register.bench.ts';

const AGENCIES = 300;
const DAY = 86_400_000;

const agencyId = (i: number) => `bench${String(i).padStart(3, '0')}`;

function benchAgency(i: number): Agency {
  return {
    id: agencyId(i),
    kind: 'skpd',
    name: `Dinas Uji Beban ${String(i).padStart(3, '0')}`,
    timezone: 'Asia/Pontianak',
    workWeek: [1, 2, 3, 4, 5],
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/**
 * The DIP side of the dashboard: each agency publishes two items each month (their counters only; the
 * dashboard never reads items). Both runs have them, so the two differ only in their requests.
 */
function dipActivity(): Item[] {
  const items: Item[] = [];
  for (let a = 0; a < AGENCIES; a++)
    for (let m = 0; m < 11; m++)
      for (let k = 0; k < 2; k++) {
        const publishedAt = new Date(Date.UTC(2026, m, 3 + 10 * k, 3)).toISOString();
        items.push({
          itemId: `bench-${a}-${m}-${k}`,
          agencyId: agencyId(a),
          status: 'published',
          publication: 'published',
          published: { versionNo: 1, publishedAt, category: 'berkala' },
          publications: [{ versionNo: 1, publishedAt }],
          current: { content: { category: 'berkala' } },
        } as unknown as Item);
      }
  return items;
}

const DECISIONS = ['granted', 'granted', 'granted', 'partial', 'refused'] as const;

/** The n-th request of 2026: received between January and November, answered 0–16 days later. */
function benchRequest(n: number): Request {
  const rnd = mulberry32(n);
  const received = Date.UTC(2026, 0, 1) + Math.floor(rnd() * 330) * DAY + 2 * 3600_000;
  const receivedOn = new Date(received + 7 * 3600_000).toISOString().slice(0, 10);
  const days = Math.floor(rnd() * 17);
  const answeredAt = new Date(received + days * DAY).toISOString();
  const deadlineAt = new Date(received + 14 * DAY).toISOString();
  const decision = DECISIONS[Math.floor(rnd() * DECISIONS.length)]!;
  const agency = agencyId(Math.floor(rnd() * AGENCIES));
  const requestId = `2026-${String(n).padStart(6, '0')}`;
  return {
    requestId,
    number: `PMH/2026/${String(n).padStart(6, '0')}`,
    year: 2026,
    sequence: n,
    state: 'closed',
    channel: 'online',
    requesterKind: 'individual',
    onBehalf: false,
    content: {
      information: `Data anggaran kegiatan nomor ${n} tahun 2025 beserta realisasinya`,
      purpose: 'Pengujian beban sistem',
      obtainForm: 'copy_softcopy',
      deliveryMethod: 'email',
    },
    receivedAt: new Date(received).toISOString(),
    receivedOn,
    registeredAt: new Date(received).toISOString(),
    registeredBy: 'pemohon',
    trackingHash: 'x'.repeat(64),
    deadline: { at: deadlineAt, local: deadlineAt, explanation: { id: '10 hari kerja', en: '10 working days' }, rule: { unit: 'workingDays', amount: 10 } },
    escalations: 0,
    routing: { at: new Date(received).toISOString(), by: 'ppid.utama', held: true, agencies: [agency] },
    parts: [
      {
        agencyId: agency,
        routedAt: new Date(received).toISOString(),
        deadline: { at: deadlineAt, local: deadlineAt, explanation: { id: '', en: '' }, rule: { unit: 'workingDays', amount: 5 } },
        reminders: 0,
        answer: {
          decision,
          grounds: [],
          form: 'Salinan elektronik (PDF)',
          cost: 0,
          deliveryTime: 'Saat pemberitahuan diterima',
          documents: [],
          answeredAt,
          answeredBy: 'kepala',
        },
      },
    ],
    clarifications: [],
    outcome: { held: true, decision, cost: 0, answeredAt, workingDays: Math.round((days * 5) / 7) },
    notice: {
      number: `PTT/2026/${String(n).padStart(6, '0')}`,
      file: { key: `requests/${requestId}/pemberitahuan.pdf`, fileName: 'p.pdf', contentType: 'application/pdf', size: 1, sha256: 'x' } as never,
      issuedAt: answeredAt,
      verificationCode: 'x',
    },
    closed: { at: answeredAt, by: 'system', reason: 'delivered' },
    inbox: [],
    documents: [],
    timeline: [],
    createdAt: new Date(received).toISOString(),
    updatedAt: answeredAt,
    version: 5,
  } as Request;
}

async function batchPut(items: Record<string, unknown>[]): Promise<void> {
  const TableName = process.env.TABLE_NAME!;
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let c = next++; c < chunks.length; c = next++) {
        let pending: unknown[] = chunks[c]!.map((Item) => ({ PutRequest: { Item } }));
        while (pending.length) {
          const res = await documentClient().send(new BatchWriteCommand({ RequestItems: { [TableName]: pending as never } }));
          pending = res.UnprocessedItems?.[TableName] ?? [];
        }
      }
    }),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timedMedian(runs: number, f: () => Promise<unknown>): Promise<number> {
  await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** The raw Queries the dashboard makes (the months, the two recent months, the gauges). */
async function rawDashboardQueries(months: string[]): Promise<number> {
  let records = 0;
  await Promise.all(
    months.map(async (m) => {
      let start: Record<string, unknown> | undefined;
      do {
        const res = await documentClient().send(
          new QueryCommand({
            TableName: process.env.TABLE_NAME!,
            KeyConditionExpression: 'pk = :p',
            ExpressionAttributeValues: { ':p': `STATS#${m}` },
            ExclusiveStartKey: start,
          }),
        );
        records += res.Items?.length ?? 0;
        start = res.LastEvaluatedKey;
      } while (start);
    }),
  );
  return records;
}

export async function reportsBench(total = 100_000, small = 1_000): Promise<Row[]> {
  const { startLocalHost } = await import('../infra/local/host.ts');
  const dataDir = mkdtempSync(join(tmpdir(), 'sip-ppid-bench-reports-'));
  const host = await startLocalHost({ port: 0, dataDir, quiet: true });
  const rows: Row[] = [];
  const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  try {
    const agencies = Array.from({ length: AGENCIES }, (_, i) => benchAgency(i));
    await batchPut(agencies.map((a) => ({ ...keys.agency(a), ...a })));
    const zones = zonesOf(await dynamoStore.listAgencies());
    const ctx: Context = { store: dynamoStore, identity: localIdentity, requestId: 'bench', now: new Date('2026-12-01T03:00:00.000Z') };
    const actor = { username: 'ppid.utama', name: 'PPID Utama', role: 'ppid_utama', agencyId: 'diskominfo' } as const;
    const query = { from: '2026-01', to: '2026-12' };
    const wanted = [...new Set([...monthsBetween('2026-01', '2026-12'), '2026-11', 'now'])];

    const requests: Request[] = [];
    const dip = dipActivity();
    let written = 0;
    const measureDashboard = async (n: number) => {
      const t = performance.now();
      while (requests.length < n) requests.push(benchRequest(requests.length + 1));
      await batchPut(requests.slice(written).map((r) => ({ ...keys.request(r), ...r })));
      written = requests.length;
      const writeSeconds = (performance.now() - t) / 1000;
      const counters = recount(
        [...dip.map((value) => ({ entity: 'item', value }) as const), ...requests.map((value) => ({ entity: 'request', value }) as const)],
        zones,
      ).map((d) => ({ month: d.month, agencyId: d.agencyId, metrics: d.increments }));
      await dynamoStore.replaceCounters(counters);
      const board = await dashboard(ctx, actor, query);
      if (board.total.requests.received !== n) throw new Error(`dashboard counted ${board.total.requests.received} of ${n} requests`);
      const time = await timedMedian(20, () => dashboard(ctx, actor, query));
      const records = await rawDashboardQueries(wanted);
      const base = await timedMedian(20, () => rawDashboardQueries(wanted));
      return { time, base, reads: board.reads, records, writeSeconds };
    };

    const a = await measureDashboard(small);
    const b = await measureDashboard(total);
    rows.push(
      { metric: `dashboard 2026, ${AGENCIES} agencies, ${small} requests: Queries / counter records`, value: `${a.reads} / ${a.records}` },
      { metric: `dashboard 2026, ${AGENCIES} agencies, ${total} requests: Queries / counter records`, value: `${b.reads} / ${b.records}` },
      { metric: `dashboard time at ${small} requests (median of 20)`, value: `${ms(a.time)} (${ratio(a.time, a.base)} baseline)` },
      { metric: `dashboard time at ${total} requests (median of 20)`, value: `${ms(b.time)} (${ratio(b.time, b.base)} baseline)` },
      { metric: `dashboard time ${total} / ${small} requests`, value: ratio(b.time, a.time) },
      { metric: `BASELINE the same ${a.reads} Queries raw, at ${small} / ${total}`, value: `${ms(a.base)} / ${ms(b.base)}` },
    );

    // The annual report from the records, at the full size.
    const spec = { kind: 'annual' as const, from: '2026-01-01', to: '2026-12-31' };
    const readAll = async () => {
      let n = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const res = await documentClient().send(
          new QueryCommand({
            TableName: process.env.TABLE_NAME!,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :p AND begins_with(gsi1sk, :y)',
            ExpressionAttributeValues: { ':p': 'REQUESTS', ':y': '2026#' },
            // The page size the store reads reports with (reports/data.ts).
            Limit: 100,
            ExclusiveStartKey: start,
          }),
        );
        n += res.Items?.length ?? 0;
        start = res.LastEvaluatedKey;
      } while (start);
      return n;
    };
    await readAll();
    const tb = performance.now();
    const read = await readAll();
    const baseline = performance.now() - tb;
    const t0 = performance.now();
    const data = await buildReport(ctx, spec);
    const dataTime = performance.now() - t0;
    const t1 = performance.now();
    const xlsx = await reportXlsx(data, 'id');
    const xlsxTime = performance.now() - t1;
    const t2 = performance.now();
    const pdf = await reportPdf(ctx, data);
    const pdfTime = performance.now() - t2;
    const heap = process.memoryUsage().heapUsed / 1024 / 1024;
    rows.push(
      { metric: `annual report ${total} requests: data (buildReport)`, value: `${ms(dataTime)} (${ratio(dataTime, baseline)} baseline)` },
      { metric: 'annual report: XLSX', value: `${ms(xlsxTime)}, ${(xlsx.byteLength / 1024 / 1024).toFixed(1)} MB` },
      { metric: 'annual report: PDF', value: `${ms(pdfTime)}, ${(pdf.byteLength / 1024 / 1024).toFixed(1)} MB` },
      {
        metric: 'annual report: data + XLSX + PDF',
        value: `${ms(dataTime + xlsxTime + pdfTime)} (${ratio(dataTime + xlsxTime + pdfTime, baseline)} baseline)`,
      },
      { metric: `BASELINE raw Query of the ${read} request records`, value: ms(baseline) },
      { metric: 'heap after the annual report', value: `${heap.toFixed(0)} MB` },
      { metric: `bench data written (${total} requests)`, value: `${(a.writeSeconds + b.writeSeconds).toFixed(1)} s` },
    );
    return rows;
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
