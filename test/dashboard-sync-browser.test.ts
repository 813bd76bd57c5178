import type { Browser, Page } from 'playwright-core';
import Stripe from 'stripe';
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

const { skip } = browserTests('dashboard-sync-browser');

/** Many at once, `width` in flight: seeding the sandbox quickly. */
async function inParallel(count: number, width: number, work: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

const CUSTOMERS = 500;
/** Customers made last, so the newest first: the name preview shows them. */
const NAMED = ['Jean Claude Van Damme', 'Zoë Ærø Smith', 'Cher', 'Ann Marie Lee', '   '];
/** Every fiftieth customer of the bulk has no email: skipped with the reason. */
const WITHOUT_EMAIL = Array.from({ length: CUSTOMERS - NAMED.length }, (_, i) => i).filter(
  (i) => i % 50 === 0,
).length;
const SKIPPED = WITHOUT_EMAIL + 1;
const REFERRERS = CUSTOMERS - SKIPPED;
const CODES = 200;

/**
 * The owner's last screens, walked in Chromium over the sandbox Stripe: the sync wizard over 500 customers
 * (the name preview in every version, the dry run's counts and skipped customers, the real sync's progress
 * to the end, the links checked in Stripe with the SDK), promotion codes made for 200 referrers with their
 * progress, and a reward waiting for approval, approved and issued.
 */
// Generous limits: the machine running the browser also runs Vouch, PGlite and the Stripe emulator.
describe.skipIf(skip)('syncs, codes and rewards in Chromium', { timeout: 120_000 }, () => {
  let env: StripeEnv;
  let browser: Browser;
  let owner: Page;
  let campaignId: string;
  let unconnectedId: string;
  const problems: string[] = [];
  const url = (path: string) => `${env.baseUrl}/dashboard${path}`;

  beforeAll(async () => {
    // Events reach Vouch by polling Stripe, as without a public URL: the sync's 489 write-backs come back as
    // a few pages of events rather than 489 webhooks, which keeps the walk short on a busy machine.
    env = await startStripeEnv({ emulatorAllowsPrivateWebhooks: false });
    // The customers are there before Vouch connects: no webhook for each of them, as with an account that
    // has been in use for years. The browser starts meanwhile.
    const stripe = new Stripe('sk_test_business', {
      host: '127.0.0.1',
      port: env.emulator.port,
      protocol: 'http',
      telemetry: false,
    });
    const seeding = (async () => {
      await inParallel(CUSTOMERS - NAMED.length, 32, (i) =>
        stripe.customers.create({
          name: `Person${i} Middle Surname${i}`,
          ...(i % 50 === 0 ? {} : { email: `person${i}@example.com` }),
        }),
      );
      for (const [i, name] of NAMED.entries())
        await stripe.customers.create({ name, email: `named${i}@example.com` });
    })();
    [browser] = await Promise.all([launchChromium(), seeding]);
    const session = await teammate(env, 'owner', 'owner@example.com');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await addSessionCookie(context, env.baseUrl, session.cookie);
    owner = await watchedPage(context, problems);
    const connection = await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_sync_walk' });
    const campaign = await api(env, 'POST', '/v1/campaigns', {
      name: 'Customers of Acme',
      status: 'live',
      connection_id: connection.body.id,
    });
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(200);
    campaignId = campaign.body.id;
    unconnectedId = (await api(env, 'POST', '/v1/campaigns', { name: 'No Stripe yet' })).body.id;
  });

  afterAll(async () => {
    await browser?.close();
    await env?.close();
  });

  it('offers the sync from the campaigns list and the Promote section, or says Stripe is not connected', async () => {
    await owner.goto(url('/campaigns'));
    const fromList = owner.getByRole('link', { name: 'Sync contacts into Customers of Acme' });
    expect(await fromList.getAttribute('href')).toBe(`/dashboard/syncs/new?campaign=${campaignId}`);

    await owner.goto(url(`/campaigns/${unconnectedId}`));
    const promote = owner.getByRole('region', { name: 'Promote: your Stripe customers' });
    await promote.getByText('Not connected yet').waitFor();
    await promote.getByRole('link', { name: 'Connect a Stripe account' }).click();
    await owner.getByRole('heading', { name: 'Stripe', level: 1 }).waitFor();

    await owner.goto(url(`/syncs/new?campaign=${unconnectedId}`));
    await owner.getByRole('group', { name: 'Stripe' }).getByText('Not connected yet').waitFor();
    expect(await owner.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
  });

  it('walks the wizard from the Referrers page: mapping, name versions, the dry run and the sync', async () => {
    await owner.goto(url(`/referrers?campaign=${campaignId}`));
    await owner.getByRole('link', { name: 'Sync from Stripe' }).click();
    await owner.getByRole('heading', { name: 'Sync Stripe customers', level: 1 }).waitFor();
    await owner.getByRole('group', { name: 'Stripe' }).getByText('Connected').waitFor();
    await owner.getByRole('button', { name: 'Next' }).click();

    // Map Fields: name and email, both required, are mapped already.
    const fields = owner.getByRole('table', { name: 'Map Stripe fields to Vouch' });
    expect(await fields.getByRole('combobox', { name: 'Stripe field for First name' }).inputValue()).toBe(
      'Name',
    );
    await owner.getByRole('button', { name: 'Next' }).click();

    // Map Return Fields: the link as metadata, the referrals count as a metadata key of our own.
    const back = owner.getByRole('table', { name: 'Map return fields' });
    // The key the API uses when a sync names none.
    expect(await back.getByRole('textbox', { name: 'Metadata key for Referral link' }).inputValue()).toBe(
      'vouch_referral_link',
    );
    await back.getByRole('switch', { name: 'Send Referrals count as metadata' }).check({ force: true });
    await back.getByRole('textbox', { name: 'Metadata key for Referrals count' }).fill('referrals');
    await owner.getByRole('button', { name: 'Next' }).click();

    // Name Version: real customers' names in every version, from the server.
    const preview = owner.getByRole('table', { name: 'Name preview' });
    const row = preview.getByRole('row').filter({ hasText: 'Jean Claude Van Damme' });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual([
      expect.stringMatching(/^cus_/),
      'Jean Claude Van Damme',
      'Jean',
      'Jean Claude',
      'Jean Claude Van',
      'Jean C',
      'Jean Cl',
    ]);
    const zoe = await preview
      .getByRole('row')
      .filter({ hasText: 'Zoë Ærø Smith' })
      .getByRole('cell')
      .allInnerTexts();
    expect(zoe.slice(1)).toEqual(['Zoë Ærø Smith', 'Zoë', 'Zoë Ærø', 'Zoë Ærø Smith', 'Zoë Æ', 'Zoë Ær']);
    const cher = await preview.getByRole('row').filter({ hasText: 'Cher' }).getByRole('cell').allInnerTexts();
    expect(cher.slice(1)).toEqual(['Cher', 'Cher', 'Cher', 'Cher', 'Cher', 'Cher']);
    await owner.getByRole('radio', { name: 'V4: First name + 1 letter' }).check();
    await docsScreenshot(owner, 'dashboard-sync-wizard.png');
    await owner.getByRole('button', { name: 'Next' }).click();

    // Confirm: the overview, then the dry run's counts and the customers it would skip.
    const overview = owner.getByRole('table', { name: 'Sync overview' });
    await overview.getByText('V4: First name + 1 letter').waitFor();
    await overview.getByText(/Referrals count → metadata key "referrals"/).waitFor();
    await owner.getByRole('status').filter({ hasText: 'Ready to Sync' }).waitFor({ timeout: 30_000 });
    const figure = (name: string) => owner.getByRole('group', { name, exact: true }).locator('p').nth(1);
    expect(await figure('Customers read').innerText()).toBe(String(CUSTOMERS));
    expect(await figure('Would become referrers').innerText()).toBe(String(REFERRERS));
    expect(await figure('Skipped: blank field').innerText()).toBe(String(SKIPPED));
    const skipped = owner.getByRole('table', { name: 'Skipped customers' });
    await skipped.getByRole('cell', { name: 'a required field is blank' }).first().waitFor();
    expect(await skipped.getByRole('row').count()).toBe(1 + SKIPPED);
    await docsScreenshot(owner, 'dashboard-sync-confirm.png');
    // A dry run changes nothing.
    expect(
      (await api(env, 'GET', `/v1/campaigns/${campaignId}/referrers?include_total_count=true`)).body
        .total_count,
    ).toBe(0);

    await owner.getByRole('button', { name: 'Start Sync' }).click();
    await owner.waitForURL(/\/dashboard\/syncs\/syn_/);
    const syncId = new URL(owner.url()).pathname.split('/').at(-1)!;
    // The page follows the sync to its end, with no reload.
    await owner.evaluate('window.notReloaded = true');
    await owner.getByText('completed', { exact: true }).waitFor({ timeout: 90_000 });
    expect(await owner.evaluate('window.notReloaded')).toBe(true);
    await eventually(async () => (await figure('Written back').innerText()) === String(REFERRERS));
    expect(await figure('Referrers created').innerText()).toBe(String(REFERRERS));
    expect(await figure('Skipped').innerText()).toBe(String(SKIPPED));
    expect(
      await owner.getByRole('progressbar', { name: 'Written back to Stripe' }).getAttribute('aria-valuenow'),
    ).toBe('100');
    await owner
      .getByRole('table', { name: 'Skipped customers' })
      .getByRole('cell', { name: 'a required field is blank' })
      .first()
      .waitFor();
    await docsScreenshot(owner, 'dashboard-sync.png');

    // In Stripe: every customer with an email carries its referral link, and the referrals count.
    const sync = (await api(env, 'GET', `/v1/syncs/${syncId}`)).body;
    expect(sync).toMatchObject({ status: 'completed', name_version: 'v4', dry_run: false });
    const linked: Stripe.Customer[] = [];
    for await (const c of env.stripe.customers.list({ limit: 100 }))
      if (c.metadata.vouch_referral_link) linked.push(c);
    expect(linked).toHaveLength(REFERRERS);
    expect(
      linked.every((c) => /\/r\//.test(c.metadata.vouch_referral_link!) && c.metadata.referrals === '0'),
    ).toBe(true);
    const jean = linked.find((c) => c.name === 'Jean Claude Van Damme')!;
    const referrer = (
      await api(env, 'GET', `/v1/campaigns/${campaignId}/referrers?search=${encodeURIComponent(jean.email!)}`)
    ).body.data[0];
    expect(referrer).toMatchObject({
      first_name: 'Jean C',
      referral_link: jean.metadata.vouch_referral_link,
    });
  });

  it('makes promotion codes for 200 referrers from the Codes page, with their progress', async () => {
    const codes = (
      await api(env, 'POST', '/v1/campaigns', {
        name: 'Codes of Acme',
        status: 'live',
        connection_id: (await api(env, 'GET', `/v1/campaigns/${campaignId}`)).body.connection_id,
      })
    ).body;
    const coupon = await api(env, 'POST', `/v1/campaigns/${codes.id}/coupon`, {
      percent_off: 10,
      duration: 'once',
    });
    expect(coupon.status, JSON.stringify(coupon.body)).toBe(200);
    await inParallel(CODES, 8, (i) =>
      api(env, 'POST', `/v1/campaigns/${codes.id}/referrers`, {
        email: `coder${i}@example.com`,
        first_name: `Coder${i}`,
      }),
    );

    await owner.goto(url(`/codes?campaign=${codes.id}`));
    const section = owner.getByRole('region', { name: 'Referral codes' });
    await section.getByText(`${CODES} referrers without a code`).waitFor();
    // One by the "Generate" column, then all the others at once.
    await section
      .getByRole('button', { name: /^Generate a referral code for / })
      .first()
      .click();
    await section.getByText(`${CODES - 1} referrers without a code`).waitFor();
    await section.getByRole('button', { name: 'Generate codes for all without one' }).click();
    await section.getByText('0 referrers without a code').waitFor({ timeout: 20_000 });

    const stripeCodes = owner.getByRole('region', { name: 'Stripe promotion codes' });
    await stripeCodes.getByRole('button', { name: 'Send all codes to Stripe' }).click();
    await stripeCodes.getByText(`${CODES} active, 0 pending`).waitFor({ timeout: 30_000 });
    expect(
      await stripeCodes
        .getByRole('progressbar', { name: 'Promotion codes made in Stripe' })
        .getAttribute('aria-valuenow'),
    ).toBe('100');
    const listed = stripeCodes.getByRole('table', { name: 'Promotion codes' });
    await listed.getByText('active', { exact: true }).first().waitFor();
    expect(await listed.getByText('active', { exact: true }).count()).toBe(20);
    const performance = owner.getByRole('region', { name: 'Code performance' });
    await eventually(
      async () =>
        (await performance.getByRole('group', { name: 'With a Stripe promotion code' }).innerText()).includes(
          String(CODES),
        ),
      15_000,
    );
    await docsScreenshot(owner, 'dashboard-codes.png');
    const inStripe: Stripe.PromotionCode[] = [];
    for await (const p of env.stripe.promotionCodes.list({ limit: 100 })) inStripe.push(p);
    expect(inStripe.filter((p) => p.active && /^CODER/i.test(p.code))).toHaveLength(CODES);
  });

  it('approves a reward waiting for approval on the Rewards page, and it is issued in Stripe', async () => {
    const connectionId = (await api(env, 'GET', `/v1/campaigns/${campaignId}`)).body.connection_id;
    const program = (
      await api(env, 'POST', '/v1/campaigns', {
        name: 'Rewards of Acme',
        status: 'live',
        connection_id: connectionId,
        qualification: { method: 'spend', target_amount: 5000, window_days: 30, refunds_unqualify: true },
        rewards: {
          referrer: { kind: 'balance_credit', amount: 1500, currency: 'usd' },
          friend: null,
          max_per_referrer: null,
          budget: null,
          hold_days: 0,
          manual_approval: true,
        },
      })
    ).body;
    const giver = (
      await api(env, 'POST', `/v1/campaigns/${program.id}/referrers`, {
        email: 'giver@example.com',
        first_name: 'Gina',
      })
    ).body;
    const lead = (
      await api(env, 'POST', `/v1/campaigns/${program.id}/leads`, {
        email: 'buyer@example.com',
        referrer: giver.id,
      })
    ).body;
    const customer = await env.stripe.customers.create({ email: 'buyer@example.com' });
    await eventually(async () => (await api(env, 'GET', `/v1/leads/${lead.id}`)).body.customers.length > 0);
    await env.stripe.paymentIntents.create({
      amount: 6000,
      currency: 'usd',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await eventually(
      async () =>
        (await api(env, 'GET', `/v1/rewards?campaign_id=${program.id}`)).body.data[0]?.status ===
        'pending_approval',
    );

    await owner.goto(url(`/rewards?campaign=${program.id}&status=pending_approval`));
    const ledger = owner.getByRole('table', { name: 'Rewards' });
    const totals = owner.getByRole('table', { name: 'Reward totals' });
    await totals
      .getByRole('row')
      .filter({ hasText: 'waiting for approval' })
      .filter({ hasText: '$15.00' })
      .waitFor();
    await ledger.getByRole('button', { name: /^Approve reward rwd_/ }).click();
    // Approved, the reward leaves this filter; the ledger without it shows it issued.
    await ledger.getByText('No reward matches.').waitFor();
    await owner.getByRole('button', { name: 'Clear filters' }).click();
    await ledger.getByText('issued', { exact: true }).waitFor({ timeout: 20_000 });
    await totals.getByRole('row').filter({ hasText: 'issued' }).filter({ hasText: '$15.00' }).waitFor();
    expect(new URL(owner.url()).searchParams.get('status')).toBeNull();

    await ledger.getByRole('link', { name: /^rwd_/ }).click();
    const timeline = owner.getByRole('list', { name: 'Timeline' });
    await timeline.getByText('reward.issued').waitFor();
    await timeline.getByText('Approved; to be issued.').waitFor();
    await docsScreenshot(owner, 'dashboard-reward.png');
    const reward = (await api(env, 'GET', `/v1/rewards?campaign_id=${program.id}`)).body.data[0];
    expect(reward.status).toBe('issued');
    const credited = (await env.stripe.customers.retrieve(reward.customer_id)) as Stripe.Customer;
    expect(credited.balance).toBe(-1500);
    expect(problems).toEqual([]);
  });
});
