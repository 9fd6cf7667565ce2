/**
 * Debian's Chromium driven by playwright-core, signing in to the staff app as a person does, and
 * navigating so that a test reads the page it went to, never the one it left.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContextOptions, chromium, type Locator, type Page, type Response } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'demo12345';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Without the background-networking flags Chromium tries to reach Google's hosts at start.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A page in a fresh context. With E2E_CPU_THROTTLE=n the page's CPU runs n times slower (the DevTools
 * protocol's throttling), which brings out tests that race the page on a slow machine.
 */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const rate = Number(process.env.E2E_CPU_THROTTLE ?? 1);
  if (rate > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate });
  return page;
}

/**
 * Opens the staff app in a fresh context and signs in through the local identity provider (OAuth2
 * code + PKCE). Returns the page back in the app, signed in, and the page errors seen.
 */
export async function signIn(browser: Browser, baseUrl: string, username: string): Promise<{ page: Page; errors: string[] }> {
  const page = await newPage(browser, { locale: 'id-ID' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The app shows its own sign-in page first; it does not redirect by itself.
  await gotoAndWait(page, `${baseUrl}/app/`, 'Masuk ke SIP PPID');
  // The local identity provider's form.
  await openPage(page, () => page.getByRole('button', { name: 'Masuk', exact: true }).click(), 'SIP PPID');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  // Back in the app at the redirect URI, with the code exchanged.
  await page
    .getByRole('button', { name: 'Keluar' })
    .waitFor({ timeout: 20_000 })
    .catch(async (e: Error) => {
      throw new Error(`${e.message}\nPage ${page.url()} shows:\n${await page.locator('body').textContent()}`);
    });
  return { page, errors };
}

/**
 * Options for `expect.poll` on what the page does by itself a moment later (a message announced, the
 * focus moved): vitest's default gives up after one second, which a slow machine can take.
 */
export const POLL = { timeout: 15_000, interval: 100 };

/** Level-1 headings on screen before a navigation carry this mark, so that they never count as the page navigated to. */
const LEFT = 'data-e2e-left';

/**
 * Navigates with `navigate` (a click, a `goto`, a form sent) and waits for the page it leads to: a
 * level-1 heading named `heading` (a string matches exactly) that was not on screen before. Every h1
 * shown before `navigate` is marked first, so the page being left never passes for the new one, even
 * when both have the same heading (a list opened again, a static page loaded again, a detail whose
 * heading is the list's name while it loads). Returns what `navigate` returned.
 *
 * The new page's data may still be on its way: read it with locator waits (`waitFor`, `expect.poll`),
 * not with `isVisible()` or `count()` at once. For a change within the page (the language, a
 * decision), wait for what changes instead: the page keeps its h1 element then.
 */
export async function openPage<T>(page: Page, navigate: () => Promise<T>, heading: string | RegExp, timeout = 20_000): Promise<T> {
  await page
    .evaluate((mark) => {
      for (const h of document.querySelectorAll('h1, [role="heading"][aria-level="1"]')) h.setAttribute(mark, '');
    }, LEFT)
    // A document already on its way out has nothing left to mark.
    .catch(() => undefined);
  const result = await navigate();
  await page
    .getByRole('heading', { level: 1, name: heading, exact: typeof heading === 'string' })
    .and(page.locator(`:not([${LEFT}])`))
    .waitFor({ timeout })
    .catch(async (e: Error) => {
      const shown = await page
        .locator('h1')
        .allTextContents()
        .catch(() => []);
      throw new Error(`${e.message}\nWaited for the page headed ${String(heading)}; ${page.url()} shows level-1 headings ${JSON.stringify(shown)}`);
    });
  return result;
}

/** Opens `url` and waits for the page's level-1 heading; an HTTP error status fails at once. */
export function gotoAndWait(page: Page, url: string, heading: string | RegExp, timeout?: number): Promise<Response | null> {
  return openPage(
    page,
    async () => {
      const response = await page.goto(url);
      if (response && !response.ok()) throw new Error(`GET ${url} answered ${response.status()}`);
      return response;
    },
    heading,
    timeout,
  );
}

/** A link in the staff app's main menu. */
export const navLink = (page: Page, name: string): Locator => page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name, exact: true });

/** Follows a link of the staff app's main menu and waits for that page (headed like the link unless told). */
export async function clickNav(page: Page, name: string, heading: string | RegExp = name): Promise<void> {
  await openPage(page, () => navLink(page, name).click(), heading);
}

/**
 * Reads the staff app's inbox again with "Muat ulang" until `ready` holds (the workflows add entries
 * and deadlines in the background). The inbox keeps the previous answer on screen while it reloads,
 * with the button disabled: each round waits for the inbox's new answer and then for the button to
 * come back, so `ready` always judges the answer just read, never the previous one.
 */
export async function reloadInboxUntil(
  page: Page,
  ready: () => Promise<boolean>,
  what: string,
  { timeout = 30_000, interval = 500 }: { timeout?: number; interval?: number } = {},
): Promise<void> {
  const reload = page.getByRole('button', { name: 'Muat ulang', exact: true });
  const idle = page.getByRole('button', { name: 'Muat ulang', exact: true, disabled: false });
  const end = Date.now() + timeout;
  // The first read of the inbox has come (the button is disabled until then).
  await idle.waitFor({ timeout });
  for (let round = 1; !(await ready()); round++) {
    if (Date.now() > end) throw new Error(`The inbox did not show ${what} within ${timeout} ms (${round} reads)`);
    // The pace of polling the server, not a guess at how long anything takes.
    await new Promise((r) => setTimeout(r, interval));
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname.endsWith('/inbox')), reload.click()]);
    await idle.waitFor({ timeout });
  }
}

/** Opens the inbox (unless it is the page shown) and reads it again until a row with `text` is there; returns that row. */
export async function inboxRow(page: Page, text: string): Promise<Locator> {
  if (new URL(page.url()).hash !== '#/inbox') await clickNav(page, 'Kotak Masuk');
  const row = page.getByRole('row').filter({ hasText: text });
  await reloadInboxUntil(page, async () => (await row.count()) > 0, `a row with "${text}"`);
  // Fails at once, naming both, if two rows have the text.
  await row.waitFor({ timeout: 1000 });
  return row;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core on the page as it is: no serious or critical violation. The sites' CSP allows no injected
 * <script>, so axe is evaluated through the DevTools protocol, which the CSP does not govern.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await page.evaluate(AXE);
  const result = (await page.evaluate(() => (window as unknown as { axe: { run(): Promise<unknown> } }).axe.run())) as {
    violations: { id: string; impact: string; nodes: { target: unknown }[] }[];
  };
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  expect(bad, what).toEqual([]);
}

/** Page errors and console errors of a page, to be empty at the end. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return errors;
}

/** The error text a control is described by (aria-describedby): what a screen reader reads with it. */
export async function describedErrors(page: Page, control: Locator): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"].field-error`).allTextContents()));
  return texts.flat().join(' ');
}
