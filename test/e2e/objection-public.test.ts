/**
 * Objections on the register in Chromium, as the requester lives them (issue 11): a letter request
 * whose deadline passed with no written notice (registered by PPID Utama, received 21 days ago); its
 * status page offers ground c first and chosen, with its filing deadline in words, and the grounds
 * that do not apply disabled with their note. The form refuses an empty case next to the field, and
 * a ground that does not apply (enabled by hand, as a stale page would send it) is refused by the
 * API next to the grounds; then the objection is filed with a PDF attachment uploaded to the bucket:
 * the receipt (KBR number, the Atasan PPID's deadline in words) takes the focus and the objection is
 * listed. The Atasan PPID rejects it; the status page shows the response, downloads its PDF and says
 * until when the dispute may go to the Komisi Informasi. Without JavaScript the status page shows the
 * objection and its plain form files another (repeated checkboxes, 303 back). On /keberatan/ an
 * objection on periodic information (ground b) is filed with no request, its code shown once, and
 * looked up by its KBR number. axe-core on the objection form, with its errors, and on /keberatan/.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { describedErrors, expectAccessible, gotoAndWait, launchChromium, newPage, openPage, POLL, watchErrors } from '../support/browser.ts';
import { apiClient, dipContent, publishItem, startTestHost, TINY_PDF, until } from '../support/host.ts';

const STATUS = 'Status permohonan informasi';
const OBJECTION_PAGE = 'Keberatan kepada Atasan PPID';
const WORDS = /^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \p{L}+ \d{4} pukul \d{2}\.\d{2} WI(B|TA|T)$/u;
const GROUND_C = /^c\. Tidak ditanggapinya permintaan informasi/;

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;
let browser: Browser;
/** The late letter request: its number and tracking code. */
let number: string;
let code: string;

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
  // A letter received 21 days ago, registered today: its 10 working days have passed with no notice.
  const receivedOn = new Date(Date.now() + 7 * 3600_000 - 21 * 86_400_000).toISOString().slice(0, 10);
  const res = await api('ppid.utama', 'POST', '/api/requests', {
    requester: {
      kind: 'individual',
      fullName: 'Agustinus Jelani',
      nik: '6171012208870006',
      address: 'Jl. Tanjungpura No. 88, Pontianak',
      email: 'agustinus.keberatan@example.org',
    },
    content: {
      information: 'Laporan realisasi anggaran dinas kesehatan semester pertama 2026',
      purpose: 'Pemantauan anggaran oleh warga',
      obtainForm: 'copy_softcopy',
      deliveryMethod: 'email',
    },
    channel: 'letter',
    receivedOn,
    submissionId: crypto.randomUUID(),
    note: 'Surat tiba tiga minggu lalu, baru dicatat.',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  number = res.body.request.number;
  code = res.body.trackingCode;
  expect(Date.parse(res.body.request.deadline.at)).toBeLessThan(Date.now());
  // One publication builds the register (its pages are written by the register update).
  await publishItem(
    api,
    dipContent({
      title: 'Laporan Realisasi Anggaran Dinas Kesehatan 2025',
      summary: 'Realisasi pendapatan dan belanja dinas kesehatan tahun anggaran 2025.',
    }),
  );
  await until(async () => (await fetch(`${host.url}/keberatan/`)).status === 200, 'the objection page on the register', 90_000);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.cleanup();
}, 60_000);

const statusLink = () => `${host.url}/permohonan/status/?nomor=${encodeURIComponent(number)}&kode=${encodeURIComponent(code)}`;

/** The status page of the late request, read until its objection form is there. */
async function openStatus(page: Page) {
  await gotoAndWait(page, statusLink(), STATUS);
  const view = page.getByRole('region', { name: `Permohonan ${number}` });
  await view.waitFor({ timeout: 20_000 });
  const form = page.getByRole('form', { name: 'Ajukan keberatan kepada Atasan PPID' });
  await form.waitFor({ timeout: 20_000 });
  return { view, form };
}

