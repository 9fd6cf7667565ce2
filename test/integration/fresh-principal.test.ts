/**
 * The caller's record is read on every request, at the same time as a read route's own record
 * (functions/api/http.ts `prefetch`): a change of role, agency or `enabled` by an admin holds from the
 * very next request, and a caller refused gets the same 403 as before with nothing of what was read.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHandler } from '../../infra/local/api-gateway.ts';
import { routes } from '../../infra/system.ts';
import { apiClient, dipContent, startTestHost } from '../support/host.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;
let itemId: string;

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
  const made = await api('petugas.dinkes', 'POST', '/api/items', { content: dipContent() });
  expect(made.status).toBe(201);
  itemId = made.body.itemId;
});
afterAll(async () => {
  await host?.cleanup();
});

async function patchUser(username: string, change: Record<string, unknown>) {
  const now = await api('admin', 'GET', `/api/users/${username}`);
  expect(now.status).toBe(200);
  const res = await api('admin', 'PATCH', `/api/users/${username}`, { ...change, version: now.body.version });
  expect(res.status).toBe(200);
}

/** A refusal carries the error and nothing of the record read with the caller's. */
function refusedWithoutData(res: { status: number; body: any }, code: string) {
  expect(res.status).toBe(403);
  expect(res.body.error.code).toBe('forbidden');
  expect(Object.keys(res.body)).toEqual(['error']);
  expect(JSON.stringify(res.body)).not.toContain(itemId);
  expect(JSON.stringify(res.body)).not.toContain('Profil Kesehatan');
  expect(res.body.error.message).toBeTruthy();
  return code;
}

describe('the caller is read afresh on every request', () => {
  it('an agency change by an admin holds from the next item read on, both ways', async () => {
    const other = await api('petugas.disdikbud', 'GET', `/api/items/${itemId}`);
    refusedWithoutData(other, 'forbidden_agency');
    await patchUser('petugas.disdikbud', { agencyId: 'dinkes' });
    const moved = await api('petugas.disdikbud', 'GET', `/api/items/${itemId}`);
    expect(moved.status).toBe(200);
    expect(moved.body.itemId).toBe(itemId);
    await patchUser('petugas.disdikbud', { agencyId: 'disdikbud' });
    refusedWithoutData(await api('petugas.disdikbud', 'GET', `/api/items/${itemId}`), 'forbidden_agency');
  });

  it('a deactivated user is refused at the next request, with none of the item read beside their record', async () => {
    expect((await api('petugas.dinkes', 'GET', `/api/items/${itemId}`)).status).toBe(200);
    await patchUser('petugas.dinkes', { enabled: false });
    const off = await api('petugas.dinkes', 'GET', `/api/items/${itemId}`);
    refusedWithoutData(off, 'user_not_registered');
    // The same answer as for a missing item: the refusal says nothing of whether the record exists.
    expect((await api('petugas.dinkes', 'GET', `/api/items/${randomUUID()}`)).body).toEqual(off.body);
    await patchUser('petugas.dinkes', { enabled: true });
    expect((await api('petugas.dinkes', 'GET', `/api/items/${itemId}`)).status).toBe(200);
  });

  it('a role change holds from the next request on a route the old role may not call (403, not the 404 the read found)', async () => {
    // Archived reports: a petugas reads none; a Kepala PPID Pelaksana does (this one does not exist).
    const path = `/api/reports/archive/${randomUUID()}`;
    const refused = await api('petugas.disdikbud', 'GET', path);
    refusedWithoutData(refused, 'forbidden_role');
    expect(refused.body.error.messages.en).toMatch(/role/i);
    await patchUser('petugas.disdikbud', { role: 'ppid_pelaksana' });
    const allowed = await api('petugas.disdikbud', 'GET', path);
    expect(allowed.status).toBe(404);
    expect(allowed.body.error.code).toBe('not_found');
    await patchUser('petugas.disdikbud', { role: 'petugas' });
    expect(await api('petugas.disdikbud', 'GET', path)).toEqual(refused);
  });

  it('a route that reads with the caller only reads: every one is a GET', async () => {
    const reading = [];
    for (const r of routes) {
      const fn = (await loadHandler(r.handler)) as unknown as { spec?: { prefetch?: unknown } };
      if (fn.spec?.prefetch) reading.push(`${r.method} ${r.path}`);
    }
    expect(reading).toContain('GET /api/items/{itemId}');
    expect(reading.filter((r) => !r.startsWith('GET '))).toEqual([]);
  });
});
