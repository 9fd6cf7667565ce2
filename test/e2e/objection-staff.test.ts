/**
 * Objections in the staff app, in a real browser against the full local host: a letter request that
 * went unanswered past its statutory deadline, routed to Dinas Kesehatan, is objected to (ground c)
 * from the status page through the API. The Atasan PPID finds the objection in the inbox, reads the
 * case (the grounds with the law's words, the request, the deadline in working days and in words),
 * opens the objector's identity (audited), grants it with a date and confirms in a dialog that says
 * what follows; the page shows the response and then, once the workflow issued it, the signed letter.
 * Dinas Kesehatan's PPID Pelaksana finds the follow-up in its inbox, uploads a PDF to the request on
 * the objection's page, is refused without a note (next to the field), and records the fulfilment:
 * the objection closes. The list shows the objection; the registration form offers the seven grounds
 * with the law's words, refuses an empty form field by field and registers a ground-b objection with
 * no request, showing its tracking code once. axe-core finds no serious or critical violation on the
 * objection page, the dialog and the registration form.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { GROUND_TEXT, GROUNDS } from '../../functions/core/objections/model.ts';
import { clickNav, describedErrors, expectAccessible, inboxRow, launchChromium, openPage, POLL, signIn, watchErrors } from '../support/browser.ts';
import { apiClient, routeRequest, startTestHost, TINY_PDF, until } from '../support/host.ts';

const RUN = Date.now().toString(36);
const INFORMATION = `Data cakupan imunisasi dasar lengkap per kecamatan tahun 2025 (uji keberatan ${RUN})`;
const OBJECTOR = 'Yohanes Paulus Sitanggang';
const CASE = 'Sampai batas waktu sepuluh hari kerja saya tidak menerima pemberitahuan tertulis apa pun atas permohonan saya.';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;
let browser: Browser;
let workDir: string;
let objection: { id: string; number: string; requestId: string; requestNumber: string };

/** The local date `days` calendar days from today in Western Indonesia (the seeded body's zone, UTC+7). */
const wibDate = (days: number) => new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
/** An instant or date as raw ISO text: never shown to people. */
const RAW_ISO = /\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?/;

