/**
 * SOP 000 in a real browser against the full local host, as the people in the SOP do it:
 * the petugas enters an item with every DIP column, uploads a real PDF straight to storage and
 * submits it; the Kepala PPID finds it in the inbox with its deadline and approves it; PPID Utama
 * sees it in the consolidated DIP.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED } from '../../functions/core/documents.ts';
import { UPLOAD_TYPES } from '../../web/staff/src/upload.ts';
import { clickNav, expectAccessible, launchChromium, openPage, POLL, reloadInboxUntil, signIn } from '../support/browser.ts';
import { apiClient, startTestHost } from '../support/host.ts';

const TITLE = `Profil Kesehatan Provinsi Kalimantan Barat 2025 (uji ${Date.now().toString(36)})`;

let host: Awaited<ReturnType<typeof startTestHost>>;
let browser: Browser;
let workDir: string;

beforeAll(async () => {
  host = await startTestHost({ seed: true });
  workDir = mkdtempSync(join(tmpdir(), 'sip-ppid-e2e-pub-'));
  browser = await launchChromium();
  mkdirSync('test-results', { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.cleanup();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}, 60_000);

/** A minimal, valid one-page PDF (the server checks the type by its content). */
function writePdf(path: string): void {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null, // the content stream, below
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const text = 'BT /F1 18 Tf 72 760 Td (Profil Kesehatan 2025) Tj ET';
  objects[3] = `<< /Length ${text.length} >>\nstream\n${text}\nendstream`;
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  writeFileSync(path, body, 'latin1');
}

