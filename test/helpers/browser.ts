import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { onPostgres } from './test-target.js';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Whether a file's Chromium tests run. They run once per CI run: in the embedded-PGlite pass (the browser sees
 * the same pages on either database, and the Postgres pass would only repeat them). Without Chromium they are
 * skipped with a warning, unless VOUCH_REQUIRE_BROWSER is set: then `requireBrowser` fails the file.
 */
export function browserTests(file: string): { skip: boolean } {
  if (onPostgres()) {
    console.warn(`${file}: the browser tests run in the PGlite pass only (VOUCH_TEST_DATABASE_URL is set)`);
    return { skip: true };
  }
  if (!existsSync(CHROMIUM) && !process.env.VOUCH_REQUIRE_BROWSER) {
    console.warn(`${file}: ${CHROMIUM} not found, skipping the browser tests (apt-get install chromium)`);
    return { skip: true };
  }
  return { skip: false };
}

/** Debian's Chromium, headless, never a downloaded one; throws when it is missing. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`VOUCH_REQUIRE_BROWSER is set but ${CHROMIUM} is missing: install Debian's chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/**
 * Reports each Content-Security-Policy violation of the page's documents to the test, as the page itself sees
 * it (the `securitypolicyviolation` event), besides Chromium's console message. Injected by the browser's
 * debugging protocol, so the policy it watches does not apply to it.
 */
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (e) => {
  window.__vouchCspViolation(e.effectiveDirective + ' refused ' + (e.blockedURI || 'inline') + ' at ' +
    e.sourceFile + ':' + e.lineNumber + ' ' + (e.sample || ''));
});`;

/**
 * Makes `page` record what the browser reported and a person would not see: CSP violations (the event and
 * the console message) and uncaught errors, from its next document on. The test checks `problems` is empty.
 */
export async function watchPage(page: Page, problems: string[]): Promise<Page> {
  // Well under the test's own timeout, so a wait that fails names what it waited for.
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) {
      problems.push(`CSP: ${message.text()}`);
    }
  });
  await page.exposeBinding('__vouchCspViolation', (_source, text: string) => {
    problems.push(`CSP violation: ${text}`);
  });
  await page.addInitScript(REPORT_CSP_VIOLATIONS);
  return page;
}

/** A new page of `context`, watched as `watchPage` says. */
export async function watchedPage(context: BrowserContext, problems: string[]): Promise<Page> {
  return watchPage(await context.newPage(), problems);
}

/** A session cookie (`name=value`, as test/helpers/teammates.ts returns it) put into a browser context. */
export async function addSessionCookie(context: BrowserContext, base: string, cookie: string): Promise<void> {
  const at = cookie.indexOf('=');
  await context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: base }]);
}

const DOCS = new URL('../../docs/', import.meta.url).pathname;

/**
 * A whole-page screenshot of `page` into docs/ as `name`, taken only when asked (VOUCH_SCREENSHOTS=1), not
 * at every test run.
 */
export async function docsScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.VOUCH_SCREENSHOTS !== '1') return;
  mkdirSync(DOCS, { recursive: true });
  await page.screenshot({ path: `${DOCS}${name}`, fullPage: true });
}
