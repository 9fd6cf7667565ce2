/**
 * SOP 002 in a real browser against the full local host, as the people in the SOP do it: the PPID
 * Pelaksana proposes excluding information with its consequence test (first sent empty, refused
 * element by element next to each field), the Atasan PPID finds it in the inbox and decides Ya, PPID
 * Utama records the decree; the detail shows the DIK number and both PDFs, and the public register's
 * DIK page lists it. The form and the detail pass axe-core with no serious or critical violations.
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASAL_17, PASAL_17_TEXT, PERMANENT_GROUNDS } from '../../functions/core/exclusion-model.ts';
import { PASAL_17_TEXT as WEB_PASAL_17_TEXT } from '../../web/staff/src/i18n.ts';
import { PASAL_17 as WEB_PASAL_17, PERMANENT_GROUNDS as WEB_PERMANENT_GROUNDS } from '../../web/staff/src/types.ts';
import { clickNav, describedErrors, expectAccessible, gotoAndWait, inboxRow, launchChromium, newPage, openPage, POLL, signIn } from '../support/browser.ts';
import { apiClient, itemWithPdf, startTestHost, until } from '../support/host.ts';

const TITLE = `Rekam medis pasien Rumah Sakit Jiwa (uji ${Date.now().toString(36)})`;

let host: Awaited<ReturnType<typeof startTestHost>>;
let browser: Browser;

beforeAll(async () => {
  host = await startTestHost({ seed: true });
  browser = await launchChromium();
  mkdirSync('test-results', { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.cleanup();
}, 60_000);

describe('SOP 002 in the staff app', () => {
  it('the browser names the Pasal 17 grounds as the server does', () => {
    expect(WEB_PASAL_17_TEXT).toEqual(PASAL_17_TEXT);
    expect([...WEB_PASAL_17]).toEqual([...PASAL_17]);
    expect([...WEB_PERMANENT_GROUNDS]).toEqual([...PERMANENT_GROUNDS]);
  });

  it(
    'PPID Pelaksana proposes with the consequence test, the Atasan PPID says Ya, PPID Utama sets the DIK; the register lists it',
    { timeout: 300_000 },
    async () => {
      // ── PPID Pelaksana (Kepala PPID Dinas Kesehatan): step 1, the proposal ──
      const kepala = await signIn(browser, host.url, 'kepala.dinkes');
      let page = kepala.page;
      await clickNav(page, 'Informasi Dikecualikan (DIK)');
      await openPage(page, () => page.getByRole('link', { name: 'Usulkan pengecualian' }).click(), 'Usulkan pengecualian informasi');
      // The six elements of the test, numbered as the law orders them.
      for (const [n, legend] of [
        [1, 'Dokumen yang diuji'],
        [2, 'Informasi yang dikecualikan'],
        [3, 'Dasar hukum pengecualian'],
        [4, 'Konsekuensi dan kepentingan publik'],
        [5, 'Jangka waktu pengecualian'],
        [6, 'Peserta uji konsekuensi'],
      ] as const)
        await page.getByRole('group', { name: `${n}. ${legend}`, exact: true }).waitFor();
      await expectAccessible(page, 'the empty form');

      // Sent empty: refused element by element, each message next to its field and in the summary.
      await page.getByRole('button', { name: 'Ajukan kepada Atasan PPID' }).click();
      const summary = page.getByRole('alert');
      await summary.waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary')), POLL).toBe(true);
      const documents = page.getByRole('group', { name: '1. Dokumen yang diuji', exact: true });
      expect(await documents.locator(':scope > .field-error').textContent()).toMatch(/dokumen yang diuji \(minimal satu\) wajib diisi/);
      expect(await documents.getAttribute('aria-describedby')).toContain('ex-documents-error');
      const description = page.getByLabel('Uraian informasi secara rinci');
      expect(await description.getAttribute('aria-invalid')).toBe('true');
      expect(await describedErrors(page, description)).toMatch(/uraian informasi yang dikecualikan: minimal 20 karakter/);
      const legal = page.getByRole('group', { name: '3. Dasar hukum pengecualian', exact: true });
      expect(await legal.locator(':scope > .field-error').textContent()).toMatch(/dasar hukum .* wajib diisi/);
      const participants = page.getByRole('group', { name: '6. Peserta uji konsekuensi', exact: true });
      expect(await participants.locator(':scope > .field-error').textContent()).toMatch(/peserta uji konsekuensi \(minimal satu\) wajib diisi/);
      // No end date, and no Pasal 17 g/h that would allow none.
      expect(await describedErrors(page, page.getByLabel('Berlaku sampai'))).toMatch(/tanggal berakhir wajib diisi/i);
      const summaryText = (await summary.textContent()) ?? '';
      for (const name of ['Dokumen yang diuji', 'Uraian informasi secara rinci', 'Dasar hukum pengecualian', 'Peserta uji konsekuensi', 'Berlaku sampai'])
        expect(summaryText).toContain(name);
      // The summary leads to the field.
      await summary.getByRole('button', { name: 'Uraian informasi secara rinci' }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('ex-description');
      await page.screenshot({ path: '/tmp/dik-form-errors.png', fullPage: true });

      // Filled in: Pasal 17 h, with the health law beside it, and no time limit.
      await documents.getByLabel('Judul dokumen').fill('Berkas rekam medis pasien rawat inap');
      await documents.getByLabel('Nomor atau rujukan dokumen').fill('RM/2026');
      await page.getByLabel('Judul informasi yang dikecualikan').fill(TITLE);
      await description.fill('Seluruh isi rekam medis pasien: identitas, diagnosis, riwayat pengobatan dan hasil pemeriksaan penunjang.');
      const noLimit = page.getByRole('checkbox', { name: 'Tanpa batas waktu' });
      expect(await noLimit.isDisabled()).toBe(true);
      await page.getByRole('checkbox', { name: /^huruf h\b/ }).check();
      await page.getByRole('button', { name: 'Tambah undang-undang lain' }).click();
      // The new row's first field has the focus.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toMatch(/^ex-otherLaws-\d+-law$/);
      await page.getByLabel('Nama undang-undang').fill('Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan');
      await page.getByRole('textbox', { name: 'Pasal', exact: true }).fill('Pasal 4 ayat (1) huruf i');
      await page
        .getByLabel('Konsekuensi bila informasi dibuka')
        .fill('Membuka rekam medis mengungkap rahasia pribadi pasien dan kondisi kesehatannya kepada pihak yang tidak berhak.');
      await page
        .getByLabel('Pertimbangan kepentingan publik')
        .fill('Kepentingan publik lebih besar dilindungi dengan menjaga kerahasiaan pasien; statistik agregat tetap diumumkan.');
      expect(await noLimit.isEnabled()).toBe(true);
      await noLimit.check();
      expect(await page.getByLabel('Berlaku sampai').isDisabled()).toBe(true);
      await participants.getByLabel('Nama peserta').fill('dr. Rina Marlina');
      await participants.getByLabel('Jabatan peserta').fill('Kepala PPID Pelaksana Dinas Kesehatan');
      await page.getByRole('button', { name: 'Tambah peserta' }).click();
      const second = page.getByRole('group', { name: 'Peserta 2', exact: true });
      await second.getByLabel('Nama peserta').fill('Budi Santoso, S.H.');
      await second.getByLabel('Jabatan peserta').fill('Kepala Subbagian Hukum');
      await page.screenshot({ path: '/tmp/dik-form.png', fullPage: true });
      // Sent: the exclusion's own page.
      await openPage(page, () => page.getByRole('button', { name: 'Ajukan kepada Atasan PPID' }).click(), TITLE);
      await page.getByRole('heading', { level: 2, name: 'Menunggu keputusan Atasan PPID' }).waitFor();
      expect(page.url()).toMatch(/#\/exclusions\/[0-9a-f-]{36}$/);
      await expect.poll(() => page.getByRole('status').first().textContent(), POLL).toContain('telah diajukan kepada Atasan PPID');
      const sheet = page.getByRole('region', { name: 'Lembar uji konsekuensi' });
      for (const text of [
        'Berkas rekam medis pasien rawat inap',
        'UU 14/2008 Pasal 17 huruf h: mengungkap rahasia pribadi',
        'tanpa batas waktu',
        'Budi Santoso, S.H.',
      ])
        expect(await sheet.textContent()).toContain(text);
      // The deadline of the Atasan's decision, in the agency's time zone, once the workflow has set it.
      await page.getByText('Bagaimana tenggat dihitung').waitFor({ timeout: 20_000 });
      await expectAccessible(page, 'the detail (proposed)');
      expect(kepala.errors).toEqual([]);

      // ── Atasan PPID: step 2, Ya / Tidak from the inbox ──
      const atasan = await signIn(browser, host.url, 'atasan.ppid');
      page = atasan.page;
      const row = await inboxRow(page, TITLE);
      expect(await row.textContent()).toContain('Pengecualian: menunggu Ya/Tidak');
      await openPage(page, () => row.getByRole('link', { name: TITLE }).click(), TITLE);
      await page.getByRole('heading', { level: 2, name: 'Putuskan usulan ini' }).waitFor();
      // Tidak needs a note: refused in the browser before anything is sent.
      await page.getByRole('button', { name: 'Tidak, kembalikan' }).click();
      const note = page.getByLabel('Catatan keputusan');
      await expect.poll(() => describedErrors(page, note), POLL).toMatch(/Catatan wajib diisi bila keputusannya Tidak/);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('ex-note');
      await note.fill('Setuju dikecualikan: rekam medis adalah rahasia pribadi pasien.');
      await page.getByRole('button', { name: 'Ya, kecualikan', exact: true }).click();
      // Ya excludes: asked once in a dialog that says what follows; Escape cancels and sends nothing.
      const yaDialog = page.getByRole('dialog', { name: /^Kecualikan informasi .+\?$/ });
      await yaDialog.waitFor();
      expect(await yaDialog.textContent()).toContain('dinyatakan dikecualikan dan usulan diteruskan kepada PPID Utama');
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), POLL).toBe('Batal');
      await expectAccessible(page, 'the Ya dialog');
      await page.keyboard.press('Escape');
      await yaDialog.waitFor({ state: 'hidden' });
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), POLL).toBe('Ya, kecualikan');
      expect(await page.getByRole('heading', { level: 2, name: 'Putuskan usulan ini' }).isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Ya, kecualikan', exact: true }).click();
      await yaDialog.getByRole('button', { name: 'Ya, kecualikan dan teruskan' }).click();
      await page.getByRole('heading', { level: 2, name: 'Disetujui Atasan PPID; menunggu penetapan DIK oleh PPID Utama' }).waitFor({ timeout: 20_000 });
      const decision = page.getByRole('region', { name: 'Keputusan Atasan PPID' });
      expect(await decision.textContent()).toContain('Ya — dikecualikan');
      expect(await decision.textContent()).toContain('rekam medis adalah rahasia pribadi');
      expect(atasan.errors).toEqual([]);

      // ── PPID Utama: step 3, the decree; step 4, the DIK ──
      const utama = await signIn(browser, host.url, 'ppid.utama');
      page = utama.page;
      const decreeRow = await inboxRow(page, TITLE);
      expect(await decreeRow.textContent()).toContain('Pengecualian: menunggu penetapan DIK');
      await openPage(page, () => decreeRow.getByRole('link', { name: TITLE }).click(), TITLE);
      await page.getByRole('heading', { level: 2, name: 'Tetapkan dalam DIK' }).waitFor();
      // The decree is sent with the version read; until the workflow has set the decree's deadline (a
      // new version) the page reads itself again, and a decree sent before that is refused as stale.
      await page.getByText('Bagaimana tenggat dihitung').waitFor({ timeout: 30_000 });
      await page.getByLabel('Nomor surat penetapan').fill('045/PPID/2026');
      await page.getByLabel('Tempat penetapan').fill('Pontianak');
      expect(await page.getByLabel('Nama pejabat PPID yang menetapkan').inputValue()).toBe('Rina Kusumawati');
      await page.getByLabel('Jabatan pejabat').fill('PPID Utama Provinsi Kalimantan Barat');
      await page.getByRole('button', { name: 'Tetapkan', exact: true }).click();
      const decreeDialog = page.getByRole('dialog', { name: 'Tetapkan pengecualian dalam DIK?' });
      expect(await decreeDialog.textContent()).toContain('dengan surat penetapan 045/PPID/2026');
      await decreeDialog.getByRole('button', { name: 'Ya, tetapkan dalam DIK' }).click();
      const inForce = page.getByRole('heading', { level: 2, name: /^Berlaku dalam DIK DIK\/\d{4}\/\d{4}$/ });
      // The workflow sets the DIK in the background (its tasks retry with backoff on a busy host).
      await inForce.waitFor({ timeout: 60_000 });
      const number = (await page.locator('code.dik-number').textContent())!;
      expect(number).toMatch(/^DIK\/\d{4}\/\d{4}$/);
      expect(await inForce.textContent()).toContain(number);
      const dik = page.getByRole('region', { name: 'Entri DIK' });
      expect(await dik.textContent()).toContain('tanpa batas waktu');
      expect(await page.getByRole('region', { name: 'Surat penetapan' }).textContent()).toContain('045/PPID/2026');
      // Both PDFs: a short-lived link, opened in a new tab.
      for (const [name, file] of [
        ['Lembar uji konsekuensi (PDF)', 'testSheet'],
        ['Surat penetapan (PDF)', 'decree'],
      ] as const) {
        const [response, tab] = await Promise.all([
          page.waitForResponse((r) => r.url().includes(`/files/${file}`)),
          page.context().waitForEvent('page'),
          dik.getByRole('button', { name }).click(),
        ]);
        expect(response.status()).toBe(200);
        const { url } = (await response.json()) as { url: string };
        const pdf = await page.request.get(url);
        expect(pdf.status()).toBe(200);
        expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
        await tab.close();
      }
      const timing = page.getByRole('region', { name: 'Waktu pelaksanaan SOP 002' });
      for (const step of ['Langkah 1', 'Langkah 2', 'Langkah 3', 'Langkah 4']) await timing.getByRole('rowheader', { name: new RegExp(step) }).waitFor();
      await page.screenshot({ path: '/tmp/dik-detail.png', fullPage: true });
      // Printed: the consequence-test sheet as on screen, without the actions.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('button', { name: 'Cabut pengecualian' }).isVisible()).toBe(false);
      expect(await page.getByRole('region', { name: 'Lembar uji konsekuensi' }).isVisible()).toBe(true);
      await page.screenshot({ path: '/tmp/dik-detail-print.png', fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      await expectAccessible(page, 'the detail (in force)');
      expect(utama.errors).toEqual([]);

      // ── The public register's DIK page (rebuilt in the background): once it lists the entry, as a reader sees it ──
      await until(
        async () => {
          const res = await fetch(`${host.url}/dik/`);
          const html = res.ok ? await res.text() : '';
          return html.includes(TITLE) && html.includes(number);
        },
        'the DIK page with the entry',
        30_000,
      );
      const reader = await newPage(browser);
      await gotoAndWait(reader, `${host.url}/dik/`, 'Daftar Informasi yang Dikecualikan');
      const table = reader.locator('table').first();
      expect(await table.textContent()).toContain(TITLE);
      expect(await table.textContent()).toContain(number);
      await reader.screenshot({ path: 'test-results/dik-register.png', fullPage: true });
      await reader.context().close();
    },
  );

  it(
    'from an item: the form prefilled; Tidak returns it with the note; revised and proposed again; a decision already taken shows as a 409',
    { timeout: 240_000 },
    async () => {
      const api = apiClient(host);
      const itemTitle = `Data Kepegawaian Dinas Kesehatan (uji ${Date.now().toString(36)})`;
      const item = await itemWithPdf(api, itemTitle);

      // ── PPID Pelaksana: from the item's page to a prefilled proposal (Pasal 17 a: an end date is required) ──
      const kepala = await signIn(browser, host.url, 'kepala.dinkes');
      let page = kepala.page;
      await gotoAndWait(page, `${host.url}/app/#/items/${item.itemId}`, itemTitle);
      await openPage(page, () => page.getByRole('link', { name: 'Usulkan pengecualian' }).click(), 'Usulkan pengecualian informasi');
      await page.getByText(/^Menyangkut informasi DINKES\/\d{4}\/\d{4}/).waitFor();
      expect(await page.getByLabel('Judul informasi yang dikecualikan').inputValue()).toBe(itemTitle);
      const documents = page.getByRole('group', { name: '1. Dokumen yang diuji', exact: true });
      expect(await documents.getByLabel('Judul dokumen').first().inputValue()).toBe(itemTitle);
      expect(await documents.getByLabel('Judul dokumen').nth(1).inputValue()).toBe('lampiran.pdf');
      await page.getByLabel('Uraian informasi secara rinci').fill('Nomor induk kependudukan dan alamat rumah pegawai dalam data kepegawaian.');
      await page.getByRole('checkbox', { name: /^huruf a\b/ }).check();
      expect(await page.getByRole('checkbox', { name: 'Tanpa batas waktu' }).isDisabled()).toBe(true);
      const nextYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
      await page.getByLabel('Berlaku sampai').fill(nextYear);
      await page.getByLabel('Konsekuensi bila informasi dibuka').fill('Data pribadi pegawai dapat disalahgunakan untuk penipuan dan pencurian identitas.');
      await page.getByLabel('Pertimbangan kepentingan publik').fill('Daftar pegawai tanpa NIK dan alamat tetap terbuka; publik tidak kehilangan informasi.');
      await page.getByLabel('Nama peserta').fill('dr. Hendra Wijaya');
      await page.getByLabel('Jabatan peserta').fill('Kepala PPID Pelaksana');
      await openPage(page, () => page.getByRole('button', { name: 'Ajukan kepada Atasan PPID' }).click(), itemTitle);
      await page.getByRole('heading', { level: 2, name: 'Menunggu keputusan Atasan PPID' }).waitFor();
      const id = page.url().split('/').pop()!;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      await page.getByRole('link', { name: /^DINKES\/\d{4}\/\d{4}$/ }).waitFor();

      // ── Atasan PPID says Tidak (through the API): back to the proposer with the note ──
      const note = 'NIK dan alamat cukup disamarkan; daftar pegawai tetap informasi publik.';
      expect((await api('atasan.ppid', 'POST', `/api/exclusions/${id}/decision`, { decision: 'tidak', note, round: 1 })).status).toBe(200);
      // The inbox, not the exclusion's page just left (whose own tables hold the title twice).
      const returned = await inboxRow(page, itemTitle);
      expect(await returned.textContent()).toContain('Usulan pengecualian dikembalikan');
      expect(await returned.textContent()).toContain(note);
      await openPage(page, () => returned.getByRole('link', { name: itemTitle }).click(), itemTitle);
      await page.getByRole('heading', { level: 2, name: 'Dikembalikan oleh Atasan PPID (Tidak)' }).waitFor();
      expect(await page.locator('.status-area').textContent()).toContain(note);
      await openPage(page, () => page.getByRole('link', { name: 'Perbaiki dan ajukan lagi' }).click(), 'Perbaiki usulan pengecualian');
      expect(await page.locator('.notice.danger').textContent()).toContain(note);
      expect(await page.getByLabel('Berlaku sampai').inputValue()).toBe(nextYear);
      expect(await page.getByRole('checkbox', { name: /^huruf a\b/ }).isChecked()).toBe(true);
      const revised = `NIK dan alamat pegawai Dinas Kesehatan (uji ${Date.now().toString(36)})`;
      await page.getByLabel('Judul informasi yang dikecualikan').fill(revised);
      await openPage(page, () => page.getByRole('button', { name: 'Ajukan lagi kepada Atasan PPID' }).click(), revised);
      await page.getByRole('heading', { level: 2, name: 'Menunggu keputusan Atasan PPID' }).waitFor();
      expect(await page.locator('.item-meta').textContent()).toContain('putaran 2');
      // The list: the proposal with its state.
      await clickNav(page, 'Informasi Dikecualikan (DIK)');
      const listed = page.getByRole('row').filter({ hasText: revised });
      await listed.waitFor();
      expect(await listed.textContent()).toContain('Menunggu keputusan Atasan PPID');
      await page.screenshot({ path: '/tmp/dik-list.png', fullPage: true });
      expect(kepala.errors).toEqual([]);

      // ── The Atasan has the page open while the decision is taken elsewhere: the 409 in the live region ──
      const atasan = await signIn(browser, host.url, 'atasan.ppid');
      page = atasan.page;
      await gotoAndWait(page, `${host.url}/app/#/exclusions/${id}`, revised);
      await page.getByRole('heading', { level: 2, name: 'Putuskan usulan ini' }).waitFor();
      // Until the workflow has set the deadline the page reads itself again every few seconds, and could
      // show the decision before the click; with the deadline shown it stays as it is.
      await page.getByText('Bagaimana tenggat dihitung').waitFor({ timeout: 20_000 });
      expect((await api('atasan.ppid', 'POST', `/api/exclusions/${id}/decision`, { decision: 'ya', round: 2 })).status).toBe(200);
      await page.getByRole('button', { name: 'Ya, kecualikan', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Ya, kecualikan dan teruskan' }).click();
      await expect.poll(() => page.locator('.live').textContent(), POLL).toContain('Atasan PPID sudah memutuskan usulan ini');
      // …and the page is read again: the decision shows, the form is gone.
      await page.getByRole('heading', { level: 2, name: 'Disetujui Atasan PPID; menunggu penetapan DIK oleh PPID Utama' }).waitFor();
      expect(await page.getByRole('heading', { level: 2, name: 'Putuskan usulan ini' }).count()).toBe(0);
      expect(atasan.errors).toEqual([]);
    },
  );
});
