/**
 * The local host as a person runs it (`npm start` in a terminal): it answers from the instant its
 * port opens, Ctrl-C and SIGTERM stop every part of it within 10 s in dependency order, and a first
 * start interrupted while the demo data is written completes on the next start.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_EXCLUSIONS, DEMO_ITEMS, demoId } from '../../infra/local/seed.ts';
import { until } from '../support/host.ts';
import { allGone, freePort, type HostProcess, portIsFree, registerDipItems, spawnHost } from '../support/process-host.ts';

const dirs: string[] = [];
const hosts: HostProcess[] = [];
afterAll(() => {
  for (const h of hosts) if (h.child.exitCode === null && h.child.signalCode === null) h.signalGroup('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function start(dataDir: string, port: number): HostProcess {
  const host = spawnHost(dataDir, port);
  hosts.push(host);
  return host;
}

const freshDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'sip-ppid-lifecycle-'));
  dirs.push(d);
  return d;
};

/** An ID token for a demo user (the local identity provider's password grant). */
async function tokenOf(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/auth/oauth2/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'staff-app', username, password: 'demo12345' }),
  });
  return ((await res.json()) as { id_token: string }).id_token;
}

/** Sends the signal to the host's whole process group and checks that everything is gone in 10 s. */
async function stopsWithin10s(host: HostProcess, dataDir: string, port: number, signal: NodeJS.Signals) {
  const sent = Date.now();
  host.signalGroup(signal);
  const exit = await Promise.race([host.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 10_000))]);
  expect(exit, `the host did not exit within 10 s of ${signal}:\n${host.output()}`).not.toBe('hung');
  expect(exit).toEqual({ code: 0, signal: null });
  await allGone(dataDir, Math.max(0, 10_000 - (Date.now() - sent)));
  expect(Date.now() - sent).toBeLessThan(10_000);
  expect(await portIsFree(port)).toBe(true);
  expect(host.output()).toContain(`${signal}: stopping`);
}

describe('the local host in a terminal', () => {
  it('answers every request from the instant its port opens (503 while starting), and stops on SIGINT and on SIGTERM within 10 s', async () => {
    const dataDir = freshDir();
    const port = await freePort();
    const host = start(dataDir, port);
    const seen: { status: number; retryAfter: string | null; body: string }[] = [];
    // From the first instant: a refused connection means the port is not open yet; once it is,
    // every call must be answered within 2 s.
    for (;;) {
      const began = Date.now();
      try {
        const res = await fetch(`${host.url}/api/health`, { signal: AbortSignal.timeout(2000) });
        seen.push({ status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() });
        if (res.status === 200) break;
      } catch (e) {
        const cause = (e as { cause?: { code?: string } }).cause?.code;
        expect(cause, `no answer within 2 s (after ${Date.now() - began} ms): ${(e as Error).message}`).toBe('ECONNREFUSED');
        expect(seen, 'the port closed again while starting').toEqual([]);
      }
      if (host.child.exitCode !== null) throw new Error(`the host exited while starting:\n${host.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const starting = seen.filter((s) => s.status === 503);
    expect(starting.length).toBeGreaterThan(0);
    for (const s of starting) {
      expect(s.retryAfter).toBe('2');
      expect(JSON.parse(s.body)).toMatchObject({
        status: 'starting',
        error: { code: 'starting', messages: { id: expect.any(String), en: expect.any(String) } },
      });
    }
    expect(seen.every((s) => s.status === 503 || s.status === 200)).toBe(true);
    await host.printed(/Press Ctrl-C to stop/);
    await stopsWithin10s(host, dataDir, port, 'SIGINT');

    // Started again on the same data: SIGTERM (as a service manager stops it).
    const again = start(dataDir, port);
    await again.printed(/Press Ctrl-C to stop/);
    expect(again.output()).not.toMatch(/Seeded/);
    await stopsWithin10s(again, dataDir, port, 'SIGTERM');
  }, 240_000);

  it('a first start interrupted while it writes the demo data (Ctrl-C to the whole group) completes on the next start, each demo record once', async () => {
    const dataDir = freshDir();
    const port = await freePort();
    const first = start(dataDir, port);
    await first.printed(/demo item 1\//);
    await stopsWithin10s(first, dataDir, port, 'SIGINT');
    expect(first.output()).not.toMatch(/Press Ctrl-C to stop/);

    const second = start(dataDir, port);
    await second.printed(/Press Ctrl-C to stop/);
    const dip = await until(
      async () => {
        const body = await registerDipItems<{ title: string }>(second.url);
        return body && body.items.length >= DEMO_ITEMS.length ? body.items : undefined;
      },
      'all five demo items on the register',
      90_000,
    );
    for (const demo of DEMO_ITEMS) expect(dip.filter((i) => i.title === demo.content.title)).toHaveLength(1);
    expect(dip).toHaveLength(DEMO_ITEMS.length);
    // Each demo item (a softcopy) has its PDF, checked, and a download gives the file.
    const token = await tokenOf(second.url, 'ppid.utama');
    for (const [n, demo] of DEMO_ITEMS.entries()) {
      const item = await (await fetch(`${second.url}/api/items/${demoId('item', n + 1)}`, { headers: { authorization: `Bearer ${token}` } })).json();
      expect(item.current.content.formats).toContain('softcopy');
      expect(item.current.documents, demo.content.title).toMatchObject([{ contentType: 'application/pdf', status: 'verified' }]);
      const link = await fetch(`${second.url}/api/items/${item.itemId}/documents/${item.current.documents[0].docId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(link.status).toBe(200);
      const file = Buffer.from(await (await fetch(((await link.json()) as { url: string }).url)).arrayBuffer());
      expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(file.length).toBe(item.current.documents[0].size);
    }
    const onDik = DEMO_EXCLUSIONS.find((x) => x.setDik)!;
    await until(async () => (await (await fetch(`${second.url}/dik/`)).text()).includes(onDik.test.title), 'the demo exclusion on /dik/', 90_000);
    await stopsWithin10s(second, dataDir, port, 'SIGINT');

    // Any number of later starts publishes nothing again.
    const third = start(dataDir, port);
    await third.printed(/Press Ctrl-C to stop/);
    expect(third.output()).not.toMatch(/Seeded|demo item/);
    const after = await until(() => registerDipItems<unknown>(third.url), 'the DIP export');
    expect(after.items).toHaveLength(DEMO_ITEMS.length);
    await stopsWithin10s(third, dataDir, port, 'SIGTERM');
  }, 300_000);
});
