/**
 * Information requests in the staff app, in a real browser against the full local host, as the
 * people do it: Petugas registers a request that arrived yesterday by letter (first sent empty and
 * refused field by field), hands over the number and the tracking code shown once; PPID Utama finds
 * it in the inbox and routes it to Dinas Kesehatan; its PPID Pelaksana uploads a blacked-out PDF and
 * answers in part citing a DIK entry in force (first without the redaction note, refused next to the
 * document); the workflow issues the written notice, which the request page then shows with its
 * download link and the timeline with people by name. The form and the request page pass axe-core
 * with no serious or critical violations.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickNav, describedErrors, expectAccessible, inboxRow, launchChromium, openPage, POLL, signIn } from '../support/browser.ts';
import { apiClient, consequenceTest, exclusionThroughSop002, startTestHost, TINY_PDF } from '../support/host.ts';

const RUN = Date.now().toString(36);
const INFORMATION = `Rekapitulasi kasus demam berdarah per kecamatan tahun 2025 beserta data pasien rawat inap (uji ${RUN})`;
const REQUESTER = 'Maria Ulfah Santoso';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;
let browser: Browser;
let workDir: string;
let dikNumber: string;

/** Yesterday in Western Indonesia (the seeded body's zone is Asia/Pontianak, UTC+7). */
const yesterday = () => new Date(Date.now() + 7 * 3600_000 - 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  host = await startTestHost({ seed: true });
  api = apiClient(host);
  browser = await launchChromium();
  workDir = mkdtempSync(join(tmpdir(), 'sip-ppid-e2e-request-'));
  dikNumber = (await exclusionThroughSop002(api, consequenceTest({ title: `Data pribadi pasien rawat inap (uji ${RUN})` }))).dik.number;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.cleanup();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}, 60_000);

