/**
 * The verification of a print-out, in a real browser: an exclusion goes through the API to its
 * decree; the QR code read from the issued PDF opens the register's verification page in Chromium,
 * which shows the number, type, issuing unit, signatory and the file's SHA-256 (Indonesian, then
 * English through the language link), and passes axe-core without serious or critical violations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { gotoAndWait, launchChromium, openPage } from '../support/browser.ts';
import { apiClient, consequenceTest, decree, startTestHost, until } from '../support/host.ts';
import { decodeQr, pdfInfo, sha256Hex } from '../support/pdf-tools.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let host: Awaited<ReturnType<typeof startTestHost>>;
let browser: Browser;

beforeAll(async () => {
  host = await startTestHost({ seed: true });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.cleanup();
}, 60_000);

describe('verification page', () => {
  it('the QR code of a decree opens its verification page, which shows what the decree shows and its SHA-256', async () => {
    const api = apiClient(host);
    const proposed = await api('kepala.dinkes', 'POST', '/api/exclusions', { test: consequenceTest({ title: 'Rekam medis pasien (uji verifikasi)' }) });
    expect(proposed.status).toBe(201);
    const id = proposed.body.exclusionId as string;
    const waiting = (phase: string) =>
      until(async () => {
        const ex = await dynamoStore.getExclusion(id);
        return ex?.wait?.phase === phase && ex.wait.taskToken;
      }, `the ${phase} wait`);
    await waiting('decision');
    expect((await api('atasan.ppid', 'POST', `/api/exclusions/${id}/decision`, { decision: 'ya', note: 'Setuju.', round: 1 })).status).toBe(200);
    await waiting('decree');
    const version = (await api('ppid.utama', 'GET', `/api/exclusions/${id}`)).body.version;
    expect((await api('ppid.utama', 'POST', `/api/exclusions/${id}/decree`, { decree: decree({ number: '046/PPID/2026' }), version })).status).toBe(200);
    const ex = await until(
      async () => {
        const x = (await api('ppid.utama', 'GET', `/api/exclusions/${id}`)).body;
        return x.state === 'in_force' ? x : undefined;
      },
      'in force',
      30_000,
    );
    const link = await api('ppid.utama', 'GET', `/api/exclusions/${id}/files/decree`);
    const pdf = new Uint8Array(await (await fetch(link.body.url)).arrayBuffer());
    const url = decodeQr(pdf, Number(pdfInfo(pdf).info.Pages));
    expect(url).toMatch(new RegExp(`^${host.url}/verifikasi/[0-9A-Z]{12}/$`));

    const page = await browser.newPage();
    try {
      // The register builder writes the page just after the DIK is set: look until it is there.
      await until(async () => (await fetch(url!)).status === 200, 'the verification page on the register');
      await gotoAndWait(page, url!, 'Verifikasi dokumen');
      const main = page.locator('main');
      await expect.poll(() => main.textContent()).toContain('Dokumen ini terdaftar dan berlaku.');
      const text = (await main.textContent()) ?? '';
      expect(text).toContain('046/PPID/2026');
      expect(text).toContain('Keputusan PPID tentang Penetapan Informasi yang Dikecualikan');
      expect(text).toContain('Drs. H. Ahmad Fauzi, PPID Utama Provinsi Kalimantan Barat');
      expect(await page.locator('[data-field="sha256"]').textContent()).toBe(sha256Hex(pdf));
      expect(sha256Hex(pdf)).toBe(ex.files.decree.sha256);
      expect(text).not.toContain('riwayat pengobatan');
      await page.evaluate(AXE);
      const result = (await page.evaluate(() => (window as unknown as { axe: { run(): Promise<unknown> } }).axe.run())) as {
        violations: { id: string; impact: string }[];
      };
      expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

      // The same page in English, through the language link.
      await openPage(page, () => page.getByRole('link', { name: 'English' }).click(), 'Document verification');
      await expect.poll(() => page.locator('main').textContent()).toContain('This document is registered and in force.');
      expect(await page.locator('[data-field="sha256"]').textContent()).toBe(sha256Hex(pdf));
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
    } finally {
      await page.close();
    }
  }, 120_000);
});
