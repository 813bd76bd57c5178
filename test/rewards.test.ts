import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RewardRow } from '../src/db/tables.js';
import { drained } from './helpers/drained.js';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { api, eventually } from './helpers/test-app.js';

/** Rewards through Stripe: each kind lands, exactly once, held, approved, and taken back. */

let env: StripeEnv;
let connectionId: string;
/** Campaigns whose first reward "crashes" once between Stripe's answer and the commit. */
const crashOnce = new Set<string>();
const crashed: string[] = [];

beforeAll(async () => {
  env = await startStripeEnv({
    afterRewardStripeCall: (reward: RewardRow) => {
      if (!crashOnce.has(reward.campaign_id)) return;
      crashOnce.delete(reward.campaign_id);
      crashed.push(reward.id);
      throw new Error('crash between the Stripe call and the commit');
    },
  });
  connectionId = (await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_rewards_key' })).body
    .id;
});
afterAll(async () => env.close());

type Spec = Record<string, unknown> | null;

async function program(rewards: { referrer: Spec; friend: Spec } & Record<string, unknown>) {
  const res = await api(env, 'POST', '/v1/campaigns', {
    name: `Rewards ${Math.random()}`,
    status: 'live',
    connection_id: connectionId,
    qualification: { method: 'spend', target_amount: 5000, window_days: 30, refunds_unqualify: true },
    rewards: { max_per_referrer: null, budget: null, hold_days: 0, manual_approval: false, ...rewards },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const referrer = (
    await api(env, 'POST', `/v1/campaigns/${res.body.id}/referrers`, {
      email: `giver${Math.random()}@example.com`,
      first_name: 'Giver',
    })
  ).body;
  return { campaign: res.body, referrer };
}

const lead = async (id: string) => (await api(env, 'GET', `/v1/leads/${id}`)).body;

async function friend(campaignId: string, referrerId: string) {
  const email = `friend${Math.random()}@example.com`;
  const created = (
    await api(env, 'POST', `/v1/campaigns/${campaignId}/leads`, { email, referrer: referrerId })
  ).body;
  const customer = await env.stripe.customers.create({ email });
  await eventually(async () =>
    (await lead(created.id)).timeline.some((e: { type: string }) => e.type === 'lead.customer_linked'),
  );
  return { lead: created, customer };
}

async function pay(customer: string, amount: number) {
  const intent = await env.stripe.paymentIntents.create({
    amount,
    currency: 'usd',
    customer,
    payment_method: 'pm_card_visa',
    confirm: true,
  });
  return intent.latest_charge as string;
}

const rewardsOf = async (leadId: string) =>
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON, read field by field below
  (await api(env, 'GET', `/v1/rewards?lead_id=${leadId}&limit=10`)).body.data as Array<Record<string, any>>;
const rewardOf = async (leadId: string, recipient: string) =>
  (await rewardsOf(leadId)).find((r) => r.recipient === recipient)!;
const statusIs = (leadId: string, recipient: string, status: string) =>
  eventually(async () => (await rewardOf(leadId, recipient))?.status === status);

describe('rewards land in Stripe', () => {
  it('credit for the referrer and a single-use promotion code for the friend, usable at checkout', async () => {
    const coupon = await env.stripe.coupons.create({ percent_off: 20, duration: 'once' });
    const { campaign, referrer } = await program({
      referrer: { kind: 'balance_credit', amount: 1500, currency: 'USD' },
      friend: { kind: 'promotion_code', coupon_id: coupon.id },
    });
    expect(campaign.rewards.referrer).toEqual({ kind: 'balance_credit', amount: 1500, currency: 'usd' });
    const { lead: l, customer } = await friend(campaign.id, referrer.id);
    await pay(customer.id, 6000);
    await statusIs(l.id, 'referrer', 'issued');
    await statusIs(l.id, 'friend', 'issued');

    const credit = await rewardOf(l.id, 'referrer');
    const giver = await env.stripe.customers.retrieve(credit.customer_id);
    expect((giver as Stripe.Customer).email).toBe(referrer.email);
    expect((giver as Stripe.Customer).balance).toBe(-1500);
    expect(credit.stripe_object).toMatch(/^cbtxn_/);

    const code = await rewardOf(l.id, 'friend');
    expect(code.customer_id).toBe(customer.id);
    const promo = await env.stripe.promotionCodes.retrieve(code.stripe_object);
    expect(promo).toMatchObject({
      code: code.promotion_code,
      customer: customer.id,
      max_redemptions: 1,
      active: true,
    });
    const session = await env.stripe.checkout.sessions.create({
      mode: 'payment',
      customer: customer.id,
      allow_promotion_codes: true,
      line_items: [
        { price_data: { currency: 'usd', unit_amount: 5000, product_data: { name: 'Box' } }, quantity: 1 },
      ],
    });
    const paid = (await env.stripe.rawRequest(
      'POST',
      `/v1/test_helpers/checkout/sessions/${session.id}/complete`,
      {
        promotion_code: code.promotion_code,
      },
    )) as unknown as Stripe.Checkout.Session;
    expect(paid.amount_total).toBe(4000);

    const shown = (await api(env, 'GET', `/v1/rewards/${credit.id}`)).body;
    expect(shown.timeline.map((e: { type: string }) => e.type)).toEqual(['reward.created', 'reward.issued']);
    const events = await env.db.database.db
      .selectFrom('domain_events')
      .select('type')
      .where('lead_id', '=', l.id)
      .where('type', 'like', 'reward.%')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['reward.issued', 'reward.issued']);
  });

  it("a coupon on the friend's subscription discounts their next invoice; without one the reward fails and can be retried", async () => {
    const coupon = await env.stripe.coupons.create({ amount_off: 1000, currency: 'usd', duration: 'once' });
    const { campaign, referrer } = await program({
      referrer: { kind: 'coupon', coupon_id: coupon.id },
      friend: { kind: 'coupon', coupon_id: coupon.id },
    });
    const price = await env.stripe.prices.create({
      currency: 'usd',
      unit_amount: 6000,
      recurring: { interval: 'month' },
      product_data: { name: 'Plan' },
    });
    const link = await env.stripe.paymentLinks.create({ line_items: [{ price: price.id, quantity: 1 }] });
    const session = (await env.stripe.rawRequest(
      'POST',
      `/v1/test_helpers/payment_links/${link.id}/checkout`,
      {
        client_reference_id: `vouch-${referrer.slug}`,
        email: `subscriber${Math.random()}@example.com`,
      },
    )) as unknown as Stripe.Checkout.Session;
    await eventually(
      async () => (await api(env, 'GET', `/v1/campaigns/${campaign.id}/leads`)).body.data.length === 1,
    );
    const l = (await api(env, 'GET', `/v1/campaigns/${campaign.id}/leads`)).body.data[0];
    await statusIs(l.id, 'friend', 'issued');
    const friendReward = await rewardOf(l.id, 'friend');
    expect(friendReward.stripe_object).toBe(session.subscription);
    const sub = await env.stripe.subscriptions.retrieve(session.subscription as string, {
      expand: ['discounts'],
    });
    expect(sub.discounts.map((d) => (d as Stripe.Discount).source.coupon as string)).toEqual([coupon.id]);
    await env.stripe.rawRequest('POST', `/v1/test_helpers/subscriptions/${session.subscription}/advance`, {});
    const invoices = (await env.stripe.invoices.list({ subscription: session.subscription as string })).data;
    expect(invoices.map((i) => i.amount_paid).sort()).toEqual([5000, 6000]);

    // The referrer has no subscription: Stripe cannot take a coupon for them, and the reason is shown.
    await statusIs(l.id, 'referrer', 'failed');
    const failed = await rewardOf(l.id, 'referrer');
    expect(failed.last_error).toContain('no active subscription');
    const giver = failed.customer_id as string;
    await env.stripe.subscriptions.create({ customer: giver, items: [{ price: price.id }] });
    const retried = await api(env, 'POST', `/v1/rewards/${failed.id}/retry`);
    expect(retried.status).toBe(200);
    await statusIs(l.id, 'referrer', 'issued');

    // Refunds take the lead back; Stripe cannot take back a coupon: flagged for the business to decide.
    for (const charge of (await env.stripe.charges.list({ customer: session.customer as string })).data)
      await env.stripe.refunds.create({ charge: charge.id });
    await eventually(async () => (await rewardOf(l.id, 'friend')).review !== null);
    const flagged = await rewardOf(l.id, 'friend');
    expect(flagged.status).toBe('issued');
    expect(flagged.review).toContain('cannot be taken back');
  });
});

describe('exactly once', () => {
  it('duplicate qualification events and a crash between the Stripe call and the commit give one reward', async () => {
    const { campaign, referrer } = await program({
      referrer: { kind: 'balance_credit', amount: 700, currency: 'usd' },
      friend: null,
    });
    const { lead: l, customer } = await friend(campaign.id, referrer.id);
    // The campaign's first reward crashes once after Stripe made the credit.
    crashOnce.add(campaign.id);
    await pay(customer.id, 6000);
    await statusIs(l.id, 'referrer', 'issued');
    const reward = await rewardOf(l.id, 'referrer');
    expect(crashed).toContain(reward.id);
    expect(reward.attempts).toBeGreaterThanOrEqual(1);

    // Every event of this customer applied again, and another payment that keeps the lead qualified.
    await env.db.database.db.updateTable('stripe_events').set({ processed_at: null }).execute();
    await pay(customer.id, 1000);
    await eventually(async () => {
      const waiting = await env.db.database.db
        .selectFrom('stripe_events')
        .select('id')
        .where('processed_at', 'is', null)
        .execute();
      return waiting.length === 0;
    });
    await drained(env.db.database, { emulator: env.emulator });
    expect(await rewardsOf(l.id)).toHaveLength(1);
    const txns = await env.stripe.customers.listBalanceTransactions(reward.customer_id, { limit: 100 });
    expect(txns.data.filter((t) => t.metadata?.vouch_reward_id === reward.id)).toHaveLength(1);
    expect(((await env.stripe.customers.retrieve(reward.customer_id)) as Stripe.Customer).balance).toBe(-700);
  });
});

describe('holds, approval, caps and taking back', () => {
  it('a refund during the hold period cancels the reward; a lead still qualified when it ends is rewarded', async () => {
    const { campaign, referrer } = await program({
      referrer: { kind: 'balance_credit', amount: 500, currency: 'usd' },
      friend: null,
      hold_days: 14,
    });
    const refunded = await friend(campaign.id, referrer.id);
    const charge = await pay(refunded.customer.id, 6000);
    await statusIs(refunded.lead.id, 'referrer', 'held');
    const held = await rewardOf(refunded.lead.id, 'referrer');
    expect(Date.parse(held.issue_after) - Date.now()).toBeGreaterThan(13 * 86_400_000);
    await env.stripe.refunds.create({ charge, amount: 3000 });
    await statusIs(refunded.lead.id, 'referrer', 'cancelled');
    expect((await rewardOf(refunded.lead.id, 'referrer')).cancel_reason).toBe('unqualified');

    const kept = await friend(campaign.id, referrer.id);
    await pay(kept.customer.id, 6000);
    await statusIs(kept.lead.id, 'referrer', 'held');
    // Fourteen days later (the clock moved by setting the end of the hold to now).
    await env.db.database.db
      .updateTable('rewards')
      .set({ issue_after: new Date() })
      .where('lead_id', '=', kept.lead.id)
      .execute();
    await statusIs(kept.lead.id, 'referrer', 'issued');
    const timeline = (await api(env, 'GET', `/v1/rewards/${(await rewardOf(kept.lead.id, 'referrer')).id}`))
      .body.timeline;
    expect(timeline.map((e: { type: string }) => e.type)).toEqual([
      'reward.created',
      'reward.hold_ended',
      'reward.issued',
    ]);
  });

  it('waits for approval, caps rewards per referrer, and takes issued rewards back on a refund', async () => {
    const coupon = await env.stripe.coupons.create({ percent_off: 10, duration: 'once' });
    const { campaign, referrer } = await program({
      referrer: { kind: 'balance_credit', amount: 800, currency: 'usd' },
      friend: { kind: 'promotion_code', coupon_id: coupon.id },
      max_per_referrer: 1,
      manual_approval: true,
    });
    const first = await friend(campaign.id, referrer.id);
    const charge = await pay(first.customer.id, 6000);
    await statusIs(first.lead.id, 'referrer', 'pending_approval');
    for (const r of await rewardsOf(first.lead.id)) {
      const approved = await api(env, 'POST', `/v1/rewards/${r.id}/approve`);
      expect(approved.status).toBe(200);
    }
    await statusIs(first.lead.id, 'referrer', 'issued');
    await statusIs(first.lead.id, 'friend', 'issued');
    const again = await api(
      env,
      'POST',
      `/v1/rewards/${(await rewardOf(first.lead.id, 'friend')).id}/approve`,
    );
    expect(again.status).toBe(409);

    const second = await friend(campaign.id, referrer.id);
    await pay(second.customer.id, 6000);
    await statusIs(second.lead.id, 'referrer', 'cancelled');
    expect((await rewardOf(second.lead.id, 'referrer')).cancel_reason).toBe('per_referrer_cap');

    await env.stripe.refunds.create({ charge });
    await statusIs(first.lead.id, 'referrer', 'reversed');
    await statusIs(first.lead.id, 'friend', 'reversed');
    const credit = await rewardOf(first.lead.id, 'referrer');
    expect(((await env.stripe.customers.retrieve(credit.customer_id)) as Stripe.Customer).balance).toBe(0);
    const code = await rewardOf(first.lead.id, 'friend');
    expect((await env.stripe.promotionCodes.retrieve(code.stripe_object)).active).toBe(false);
    const listed = (await api(env, 'GET', `/v1/rewards?campaign_id=${campaign.id}&status=reversed`)).body
      .data;
    expect(listed).toHaveLength(2);

    // The ledger summed by status and currency agrees with the ledger itself, under the same filters.
    const all = (await api(env, 'GET', `/v1/rewards?campaign_id=${campaign.id}&limit=100`)).body
      .data as Array<{
      status: string;
      currency: string | null;
      amount: number | null;
      referrer_id: string;
    }>;
    const expected = new Map<string, { count: number; amount: number }>();
    for (const r of all) {
      const key = `${r.status}/${r.currency}`;
      const sum = expected.get(key) ?? { count: 0, amount: 0 };
      expected.set(key, { count: sum.count + 1, amount: sum.amount + (r.amount ?? 0) });
    }
    const totals = await api(env, 'GET', `/v1/rewards/totals?campaign_id=${campaign.id}`);
    expect(totals.body.object).toBe('reward_totals');
    const got = new Map(
      totals.body.data.map(
        (t: { status: string; currency: string | null; count: number; amount: number }) => [
          `${t.status}/${t.currency}`,
          { count: t.count, amount: t.amount },
        ],
      ),
    );
    expect(got).toEqual(expected);
    expect(got.get('reversed/usd')).toEqual({ count: 1, amount: 800 });
    expect(got.get('cancelled/usd')).toEqual({ count: 1, amount: 800 });
    const ofOther = await api(env, 'GET', `/v1/rewards/totals?referrer_id=rfr_nobody`);
    expect(ofOther.body.data).toEqual([]);
    expect((await api(env, 'GET', `/v1/rewards/totals?status=issued`)).status).toBe(400);
  });
});