describe('information requests in the staff app', () => {
  it(
    'Petugas registers a letter received yesterday; PPID Utama routes it; the SKPD answers in part with a blacked-out PDF citing the DIK; the notice is issued',
    {
      timeout: 300_000,
    },
    async () => {
      // ── Petugas PPID (Dinas Kesehatan): registration ──
      const petugas = await signIn(browser, host.url, 'petugas.dinkes');
      let page = petugas.page;
      await clickNav(page, 'Permohonan');
      await openPage(page, () => page.getByRole('link', { name: 'Registrasi permohonan' }).click(), 'Registrasi permohonan informasi');
      await expectAccessible(page, 'the empty registration form');

      // Sent empty: refused field by field, each message next to its field.
      await page.getByRole('button', { name: 'Daftarkan permohonan' }).click();
      await page.getByRole('alert').first().waitFor();
      const fullName = page.getByLabel('Nama lengkap');
      await expect.poll(() => fullName.getAttribute('aria-invalid'), POLL).toBe('true');
      await page.screenshot({ path: '/tmp/request-form-errors.png', fullPage: true });
      expect(await describedErrors(page, fullName)).toMatch(/nama lengkap wajib diisi|nama lengkap minimal/);
      expect(await describedErrors(page, page.getByLabel('Cara permohonan diajukan'))).toMatch(/pilih saluran permohonan/);
      expect(await describedErrors(page, page.getByLabel('Rincian informasi yang dibutuhkan'))).toMatch(/rincian informasi yang dibutuhkan/);
      expect(
        await page
          .getByRole('group', { name: /Cara memperoleh informasi/ })
          .locator('.field-error')
          .textContent(),
      ).toMatch(/cara memperoleh/);

      // Filled in: a letter that arrived yesterday (back-dating is audited, the form says so).
      await page.getByLabel('Cara permohonan diajukan').selectOption({ label: 'Surat' });
      await page.getByLabel('Tanggal diterima').fill(yesterday());
      await page.locator('#rq-backdated').waitFor();
      expect(await page.locator('#rq-backdated').textContent()).toContain('jejak audit');
      await page.getByLabel('Catatan registrasi').fill('Surat masuk nomor 045/SM/2026, tiba kemarin sore.');
      await fullName.fill(REQUESTER);
      await page.getByLabel('NIK').fill('6171012345670001');
      await page.getByLabel(/^Alamat\s*\*?$/).fill('Jalan Gajah Mada Nomor 12, Pontianak Selatan, Kota Pontianak');
      await page.getByLabel('Nomor telepon').fill('+62 812 5550 1234');
      await page.getByLabel('Alamat surel').fill('maria.ulfah@example.org');
      await page.getByLabel('Rincian informasi yang dibutuhkan').fill(INFORMATION);
      await page.getByLabel('Tujuan penggunaan informasi').fill('Bahan penelitian kesehatan masyarakat');
      await page.getByRole('radio', { name: 'Mendapatkan salinan (softcopy)' }).check();
      await page.getByRole('radio', { name: 'Mengambil langsung' }).check();
      await page.getByRole('button', { name: 'Daftarkan permohonan' }).click();

      // The receipt: the number and the tracking code, shown once.
      const receipt = page.getByRole('heading', { level: 2, name: /^Permohonan terdaftar: PMH\/\d{4}\/\d{5}$/ });
      await receipt.waitFor({ timeout: 20_000 });
      const number = ((await receipt.textContent()) ?? '').replace('Permohonan terdaftar: ', '');
      expect(await page.locator('[data-tracking-code]').textContent()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('rq-receipt-h');
      await page.screenshot({ path: '/tmp/request-receipt.png', fullPage: true });
      const requestId = number.replace(/^PMH\/(\d{4})\//, '$1-');
      const registered = (await api('ppid.utama', 'GET', `/api/requests/${requestId}`)).body;
      expect(registered).toMatchObject({ channel: 'letter', receivedOn: yesterday(), registeredBy: 'petugas.dinkes', state: 'registered' });
      const backdated = (await api('admin', 'GET', `/api/audit?entityType=request&entityId=${requestId}&limit=20`)).body.items as any[];
      expect(backdated.some((e) => e.action === 'request.backdated' && e.actor.username === 'petugas.dinkes')).toBe(true);
      // The desk opens the request it registered; the requester's personal data is not the desk's to read.
      await openPage(page, () => page.getByRole('link', { name: 'Buka permohonan' }).click(), `Permohonan ${number}`);
      await page.getByText('Data pribadi pemohon disembunyikan.').waitFor();
      expect(petugas.errors).toEqual([]);

      // ── PPID Utama: the inbox, then routing to Dinas Kesehatan ──
      const utama = await signIn(browser, host.url, 'ppid.utama');
      page = utama.page;
      const row = await inboxRow(page, number);
      expect(await row.textContent()).toContain('Permohonan baru: teruskan ke SKPD');
      await openPage(page, () => row.getByRole('link').first().click(), `Permohonan ${number}`);
      // PPID Utama reads the personal data.
      const personal = page.getByRole('region', { name: 'Data pribadi pemohon' });
      await personal.getByText(REQUESTER).waitFor();
      await page.getByRole('radio', { name: 'Ya, teruskan ke SKPD yang menguasai' }).check();
      await page.getByRole('button', { name: 'Teruskan ke SKPD' }).click();
      // No SKPD chosen: the API's refusal next to the list.
      const agenciesGroup = page.getByRole('group', { name: /SKPD yang menguasai informasi/ });
      await expect.poll(() => agenciesGroup.locator('.field-error').textContent(), POLL).toMatch(/pilih minimal satu SKPD/);
      await agenciesGroup.getByRole('checkbox', { name: 'Dinas Kesehatan' }).check();
      await page.getByRole('button', { name: 'Teruskan ke SKPD' }).click();
      await page.getByRole('heading', { level: 2, name: 'Menunggu jawaban: Dinas Kesehatan' }).waitFor({ timeout: 20_000 });
      await expect.poll(() => page.getByRole('status').first().textContent(), POLL).toContain('Permohonan diteruskan ke Dinas Kesehatan');
      expect(utama.errors).toEqual([]);

      // ── PPID Pelaksana of Dinas Kesehatan: its part ──
      const kepala = await signIn(browser, host.url, 'kepala.dinkes');
      page = kepala.page;
      const partRow = await inboxRow(page, number);
      expect(await partRow.textContent()).toContain('Permohonan: siapkan jawaban SKPD');
      await openPage(page, () => partRow.getByRole('link').first().click(), `Permohonan ${number}`);
      await page.getByRole('region', { name: 'Data pribadi pemohon' }).getByText(REQUESTER).waitFor();

      // 1. The blacked-out copy, through the checked-upload path.
      const pdf = join(workDir, 'rekap-dbd-2025-dihitamkan.pdf');
      writeFileSync(pdf, TINY_PDF);
      await page.getByLabel('Berkas', { exact: true }).setInputFiles(pdf);
      await page.getByRole('button', { name: 'Unggah', exact: true }).click();
      const doc = page.getByRole('group', { name: /rekap-dbd-2025-dihitamkan\.pdf.*Sudah diperiksa/ });
      await doc.waitFor({ timeout: 20_000 });

      // A refusal needs a ground: the form offers the DIK in force, and a consequence test started from the request.
      await page.getByRole('radio', { name: /^Dikabulkan sebagian/ }).check();
      const grounds = page.getByRole('group', { name: /Dasar penolakan/ });
      expect(await grounds.textContent()).toContain('pemberitahuan tertulis tidak dapat diterbitkan');
      await openPage(page, () => grounds.getByRole('link', { name: 'Mulai uji konsekuensi' }).click(), 'Usulkan pengecualian informasi');
      await page.getByText(`Uji konsekuensi untuk permohonan ${number}`).waitFor();
      expect(await page.getByLabel('Judul informasi yang dikecualikan').inputValue()).toBe(INFORMATION);
      expect(await page.getByLabel('Uraian informasi secara rinci').inputValue()).toBe(INFORMATION);
      await openPage(page, () => page.goBack(), `Permohonan ${number}`);

      // 2. The answer: in part, citing the DIK entry; the copy released without saying what was blacked out is refused.
      await page.getByRole('radio', { name: /^Dikabulkan sebagian/ }).check();
      await grounds.getByRole('checkbox', { name: new RegExp(dikNumber.replace(/[/.]/g, '\\$&')) }).check();
      await page.getByLabel('Bentuk informasi').fill('Softcopy (PDF), salinan yang dihitamkan');
      await page.getByLabel('Waktu penyampaian').fill('Diambil langsung di loket, 3 hari kerja');
      await doc.getByRole('checkbox', { name: 'Berikan rekap-dbd-2025-dihitamkan.pdf' }).check();
      await expectAccessible(page, 'the answer form');
      await page.getByRole('button', { name: 'Kirim jawaban' }).click();
      // A refusal in part decides for the requester: asked once, saying what the requester receives.
      const refusal = page.getByRole('dialog', { name: `Kirim jawaban yang menolak permohonan ${number}?` });
      expect(await refusal.textContent()).toContain(`Permohonan ${number} dikabulkan sebagian oleh Dinas Kesehatan`);
      await refusal.getByRole('button', { name: 'Ya, kirim jawaban' }).click();
      await expect.poll(() => doc.locator('.field-error').first().textContent(), POLL).toMatch(/dihitamkan/i);

      await doc.getByRole('checkbox', { name: /Salinan yang dihitamkan/ }).check();
      await doc.getByLabel('Bagian yang dihitamkan').fill('Nama, NIK dan alamat pasien pada lampiran halaman 3–5');
      await doc.getByLabel('Dasar penghitaman').fill(`UU 14/2008 Pasal 17 huruf h (DIK ${dikNumber})`);
      await page.getByRole('button', { name: 'Kirim jawaban' }).click();
      await refusal.getByRole('button', { name: 'Ya, kirim jawaban' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent(), POLL).toContain('Jawaban Dinas Kesehatan terkirim');

      // The workflow issues the written notice; the page looks again by itself until it is there.
      const issued = page.getByRole('heading', { level: 2, name: /^Pemberitahuan tertulis PTT\/\d{4}\/\d{5} telah terbit$/ });
      await issued.waitFor({ timeout: 60_000 });
      const noticeNumber = ((await issued.textContent()) ?? '').match(/PTT\/\d{4}\/\d{5}/)![0];
      expect(await page.getByRole('region', { name: `Pemberitahuan tertulis ${noticeNumber} telah terbit` }).textContent()).toContain('Dikabulkan sebagian');
      const part = page.getByRole('region', { name: 'Dinas Kesehatan', exact: true });
      expect(await part.textContent()).toContain(dikNumber);
      expect(await part.textContent()).toContain('Salinan yang dihitamkan: Nama, NIK dan alamat pasien');
      // The timeline: typed events with dates in words and people by name.
      const timeline = page.getByRole('region', { name: 'Riwayat' });
      const events = await timeline.getByRole('listitem').allTextContents();
      expect(events.find((e) => e.includes('Permohonan diterima'))).toContain('Surat');
      expect(events.find((e) => e.includes('Didaftarkan'))).toContain('oleh Siti Aminah');
      expect(events.find((e) => e.includes('Diteruskan ke SKPD'))).toMatch(/Dinas Kesehatan · oleh Rina Kusumawati/);
      expect(events.find((e) => e.includes('SKPD menjawab'))).toMatch(/oleh dr\. Hendra Wijaya[\s\S]*Dikabulkan sebagian/);
      expect(events.find((e) => e.includes('Pemberitahuan tertulis terbit'))).toMatch(/(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4}/);
      await expectAccessible(page, 'the request page with the notice');
      await page.screenshot({ path: '/tmp/request-page-notice.png', fullPage: true });

      // The SKPD's register of requests lists it, with the requester's name and the refusal ground.
      await clickNav(page, 'Permohonan');
      const listRow = page.getByRole('row').filter({ hasText: number });
      await listRow.waitFor();
      expect(await listRow.textContent()).toMatch(/Dijawab.*Pemberitahuan terbit/);
      await page.screenshot({ path: '/tmp/request-list.png', fullPage: true });
      await openPage(page, () => page.getByRole('link', { name: 'Buku register permohonan' }).click(), 'Buku register permohonan');
      const bookRow = page.getByRole('table').getByRole('row').filter({ hasText: number });
      await bookRow.waitFor({ timeout: 20_000 });
      for (const text of [REQUESTER, 'Surat', 'Dikuasai', 'Diberikan sebagian', dikNumber]) expect(await bookRow.textContent()).toContain(text);
      await page.screenshot({ path: '/tmp/request-book.png', fullPage: true });
      // Printed, it is A4 landscape (app.css: body.print-landscape on the named page "landscape").
      const printed = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
      const [, width, height] = /MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(printed) ?? [];
      expect([Math.round(Number(width)), Math.round(Number(height))]).toEqual([842, 595]);
      await openPage(page, () => page.goto(`${host.url}/app/#/requests/${requestId}`), `Permohonan ${number}`);

      // The notice's download link answers with a short-lived link to the PDF.
      const notices = page.getByRole('region', { name: 'Surat', exact: true });
      const [link] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(`/requests/${requestId}/files/notice`)),
        notices.getByRole('button', { name: `Unduh pemberitahuan tertulis ${noticeNumber} (PDF)` }).click(),
      ]);
      expect(link.status()).toBe(200);
      const { url } = (await link.json()) as { url: string };
      const file = await fetch(url);
      expect(file.status).toBe(200);
      expect(
        Buffer.from(await file.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      expect(kepala.errors).toEqual([]);
    },
  );
});
