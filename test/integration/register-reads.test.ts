/**
 * The incremental register update costs what its change touches (issue 14): one publication reads
 * the same number of table records whether the register holds a hundred items or a couple of
 * thousand more. One test host (DynamoDB Local, the real store adapter and SDK), the same
 * agencies, a touched partition of the same size holding the newest publications; in between, the
 * other partitions grow tenfold. Every record a read returns (GetItem, Query, BatchGetItem) is
 * counted by a middleware on the SDK client. The register's files live in memory (the site port),
 * as this test is about the table.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { config } from '../../functions/adapters/config.ts';
import { documentClient, keys } from '../../functions/adapters/dynamodb.ts';
import { registerStore } from '../../functions/adapters/register-store.ts';
import type { RegisterEvent } from '../../functions/core/item-model.ts';
import type { PublishedEntry } from '../../functions/core/register/input.ts';
import { updateRegister } from '../../functions/core/register-update.ts';
import { registerRenderer } from '../../web/register/render.ts';
import { publishedEntry } from '../support/fixtures.ts';
import { registerQuiet, startTestHost } from '../support/host.ts';
import { memoryRegister } from '../support/register-memory.ts';

let host: Awaited<ReturnType<typeof startTestHost>> | undefined;
afterAll(async () => {
  await host?.cleanup();
});

const entry = (agencyId: string, regYear: number, sequence: number, publishedAt: string): PublishedEntry =>
  publishedEntry(agencyId, regYear, sequence, {
    itemId: `reads-${agencyId}-${regYear}-${sequence}`,
    approvedBy: 'kepala.dinkes',
    publishedAt,
    content: {
      title: `Laporan ${agencyId} ${regYear} nomor ${sequence}`,
      summary: `Ringkasan laporan kinerja dan anggaran ${agencyId} tahun ${regYear}, bagian ${sequence}.`,
      responsible: 'Kepala',
      category: (['berkala', 'setiap_saat', 'serta_merta'] as const)[sequence % 3]!,
    },
  });

async function put(items: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    await documentClient().send(
      new BatchWriteCommand({ RequestItems: { [config.tableName()]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }),
    );
  }
}
const publishedRecord = (e: PublishedEntry) => ({ ...keys.published(e), ...e });

/** Records returned by every read through the SDK client from now on. */
function countReads(): { count: number; stop(): void } {
  const name = `countRegisterReads-${Math.random()}`;
  const counter = { count: 0, stop: () => void documentClient().middlewareStack.remove(name) };
  documentClient().middlewareStack.add(
    (next) => async (args) => {
      const res = await next(args);
      const out = res.output as { Items?: unknown[]; Item?: unknown; Responses?: Record<string, unknown[]> };
      counter.count += out.Items?.length ?? (out.Item ? 1 : 0) + Object.values(out.Responses ?? {}).reduce((n, r) => n + r.length, 0);
      return res;
    },
    { step: 'initialize', name },
  );
  return counter;
}

/**
 * `bulk` older items in other partitions and a partition of 40 items (dinkes, `year`), the newest of
 * the register, added to the table; the register built whole; then one publication into that
 * partition, updated incrementally. Returns the records that update read.
 */
async function readsOfOnePublication(bulk: number, year: number, from: number): Promise<number> {
  const agencies = ['disdikbud', 'diskominfo'];
  const bulkItems = Array.from({ length: bulk }, (_, i) =>
    entry(agencies[i % 2]!, 2016 + (Math.floor(i / 2) % 8), from + Math.floor(i / 16) + 1, new Date(Date.UTC(2019, 0, 1) + (from + i) * 60_000).toISOString()),
  );
  // Each partition a month newer than the one before: the newest publications are all its own.
  const newest = Date.UTC(2026, 10, 1) + (year - 2024) * 30 * 86_400_000;
  const partition = Array.from({ length: 40 }, (_, i) => entry('dinkes', year, 500 + i, new Date(newest + i * 3_600_000).toISOString()));
  await put([...bulkItems, ...partition].map(publishedRecord));
  const reg = memoryRegister({ publicBody: { name: '-' }, agencies: [], dik: [] }, []);
  await updateRegister(registerStore, reg.site, registerRenderer, { full: true, now: new Date(newest + 50 * 3_600_000) });

  const added = entry('dinkes', year, 540, new Date(newest + 60 * 3_600_000).toISOString());
  const event: RegisterEvent = { eventId: `reads-${year}`, at: added.publishedAt, type: 'published', itemId: added.itemId, agencyId: 'dinkes', versionNo: 1 };
  await put([publishedRecord(added), { ...keys.registerEvent(event), ...event }]);
  const counter = countReads();
  const done = await updateRegister(registerStore, reg.site, registerRenderer, { now: new Date(newest + 61 * 3_600_000) });
  counter.stop();
  expect(done.events).toBe(1);
  expect(reg.files.get(`informasi/dinkes/${year}/540.html`)).toContain(added.content.title);
  return counter.count;
}

describe('one publication reads the same at two register sizes', () => {
  it('reads the changed item, its partition and what the shared pages name, not the register', async () => {
    host = await startTestHost();
    await registerQuiet(host);
    // The register grows tenfold between the two; each publication goes into a partition of the same size.
    const small = await readsOfOnePublication(60, 2024, 0);
    const large = await readsOfOnePublication(600, 2025, 100);
    expect(small).toBeGreaterThan(40); // the partition at least
    expect(large).toBe(small);
  }, 480_000);
});
