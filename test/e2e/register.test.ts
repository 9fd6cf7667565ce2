/**
 * The public register in Chromium, as a member of the public uses it (no login): an item published
 * through the workflow appears on the home page, is found by search, opens on its own page, and is
 * in both exports; the main pages pass axe-core with no serious or critical violations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gotoAndWait, launchChromium, newPage, openPage } from '../support/browser.ts';
import { apiClient, dipContent, publishItem, startTestHost, until } from '../support/host.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TITLE = 'Laporan Penyelenggaraan Pelayanan Puskesmas Keliling 2025';

let host: Awaited<ReturnType<typeof startTestHost>>;
let browser: Browser;
let itemPath: string;
let partPath: string;

beforeAll(async () => {
  host = await startTestHost();
  const api = apiClient(host);
  const created = await publishItem(
    api,
    dipContent({ title: TITLE, summary: 'Jadwal, lokasi, dan capaian layanan puskesmas keliling di daerah terpencil selama tahun 2025.' }),
  );
  itemPath = `/informasi/dinkes/${created.regYear}/${created.sequence}.html`;
  partPath = `/data/dip/dinkes/${created.regYear}`;
  await until(async () => (await fetch(`${host.url}${itemPath}`)).status === 200, 'the item on the register', 30_000);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.cleanup();
}, 60_000);

/** A fresh browser on `path`, once the page headed `heading` is shown. */
async function open(path: string, heading: string | RegExp, opts: { bypassCSP?: boolean } = {}): Promise<Page> {
  const page = await newPage(browser, { bypassCSP: opts.bypassCSP ?? false });
  await gotoAndWait(page, `${host.url}${path}`, heading);
  return page;
}

const HOME = 'Daftar Informasi Publik Pemerintah Provinsi Kalimantan Barat';
const SEARCH = 'Cari informasi publik';

describe('public register', () => {
  it('shows the published item on the home page, finds it by search, and opens its page', { timeout: 60_000 }, async () => {
    const home = await open('/', HOME);
    expect(await home.evaluate(() => document.documentElement.lang)).toBe('id');
    await home.getByRole('link', { name: TITLE }).first().waitFor();
    const search = await open('/cari/', SEARCH);
    const errors: string[] = [];
    search.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await search.getByLabel('Kata kunci').fill('puskesmas keliling');
    // The form is sent to the same page (?q=…): the results are those of the page loaded anew.
    await openPage(search, () => search.getByRole('button', { name: 'Cari' }).click(), SEARCH);
    expect(new URL(search.url()).searchParams.get('q')).toBe('puskesmas keliling');
    await openPage(search, () => search.getByRole('link', { name: TITLE }).click(), TITLE);
    expect(new URL(search.url()).pathname).toBe(itemPath);
    for (const column of ['Ringkasan isi informasi', 'Penanggung jawab', 'Jangka waktu penyimpanan'])
      expect(await search.locator('body').textContent()).toContain(column);
    await search.screenshot({ path: 'test-results/register-item.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  it('a word that no item has is no result, with no failed request or console error', { timeout: 60_000 }, async () => {
    const page = await newPage(browser);
    const errors: string[] = [];
    const failed: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    const searched: string[] = [];
    page.on('request', (r) => new URL(r.url()).pathname.startsWith('/search/') && searched.push(new URL(r.url()).pathname));
    await gotoAndWait(page, `${host.url}/cari/?q=${encodeURIComponent('zzzebra')}`, SEARCH);
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 }).toBe('Tidak ada informasi yang cocok.');
    expect(searched).toEqual(['/search/shards.json']);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('answers a missing page with 404 and the not-found page in the language of the path', { timeout: 60_000 }, async () => {
    for (const [path, lang, heading, home] of [
      ['/en/informasi/dinkes/2020/999.html', 'en', 'Page not found', '/en/'],
      ['/en/tidak-ada/', 'en', 'Page not found', '/en/'],
      ['/informasi/dinkes/2020/999.html', 'id', 'Halaman tidak ditemukan', '/'],
    ] as const) {
      const page = await newPage(browser);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const response = await openPage(page, () => page.goto(`${host.url}${path}`), heading);
      expect(response?.status(), path).toBe(404);
      expect(await page.evaluate(() => document.documentElement.lang), path).toBe(lang);
      expect(await page.title(), path).toMatch(new RegExp(`^${heading} – `));
      // Only this language's half is shown; its links stay in the language.
      expect(await page.getByRole('heading', { level: 1 }).allTextContents(), path).toEqual([heading]);
      expect(await page.locator(`section[data-lang="${lang}"] a`).first().getAttribute('href'), path).toBe(home);
      expect(errors, path).toEqual([]);
      await page.context().close();
    }
  });

  it('serves the icon that every page links to, at /favicon.ico too (no 404 on load)', { timeout: 60_000 }, async () => {
    for (const [path, heading] of [
      ['/', HOME],
      ['/en/cari/', 'Search public information'],
    ] as const) {
      const page = await open(path, heading);
      const icons = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
      expect(icons.map((u) => new URL(u).pathname).sort(), path).toEqual(['/favicon.ico', '/favicon.svg']);
      for (const u of icons) {
        const res = await page.request.get(u);
        expect(res.status(), u).toBe(200);
        expect(res.headers()['content-type'], u).toMatch(u.endsWith('.svg') ? /^image\/svg\+xml/ : /^image\/x-icon/);
      }
      await page.context().close();
    }
  });

  it('has the item in both open-data exports', async () => {
    const page = await open('/', HOME);
    // The agency's part of the open data, written with the page (the whole-register files follow on their schedule).
    const csv = await (await page.request.get(`${host.url}${partPath}.csv`)).body();
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain(TITLE);
    expect(JSON.stringify(await (await page.request.get(`${host.url}${partPath}.json`)).json())).toContain(TITLE);
  });

  // Ten pages through axe-core: about 20 s on an idle machine, several times that on a busy one.
  it('has no serious or critical accessibility violations on the main pages (axe-core)', { timeout: 240_000 }, async () => {
    const year = itemPath.split('/')[3];
    for (const [path, heading] of [
      ['/', HOME],
      ['/dip/', 'Daftar Informasi Publik PPID Utama'],
      [`/dip/${year}/`, `DIP Tahun ${year}`],
      [`/dip/${year}/dinkes/1.html`, `DIP Dinas Kesehatan Tahun ${year}`],
      [itemPath, TITLE],
      ['/cari/', SEARCH],
      ['/en/', 'Public Information List Pemerintah Provinsi Kalimantan Barat'],
      ['/instansi/dinkes/', 'Daftar Informasi Publik Dinas Kesehatan'],
      ['/kategori/berkala/', 'Kategori: Berkala'],
      [`/kategori/berkala/${year}/`, `Kategori: Berkala ${year}`],
    ] as const) {
      const page = await open(path, heading, { bypassCSP: true });
      expect((await page.request.get(`${host.url}${path}`)).status(), path).toBe(200);
      await page.addScriptTag({ content: AXE });
      const result = (await page.evaluate(() => (window as unknown as { axe: { run(): Promise<unknown> } }).axe.run())) as {
        violations: { id: string; impact: string; nodes: unknown[] }[];
      };
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
      expect(bad, path).toEqual([]);
      await page.context().close();
    }
  });
});
