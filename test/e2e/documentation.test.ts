/**
 * SOP 004 in a real browser against the full local host, as the people in the SOP do it: the Pejabat
 * PID opens a cycle for Dinas Kesehatan and sends its list as a spreadsheet (a file with a bad row is
 * refused first, line and column named), PPID Utama reviews it row by row (accepts one, corrects one's
 * DIP columns in the row's editor, the server's refusal of a too short title shown at that field, and
 * rejects one with a note), the OPD's PPID Pendukung
 * uploads a checked PDF on the row's item and delivers, PPID Utama passes it, the Pejabat PID uploads
 * it, and the items are on the public register (the corrected one with its corrected title). The cycles list, the board and the list pass axe-core.
 *
 * Then the bulk import of draft items (#/items/import): a CSV with a bad row lists that row's line
 * and column and imports nothing; a clean file imports every row; the same file again creates none.
 * The import screen passes axe-core, also while it lists the bad rows.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIP_IMPORT_COLUMNS } from '../../functions/core/documentation/import.ts';
import { clickNav, expectAccessible, gotoAndWait, inboxRow, launchChromium, newPage, openPage, POLL, signIn } from '../support/browser.ts';
import { apiClient, startTestHost, TINY_PDF, until } from '../support/host.ts';

const RUN = Date.now().toString(36);
const CYCLE = `Pendokumentasian DIP Semester I 2026 (uji ${RUN})`;
const LANE = `${CYCLE}: Dinas Kesehatan`;
const KEPT = `Profil Kesehatan Kalimantan Barat 2025 (uji ${RUN})`;
const DROPPED = `Catatan rapat internal bidang (uji ${RUN})`;
const FIXED = `Data sarana kesehatn (uji ${RUN})`;
const FIXED_NEW = `Data Sarana dan Prasarana Kesehatan 2025 (uji ${RUN})`;
const SHOTS = '/tmp/shots';

let host: Awaited<ReturnType<typeof startTestHost>>;
let browser: Browser;
let workDir: string;

beforeAll(async () => {
  host = await startTestHost({ seed: true });
  workDir = mkdtempSync(join(tmpdir(), 'sip-ppid-e2e-doc-'));
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.cleanup();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}, 60_000);

/** A row of DIP values by field (the template's columns), complete unless overridden. */
function dipRow(title: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    title,
    summary: 'Data dan informasi kesehatan provinsi: derajat kesehatan, sumber daya kesehatan, dan pelayanan kesehatan tahun 2025.',
    holder: 'Bidang Sumber Daya Kesehatan',
    responsible: 'Kepala Dinas Kesehatan Provinsi Kalimantan Barat',
    createdWhen: 'Maret 2026',
    createdWhere: 'Pontianak',
    formats: 'hardcopy',
    retention: '5 tahun',
    category: 'berkala',
    year: '2025',
    tags: 'kesehatan',
    ...extra,
  };
}

