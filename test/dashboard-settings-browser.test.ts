import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSessionCookie, browserTests, launchChromium, watchedPage, watchPage } from './helpers/browser.js';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { PASSWORD, type Browser as Session, teammate } from './helpers/teammates.js';
import { api } from './helpers/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver.js';

const { skip } = browserTests('dashboard-settings-browser');

/**
 * The settings an owner manages, walked in Chromium against a Vouch with the sandbox Stripe: connecting
 * Stripe by OAuth, rotating a webhook endpoint's secret and replaying a delivery, signing out everywhere,
 * withdrawing an invitation, changing a role and removing a teammate. Each outcome is checked where the
 * server keeps it. No page may report a CSP violation or a script error (test/dashboard-csp-browser.test.ts
 * walks every page for that).
 */
// Each step signs people in (a slow password hash by design) and loads pages in several browsers.
describe.skipIf(skip)('settings in Chromium', { timeout: 60_000 }, () => {
  let env: StripeEnv;
  let receiver: WebhookReceiver;
  let browser: Browser;
  let owner: Session;
  const problems: string[] = [];
  const url = (path: string) => `${env.baseUrl}/dashboard${path}`;

  beforeAll(async () => {
    browser = await launchChromium();
    receiver = await startWebhookReceiver();
    env = await startStripeEnv({ oauth: true, outgoingWebhooks: { allowPrivate: true } });
    owner = await teammate(env, 'owner', 'owner@example.com');
  });

  afterAll(async () => {
    await browser?.close();
    await env?.close();
    await receiver?.close();
  });

  /** A page of the dashboard in a browser of its own, signed in as the owner. */
  async function open(path: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    await addSessionCookie(context, env.baseUrl, owner.cookie);
    const page = await watchedPage(context, problems);
    await page.goto(url(path));
    return { context, page };
  }

  const sessionsOf = (userId: string) =>
    env.db.database.db.selectFrom('sessions').select('revoked_at').where('user_id', '=', userId).execute();

  it('connects a Stripe account by OAuth: Stripe approves in another tab, the dashboard opens it', async () => {
    const { context, page } = await open('/settings/stripe');
    await page.getByRole('button', { name: 'Connect an account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connect a Stripe account' });
    await dialog.getByRole('button', { name: 'Connect with Stripe (OAuth)' }).click();
    await dialog.getByText('Waiting for the approval').waitFor();

    // The account's owner opens Stripe's page; the sandbox plays Stripe, approves at once and sends them back.
    const [stripeTab] = await Promise.all([
      context.waitForEvent('page'),
      dialog.getByRole('link', { name: "Stripe's approval page" }).click(),
    ]);
    await watchPage(stripeTab, problems);
    await stripeTab.getByRole('heading', { name: 'Stripe connected' }).waitFor();
    const connections = (await api(env, 'GET', '/v1/stripe/connections')).body.data;
    expect(connections).toMatchObject([{ method: 'oauth', status: 'active', mode: 'test' }]);
    const connection = connections[0];

    // Back in the dashboard, the connection it made opens by itself, healthy.
    await page.bringToFront();
    await page.waitForURL(url(`/settings/stripe/${connection.id}`));
    await page.getByRole('heading', { name: connection.name, level: 1 }).waitFor();
    await page
      .getByRole('list', { name: 'Health checks' })
      .getByText('Stripe accepts the API key.')
      .waitFor();
    // The page Stripe sent the owner back to leads there too.
    await stripeTab.getByRole('link', { name: 'See it in the dashboard' }).click();
    await stripeTab.getByRole('heading', { name: connection.name, level: 1 }).waitFor();

    const audit = (await api(env, 'GET', '/v1/audit_log?object_type=stripe_connection')).body.data;
    expect(audit[0]).toMatchObject({
      action: 'stripe_connection.connected',
      object_id: connection.id,
      actor: { kind: 'user', label: 'owner@example.com' },
    });
    await context.close();
    expect(problems).toEqual([]);
  });

  it("rotates an endpoint's secret (shown once; the old one signs no more) and replays a delivery", async () => {
    const made = await api(env, 'POST', '/v1/webhook_endpoints', {
      url: receiver.url,
      event_types: ['lead.qualified'],
    });
    const endpointId: string = made.body.id;
    const oldSecret: string = made.body.secret;
    receiver.secret = oldSecret;
    const { context, page } = await open(`/settings/webhooks/${endpointId}`);
    const deliveries = page.getByRole('table', { name: 'Deliveries' });
    await page.getByRole('button', { name: 'Send test ping' }).click();
    await deliveries.getByText('succeeded').waitFor();
    const ping = (await api(env, 'GET', `/v1/webhook_endpoints/${endpointId}/deliveries`)).body.data[0];
    expect(receiver.received.map((r) => r.verified)).toEqual([true]);

    await page.getByRole('button', { name: 'Rotate secret' }).click();
    const confirm = page.getByRole('dialog', { name: 'Give this endpoint a new signing secret?' });
    await confirm.getByLabel('Hours the old secret keeps signing').fill('0');
    await confirm.getByRole('button', { name: 'Rotate', exact: true }).click();
    const shown = page.getByRole('dialog', { name: 'The new signing secret' });
    await shown.getByText('will not be shown again').waitFor();
    const newSecret = await shown.locator('code').innerText();
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(oldSecret);
    await shown.getByRole('button', { name: 'I have copied it' }).click();
    await shown.waitFor({ state: 'hidden' });
    // Shown once: neither the page nor the API has it any more, and no old secret keeps signing.
    await page.reload();
    await deliveries.getByText('succeeded').waitFor();
    expect(await page.content()).not.toContain(newSecret);
    const endpoint = await api(env, 'GET', `/v1/webhook_endpoints/${endpointId}`);
    expect(endpoint.body.previous_secret_expires_at).toBeNull();
    expect(JSON.stringify(endpoint.body)).not.toContain('whsec_');

    // The receiver still checks with the old secret: the replay from the log does not verify there.
    const replay = deliveries.getByRole('button', { name: `Replay delivery ${ping.id}` });
    await replay.click();
    await page.getByText('Delivery failed again').waitFor();
    await deliveries.getByRole('cell', { name: /^400: / }).waitFor();
    expect(receiver.received.map((r) => r.verified)).toEqual([true, false]);

    // With the new secret it does.
    receiver.secret = newSecret;
    await replay.click();
    await page.getByText('Delivered', { exact: true }).waitFor();
    await deliveries.getByRole('cell', { name: '200', exact: true }).waitFor();
    expect(receiver.received.map((r) => r.verified)).toEqual([true, false, true]);
    expect(receiver.received[2]!.raw.equals(receiver.received[0]!.raw)).toBe(true);
    const stored = await api(env, 'GET', `/v1/webhook_deliveries/${ping.id}`);
    expect(stored.body).toMatchObject({ status: 'succeeded', attempt_count: 3, last_status_code: 200 });
    expect(
      stored.body.attempts.map((a: { trigger: string; status_code: number }) => [a.trigger, a.status_code]),
    ).toEqual([
      ['test', 200],
      ['replay', 400],
      ['replay', 200],
    ]);
    await context.close();
    expect(problems).toEqual([]);
  });

  /** Signs in through the sign-in page in a new browser. */
  async function signInThroughPage(email: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    const page = await watchedPage(context, problems);
    await page.goto(url('/sign-in'));
    await page.getByLabel('Email').fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    return { context, page };
  }

  it('signs out everywhere: the session in another browser ends too', async () => {
    const editor = await teammate(env, 'editor', 'two-browsers@example.com');
    const laptop = await signInThroughPage(editor.user.email);
    const phone = await signInThroughPage(editor.user.email);
    expect((await sessionsOf(editor.user.id)).filter((s) => s.revoked_at === null)).toHaveLength(3);

    const menu = laptop.page.getByRole('button', { name: `Account: ${editor.user.email}, editor` });
    await menu.click();
    await laptop.page.getByRole('menuitem', { name: 'Sign out everywhere' }).click();
    await laptop.page.getByRole('heading', { name: 'Sign in to Vouch' }).waitFor();

    // Every session of the teammate ended, the one made through the API too.
    const sessions = await sessionsOf(editor.user.id);
    expect(sessions).toHaveLength(3);
    expect(sessions.every((s) => s.revoked_at !== null)).toBe(true);
    // The other browser learns at its next request, and is sent to sign in, then back to where it was going.
    await phone.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'API keys', exact: true })
      .click();
    await phone.page.getByRole('heading', { name: 'Sign in to Vouch' }).waitFor();
    expect(new URL(phone.page.url()).searchParams.get('next')).toBe('/settings/api-keys');
    expect((await phone.page.request.get(`${env.baseUrl}/v1/session`)).status()).toBe(401);
    await laptop.context.close();
    await phone.context.close();
    expect(problems).toEqual([]);
  });

  it('withdraws a pending invitation, whose link is then refused', async () => {
    const { context, page } = await open('/settings/teammates');
    await page.getByRole('button', { name: 'Invite a teammate' }).click();
    const form = page.getByRole('dialog', { name: 'Invite a teammate' });
    await form.getByLabel('Email').fill('withdrawn@example.com');
    await form.getByRole('button', { name: 'Create invitation' }).click();
    const shown = page.getByRole('dialog', { name: 'The invitation link' });
    const link = await shown.locator('code').innerText();
    await shown.getByRole('button', { name: 'Done' }).click();
    const invites = page.getByRole('table', { name: 'Pending invitations' });
    await invites.getByRole('cell', { name: 'withdrawn@example.com', exact: true }).waitFor();

    await invites.getByRole('button', { name: 'Withdraw the invitation of withdrawn@example.com' }).click();
    const confirm = page.getByRole('dialog', { name: 'Withdraw the invitation of withdrawn@example.com?' });
    await confirm.getByRole('button', { name: 'Withdraw', exact: true }).click();
    await confirm.waitFor({ state: 'hidden' });
    await invites.getByText('No open invitations.').waitFor();
    const rows = await env.db.database.db
      .selectFrom('invites')
      .select(['revoked_at', 'accepted_at'])
      .where('email', '=', 'withdrawn@example.com')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.revoked_at).not.toBeNull();
    expect(rows[0]!.accepted_at).toBeNull();

    // The person invited opens the link: it says why it no longer works, and offers nothing to fill in.
    const invited = await watchedPage(await browser.newContext(), problems);
    await invited.goto(link);
    const refused = invited.getByRole('alert').filter({ hasText: 'This invitation link does not work' });
    await refused.getByText('This invitation was withdrawn').waitFor();
    expect(await invited.getByRole('button', { name: 'Accept invitation' }).count()).toBe(0);
    const token = new URL(link).searchParams.get('token')!;
    const accept = await api(env, 'POST', '/v1/invites/accept', { token, name: 'Late', password: PASSWORD });
    expect(accept.status).toBe(410);
    expect(accept.body.error.code).toBe('invite_revoked');
    expect(
      (await api(env, 'GET', '/v1/users?limit=100')).body.data.map((u: { email: string }) => u.email),
    ).not.toContain('withdrawn@example.com');
    await invited.context().close();
    await context.close();
    expect(problems).toEqual([]);
  });

  it('changes a role and removes a teammate; the last owner cannot be removed', async () => {
    const promoted = await teammate(env, 'viewer', 'promoted@example.com');
    const leaving = await teammate(env, 'editor', 'leaving@example.com');
    const { context, page } = await open('/settings/teammates');
    const table = page.getByRole('table', { name: 'Teammates' });

    await table.getByRole('combobox', { name: 'Role of promoted@example.com' }).click();
    await page.getByRole('option', { name: 'admin', exact: true }).click();
    await expect
      .poll(async () => (await api(env, 'GET', `/v1/users/${promoted.user.id}`)).body.role)
      .toBe('admin');
    // At once, in the session they already have.
    const theirs = await env.app.inject({ method: 'GET', url: '/v1/session', headers: promoted.headers() });
    expect(theirs.json().user.role).toBe('admin');

    await table.getByRole('button', { name: 'Remove leaving@example.com' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove leaving@example.com?' });
    await confirm.getByRole('button', { name: 'Remove teammate' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await expect
      .poll(() => table.getByRole('cell', { name: 'leaving@example.com', exact: true }).count())
      .toBe(0);
    expect((await api(env, 'GET', `/v1/users/${leaving.user.id}`)).status).toBe(404);
    const ended = await env.app.inject({ method: 'GET', url: '/v1/session', headers: leaving.headers() });
    expect(ended.statusCode).toBe(401);

    // The only owner: the server refuses, and the dialog shows its words.
    await table.getByRole('button', { name: 'Remove owner@example.com' }).click();
    const last = page.getByRole('dialog', { name: 'Remove owner@example.com?' });
    await last.getByRole('button', { name: 'Remove teammate' }).click();
    await last.getByRole('alert').getByText('This is the only owner').waitFor();
    expect((await api(env, 'GET', `/v1/users/${owner.user.id}`)).body).toMatchObject({ role: 'owner' });
    const actions = (await api(env, 'GET', '/v1/audit_log?object_type=user')).body.data.map(
      (e: { action: string; object_id: string }) => [e.action, e.object_id],
    );
    expect(actions).toContainEqual(['teammate.role_changed', promoted.user.id]);
    expect(actions).toContainEqual(['teammate.removed', leaving.user.id]);
    expect(actions).not.toContainEqual(['teammate.removed', owner.user.id]);
    await context.close();
    expect(problems).toEqual([]);
  });
});
