import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSessionCookie, browserTests, launchChromium, watchedPage } from './helpers/browser.js';
import { PASSWORD, teammate } from './helpers/teammates.js';
import { api, startTestApp, type TestApp } from './helpers/test-app.js';

const { skip } = browserTests('dashboard-browser');

describe.skipIf(skip)('the dashboard in Chromium', { timeout: 60_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let owner: Awaited<ReturnType<typeof teammate>>;
  /** What the browser reported that a person would not see: CSP refusals, uncaught errors. */
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp({ stripe: true });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    owner = await teammate(t, 'owner', 'owner@example.com');
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A page of the dashboard, signed in as the owner (the cookie of a sign-in made through the API). */
  async function open(path: string, signedIn = true): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    if (signedIn) await addSessionCookie(context, base, owner.cookie);
    const page = await watchedPage(context, problems);
    await page.goto(`${base}/dashboard${path}`);
    return { context, page };
  }

  it('shows the navigation of every area and settings, and moves between pages', async () => {
    const { context, page } = await open('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Overview', 'Campaigns', 'Referrers', 'Leads', 'Syncs', 'Codes', 'Rewards']) {
      await nav.getByRole('link', { name, exact: true }).waitFor();
    }
    const settings = nav.getByRole('group', { name: 'Settings' });
    for (const name of ['Stripe', 'API keys', 'Outgoing webhooks', 'Teammates', 'Audit log']) {
      await settings.getByRole('link', { name, exact: true }).waitFor();
    }
    expect(await nav.getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('button', { name: 'Account: owner@example.com, owner' }).waitFor();

    await nav.getByRole('link', { name: 'Campaigns' }).click();
    await page.getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/dashboard/campaigns');

    // A deep link straight into a client route, as after a reload.
    await page.goto(`${base}/dashboard/settings/teammates`);
    await page.getByRole('heading', { name: 'Teammates', level: 1 }).waitFor();
    await page.goto(`${base}/dashboard/no/such/page`);
    await page.getByText('No such page').waitFor();
    await context.close();
    expect(problems).toEqual([]);
  });

  it('sends a visitor without a session to sign in, and back to the page asked for', async () => {
    const { context, page } = await open('/settings/api-keys?revoked=true', false);
    await page.getByRole('heading', { name: 'Sign in to Vouch' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/settings/api-keys?revoked=true');

    await page.getByLabel('Email').fill('owner@example.com');
    await page.getByRole('textbox', { name: 'Password' }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Not signed in' }).waitFor();

    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'API keys', level: 1 }).waitFor();
    const url = new URL(page.url());
    expect(`${url.pathname}${url.search}`).toBe('/dashboard/settings/api-keys?revoked=true');
    // Nothing of the session is kept where a script could read it later.
    expect(await page.evaluate('localStorage.length + sessionStorage.length')).toBe(0);
    await context.close();
    expect(problems).toEqual([]);
  });

  it('shows a refused request as an error with a retry, not a blank page', async () => {
    const { context, page } = await open('/settings/stripe/sc_missing');
    const alert = page.getByRole('alert').filter({ hasText: 'Something went wrong' });
    await alert.waitFor();
    await alert.getByRole('button', { name: 'Retry' }).waitFor();
    await context.close();
    expect(problems).toEqual([]);
  });

  it('creates an API key, shows its secret once, and revokes it', async () => {
    const { context, page } = await open('/settings/api-keys');
    await page
      .getByRole('table', { name: 'API keys' })
      .getByRole('cell', { name: 'test secret', exact: true })
      .waitFor();

    await page.getByRole('button', { name: 'Create API key' }).click();
    const form = page.getByRole('dialog', { name: 'Create an API key' });
    await form.getByRole('button', { name: 'Create key' }).click();
    // The server's refusal, under the field it names.
    await form.getByText('must not be empty').waitFor();
    expect(await form.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Name').fill('Checkout server');
    await form.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByRole('dialog', { name: 'Your new API key' });
    await shown.getByText('will not be shown again').waitFor();
    const secret = await shown.locator('code').innerText();
    expect(secret).toMatch(/^vch_sk_/);
    await shown.getByRole('button', { name: 'Copy the secret' }).waitFor();
    await shown.getByRole('button', { name: 'I have copied it' }).click();

    // The key exists and works: checked through the API with the secret the page showed.
    const listed = await api(t, 'GET', '/v1/api_keys', undefined, secret);
    expect(listed.status).toBe(200);
    const created = listed.body.data.find((k: { name: string }) => k.name === 'Checkout server');
    expect(created).toMatchObject({ kind: 'secret', revoked_at: null });

    await page.getByRole('button', { name: 'Revoke Checkout server' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke "Checkout server"?' });
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await confirm.waitFor({ state: 'hidden' });
    const after = await api(t, 'GET', `/v1/api_keys/${created.id}`);
    expect(after.body.revoked_at).not.toBeNull();
    expect((await api(t, 'GET', '/v1/api_keys', undefined, secret)).status).toBe(401);
    await context.close();
    expect(problems).toEqual([]);
  });

  it('adds an outgoing webhook endpoint, mapping the API error to its field, and opens its delivery log', async () => {
    const { context, page } = await open('/settings/webhooks');
    await page.getByRole('table', { name: 'Webhook endpoints' }).getByText('No endpoints yet.').waitFor();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const form = page.getByRole('dialog', { name: 'Add a webhook endpoint' });
    await form.getByLabel('URL').fill('ftp://example.com/hook');
    await form.getByRole('checkbox', { name: 'lead.qualified' }).check();
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await form.getByText('must be an http:// or https:// URL').waitFor();
    expect(await form.getByLabel('URL').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('URL').fill('https://example.com/hook');
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    const shown = page.getByRole('dialog', { name: "The endpoint's signing secret" });
    expect(await shown.locator('code').innerText()).toMatch(/^whsec_/);
    await shown.getByRole('button', { name: 'I have copied it' }).click();

    await page.getByRole('heading', { name: 'Deliveries' }).waitFor();
    await page.getByRole('table', { name: 'Deliveries' }).getByText('Nothing was sent').waitFor();
    const endpoints = await api(t, 'GET', '/v1/webhook_endpoints');
    expect(endpoints.body.data).toMatchObject([
      { url: 'https://example.com/hook', event_types: ['lead.qualified'], status: 'active' },
    ]);
    expect(new URL(page.url()).pathname).toBe(`/dashboard/settings/webhooks/${endpoints.body.data[0].id}`);
    await context.close();
    expect(problems).toEqual([]);
  });

  it('lists Stripe connections and shows a refused key under the key field', async () => {
    const { context, page } = await open('/settings/stripe');
    await page.getByText('No Stripe account is connected yet').waitFor();
    await page.getByRole('button', { name: 'Connect an account' }).click();
    const form = page.getByRole('dialog', { name: 'Connect a Stripe account' });
    await form.getByLabel('Stripe API key').fill('pk_test_not_a_secret_key');
    await form.getByRole('button', { name: 'Connect', exact: true }).click();
    await form.getByText('must be a Stripe secret key').waitFor();
    expect(await form.getByLabel('Stripe API key').getAttribute('aria-invalid')).toBe('true');
    await context.close();
    expect(problems).toEqual([]);
  });

  /**
   * Not a check: prints how long the first screen takes here (navigation start to the sign-in form shown),
   * the median of 5 fresh loads, for docs/dashboard.md. Timings vary by machine, so nothing is asserted.
   */
  it('prints the time to the first render of the sign-in page', async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext();
      const page = await watchedPage(context, problems);
      await page.goto(`${base}/dashboard/sign-in`);
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      times.push(Number(await page.evaluate('performance.now()')));
      await context.close();
    }
    times.sort((a, b) => a - b);
    console.info(
      `dashboard first render (sign-in form visible): median ${Math.round(times[2]!)} ms of`,
      times.map(Math.round),
    );
    expect(problems).toEqual([]);
  });
});
