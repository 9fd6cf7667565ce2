/**
 * The items list and the documents rule in a real browser: PPID Utama's `#/items` shows every
 * agency's items by default (no "choose an agency or a status"), filters narrow it, and a softcopy
 * submitted with no document is refused once, at the documents section. Printed, the DIP and the
 * items list carry the letterhead and the signature block (web/staff/src/print.tsx), hidden on
 * screen. With SHOTS_DIR set, the printed DIP is written there as a PDF and a screenshot.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
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

/** The letterhead and the signature block: hidden on screen, shown in print with these texts. */
async function checkPrinted(page: Page, expected: { unit: RegExp; position: string; name: string; nip: string }) {
  const letterhead = page.locator('header.print-letterhead');
  const signature = page.locator('section.print-signature');
  // Loaded (the public body is read once), but not shown on screen.
  await letterhead.getByText(/Pemerintah Provinsi Kalimantan Barat/i).waitFor({ state: 'attached', timeout: 20_000 });
  await signature.getByText(expected.name).waitFor({ state: 'attached', timeout: 20_000 });
  expect(await letterhead.isVisible()).toBe(false);
  expect(await signature.isVisible()).toBe(false);

  await page.emulateMedia({ media: 'print' });
  await letterhead.waitFor();
  const head = await letterhead.innerText();
  expect(head).toMatch(/PEMERINTAH PROVINSI KALIMANTAN BARAT/);
  // The letterhead heads the sheet: the app's masthead is not printed with it.
  expect(await page.locator('header.masthead').isVisible()).toBe(false);
  expect(head).toMatch(expected.unit);
  expect(head).toMatch(/Dicetak \w+, \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB/);
  // Above the page's heading, as a kop surat is.
  const h1 = page.getByRole('heading', { level: 1 });
  expect((await letterhead.boundingBox())!.y).toBeLessThan((await h1.boundingBox())!.y);
  const block = page.getByRole('region', { name: 'Tanda tangan' });
  await block.waitFor();
  const sig = await block.innerText();
  expect(sig).toMatch(/^Pontianak, \d{1,2} \w+ \d{4}/);
  expect(sig).toContain(expected.position);
  expect(sig).toContain(expected.name);
  expect(sig).toContain(`NIP ${expected.nip}`);
  // The old bare print-date line is gone: the date is said once, under the letterhead.
  expect(await page.getByText(/^Dicetak /).count()).toBe(1);
}

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

  it('the DIP and the items list print with the letterhead and the signature block, hidden on screen', { timeout: 120_000 }, async () => {
    const { page, errors } = await signIn(browser, host.url, 'ppid.utama');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await clickNav(page, 'DIP PPID Utama');
    await page.getByRole('table').waitFor();
    await checkPrinted(page, {
      unit: /DINAS KOMUNIKASI DAN INFORMATIKA \(PPID UTAMA\)/,
      position: 'Kepala Dinas Komunikasi dan Informatika selaku PPID Utama',
      name: 'Rina Kusumawati, S.Sos., M.Si.',
      nip: '19720514 199803 2 004',
    });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (process.env.SHOTS_DIR) {
      mkdirSync(process.env.SHOTS_DIR, { recursive: true });
      writeFileSync(join(process.env.SHOTS_DIR, 'dip-print.pdf'), pdf);
      await page.screenshot({ path: join(process.env.SHOTS_DIR, 'dip-print.png'), fullPage: true });
    }

    // One agency's list: that SKPD's letterhead, signed by its Kepala PPID Pelaksana.
    await page.emulateMedia({ media: 'screen' });
    await clickNav(page, 'Informasi');
    await page.getByLabel('Perangkat daerah').selectOption('dinkes');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await expect.poll(() => page.url(), POLL).toContain('agencyId=dinkes');
    await page.getByRole('table').getByRole('link', { name: ITEMS[0]!.title }).waitFor({ timeout: 20_000 });
    await checkPrinted(page, {
      unit: /DINAS KESEHATAN\n/,
      position: 'Sekretaris Dinas Kesehatan selaku PPID Pelaksana',
      name: 'dr. Hendra Wijaya, M.Kes.',
      nip: '19781103 200501 1 007',
    });
    expect(await page.locator('header.print-letterhead').innerText()).toContain('Jalan Letjen Sutoyo, Pontianak 78121');
    expect(errors).toEqual([]);
  });
});
