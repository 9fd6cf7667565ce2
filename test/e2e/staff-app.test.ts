/**
 * The staff app in a real browser against the full local host: sign in through the local identity
 * provider (OAuth2 code + PKCE), read the agency list, and check that admin-only actions are hidden
 * from other roles; a role sees only the pages it may use (the route table decides), and the audit
 * trail reads as words: records by number and title, times in the agency's zone.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalHost } from '../../infra/local/host.ts';
import { clickNav, launchChromium, navLink, openPage, signIn } from '../support/browser.ts';

let host: { url: string; stop(): Promise<void> };
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sip-ppid-e2e-'));
  host = await startLocalHost({ port: 0, dataDir, seed: true, quiet: !process.env.E2E_VERBOSE });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

/** An ID token for a demo user (the local identity provider's password grant). */
async function tokenOf(username: string): Promise<string> {
  const res = await fetch(`${host.url}/auth/oauth2/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'staff-app', username, password: 'demo12345' }),
  });
  return ((await res.json()) as { id_token: string }).id_token;
}

/** Moves the app to a hash route, as a typed address would. */
const goHash = (page: Page, hash: string) =>
  page.evaluate((h) => {
    location.hash = h;
  }, hash);

/** Signs in and opens the agency list. */
async function signInToAgencies(username: string): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await signIn(browser, host.url, username);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
  expect(new URL(page.url()).search).toBe('');
  await clickNav(page, 'Perangkat Daerah');
  await page.getByRole('cell', { name: 'PPID Utama', exact: true }).waitFor({ timeout: 20_000 });
  return { page, errors };
}

describe('staff app', () => {
  it('links its icon, which the site serves', async () => {
    const html = await (await fetch(`${host.url}/app/`)).text();
    const icons = [...html.matchAll(/<link rel="icon" href="([^"]+)"/g)].map((m) => new URL(m[1]!, `${host.url}/app/`).pathname).sort();
    expect(icons).toEqual(['/app/favicon.ico', '/app/favicon.svg']);
    for (const path of icons) {
      const res = await fetch(`${host.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(path.endsWith('.svg') ? /^image\/svg\+xml/ : /^image\/x-icon/);
    }
  });

  it('admin signs in and sees the agencies, PPID Utama first, with the create action', { timeout: 120_000 }, async () => {
    const { page, errors } = await signInToAgencies('admin');
    expect(await page.getByRole('banner').textContent()).toContain('Administrator');

    const kinds = await page.locator('table tbody tr td:nth-child(3)').allInnerTexts();
    expect(kinds[0]).toBe('PPID Utama');
    expect(kinds.slice(1).every((k) => k === 'SKPD')).toBe(true);
    expect(await page.getByRole('cell', { name: 'SKPD', exact: true }).count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole('button', { name: 'Tambah perangkat daerah' }).isVisible()).toBe(true);

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/staff-agencies.png', fullPage: true });

    // The language switch changes the texts and <html lang> (the same page: its heading's text changes).
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agencies', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(errors).toEqual([]);
  });

  it('admin creates a user and the page says how they sign in; the invitation is in the outbox', { timeout: 120_000 }, async () => {
    const { page, errors } = await signIn(browser, host.url, 'admin');
    await clickNav(page, 'Pengguna');
    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    const form = page.getByRole('region', { name: 'Tambah pengguna' });
    await form.getByLabel('Nama pengguna *').fill('petugas.baru');
    await form.getByLabel('Nama lengkap *').fill('Rudi Hartono');
    await form.getByLabel('Email *').fill('rudi@dinkes.kalbarprov.go.id');
    await form.getByLabel('Peran *').selectOption({ label: 'Petugas PPID' });
    await form.getByLabel('Perangkat daerah *').selectOption({ label: 'Dinas Kesehatan' });
    await form.getByRole('button', { name: 'Simpan' }).click();
    const note = page.getByRole('region', { name: 'Pengguna petugas.baru telah dibuat: cara masuk' });
    await note.waitFor({ timeout: 20_000 });
    // The note has the focus, so a screen reader reads it at once.
    expect(await note.evaluate((el) => el === document.activeElement)).toBe(true);
    const said = await note.innerText();
    expect(said).toContain('kotak keluar (/outbox/)');
    expect(said).toContain('nama pengguna petugas.baru dan kata sandi lokal bersama "demo12345"');
    expect(said).toContain(`${host.url}/app/`);
    const outbox = await (await fetch(`${host.url}/outbox/`)).text();
    expect(outbox).toContain('Undangan masuk ke aplikasi petugas');
    await note.getByRole('button', { name: 'Tutup keterangan ini' }).click();
    expect(await note.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a petugas sees the agencies but not the admin-only actions', { timeout: 120_000 }, async () => {
    const { page, errors } = await signInToAgencies('petugas.dinkes');
    expect(await page.getByRole('banner').textContent()).toContain('Petugas PPID');
    expect(await page.getByRole('cell', { name: 'SKPD', exact: true }).count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole('button', { name: 'Tambah perangkat daerah' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Ubah/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('pejabat_pid sees only the pages it may use, and a page it may not use says so in words', { timeout: 120_000 }, async () => {
    const { page, errors } = await signIn(browser, host.url, 'pejabat.pid');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const notForRole = 'Halaman ini tidak tersedia untuk peran Anda (Pejabat PID)';
    // The home page promises only what the app does.
    const duties = await page.locator('#duties-h + ul').innerText();
    expect(duties).not.toContain('SOP 004');
    expect(duties).not.toContain('Mengunggah');

    const links = await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link').allInnerTexts();
    expect(links).not.toContain('Permohonan');
    expect(links).not.toContain('Informasi Dikecualikan');
    for (const name of links.filter((l) => l !== 'Beranda')) {
      // Every entry opens a page the role can use: headed by its name, never the not-available page.
      await openPage(page, () => navLink(page, name).click(), /^(?!Halaman ini tidak tersedia).+/);
      expect(await page.locator('h1').innerText(), name).not.toContain('tidak tersedia');
    }

    await clickNav(page, 'Informasi');
    expect(await page.getByRole('link', { name: /Tambah informasi/ }).count()).toBe(0);

    // By address: a clear page instead of a form that would fail.
    await openPage(page, () => goHash(page, '#/items/new'), notForRole);
    expect(await page.locator('form').count()).toBe(0);
    await clickNav(page, 'Beranda', /^Selamat/);
    await openPage(page, () => goHash(page, '#/requests/new'), notForRole);

    // The API names the role in words too.
    const refused = await fetch(`${host.url}/api/items`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenOf('pejabat.pid')}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(403);
    const body = await refused.text();
    expect(body).toContain('Peran Anda (Pejabat PID) tidak berwenang');
    expect(body).not.toContain('pejabat_pid');
    expect(errors).toEqual([]);
  });

  it('the audit trail names records in words (no uuid, no ISO instant), with times in words, and counts in plural forms', { timeout: 120_000 }, async () => {
    const { page, errors } = await signIn(browser, host.url, 'admin');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await clickNav(page, 'Jejak Audit');
    const table = page.getByRole('table');
    await table.locator('tbody tr td time').first().waitFor({ timeout: 20_000 });
    const text = await table.innerText();
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    const times = await table.locator('tbody time').allInnerTexts();
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time).toMatch(/^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \p{L}+ \d{4} pukul \d{2}\.\d{2} WI(B|TA|T)$/u);

    // Records by name: the demo users by their names ("Samuel Hutapea (atasan.ppid)"), never by id.
    expect(text).toMatch(/\S \([a-z]+\.[a-z]+\)\n/);

    // A record with one event (a holiday added now): "Showing 1 row." and "1 field" in English.
    const added = await fetch(`${host.url}/api/calendar/holidays/2027-11-20`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await tokenOf('admin')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Hari uji audit', kind: 'national' }),
    });
    expect(added.status).toBe(200);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail', exact: true }).waitFor();
    // The same page with other data (its heading stays): wait for the caption to change.
    await goHash(page, '#/audit?entityType=holiday&entityId=2027-11-20');
    const caption = page.locator('table caption');
    await expect.poll(() => caption.innerText()).toContain('Showing 1 row.');
    expect(await caption.innerText()).toContain('Holiday Saturday, 20 November 2027');
    expect(await page.locator('table tbody time').innerText()).toMatch(/^\p{L}+day, \d{1,2} \p{L}+ \d{4} at \d{2}:\d{2} WI(B|TA|T)$/u);
    expect(errors).toEqual([]);
  });
});
