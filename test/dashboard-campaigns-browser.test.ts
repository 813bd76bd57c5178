import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSessionCookie, browserTests, launchChromium, watchedPage } from './helpers/browser.js';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { teammate } from './helpers/teammates.js';
import { api, eventually } from './helpers/test-app.js';

const { skip } = browserTests('dashboard-campaigns-browser');
const DOCS = new URL('../docs/', import.meta.url).pathname;
/** The docs' screenshots are taken again only when asked (VOUCH_SCREENSHOTS=1), not at every test run. */
const screenshots = process.env.VOUCH_SCREENSHOTS === '1';

/**
 * The campaign builder as people use it: an owner makes a campaign that qualifies friends by what they spend
 * (the target typed as money) and sends a metadata key of their own to Stripe, finds it in the list, changes
 * the mapping, reads what changes before saving, and applies it to the leads recorded earlier; a viewer reads
 * every setting and can change none. Each outcome is checked where it lives: the API, and Stripe.
 */
/** A person's walk through several pages takes longer than one request: each test may take 90 s. */
describe.skipIf(skip)('campaigns and the campaign builder in Chromium', { timeout: 90_000 }, () => {
  let env: StripeEnv;
  let browser: Browser;
  let owner: Page;
  let viewer: { context: BrowserContext; page: Page };
  let connection: { id: string; name: string };
  let campaignId: string;
  const problems: string[] = [];
  const url = (path: string) => `${env.baseUrl}/dashboard${path}`;
  const metadataOf = async (customerId: string) =>
    ((await env.stripe.customers.retrieve(customerId)) as Stripe.Customer).metadata;

  async function signedIn(role: 'owner' | 'viewer') {
    const session = await teammate(env, role, `${role}@example.com`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await addSessionCookie(context, env.baseUrl, session.cookie);
    return { context, page: await watchedPage(context, problems) };
  }

  /** Picks an option of a Mantine select, found by the select's label. */
  async function choose(page: Page, label: string, option: string | RegExp) {
    await page.getByRole('combobox', { name: label, exact: true }).click();
    await page.getByRole('option', { name: option }).click();
  }

  beforeAll(async () => {
    browser = await launchChromium();
    env = await startStripeEnv();
    connection = (await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_campaign_builder' }))
      .body;
    const signed = await signedIn('owner');
    owner = signed.page;
    await signed.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.baseUrl });
    viewer = await signedIn('viewer');
    mkdirSync(DOCS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await env?.close();
  });

  it('creates a campaign with spend qualification and a metadata row, shown under the field the server names', async () => {
    await owner.goto(url('/campaigns'));
    await owner.getByRole('table', { name: 'Campaigns' }).getByText('No campaign yet.').waitFor();
    await owner.getByRole('link', { name: 'New campaign' }).click();
    await owner.getByRole('heading', { name: 'New campaign', level: 1 }).waitFor();

    await owner.getByRole('textbox', { name: 'Name', exact: true }).fill('Spring referrals');
    await choose(owner, 'Status', /^Live/);
    await choose(owner, 'Stripe connection', connection.name);
    await owner.getByRole('textbox', { name: 'Destination URL' }).fill('https://shop.example.com/welcome');
    await owner.getByRole('combobox', { name: 'Allowed origins' }).fill('https://shop.example.com');
    await owner.getByRole('combobox', { name: 'Allowed origins' }).press('Enter');
    const accent = owner.getByRole('textbox', { name: 'Accent' });
    await accent.fill('#FFD400');
    await accent.press('Escape');

    await owner.getByRole('tab', { name: 'Integration' }).click();
    await owner.getByRole('tab', { name: 'Person invited' }).waitFor();
    await choose(owner, 'How a referral qualifies', "A customer's total spend exceeds an amount");
    await owner.getByRole('textbox', { name: 'Attribution window (days)' }).fill('60');
    await owner.getByRole('radio', { name: 'Create the customer at once' }).check();
    await owner.getByRole('radio', { name: 'Update the existing customer' }).check();
    await choose(owner, "Vouch field for the friend's Stripe name", 'First name');
    await owner.getByRole('button', { name: 'Send as metadata' }).click();
    await choose(owner, 'Vouch field of metadata row 4', 'Referral code');
    await owner.getByRole('textbox', { name: 'Metadata key, row 4' }).fill('referred_with');

    // No target yet: the server refuses, and its message shows under the target, on the tab that holds it.
    await owner.getByRole('tab', { name: 'Details' }).click();
    await owner.getByRole('button', { name: 'Create campaign' }).click();
    const target = owner.getByRole('textbox', { name: 'Target spend' });
    await target.waitFor();
    expect(await target.getAttribute('aria-invalid')).toBe('true');
    expect((await api(env, 'GET', '/v1/campaigns')).body.data).toEqual([]);

    // The target is typed as money in the account's default currency, and stored in minor units.
    await owner.getByText('USD', { exact: true }).waitFor();
    await target.fill('50');
    await owner.getByRole('button', { name: 'Create campaign' }).click();
    await owner.waitForURL(/\/dashboard\/campaigns\/cmp_/);
    campaignId = new URL(owner.url()).pathname.split('/').at(-1)!;
    await owner.getByRole('heading', { name: 'Spring referrals', level: 1 }).waitFor();

    const stored = (await api(env, 'GET', `/v1/campaigns/${campaignId}`)).body;
    expect(stored).toMatchObject({
      name: 'Spring referrals',
      status: 'live',
      connection_id: connection.id,
      destination_url: 'https://shop.example.com/welcome',
      allowed_origins: ['https://shop.example.com'],
      branding: { accent_color: '#ffd400', background_color: null, text_color: null },
      qualification: { method: 'spend', target_amount: 5000, window_days: 60, refunds_unqualify: true },
      customers: {
        create: 'immediately',
        existing_customer: 'update_existing',
        friend_customer: {
          name: 'lead.first_name',
          metadata: {
            vouch_lead_id: 'lead.id',
            vouch_referrer_email: 'referrer.email',
            vouch_referral_code: 'referrer.referral_code',
            referred_with: 'referrer.referral_code',
          },
        },
      },
    });

    // The snippet to put on the shop, copied with its button.
    await owner.getByRole('button', { name: 'Copy the snippet' }).click();
    const copied = String(await owner.evaluate('navigator.clipboard.readText()'));
    expect(copied).toContain(`data-campaign="${campaignId}"`);
    expect(copied).toContain(`src="${env.baseUrl}/v1/vouch.js"`);
    await owner.getByRole('tab', { name: 'Integration' }).click();
    expect(await owner.getByRole('textbox', { name: 'Target spend' }).inputValue()).toBe('50');
    if (screenshots) {
      // A window tall enough for the whole tab, so the bar kept at the bottom of the window is at the bottom.
      await owner.getByText('Campaign created').waitFor({ state: 'hidden' });
      await owner.setViewportSize({ width: 1280, height: 1640 });
      await owner.screenshot({ path: `${DOCS}dashboard-campaign-builder.png` });
      await owner.setViewportSize({ width: 1280, height: 900 });
    }

    await owner.getByRole('link', { name: 'Campaigns' }).first().click();
    const row = owner
      .getByRole('table', { name: 'Campaigns' })
      .getByRole('row', { name: /Spring referrals/ });
    await row.getByRole('link', { name: 'Spring referrals', exact: true }).waitFor();
    await row.getByText('live', { exact: true }).waitFor();
    await row.getByRole('link', { name: connection.name }).waitFor();
    expect(problems).toEqual([]);
  }, 90_000);

  it('changes the Stripe mapping, shows old and new before saving, applies it to earlier leads; sets a coupon', async () => {
    const referrer = (
      await api(env, 'POST', `/v1/campaigns/${campaignId}/referrers`, {
        email: 'ria@example.com',
        first_name: 'Ria',
        referral_code: 'RIA-2025',
      })
    ).body;
    const lead = (
      await api(env, 'POST', `/v1/campaigns/${campaignId}/leads`, {
        email: 'early.friend@example.com',
        first_name: 'Ed',
        referrer: referrer.id,
      })
    ).body;
    let customerId = '';
    await eventually(async () => {
      const linked = (await api(env, 'GET', `/v1/leads/${lead.id}`)).body.customers;
      customerId = linked.find((c: { how: string }) => c.how === 'created')?.id ?? '';
      return customerId !== '';
    });
    expect(await metadataOf(customerId)).toMatchObject({
      referred_with: 'RIA-2025',
    });

    await owner.goto(url(`/campaigns/${campaignId}?tab=invited`));
    // Stored rows are listed by key.
    const key = owner.getByRole('textbox', { name: 'Metadata key, row 1' });
    expect(await key.inputValue()).toBe('referred_with');
    await key.fill('ref_code');
    await owner.getByRole('button', { name: 'Save changes' }).click();
    const summary = owner.getByRole('dialog', { name: 'Save these changes?' });
    const changed = summary.getByRole('table', { name: 'Changed settings' });
    await changed.waitFor();
    // Setting, before, after: the key renamed is one key no longer sent and one sent, and nothing else.
    const rows = await changed
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual([
      [`Friend's metadata "referred_with"`, 'referrer.referral_code', 'not sent'],
      [`Friend's metadata "ref_code"`, 'not sent', 'referrer.referral_code'],
    ]);
    await summary.getByRole('button', { name: 'Save changes' }).click();

    const offer = owner.getByRole('dialog', { name: 'Apply to earlier people?' });
    await offer.getByRole('button', { name: 'Apply to earlier leads' }).click();
    await offer.getByText('Applying to earlier leads').waitFor();
    await offer.getByRole('button', { name: 'Done' }).click();

    const metadata = (await api(env, 'GET', `/v1/campaigns/${campaignId}`)).body.customers.friend_customer
      .metadata;
    expect(metadata.ref_code).toBe('referrer.referral_code');
    expect(metadata).not.toHaveProperty('referred_with');
    // The earlier friend's customer in Stripe took the new key.
    await eventually(async () => (await metadataOf(customerId)).ref_code === 'RIA-2025');
    await owner.getByText('No unsaved changes').waitFor();

    // The campaign coupon is made in Stripe at once, apart from the other settings.
    await owner.getByRole('tab', { name: 'Codes' }).click();
    await owner.getByText('No coupon yet').waitFor();
    await owner.getByRole('textbox', { name: 'Coupon name' }).fill('Friend discount');
    await owner.getByRole('textbox', { name: 'Amount off' }).fill('10');
    await owner.getByRole('button', { name: 'Create coupon' }).click();
    await owner.getByRole('region', { name: 'Campaign coupon' }).getByText('$10.00 off, once').waitFor();
    const coupon = (await api(env, 'GET', `/v1/campaigns/${campaignId}/coupon`)).body;
    expect(coupon).toMatchObject({
      origin: 'created',
      status: 'active',
      coupon: { name: 'Friend discount', amount_off: 1000, currency: 'usd', duration: 'once' },
    });
    expect((await env.stripe.coupons.retrieve(coupon.coupon.id)).amount_off).toBe(1000);
    expect(problems).toEqual([]);
  }, 90_000);

  it('shows the viewer every setting and lets them change none; the server refuses a change tried', async () => {
    const { page } = viewer;
    await page.goto(url('/campaigns'));
    await page
      .getByRole('table', { name: 'Campaigns' })
      .getByRole('link', { name: 'Spring referrals', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Spring referrals', level: 1 }).waitFor();
    await page.getByText('Changing a campaign needs the editor role').waitFor();
    expect(await page.getByRole('textbox', { name: 'Name', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe(
      'Spring referrals',
    );
    await page.getByRole('tab', { name: 'Integration' }).click();
    expect(await page.getByRole('textbox', { name: 'Target spend' }).inputValue()).toBe('50');
    expect(await page.getByRole('textbox', { name: 'Target spend' }).isDisabled()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Metadata key, row 4' }).isDisabled()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Create the customer at once' }).isDisabled()).toBe(true);
    for (const name of ['Save changes', 'Create campaign', 'Send as metadata', 'Archive', /^Remove/]) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    await page.getByRole('tab', { name: 'Codes' }).click();
    await page.getByRole('region', { name: 'Campaign coupon' }).getByText('$10.00 off, once').waitFor();
    expect(await page.getByRole('button', { name: 'Create coupon' }).count()).toBe(0);
    expect(await page.getByRole('switch', { name: 'Eligible for first-time order only' }).isDisabled()).toBe(
      true,
    );
    await page.getByRole('tab', { name: 'Rewards' }).click();
    expect(await page.getByRole('switch', { name: 'Give rewards through Stripe' }).isDisabled()).toBe(true);
    await page.goto(url('/campaigns'));
    await page
      .getByRole('table', { name: 'Campaigns' })
      .getByRole('link', { name: 'Spring referrals', exact: true })
      .waitFor();
    expect(await page.getByRole('link', { name: 'New campaign' }).count()).toBe(0);

    // What the page does not offer, the server refuses: a change with the viewer's cookie and CSRF token.
    const session = await (await page.request.get(`${env.baseUrl}/v1/session`)).json();
    const refused = await page.request.post(`${env.baseUrl}/v1/campaigns/${campaignId}`, {
      headers: { 'x-csrf-token': session.csrf_token },
      data: { name: 'Renamed by a viewer' },
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe('role_forbidden');
    expect((await api(env, 'GET', `/v1/campaigns/${campaignId}`)).body.name).toBe('Spring referrals');
    expect(problems).toEqual([]);
  }, 90_000);
});