/** A CSV with the template's headers in Bahasa Indonesia, written to the work directory: its path. */
function writeCsv(name: string, rows: Record<string, string>[]): string {
  const field = (v: string) => (/[",;\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [DIP_IMPORT_COLUMNS.map((c) => field(c.header)), ...rows.map((r) => DIP_IMPORT_COLUMNS.map((c) => field(r[c.field] ?? '')))];
  const path = join(workDir, name);
  writeFileSync(path, `${lines.map((l) => l.join(',')).join('\r\n')}\r\n`, 'utf8');
  return path;
}

const header = (field: string) => DIP_IMPORT_COLUMNS.find((c) => c.field === field)!.header;

/** From the menu to the cycle board, then to Dinas Kesehatan's list. */
async function openLane(page: Page): Promise<void> {
  await clickNav(page, 'Pendokumentasian');
  await openPage(page, () => page.getByRole('link', { name: CYCLE }).click(), CYCLE);
  await openPage(page, () => page.getByRole('link', { name: 'Dinas Kesehatan', exact: true }).click(), LANE);
}

/** The OPD's list of data and information on its page. */
const listTable = (page: Page) => page.getByRole('table', { name: 'Daftar data dan informasi OPD' });

/** The list's action form for the person it waits for (the page reads the list again after each action). */
const actionForm = (page: Page, step: number) => page.getByRole('form', { name: `Tindakan Anda pada langkah ${step}` });

describe('SOP 004 in the staff app', () => {
  it('one OPD from the Pejabat PID’s list to the register: spreadsheet, review row by row, checked upload, pass, upload', { timeout: 420_000 }, async () => {
    // ── Pejabat PID: opens the cycle for Dinas Kesehatan ──
    const pejabat = await signIn(browser, host.url, 'pejabat.pid');
    let page = pejabat.page;
    await clickNav(page, 'Pendokumentasian');
    const openForm = page.getByRole('form', { name: 'Buka siklus baru' });
    await openForm.waitFor();
    await expectAccessible(page, 'the cycles list with the form');
    await openForm.getByLabel('Nama siklus').fill(CYCLE);
    await openForm.getByLabel('Periode').fill('Semester I 2026');
    await openForm.getByRole('checkbox', { name: 'Dinas Kesehatan', exact: true }).check();
    await openPage(page, () => openForm.getByRole('button', { name: 'Buka siklus' }).click(), CYCLE);
    await expect.poll(() => page.getByRole('status').first().textContent(), POLL).toContain('Siklus dibuka');
    // The board: one OPD, waiting at step 1.
    const board = page.getByRole('table', { name: /Papan siklus/ });
    const dinkes = board.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Dinas Kesehatan' }) });
    await dinkes.waitFor();
    expect(await board.getByRole('row').count()).toBe(2);
    await expect.poll(() => dinkes.getByRole('cell').first().textContent(), POLL).toContain('Menunggu');
    await expectAccessible(page, 'the board at step 1');
    await page.screenshot({ path: `${SHOTS}/doc-board-step1.png`, fullPage: true });
    // The cycles list has it.
    await clickNav(page, 'Pendokumentasian');
    await page.getByRole('link', { name: CYCLE }).waitFor();
    await expectAccessible(page, 'the cycles list with a cycle');
    await page.screenshot({ path: `${SHOTS}/doc-cycles.png`, fullPage: true });

    // Step 1: the list as a spreadsheet; a file with a bad row is refused, naming its line and column.
    await openPage(page, () => page.getByRole('link', { name: CYCLE }).click(), CYCLE);
    await openPage(page, () => page.getByRole('link', { name: 'Dinas Kesehatan', exact: true }).click(), LANE);
    let form = actionForm(page, 1);
    const bad = writeCsv('daftar-dinkes-salah.csv', [dipRow(KEPT), dipRow('Da', { year: 'dua ribu' })]);
    await form.getByLabel(/^Lembar kerja CSV atau XLSX/).setInputFiles(bad);
    await form.getByRole('button', { name: 'Kirim ke PPID Utama' }).click();
    const refused = form.getByRole('alert');
    await refused.waitFor({ timeout: 20_000 });
    await expect.poll(() => refused.textContent(), POLL).toContain(`Baris 3, ${header('title')}`);
    expect(await refused.textContent()).toContain(`Baris 3, ${header('year')}`);
    await expectAccessible(page, 'the list with a refused spreadsheet');
    await page.screenshot({ path: `${SHOTS}/doc-lane-refused.png`, fullPage: true });
    // Nothing was taken: the list is still empty and waits at step 1.
    expect(await listTable(page).getByRole('rowheader').count()).toBe(0);

    const good = writeCsv('daftar-dinkes.csv', [dipRow(KEPT, { formats: 'softcopy, hardcopy' }), dipRow(FIXED, { year: '2024' }), dipRow(DROPPED)]);
    await form.getByLabel(/^Lembar kerja CSV atau XLSX/).setInputFiles(good);
    await form.getByRole('button', { name: 'Kirim ke PPID Utama' }).click();
    await listTable(page)
      .getByRole('rowheader', { name: new RegExp(DROPPED.replace(/[()]/g, '\\$&')) })
      .waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByRole('status').first().textContent(), POLL).toContain('Tindakan dicatat');
    await page.getByText('Menunggu: 2 Telaah (PPID Utama)').waitFor();
    expect(pejabat.errors).toEqual([]);

    // ── PPID Utama: step 2, from the inbox, row by row ──
    const utama = await signIn(browser, host.url, 'ppid.utama');
    page = utama.page;
    const entry = await inboxRow(page, `${CYCLE}: langkah 2`);
    await openPage(page, () => entry.getByRole('link').first().click(), LANE);
    form = actionForm(page, 2);
    await form.waitFor();
    // Each row's review is named after the row.
    await page.getByRole('combobox', { name: `Telaah: ${KEPT}` }).selectOption({ label: 'Terima' });
    await page.getByRole('combobox', { name: `Telaah: ${DROPPED}` }).selectOption({ label: 'Tolak' });
    // "Koreksi" opens the row's DIP columns under it, named after the row and filled with its values.
    await page.getByRole('combobox', { name: `Telaah: ${FIXED}` }).selectOption({ label: 'Koreksi' });
    const editor = page.getByRole('group', { name: `Koreksi kolom DIP: ${FIXED}` });
    await editor.waitFor();
    const fixedTitle = editor.getByRole('textbox', { name: `Judul informasi: ${FIXED}` });
    expect(await fixedTitle.inputValue()).toBe(FIXED);
    expect(await editor.getByRole('spinbutton', { name: `Tahun: ${FIXED}` }).inputValue()).toBe('2024');
    expect(await editor.getByRole('textbox', { name: `Tempat pembuatan: ${FIXED}` }).inputValue()).toBe('Pontianak');
    expect(
      await editor
        .getByRole('group', { name: `Bentuk informasi yang tersedia: ${FIXED}` })
        .getByRole('checkbox', { name: /^Hardcopy/ })
        .isChecked(),
    ).toBe(true);
    expect(await editor.getByRole('radio', { name: /^Berkala/ }).isChecked()).toBe(true);
    // Too short a title: the server refuses it.
    await fixedTitle.fill('Da');
    await page.getByRole('textbox', { name: `Catatan koreksi (tidak wajib): ${FIXED}` }).fill('Judul disesuaikan dengan nama dokumen.');
    await expectAccessible(page, 'the list under review, a row’s correction open');
    await page.screenshot({ path: `${SHOTS}/doc-lane-review.png`, fullPage: true });
    // The row under review with its editor open, from the row's heading down.
    await page.getByRole('combobox', { name: `Telaah: ${FIXED}` }).evaluate((e) => e.closest('tr')?.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SHOTS}/doc-correct.png` });
    // A rejection needs its note.
    await form.getByRole('button', { name: 'Kirim ke PPID Pendukung OPD' }).click();
    await expect.poll(() => form.getByRole('alert').textContent(), POLL).toMatch(/wajib disertai alasan/);
    const reason = page.getByRole('textbox', { name: `Alasan penolakan: ${DROPPED}` });
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => reason.evaluate((e) => e === document.activeElement), POLL).toBe(true);
    await reason.fill('Dokumen internal, bukan informasi publik.');
    // The server refuses the corrected title: the message is at the field, named in the summary, and the focus goes there.
    await form.getByRole('button', { name: 'Kirim ke PPID Pendukung OPD' }).click();
    await expect.poll(() => form.getByRole('alert').textContent(), POLL).toContain(`${FIXED} — Judul informasi: Isi judul, 3–300 karakter.`);
    await expect.poll(() => fixedTitle.getAttribute('aria-invalid'), POLL).toBe('true');
    await expect.poll(() => fixedTitle.evaluate((e) => e === document.activeElement), POLL).toBe(true);
    expect(await editor.getByText('Isi judul, 3–300 karakter.', { exact: true }).count()).toBe(1);
    expect(await reason.getAttribute('aria-invalid')).toBeNull();
    await expectAccessible(page, 'a refused correction');
    await page.screenshot({ path: `${SHOTS}/doc-correct-refused.png`, fullPage: true });
    await fixedTitle.fill(FIXED_NEW);
    await form.getByRole('button', { name: 'Kirim ke PPID Pendukung OPD' }).click();
    await page.getByText('Menunggu: 3 Kiriman OPD').waitFor({ timeout: 20_000 });
    await listTable(page).getByRole('row').filter({ hasText: DROPPED }).getByText('Dokumen internal, bukan informasi publik.').waitFor();
    // The corrected row now carries its corrected columns, the decision and its note.
    const corrected = listTable(page).getByRole('row').filter({ hasText: FIXED_NEW });
    await corrected.getByText('Judul disesuaikan dengan nama dokumen.').waitFor();
    expect(await corrected.getByRole('cell').first().textContent()).toContain('Koreksi');
    expect(await listTable(page).getByRole('row').filter({ hasText: FIXED }).count()).toBe(0);
    expect(utama.errors).toEqual([]);

    // ── The OPD's PPID Pendukung (Kepala PPID Dinkes): step 3, the document through the checked upload ──
    const opd = await signIn(browser, host.url, 'kepala.dinkes');
    page = opd.page;
    const task = await inboxRow(page, `${CYCLE}: langkah 3`);
    await openPage(page, () => task.getByRole('link').first().click(), LANE);
    // The accepted row's draft item is made by the workflow; the page shows it once it is there.
    const keptRow = listTable(page).getByRole('row').filter({ hasText: KEPT });
    const itemLink = keptRow.getByRole('link', { name: /^DINKES\/\d{4}\/\d{4}$/ });
    await itemLink.waitFor({ timeout: 30_000 });
    const number = (await itemLink.textContent())!;
    // The rejected row has no item; the corrected one has, under its corrected title.
    expect(await listTable(page).getByRole('row').filter({ hasText: DROPPED }).getByRole('link').count()).toBe(0);
    expect(await listTable(page).getByRole('row').filter({ hasText: FIXED }).count()).toBe(0);
    const fixedLink = listTable(page)
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${FIXED_NEW.replace(/[()]/g, '\\$&')}`) }) })
      .getByRole('link', { name: /^DINKES\/\d{4}\/\d{4}$/ });
    await fixedLink.waitFor({ timeout: 30_000 });
    const fixedNumber = (await fixedLink.textContent())!;
    await openPage(page, () => itemLink.click(), KEPT);
    const pdf = join(workDir, 'profil-kesehatan-2025.pdf');
    writeFileSync(pdf, TINY_PDF);
    await page.getByLabel('Berkas', { exact: true }).setInputFiles(pdf);
    await page.getByRole('button', { name: 'Unggah', exact: true }).click();
    await page
      .getByRole('region', { name: 'Dokumen' })
      .getByRole('row', { name: /profil-kesehatan-2025\.pdf.*Sudah diperiksa/ })
      .waitFor({ timeout: 30_000 });
    await openPage(page, () => page.goBack(), LANE);
    form = actionForm(page, 3);
    await form.getByRole('button', { name: 'Sampaikan ke PPID Utama' }).click();
    await page.getByText('Menunggu: 4 Pemeriksaan (PPID Utama)').waitFor({ timeout: 20_000 });
    expect(opd.errors).toEqual([]);

    // ── PPID Utama: step 4, passes it ──
    page = utama.page;
    await openLane(page);
    await actionForm(page, 4).getByRole('button', { name: 'Teruskan ke Pejabat PID' }).click();
    await page.getByText('Menunggu: 5 Unggah (Pejabat PID)').waitFor({ timeout: 20_000 });

    // ── Pejabat PID: step 5, uploads it to the website ──
    page = pejabat.page;
    await openLane(page);
    await actionForm(page, 5).getByRole('button', { name: 'Unggah ke website PPID' }).click();
    // Publication runs in the workflow; the page follows until the list is on the website.
    await page.getByText('Terbit di website', { exact: true }).waitFor({ timeout: 60_000 });
    await expectAccessible(page, 'the published list');
    await page.screenshot({ path: `${SHOTS}/doc-lane-published.png`, fullPage: true });
    // The board: every step done, by whom.
    await openPage(page, () => page.getByRole('link', { name: 'Papan siklus' }).click(), CYCLE);
    const cells = board
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Dinas Kesehatan' }) })
      .getByRole('cell');
    await expect.poll(() => cells.last().textContent(), POLL).toBe('Terbit di website');
    for (const [i, who] of [
      [0, 'pejabat.pid'],
      [1, 'ppid.utama'],
      [2, 'kepala.dinkes'],
      [3, 'ppid.utama'],
      [4, 'pejabat.pid'],
    ] as const)
      expect(await cells.nth(i).textContent()).toContain(`oleh ${who}`);
    // The cycle closed (its only OPD is on the website): the closing summary is archived, with its number and PDF.
    const summary = page.getByRole('region', { name: 'Ringkasan penutupan siklus' });
    await summary.getByText(/diarsipkan sebagai laporan LAP\/\d{4}\/\d{4}\./).waitFor({ timeout: 60_000 });
    const [tab] = await Promise.all([page.context().waitForEvent('page'), summary.getByRole('button', { name: 'Unduh ringkasan (PDF)' }).click()]);
    await expect.poll(() => tab.url(), POLL).toMatch(/\.pdf/);
    await tab.close();
    await expectAccessible(page, 'the board of a published list');
    await page.screenshot({ path: `${SHOTS}/doc-board-published.png`, fullPage: true });
    expect(pejabat.errors).toEqual([]);
    expect(utama.errors).toEqual([]);

    // ── The public register: the item's page, once the register update wrote it ──
    const [, year, sequence] = number.match(/^DINKES\/(\d{4})\/(\d{4})$/)!;
    const itemPath = `/informasi/dinkes/${year}/${Number(sequence)}.html`;
    await until(async () => (await fetch(`${host.url}${itemPath}`)).status === 200, 'the item on the register', 90_000);
    const reader = await newPage(browser);
    await gotoAndWait(reader, `${host.url}${itemPath}`, KEPT);
    expect(await reader.locator('main').textContent()).toContain(number);
    await gotoAndWait(reader, `${host.url}/`, /^Daftar Informasi Publik/);
    await reader.getByRole('link', { name: KEPT }).first().waitFor();
    expect(await reader.getByRole('link', { name: DROPPED }).count()).toBe(0);
    // The corrected row is on the register under its corrected title, never the one in the OPD's list.
    const [, fixedYear, fixedSequence] = fixedNumber.match(/^DINKES\/(\d{4})\/(\d{4})$/)!;
    const fixedPath = `/informasi/dinkes/${fixedYear}/${Number(fixedSequence)}.html`;
    await until(async () => (await fetch(`${host.url}${fixedPath}`)).status === 200, 'the corrected item on the register', 90_000);
    await gotoAndWait(reader, `${host.url}${fixedPath}`, FIXED_NEW);
    expect(await reader.locator('main').textContent()).toContain(fixedNumber);
    expect(await reader.locator('main').textContent()).not.toContain(FIXED);
    await gotoAndWait(reader, `${host.url}/`, /^Daftar Informasi Publik/);
    await reader.getByRole('link', { name: FIXED_NEW }).first().waitFor();
    expect(await reader.getByRole('link', { name: FIXED }).count()).toBe(0);
    await reader.context().close();
  });
});

