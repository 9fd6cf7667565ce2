/**
 * The whole path of an information request in Chromium, as the people in it live it (issue 10):
 * a member of the public files on the register's form; finds the receipt in the mail (the local
 * outbox) and opens the status page by its link; PPID Utama routes the request in the staff app; the
 * SKPD's PPID Pelaksana answers in part with a blacked-out document citing a DIK entry; the requester,
 * by the link in the notice's mail, downloads the written notice and the released document on the
 * status page.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gotoAndWait, inboxRow, launchChromium, newPage, openPage, POLL, signIn } from '../support/browser.ts';
import { apiClient, consequenceTest, exclusionThroughSop002, startTestHost, TINY_PDF, until } from '../support/host.ts';

const RUN = Date.now().toString(36);
const INFORMATION = `Daftar sekolah penerima bantuan operasional daerah tahun 2025 beserta nilainya (uji ${RUN})`;
const EMAIL = `warga.${RUN}@example.org`;
const FORM = 'Permohonan Informasi Publik';
const STATUS = 'Status permohonan informasi';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;
let browser: Browser;
let workDir: string;
let dikNumber: string;

beforeAll(async () => {
  host = await startTestHost({ seed: true });
  api = apiClient(host);
  browser = await launchChromium();
  workDir = mkdtempSync(join(tmpdir(), 'sip-ppid-e2e-path-'));
  dikNumber = (await exclusionThroughSop002(api, consequenceTest({ title: `Data pribadi penerima bantuan (uji ${RUN})` }))).dik.number;
  await until(async () => (await fetch(`${host.url}/permohonan/`)).status === 200, 'the request form on the register', 60_000);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.cleanup();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}, 60_000);

/** The newest mail to `to` whose subject matches, read on the outbox page as a person would; its status link. */
async function mailLink(page: Awaited<ReturnType<typeof newPage>>, subject: RegExp): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      await gotoAndWait(page, `${host.url}/outbox/`, /Kotak keluar surel/);
      const mail = page
        .locator('article')
        .filter({ hasText: EMAIL })
        .filter({ has: page.getByRole('heading', { name: subject }) })
        .first();
      if (!(await mail.count())) return false;
      link = /https?:\/\/\S+\/permohonan\/status\/\?nomor=\S+/.exec((await mail.locator('pre').textContent()) ?? '')?.[0];
      return Boolean(link);
    }, POLL)
    .toBe(true);
  return link!;
}

