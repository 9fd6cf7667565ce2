/**
 * The staff app in a real browser against the full local host: sign in through the local identity
 * provider (OAuth2 code + PKCE), read the agency list, and check that admin-only actions are hidden
 * from other roles.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalHost } from '../../infra/local/host.ts';
import { clickNav, launchChromium, signIn } from '../support/browser.ts';

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

  it('a petugas sees the agencies but not the admin-only actions', { timeout: 120_000 }, async () => {
    const { page, errors } = await signInToAgencies('petugas.dinkes');
    expect(await page.getByRole('banner').textContent()).toContain('Petugas PPID');
    expect(await page.getByRole('cell', { name: 'SKPD', exact: true }).count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole('button', { name: 'Tambah perangkat daerah' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Ubah/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
