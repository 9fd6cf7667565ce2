/**
 * Restarting the local host while an item waits for approval: the execution starts again from the
 * beginning (its tasks find their results recorded), waits again, and the decision publishes it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { type LocalHost, startLocalHost } from '../../infra/local/host.ts';
import { apiClient, dipContent, until } from '../support/host.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'sip-ppid-restart-'));
let host: LocalHost | undefined;

afterAll(async () => {
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('a waiting approval survives a restart of the local host and is decided afterwards', async () => {
  host = await startLocalHost({ port: 0, dataDir, quiet: true });
  let api = apiClient(host);
  const created = await api('petugas.dinkes', 'POST', '/api/items', { content: dipContent({ title: 'Laporan Kinerja Instansi 2025' }) });
  const submitted = await api('petugas.dinkes', 'POST', `/api/items/${created.body.itemId}/submit`, { version: created.body.version });
  expect(submitted.status).toBe(200);
  const firstToken = await until(async () => (await dynamoStore.getItem(created.body.itemId))?.current.taskToken, 'the first wait');
  const deadline = (await dynamoStore.getItem(created.body.itemId))!.current.deadline;
  await host.stop();

  host = await startLocalHost({ port: 0, dataDir, quiet: true });
  api = apiClient(host);
  // Besides register updates the demo data's set-up may have left waiting for their turn (register-events.ts).
  const resumed = [...host.stepFunctions.executions.values()].filter((e) => e.status === 'RUNNING' && !e.name.startsWith('register-'));
  expect(resumed.map((e) => e.name)).toEqual([submitted.body.current.executionName ?? expect.stringContaining(created.body.itemId)]);
  const secondToken = await until(async () => {
    const token = (await dynamoStore.getItem(created.body.itemId))?.current.taskToken;
    return token && token !== firstToken ? token : undefined;
  }, 'the wait after the restart');
  expect(secondToken).not.toBe(firstToken);
  // The deadline was computed once, from the submission, not again from the restart.
  expect((await dynamoStore.getItem(created.body.itemId))!.current.deadline).toEqual(deadline);

  const approved = await api('kepala.dinkes', 'POST', `/api/items/${created.body.itemId}/decision`, { decision: 'approve', versionNo: 1 });
  expect(approved.status).toBe(200);
  await until(async () => (await dynamoStore.getItem(created.body.itemId))?.publication === 'published', 'publication after restart');
  expect((await api('ppid.utama', 'GET', '/api/dip?agencyId=dinkes')).body.items.map((d: any) => d.itemId)).toContain(created.body.itemId);
}, 120_000);
