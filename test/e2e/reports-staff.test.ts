/**
 * SOP 001 in the staff app, in a real browser against the full local host. The test publishes a DIP
 * item of Dinas Kesehatan and files a request that Dinas Kesehatan grants, through the API; then:
 * - PPID Utama sees the dashboard summary on the home page and opens the dashboard: one row per SKPD
 *   and a total row whose numbers are the API's (and moved by what the test did), each a link named
 *   with its column and SKPD; the stale-DIP flags are the API's; the trend chart is an image named
 *   and described, with its numbers as a table; the request count leads to the requests list of
 *   Dinas Kesehatan and that year, which holds the test's request. On a phone the wide table scrolls
 *   sideways inside its frame, the page does not.
 * - Dinas Kesehatan's PPID Pelaksana sees its own row only; opens the report menu, shows this month's
 *   recap (its numbers equal the dashboard's), prints it (print media: no menu, no buttons, the
 *   period and the as-of time in words), downloads its PDF, archives it after the confirmation
 *   dialog and finds it in the archive, whose PDF download has the SHA-256 shown.
 * axe-core finds no serious or critical violation on the dashboard, the report menu and the archive.
 */
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { clickNav, expectAccessible, launchChromium, openPage, POLL, signIn, watchErrors } from '../support/browser.ts';
import { localDay, requestContent, requester } from '../support/fixtures.ts';
import { apiClient, dipContent, publishItem, routeRequest, startTestHost, until } from '../support/host.ts';

const RUN = Date.now().toString(36);
const ITEM_TITLE = `Rencana Kerja Dinas Kesehatan 2026 (uji dasbor ${RUN})`;
const MONTH = localDay().slice(0, 7);
const YEAR = MONTH.slice(0, 4);
/** An instant or date as raw ISO text: never shown to people. */
const RAW_ISO = /\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?/;

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;
let browser: Browser;
let request: { id: string; number: string };
let before: any;