describe('an information request from the register to the delivered information', () => {
  it('filed by the public, routed by PPID Utama, answered in part by the SKPD, downloaded by the requester', { timeout: 300_000 }, async () => {
    // ── The requester, on the register ──
    const requester = await newPage(browser, { locale: 'id-ID' });
    await gotoAndWait(requester, `${host.url}/permohonan/`, FORM);
    await requester.getByLabel('Nama lengkap').fill('Fransiska Wulandari');
    await requester.getByLabel('NIK (Nomor Induk Kependudukan)').fill('6171015508900003');
    await requester.getByLabel('Alamat lengkap').fill('Jl. Tanjungpura No. 88, Pontianak');
    await requester.getByLabel('Alamat surel (email)').fill(EMAIL);
    await requester.getByLabel('Rincian informasi yang dibutuhkan').fill(INFORMATION);
    await requester.getByLabel('Tujuan penggunaan informasi').fill('Pemantauan anggaran pendidikan oleh komite sekolah');
    await requester.getByLabel('Mendapatkan salinan elektronik (softcopy)').check();
    await requester.getByLabel('Surat elektronik (surel)').check();
    await requester.getByRole('button', { name: 'Kirim permohonan' }).click();
    const slot = requester.locator('[data-slot="number"]');
    await expect.poll(() => slot.textContent(), { timeout: 20_000 }).toMatch(/^PMH\/\d{4}\/\d{5}$/);
    const number = (await slot.textContent())!;
    expect(await requester.locator('[data-slot="code"]').textContent()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    // The receipt in the mail; its link opens the status page.
    const receiptLink = await mailLink(requester, new RegExp(`Permohonan informasi ${number.replace(/\//g, '\\/')} diterima`));
    await gotoAndWait(requester, receiptLink, STATUS);
    const view = requester.locator('#status-view');
    await expect.poll(() => view.textContent(), POLL).toContain('Terdaftar; menunggu diteruskan');

    // ── PPID Utama routes it ──
    const utama = await signIn(browser, host.url, 'ppid.utama');
    let page = utama.page;
    const row = await inboxRow(page, number);
    await openPage(page, () => row.getByRole('link').first().click(), `Permohonan ${number}`);
    await page.getByRole('radio', { name: 'Ya, teruskan ke SKPD yang menguasai' }).check();
    await page
      .getByRole('group', { name: /SKPD yang menguasai informasi/ })
      .getByRole('checkbox', { name: 'Dinas Kesehatan' })
      .check();
    await page.getByRole('button', { name: 'Teruskan ke SKPD' }).click();
    await page.getByRole('heading', { level: 2, name: 'Menunggu jawaban: Dinas Kesehatan' }).waitFor({ timeout: 20_000 });
    expect(utama.errors).toEqual([]);

    // ── The SKPD answers in part, releasing the blacked-out copy ──
    const kepala = await signIn(browser, host.url, 'kepala.dinkes');
    page = kepala.page;
    const partRow = await inboxRow(page, number);
    await openPage(page, () => partRow.getByRole('link').first().click(), `Permohonan ${number}`);
    const pdf = join(workDir, 'daftar-sekolah-dihitamkan.pdf');
    writeFileSync(pdf, TINY_PDF);
    await page.getByLabel('Berkas', { exact: true }).setInputFiles(pdf);
    await page.getByRole('button', { name: 'Unggah', exact: true }).click();
    const doc = page.getByRole('group', { name: /daftar-sekolah-dihitamkan\.pdf.*Sudah diperiksa/ });
    await doc.waitFor({ timeout: 20_000 });
    await page.getByRole('radio', { name: /^Dikabulkan sebagian/ }).check();
    await page
      .getByRole('group', { name: /Dasar penolakan/ })
      .getByRole('checkbox', { name: new RegExp(dikNumber.replace(/[/.]/g, '\\$&')) })
      .check();
    await page.getByLabel('Bentuk informasi').fill('Softcopy (PDF), salinan yang dihitamkan');
    await page.getByLabel('Waktu penyampaian').fill('Bersama pemberitahuan tertulis ini');
    await doc.getByRole('checkbox', { name: 'Berikan daftar-sekolah-dihitamkan.pdf' }).check();
    await doc.getByRole('checkbox', { name: /Salinan yang dihitamkan/ }).check();
    await doc.getByLabel('Bagian yang dihitamkan').fill('Nama dan NIK kepala sekolah pada lampiran');
    await doc.getByLabel('Dasar penghitaman').fill(`UU 14/2008 Pasal 17 huruf h (DIK ${dikNumber})`);
    await page.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ya, kirim jawaban' }).click();
    await page.getByRole('heading', { level: 2, name: /^Pemberitahuan tertulis PTT\/\d{4}\/\d{5} telah terbit$/ }).waitFor({ timeout: 60_000 });
    expect(kepala.errors).toEqual([]);

    // ── The requester: the notice's mail, the status page, the downloads ──
    const noticeLink = await mailLink(requester, new RegExp(`Pemberitahuan tertulis atas permohonan ${number.replace(/\//g, '\\/')}`));
    await gotoAndWait(requester, noticeLink, STATUS);
    await expect.poll(() => view.textContent(), POLL).toContain('Dikabulkan sebagian');
    for (const [button, name] of [
      [/^Unduh pemberitahuan tertulis PTT\/\d{4}\/\d{5} \(PDF\)$/, /^Pemberitahuan-PMH-\d{4}-\d{5}\.pdf$/],
      [/^Unduh daftar-sekolah-dihitamkan\.pdf/, /^daftar-sekolah-dihitamkan\.pdf$/],
    ] as const) {
      await view.getByRole('button', { name: button }).waitFor({ timeout: 20_000 });
      const [download] = await Promise.all([requester.waitForEvent('download', { timeout: 20_000 }), view.getByRole('button', { name: button }).click()]);
      expect(download.suggestedFilename()).toMatch(name);
      expect((await readFile((await download.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    await requester.screenshot({ path: 'test-results/request-path-status.png', fullPage: true });
    await requester.context().close();
  });
});
