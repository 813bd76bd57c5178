import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drained } from './helpers/drained.js';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { api, eventually } from './helpers/test-app.js';

/**
 * Referral codes used at a Stripe checkout (the emulator plays the buyer), invoices that carry them, and
 * Payment Links that the snippet decorated with `client_reference_id`.
 */

let env: StripeEnv;
let connectionId: string;

beforeAll(async () => {
  env = await startStripeEnv();
  connectionId = (await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_checkout_codes' }))
    .body.id;
});
afterAll(async () => env.close());

type Rules = { first_time_only?: boolean; expires_at?: string | null; minimum_amount?: object | null };

async function program(qualification: object, rules: Rules = {}, people = ['Ann']) {
  const campaign = (
    await api(env, 'POST', '/v1/campaigns', {
      name: `Checkout ${Math.random()}`,
      status: 'live',
      connection_id: connectionId,
      qualification,
      code_rules: {
        first_time_only: false,
        max_redemptions: null,
        expires_at: null,
        minimum_amount: null,
        ...rules,
      },
    })
  ).body;
  expect(campaign.id, JSON.stringify(campaign)).toBeDefined();
  await api(env, 'POST', `/v1/campaigns/${campaign.id}/coupon`, { percent_off: 10, duration: 'forever' });
  const referrers = [];
  for (const first of people) {
    const code = `${first.toUpperCase()}-${Math.random().toString(36).slice(2, 7).toUpperCase()}`;
    referrers.push(
      (
        await api(env, 'POST', `/v1/campaigns/${campaign.id}/referrers`, {
          email: `${first.toLowerCase()}${Math.random()}@example.com`,
          first_name: first,
          referral_code: code,
        })
      ).body,
    );
  }
  await api(env, 'POST', `/v1/campaigns/${campaign.id}/promotion_codes`, {});
  await eventually(async () => {
    const p = (await api(env, 'GET', `/v1/campaigns/${campaign.id}/promotion_codes/progress`)).body;
    return p.counts.active === people.length;
  });
  return { campaign, referrers };
}

const codeMethod = { method: 'code', window_days: 30, refunds_unqualify: true };
const spendMethod = { method: 'spend', target_amount: 5000, window_days: 30, refunds_unqualify: true };

async function buy(amount: number, email: string, promotionCode?: string) {
  const session = await env.stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [
      { price_data: { currency: 'usd', unit_amount: amount, product_data: { name: 'Box' } }, quantity: 1 },
    ],
    allow_promotion_codes: true,
    customer_creation: 'always',
    customer_email: email,
  });
  return (await env.stripe.rawRequest('POST', `/v1/test_helpers/checkout/sessions/${session.id}/complete`, {
    email,
    name: 'Friendly Buyer',
    ...(promotionCode ? { promotion_code: promotionCode } : {}),
  })) as unknown as Stripe.Checkout.Session;
}

const leadsOf = async (campaignId: string) =>
  (await api(env, 'GET', `/v1/campaigns/${campaignId}/leads?limit=100`)).body.data as Array<{
    id: string;
    email: string;
    referrer_id: string;
    status: string;
    source: string;
  }>;

const domainEvents = (leadId: string) =>
  env.db.database.db
    .selectFrom('domain_events')
    .select('type')
    .where('lead_id', '=', leadId)
    .orderBy('id')
    .execute();