describe('Impor informasi dari lembar kerja', () => {
  it(
    'a bad row is listed with its line and column and nothing is imported; a clean file imports; the same file again makes no duplicates',
    { timeout: 300_000 },
    async () => {
      const api = apiClient(host);
      const titles = [1, 2].map((n) => `Laporan Kinerja Puskesmas ${n} (impor ${RUN})`);
      const drafts = async () => {
        const r = await api('petugas.dinkes', 'GET', '/api/items?status=draft&limit=100');
        return (r.body.items as { current?: { content?: { title?: string } }; title?: string }[]).filter((i) =>
          titles.some((t) => JSON.stringify(i).includes(t)),
        ).length;
      };

      const { page, errors } = await signIn(browser, host.url, 'petugas.dinkes');
      await page.getByRole('heading', { level: 1, name: 'Kotak Masuk' }).waitFor();
      await clickNav(page, 'Informasi');
      await openPage(page, () => page.getByRole('link', { name: 'Impor dari lembar kerja' }).click(), 'Impor informasi dari lembar kerja');
      await expectAccessible(page, 'the import screen');

      // A file with a bad row: the row's line and column, and nothing imported.
      const file = page.getByLabel(/^Berkas CSV atau XLSX/);
      await file.setInputFiles(writeCsv('impor-salah.csv', [dipRow(titles[0]!), dipRow(titles[1]!, { year: 'dua ribu', category: 'rahasia' })]));
      await page.getByRole('button', { name: 'Unggah dan periksa' }).click();
      await page.getByRole('heading', { level: 2, name: '3. Hasil pemeriksaan' }).waitFor({ timeout: 30_000 });
      await page.getByText('2 baris dibaca: 1 benar, 1 bermasalah.').first().waitFor();
      const problems = page.getByRole('table', { name: /^Baris bermasalah/ });
      for (const column of [header('year'), header('category')]) {
        const row = problems.getByRole('row').filter({ hasText: column });
        await row.waitFor();
        expect(await row.getByRole('cell').first().textContent()).toBe('3');
      }
      expect(await problems.getByRole('row').count()).toBe(3);
      await page.locator('main').getByText('Belum ada baris yang diimpor.').waitFor();
      // "Import all" is not offered; only the good rows, after asking.
      expect(await page.getByRole('button', { name: /^Impor semua/ }).count()).toBe(0);
      await page.getByRole('button', { name: 'Impor hanya baris yang benar (1 baris)' }).waitFor();
      await expectAccessible(page, 'the import screen listing bad rows');
      await page.screenshot({ path: `${SHOTS}/import-bad-rows.png`, fullPage: true });
      expect(await drafts()).toBe(0);

      // The clean file: every row imported as a draft.
      const clean = writeCsv(
        'impor-benar.csv',
        titles.map((t) => dipRow(t)),
      );
      await file.setInputFiles(clean);
      await page.getByRole('button', { name: 'Unggah dan periksa' }).click();
      await page.getByText('2 baris dibaca: 2 benar, 0 bermasalah.').first().waitFor({ timeout: 30_000 });
      expect(await page.getByRole('table', { name: /^Baris bermasalah/ }).count()).toBe(0);
      await page.getByRole('button', { name: 'Impor semua (2 baris)' }).click();
      const dialog = page.getByRole('dialog', { name: 'Impor 2 baris sebagai draf informasi?' });
      await dialog.getByRole('button', { name: 'Ya, impor semua' }).click();
      await page
        .locator('main')
        .getByText(/^Selesai: 2 draf informasi dibuat/)
        .waitFor({ timeout: 60_000 });
      await expectAccessible(page, 'the import screen after the import');
      await page.screenshot({ path: `${SHOTS}/import-done.png`, fullPage: true });
      await until(async () => (await drafts()) === 2, 'the two drafts');

      // The same file again: recognised, nothing imported.
      await file.setInputFiles(clean);
      await page.getByRole('button', { name: 'Unggah dan periksa' }).click();
      await page
        .locator('main')
        .getByText(/Berkas yang sama sudah diimpor untuk perangkat daerah ini/)
        .waitFor({ timeout: 30_000 });
      await page.screenshot({ path: `${SHOTS}/import-again.png`, fullPage: true });
      expect(await drafts()).toBe(2);
      // The drafts are in the items list.
      await openPage(page, () => page.getByRole('link', { name: 'Buka draf informasi' }).click(), 'Informasi');
      for (const t of titles) await page.getByRole('link', { name: t }).waitFor();
      expect(errors).toEqual([]);
    },
  );
});
