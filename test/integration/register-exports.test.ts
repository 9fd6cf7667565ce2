/**
 * The whole-register exports' job (functions/core/register-exports.ts, task `tasks/register.exports`
 * on the RegisterExports schedule) against DynamoDB Local and the S3 emulator of a test host with
 * the demo items published: once marked due it writes `/data/dip.json`, `/data/dip.csv` and the
 * catalogue as a full render of the same state writes them; with nothing due it writes nothing; a
 * change that lands during a run keeps the mark; it waits for the register's lease.
 */
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlan, invalidate, readFiles } from '../../functions/adapters/register-site.ts';
import { registerStore } from '../../functions/adapters/register-store.ts';
import { agencyRank, EXPORT_PATHS } from '../../functions/core/register/exports.ts';
import type { SitePlan } from '../../functions/core/register/input.ts';
import { buildModel } from '../../functions/core/register/model.ts';
import { parseSummary, SUMMARY_PATH, serializeSummary, summaryOf } from '../../functions/core/register/summary.ts';
import { refreshExports } from '../../functions/core/register-exports.ts';
import { LEASE_SECONDS, RegisterBusy } from '../../functions/core/register-update.ts';
import { DEMO_ITEMS } from '../../infra/local/seed.ts';
import { CONTENT_TYPES, registerRenderer } from '../../web/register/render.ts';
import { emulatorS3, registerQuiet, runScheduled, startTestHost, until } from '../support/host.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let s3: S3Client;

/** The register site's port as the task builds it, counting what it writes. */
const writes: SitePlan[] = [];
const site = {
  read: readFiles,
  apply: (plan: SitePlan, opts?: { prune?: boolean }) => {
    writes.push(plan);
    return applyPlan(plan, opts);
  },
  invalidate,
};

const object = async (key: string) => {
  const res = await s3.send(new GetObjectCommand({ Bucket: host.bucketNames.register, Key: key }));
  return { body: await res.Body!.transformToString('utf-8'), contentType: res.ContentType };
};
const etag = async (key: string) => (await s3.send(new HeadObjectCommand({ Bucket: host.bucketNames.register, Key: key }))).ETag;
const FILES = [EXPORT_PATHS.json, EXPORT_PATHS.csv, EXPORT_PATHS.catalog];

beforeAll(async () => {
  host = await startTestHost({ demoItems: true });
  // The job is run by hand here; the schedule's own ticks would race with it.
  host.scheduler.stop();
  s3 = emulatorS3(host);
  await until(async () => (await registerStore.loadInput(new Date())).items.length === DEMO_ITEMS.length, 'the demo items published', 240_000);
  await registerQuiet(host);
  // The summary (the index of parts) is written with the pages by the register's update; a register
  // built before the renderer wrote it gets the summary of its items, as a full render writes it.
  if ((await readFiles([SUMMARY_PATH])).get(SUMMARY_PATH) === undefined) {
    const m = buildModel(await registerStore.loadInput(new Date()));
    await applyPlan({
      put: [{ path: SUMMARY_PATH, body: serializeSummary(summaryOf(m.items, agencyRank(m))), contentType: CONTENT_TYPES.json }],
      delete: [],
      copies: [],
      removeCopies: [],
    });
  }
}, 400_000);
afterAll(async () => {
  s3?.destroy();
  await host?.cleanup();
});

