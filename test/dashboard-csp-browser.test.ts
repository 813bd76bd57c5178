import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSessionCookie, browserTests, launchChromium, watchedPage } from './helpers/browser.js';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { type Browser as Session, teammate } from './helpers/teammates.js';
import { api } from './helpers/test-app.js';

const { skip } = browserTests('dashboard-csp-browser');

/** The nonce the page was served with, and whether each of its <style> elements carries it. */
const STYLES = `(() => {
  const nonce = document.querySelector('meta[property="csp-nonce"]').nonce;
  return { nonce, styles: [...document.querySelectorAll('style')].map((s) => s.nonce === nonce) };
})()`;

async function stylesOf(page: Page): Promise<{ nonce: string; styles: boolean[] }> {
  return (await page.evaluate(STYLES)) as { nonce: string; styles: boolean[] };
}

/**
 * The dashboard's CSP (src/http/routes/dashboard.ts) allows a `<style>` element only with the nonce of its
 * response, and no inline style attribute. Every page, a modal and a menu are shown in Chromium, and the
 * browser must report no violation: the styles Mantine and the modals' scroll lock write at run time carry
 * the nonce, and nothing needs a style attribute.
 */
describe.skipIf(skip)("the dashboard's styles under its CSP, in Chromium", { timeout: 120_000 }, () => {
  let env: StripeEnv;
  let browser: Browser;
  let owner: Session;
  const problems: string[] = [];
  const url = (path: string) => `${env.baseUrl}/dashboard${path}`;

  beforeAll(async () => {
    browser = await launchChromium();
    env = await startStripeEnv();
    owner = await teammate(env, 'owner', 'owner@example.com');
  });

  afterAll(async () => {
    await browser?.close();
    await env?.close();
  });

  it('applies every style with the nonce of its page, and no page reports a CSP violation', async () => {
    // Something on every page: a connection (health checks, inbox) and an endpoint (its delivery log).
    const connection = await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_csp_walk' });
    expect(connection.status).toBe(200);
    const endpoint = await api(env, 'POST', '/v1/webhook_endpoints', {
      url: 'https://example.com/hook',
      event_types: ['lead.qualified'],
    });
    expect(endpoint.status).toBe(200);

    const context = await browser.newContext();
    await addSessionCookie(context, env.baseUrl, owner.cookie);
    const page = await watchedPage(context, problems);
    const paths = [
      '/',
      '/campaigns',
      '/referrers',
      '/leads',
      '/syncs',
      '/codes',
      '/rewards',
      '/settings/stripe',
      `/settings/stripe/${connection.body.id}`,
      '/settings/api-keys',
      '/settings/webhooks',
      `/settings/webhooks/${endpoint.body.id}`,
      '/settings/teammates',
      '/settings/audit-log',
    ];
    const nonces = new Set<string>();
    for (const path of paths) {
      await page.goto(url(path));
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      // What the page loads is shown too (tables, grids), before the next page.
      await page.waitForLoadState('networkidle');
      const { nonce, styles } = await stylesOf(page);
      expect(styles.length, path).toBeGreaterThan(0);
      expect(styles.every(Boolean), path).toBe(true);
      nonces.add(nonce);
    }
    // A new nonce for every page served.
    expect(nonces.size).toBe(paths.length);

    // A modal locks scrolling with a <style> of its own; a menu opens in a portal.
    await page.goto(url('/settings/stripe'));
    const before = (await stylesOf(page)).styles.length;
    await page.getByRole('button', { name: 'Connect an account' }).click();
    await page.getByRole('dialog', { name: 'Connect a Stripe account' }).waitFor();
    const open = await stylesOf(page);
    expect(open.styles.length).toBeGreaterThan(before);
    expect(open.styles.every(Boolean)).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Account: owner@example.com, owner' }).click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await page.goto(url('/no/such/page'));
    await page.getByText('No such page').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reports a <style> without the nonce: the watch on every browser test sees a violation', async () => {
    const context = await browser.newContext();
    await addSessionCookie(context, env.baseUrl, owner.cookie);
    const seen: string[] = [];
    const page = await watchedPage(context, seen);
    await page.goto(url('/'));
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(seen).toEqual([]);
    await page.evaluate(`document.head.appendChild(document.createElement('style')).textContent = 'body {}'`);
    await expect.poll(() => seen.some((p) => p.startsWith('CSP violation: style-src-elem'))).toBe(true);
    await context.close();
  });
});