const dashboard = async (user: string) => {
  const res = await api(user, 'GET', '/api/dashboard');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const rowOf = (d: any, agencyId: string) => d.rows.find((r: { agencyId: string }) => r.agencyId === agencyId);
const num = (n: number) => new Intl.NumberFormat('id-ID').format(n);

beforeAll(async () => {
  host = await startTestHost({ seed: true });
  api = apiClient(host);
  browser = await launchChromium();
  before = await dashboard('ppid.utama');

  // A DIP item of Dinas Kesehatan, published (berkala).
  const item = await publishItem(api, dipContent({ title: ITEM_TITLE, category: 'berkala' }));
  await until(async () => ((await dynamoStore.getItem(item.itemId))?.publication === 'published' ? true : undefined), 'the publication', 30_000);

  // A request filed online, routed to Dinas Kesehatan and granted.
  const filed = await api(null, 'POST', '/api/public/requests', {
    requester: requester({ email: 'budi.dasbor@example.org' }),
    content: requestContent(),
    submissionId: crypto.randomUUID(),
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  const number = filed.body.number as string;
  const id = number.replace(/^PMH\/(\d{4})\/(\d+)$/, '$1-$2');
  const routed = await routeRequest(api, id);
  expect(routed.status, JSON.stringify(routed.body)).toBe(200);
  await until(async () => (await dynamoStore.getRequest(id))?.parts.find((p) => p.agencyId === 'dinkes')?.taskToken, 'the Dinkes part wait', 30_000);
  const r = (await api('ppid.utama', 'GET', `/api/requests/${id}`)).body;
  const answered = await api('kepala.dinkes', 'POST', `/api/requests/${id}/parts/dinkes/answer`, {
    decision: 'granted',
    exclusionIds: [],
    form: 'Salinan elektronik (PDF)',
    cost: 0,
    deliveryTime: 'Saat pemberitahuan ini diterima',
    version: r.version,
  });
  expect(answered.status, JSON.stringify(answered.body)).toBe(200);
  await until(async () => (await dynamoStore.getRequest(id))?.notice, 'the written notice', 60_000);
  request = { id, number };
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await host?.cleanup();
}, 60_000);

/** The dashboard's number link of a column (group and column as the header names them) in a row. */
const numberLink = (page: Page, n: number, column: string, row: string) => page.getByRole('link', { name: `${num(n)}: ${column}, ${row}`, exact: true });

describe('the dashboard, the report menu and the archive in the staff app', () => {
  it('PPID Utama reads every SKPD on the dashboard, with the API’s numbers, and follows a number to its list', { timeout: 240_000 }, async () => {
    const after = await dashboard('ppid.utama');
    // What the test did moved the numbers.
    expect(rowOf(after, 'dinkes').dip.published.berkala).toBe(rowOf(before, 'dinkes').dip.published.berkala + 1);
    expect(rowOf(after, 'dinkes').requests.received).toBe(rowOf(before, 'dinkes').requests.received + 1);
    expect(rowOf(after, 'dinkes').requests.granted).toBe(rowOf(before, 'dinkes').requests.granted + 1);
    expect(after.total.requests.answered).toBe(before.total.requests.answered + 1);

    const utama = await signIn(browser, host.url, 'ppid.utama');
    const page = utama.page;
    const errors = watchErrors(page);
    // The home page: the dashboard's summary first, with its link.
    const summary = page.getByRole('region', { name: /^Dasbor: / });
    await summary.waitFor({ timeout: 20_000 });
    expect(await summary.textContent()).toContain(`${after.total.requests.received} permohonan diterima, ${after.total.requests.answered} dijawab`);
    await openPage(page, () => summary.getByRole('link', { name: 'Buka dasbor' }).click(), 'Dasbor');

    const table = page.locator('table.dashboard-table');
    await table.waitFor({ timeout: 20_000 });
    // One row per SKPD and the total.
    await expect.poll(() => table.locator('tbody tr').count(), POLL).toBe(after.rows.length + 1);
    const dinkes = rowOf(after, 'dinkes');
    await numberLink(page, dinkes.dip.published.berkala, 'DIP Berkala', 'Dinkes').waitFor();
    await numberLink(page, dinkes.requests.received, 'Permohonan informasi Diterima', 'Dinkes').waitFor();
    await numberLink(page, dinkes.requests.granted, 'Permohonan informasi Diberikan seluruhnya', 'Dinkes').waitFor();
    await numberLink(page, after.total.requests.received, 'Permohonan informasi Diterima', 'Total').waitFor();
    await numberLink(page, after.total.dip.published.total, 'DIP Terbit', 'Total').waitFor();
    // The stale flags are the API's.
    expect(await table.locator('.badge.stale').count()).toBe(
      after.rows.filter((r: { dip: { stale: boolean } }) => r.dip.stale).length + (after.total.dip.stale ? 1 : 0),
    );
    // The period and the as-of time in words, never ISO.
    const meta = (await page.locator('.report-meta').textContent()) ?? '';
    expect(meta).toContain(after.periodText.id);
    expect(meta).toMatch(/pukul \d{2}\.\d{2} WIB/);
    expect(await page.locator('main').textContent()).not.toMatch(RAW_ISO);
    // The trend: an image named and described, and its numbers as a table.
    const chart = page.getByRole('img', { name: /^Grafik batang per bulan/ });
    expect(await chart.count()).toBe(1);
    const point = after.trend.find((p: { month: string }) => p.month === MONTH);
    expect(await page.locator('#db-trend-svg-desc').textContent()).toContain(`Permohonan diterima ${num(point.requestsReceived)}`);
    const trendRow = page.locator('table.trend-table tbody tr').first();
    expect((await trendRow.locator('td').allTextContents())[0]).toBe(num(point.requestsReceived));
    // The SOP compliance table names each step's Mutu Baku.
    expect(await page.locator('table.sop-table tbody').count()).toBe(after.sop.length);
    await expectAccessible(page, 'the dashboard');
    await page.screenshot({ path: '/tmp/reports-dashboard.png', fullPage: true });
    // Printed: no menu, no filters, no buttons; the period and the as-of time stay.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Menu utama' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Tampilkan' }).isVisible()).toBe(false);
    expect(await page.locator('.report-meta').isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/reports-dashboard-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // A number leads to the list behind it: Dinkes' requests of the year, with the test's request.
    await openPage(page, () => numberLink(page, dinkes.requests.received, 'Permohonan informasi Diterima', 'Dinkes').click(), 'Permohonan');
    expect(new URL(page.url()).hash).toBe(`#/requests?agencyId=dinkes&year=${YEAR}`);
    await page.getByRole('row').filter({ hasText: request.number }).waitFor({ timeout: 20_000 });

    // On a phone the wide table scrolls inside its frame; the page itself does not.
    await page.setViewportSize({ width: 390, height: 844 });
    await openPage(page, () => page.goBack(), 'Dasbor');
    await table.waitFor();
    const widths = await page.evaluate(() => {
      const wrap = document.querySelector('table.dashboard-table')!.parentElement!;
      return { wrap: wrap.clientWidth, table: wrap.scrollWidth, page: document.documentElement.scrollWidth, viewport: window.innerWidth };
    });
    expect(widths.table).toBeGreaterThan(widths.wrap);
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/reports-dashboard-phone.png' });
    expect(errors).toEqual([]);
    expect(utama.errors).toEqual([]);
  });

  it('a PPID Pelaksana sees its SKPD, shows this month’s recap, prints it, archives it and downloads it from the archive', { timeout: 240_000 }, async () => {
    const own = await dashboard('kepala.dinkes');
    const kepala = await signIn(browser, host.url, 'kepala.dinkes');
    const page = kepala.page;
    const errors = watchErrors(page);

    // The dashboard: Dinas Kesehatan's row only, no SKPD filter.
    await clickNav(page, 'Dasbor');
    const table = page.locator('table.dashboard-table');
    await table.waitFor({ timeout: 20_000 });
    await numberLink(page, own.rows[0].requests.received, 'Permohonan informasi Diterima', 'Dinkes').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect(await page.getByLabel('Perangkat daerah', { exact: true }).count()).toBe(0);

    // The report menu: this month's recap of Dinas Kesehatan.
    await clickNav(page, 'Laporan');
    await expect.poll(() => page.getByLabel('Jenis laporan').inputValue(), POLL).toBe('monthly');
    // Pre-filled with the last month.
    expect(await page.getByLabel('Dari tanggal').inputValue()).toMatch(/^\d{4}-\d{2}-01$/);
    expect((await page.getByLabel('Dari tanggal').inputValue()) < `${MONTH}-01`).toBe(true);
    await page.getByLabel('Dari tanggal').fill(`${MONTH}-01`);
    await page.getByLabel('Sampai tanggal').fill(localDay());
    await expectAccessible(page, 'the report menu');
    await page.getByRole('button', { name: 'Tampilkan laporan' }).click();
    const report = page.getByRole('article', { name: /^Rekap/ });
    await report.waitFor({ timeout: 30_000 });
    expect(await report.textContent()).toContain('Dinas Kesehatan');
    // Its numbers are the dashboard's.
    const figure = (label: string) =>
      report
        .locator('dl.report-figures .figure')
        .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
        .locator('dd');
    expect(await figure('Permohonan diterima').textContent()).toBe(num(own.rows[0].requests.received));
    expect(await figure('Permohonan dijawab').textContent()).toBe(num(own.rows[0].requests.answered));
    expect(await page.locator('main').textContent()).not.toMatch(RAW_ISO);
    await expectAccessible(page, 'the report menu with a report');
    await page.screenshot({ path: '/tmp/reports-menu.png', fullPage: true });

    // Printed: no menu, no buttons, the period and the as-of time in words.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Menu utama' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Arsipkan' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Tampilkan laporan' }).isVisible()).toBe(false);
    expect(await report.locator('.report-head').textContent()).toMatch(/Periode:.*\d{4}.*Data per:.*WIB/);
    await page.screenshot({ path: '/tmp/reports-menu-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // The PDF through its short-lived link, in a new tab: the report stays on this page.
    const [pdfLink, tab] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/reports/monthly' && new URL(r.url()).searchParams.get('format') === 'pdf'),
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Unduh PDF' }).click(),
    ]);
    await tab.close();
    expect(pdfLink.status()).toBe(200);
    const pdf = await fetch(((await pdfLink.json()) as { file: { url: string } }).file.url);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(await report.count()).toBe(1);

    // Archived after the confirmation dialog.
    await page.getByRole('button', { name: 'Arsipkan' }).click();
    const dialog = page.getByRole('dialog', { name: /^Arsipkan Rekap/ });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Dinas Kesehatan');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), POLL).toBe('Batal');
    await dialog.getByRole('button', { name: 'Ya, arsipkan' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { ...POLL, timeout: 60_000 })
      .toMatch(/Laporan diarsipkan dengan nomor LAP\/\d{4}\/\d{4}\./);
    const number = /LAP\/\d{4}\/\d{4}/.exec((await page.getByRole('status').first().textContent()) ?? '')![0];

    // The archive: the report with its files and their SHA-256; the PDF downloads with that hash.
    await openPage(page, () => page.getByRole('link', { name: 'Buka arsip laporan' }).click(), 'Arsip Laporan');
    const row = page.getByRole('row').filter({ hasText: number });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toContain('Rekap bulanan');
    expect(await row.textContent()).toContain('Dinas Kesehatan');
    expect(await row.textContent()).toContain('dr. Hendra Wijaya');
    expect(await row.textContent()).toMatch(/pukul \d{2}\.\d{2} WIB/);
    const shownSha = await row.locator('li').filter({ hasText: 'PDF' }).locator('code').getAttribute('data-sha256');
    expect(shownSha).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.locator('main').textContent()).not.toMatch(RAW_ISO);
    await expectAccessible(page, 'the archive');
    await page.screenshot({ path: '/tmp/reports-archive.png', fullPage: true });
    const [fileLink, fileTab] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/files/pdf')),
      page.waitForEvent('popup'),
      row.getByRole('button', { name: `Unduh PDF ${number}`, exact: true }).click(),
    ]);
    await fileTab.close();
    expect(fileLink.status()).toBe(200);
    const archived = Buffer.from(await (await fetch(((await fileLink.json()) as { url: string }).url)).arrayBuffer());
    expect(createHash('sha256').update(archived).digest('hex')).toBe(shownSha);
    expect(errors).toEqual([]);
    expect(kepala.errors).toEqual([]);
  });

  it('PPID Utama writes the annual report’s narrative, is told of a newer draft, issues and approves it', { timeout: 240_000 }, async () => {
    const year = Number(YEAR) - 1;
    const utama = await signIn(browser, host.url, 'ppid.utama');
    const page = utama.page;
    const errors = watchErrors(page);
    await clickNav(page, 'Laporan');
    await openPage(page, () => page.getByRole('link', { name: 'Arsip Laporan' }).click(), 'Arsip Laporan');
    await openPage(page, () => page.getByRole('link', { name: `Laporan Tahunan ${year}` }).click(), `Laporan Tahunan ${year}`);
    const policy = page.getByRole('textbox', { name: 'Kebijakan layanan informasi', exact: true });
    await policy.waitFor({ timeout: 20_000 });
    const parts: [string, string][] = [
      ['Kebijakan layanan informasi', `Peraturan Gubernur Nomor 22 Tahun 2016 menjadi pedoman layanan (uji ${RUN}).`],
      ['Sarana dan prasarana', 'Meja layanan di lantai dasar dan situs PPID.'],
      ['Sumber daya manusia', 'Dua belas petugas PPID di lima SKPD.'],
      ['Anggaran', 'Rp 120.000.000 dari APBD.'],
      ['Kendala', 'Pemutakhiran DIP belum rutin setiap bulan.'],
      ['Rekomendasi dan rencana tindak lanjut', 'Pelatihan petugas PPID pembantu.'],
    ];
    for (const [label, text] of parts) await page.getByRole('textbox', { name: label, exact: true }).fill(text);
    await expectAccessible(page, 'the annual report page');
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent(), POLL).toContain(`Draf laporan tahunan ${year} disimpan.`);

    // Someone else saves a newer draft: the page's save is refused and says to reload.
    const current = (await api('ppid.utama', 'GET', `/api/reports/annual/${year}`)).body.draft;
    const elsewhere = await api('ppid.utama', 'PUT', `/api/reports/annual/${year}`, {
      narrative: { ...current.narrative, budget: 'Rp 150.000.000 dari APBD (perubahan).' },
      version: current.version,
    });
    expect(elsewhere.status, JSON.stringify(elsewhere.body)).toBe(200);
    await page.getByRole('textbox', { name: 'Kendala', exact: true }).fill('Jaringan internet di kabupaten belum stabil.');
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await page.getByRole('alert').filter({ hasText: 'telah diubah orang lain' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Muat ulang draf' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Anggaran', exact: true }).inputValue(), POLL).toBe('Rp 150.000.000 dari APBD (perubahan).');

    // Issued and approved, each after the confirmation dialog.
    await page.getByRole('button', { name: 'Terbitkan', exact: true }).click();
    const issueDialog = page.getByRole('dialog', { name: `Terbitkan Laporan Tahunan ${year}?` });
    await issueDialog.waitFor();
    await issueDialog.getByRole('button', { name: 'Ya, terbitkan' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { ...POLL, timeout: 60_000 })
      .toMatch(/Laporan tahunan diterbitkan dengan nomor LAP\/\d{4}\/\d{4}\./);
    const state = page.getByRole('region', { name: 'Keadaan laporan' });
    await expect.poll(() => state.textContent(), POLL).toContain('Diterbitkan, menunggu persetujuan');
    await page.getByRole('button', { name: 'Setujui dan umumkan' }).click();
    const approveDialog = page.getByRole('dialog', { name: /^Setujui laporan LAP\/\d{4}\/\d{4}\?$/ });
    await approveDialog.waitFor();
    expect(await approveDialog.textContent()).toContain('Pasal 11 ayat (1) huruf h');
    await approveDialog.getByRole('button', { name: 'Ya, setujui dan umumkan' }).click();
    await expect.poll(() => state.textContent(), { ...POLL, timeout: 30_000 }).toContain('Disetujui dan diumumkan');
    expect(await state.textContent()).toContain('Rina Kusumawati');
    expect(await state.getByRole('link', { name: /register publik/ }).getAttribute('href')).toMatch(/\/laporan\/$/);
    expect(await page.getByRole('button', { name: 'Simpan draf' }).count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toMatch(RAW_ISO);
    await expectAccessible(page, 'the approved annual report');
    await page.screenshot({ path: '/tmp/reports-annual.png', fullPage: true });
    await page.locator('main h1').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/reports-annual-top.png' });
    await page.locator('#an-preview-h').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/reports-annual-preview.png' });
    // The 409 of the stale save is the refusal shown on the page, not an error of the page.
    expect(errors.filter((e) => !e.includes('status of 409'))).toEqual([]);
    expect(utama.errors).toEqual([]);
  });
});