describe('the whole-register exports job', () => {
  const at = new Date(Date.now() + 60_000);

  it('once marked due, writes dip.json, dip.csv and the catalogue as a full render of the same state', async () => {
    await registerStore.markExportsDue(new Date().toISOString());
    const input = await registerStore.loadInput(at);
    const summary = parseSummary((await readFiles([SUMMARY_PATH])).get(SUMMARY_PATH)!);
    expect(summary.parts.length).toBeGreaterThan(1);

    writes.length = 0;
    const done = await refreshExports(registerStore, site, CONTENT_TYPES, { now: at });
    expect(done).toMatchObject({ reason: 'due', parts: summary.parts.length, items: DEMO_ITEMS.length, files: 3 });
    expect(writes).toHaveLength(1);

    // A full render of the same register, stamped with the same time.
    const full = new Map(registerRenderer.renderFull({ ...input, generatedAt: at.toISOString() }).put.map((f) => [f.path, f]));
    for (const path of FILES) {
      const written = await object(path);
      const expected = full.get(path)!;
      expect(written.body, path).toBe(typeof expected.body === 'string' ? expected.body : new TextDecoder().decode(expected.body));
      expect(written.contentType, path).toBe(expected.contentType);
    }
    const json = JSON.parse((await object(EXPORT_PATHS.json)).body);
    expect(json.generatedAt).toBe(at.toISOString());
    expect(json.count).toBe(DEMO_ITEMS.length);
    // The catalogue lists every part with its newest publication.
    const catalog = (await object(EXPORT_PATHS.catalog)).body;
    for (const p of summary.parts) expect(catalog).toContain(`/data/dip/${p.agencyId}/${p.year}.json`);
    expect(await registerStore.exportsState()).toEqual({ writtenAt: at.toISOString() });
  });

  it('with nothing due writes nothing, until the nightly rewrite', async () => {
    const before = await Promise.all(FILES.map(etag));
    writes.length = 0;
    const later = new Date(at.getTime() + 10 * 60_000);
    expect(await refreshExports(registerStore, site, CONTENT_TYPES, { now: later })).toEqual({ parts: 0, items: 0, files: 0, invalidated: 0 });
    expect(writes).toEqual([]);
    expect(await Promise.all(FILES.map(etag))).toEqual(before);
    expect(await registerStore.exportsState()).toEqual({ writtenAt: at.toISOString() });

    // More than 23 hours after the last write: written again, stamped anew.
    const nextNight = new Date(at.getTime() + 24 * 3_600_000);
    expect(await refreshExports(registerStore, site, CONTENT_TYPES, { now: nextNight })).toMatchObject({ reason: 'nightly', files: 3 });
    expect(JSON.parse((await object(EXPORT_PATHS.json)).body).generatedAt).toBe(nextNight.toISOString());
    expect(await registerStore.exportsState()).toEqual({ writtenAt: nextNight.toISOString() });
  });

  it('a change that lands during a run keeps the mark for the next one', async () => {
    const first = new Date(at.getTime() + 25 * 3_600_000).toISOString();
    const moved = new Date(at.getTime() + 25 * 3_600_000 + 1000).toISOString();
    await registerStore.markExportsDue(first);
    let changed = false;
    // While the job reads its partitions, the mark moves (another writer cleared the one it started
    // from, and a newer change set it again).
    const store = {
      ...registerStore,
      partitionItems: async (keys: Parameters<typeof registerStore.partitionItems>[0]) => {
        if (!changed) {
          changed = true;
          await registerStore.exportsWritten(first, first);
          await registerStore.markExportsDue(moved);
        }
        return registerStore.partitionItems(keys);
      },
    };
    const now = new Date(at.getTime() + 25 * 3_600_000 + 2000);
    expect(await refreshExports(store, site, CONTENT_TYPES, { now })).toMatchObject({ reason: 'due', files: 3 });
    expect(changed).toBe(true);
    expect(await registerStore.exportsState()).toEqual({ dueSince: moved, writtenAt: now.toISOString() });
    // The next tick writes them again and clears it.
    const next = new Date(now.getTime() + 10 * 60_000);
    expect(await refreshExports(registerStore, site, CONTENT_TYPES, { now: next })).toMatchObject({ reason: 'due' });
    expect(await registerStore.exportsState()).toEqual({ writtenAt: next.toISOString() });
  });

  it('waits for the register: RegisterBusy while an update holds the lease, and the mark stays', async () => {
    const due = new Date(at.getTime() + 26 * 3_600_000).toISOString();
    await registerStore.markExportsDue(due);
    expect(await registerStore.lock('an-update', LEASE_SECONDS)).toBe(true);
    try {
      writes.length = 0;
      await expect(refreshExports(registerStore, site, CONTENT_TYPES, { now: new Date(at.getTime() + 26 * 3_600_000 + 1000) })).rejects.toBeInstanceOf(
        RegisterBusy,
      );
      expect(writes).toEqual([]);
      expect((await registerStore.exportsState()).dueSince).toBe(due);
    } finally {
      await registerStore.unlock('an-update');
    }
  });

  it("runs on the local host as the schedule starts it: the RegisterExports workflow's task writes what is due", async () => {
    await registerStore.markExportsDue(new Date().toISOString());
    const before = await etag(EXPORT_PATHS.json);
    const done = await runScheduled(host, 'RegisterExports');
    expect(done.status, JSON.stringify(done)).toBe('SUCCEEDED');
    expect(await etag(EXPORT_PATHS.json)).not.toBe(before);
    expect((await registerStore.exportsState()).dueSince).toBeUndefined();
  });
});
