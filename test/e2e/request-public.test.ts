/**
 * The register's information-request pages in Chromium, as a member of the public uses them (no
 * account): the form lists a published item that may already answer what is typed, refuses a wrong
 * field with its message next to it (the script's own check, then the API's), files the request and
 * shows the number, the deadline and the tracking code once; the status page opened by its link shows
 * the state and the deadline and takes the code out of the address. Without JavaScript the form is a
 * plain post that lands on the status page with the number and the code, and the same post sent again
 * files nothing new. After the answer, the status page takes the answer to a clarification, shows the
 * decision and downloads the notice and the released document; the public log lists the answer with
 * the document released to everyone, and nothing of the requester. The form, the status page and the
 * log pass axe-core.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { expectAccessible, gotoAndWait, launchChromium, newPage, openPage, POLL, watchErrors } from '../support/browser.ts';
import { apiClient, dipContent, publishItem, requestPdf, routeRequest, startTestHost, until } from '../support/host.ts';

const ITEM_TITLE = 'Cakupan Imunisasi Dasar Lengkap per Kabupaten 2025';
const FORM = 'Permohonan Informasi Publik';
const STATUS = 'Status permohonan informasi';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;
let browser: Browser;

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
  // One published item, for the suggestions; its publication builds the register.
  const created = await publishItem(
    api,
    dipContent({ title: ITEM_TITLE, summary: 'Persentase bayi yang mendapat imunisasi dasar lengkap di setiap kabupaten dan kota tahun 2025.' }),
  );
  const itemPath = `/informasi/dinkes/${created.regYear}/${created.sequence}.html`;
  await until(async () => (await fetch(`${host.url}${itemPath}`)).status === 200, 'the item on the register', 60_000);
  await until(async () => (await fetch(`${host.url}/permohonan/`)).status === 200, 'the request form on the register', 30_000);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.cleanup();
}, 60_000);

/** The form's fields as a person fills them (Indonesian labels). */
async function fillForm(page: Page, over: { nik?: string; email?: string } = {}) {
  await page.getByLabel('Nama lengkap').fill('Siti Rahmawati');
  await page.getByLabel('NIK (Nomor Induk Kependudukan)').fill(over.nik ?? '6171014109880002');
  await page.getByLabel('Alamat lengkap').fill('Jl. Sultan Abdurrahman No. 5, Pontianak');
  await page.getByLabel('Alamat surel (email)').fill(over.email ?? 'siti.rahmawati@example.org');
  await page.getByLabel('Rincian informasi yang dibutuhkan').fill('Data cakupan imunisasi dasar lengkap per kabupaten tahun 2025');
  await page.getByLabel('Tujuan penggunaan informasi').fill('Bahan tulisan untuk media warga');
  await page.getByLabel('Mendapatkan salinan elektronik (softcopy)').check();
  await page.getByLabel('Surat elektronik (surel)').check();
}