describe('objecting on a request from its status page', () => {
  let kbr = '';

  it(
    'offers ground c first and chosen; refuses an empty case and a ground that does not apply at their fields; files with an attachment and shows the KBR number and the deadline',
    { timeout: 120_000 },
    async () => {
      const page = await newPage(browser, { locale: 'id-ID' });
      const errors = watchErrors(page);
      const { form } = await openStatus(page);
      const grounds = form.getByRole('group', { name: /^Alasan keberatan \(Pasal 35 ayat \(1\) UU 14\/2008\)/ });
      const c = grounds.getByRole('checkbox', { name: GROUND_C });
      expect(await c.isChecked()).toBe(true);
      expect(await c.isEnabled()).toBe(true);
      // The known ground first, its note and filing deadline in words.
      expect(await grounds.getByRole('checkbox').first().getAttribute('value')).toBe('c');
      const note = (await page.locator('#ob-g-c-note').textContent()) ?? '';
      expect(note).toMatch(/^Tidak ada pemberitahuan tertulis sampai batas waktu /);
      expect(note).toMatch(/Dapat diajukan paling lambat (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \p{L}+ \d{4} pukul 23\.59 WI(B|TA|T)\.$/u);
      // Grounds that need a notice, or a refusal, cannot be chosen: disabled, with why.
      const a = grounds.getByRole('checkbox', { name: /^a\. Penolakan/ });
      expect(await a.isDisabled()).toBe(true);
      expect(await page.locator('#ob-g-a-note').textContent()).toBe('Permohonan ini tidak ditolak.');
      expect(await grounds.getByRole('checkbox', { name: /^g\. / }).isDisabled()).toBe(true);
      expect(await page.locator('#ob-g-g-note').textContent()).toBe('Dapat dipilih setelah pemberitahuan tertulis terbit.');

      // Sent with no case: the script's own check, next to the field, with the focus there.
      const send = form.getByRole('button', { name: 'Kirim keberatan' });
      await send.click();
      const area = form.getByLabel('Uraian keberatan');
      await expect.poll(() => page.locator('#ob-case-error').textContent(), POLL).toBe('Uraian keberatan wajib diisi, minimal 20 karakter.');
      expect(await area.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('ob-case');
      expect(await form.getByRole('alert').getByRole('link', { name: 'Uraian keberatan wajib diisi, minimal 20 karakter.' }).getAttribute('href')).toBe(
        '#ob-case',
      );

      // A ground that does not apply, sent as a stale page would: the API's refusal, next to the grounds.
      await area.fill('Permohonan saya tidak dijawab sampai batas waktu sepuluh hari kerja berakhir.');
      await page.locator('#ob-g-a').evaluate((el) => {
        (el as HTMLInputElement).disabled = false;
      });
      await a.check();
      await send.click();
      await expect
        .poll(() => page.locator('#ob-grounds-error').textContent(), POLL)
        .toMatch(/^Alasan a tidak berlaku untuk permohonan ini: Permohonan ini tidak ditolak\.$/);
      expect(await describedErrors(page, c)).toMatch(/^Alasan a tidak berlaku/);
      expect(await c.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#ob-case-error').isHidden()).toBe(true);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')), POLL).toBe('grounds');

      // Ground c alone, with a PDF attached: filed.
      await a.uncheck();
      await form.getByLabel('Lampiran (tidak wajib)').setInputFiles({ name: 'tanda terima surat.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
      await send.click();
      const receipt = page.getByRole('region', { name: 'Keberatan Anda telah terdaftar' });
      await receipt.waitFor({ timeout: 30_000 });
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('objection-filed');
      kbr = (await receipt.locator('strong').textContent()) ?? '';
      expect(kbr).toMatch(/^KBR\/\d{4}\/\d{4}$/);
      expect(await receipt.locator('.deadline').textContent()).toMatch(WORDS);
      expect(await receipt.textContent()).toMatch(/Atasan PPID wajib memberi tanggapan tertulis paling lambat/);
      const listed = page.getByRole('region', { name: `Keberatan ${kbr}` });
      expect(await listed.textContent()).toContain('Terdaftar; menunggu tanggapan tertulis Atasan PPID');
      expect(await listed.getByRole('listitem').filter({ hasText: GROUND_C }).count()).toBe(1);
      await page.screenshot({ path: 'test-results/objection-filed.png', fullPage: true });

      // One objection, on ground c, with its attachment checked and kept.
      const id = kbr.replace(/^KBR\/(\d{4})\/(\d+)$/, '$1-$2');
      const stored = await api('atasan.ppid', 'GET', `/api/objections/${id}`);
      expect(stored.status).toBe(200);
      expect(stored.body).toMatchObject({ grounds: ['c'], requestNumber: number, channel: 'online' });
      expect(stored.body.attachments.map((x: { fileName: string }) => x.fileName)).toEqual(['tanda terima surat.pdf']);
      expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
      await page.context().close();
    },
  );

  it('passes axe-core on the objection form, and with its errors shown', { timeout: 90_000 }, async () => {
    const page = await newPage(browser, { bypassCSP: true, locale: 'id-ID' });
    const { form } = await openStatus(page);
    await expectAccessible(page, 'the status page with the objection form');
    await form.getByLabel('Uraian keberatan').fill('pendek');
    await form.getByRole('button', { name: 'Kirim keberatan' }).click();
    await form.getByRole('alert').getByRole('link').first().waitFor({ timeout: 10_000 });
    await expectAccessible(page, 'the objection form with its errors');
    await page.context().close();
  });

  it("shows the Atasan PPID's response, downloads its PDF and gives the dispute window in words", { timeout: 150_000 }, async () => {
    expect(kbr).not.toBe('');
    const id = kbr.replace(/^KBR\/(\d{4})\/(\d+)$/, '$1-$2');
    await until(async () => (await dynamoStore.getObjection(id))?.taskToken, 'the response wait', 30_000);
    const version = (await api('atasan.ppid', 'GET', `/api/objections/${id}`)).body.version;
    const responded = await api('atasan.ppid', 'POST', `/api/objections/${id}/response`, {
      decision: 'rejected',
      reasons: 'Permohonan telah diteruskan dan pemberitahuan tertulis sedang disiapkan oleh SKPD.',
      version,
    });
    expect(responded.status, JSON.stringify(responded.body)).toBe(200);
    await until(async () => (await dynamoStore.getObjection(id))?.responseDocument, 'the issued response', 60_000);

    const page = await newPage(browser, { locale: 'id-ID' });
    const errors = watchErrors(page);
    await openStatus(page);
    const listed = page.getByRole('region', { name: `Keberatan ${kbr}` });
    await listed.getByRole('button', { name: /^Unduh tanggapan atas keberatan .+ \(PDF\)$/ }).waitFor({ timeout: 20_000 });
    const text = (await listed.textContent()) ?? '';
    expect(text).toContain('Keberatan ditolak oleh Atasan PPID');
    expect(text).toContain('Permohonan telah diteruskan dan pemberitahuan tertulis sedang disiapkan oleh SKPD.');
    expect(text).toMatch(
      /Anda dapat mengajukan sengketa ke Komisi Informasi paling lambat (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \p{L}+ \d{4} pukul 23\.59 WI(B|TA|T)/u,
    );
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      listed.getByRole('button', { name: /^Unduh tanggapan atas keberatan/ }).click(),
    ]);
    expect((await readFile((await download.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('without JavaScript: the status page lists the objection and its plain form files another (303 back to the page)', { timeout: 90_000 }, async () => {
    const page = await newPage(browser, { locale: 'id-ID', javaScriptEnabled: false });
    const url = `${host.url}/api/public/requests/status-page?nomor=${encodeURIComponent(number)}&kode=${encodeURIComponent(code)}`;
    await gotoAndWait(page, url, `Permohonan ${number}`);
    expect(await page.getByRole('region', { name: `Keberatan ${kbr}` }).count()).toBe(1);
    const form = page.getByRole('form', { name: 'Ajukan keberatan kepada Atasan PPID' });
    expect(await form.getByRole('checkbox', { name: GROUND_C }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: /^a\. / }).isDisabled()).toBe(true);
    await form.getByRole('checkbox', { name: /^b\. / }).check();
    await form.getByLabel('Uraian keberatan').fill('Laporan realisasi anggaran semester pertama juga tidak diumumkan di laman.');
    await openPage(page, () => form.getByRole('button', { name: 'Kirim keberatan' }).click(), `Permohonan ${number}`);
    expect(new URL(page.url()).pathname).toBe('/api/public/requests/status-page');
    const regions = page.getByRole('region', { name: /^Keberatan KBR\// });
    await expect.poll(() => regions.count(), POLL).toBe(2);
    const second = regions.nth(1);
    expect(await second.textContent()).toContain('b. Tidak disediakannya informasi berkala (Pasal 9)');
    expect(await second.textContent()).toContain('c. Tidak ditanggapinya permintaan informasi');
    await page.context().close();
  });
});

describe('an objection on periodic information, with no request (/keberatan/)', () => {
  it(
    'files ground b with the objector’s identity, shows the code once and opens its status by the KBR number; axe-core clean',
    { timeout: 120_000 },
    async () => {
      const page = await newPage(browser, { locale: 'id-ID' });
      const errors = watchErrors(page);
      await gotoAndWait(page, `${host.url}/`, /^Daftar Informasi Publik/);
      await openPage(page, () => page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Keberatan' }).click(), OBJECTION_PAGE);
      const form = page.getByRole('form', { name: 'Keberatan karena informasi berkala tidak disediakan' });
      await form.waitFor({ timeout: 10_000 });
      // Nothing filled: each field's problem next to it, the first focused.
      await form.getByRole('button', { name: 'Kirim keberatan' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('o-fullName');
      expect(await page.locator('#o-information-error').textContent()).toBe('Informasi berkala yang tidak disediakan wajib diisi, minimal 10 karakter.');
      await form.getByLabel('Nama lengkap').fill('Maria Goreti Sumarni');
      await form.getByLabel('NIK (Nomor Induk Kependudukan)').fill('6171014403900007');
      await form.getByLabel('Alamat lengkap').fill('Jl. Gajah Mada No. 17, Pontianak');
      await form.getByLabel('Alamat surel (email)').fill('maria.berkala@example.org');
      await form.getByLabel('Informasi berkala yang tidak disediakan').fill('Laporan keuangan dinas pendidikan tahun 2025');
      await form.getByLabel('Uraian keberatan').fill('Laporan keuangan tahunan tidak pernah diumumkan di laman badan publik.');
      await form.getByRole('button', { name: 'Kirim keberatan' }).click();
      const receipt = page.getByRole('region', { name: 'Keberatan Anda telah terdaftar' });
      await receipt.waitFor({ timeout: 30_000 });
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('objection-done');
      const kbr = (await receipt.locator('[data-slot="number"]').textContent()) ?? '';
      const own = (await receipt.locator('[data-slot="code"]').textContent()) ?? '';
      expect(kbr).toMatch(/^KBR\/\d{4}\/\d{4}$/);
      expect(own.length).toBeGreaterThanOrEqual(8);
      expect(await receipt.locator('[data-slot="deadline"]').textContent()).toMatch(WORDS);
      expect(await receipt.textContent()).toContain('Kode ini hanya ditampilkan sekali');
      expect(await page.locator('#periodic-form').isHidden()).toBe(true);

      // Its status by its own number and code.
      await openPage(page, () => receipt.getByRole('link', { name: 'Buka halaman status keberatan' }).click(), STATUS);
      const view = page.getByRole('region', { name: `Keberatan ${kbr}` }).first();
      await view.waitFor({ timeout: 20_000 });
      const text = (await view.textContent()) ?? '';
      expect(text).toContain('b. Tidak disediakannya informasi berkala (Pasal 9)');
      expect(text).toContain('Laporan keuangan dinas pendidikan tahun 2025');
      expect(new URL(page.url()).searchParams.has('kode')).toBe(false);
      expect(errors).toEqual([]);
      await page.context().close();

      const checked = await newPage(browser, { bypassCSP: true, locale: 'id-ID' });
      await gotoAndWait(checked, `${host.url}/keberatan/`, OBJECTION_PAGE);
      await checked.locator('#periodic-form').waitFor({ state: 'visible', timeout: 10_000 });
      await expectAccessible(checked, '/keberatan/');
      await gotoAndWait(checked, `${host.url}/en/keberatan/`, 'Objection to the Atasan PPID');
      await expectAccessible(checked, '/en/keberatan/');
      await checked.context().close();
    },
  );
});