async function stripeRefusal(call: Promise<unknown>): Promise<string | undefined> {
  try {
    await call;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('qualification when a referral code is used', () => {
  it("a checkout with each referrer's code qualifies that referrer's lead, once", async () => {
    const { campaign, referrers } = await program(codeMethod, {}, ['Ann', 'Ben', 'Cat']);
    for (const [i, r] of referrers.entries()) await buy(4000, `friend${i}@example.com`, r.referral_code);
    await eventually(
      async () => (await leadsOf(campaign.id)).filter((l) => l.status === 'qualified').length === 3,
    );
    const leads = await leadsOf(campaign.id);
    for (const [i, r] of referrers.entries()) {
      const lead = leads.find((l) => l.email === `friend${i}@example.com`)!;
      expect(lead).toMatchObject({ referrer_id: r.id, status: 'qualified', source: 'promotion_code' });
    }
    // The same events applied again (a redelivery after a crash) change nothing.
    await env.db.database.db
      .updateTable('stripe_events')
      .set({ processed_at: null })
      .where('type', 'in', ['checkout.session.completed', 'charge.succeeded'])
      .execute();
    await eventually(async () => {
      const waiting = await env.db.database.db
        .selectFrom('stripe_events')
        .select('id')
        .where('processed_at', 'is', null)
        .execute();
      return waiting.length === 0;
    });
    expect(await leadsOf(campaign.id)).toHaveLength(3);
    for (const lead of await leadsOf(campaign.id))
      expect((await domainEvents(lead.id)).map((e) => e.type)).toEqual(['lead.created', 'lead.qualified']);
    const summary = (await api(env, 'GET', `/v1/campaigns/${campaign.id}/codes/summary`)).body;
    expect(summary).toMatchObject({
      referrers_with_code: 3,
      referrers_with_promotion_code: 3,
      redemptions: 3,
      refused_redemptions: 0,
      leads_from_codes: 3,
      qualified_leads_from_codes: 3,
      revenue: [{ currency: 'usd', amount: 3 * 3600 }],
      coupon: { coupon: { percent_off: 10 }, status: 'active' },
    });
    const mine = (await api(env, 'GET', `/v1/referrers/${referrers[1].id}/codes/summary`)).body;
    expect(mine).toMatchObject({
      redemptions: 1,
      leads_from_codes: 1,
      revenue: [{ currency: 'usd', amount: 3600 }],
    });
    expect(mine.promotion_code.code).toBe(referrers[1].referral_code);
  });

  it('a first-time-only code is refused to a customer who paid before', async () => {
    const { campaign, referrers } = await program(codeMethod, { first_time_only: true });
    const returning = await env.stripe.customers.create({ email: 'returning@example.com' });
    await env.stripe.paymentIntents.create({
      amount: 1500,
      currency: 'usd',
      customer: returning.id,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const session = await env.stripe.checkout.sessions.create({
      mode: 'payment',
      customer: returning.id,
      allow_promotion_codes: true,
      line_items: [
        { price_data: { currency: 'usd', unit_amount: 3000, product_data: { name: 'Box' } }, quantity: 1 },
      ],
    });
    const code = await stripeRefusal(
      env.stripe.rawRequest('POST', `/v1/test_helpers/checkout/sessions/${session.id}/complete`, {
        promotion_code: referrers[0].referral_code,
      }),
    );
    expect(code).toBe('promotion_code_first_time_only');
    // A newcomer may use it.
    await buy(3000, 'newcomer@example.com', referrers[0].referral_code);
    await eventually(async () => (await leadsOf(campaign.id)).some((l) => l.status === 'qualified'));
    expect((await leadsOf(campaign.id)).map((l) => l.email)).toEqual(['newcomer@example.com']);
  });

  it('an expired code and an order below the minimum are refused at checkout and not counted offline', async () => {
    const expires = Date.now() + 4000;
    const { campaign, referrers } = await program(codeMethod, {
      expires_at: new Date(expires).toISOString(),
      minimum_amount: { amount: 5000, currency: 'usd' },
    });
    const code = referrers[0].referral_code;
    expect(await stripeRefusal(buy(2000, 'small@example.com', code))).toBe('promotion_code_minimum_amount');
    const small = await api(env, 'POST', `/v1/campaigns/${campaign.id}/codes/redeem`, {
      code,
      email: 'small-till@example.com',
      amount: 2000,
      currency: 'usd',
    });
    expect(small.body).toMatchObject({ counted: false, refusal: 'minimum_amount', lead: null });
    expect(small.body.message).toContain('50.00 USD');

    // Stripe counts whole seconds: wait past the expiry's second.
    await new Promise((r) => setTimeout(r, Math.max(0, expires - Date.now() + 1200)));
    expect(await stripeRefusal(buy(9000, 'late@example.com', code))).toBe('promotion_code_expired');
    const late = await api(env, 'POST', `/v1/campaigns/${campaign.id}/codes/redeem`, {
      code,
      email: 'late-till@example.com',
      amount: 9000,
      currency: 'usd',
    });
    expect(late.body).toMatchObject({ counted: false, refusal: 'expired' });
    expect(await leadsOf(campaign.id)).toHaveLength(0);
    const summary = (await api(env, 'GET', `/v1/campaigns/${campaign.id}/codes/summary`)).body;
    expect(summary).toMatchObject({ redemptions: 0, refused_by_reason: { minimum_amount: 1, expired: 1 } });
  });

  it('a code typed at a till creates the lead and qualifies it; the same order twice counts once', async () => {
    const { campaign, referrers } = await program(codeMethod, { first_time_only: true });
    const body = {
      code: referrers[0].referral_code.toLowerCase(),
      email: 'Till.Friend@example.com',
      first_name: 'Till',
      reference: 'order-77',
      amount: 4200,
      currency: 'usd',
    };
    const first = await api(env, 'POST', `/v1/campaigns/${campaign.id}/codes/redeem`, body);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ counted: true, already_recorded: false, source: 'offline' });
    expect(first.body.lead).toMatchObject({
      status: 'qualified',
      source: 'offline',
      referrer_id: referrers[0].id,
    });
    const again = await api(env, 'POST', `/v1/campaigns/${campaign.id}/codes/redeem`, body);
    expect(again.body).toMatchObject({ id: first.body.id, already_recorded: true });
    // Another order by the same friend is not a first order.
    const second = await api(env, 'POST', `/v1/campaigns/${campaign.id}/codes/redeem`, {
      ...body,
      reference: 'order-78',
    });
    expect(second.body).toMatchObject({ counted: false, refusal: 'not_first_order' });
    const unknown = await api(env, 'POST', `/v1/campaigns/${campaign.id}/codes/redeem`, {
      ...body,
      code: 'NOPE-0000',
    });
    expect(unknown.status).toBe(404);
    const bad = await api(env, 'POST', `/v1/campaigns/${campaign.id}/codes/redeem`, {
      code: 'X',
      email: 'not-an-email',
    });
    expect(bad.status).toBe(400);
    expect(await leadsOf(campaign.id)).toHaveLength(1);
  });
});

describe('numbers that match Stripe', () => {
  it("an offline amount without a currency is taken in the account's currency", async () => {
    const { campaign, referrers } = await program(codeMethod, {
      minimum_amount: { amount: 2500, currency: 'usd' },
    });
    const code = referrers[0].referral_code;
    const redeem = (body: object) => api(env, 'POST', `/v1/campaigns/${campaign.id}/codes/redeem`, body);
    const enough = await redeem({ code, email: 'enough@example.com', amount: 3000, reference: 'till-1' });
    expect(enough.status, JSON.stringify(enough.body)).toBe(200);
    expect(enough.body).toMatchObject({ counted: true });
    const small = await redeem({ code, email: 'small@example.com', amount: 1000, reference: 'till-2' });
    expect(small.body).toMatchObject({ counted: false, refusal: 'minimum_amount' });
    // Without a Stripe account to take it from, the currency must be sent.
    const bare = (await api(env, 'POST', '/v1/campaigns', { name: 'No Stripe', status: 'live' })).body;
    const r = (
      await api(env, 'POST', `/v1/campaigns/${bare.id}/referrers`, {
        email: 'bare@example.com',
        first_name: 'Bare',
        referral_code: 'BARE-1234',
      })
    ).body;
    const refused = await api(env, 'POST', `/v1/campaigns/${bare.id}/codes/redeem`, {
      code: r.referral_code,
      email: 'x@example.com',
      amount: 3000,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.param).toBe('currency');
  });

  it("the coupon's redemption count in the code summary is Stripe's", async () => {
    const { campaign, referrers } = await program(codeMethod);
    await buy(4000, 'counted@example.com', referrers[0].referral_code);
    await eventually(async () => (await leadsOf(campaign.id)).length === 1);
    const summary = (await api(env, 'GET', `/v1/campaigns/${campaign.id}/codes/summary`)).body;
    const coupon = await env.stripe.coupons.retrieve(summary.coupon.coupon.id);
    expect(coupon.times_redeemed).toBeGreaterThan(0);
    expect(summary.coupon.coupon.times_redeemed).toBe(coupon.times_redeemed);
  });
});

describe('codes and links under the spend method', () => {
  it('a code only attributes; spend decides', async () => {
    const { campaign, referrers } = await program(spendMethod);
    await buy(4000, 'spender@example.com', referrers[0].referral_code);
    await eventually(async () => (await leadsOf(campaign.id)).length === 1);
    await drained(env.db.database, { emulator: env.emulator });
    const [lead] = await leadsOf(campaign.id);
    expect(lead).toMatchObject({ status: 'pending', referrer_id: referrers[0].id });
    const customer = (await env.stripe.customers.list({ email: 'spender@example.com' })).data[0]!;
    await env.stripe.paymentIntents.create({
      amount: 2000,
      currency: 'usd',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await eventually(async () => (await leadsOf(campaign.id))[0]!.status === 'qualified');
  });

  it('a Payment Link purchase with client_reference_id is attributed, and its renewals count as spend', async () => {
    const { campaign, referrers } = await program(spendMethod);
    const price = await env.stripe.prices.create({
      currency: 'usd',
      unit_amount: 2900,
      recurring: { interval: 'month' },
      product_data: { name: 'Monthly plan' },
    });
    const link = await env.stripe.paymentLinks.create({ line_items: [{ price: price.id, quantity: 1 }] });
    const session = (await env.stripe.rawRequest(
      'POST',
      `/v1/test_helpers/payment_links/${link.id}/checkout`,
      {
        client_reference_id: `vouch-${referrers[0].slug}`,
        email: 'subscriber@example.com',
        name: 'Sub Scriber',
      },
    )) as unknown as Stripe.Checkout.Session;
    expect(session.payment_link).toBe(link.id);
    await eventually(async () => (await leadsOf(campaign.id)).length === 1);
    const [lead] = await leadsOf(campaign.id);
    expect(lead).toMatchObject({
      email: 'subscriber@example.com',
      source: 'checkout',
      referrer_id: referrers[0].id,
    });
    await drained(env.db.database, { emulator: env.emulator });
    expect((await leadsOf(campaign.id))[0]!.status).toBe('pending');
    const timeline = (await api(env, 'GET', `/v1/leads/${lead!.id}`)).body.timeline;
    expect(timeline.map((e: { type: string }) => e.type)).toContain('lead.customer_linked');

    await env.stripe.rawRequest('POST', `/v1/test_helpers/subscriptions/${session.subscription}/advance`, {});
    await eventually(async () => (await leadsOf(campaign.id))[0]!.status === 'qualified');
    const qualified = (await api(env, 'GET', `/v1/leads/${lead!.id}`)).body.timeline.find(
      (e: { type: string }) => e.type === 'lead.qualified',
    );
    expect(qualified.message).toContain('58.00 USD');
  });

  it('a subscription started with a code counts as one use across its checkout and its renewals', async () => {
    const { campaign, referrers } = await program(codeMethod);
    const price = await env.stripe.prices.create({
      currency: 'usd',
      unit_amount: 1000,
      recurring: { interval: 'month' },
      product_data: { name: 'Plan' },
    });
    const link = await env.stripe.paymentLinks.create({
      line_items: [{ price: price.id, quantity: 1 }],
      allow_promotion_codes: true,
    });
    const session = (await env.stripe.rawRequest(
      'POST',
      `/v1/test_helpers/payment_links/${link.id}/checkout`,
      {
        email: 'renewer@example.com',
        promotion_code: referrers[0].referral_code,
      },
    )) as unknown as Stripe.Checkout.Session;
    await env.stripe.rawRequest('POST', `/v1/test_helpers/subscriptions/${session.subscription}/advance`, {});
    await eventually(async () => (await leadsOf(campaign.id))[0]?.status === 'qualified');
    await eventually(async () => {
      const events = (
        await env.db.database.db
          .selectFrom('stripe_events')
          .select(['payload', 'processed_at'])
          .where('type', '=', 'invoice.paid')
          .execute()
      ).filter(
        (e) =>
          (e.payload as { data: { object: { customer: string } } }).data.object.customer === session.customer,
      );
      return events.length === 2 && events.every((e) => e.processed_at !== null);
    });
    const summary = (await api(env, 'GET', `/v1/campaigns/${campaign.id}/codes/summary`)).body;
    expect(summary).toMatchObject({ redemptions: 1, leads_from_codes: 1, qualified_leads_from_codes: 1 });
  });
});
