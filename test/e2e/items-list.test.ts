/**
 * The items list and the documents rule in a real browser: PPID Utama's `#/items` shows every
 * agency's items by default (no "choose an agency or a status"), filters narrow it, and a softcopy
 * submitted with no document is refused once, at the documents section.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickNav, launchChromium, openPage, POLL, signIn } from '../support/browser.ts';
import { apiClient, dipContent, startTestHost } from '../support/host.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;
let browser: Browser;

const ITEMS = [
  { as: 'petugas.dinkes', title: 'Data Cakupan Imunisasi Dasar 2025' },
  { as: 'petugas.disdikbud', title: 'Data Sekolah Menengah Atas 2025' },
  { as: 'ppid.utama', title: 'Laporan Layanan Informasi Diskominfo 2025' },
];

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
  for (const it of ITEMS) {
    const res = await api(it.as, 'POST', '/api/items', { content: dipContent({ title: it.title }) });
    expect(res.status).toBe(201);
  }
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.cleanup();
}, 60_000);

describe('items in the staff app', () => {
  it('PPID Utama’s Informasi page lists every agency’s items by default, and the filters narrow it', { timeout: 120_000 }, async () => {
    const { page, errors } = await signIn(browser, host.url, 'ppid.utama');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await clickNav(page, 'Informasi');
    await page.getByRole('heading', { level: 1, name: 'Informasi' }).waitFor();
    const table = page.getByRole('table');
    for (const it of ITEMS) await table.getByRole('link', { name: it.title }).waitFor({ timeout: 20_000 });
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('Pilih perangkat daerah, atau pilih status');
    expect(text).not.toContain('Belum ada data');
    expect(await table.locator('caption').innerText()).toContain('Semua perangkat daerah');
    for (const agency of ['Dinas Kesehatan', 'Dinas Pendidikan dan Kebudayaan']) await table.getByRole('cell', { name: agency }).first().waitFor();

    // One agency: the others' items leave the list.
    await page.getByLabel('Perangkat daerah').selectOption('disdikbud');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await expect.poll(() => page.url(), POLL).toContain('agencyId=disdikbud');
    await table.getByRole('link', { name: ITEMS[1]!.title }).waitFor();
    await expect.poll(() => table.getByRole('link', { name: ITEMS[0]!.title }).count(), POLL).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a softcopy without a document is refused at the documents section, once', { timeout: 120_000 }, async () => {
    const created = await api('petugas.dinkes', 'POST', '/api/items', {
      content: dipContent({ title: 'Laporan Softcopy Tanpa Berkas', formats: ['softcopy', 'hardcopy'] }),
    });
    const { page, errors } = await signIn(browser, host.url, 'petugas.dinkes');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await openPage(
      page,
      () =>
        page.evaluate((id) => {
          location.hash = `#/items/${id}`;
        }, created.body.itemId as string),
      'Laporan Softcopy Tanpa Berkas',
    );
    await page.getByRole('button', { name: 'Ajukan ke Kepala PPID' }).click();
    // Asked once, in the confirmation dialog.
    await page.getByRole('dialog').getByRole('button', { name: 'Ya, ajukan' }).click();
    const documents = page.getByRole('region', { name: 'Dokumen' });
    await documents
      .getByRole('alert')
      .getByText(/belum ada dokumen yang diperiksa/)
      .waitFor({ timeout: 20_000 });
    expect(await page.getByText(/belum ada dokumen yang diperiksa/).count()).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('docs-problem');
    expect((await api('petugas.dinkes', 'GET', `/api/items/${created.body.itemId}`)).body.status).toBe('draft');
    expect(errors).toEqual([]);
  });
});