beforeAll(async () => {
  host = await startTestHost({ seed: true });
  api = apiClient(host);
  browser = await launchChromium();
  workDir = mkdtempSync(join(tmpdir(), 'sip-ppid-e2e-objection-'));

  // A letter received 21 days ago: its statutory deadline (10 working days) has passed with no notice.
  const registered = await api('petugas.dinkes', 'POST', '/api/requests', {
    requester: {
      kind: 'individual',
      fullName: OBJECTOR,
      nik: '6171011203850004',
      address: 'Jalan Ahmad Yani Nomor 12, Pontianak',
      email: 'yohanes.keberatan@example.org',
      phone: '+62 812 5555 0101',
    },
    content: { information: INFORMATION, purpose: 'Penelitian skripsi tentang kesehatan anak', obtainForm: 'copy_softcopy', deliveryMethod: 'email' },
    channel: 'letter',
    receivedOn: wibDate(-21),
    submissionId: crypto.randomUUID(),
    note: 'Surat tiba di loket tiga minggu lalu, baru dicatat.',
  });
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  const requestId = registered.body.request.requestId as string;
  const requestNumber = registered.body.request.number as string;
  // PPID Utama routes it to Dinas Kesehatan, once the workflow waits for the routing.
  const routed = await routeRequest(api, requestId);
  expect(routed.status, JSON.stringify(routed.body)).toBe(200);

  // The requester objects from the status page: the request was not answered (ground c).
  const filed = await api(null, 'POST', '/api/public/objections', {
    number: requestNumber,
    code: registered.body.trackingCode,
    grounds: ['c'],
    case: CASE,
    submissionId: crypto.randomUUID(),
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  const number = filed.body.objection.number as string;
  // The requester's view carries no ids: the objection's is its number's year and sequence.
  objection = { id: number.replace(/^KBR\/(\d{4})\/(\d+)$/, '$1-$2'), number, requestId, requestNumber };
  // The workflow waits for the Atasan PPID (its wait is recorded on the objection).
  await until(async () => (await dynamoStore.getObjection(objection.id))?.taskToken, 'the objection wait', 30_000);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.cleanup();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}, 60_000);

describe('objections in the staff app', () => {
  it(
    'the Atasan PPID grants an objection from the inbox with a date, confirmed in a dialog; the SKPD uploads a document and records the follow-up',
    { timeout: 300_000 },
    async () => {
      const { id, number, requestId, requestNumber } = objection;

      // ── The Atasan PPID: the inbox, the objection page ──
      const atasan = await signIn(browser, host.url, 'atasan.ppid');
      let page = atasan.page;
      const errors = watchErrors(page);
      const row = await inboxRow(page, number);
      expect(await row.textContent()).toContain('Keberatan: menunggu tanggapan Atasan PPID');
      expect(await row.getByRole('link').first().getAttribute('href')).toBe(`#/objections/${id}`);
      await openPage(page, () => row.getByRole('link').first().click(), `Keberatan ${number}`);

      const status = page.getByRole('region', { name: 'Menunggu tanggapan tertulis Atasan PPID' });
      await status.waitFor();
      // The deadline in working days and in words, with how it was computed.
      await expect.poll(() => status.textContent(), POLL).toMatch(/\d+ hari kerja lagi/);
      expect(await status.textContent()).toMatch(/(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4}/);
      expect(await status.textContent()).toContain('30 hari kerja');
      // The case: the ground with the law's words, the request and its missing notice.
      const kase = page.getByRole('region', { name: 'Pokok keberatan' });
      expect(await kase.textContent()).toContain(`Alasan c: ${GROUND_TEXT.c.id}`);
      expect(await kase.textContent()).toContain(CASE);
      const request = page.getByRole('region', { name: 'Permohonan yang diajukan keberatan' });
      expect(await request.getByRole('link', { name: `Buka permohonan ${requestNumber}` }).getAttribute('href')).toBe(`#/requests/${requestId}`);
      expect(await request.textContent()).toContain('Belum ada pemberitahuan tertulis.');
      expect(await request.textContent()).toContain('Dinas Kesehatan: belum menjawab');
      // People by name, dates in words, never raw ids or ISO instants.
      const timeline = page.getByRole('region', { name: 'Riwayat' });
      expect(await timeline.textContent()).toContain('Keberatan diterima');
      expect(await timeline.textContent()).toContain('Daring (formulir situs)');
      expect(await page.locator('main').textContent()).not.toMatch(RAW_ISO);

      // The objector's identity on demand: the read is recorded.
      const personal = page.getByRole('region', { name: 'Identitas pengaju keberatan' });
      expect(await personal.textContent()).not.toContain(OBJECTOR);
      expect(await personal.textContent()).toContain('jejak audit');
      await personal.getByRole('button', { name: 'Tampilkan identitas pengaju keberatan' }).click();
      await personal.getByText(OBJECTOR).waitFor();
      const audit = (await api('admin', 'GET', `/api/audit?entityType=objection&entityId=${id}&limit=50`)).body.items as any[];
      expect(audit.some((e) => e.action === 'objection.personal_read' && e.actor.username === 'atasan.ppid')).toBe(true);
      await expectAccessible(page, 'the objection page with the response form');
      await page.screenshot({ path: '/tmp/objection-page.png', fullPage: true });

      // The response: granted, in full, by a date; asked once in a dialog that says what follows.
      const provideBy = wibDate(7);
      await page.getByRole('radio', { name: /^Keberatan diterima/ }).check();
      await page.getByRole('radio', { name: 'Seluruhnya' }).check();
      await page.getByLabel('Diberikan paling lambat').fill(provideBy);
      await page.getByRole('textbox', { name: 'Pertimbangan', exact: true }).fill('Permohonan tidak dijawab dalam batas waktu yang ditetapkan undang-undang.');
      await page.getByRole('button', { name: 'Kirim tanggapan' }).click();
      const dialog = page.getByRole('dialog', { name: `Terbitkan tanggapan atas keberatan ${number}?` });
      await dialog.waitFor();
      const said = (await dialog.textContent()) ?? '';
      expect(said).toContain('diterbitkan dan dikirim kepada pengaju keberatan');
      expect(said).toMatch(/PPID \(Dinas Kesehatan\) diperintahkan memberikan informasi paling lambat \w+, \d{1,2} \w+ \d{4}/);
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), POLL).toBe('Batal');
      await expectAccessible(page, 'the confirmation dialog');
      await page.screenshot({ path: '/tmp/objection-dialog.png' });
      // Cancelled, nothing is sent; asked again and confirmed.
      await dialog.getByRole('button', { name: 'Batal' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect((await api('atasan.ppid', 'GET', `/api/objections/${id}`)).body.response).toBeUndefined();
      await page.getByRole('button', { name: 'Kirim tanggapan' }).click();
      await dialog.getByRole('button', { name: 'Ya, terbitkan tanggapan' }).click();
      const granted = page.getByRole('region', { name: 'Keberatan diterima' });
      await granted.waitFor({ timeout: 20_000 });
      await expect.poll(() => page.getByRole('status').first().textContent(), POLL).toContain(`Tanggapan atas keberatan ${number} tercatat`);
      expect(await granted.textContent()).toContain('Informasi diberikan seluruhnya');
      expect(await granted.textContent()).toMatch(/Ditanggapi oleh [^(]*Samuel Hutapea[^(]*\(\S.* selaku Atasan PPID\)/);
      expect(await granted.textContent()).toContain('Komisi Informasi');
      expect(await page.getByRole('button', { name: 'Kirim tanggapan' }).count()).toBe(0);
      // The workflow issues the signed letter; the page looks again by itself until its link is there.
      const letter = granted.getByRole('button', { name: /^Unduh tanggapan atas keberatan \S+ \(PDF\)$/ });
      await letter.waitFor({ timeout: 60_000 });
      const [link] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(`/objections/${id}/files/response`)), letter.click()]);
      expect(link.status()).toBe(200);
      const pdf = await fetch(((await link.json()) as { url: string }).url);
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      expect(errors).toEqual([]);
      expect(atasan.errors).toEqual([]);

      // ── PPID Pelaksana of Dinas Kesehatan: the follow-up ──
      const kepala = await signIn(browser, host.url, 'kepala.dinkes');
      page = kepala.page;
      const kepalaErrors = watchErrors(page);
      const fuRow = await inboxRow(page, number);
      expect(await fuRow.textContent()).toContain('Keberatan diterima: berikan informasi');
      // The workflow's wait for the follow-up is recorded before the SKPD acts.
      await until(async () => (await dynamoStore.getObjection(id))?.taskToken, 'the follow-up wait', 30_000);
      await openPage(page, () => fuRow.getByRole('link').first().click(), `Keberatan ${number}`);
      const followUp = page.getByRole('region', { name: 'Tindak lanjut: berikan informasi' });
      await followUp.waitFor();
      await expect
        .poll(() => page.getByRole('region', { name: 'Keberatan diterima' }).textContent(), POLL)
        .toMatch(/Batas waktu tindak lanjut\s*\d+ hari kerja lagi/);

      const file = join(workDir, 'cakupan-imunisasi-2025.pdf');
      writeFileSync(file, TINY_PDF);
      await followUp.getByLabel('Berkas', { exact: true }).setInputFiles(file);
      await followUp.getByRole('button', { name: 'Unggah', exact: true }).click();
      const doc = followUp.getByRole('group', { name: /cakupan-imunisasi-2025\.pdf.*Sudah diperiksa/ });
      await doc.waitFor({ timeout: 20_000 });
      await doc.getByRole('checkbox', { name: 'Berikan cakupan-imunisasi-2025.pdf' }).check();

      // Sent with no note: refused next to the field.
      await followUp.getByRole('button', { name: 'Catat pemenuhan' }).click();
      const note = followUp.getByLabel('Catatan pemenuhan');
      await expect.poll(() => note.getAttribute('aria-invalid'), POLL).toBe('true');
      expect(await describedErrors(page, note)).toMatch(/catatan pemenuhan/);
      await expectAccessible(page, 'the follow-up form with its error');

      await note.fill('Data cakupan imunisasi dikirim kepada pengaju keberatan sesuai tanggapan Atasan PPID.');
      await followUp.getByRole('button', { name: 'Catat pemenuhan' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent(), POLL).toContain(`Pemenuhan keberatan ${number} tercatat`);
      await page
        .getByRole('region', { name: 'Keberatan diterima' })
        .getByText(/Informasi diberikan .* oleh dr\. Hendra Wijaya\./)
        .first()
        .waitFor({ timeout: 20_000 });
      expect(await page.getByRole('region', { name: 'Tindak lanjut: berikan informasi' }).count()).toBe(0);
      expect(await page.locator('.item-meta').textContent()).toContain('Selesai');
      const docs = page.getByRole('region', { name: 'Dokumen perkara' });
      expect(await docs.textContent()).toMatch(/Diberikan pada tindak lanjut keberatan\s*Unduh cakupan-imunisasi-2025\.pdf/);
      const events = await page.getByRole('region', { name: 'Riwayat' }).getByRole('listitem').allTextContents();
      expect(events.find((e) => e.includes('Atasan PPID menanggapi'))).toMatch(/oleh [^·]*Samuel Hutapea[\s\S]*Keberatan diterima/);
      expect(events.find((e) => e.includes('Informasi diberikan'))).toContain('oleh dr. Hendra Wijaya');
      expect(events.some((e) => e.includes('Keberatan selesai'))).toBe(true);
      expect(await page.locator('main').textContent()).not.toMatch(RAW_ISO);
      await expectAccessible(page, 'the closed objection');
      await page.screenshot({ path: '/tmp/objection-closed.png', fullPage: true });
      expect((await api('kepala.dinkes', 'GET', `/api/objections/${id}`)).body).toMatchObject({ state: 'closed' });

      // The list: the number, the request, the ground as a letter with the law's words on hover, the state.
      await clickNav(page, 'Keberatan');
      const listRow = page.getByRole('row').filter({ hasText: number });
      await listRow.waitFor();
      expect(await listRow.textContent()).toContain(requestNumber);
      expect(await listRow.textContent()).toContain('Selesai');
      expect(await listRow.locator('abbr').getAttribute('title')).toBe(GROUND_TEXT.c.id);
      expect(await listRow.getByRole('link').getAttribute('href')).toBe(`#/objections/${id}`);
      await page.screenshot({ path: '/tmp/objection-list.png', fullPage: true });
      // The note-less send's 400 is the refusal shown by the field, not an error of the page.
      expect(kepalaErrors.filter((e) => !e.includes('status of 400'))).toEqual([]);
      expect(kepala.errors).toEqual([]);
    },
  );

  it(
    'the registration form offers the grounds in the law’s words, refuses an empty form by field and registers a ground-b objection with no request',
    { timeout: 180_000 },
    async () => {
      const utama = await signIn(browser, host.url, 'ppid.utama');
      const page = utama.page;
      const errors = watchErrors(page);
      await clickNav(page, 'Keberatan');
      await openPage(page, () => page.getByRole('link', { name: 'Registrasi keberatan' }).click(), 'Registrasi keberatan');
      // The seven grounds, each with the words of functions/core/objections/model.ts GROUND_TEXT.
      const grounds = page.getByRole('group', { name: /Alasan keberatan/ });
      for (const g of GROUNDS) expect(await grounds.getByRole('checkbox', { name: `${g}. ${GROUND_TEXT[g].id}` }).count()).toBe(1);
      await expectAccessible(page, 'the empty registration form');

      await page.getByRole('button', { name: 'Daftarkan keberatan' }).click();
      const channel = page.getByLabel('Cara keberatan diajukan');
      await expect.poll(() => channel.getAttribute('aria-invalid'), POLL).toBe('true');
      expect(await describedErrors(page, channel)).toMatch(/pilih saluran keberatan/);
      expect(await describedErrors(page, page.getByLabel('Uraian keberatan'))).toMatch(/uraian keberatan/);
      expect(await grounds.locator('.field-error').textContent()).toMatch(/pilih minimal satu alasan keberatan/);
      await expectAccessible(page, 'the registration form with its errors');

      // Ground b with no request: the objector's identity instead of a request number.
      await channel.selectOption({ label: 'Surat' });
      await page.getByRole('radio', { name: /^Informasi berkala yang tidak disediakan/ }).check();
      await page.getByRole('textbox', { name: 'Informasi berkala yang tidak disediakan', exact: true }).fill('Laporan keuangan Dinas Kesehatan tahun 2025');
      await page.getByLabel('Nama lengkap').fill('Maria Goreti Lumban');
      await page.getByLabel('NIK').fill('6171014509900002');
      await page.getByLabel(/^Alamat\s*\*?$/).fill('Jalan Tanjungpura Nomor 7, Pontianak');
      await page.getByLabel('Alamat surel').fill('maria.goreti@example.org');
      await grounds.getByRole('checkbox', { name: /^b\. / }).check();
      await page.getByLabel('Uraian keberatan').fill('Laporan keuangan tahunan tidak diumumkan di situs PPID sampai hari ini.');
      await page.getByRole('button', { name: 'Daftarkan keberatan' }).click();
      const receipt = page.getByRole('heading', { level: 2, name: /^Keberatan terdaftar: KBR\/\d{4}\/\d{4}$/ });
      await receipt.waitFor({ timeout: 20_000 });
      expect(await page.locator('[data-tracking-code]').textContent()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('obj-receipt-h');
      expect(await page.locator('main').textContent()).toContain('hanya ditampilkan sekali');
      await page.screenshot({ path: '/tmp/objection-receipt.png', fullPage: true });
      // The empty form's 400 is the refusal shown by the fields, not an error of the page.
      expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
      expect(utama.errors).toEqual([]);
    },
  );
});
