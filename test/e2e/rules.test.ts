/**
 * The rules page (Aturan Tenggat) in Chromium against the full local host: every workflow's rules,
 * each beside its SOP Mutu Baku or statutory limit; a rule looser than UU 14/2008 is marked while
 * typed and refused on saving, in words naming the law; a departure from the Mutu Baku is warned
 * about while typed and saved with the warning on the page. axe-core finds no serious violation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalHost } from '../../infra/local/host.ts';
import { clickNav, expectAccessible, launchChromium, POLL, signIn, watchErrors } from '../support/browser.ts';

let host: { url: string; stop(): Promise<void> };
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sip-ppid-e2e-rules-'));
  host = await startLocalHost({ port: 0, dataDir, seed: true, quiet: !process.env.E2E_VERBOSE });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('rules page', () => {
  it('shows every workflow with its standards, refuses a rule looser than the law and warns of a departure from the SOP', { timeout: 180_000 }, async () => {
    const { page } = await signIn(browser, host.url, 'admin');
    const consoleErrors = watchErrors(page);
    await clickNav(page, 'Aturan Tenggat');

    for (const name of [
      'SOP 000 — Publikasi informasi (DIP)',
      'SOP 002 — Informasi yang dikecualikan (DIK)',
      'Permohonan informasi',
      'Keberatan dan sengketa informasi',
    ])
      await page.getByRole('heading', { level: 2, name }).waitFor({ timeout: 20_000 });

    const approval = page.getByRole('group', { name: 'Persetujuan Kepala PPID (SOP 000 langkah 3)' });
    const part = page.getByRole('group', { name: 'Tenggat bagian tiap SKPD' });
    expect(await approval.textContent()).toContain('Standar: Mutu Baku SOP 000 langkah 3: 1 Minggu');
    expect(await page.getByRole('group', { name: 'Penetapan DIK oleh PPID Utama (SOP 002 langkah 3)' }).textContent()).toContain(
      'Mutu Baku SOP 002 langkah 3: 1 Minggu',
    );
    expect(await part.textContent()).toContain('Standar: UU 14/2008 Pasal 22 ayat (7): 10 hari kerja');
    // The statutory periods applied as they are, read-only.
    const objections = page.getByRole('table', { name: /Ketentuan undang-undang/ }).last();
    expect(await objections.textContent()).toContain('UU 14/2008 Pasal 36 ayat (2): 30 hari kerja');
    // Nothing departs at the defaults.
    expect(await page.getByText('Peringatan:').count()).toBe(0);

    // Looser than the law: marked while typed, refused when saved, the law named.
    await part.getByLabel('Jumlah').fill('11');
    await expect
      .poll(() => part.textContent(), POLL)
      .toContain('Lebih longgar dari batas UU 14/2008 Pasal 22 ayat (7): 10 hari kerja (pemberitahuan tertulis): aturan ini tidak dapat disimpan.');
    await page.getByRole('button', { name: 'Simpan' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain('tidak boleh lebih longgar dari batas UU 14/2008');
    await expect.poll(() => part.textContent(), POLL).toContain('11 hari kerja dapat melampaui batas UU 14/2008 Pasal 22 ayat (7)');
    await expectAccessible(page, 'the rules page with a refusal');

    // Back within the law; a departure from the Mutu Baku is warned about, and saved.
    await part.getByLabel('Jumlah').fill('5');
    await approval.getByLabel('Jumlah').fill('30');
    await approval.getByLabel('Satuan').selectOption('calendarDays');
    await expect
      .poll(() => approval.textContent(), POLL)
      .toContain('Peringatan: lebih longgar dari Mutu Baku SOP 000 langkah 3: 1 Minggu. Boleh disimpan; penyimpangan ini dicatat dalam jejak audit.');
    await page.getByRole('button', { name: 'Simpan' }).click();
    const departures = page.getByText('Aturan yang berlaku menyimpang dari Mutu Baku SOP:').locator('..');
    await departures.waitFor({ timeout: 20_000 });
    expect(await departures.textContent()).toContain(
      'Persetujuan Kepala PPID (SOP 000 langkah 3): 30 hari kalender lebih longgar dari Mutu Baku SOP 000 langkah 3: 1 Minggu.',
    );
    expect(await page.getByRole('alert').count()).toBe(0);
    await expectAccessible(page, 'the rules page with a departure');

    // And back to the SOP: the warning goes.
    await approval.getByLabel('Jumlah').fill('7');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect.poll(() => page.getByText('Aturan yang berlaku menyimpang dari Mutu Baku SOP:').count(), POLL).toBe(0);
    // The refused save answered 400, which the browser logs; nothing else went wrong.
    expect(consoleErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });
});
