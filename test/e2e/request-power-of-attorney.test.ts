/**
 * Filing for someone else on the register's form, in Chromium with the register's own
 * Content-Security-Policy: the power of attorney's field shows once "on behalf of" is filled; a file
 * of another type is refused next to the field before anything is sent; a file named .pdf that is
 * not one goes up (declared, then straight to the documents bucket on the S3 emulator, another
 * origin) and is refused at filing, next to the field, with nothing filed; a real PDF is declared,
 * uploaded with its progress announced and named in the filing, and PPID Utama finds it in the
 * request's personal data. Without JavaScript the field stays hidden and the hint says what to do;
 * the plain post is refused with a readable page. axe-core with the field shown (and with its error).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { expectAccessible, gotoAndWait, launchChromium, newPage, openPage, POLL, watchErrors } from '../support/browser.ts';
import { apiClient, dipContent, publishItem, startTestHost, TINY_PDF, until } from '../support/host.ts';

const FORM = 'Permohonan Informasi Publik';
const REPRESENTED = 'Nama orang yang diwakili (bila mengajukan atas nama orang lain)';
/** The label (its asterisk aside); not the upload's progress bar, "Kemajuan unggahan surat kuasa". */
const FILE_LABEL = /^Surat kuasa/;
const TYPE_ERROR = 'Surat kuasa harus berupa berkas PDF, JPEG atau PNG.';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;
let browser: Browser;

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
  // One published item builds the register (and its request form).
  await publishItem(api, dipContent({ title: 'Profil Kesehatan Kabupaten Sambas 2025' }));
  await until(async () => (await fetch(`${host.url}/permohonan/`)).status === 200, 'the request form on the register', 60_000);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.cleanup();
}, 60_000);

/** The form as a person fills it for someone else (Indonesian labels). */
async function fillForm(page: Page) {
  await page.getByLabel('Nama lengkap').fill('Rudi Hartono');
  await page.getByLabel('NIK (Nomor Induk Kependudukan)').fill('6171012304870003');
  await page.getByLabel(REPRESENTED).fill('Ahmad Fauzan');
  await page.getByLabel('Alamat lengkap').fill('Jl. Tanjungpura No. 120, Pontianak');
  await page.getByLabel('Alamat surel (email)').fill('rudi.hartono@example.org');
  await page.getByLabel('Rincian informasi yang dibutuhkan').fill('Salinan keputusan penerima beasiswa daerah tahun 2025 atas nama Ahmad Fauzan');
  await page.getByLabel('Tujuan penggunaan informasi').fill('Keperluan pengurusan beasiswa');
  await page.getByLabel('Mendapatkan salinan elektronik (softcopy)').check();
  await page.getByLabel('Surat elektronik (surel)').check();
}

const fileInput = (page: Page) => page.getByLabel(FILE_LABEL);
const fieldError = (page: Page) => page.locator('#f-powerOfAttorney-error');