describe('SOP 000 in the staff app', () => {
  it('the browser declares the same upload types as the server accepts', () => {
    const server = Object.fromEntries(Object.values(ALLOWED).flatMap((a) => a.extensions.map((e) => [e, a.contentType])));
    expect(UPLOAD_TYPES).toEqual(server);
  });

  it('petugas enters and submits with a PDF, Kepala PPID approves from the inbox, PPID Utama sees it in the DIP', { timeout: 240_000 }, async () => {
    // ── Petugas PPID: step 2, input ──
    const petugas = await signIn(browser, host.url, 'petugas.dinkes');
    let page = petugas.page;
    // The petugas lands in the inbox.
    await page.getByRole('heading', { level: 1, name: 'Kotak Masuk' }).waitFor();
    await clickNav(page, 'Informasi');
    await openPage(page, () => page.getByRole('link', { name: 'Tambah informasi' }).click(), 'Tambah informasi');

    await page.getByLabel('Judul informasi').fill(TITLE);
    await page
      .getByLabel('Ringkasan isi informasi')
      .fill('Data dan informasi kesehatan provinsi: derajat kesehatan, sumber daya kesehatan, dan pelayanan kesehatan tahun 2025.');
    await page.getByLabel('Pejabat atau unit yang menguasai informasi').fill('Bidang Sumber Daya Kesehatan, Dinas Kesehatan');
    await page.getByLabel('Penanggung jawab pembuatan atau penerbitan').fill('Kepala Dinas Kesehatan Provinsi Kalimantan Barat');
    await page.getByLabel('Waktu pembuatan').fill('Maret 2026');
    await page.getByLabel('Tempat pembuatan').fill('Pontianak');
    await page.getByRole('checkbox', { name: /^Softcopy/ }).check();
    await page.getByRole('checkbox', { name: /^Hardcopy/ }).check();
    await page.getByLabel('Jangka waktu penyimpanan atau retensi arsip').fill('5 tahun');
    await page.getByRole('radio', { name: /^Berkala/ }).check();
    await page.getByRole('spinbutton', { name: /^Tahun/ }).fill('2025');
    await page.getByRole('textbox', { name: /^Tag/ }).fill('kesehatan, profil');
    // Saved: the item's own page.
    await openPage(page, () => page.getByRole('button', { name: 'Simpan' }).click(), TITLE);
    const itemUrl = page.url();
    expect(itemUrl).toMatch(/#\/items\/[0-9a-f-]{36}$/);
    const number = (await page.locator('.item-meta code').textContent())!;
    expect(number).toMatch(/^DINKES\/\d{4}\/\d{4}$/);
    await expect.poll(() => page.getByRole('status').first().textContent(), POLL).toContain(`Informasi ${number} telah dibuat`);
    // Every DIP column is on the detail page.
    const columns = page.getByRole('region', { name: 'Kolom DIP' });
    for (const text of [
      'Bidang Sumber Daya Kesehatan, Dinas Kesehatan',
      'Kepala Dinas Kesehatan Provinsi Kalimantan Barat',
      'Maret 2026',
      'Pontianak',
      'Softcopy, Hardcopy',
      '5 tahun',
      'Berkala',
      '2025',
    ]) {
      await columns.getByRole('cell', { name: text, exact: true }).waitFor();
    }

    // Upload a real PDF: SHA-256 in the browser, presigned POST to storage, server-side check.
    const pdf = join(workDir, 'profil-kesehatan-2025.pdf');
    writePdf(pdf);
    await page.getByLabel('Berkas', { exact: true }).setInputFiles(pdf);
    await page.getByRole('button', { name: 'Unggah', exact: true }).click();
    const documents = page.getByRole('region', { name: 'Dokumen' });
    await documents.getByRole('row', { name: /profil-kesehatan-2025\.pdf.*Sudah diperiksa/ }).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByRole('status').first().textContent(), POLL).toContain('telah diunggah dan diperiksa');

    await page.getByRole('button', { name: 'Ajukan ke Kepala PPID' }).click();
    // Asked once, saying what follows.
    const submitDialog = page.getByRole('dialog', { name: `Ajukan informasi ${number} ke Kepala PPID?` });
    expect(await submitDialog.textContent()).toContain(`Informasi ${number} (${TITLE}) versi 1 diajukan kepada Kepala PPID`);
    await submitDialog.getByRole('button', { name: 'Ya, ajukan' }).click();
    await page.getByRole('heading', { level: 2, name: 'Menunggu persetujuan Kepala PPID' }).waitFor({ timeout: 20_000 });
    expect(petugas.errors).toEqual([]);

    // ── Kepala PPID: step 3, approval from the inbox ──
    const kepala = await signIn(browser, host.url, 'kepala.dinkes');
    page = kepala.page;
    await page.getByRole('heading', { level: 1, name: 'Kotak Masuk' }).waitFor();
    // The deadline is computed by the workflow just after submission; reload until it is there.
    const row = page.getByRole('row').filter({ hasText: TITLE });
    await reloadInboxUntil(page, async () => (await row.getByText('Bagaimana tenggat dihitung').count()) > 0, 'the item with its deadline');
    expect(await row.getByText(number).isVisible()).toBe(true);
    expect(await row.getByText('Bagaimana tenggat dihitung').isVisible()).toBe(true);
    expect(await row.textContent()).toMatch(/\d+ hari( \d+ jam)? lagi/);
    expect(await row.locator('time').first().textContent()).toMatch(/WIB/);
    // How the deadline was computed, in the agency's calendar.
    await row.getByText('Bagaimana tenggat dihitung').click();
    expect(await row.locator('.explanation').textContent()).toMatch(/hari/);
    await page.screenshot({ path: 'test-results/publication-inbox.png', fullPage: true });

    await openPage(page, () => row.getByRole('link', { name: TITLE }).click(), TITLE);
    await page.getByRole('heading', { level: 2, name: 'Keputusan Kepala PPID' }).waitFor();
    // The approval publishes: asked once in a dialog that says so, the safe button focused first.
    const approve = page.getByRole('button', { name: 'Setujui', exact: true });
    await approve.click();
    const dialog = page.getByRole('dialog', { name: `Setujui dan terbitkan informasi ${number}?` });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Informasi ${number} (${TITLE}) versi 1 akan terbit di register publik`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), POLL).toBe('Batal');
    await expectAccessible(page, 'the approval dialog');
    // Escape cancels: nothing is sent, the focus is back on the button.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), POLL).toBe('Setujui');
    const itemId = decodeURIComponent(new URL(page.url()).hash.replace(/^#\/items\//, ''));
    const still = await apiClient(host)('kepala.dinkes', 'GET', `/api/items/${encodeURIComponent(itemId)}`);
    expect(still.body.current.state).toBe('submitted');
    await approve.click();
    await dialog.getByRole('button', { name: 'Ya, setujui dan terbitkan' }).click();
    // Step 4 runs in the workflow; the page follows until the item is in the DIP.
    await page.getByRole('heading', { level: 2, name: 'Terbit di DIP PPID Utama' }).waitFor({ timeout: 60_000 });
    const timing = page.getByRole('region', { name: 'Waktu pelaksanaan SOP 000' });
    for (const step of ['Langkah 2 · Input', 'Langkah 3 · Persetujuan', 'Langkah 4 · Publikasi'])
      await timing.getByRole('rowheader', { name: new RegExp(step) }).waitFor();
    await page.screenshot({ path: 'test-results/publication-detail.png', fullPage: true });
    expect(kepala.errors).toEqual([]);

    // ── PPID Utama: the consolidated DIP ──
    const utama = await signIn(browser, host.url, 'ppid.utama');
    page = utama.page;
    await clickNav(page, 'DIP PPID Utama');
    const dipRow = page.getByRole('row').filter({ hasText: TITLE });
    await dipRow.waitFor({ timeout: 20_000 });
    for (const text of [
      number,
      'Bidang Sumber Daya Kesehatan, Dinas Kesehatan',
      'Pontianak, Maret 2026',
      'Softcopy, Hardcopy',
      '5 tahun',
      'Berkala',
      'Dinas Kesehatan',
    ]) {
      expect(await dipRow.textContent()).toContain(text);
    }
    await page.screenshot({ path: 'test-results/publication-dip.png', fullPage: true });
    expect(utama.errors).toEqual([]);
  });
});
