import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addSessionCookie,
  browserTests,
  docsScreenshot,
  launchChromium,
  watchedPage,
} from './helpers/browser.js';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { teammate } from './helpers/teammates.js';
import { api, eventually } from './helpers/test-app.js';

const { skip } = browserTests('dashboard-overview-browser');

/**
 * The overview as an owner watches it, on the sandbox Stripe: a friend's payment and refund show in the
 * figures and the top referrers with no reload, the period and campaign are kept in the address, the
 * referrers' CSV export downloads what the table selects, and a viewer sees the same with nothing to change.
 * (The builder, the hosted sign-up, the lead's live page and the CSV import are walked in
 * dashboard-campaigns-browser and dashboard-leads-browser.)
 */
describe.skipIf(skip)('the overview in Chromium', { timeout: 120_000 }, () => {
  let env: StripeEnv;
  let browser: Browser;
  let owner: Page;
  let campaignId: string;
  let otherId: string;
  let referrerId: string;
  const problems: string[] = [];
  const url = (path: string) => `${env.baseUrl}/dashboard${path}`;

  beforeAll(async () => {
    browser = await launchChromium();
    env = await startStripeEnv();
    const session = await teammate(env, 'owner', 'owner@example.com');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await addSessionCookie(context, env.baseUrl, session.cookie);
    owner = await watchedPage(context, problems);
    const connection = await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_overview' });
    const campaign = await api(env, 'POST', '/v1/campaigns', {
      name: 'Friends of Acme',
      status: 'live',
      connection_id: connection.body.id,
      qualification: { method: 'spend', target_amount: 5000, window_days: 30, refunds_unqualify: true },
      customers: { create: 'immediately' },
    });
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(200);
    campaignId = campaign.body.id;
    otherId = (await api(env, 'POST', '/v1/campaigns', { name: 'Quiet campaign', status: 'live' })).body.id;
    const referrer = await api(env, 'POST', `/v1/campaigns/${campaignId}/referrers`, {
      email: 'rita@example.com',
      first_name: 'Rita',
      last_name: 'Reyes',
      referral_code: 'RITA-1',
    });
    referrerId = referrer.body.id;
    for (const [email, first_name] of [
      ['eve@example.com', '=cmd'],
      ['sam@example.com', 'Sam, "the man"'],
    ])
      await api(env, 'POST', `/v1/campaigns/${campaignId}/referrers`, { email, first_name });
  });

  afterAll(async () => {
    await browser?.close();
    await env?.close();
  });

  const figure = (page: Page, label: string) => page.getByRole('group', { name: label, exact: true });

  it('follows a payment and a refund on the overview, with no reload', async () => {
    await owner.goto(url('/'));
    await owner.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    await figure(owner, 'Sign-ups').getByText('3', { exact: true }).waitFor();
    await figure(owner, 'Leads').getByText('0', { exact: true }).waitFor();
    await owner
      .getByRole('region', { name: 'Top referrers' })
      .getByText('No referrals in this period yet.')
      .waitFor();
    // The charts arrive as a file of their own.
    await owner
      .getByRole('region', { name: 'Referrals over time' })
      .locator('.recharts-surface')
      .first()
      .waitFor();
    await owner.evaluate('window.notReloaded = true');

    const lead = await api(env, 'POST', `/v1/campaigns/${campaignId}/leads`, {
      email: 'fran@example.com',
      first_name: 'Fran',
      referrer: referrerId,
    });
    await eventually(
      async () => (await api(env, 'GET', `/v1/leads/${lead.body.id}`)).body.customers.length > 0,
    );
    const customer = (await api(env, 'GET', `/v1/leads/${lead.body.id}`)).body.customers[0].id;
    const charge = (
      await env.stripe.paymentIntents.create({
        amount: 6000,
        currency: 'usd',
        customer,
        payment_method: 'pm_card_visa',
        confirm: true,
      })
    ).latest_charge as string;
    await figure(owner, 'Qualified').getByText('1', { exact: true }).waitFor({ timeout: 15_000 });
    await figure(owner, 'Revenue').getByText('$60.00').waitFor({ timeout: 15_000 });
    await figure(owner, 'Qualification rate').getByText('100%').waitFor();
    const top = owner.getByRole('table', { name: 'Top referrers' });
    await top.getByRole('link', { name: 'Rita Reyes' }).waitFor();
    const summary = (await api(env, 'GET', `/v1/analytics/summary`)).body;
    expect(summary).toMatchObject({ leads: 1, qualified: 1, revenue: [{ amount: 6000, currency: 'usd' }] });

    await env.stripe.refunds.create({ charge, amount: 2000 });
    await figure(owner, 'Revenue').getByText('$40.00').waitFor({ timeout: 15_000 });
    await figure(owner, 'Qualified').getByText('0', { exact: true }).waitFor({ timeout: 15_000 });
    expect(await owner.evaluate('window.notReloaded')).toBe(true);
    await docsScreenshot(owner, 'dashboard-overview.png');

    // The campaign and the period live in the address; the quiet campaign has none of it.
    await owner.getByRole('combobox', { name: 'Campaign' }).click();
    await owner.getByRole('option', { name: 'Quiet campaign' }).click();
    await owner.waitForURL(new RegExp(`campaign=${otherId}`));
    await figure(owner, 'Sign-ups').getByText('0', { exact: true }).waitFor();
    await owner.getByText('90 days').click();
    await owner.waitForURL(/days=90/);
    await owner.getByText('Week', { exact: true }).click();
    await owner.waitForURL(/interval=week/);
    await top.getByRole('link').first().waitFor({ state: 'detached' });

    // The top referrer opens the referrer's page.
    await owner.goto(url(`/?campaign=${campaignId}`));
    await top.getByRole('link', { name: 'Rita Reyes' }).click();
    await owner.getByRole('heading', { name: 'Rita Reyes', level: 1 }).waitFor();
    expect(problems).toEqual([]);
  });

  it('downloads the referrers the table selects as CSV', async () => {
    await owner.goto(url(`/referrers?campaign=${campaignId}&sort=email`));
    await owner.getByRole('status').filter({ hasText: '3 referrers' }).waitFor();
    const download = owner.waitForEvent('download');
    await owner.getByRole('link', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`referrers-${campaignId}.csv`);
    const rows: Record<string, string>[] = parse(readFileSync((await file.path())!, 'utf8'), {
      columns: true,
    });
    expect(rows.map((r) => [r.email, r.first_name, r.referrals_count])).toEqual([
      ['eve@example.com', "'=cmd", '0'],
      ['rita@example.com', 'Rita', '1'],
      ['sam@example.com', 'Sam, "the man"', '0'],
    ]);
    expect(problems).toEqual([]);
  });

  it('shows a viewer the overview and the export, and nothing to change', async () => {
    const viewer = await teammate(env, 'viewer', 'viewer@example.com');
    const context = await browser.newContext();
    await addSessionCookie(context, env.baseUrl, viewer.cookie);
    const page = await watchedPage(context, problems);
    await page.goto(url(`/?campaign=${campaignId}`));
    await figure(page, 'Revenue').getByText('$40.00').waitFor();
    await page
      .getByRole('table', { name: 'Top referrers' })
      .getByRole('link', { name: 'Rita Reyes' })
      .waitFor();

    await page.goto(url(`/referrers?campaign=${campaignId}`));
    await page.getByRole('status').filter({ hasText: '3 referrers' }).waitFor();
    for (const name of ['Add referrer', 'Import CSV', 'Codes for everyone'])
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const rows = parse(readFileSync((await (await download).path())!, 'utf8'), { columns: true });
    expect(rows).toHaveLength(3);
    // What the page does not offer, the server refuses, with the viewer's cookie and CSRF token.
    const add = await page.request.post(`${env.baseUrl}/v1/campaigns/${campaignId}/referrers`, {
      headers: { 'x-csrf-token': viewer.csrf },
      data: { email: 'sneaky@example.com', first_name: 'Sneaky' },
    });
    expect(add.status()).toBe(403);
    expect((await add.json()).error.code).toBe('role_forbidden');
    expect(problems).toEqual([]);
    await context.close();
  });
});
