/**
 * The staff app in a real browser against the full local host: sign in through the local identity
 * provider (OAuth2 code + PKCE), read the agency list, and check that admin-only actions are hidden
 * from other roles.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalHost } from '../../infra/local/host.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PASSWORD = 'demo12345';

let host: { url: string; stop(): Promise<void> };
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sip-ppid-e2e-'));
  host = await startLocalHost({ port: 0, dataDir, seed: true, quiet: !process.env.E2E_VERBOSE });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

/** Opens the app in a fresh context, signs in, and returns the page on the agency list. */
async function signIn(username: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(`${host.url}/app/`);
  // The app shows its own sign-in page first; it does not redirect by itself.
  await page.getByRole('heading', { level: 1, name: 'Masuk ke SIP PPID' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();

  // The local identity provider's form.
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();

  // Back in the app at the redirect URI, with the code exchanged and the query string gone.
  await page
    .getByRole('button', { name: 'Keluar' })
    .waitFor({ timeout: 20_000 })
    .catch(async (e: Error) => {
      throw new Error(`${e.message}\nPage ${page.url()} shows:\n${await page.locator('body').textContent()}`);
    });
  expect(new URL(page.url()).search).toBe('');
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Perangkat Daerah' }).click();
  await page.getByRole('heading', { level: 1, name: 'Perangkat Daerah' }).waitFor();
  await page.getByRole('cell', { name: 'PPID Utama', exact: true }).waitFor({ timeout: 20_000 });
  return { page, errors };
}

describe('staff app', () => {
  it('admin signs in and sees the agencies, PPID Utama first, with the create action', { timeout: 120_000 }, async () => {
    const { page, errors } = await signIn('admin');
    expect(await page.getByRole('banner').textContent()).toContain('Administrator');

    const kinds = await page.locator('table tbody tr td:nth-child(3)').allInnerTexts();
    expect(kinds[0]).toBe('PPID Utama');
    expect(kinds.slice(1).every((k) => k === 'SKPD')).toBe(true);
    expect(await page.getByRole('cell', { name: 'SKPD', exact: true }).count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole('button', { name: 'Tambah perangkat daerah' }).isVisible()).toBe(true);

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/staff-agencies.png', fullPage: true });

    // The language switch changes the texts and <html lang>.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agencies' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(errors).toEqual([]);
  });

  it('a petugas sees the agencies but not the admin-only actions', { timeout: 120_000 }, async () => {
    const { page, errors } = await signIn('petugas.dinkes');
    expect(await page.getByRole('banner').textContent()).toContain('Petugas PPID');
    expect(await page.getByRole('cell', { name: 'SKPD', exact: true }).count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole('button', { name: 'Tambah perangkat daerah' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Ubah/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
