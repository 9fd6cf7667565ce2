/**
 * A phone (390 × 844) in Chromium: the staff app's header and the register's header fold their menu
 * behind a "Menu" disclosure button (a real button with aria-expanded and aria-controls), so that the
 * page's heading is on the first screen; the button opens the menu, its links work, Escape folds it
 * again and gives the focus back, and wide screens show the menu as before. The register's menu
 * works without JavaScript (always shown). And /dip/ lists the newest publications itself, linked to
 * their pages, in both languages.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalHost } from '../../infra/local/host.ts';
import { gotoAndWait, launchChromium, newPage, openPage, POLL, signIn } from '../support/browser.ts';
import { until } from '../support/host.ts';

const PHONE = { width: 390, height: 844 };

let host: { url: string; stop(): Promise<void> };
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sip-ppid-e2e-'));
  // The demo items are published through the workflow: the register has its newest items.
  host = await startLocalHost({ port: 0, dataDir, seed: true, demoItems: true, quiet: !process.env.E2E_VERBOSE });
  // Each publication updates the register on its own: wait for all five on both languages' /dip/.
  const newest = async (path: string) => {
    const res = await fetch(`${host.url}${path}`);
    return res.status === 200 && ((await res.text()).match(/<th scope="row" class="no">/g) ?? []).length === 5;
  };
  for (const path of ['/dip/', '/en/dip/']) await until(() => newest(path), `the five demo items on ${path}`, 90_000);
  browser = await launchChromium();
  mkdirSync('test-results', { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

/** The bottom of the first level-1 heading, in CSS pixels from the top of the page. */
async function headingBottom(page: Page): Promise<number> {
  const box = await page.getByRole('heading', { level: 1 }).first().boundingBox();
  if (!box) throw new Error('no level-1 heading on screen');
  return box.y + box.height;
}

