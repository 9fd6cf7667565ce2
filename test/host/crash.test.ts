/**
 * kill -9 of the whole local host while publications run, with more than a hundred approvals
 * waiting: the next start resumes every waiting workflow, and every item is then decided and
 * published exactly once. Nothing waits for a deadline: the test decides, it never sleeps one out.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DEMO_ITEMS } from '../../infra/local/seed.ts';
import { dipContent, until } from '../support/host.ts';
import { allGone, freePort, type HostProcess, registerDipItems, spawnHost, tokenFrom } from '../support/process-host.ts';

const WAITING = 104;
const dataDir = mkdtempSync(join(tmpdir(), 'sip-ppid-crash-'));
const hosts: HostProcess[] = [];
afterAll(() => {
  for (const h of hosts) if (h.child.exitCode === null && h.child.signalCode === null) h.signalGroup('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs `work` over `all` with at most `n` at a time. */
async function inParallel<T, R>(all: T[], n: number, work: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < all.length) {
        const i = next++;
        out[i] = await work(all[i]);
      }
    }),
  );
  return out;
}

function client(url: string) {
  const tokens = new Map<string, string>();
  return async (as: string, method: string, path: string, body?: unknown) => {
    if (!tokens.has(as)) tokens.set(as, await tokenFrom(url, as));
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens.get(as)}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

it(`kill -9 during publications with ${WAITING} approvals waiting: after a restart every workflow goes on, nothing lost or published twice`, async () => {
  const port = await freePort();
  const first = spawnHost(dataDir, port);
  hosts.push(first);
  await first.printed(/Press Ctrl-C to stop/, 120_000);
  let api = client(first.url);

  const items = await inParallel(
    Array.from({ length: WAITING }, (_, i) => i),
    8,
    async (i) => {
      const created = await api('petugas.dinkes', 'POST', '/api/items', { content: dipContent({ title: `Laporan uji pemulihan nomor ${i + 1}` }) });
      expect(created.status).toBe(201);
      const submitted = await api('petugas.dinkes', 'POST', `/api/items/${created.body.itemId}/submit`, { version: created.body.version });
      expect(submitted.status).toBe(200);
      return created.body.itemId as string;
    },
  );
  // Every approval waits (its deadline computed, in the Kepala PPID's inbox), then the first ten are
  // approved: their publications run when the host is killed.
  await until(
    async () => {
      const all = await inParallel(items, 8, async (id) => (await api('kepala.dinkes', 'GET', `/api/items/${id}`)).body);
      return all.every((s) => s.current.deadline) || undefined;
    },
    'every approval waiting with its deadline',
    120_000,
  );
  const approvedFirst = items.slice(0, 10);
  await inParallel(approvedFirst, 5, async (id) => {
    const res = await api('kepala.dinkes', 'POST', `/api/items/${id}/decision`, { decision: 'approve', versionNo: 1 });
    expect(res.status).toBe(200);
  });
  first.signalGroup('SIGKILL');
  await first.exited;
  // The emulators notice that the host is gone and stop (their guards), releasing the data.
  await allGone(dataDir, 15_000);
  const recorded = JSON.parse(readFileSync(join(dataDir, 'executions.json'), 'utf8')) as { name: string }[];
  expect(new Set(recorded.map((e) => e.name)).size).toBe(recorded.length);

  const second = spawnHost(dataDir, port);
  hosts.push(second);
  await second.printed(/Press Ctrl-C to stop/, 120_000);
  const resumed = Number(/Resumed (\d+) waiting/.exec(second.output())?.[1] ?? 0);
  api = client(second.url);

  // Every item not yet published is decided now; each decision reaches its (resumed) workflow.
  const states = await inParallel(items, 8, async (id) => (await api('kepala.dinkes', 'GET', `/api/items/${id}`)).body);
  const waiting = states.filter((s) => s.current.state === 'submitted');
  expect(resumed).toBeGreaterThanOrEqual(waiting.length);
  expect(waiting.length + states.filter((s) => ['approved', 'published'].includes(s.current.state)).length).toBe(WAITING);
  await inParallel(waiting, 5, async (s) => {
    const res = await api('kepala.dinkes', 'POST', `/api/items/${s.itemId}/decision`, { decision: 'approve', versionNo: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
  await until(
    async () => {
      const all = await inParallel(items, 8, async (id) => (await api('kepala.dinkes', 'GET', `/api/items/${id}`)).body);
      return all.every((s) => s.publication === 'published') || undefined;
    },
    'every item published',
    180_000,
  );

  // Published once each: the consolidated DIP holds each item once with its one number, and the
  // register's export lists each once (the demo items too).
  const dip: { itemId: string; number: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await api('ppid.utama', 'GET', `/api/dip?agencyId=dinkes&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    dip.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  const ids = dip.map((d) => d.itemId);
  for (const id of items) expect(ids.filter((x) => x === id)).toHaveLength(1);
  expect(new Set(dip.map((d) => d.number)).size).toBe(dip.length);
  const exported = await until(
    async () => {
      const body = await registerDipItems<{ itemId: string; title: string }>(second.url);
      return body && body.items.length >= WAITING + DEMO_ITEMS.length ? body.items : undefined;
    },
    'the register to show every publication',
    120_000,
  );
  expect(new Set(exported.map((i) => i.itemId)).size).toBe(exported.length);
  for (const demo of DEMO_ITEMS) expect(exported.filter((i) => i.title === demo.content.title)).toHaveLength(1);

  second.signalGroup('SIGTERM');
  await second.exited;
  await allGone(dataDir, 10_000);
}, 600_000);
