/** Debian's Chromium driven by playwright-core, and signing in to the staff app as a person does. */
import { type Browser, chromium, type Page } from 'playwright-core';

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
 * Opens the staff app in a fresh context and signs in through the local identity provider (OAuth2
 * code + PKCE). Returns the page back in the app, signed in, and the page errors seen.
 */
export async function signIn(browser: Browser, baseUrl: string, username: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${baseUrl}/app/`);
  // The app shows its own sign-in page first; it does not redirect by itself.
  await page.getByRole('heading', { level: 1, name: 'Masuk ke SIP PPID' }).waitFor();
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  // The local identity provider's form.
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
