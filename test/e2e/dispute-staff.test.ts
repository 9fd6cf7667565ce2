/**
 * Disputes in the staff app, in Chromium against the full local host: PPID Utama opens Sengketa
 * Informasi, sends the new-dispute form empty (refused next to each field), records a dispute with no
 * objection in the system, starts the mediation and schedules a hearing for today; the hearing is in
 * the inbox and leads to the dispute, where its result is recorded and it leaves the inbox. The form
 * and the dispute page pass axe-core with no serious or critical violations; no page errors.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickNav, describedErrors, expectAccessible, inboxRow, launchChromium, openPage, POLL, signIn } from '../support/browser.ts';
import { localDay } from '../support/fixtures.ts';
import { apiClient, startTestHost } from '../support/host.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;
let browser: Browser;

const RUN = Date.now().toString(36);
const AGENDA = `Mediasi pertama (uji ${RUN})`;

beforeAll(async () => {
  host = await startTestHost({ seed: true });
  api = apiClient(host);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.cleanup();
}, 60_000);

describe('disputes in the staff app', () => {
  it('PPID Utama records a dispute, starts the mediation, schedules a hearing and records its result from the inbox', { timeout: 240_000 }, async () => {
    const { page, errors } = await signIn(browser, host.url, 'ppid.utama');
    await clickNav(page, 'Sengketa Informasi');
    await openPage(page, () => page.getByRole('link', { name: 'Catat sengketa' }).click(), 'Catat sengketa informasi');
    await expectAccessible(page, 'the empty dispute form');

    // Sent empty: refused field by field.
    await page.getByRole('button', { name: 'Catat sengketa' }).click();
    await page.getByRole('alert').first().waitFor();
    const ki = page.getByLabel('Nomor register Komisi Informasi');
    await expect.poll(() => ki.getAttribute('aria-invalid'), POLL).toBe('true');
    expect(await describedErrors(page, ki)).toMatch(/nomor register Komisi Informasi/);
    expect(await describedErrors(page, page.getByLabel('Pokok permohonan sengketa'))).toMatch(/pokok permohonan sengketa/);
    await expectAccessible(page, 'the dispute form with its errors');

    await ki.fill(`077/XII/KI-KALBAR-PS/${RUN}`);
    await page.getByLabel('Tanggal permohonan sengketa diajukan').fill(localDay(-2));
    await page.getByLabel('Pokok permohonan sengketa').fill('Pemohon meminta salinan kontrak pengadaan alat kesehatan tahun 2025 beserta adendumnya.');
    await openPage(page, () => page.getByRole('button', { name: 'Catat sengketa' }).click(), /^Sengketa SKI\/\d{4}\/\d{4}$/);
    await page.getByText('Tanpa permohonan atau keberatan di sistem').first().waitFor();
    const due = page.getByRole('row').filter({ hasText: 'Komisi Informasi mulai menyelesaikan sengketa' });
    await expect.poll(() => due.textContent(), POLL).toMatch(/pukul 23\.59 WIB.*Berjalan/);

    // The mediation starts today; a hearing today.
    await page.getByRole('combobox', { name: /^Tahap/ }).selectOption({ label: 'Mediasi' });
    await page.getByLabel('Tanggal mulai').fill(localDay());
    await page.getByRole('button', { name: 'Catat dimulainya tahap' }).click();
    await page.getByLabel('Tanggal sidang').waitFor();
    await page.getByLabel('Tanggal sidang').fill(localDay());
    await page.getByLabel('Jam (bila diketahui)').fill('09:30');
    await page.getByLabel('Agenda sidang').fill(AGENDA);
    await page.getByRole('button', { name: 'Jadwalkan', exact: true }).click();
    await page.getByRole('row').filter({ hasText: AGENDA }).waitFor();
    await expectAccessible(page, 'the dispute page with a hearing waiting');

    // The inbox reminds of it and leads to the dispute.
    const row = await inboxRow(page, AGENDA);
    expect(await row.textContent()).toContain('Sidang sengketa: catat hasilnya');
    await openPage(page, () => row.getByRole('link').click(), /^Sengketa SKI\//);

    await page.getByLabel(/^Hasil sidang /).fill('Para pihak belum sepakat; mediasi dilanjutkan pekan depan.');
    await page.getByRole('button', { name: 'Simpan hasil' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: AGENDA }).textContent(), POLL).toContain('Para pihak belum sepakat');
    const inbox = (await api('ppid.utama', 'GET', '/api/inbox')).body.items as { title: string }[];
    expect(inbox.some((e) => e.title.includes(AGENDA))).toBe(false);
    expect(errors).toEqual([]);
  });
});
