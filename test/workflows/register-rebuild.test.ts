/**
 * The full rebuild as a distributed job (functions/core/register-rebuild.ts, the RegisterRebuild
 * workflow, statemachines/register-rebuild.asl.json) on the local host: the same ASL, its
 * Distributed Map run one partition at a time. Over six partitions (three agencies × two
 * registration years), one of whose tasks fails once after doing its work: the execution succeeds,
 * that partition's task ran twice, and the bucket holds exactly what a full render of the same
 * state holds (byte for byte and content type), nothing it does not (a stale page is removed).
 */
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { documentClient, keys } from '../../functions/adapters/dynamodb.ts';
import { registerStore } from '../../functions/adapters/register-store.ts';
import { CATEGORIES } from '../../functions/core/item-model.ts';
import { fileText, type PublishedEntry } from '../../functions/core/register/input.ts';
import type { RebuildRun } from '../../functions/core/register-rebuild.ts';
import { machineArn } from '../../infra/local/stepfunctions.ts';
import { registerRenderer } from '../../web/register/render.ts';
import { publishedEntry } from '../support/fixtures.ts';
import { emulatorS3, registerQuiet, startTestHost, until } from '../support/host.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let s3: S3Client;

const AGENCIES = ['dinkes', 'disdikbud', 'bappeda'];
const YEARS = [2025, 2026];
const FAILING = 'disdikbud#2025';

function entry(agencyId: string, regYear: number, sequence: number): PublishedEntry {
  return publishedEntry(agencyId, regYear, sequence, {
    itemId: `rb-${agencyId}-${regYear}-${sequence}`,
    publishedAt: `${regYear}-03-${String((sequence % 27) + 1).padStart(2, '0')}T0${sequence % 10}:00:00.000Z`,
    content: {
      title: `Laporan ${agencyId} ${regYear} nomor ${sequence} anggaran kinerja`,
      summary: `Ringkasan laporan ${sequence} tentang pelayanan publik ${agencyId}.`,
      category: CATEGORIES[sequence % CATEGORIES.length]!,
    },
  });
}

/** The register bucket: each object's content (decoded as stored), type and encoding. */
async function bucket(): Promise<Map<string, { body: string; contentType?: string; encoding?: string }>> {
  const Bucket = host.bucketNames.register;
  const out = new Map<string, { body: string; contentType?: string; encoding?: string }>();
  let ContinuationToken: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket, ContinuationToken }));
    for (const o of page.Contents ?? []) {
      const res = await s3.send(new GetObjectCommand({ Bucket, Key: o.Key! }));
      const encoding = res.ContentEncoding === 'gzip' ? ('gzip' as const) : undefined;
      out.set(o.Key!, { body: fileText({ body: await res.Body!.transformToByteArray(), encoding }), contentType: res.ContentType, encoding });
    }
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return out;
}

beforeAll(async () => {
  host = await startTestHost();
  s3 = emulatorS3(host);
  await registerQuiet(host);
  // Published items written as the publication writes them (no register events: only the rebuild shows them).
  for (const agencyId of AGENCIES)
    for (const regYear of YEARS)
      for (const sequence of [1, 2, 3, 99, 100, 101, 215]) {
        const e = entry(agencyId, regYear, sequence);
        await documentClient().send(new PutCommand({ TableName: host.tableName, Item: { ...keys.published(e), ...e } }));
      }
  // Something no rebuild writes: removed by it.
  await s3.send(new PutObjectCommand({ Bucket: host.bucketNames.register, Key: 'informasi/lama/2020/1.html', Body: 'stale', ContentType: 'text/html' }));
}, 300_000);

afterAll(async () => {
  s3?.destroy();
  await host?.cleanup();
});

it('rebuilds the register partition by partition through the ASL, retrying a partition that failed once, to what a full render writes', async () => {
  const partitionRuns = new Map<string, number>();
  host.stepFunctions.taskFault = ({ handler, input }) => {
    if (handler !== 'tasks/register.rebuildPartition') return undefined;
    const { partition } = input as { partition: { agencyId: string; year: number } };
    const id = `${partition.agencyId}#${partition.year}`;
    const n = (partitionRuns.get(id) ?? 0) + 1;
    partitionRuns.set(id, n);
    // The first run of one partition dies after writing its part (a Lambda timing out as it returns).
    return id === FAILING && n === 1 ? Object.assign(new Error('injected: the partition task died once'), { name: 'Lambda.Unknown' }) : undefined;
  };
  try {
    const { executionArn } = host.stepFunctions.startExecution(machineArn('RegisterRebuild'), '{}', `rebuild-${Date.now()}`);
    const record = await until(
      () => {
        const r = host.stepFunctions.describe(executionArn);
        return r.status !== 'RUNNING' && r;
      },
      'the rebuild done',
      240_000,
    );
    expect(record.error ?? '', record.cause).toBe('');
    expect(record.status).toBe('SUCCEEDED');

    // Every partition ran, the failing one twice.
    expect([...partitionRuns.keys()].sort()).toEqual(AGENCIES.flatMap((a) => YEARS.map((y) => `${a}#${y}`)).sort());
    for (const [id, n] of partitionRuns) expect(n, id).toBe(id === FAILING ? 2 : 1);

    // The bucket equals a full render of the same state, stamped with the rebuild's time.
    const { run } = (JSON.parse(record.output!) as { plan: { run: RebuildRun } }).plan;
    const input = await registerStore.loadInput(new Date(run.now));
    expect(input.items).toHaveLength(AGENCIES.length * YEARS.length * 7);
    const full = registerRenderer.renderFull({ ...input, builtAt: run.at });
    const files = await bucket();
    expect(files.has('informasi/lama/2020/1.html')).toBe(false);
    const expected = new Map(full.put.map((f) => [f.path, f]));
    for (const c of full.copies) expect(files.has(c.to), c.to).toBe(true);
    const extra = [...files.keys()].filter((p) => !expected.has(p) && !full.copies.some((c) => c.to === p));
    expect(extra).toEqual([]);
    const missing = [...expected.keys()].filter((p) => !files.has(p));
    expect(missing).toEqual([]);
    const differing = [...expected.values()].filter(
      (f) => files.get(f.path)?.body !== fileText(f) || files.get(f.path)?.contentType !== f.contentType || files.get(f.path)?.encoding !== f.encoding,
    );
    expect(differing.map((f) => f.path)).toEqual([]);

    // The build is recorded and the lease released: what the register shows is every item.
    expect(await registerStore.built()).toMatchObject({ at: run.at, renderer: registerRenderer.version });
    expect(await registerStore.lock('after-the-rebuild', 5)).toBe(true);
    await registerStore.unlock('after-the-rebuild');
    const shown = await registerStore.registered(input.items[0]!.itemId);
    expect(shown).toEqual(input.items.find((e) => e.itemId === input.items[0]!.itemId));
  } finally {
    host.stepFunctions.taskFault = undefined;
  }
}, 300_000);