describe('the request form and the status page', () => {
  it(
    'files a request: a wrong field is explained next to it, then fixed; the receipt shows the code once; the status page opens by its link',
    { timeout: 120_000 },
    async () => {
      const page = await newPage(browser, { locale: 'id-ID' });
      const errors = watchErrors(page);
      await gotoAndWait(page, `${host.url}/permohonan/`, FORM);
      // The script gave the form a fresh submission id.
      await expect.poll(() => page.locator('input[name="submissionId"]').inputValue(), POLL).toMatch(/^[0-9a-f-]{36}$/);
      await fillForm(page, { nik: '617101410988000' });

      // What is typed may already be published: the item is suggested, linked, and filing stays possible.
      const suggestions = page.getByRole('region', { name: 'Mungkin sudah tersedia di Daftar Informasi Publik' });
      await suggestions.getByRole('link', { name: new RegExp(ITEM_TITLE) }).waitFor({ timeout: 20_000 });
      expect(await suggestions.getByRole('link').first().getAttribute('href')).toMatch(/^\/informasi\/dinkes\/\d{4}\/\d+\.html$/);

      // The script's own check: the NIK has 15 digits.
      const send = page.getByRole('button', { name: 'Kirim permohonan' });
      await send.click();
      const nik = page.getByLabel('NIK (Nomor Induk Kependudukan)');
      await expect.poll(() => page.locator('#f-nik-error').textContent(), POLL).toBe('NIK harus 16 angka sesuai KTP.');
      expect(await nik.getAttribute('aria-invalid')).toBe('true');
      expect((await nik.getAttribute('aria-describedby'))?.split(' ')).toEqual(['f-nik-error', 'f-nik-hint']);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('f-nik');
      expect(await page.getByRole('alert').getByRole('link', { name: 'NIK harus 16 angka sesuai KTP.' }).count()).toBe(1);

      // Fixed; now an address the script lets through but the API refuses: its message, next to its field.
      await nik.fill('6171014109880002');
      await page.getByLabel('Alamat surel (email)').fill('siti@contoh');
      await send.click();
      await expect.poll(() => page.locator('#f-email-error').textContent(), POLL).toBe('Alamat surel tidak valid');
      expect(await page.locator('#f-nik-error').isHidden()).toBe(true);
      expect(await nik.getAttribute('aria-invalid')).toBeNull();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('f-email');

      await page.getByLabel('Alamat surel (email)').fill('siti.rahmawati@example.org');
      await send.click();
      const receipt = page.getByRole('region', { name: 'Permohonan Anda telah terdaftar' });
      await receipt.waitFor({ timeout: 20_000 });
      const number = (await receipt.locator('[data-slot="number"]').textContent()) ?? '';
      const code = (await receipt.locator('[data-slot="code"]').textContent()) ?? '';
      expect(number).toMatch(/^PMH\/\d{4}\/\d{5}$/);
      expect(code.length).toBeGreaterThanOrEqual(8);
      const deadline = (await receipt.locator('[data-slot="deadline"]').textContent()) ?? '';
      expect(deadline).toMatch(/^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \p{L}+ \d{4} pukul \d{2}\.\d{2} WIB$/u);
      expect(await receipt.locator('[data-slot="received"]').textContent()).toMatch(/pukul \d{2}\.\d{2} WIB$/);
      expect(await receipt.textContent()).toContain('Kode ini hanya ditampilkan sekali');
      expect(await page.locator('#request-form').isHidden()).toBe(true);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('request-done');
      await page.screenshot({ path: 'test-results/request-receipt.png', fullPage: true });

      // The status page by its link: state and deadline; the code leaves the address at once.
      await openPage(page, () => receipt.getByRole('link', { name: 'Buka halaman status permohonan' }).click(), STATUS);
      const view = page.getByRole('region', { name: `Permohonan ${number}` });
      await view.waitFor({ timeout: 20_000 });
      expect(await view.textContent()).toContain('Terdaftar; menunggu diteruskan ke SKPD yang menguasai informasi');
      expect(await view.locator('.deadline').textContent()).toBe(deadline);
      expect(await view.getByRole('listitem').filter({ hasText: 'Permohonan didaftarkan' }).count()).toBe(1);
      const url = new URL(page.url());
      expect(url.searchParams.get('nomor')).toBe(number);
      expect(url.searchParams.has('kode')).toBe(false);
      expect(page.url()).not.toContain(encodeURIComponent(code));
      await page.screenshot({ path: 'test-results/request-status.png', fullPage: true });

      // One request was filed for the three sends.
      const id = number.replace(/^PMH\/(\d{4})\/(\d+)$/, '$1-$2');
      expect((await api('ppid.utama', 'GET', `/api/requests/${id}`)).status).toBe(200);
      expect(
        (await api(null, 'POST', '/api/public/requests/status', { number: number.replace(/\d{5}$/, (n) => String(Number(n) + 1).padStart(5, '0')), code }))
          .status,
      ).toBe(404);
      expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
      await page.context().close();
    },
  );

  it(
    'without JavaScript: a plain post lands on the status page the API renders, with the number and code; the same post again files nothing new',
    { timeout: 90_000 },
    async () => {
      const page = await newPage(browser, { locale: 'id-ID', javaScriptEnabled: false, userAgent: 'SIP-PPID-e2e tanpa JavaScript' });
      await gotoAndWait(page, `${host.url}/permohonan/`, FORM);
      await fillForm(page);
      await openPage(page, () => page.getByRole('button', { name: 'Kirim permohonan' }).click(), /^Permohonan PMH\/\d{4}\/\d{5}$/);
      const url = new URL(page.url());
      expect(url.pathname).toBe('/api/public/requests/status-page');
      const number = url.searchParams.get('nomor') ?? '';
      expect(number).toMatch(/^PMH\/\d{4}\/\d{5}$/);
      expect(url.searchParams.get('kode')?.length ?? 0).toBeGreaterThanOrEqual(8);
      expect(url.searchParams.get('baru')).toBe('1');
      // The receipt without JavaScript: the number, the code once with the warning, the state and the deadline in words.
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).toContain('Permohonan Anda telah terdaftar.');
      expect(main).toContain(url.searchParams.get('kode')!);
      expect(main).toMatch(/Simpan kode pelacakan ini sekarang/);
      expect(main).toMatch(/Terdaftar; menunggu diteruskan/);
      expect(main).toMatch(/pukul 23\.59 WI(B|TA|T)/);
      await page.screenshot({ path: 'test-results/request-status-nojs.png', fullPage: true });
      // The code works.
      expect((await api(null, 'POST', '/api/public/requests/status', { number, code: url.searchParams.get('kode') })).body.number).toBe(number);

      // The same post again (a double click, a resend) is answered with the same request.
      const again = await page.request.post(`${host.url}/api/public/requests`, {
        form: {
          submissionId: '',
          'requester.kind': 'individual',
          'requester.fullName': 'Siti Rahmawati',
          'requester.nik': '6171014109880002',
          'requester.address': 'Jl. Sultan Abdurrahman No. 5, Pontianak',
          'requester.email': 'siti.rahmawati@example.org',
          'content.information': 'Data cakupan imunisasi dasar lengkap per kabupaten tahun 2025',
          'content.purpose': 'Bahan tulisan untuk media warga',
          'content.obtainForm': 'copy_softcopy',
          'content.deliveryMethod': 'email',
          website: '',
        },
        maxRedirects: 0,
      });
      expect(again.status()).toBe(303);
      expect(new URL(again.headers().location!, host.url).searchParams.get('nomor')).toBe(number);
      await page.context().close();
    },
  );

  it(
    'after the answer: a clarification answered on the status page, the notice and the released document downloaded, the answer in the public log',
    { timeout: 180_000 },
    async () => {
      const requester = {
        kind: 'individual',
        fullName: 'Hendrikus Jematu',
        nik: '6171010307790005',
        address: 'Jl. Perintis Kemerdekaan No. 44, Pontianak',
        email: 'hendrikus.uji@example.org',
      };
      const filed = await api(null, 'POST', '/api/public/requests', {
        requester,
        content: {
          information: 'Jadwal imunisasi keliling di Kabupaten Kubu Raya tahun 2026',
          purpose: 'Informasi untuk warga desa',
          obtainForm: 'copy_softcopy',
          deliveryMethod: 'collect',
        },
        submissionId: crypto.randomUUID(),
      });
      expect(filed.status, JSON.stringify(filed.body)).toBe(201);
      const { number, trackingCode: code } = filed.body as { number: string; trackingCode: string };
      const id = number.replace(/^PMH\/(\d{4})\/(\d+)$/, '$1-$2');
      const version = async () => (await api('ppid.utama', 'GET', `/api/requests/${id}`)).body.version as number;
      // The workflow writes its routing wait first (each staff change carries the version it read).
      await until(async () => (await dynamoStore.getRequest(id))?.routingWait?.taskToken, 'the routing wait', 30_000);
      const asked = await api('ppid.utama', 'POST', `/api/requests/${id}/clarifications`, {
        question: 'Mohon sebutkan kecamatan yang Anda maksud.',
        version: await version(),
      });
      expect(asked.status, JSON.stringify(asked.body)).toBe(200);

      // The requester answers on the status page (the link of the emails).
      const statusLink = `${host.url}/permohonan/status/?nomor=${encodeURIComponent(number)}&kode=${encodeURIComponent(code)}`;
      const page = await newPage(browser, { locale: 'id-ID' });
      const errors = watchErrors(page);
      await gotoAndWait(page, statusLink, STATUS);
      const view = page.getByRole('region', { name: `Permohonan ${number}` });
      await view.getByText('Mohon sebutkan kecamatan yang Anda maksud.').waitFor({ timeout: 20_000 });
      await view.getByLabel('Jawaban Anda').fill('Kecamatan Sungai Raya dan Sungai Kakap.');
      await view.getByRole('button', { name: 'Kirim jawaban' }).click();
      await expect.poll(() => page.locator('#status-message').textContent(), POLL).toBe('Jawaban Anda telah dikirim.');
      await view.getByText('Kecamatan Sungai Raya dan Sungai Kakap.').waitFor();
      expect(await view.getByLabel('Jawaban Anda').count()).toBe(0);

      // PPID Utama routes it; Dinkes grants it with a document released to everyone.
      const routed = await routeRequest(api, id);
      expect(routed.status, JSON.stringify(routed.body)).toBe(200);
      const docId = await requestPdf(api, id, 'kepala.dinkes', 'jadwal imunisasi keliling.pdf');
      await until(async () => (await dynamoStore.getRequest(id))?.parts.find((p) => p.agencyId === 'dinkes')?.taskToken, 'the part wait', 30_000);
      const answered = await until(
        async () => {
          const res = await api('kepala.dinkes', 'POST', `/api/requests/${id}/parts/dinkes/answer`, {
            decision: 'granted',
            form: 'Salinan elektronik (PDF)',
            cost: 0,
            deliveryTime: 'Dapat diambil setelah pemberitahuan ini diterima',
            documents: [{ docId, public: true }],
            version: await version(),
          });
          return res.status === 200 ? res : undefined;
        },
        'the answer accepted',
        30_000,
      );
      expect(answered.status).toBe(200);
      await until(async () => (await api(null, 'POST', '/api/public/requests/status', { number, code })).body.notice, 'the written notice', 60_000);

      // The status page read again (the code left the address: the link once more).
      await gotoAndWait(page, statusLink, STATUS);
      await view.getByRole('button', { name: /^Unduh pemberitahuan tertulis PTT\/\d{4}\/\d{5} \(PDF\)$/ }).waitFor({ timeout: 20_000 });
      expect(await view.textContent()).toContain('Dikabulkan');
      expect(await view.getByRole('listitem').filter({ hasText: 'Pemberitahuan tertulis terbit' }).count()).toBe(1);
      for (const [button, name] of [
        [/^Unduh pemberitahuan tertulis/, /^Pemberitahuan-PMH-\d{4}-\d{5}\.pdf$/],
        [/^Unduh jadwal imunisasi keliling\.pdf \(/, /^jadwal imunisasi keliling\.pdf$/],
      ] as const) {
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), view.getByRole('button', { name: button }).click()]);
        expect(download.suggestedFilename()).toMatch(name);
        expect((await readFile((await download.path())!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
      expect(errors).toEqual([]);
      // axe-core on the answered status page (injected inline: a page with the CSP bypassed).
      const checked = await newPage(browser, { bypassCSP: true, locale: 'id-ID' });
      await gotoAndWait(checked, statusLink, STATUS);
      await checked.getByRole('button', { name: /^Unduh pemberitahuan tertulis/ }).waitFor({ timeout: 20_000 });
      await expectAccessible(checked, 'the status page of an answered request');
      await checked.context().close();

      // The public log: the answer, its SKPD and decision, the document released to everyone; not the requester.
      const log = await until(
        async () => {
          const res = await fetch(`${host.url}/permohonan/daftar/`);
          const text = await res.text();
          return text.includes(number) ? text : undefined;
        },
        'the answer in the public log',
        60_000,
      );
      for (const secret of [requester.fullName, requester.nik, requester.address, requester.email, 'Sungai Kakap']) expect(log).not.toContain(secret);
      await gotoAndWait(page, `${host.url}/permohonan/daftar/`, 'Daftar permohonan informasi yang telah dijawab');
      const row = page.getByRole('row').filter({ hasText: number });
      expect(await row.textContent()).toContain('Dinas Kesehatan');
      expect(await row.textContent()).toContain('Dikabulkan');
      const href = await row.getByRole('link', { name: 'jadwal imunisasi keliling.pdf' }).getAttribute('href');
      expect(href).toBe(`/berkas/permohonan/${id}/${docId}/jadwal%20imunisasi%20keliling.pdf`);
      const file = await page.request.get(`${host.url}${href}`);
      expect(file.status()).toBe(200);
      expect((await file.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const csv = await (await page.request.get(`${host.url}/data/permohonan.csv`)).text();
      expect(csv).toContain(number);
      for (const secret of [requester.fullName, requester.nik, requester.email]) expect(csv).not.toContain(secret);
      await page.context().close();
    },
  );

  // axe-core is injected as an inline script: these pages are opened with the CSP bypassed.
  it('has no serious or critical accessibility violations on the form, the status page and the log (axe-core)', { timeout: 150_000 }, async () => {
    const filed = await api(null, 'POST', '/api/public/requests', {
      requester: {
        kind: 'legal_entity',
        fullName: 'Yayasan Suara Warga Borneo',
        legalEntityDecree: 'AHU-0012345.AH.01.04 Tahun 2020',
        address: 'Jl. Putri Candramidi No. 9, Pontianak',
        phone: '0561 700 800',
      },
      content: {
        information: 'Rencana kerja dan anggaran dinas kesehatan tahun 2026',
        purpose: 'Pemantauan anggaran',
        obtainForm: 'view',
        deliveryMethod: 'collect',
      },
      submissionId: crypto.randomUUID(),
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    // As the no-JavaScript post's redirect has it: with baru=1, the "registered" banner.
    const statusLink = `/permohonan/status/?nomor=${encodeURIComponent(filed.body.number)}&kode=${encodeURIComponent(filed.body.trackingCode)}&baru=1`;
    for (const [path, heading, ready] of [
      ['/permohonan/', FORM, undefined],
      ['/en/permohonan/', 'Request for public information', undefined],
      ['/permohonan/status/', STATUS, undefined],
      [statusLink, STATUS, `Permohonan ${filed.body.number}`],
      ['/en/permohonan/status/', 'Request status', undefined],
      ['/permohonan/daftar/', 'Daftar permohonan informasi yang telah dijawab', undefined],
    ] as const) {
      const page = await newPage(browser, { bypassCSP: true, locale: 'id-ID' });
      const errors = watchErrors(page);
      await gotoAndWait(page, `${host.url}${path}`, heading);
      if (ready) {
        await page.getByRole('region', { name: ready }).waitFor({ timeout: 20_000 });
        expect(await page.locator('#status-new').textContent()).toContain('Permohonan Anda telah terdaftar.');
        expect(await page.locator('#status-new').isVisible()).toBe(true);
        expect(new URL(page.url()).search).toBe(`?nomor=${encodeURIComponent(filed.body.number)}`);
      }
      await expectAccessible(page, path);
      if (path === '/permohonan/') {
        // And with every error shown (the empty form sent).
        await page.getByRole('button', { name: 'Kirim permohonan' }).click();
        await page.getByRole('alert').getByRole('link').first().waitFor({ timeout: 10_000 });
        await expectAccessible(page, `${path} with errors`);
      }
      expect(errors, path).toEqual([]);
      await page.context().close();
    }
  });

  it('works by keyboard: the menu link, the fields in order, and the send button', { timeout: 60_000 }, async () => {
    const page = await newPage(browser, { locale: 'id-ID' });
    await gotoAndWait(page, `${host.url}/`, /^Daftar Informasi Publik/);
    await openPage(page, () => page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Permohonan Informasi' }).click(), FORM);
    await page.getByRole('radio', { name: 'Perorangan' }).focus();
    const order: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || ''));
    }
    // Radios are one tab stop; the hidden decree field (legal entity) and the honeypot are skipped.
    expect(order.slice(0, 7)).toEqual(['f-fullName', 'f-nik', 'f-onBehalfOf', 'f-address', 'f-phone', 'f-email', 'f-information']);
    expect(order).not.toContain('f-website');
    // Choosing "Badan hukum" by keyboard (arrow keys in the radio group) shows the decree field instead of the NIK.
    await page.getByRole('radio', { name: 'Perorangan' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByRole('radio', { name: 'Badan hukum' }).isChecked(), POLL).toBe(true);
    await expect.poll(() => page.getByLabel('Nomor SK pengesahan badan hukum').isVisible(), POLL).toBe(true);
    expect(await page.getByLabel('NIK (Nomor Induk Kependudukan)').isVisible()).toBe(false);
    // On to the send button by Tab, sent by Enter: the first field to fix takes the focus.
    for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Kirim permohonan'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('f-fullName');
    expect(await page.locator('#f-decree-error').textContent()).toBe('Nomor SK badan hukum wajib diisi untuk badan hukum (minimal 3 karakter).');
    await page.context().close();
  });
});