const expanded = (button: Locator) => button.getAttribute('aria-expanded');
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('staff app on a phone', () => {
  it('folds the account line and the menu behind the Menu button; it opens, its links work, Escape folds it', { timeout: 120_000 }, async () => {
    const { page, errors } = await signIn(browser, host.url, 'admin');
    await page.setViewportSize(PHONE);
    await page.getByRole('heading', { level: 1, name: /Administrator Sistem/ }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    const button = page.getByRole('button', { name: 'Menu', exact: true });

    // Folded: the button in the header, the menu and the account line hidden, the heading on the first screen.
    await button.waitFor();
    expect(await page.getByRole('banner').getByRole('button', { name: 'Menu', exact: true }).count()).toBe(1);
    expect(await expanded(button)).toBe('false');
    expect(await button.getAttribute('aria-controls')).toBe('app-account app-menu');
    expect(await nav.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Keluar' }).isVisible()).toBe(false);
    expect(await headingBottom(page)).toBeLessThan(PHONE.height / 3);
    await page.screenshot({ path: 'test-results/phone-staff.png' });

    // The keyboard opens it (Enter on the focused button); Escape in the menu folds it, focus back on the button.
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => expanded(button), POLL).toBe('true');
    await nav.waitFor();
    expect(await page.getByRole('button', { name: 'Keluar' }).isVisible()).toBe(true);
    await nav.getByRole('link', { name: 'Dasbor', exact: true }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => expanded(button), POLL).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('menu-toggle'))).toBe(true);

    // A click opens it; a link leads to its page and folds the menu again.
    await button.click();
    await nav.waitFor();
    await page.screenshot({ path: 'test-results/phone-staff-open.png' });
    await openPage(page, () => nav.getByRole('link', { name: 'Perangkat Daerah', exact: true }).click(), 'Perangkat Daerah');
    expect(new URL(page.url()).hash).toBe('#/agencies');
    await expect.poll(() => expanded(button), POLL).toBe('false');
    expect(await nav.isVisible()).toBe(false);

    // Wide: no button, the menu and the account line shown as before.
    await page.setViewportSize({ width: 1280, height: 900 });
    await nav.waitFor();
    expect(await button.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Keluar' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('register on a phone', () => {
  for (const [lang, path, heading, navName, dipLink, dipHeading] of [
    ['id', '/', /^Daftar Informasi Publik/, 'Menu utama', 'Daftar Informasi Publik', 'Daftar Informasi Publik PPID Utama'],
    ['en', '/en/', /^Public Information List/, 'Main menu', 'Public Information List (DIP)', 'Public Information List of the PPID Utama'],
  ] as const) {
    it(`folds the menu behind the Menu button (${lang}); it opens, its links work, Escape folds it`, { timeout: 60_000 }, async () => {
      const page = await newPage(browser, { viewport: PHONE });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await gotoAndWait(page, `${host.url}${path}`, heading);
      const nav = page.getByRole('navigation', { name: navName });
      const button = page.getByRole('button', { name: 'Menu', exact: true });
      await button.waitFor();
      expect(await expanded(button)).toBe('false');
      expect(await button.getAttribute('aria-controls')).toBe('menu');
      expect(await nav.isVisible()).toBe(false);
      expect(await headingBottom(page)).toBeLessThan(PHONE.height / 3);
      if (lang === 'id') await page.screenshot({ path: 'test-results/phone-register.png' });

      // Keyboard: Enter opens, Escape in the menu folds it and gives the focus back.
      await button.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => expanded(button), POLL).toBe('true');
      await nav.waitFor();
      await nav.getByRole('link').first().focus();
      await page.keyboard.press('Escape');
      await expect.poll(() => expanded(button), POLL).toBe('false');
      expect(await nav.isVisible()).toBe(false);
      expect(await focusedId(page)).toBe('menu-toggle');

      // A click opens it, one entry a line; its link leads to the page, whose menu is folded.
      await button.click();
      await nav.waitFor();
      const links = nav.getByRole('link');
      expect(await links.count()).toBe(8);
      const [first, second] = [await links.nth(0).boundingBox(), await links.nth(1).boundingBox()];
      expect(second!.y).toBeGreaterThan(first!.y + first!.height - 1);
      await openPage(page, () => nav.getByRole('link', { name: dipLink, exact: true }).click(), dipHeading);
      expect(new URL(page.url()).pathname).toBe(lang === 'en' ? '/en/dip/' : '/dip/');
      expect(await expanded(button)).toBe('false');
      expect(await nav.isVisible()).toBe(false);

      // Wide: no button, the menu shown as before.
      await page.setViewportSize({ width: 1280, height: 900 });
      await nav.waitFor();
      expect(await button.isVisible()).toBe(false);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('shows the menu without JavaScript, with no button', { timeout: 60_000 }, async () => {
    const page = await newPage(browser, { viewport: PHONE, javaScriptEnabled: false });
    await gotoAndWait(page, `${host.url}/`, /^Daftar Informasi Publik/);
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    expect(await nav.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Menu', exact: true }).count()).toBe(0);
    await openPage(page, () => nav.getByRole('link', { name: 'Cari', exact: true }).click(), 'Cari informasi publik');
    await page.context().close();
  });
});

describe('the newest publications on /dip/', () => {
  for (const [lang, path, heading, tableName, date] of [
    ['id', '/dip/', 'Daftar Informasi Publik PPID Utama', /^Informasi terbaru \d+ informasi yang terakhir diterbitkan/, /^\d{1,2} \p{L}+ \d{4}$/u],
    ['en', '/en/dip/', 'Public Information List of the PPID Utama', /^Latest information The \d+ most recently published items/, /^\d{1,2} \p{L}+ \d{4}$/u],
  ] as const) {
    it(
      `lists them with number, title linked to the item, agency and date in words (${lang}), no caption repeating a heading`,
      { timeout: 60_000 },
      async () => {
        const page = await newPage(browser, { viewport: PHONE });
        await gotoAndWait(page, `${host.url}${path}`, heading);
        const table = page.getByRole('table', { name: tableName });
        await table.waitFor();
        const rows = table.locator('tbody tr');
        // The five demo items, each published once.
        expect(await rows.count()).toBe(5);
        const times: string[] = [];
        for (let i = 0; i < 5; i++) {
          const row = rows.nth(i);
          expect(await row.locator('th[scope="row"]').innerText()).toMatch(/^[A-Z]+\/\d{4}\/\d{4}$/);
          expect(await row.getByRole('link').count()).toBe(1);
          expect(await row.locator('td').nth(1).innerText()).toMatch(/^(Dinas|Badan) /);
          expect(await row.locator('td time').innerText()).toMatch(date);
          times.push((await row.locator('td time').getAttribute('datetime'))!);
        }
        expect([...times].sort().reverse()).toEqual(times);

        // No table's caption repeats a heading of the page.
        const headings = (await page.getByRole('heading').allInnerTexts()).map((h) => h.replace(/\s+/g, ' ').trim());
        for (const caption of await page.locator('caption').allInnerTexts()) for (const h of headings) expect(caption.startsWith(h), caption).toBe(false);

        const link = rows.first().getByRole('link');
        const title = (await link.innerText()).trim();
        const href = await link.getAttribute('href');
        expect(href).toMatch(new RegExp(`^${lang === 'en' ? '/en' : ''}/informasi/[a-z0-9-]+/\\d{4}/\\d+\\.html$`));
        await openPage(page, () => link.click(), title);
        expect(new URL(page.url()).pathname).toBe(href);
        await page.context().close();
      },
    );
  }
});
