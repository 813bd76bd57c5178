import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const { skip } = browserTests('dashboard-leads-browser');

/**
 * The Referrers and Leads pages as an owner uses them, on the sandbox Stripe: a referrer added with a
 * generated code, a friend signing up on the hosted invite page and paying, the lead's page (left open)
 * following the payment and the refund live, a CSV of a thousand referrers imported, and a viewer who sees
 * everything and is offered no write. Each outcome is checked through the API too.
 */
// Generous limits: the machine running the browser also runs Vouch, PGlite and the Stripe emulator.
describe.skipIf(skip)('referrers and leads in Chromium', { timeout: 120_000 }, () => {
  let env: StripeEnv;
  let browser: Browser;
  let owner: Page;
  let campaignId: string;
  let referrer: { id: string; referral_code: string; referral_link: string };
  let leadId: string;
  let customerId: string;
  const problems: string[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'vouch-leads-'));
  const url = (path: string) => `${env.baseUrl}/dashboard${path}`;

  beforeAll(async () => {
    browser = await launchChromium();
    env = await startStripeEnv();
    const session = await teammate(env, 'owner', 'owner@example.com');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await addSessionCookie(context, env.baseUrl, session.cookie);
    owner = await watchedPage(context, problems);
    const connection = await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_leads_walk' });
    const campaign = await api(env, 'POST', '/v1/campaigns', {
      name: 'Friends of Acme',
      status: 'live',
      connection_id: connection.body.id,
      qualification: { method: 'spend', target_amount: 5000, window_days: 30, refunds_unqualify: true },
      customers: { create: 'immediately' },
    });
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(200);
    campaignId = campaign.body.id;
  });

  afterAll(async () => {
    await browser?.close();
    await env?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('adds a referrer with a generated referral code', async () => {
    await owner.goto(url('/referrers'));
    // The only campaign is chosen, and the choice is kept in the address.
    await owner.waitForURL(new RegExp(`campaign=${campaignId}`));
    await owner.getByRole('table', { name: 'Referrers' }).getByText('No referrer matches.').waitFor();
    await owner.getByRole('button', { name: 'Add referrer' }).click();
    const form = owner.getByRole('dialog', { name: 'Add a referrer' });
    await form.getByRole('textbox', { name: 'Email' }).fill('rita@example.com');
    await form.getByRole('textbox', { name: 'First name' }).fill('Rita');
    await form.getByRole('textbox', { name: 'Last name' }).fill('Reyes');
    await form.getByRole('switch', { name: 'Generate referral code' }).check();
    await form.getByRole('button', { name: 'Add referrer' }).click();

    await owner.getByRole('heading', { name: 'Rita Reyes', level: 1 }).waitFor();
    const listed = await api(env, 'GET', `/v1/campaigns/${campaignId}/referrers?email=rita@example.com`);
    referrer = listed.body.data[0];
    expect(referrer.referral_code).toMatch(/^RITA-[0-9A-Z]{4}$/);
    const profile = owner.getByRole('region', { name: 'Link and code' });
    await profile.getByText(referrer.referral_code, { exact: true }).waitFor();
    await profile.getByRole('button', { name: 'Copy the referral link' }).waitFor();
    await profile.getByText(referrer.referral_link, { exact: true }).waitFor();
  });

  it("follows a friend's payment and refund live on the lead's page, with no reload", async () => {
    // The friend follows the referral link to the hosted invite page and signs up, in a browser of their own.
    const friend = await watchedPage(await browser.newContext(), problems);
    await friend.goto(referrer.referral_link);
    await friend.getByRole('heading', { name: 'Rita invited you to Friends of Acme' }).waitFor();
    await friend.getByLabel('Email address').fill('fran@example.com');
    await friend.getByLabel('First name').fill('Fran');
    await friend.getByRole('button', { name: 'Sign up' }).click();
    await friend.getByRole('heading', { name: 'Thank you for signing up' }).waitFor();
    await friend.context().close();

    // The owner finds the lead in the table and opens it.
    await owner.goto(url(`/leads?campaign=${campaignId}`));
    await owner.getByRole('table', { name: 'Leads' }).getByRole('link', { name: 'fran@example.com' }).click();
    await owner.getByRole('heading', { name: 'fran@example.com', level: 1 }).waitFor();
    leadId = new URL(owner.url()).pathname.split('/').at(-1)!;
    expect(leadId).toMatch(/^lead_/);

    // Vouch makes the friend's Stripe customer at once; the page shows it, linked to Stripe's dashboard.
    await eventually(async () => (await api(env, 'GET', `/v1/leads/${leadId}`)).body.customers.length > 0);
    customerId = (await api(env, 'GET', `/v1/leads/${leadId}`)).body.customers[0].id;
    const inStripe = owner.getByRole('link', { name: `Open ${customerId} in Stripe` });
    await inStripe.waitFor();
    expect(await inStripe.getAttribute('href')).toBe(
      `https://dashboard.stripe.com/test/customers/${customerId}`,
    );

    const bar = owner.getByRole('progressbar', { name: 'Net spend against the target' });
    const status = owner.getByRole('group', { name: 'Status' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('0');
    await status.getByText('pending').waitFor();
    // Anything set on the page now is lost if it reloads.
    await owner.evaluate('window.notReloaded = true');

    const pay = async (amount: number) =>
      (
        await env.stripe.paymentIntents.create({
          amount,
          currency: 'usd',
          customer: customerId,
          payment_method: 'pm_card_visa',
          confirm: true,
        })
      ).latest_charge as string;
    await pay(3000);
    await expect.poll(() => bar.getAttribute('aria-valuenow'), { timeout: 10_000 }).toBe('60');
    await status.getByText('pending').waitFor();
    const second = await pay(2500);
    await expect.poll(() => bar.getAttribute('aria-valuenow'), { timeout: 10_000 }).toBe('100');
    await status.getByText('qualified').waitFor({ timeout: 10_000 });
    const timeline = owner.getByRole('list', { name: 'Timeline' });
    await timeline.getByText('lead.qualified').waitFor();
    await timeline.getByText('Counted', { exact: true }).first().waitFor();
    expect((await api(env, 'GET', `/v1/leads/${leadId}`)).body.status).toBe('qualified');
    await docsScreenshot(owner, 'dashboard-lead.png');

    // A refund inside the window brings the net spend to the target or below: unqualified again.
    await env.stripe.refunds.create({ charge: second, amount: 2500 });
    await status.getByText('unqualified').waitFor({ timeout: 10_000 });
    await expect.poll(() => bar.getAttribute('aria-valuenow')).toBe('60');
    await timeline.getByText('lead.refund_counted').waitFor();
    expect((await api(env, 'GET', `/v1/leads/${leadId}`)).body.status).toBe('unqualified');
    expect(await owner.evaluate('window.notReloaded')).toBe(true);
  });

  it('links a Stripe customer to the lead by hand', async () => {
    const other = await env.stripe.customers.create({ email: 'fran.at.work@example.com' });
    const form = owner.getByRole('form', { name: 'Link a Stripe customer' });
    await form.getByLabel('Stripe customer id').fill('cus_doesnotexist');
    await form.getByRole('button', { name: 'Link customer' }).click();
    // The server's refusal, under the field it names.
    await form.getByText('No customer cus_doesnotexist').waitFor();
    await form.getByLabel('Stripe customer id').fill(other.id);
    await form.getByRole('button', { name: 'Link customer' }).click();
    await owner.getByRole('link', { name: `Open ${other.id} in Stripe` }).waitFor();
    const lead = (await api(env, 'GET', `/v1/leads/${leadId}`)).body;
    expect(lead.customers).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: other.id, how: 'manual' })]),
    );
  });

  it('imports a thousand referrers from a CSV file and reports the rows it refused', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `person${i}@example.com,Person${i},Imported`);
    // Line 1002 repeats Rita; line 1003 has no usable email.
    const csv = [
      'email,first_name,last_name',
      ...rows,
      'rita@example.com,Rita,',
      'not-an-email,Nobody,',
    ].join('\n');
    const file = join(tmp, 'referrers.csv');
    writeFileSync(file, csv);

    await owner.goto(url(`/referrers?campaign=${campaignId}`));
    await owner.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Import referrers from CSV' });
    const chooser = owner.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'CSV file' }).click();
    await (await chooser).setFiles(file);
    // Vouch runs in this process on PGlite, which holds the event loop while it writes the thousand rows: the
    // click is acknowledged only once the import is done.
    await dialog.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 60_000 });
    const report = dialog.getByRole('region', { name: 'Import report' });
    await report.getByText('1,002 rows read: 1,000 added, 2 not added.').waitFor({ timeout: 60_000 });
    const refused = report.getByRole('table', { name: 'Rows not added' });
    await refused.getByRole('cell', { name: '1002', exact: true }).waitFor();
    await refused.getByRole('cell', { name: '1003', exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();

    await owner.getByRole('status').filter({ hasText: '1,001 referrers' }).waitFor();
    await docsScreenshot(owner, 'dashboard-referrers.png');
    const counted = await api(
      env,
      'GET',
      `/v1/campaigns/${campaignId}/referrers?include_total_count=true&limit=1`,
    );
    expect(counted.body.total_count).toBe(1001);
    const imported = await api(
      env,
      'GET',
      `/v1/campaigns/${campaignId}/referrers?source=import&include_total_count=true`,
    );
    expect(imported.body.total_count).toBe(1000);

    // Search and order live in the address, and the export link carries them.
    await owner.getByRole('searchbox', { name: 'Search' }).fill('person99');
    await owner.waitForURL(/search=person99/);
    await owner.getByRole('status').filter({ hasText: '11 referrers' }).waitFor();
    const exportLink = owner.getByRole('link', { name: 'Export CSV' });
    expect(await exportLink.getAttribute('href')).toBe(
      `/v1/campaigns/${campaignId}/referrers/export?search=person99`,
    );
    await owner.getByRole('searchbox', { name: 'Search' }).fill('');
    await owner.getByRole('status').filter({ hasText: '1,001 referrers' }).waitFor();
    await owner.getByRole('combobox', { name: 'Sort' }).click();
    await owner.getByRole('option', { name: 'Most leads' }).click();
    await owner.waitForURL(/sort=-referrals_count/);
    const firstRow = owner.getByRole('table', { name: 'Referrers' }).getByRole('row').nth(1);
    await firstRow.getByRole('link', { name: 'rita@example.com' }).waitFor();

    // Selected rows get codes in bulk.
    await owner.getByRole('combobox', { name: 'Sort' }).click();
    await owner.getByRole('option', { name: 'Email, A to Z' }).click();
    await owner.waitForURL(/sort=email/);
    await owner.getByRole('checkbox', { name: 'Select person0@example.com' }).check();
    // Bytewise, person100@ comes before person1@ ("0" before "@").
    await owner.getByRole('checkbox', { name: 'Select person100@example.com' }).check();
    await owner
      .getByRole('region', { name: 'Selected referrers' })
      .getByRole('button', { name: 'Generate referral codes' })
      .click();
    await owner.getByText('Referral codes generated: 2 of 2').waitFor();
    for (const email of ['person0@example.com', 'person100@example.com']) {
      const r = await api(env, 'GET', `/v1/campaigns/${campaignId}/referrers?email=${email}`);
      expect(r.body.data[0].referral_code).toMatch(/^PERSON/);
    }
    expect(problems).toEqual([]);
  }, 150_000);

  it('shows a viewer every page and no write, and the server refuses one tried', async () => {
    const viewer = await teammate(env, 'viewer', 'viewer@example.com');
    const context = await browser.newContext();
    await addSessionCookie(context, env.baseUrl, viewer.cookie);
    const page = await watchedPage(context, problems);

    await page.goto(url(`/referrers?campaign=${campaignId}`));
    await page.getByRole('status').filter({ hasText: '1,001 referrers' }).waitFor();
    for (const name of ['Add referrer', 'Import CSV', 'Codes for everyone', 'Generate']) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    expect(await page.getByRole('checkbox').count()).toBe(0);

    await page.goto(url(`/referrers/${referrer.id}`));
    await page.getByRole('heading', { name: 'Rita Reyes', level: 1 }).waitFor();
    await page.getByText(referrer.referral_code, { exact: true }).waitFor();
    await page.getByRole('table', { name: 'Leads of this referrer' }).getByText('fran@example.com').waitFor();
    for (const name of ['Generate referral code', 'Send code to Stripe']) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }

    await page.goto(url(`/leads/${leadId}`));
    await page.getByRole('group', { name: 'Status' }).getByText('unqualified').waitFor();
    await page.getByRole('list', { name: 'Timeline' }).getByText('lead.refund_counted').waitFor();
    await page.getByRole('link', { name: `Open ${customerId} in Stripe` }).waitFor();
    expect(await page.getByRole('button', { name: 'Link customer' }).count()).toBe(0);

    // What the page does not offer, the server refuses, with the viewer's cookie and CSRF token.
    const refused = await page.request.post(`${env.baseUrl}/v1/leads/${leadId}/customers`, {
      headers: { 'x-csrf-token': viewer.csrf },
      data: { customer_id: customerId },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe('role_forbidden');
    const add = await page.request.post(`${env.baseUrl}/v1/campaigns/${campaignId}/referrers`, {
      headers: { 'x-csrf-token': viewer.csrf },
      data: { email: 'sneaky@example.com', first_name: 'Sneaky' },
    });
    expect(add.status()).toBe(403);
    await context.close();
    expect(problems).toEqual([]);
  });
});
