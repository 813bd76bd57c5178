import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTests, launchChromium, watchedPage } from './helpers/browser.js';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { PASSWORD } from './helpers/teammates.js';
import { api, eventually } from './helpers/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver.js';

const { skip } = browserTests('dashboard-people-browser');
const DOCS = new URL('../docs/', import.meta.url).pathname;
/** The docs' screenshots are taken again only when asked (VOUCH_SCREENSHOTS=1), not at every test run. */
const screenshot = async (page: Page, name: string, fullPage = false) => {
  if (process.env.VOUCH_SCREENSHOTS === '1') await page.screenshot({ path: `${DOCS}${name}`, fullPage });
};

/**
 * A whole first day with the dashboard, as people do it: the owner sets Vouch up from the server itself,
 * signs out and in, invites an editor and a viewer (each accepting in a browser of their own), connects the
 * sandbox Stripe, makes and revokes an API key, adds a webhook endpoint and pings it, and reads the audit log;
 * the viewer is offered no write, and the server refuses one tried anyway. Each outcome is checked through
 * the API too.
 */
describe.skipIf(skip)('teammates, roles and the audit log in Chromium', { timeout: 90_000 }, () => {
  let env: StripeEnv;
  let receiver: WebhookReceiver;
  let browser: Browser;
  let owner: Page;
  const people: Record<string, { context: BrowserContext; page: Page }> = {};
  const problems: string[] = [];
  const url = (path: string) => `${env.baseUrl}/dashboard${path}`;

  beforeAll(async () => {
    browser = await launchChromium();
    receiver = await startWebhookReceiver();
    env = await startStripeEnv({ outgoingWebhooks: { allowPrivate: true } });
    owner = await watchedPage(await browser.newContext({ viewport: { width: 1280, height: 800 } }), problems);
    mkdirSync(DOCS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await env?.close();
    await receiver?.close();
  });

  async function signIn(page: Page, email: string) {
    await page.getByLabel('Email').fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('sets up the owner from the server itself, signs out and signs in again', async () => {
    await owner.goto(url('/'));
    await owner.getByRole('heading', { name: 'Set up Vouch' }).waitFor();
    await owner.getByLabel('Email').fill('owner@example.com');
    await owner.getByLabel('Name').fill('Olive Owner');
    await owner.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await owner.getByRole('button', { name: 'Create owner' }).click();
    await owner.getByRole('button', { name: 'Account: owner@example.com, owner' }).waitFor();
    const users = await api(env, 'GET', '/v1/users');
    expect(users.body.data).toMatchObject([{ email: 'owner@example.com', role: 'owner' }]);
    expect((await api(env, 'GET', '/v1/setup')).body.needed).toBe(false);

    await owner.getByRole('button', { name: 'Account: owner@example.com, owner' }).click();
    await owner.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await owner.getByRole('heading', { name: 'Sign in to Vouch' }).waitFor();
    expect((await owner.request.get(`${env.baseUrl}/v1/session`)).status()).toBe(401);
    await screenshot(owner, 'dashboard-sign-in.png');

    await signIn(owner, 'owner@example.com');
    await owner.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    expect((await owner.request.get(`${env.baseUrl}/v1/session`)).status()).toBe(200);
  });

  async function invite(email: string, role: 'editor' | 'viewer') {
    await owner.goto(url('/settings/teammates'));
    await owner.getByRole('button', { name: 'Invite a teammate' }).click();
    const form = owner.getByRole('dialog', { name: 'Invite a teammate' });
    await form.getByLabel('Email').fill(email);
    const roleField = form.getByRole('combobox', { name: 'Role', exact: true });
    // Viewer is what the form starts with: the role least able to do harm.
    if (role !== 'viewer') {
      await roleField.click();
      await form.getByRole('option', { name: new RegExp(`^${role}:`, 'i') }).click();
    }
    expect(await roleField.inputValue()).toMatch(new RegExp(`^${role}:`, 'i'));
    await form.getByRole('button', { name: 'Create invitation' }).click();
    const shown = owner.getByRole('dialog', { name: 'The invitation link' });
    const link = await shown.locator('code').innerText();
    await shown.getByRole('button', { name: 'Copy the invitation link' }).waitFor();
    await shown.getByRole('button', { name: 'Done' }).click();
    await owner
      .getByRole('table', { name: 'Pending invitations' })
      .getByRole('cell', { name: email, exact: true })
      .waitFor();

    // The invited person opens the link in a browser of their own.
    expect(link).toMatch(/\/dashboard\/invite\?token=/);
    const context = await browser.newContext();
    const page = await watchedPage(context, problems);
    await page.goto(link);
    await page.getByText(`Invited: ${email} as`).waitFor();
    await page.getByLabel('The invitation').getByText(role, { exact: true }).waitFor();
    await page.getByLabel('Name').fill(`A ${role}`);
    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await page.getByRole('button', { name: `Account: ${email}, ${role}` }).waitFor();
    people[role] = { context, page };
  }

  it('invites an editor and a viewer, who accept in browsers of their own; the last owner stays', async () => {
    await invite('editor@example.com', 'editor');
    await invite('viewer@example.com', 'viewer');
    const users = await api(env, 'GET', '/v1/users');
    expect(users.body.data.map((u: { email: string; role: string }) => [u.email, u.role]).sort()).toEqual([
      ['editor@example.com', 'editor'],
      ['owner@example.com', 'owner'],
      ['viewer@example.com', 'viewer'],
    ]);
    // Accepted invitations are no longer open (listing them is for owners: the owner's session asks).
    const open = await (await owner.request.get(`${env.baseUrl}/v1/invites`)).json();
    expect(open.data).toEqual([]);

    await owner.goto(url('/settings/teammates'));
    const table = owner.getByRole('table', { name: 'Teammates' });
    await table.getByRole('cell', { name: 'viewer@example.com', exact: true }).waitFor();
    await owner
      .getByRole('table', { name: 'Pending invitations' })
      .getByText('No open invitations.')
      .waitFor();
    await screenshot(owner, 'dashboard-teammates.png', true);

    // The only owner may not make themselves an admin: the server's refusal is shown.
    await table.getByRole('combobox', { name: 'Role of owner@example.com' }).click();
    await owner.getByRole('option', { name: 'admin', exact: true }).click();
    await owner.getByRole('alert').filter({ hasText: 'Role not changed' }).waitFor();
    const stillOwner = await api(env, 'GET', '/v1/users');
    expect(stillOwner.body.data.find((u: { email: string }) => u.email === 'owner@example.com').role).toBe(
      'owner',
    );
  });

  it('connects the sandbox Stripe by key and shows its health checks green', async () => {
    await owner.goto(url('/settings/stripe'));
    await owner.getByRole('button', { name: 'Connect an account' }).click();
    const form = owner.getByRole('dialog', { name: 'Connect a Stripe account' });
    await form.getByLabel('Stripe API key').fill('sk_test_dashboard_walk');
    await form.getByRole('button', { name: 'Connect', exact: true }).click();
    const health = owner.getByRole('list', { name: 'Health checks' });
    await health.getByText('Stripe accepts the API key.').waitFor();
    await health.getByText('exists and is enabled.').waitFor();
    expect(await health.getByText('Problem:').count()).toBe(0);
    const connections = await api(env, 'GET', '/v1/stripe/connections');
    expect(connections.body.data).toMatchObject([{ status: 'active', mode: 'test' }]);

    // The campaigns using it, and its events inbox with the filter in the address.
    await api(env, 'POST', '/v1/campaigns', {
      name: 'Spring referrals',
      connection_id: connections.body.data[0].id,
    });
    await owner.reload();
    const campaigns = owner.getByRole('table', { name: 'Campaigns using this connection' });
    await campaigns.getByRole('cell', { name: 'Spring referrals' }).waitFor();
    await owner.getByText('No event has failed for good.').waitFor();
    // The filter's radios are drawn by their labels.
    await owner.getByRole('region', { name: 'Events inbox' }).getByText('All', { exact: true }).click();
    await owner.waitForURL(/events_status=all/);
    await owner.getByRole('table', { name: 'Events inbox' }).waitFor();
    await screenshot(owner, 'dashboard-stripe-connection.png', true);
  });

  it('creates and revokes an API key', async () => {
    await owner.goto(url('/settings/api-keys'));
    await owner.getByRole('button', { name: 'Create API key' }).click();
    const form = owner.getByRole('dialog', { name: 'Create an API key' });
    await form.getByLabel('Name').fill('Checkout server');
    await form.getByLabel('Role', { exact: true }).click();
    await owner.getByRole('option', { name: /^Editor/ }).click();
    await form.getByRole('button', { name: 'Create key' }).click();
    const shown = owner.getByRole('dialog', { name: 'Your new API key' });
    const secret = await shown.locator('code').innerText();
    await shown.getByRole('button', { name: 'I have copied it' }).click();
    // The key has the role chosen: it reads, and it may not manage keys.
    expect((await api(env, 'GET', '/v1/api_keys', undefined, secret)).status).toBe(200);
    const keys = await api(env, 'GET', '/v1/api_keys');
    expect(keys.body.data.find((k: { name: string }) => k.name === 'Checkout server')).toMatchObject({
      role: 'editor',
    });
    const refused = await api(env, 'POST', '/v1/api_keys', { name: 'from an editor key' }, secret);
    expect(refused.status).toBe(403);
    await owner.getByRole('table', { name: 'API keys' }).getByRole('cell', { name: 'editor' }).waitFor();

    await owner.getByRole('button', { name: 'Revoke Checkout server' }).click();
    const confirm = owner.getByRole('dialog', { name: 'Revoke "Checkout server"?' });
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect((await api(env, 'GET', '/v1/api_keys', undefined, secret)).status).toBe(401);
  });

  it('adds a webhook endpoint on a local receiver and shows its test delivery', async () => {
    await owner.goto(url('/settings/webhooks'));
    await owner.getByRole('button', { name: 'Add endpoint' }).click();
    const form = owner.getByRole('dialog', { name: 'Add a webhook endpoint' });
    await form.getByLabel('URL').fill(receiver.url);
    await form.getByRole('checkbox', { name: 'lead.qualified' }).check();
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    const shown = owner.getByRole('dialog', { name: "The endpoint's signing secret" });
    receiver.secret = await shown.locator('code').innerText();
    await shown.getByRole('button', { name: 'I have copied it' }).click();

    await owner.getByRole('button', { name: 'Send test ping' }).click();
    await owner.getByRole('table', { name: 'Deliveries' }).getByText('succeeded').waitFor();
    await eventually(() => receiver.received.some((r) => r.verified));
  });

  it('offers the viewer no write, and the server refuses one tried with their session', async () => {
    const { page } = people.viewer!;
    const connection = (await api(env, 'GET', '/v1/stripe/connections')).body.data[0];
    const endpoint = (await api(env, 'GET', '/v1/webhook_endpoints')).body.data[0];

    await page.goto(url('/settings/stripe'));
    await page.getByRole('table', { name: 'Stripe connections' }).getByRole('link').first().waitFor();
    expect(await page.getByRole('button', { name: 'Connect an account' }).count()).toBe(0);

    await page.goto(url(`/settings/stripe/${connection.id}`));
    await page
      .getByRole('list', { name: 'Health checks' })
      .getByText('Stripe accepts the API key.')
      .waitFor();
    for (const name of ['Disconnect', 'Reconcile events', 'Create the webhook endpoint again']) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }

    await page.goto(url('/settings/api-keys'));
    await page.getByRole('table', { name: 'API keys' }).getByRole('cell', { name: 'test secret' }).waitFor();
    expect(await page.getByRole('button', { name: 'Create API key' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Revoke / }).count()).toBe(0);

    await page.goto(url('/settings/webhooks'));
    await page.getByRole('table', { name: 'Webhook endpoints' }).getByRole('link').first().waitFor();
    expect(await page.getByRole('button', { name: 'Add endpoint' }).count()).toBe(0);
    await page.goto(url(`/settings/webhooks/${endpoint.id}`));
    await page.getByRole('table', { name: 'Deliveries' }).getByText('succeeded').waitFor();
    for (const name of ['Send test ping', 'Edit', 'Rotate secret', 'Delete', /^Replay/]) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }

    await page.goto(url('/settings/audit-log'));
    await page.getByText('only admins and owners may read it').waitFor();
    expect(await page.getByRole('table', { name: 'Audit log' }).count()).toBe(0);

    // What the page does not offer, the server refuses: a write with the viewer's cookie and CSRF token.
    const session = await (await page.request.get(`${env.baseUrl}/v1/session`)).json();
    const refused = await page.request.post(`${env.baseUrl}/v1/api_keys`, {
      headers: { 'x-csrf-token': session.csrf_token },
      data: { name: 'Not allowed', kind: 'secret' },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe('role_forbidden');
  });

  it('shows those actions in the audit log, newest first, filtered in the address', async () => {
    await owner.goto(url('/settings/audit-log'));
    const table = owner.getByRole('table', { name: 'Audit log' });
    for (const action of [
      'teammate.owner_set_up',
      'teammate.invited',
      'teammate.invite_accepted',
      'api_key.created',
      'api_key.revoked',
      'webhook_endpoint.created',
    ]) {
      await table.getByText(action, { exact: true }).first().waitFor();
    }
    const entries = (await api(env, 'GET', '/v1/audit_log')).body.data;
    const firstRow = table.getByRole('row').nth(1);
    expect(await firstRow.getByText(entries[0].action, { exact: true }).count()).toBe(1);
    await screenshot(owner, 'dashboard-audit-log.png', true);

    await owner.getByRole('combobox', { name: 'Object type' }).fill('api_key');
    await owner.waitForURL(/object_type=api_key/);
    await table.getByText('api_key.revoked').waitFor();
    await expect.poll(() => table.getByText('teammate.invited').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