describe('filing for someone else: the power of attorney', () => {
  it(
    'refuses another type and a false PDF next to the field, then uploads the PDF to the bucket and files; PPID Utama sees it in the personal data',
    { timeout: 120_000 },
    async () => {
      // The register's pages may connect to the S3 emulator (the documents bucket), and to nothing else besides.
      const csp = (await fetch(`${host.url}/permohonan/`)).headers.get('content-security-policy') ?? '';
      expect(csp).toContain(`connect-src 'self' ${host.endpoints.s3};`);

      const page = await newPage(browser, { locale: 'id-ID' });
      const errors = watchErrors(page);
      const storagePosts: number[] = [];
      page.on('response', (r) => {
        if (r.url().startsWith(host.endpoints.s3) && r.request().method() === 'POST') storagePosts.push(r.status());
      });
      await gotoAndWait(page, `${host.url}/permohonan/`, FORM);
      await expect.poll(() => page.locator('input[name="submissionId"]').inputValue(), POLL).toMatch(/^[0-9a-f-]{36}$/);
      // Hidden while the request is for oneself.
      expect(await fileInput(page).isVisible()).toBe(false);
      await fillForm(page);
      await expect.poll(() => fileInput(page).isVisible(), POLL).toBe(true);
      const hint = (await page.locator('#f-powerOfAttorney-hint').textContent()) ?? '';
      expect(hint).toMatch(/^PDF, JPEG atau PNG, paling besar 10 MB\. Surat kuasa adalah data pribadi/);
      expect(await page.locator('#f-onBehalfOf-hint').textContent()).not.toContain('belum dapat diunggah');

      // Sent without a file, then with a text file: the script's own check, next to the field.
      const send = page.getByRole('button', { name: 'Kirim permohonan' });
      await send.click();
      await expect
        .poll(() => fieldError(page).textContent(), POLL)
        .toBe('Pilih berkas surat kuasa (PDF, JPEG atau PNG) untuk permohonan atas nama orang lain.');
      await fileInput(page).setInputFiles({
        name: 'surat kuasa.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Saya memberi kuasa kepada Rudi Hartono.\n'),
      });
      await send.click();
      await expect.poll(() => fieldError(page).textContent(), POLL).toBe(TYPE_ERROR);
      expect(await fileInput(page).getAttribute('aria-invalid')).toBe('true');
      expect((await fileInput(page).getAttribute('aria-describedby'))?.split(' ')).toEqual([
        'f-powerOfAttorney-error',
        'f-powerOfAttorney-hint',
        'f-powerOfAttorney-state',
      ]);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('f-powerOfAttorney');
      expect(await page.getByRole('alert').getByRole('link', { name: TYPE_ERROR }).count()).toBe(1);
      expect(storagePosts).toEqual([]);

      // A text file named .pdf passes the script, goes up, and is refused at filing by its content: nothing filed.
      const year = new Date().getUTCFullYear();
      const before = await dynamoStore.getCounter(`requests#${year}`);
      await fileInput(page).setInputFiles({ name: 'kuasa.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Ini bukan PDF, hanya teks biasa.\n') });
      await send.click();
      // The server's own words (its content check at filing), next to the field.
      await expect
        .poll(async () => ((await fieldError(page).isVisible()) ? await fieldError(page).textContent() : ''), POLL)
        .toMatch(/^Isi berkas bukan dokumen PDF seperti yang dinyatakan/);
      expect(await fileInput(page).getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('f-powerOfAttorney');
      expect(storagePosts).toEqual([204]);
      expect(await dynamoStore.getCounter(`requests#${year}`)).toBe(before);
      expect(await page.locator('#request-form').isVisible()).toBe(true);

      // The PDF: its state announced next to the field while it goes up, then the receipt.
      await page.evaluate(() => {
        const state = document.getElementById('f-powerOfAttorney-state')!;
        const seen: string[] = [];
        (window as unknown as { seen: string[] }).seen = seen;
        new MutationObserver(() => seen.push(state.textContent ?? '')).observe(state, { childList: true, characterData: true, subtree: true });
      });
      await fileInput(page).setInputFiles({ name: 'surat kuasa.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
      await send.click();
      const receipt = page.getByRole('region', { name: 'Permohonan Anda telah terdaftar' });
      await receipt.waitFor({ timeout: 30_000 });
      const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
      expect(seen[0]).toBe('Menyiapkan surat kuasa…');
      expect(seen.some((t) => /^Mengunggah surat kuasa: (0|25|50|75|100)%$/.test(t))).toBe(true);
      expect(seen).toContain(`Surat kuasa surat kuasa.pdf (${TINY_PDF.length} byte) terunggah.`);
      expect(storagePosts).toEqual([204, 204]);
      const number = (await receipt.locator('[data-slot="number"]').textContent()) ?? '';
      expect(number).toMatch(/^PMH\/\d{4}\/\d{5}$/);

      // PPID Utama: the personal data names the represented person and the power of attorney, which downloads as sent.
      const id = number.replace(/^PMH\/(\d{4})\/(\d+)$/, '$1-$2');
      const personal = await api('ppid.utama', 'GET', `/api/requests/${id}/personal`);
      expect(personal.status, JSON.stringify(personal.body)).toBe(200);
      expect(personal.body.requester.onBehalfOf).toBe('Ahmad Fauzan');
      expect(personal.body.powerOfAttorney).toMatchObject({ fileName: 'surat kuasa.pdf', size: TINY_PDF.length });
      const link = await api('ppid.utama', 'GET', `/api/requests/${id}/files/power-of-attorney`);
      expect(link.status).toBe(200);
      expect(Buffer.from(await (await fetch(link.body.url)).arrayBuffer()).equals(TINY_PDF)).toBe(true);
      // The refused attempt filed nothing: this is the only new request.
      expect(await dynamoStore.getCounter(`requests#${year}`)).toBe(before + 1);
      // The refusals' own 4xx answers are logged by Chromium; nothing else went wrong (no CSP or CORS refusal).
      expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
      await page.context().close();
    },
  );

  // axe-core is injected as an inline script: this page is opened with the CSP bypassed.
  it('has no serious or critical accessibility violations with the field shown, and with its error (axe-core)', { timeout: 60_000 }, async () => {
    const page = await newPage(browser, { bypassCSP: true, locale: 'id-ID' });
    const errors = watchErrors(page);
    await gotoAndWait(page, `${host.url}/permohonan/`, FORM);
    await page.getByLabel(REPRESENTED).fill('Ahmad Fauzan');
    await expect.poll(() => fileInput(page).isVisible(), POLL).toBe(true);
    await expectAccessible(page, 'the form with the power of attorney field');
    await fileInput(page).setInputFiles({ name: 'kuasa.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK') });
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await expect.poll(() => fieldError(page).textContent(), POLL).toBe(TYPE_ERROR);
    await expectAccessible(page, 'the form with the power of attorney refused');
    // Emptied again: the field goes away.
    await page.getByLabel(REPRESENTED).fill('');
    await expect.poll(() => fileInput(page).isVisible(), POLL).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it(
    'without JavaScript: no file field, the hint says what to do, and a post for someone else is refused with a readable page',
    { timeout: 60_000 },
    async () => {
      const page = await newPage(browser, { locale: 'id-ID', javaScriptEnabled: false });
      await gotoAndWait(page, `${host.url}/permohonan/`, FORM);
      expect(await page.locator('#poa-field').isVisible()).toBe(false);
      expect(await page.locator('#f-onBehalfOf-hint').textContent()).toMatch(
        /memerlukan JavaScript pada peramban Anda\) atau diserahkan bersama permohonan di loket PPID\.$/,
      );
      await fillForm(page);
      await openPage(page, () => page.getByRole('button', { name: 'Kirim permohonan' }).click(), 'Formulir belum dapat diterima');
      expect(await page.locator('main').textContent()).toContain('Unggah surat kuasa bila mengajukan atas nama orang lain.');
      await page.context().close();
    },
  );
});
