import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { api, eventually } from './helpers/test-app.js';

let env: StripeEnv;
let connectionId: string;

beforeAll(async () => {
  env = await startStripeEnv();
  connectionId = (await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_codes_key' })).body.id;
});
afterAll(async () => env.close());

async function campaignWith(extra: object = {}) {
  const res = await api(env, 'POST', '/v1/campaigns', {
    name: `Codes ${Math.random()}`,
    status: 'live',
    connection_id: connectionId,
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function referrer(campaignId: string, first: string, code?: string) {
  const res = await api(env, 'POST', `/v1/campaigns/${campaignId}/referrers`, {
    email: `${first.toLowerCase()}${Math.random()}@example.com`,
    first_name: first,
    ...(code ? { referral_code: code } : {}),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const codesOf = async (campaignId: string) =>
  (await api(env, 'GET', `/v1/campaigns/${campaignId}/promotion_codes?limit=100`)).body.data as Array<{
    referrer_id: string;
    code: string | null;
    status: string;
    stripe_id: string | null;
    error_code: string | null;
    last_error: string | null;
  }>;

const settled = (campaignId: string) =>
  eventually(async () => {
    const p = (await api(env, 'GET', `/v1/campaigns/${campaignId}/promotion_codes/progress`)).body;
    return p.counts.pending === 0 && p.counts.deactivating === 0;
  });

describe('campaign coupon', () => {
  it('creates an amount-off coupon in Stripe, picks an existing one, and lists the account coupons', async () => {
    const campaign = await campaignWith();
    const made = await api(env, 'POST', `/v1/campaigns/${campaign.id}/coupon`, {
      name: 'Friend discount',
      amount_off: 1000,
      currency: 'USD',
      duration: 'repeating',
      duration_in_months: 3,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    expect(made.body).toMatchObject({ origin: 'created', status: 'active', problems: [] });
    const inStripe = await env.stripe.coupons.retrieve(made.body.coupon.id);
    expect(inStripe).toMatchObject({
      amount_off: 1000,
      currency: 'usd',
      duration: 'repeating',
      duration_in_months: 3,
    });

    const existing = await env.stripe.coupons.create({
      percent_off: 15,
      duration: 'forever',
      name: 'Fifteen',
    });
    const picked = await api(env, 'POST', `/v1/campaigns/${campaign.id}/coupon`, { coupon_id: existing.id });
    expect(picked.body).toMatchObject({ origin: 'existing', coupon: { id: existing.id, percent_off: 15 } });
    expect((await api(env, 'GET', `/v1/campaigns/${campaign.id}/coupon`)).body.coupon.id).toBe(existing.id);

    const list = await api(env, 'GET', `/v1/stripe/connections/${connectionId}/coupons?limit=100`);
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining([existing.id, made.body.coupon.id]),
    );
  });

  it('refuses a coupon that is both amount and percent off, an unknown coupon, and a campaign without Stripe', async () => {
    const campaign = await campaignWith();
    const both = await api(env, 'POST', `/v1/campaigns/${campaign.id}/coupon`, {
      amount_off: 500,
      currency: 'usd',
      percent_off: 10,
    });
    expect(both.status).toBe(400);
    const noCurrency = await api(env, 'POST', `/v1/campaigns/${campaign.id}/coupon`, { amount_off: 500 });
    expect(noCurrency.status).toBe(400);
    expect(noCurrency.body.error.message).toContain('currency');
    const unknown = await api(env, 'POST', `/v1/campaigns/${campaign.id}/coupon`, { coupon_id: 'nope' });
    expect(unknown.status).toBe(404);
    const offline = (await api(env, 'POST', '/v1/campaigns', { name: 'No Stripe' })).body;
    const refused = await api(env, 'POST', `/v1/campaigns/${offline.id}/coupon`, { percent_off: 5 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('no_stripe_connection');
    const noCoupon = await api(env, 'POST', `/v1/campaigns/${campaign.id}/promotion_codes`, {});
    expect(noCoupon.status).toBe(409);
    expect(noCoupon.body.error.code).toBe('no_coupon');
  });

  it('shows a coupon deleted in Stripe as a problem and refuses to make codes under it', async () => {
    const campaign = await campaignWith();
    const set = await api(env, 'POST', `/v1/campaigns/${campaign.id}/coupon`, { percent_off: 20 });
    const person = await referrer(
      campaign.id,
      'Hal',
      `HAL-${Math.random().toString(36).slice(2, 7).toUpperCase()}`,
    );
    await api(env, 'POST', `/v1/campaigns/${campaign.id}/promotion_codes`, {});
    await settled(campaign.id);
    const old = (await codesOf(campaign.id))[0]!;
    await env.stripe.coupons.del(set.body.coupon.id);
    await eventually(
      async () => (await api(env, 'GET', `/v1/campaigns/${campaign.id}/coupon`)).body.status === 'deleted',
    );
    const shown = (await api(env, 'GET', `/v1/campaigns/${campaign.id}/coupon`)).body;
    expect(shown.problems).toEqual([expect.objectContaining({ code: 'coupon_deleted' })]);
    expect(shown.problems[0].message).toContain(`POST /v1/campaigns/${campaign.id}/coupon`);
    const summary = (await api(env, 'GET', `/v1/campaigns/${campaign.id}/codes/summary`)).body;
    expect(summary.coupon.status).toBe('deleted');
    const refused = await api(env, 'POST', `/v1/campaigns/${campaign.id}/promotion_codes`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('coupon_deleted');
    // A new coupon clears the problem, and the referrer's code is remade under it with the same text.
    const fresh = await api(env, 'POST', `/v1/campaigns/${campaign.id}/coupon`, { percent_off: 25 });
    expect(fresh.body).toMatchObject({ status: 'active', problems: [] });
    await settled(campaign.id);
    const now = (await codesOf(campaign.id)).find((c) => c.status === 'active')!;
    expect(now).toMatchObject({ referrer_id: person.id, code: old.code });
    const remade = await env.stripe.promotionCodes.retrieve(now.stripe_id!);
    expect(remade.promotion.coupon).toBe(fresh.body.coupon.id);
    expect((await env.stripe.promotionCodes.retrieve(old.stripe_id!)).active).toBe(false);
  });
});

describe('promotion codes per referrer', () => {
  it("makes one code per referrer with the campaign's rules; referrers without a referral code get one", async () => {
    const expires = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const campaign = await campaignWith({
      code_rules: {
        first_time_only: true,
        max_redemptions: 3,
        expires_at: expires,
        minimum_amount: { amount: 2500, currency: 'USD' },
      },
    });
    expect(campaign.code_rules.minimum_amount).toEqual({ amount: 2500, currency: 'usd' });
    await api(env, 'POST', `/v1/campaigns/${campaign.id}/coupon`, { percent_off: 10 });
    const ana = await referrer(campaign.id, 'Ana', 'ANA-2024');
    const bo = await referrer(campaign.id, 'Bo');
    expect(bo.referral_code).toBeNull();
    const queued = await api(env, 'POST', `/v1/campaigns/${campaign.id}/promotion_codes`, {});
    expect(queued.status).toBe(202);
    expect(queued.body.queued).toBe(2);
    await settled(campaign.id);
    const codes = await codesOf(campaign.id);
    expect(codes.map((c) => c.status)).toEqual(['active', 'active']);
    const boCode = (await api(env, 'GET', `/v1/referrers/${bo.id}`)).body.referral_code;
    expect(boCode).toMatch(/^BO-|^REF-/);
    for (const [person, text] of [
      [ana, 'ANA-2024'],
      [bo, boCode],
    ]) {
      const row = codes.find((c) => c.referrer_id === person.id)!;
      expect(row.code).toBe(text);
      const promo = await env.stripe.promotionCodes.retrieve(row.stripe_id!);
      expect(promo).toMatchObject({
        code: text,
        active: true,
        max_redemptions: 3,
        expires_at: Math.floor(Date.parse(expires) / 1000),
        restrictions: { first_time_transaction: true, minimum_amount: 2500, minimum_amount_currency: 'usd' },
        metadata: { vouch_referrer_id: person.id, vouch_campaign_id: campaign.id },
      });
    }
    // Asking again makes nothing new.
    const again = await api(env, 'POST', `/v1/campaigns/${campaign.id}/promotion_codes`, {});
    expect(again.body.queued).toBe(0);
    expect((await env.stripe.promotionCodes.list({ code: 'ANA-2024', limit: 10 })).data).toHaveLength(1);
  });

  it('makes codes for new referrers automatically, and handles a code text already taken in Stripe', async () => {
    const campaign = await campaignWith({ auto_promotion_codes: true });
    const coupon = (
      await api(env, 'POST', `/v1/campaigns/${campaign.id}/coupon`, { amount_off: 500, currency: 'usd' })
    ).body.coupon;
    // Someone already has an active code reading TAKEN1 in this account.
    await env.stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      code: 'TAKEN1',
    });
    const auto = await referrer(campaign.id, 'Cy');
    const clash = await referrer(campaign.id, 'Di', 'TAKEN1');
    await settled(campaign.id);
    const codes = await codesOf(campaign.id);
    expect(codes.find((c) => c.referrer_id === auto.id)).toMatchObject({ status: 'active' });
    const failed = codes.find((c) => c.referrer_id === clash.id)!;
    expect(failed).toMatchObject({ status: 'failed', error_code: 'code_taken' });
    expect(failed.last_error).toContain('Give the referrer another referral code');

    // A new referral code for the referrer makes their promotion code under it.
    await api(env, 'POST', `/v1/referrers/${clash.id}`, { referral_code: 'DI-FRIENDS' });
    await settled(campaign.id);
    const fixed = (await codesOf(campaign.id)).find(
      (c) => c.referrer_id === clash.id && c.status === 'active',
    );
    expect(fixed?.code).toBe('DI-FRIENDS');
  });

  it('switches codes off in Stripe when a referrer is removed or the campaign archived, and replaces a changed code', async () => {
    const campaign = await campaignWith();
    await api(env, 'POST', `/v1/campaigns/${campaign.id}/coupon`, { percent_off: 10 });
    const gone = await referrer(campaign.id, 'Ed', 'ED-LEAVES');
    const renamed = await referrer(campaign.id, 'Flo', 'FLO-OLD');
    const stays = await referrer(campaign.id, 'Gus', 'GUS-STAYS');
    await api(env, 'POST', `/v1/campaigns/${campaign.id}/promotion_codes`, {});
    await settled(campaign.id);
    const before = await codesOf(campaign.id);
    const stripeId = (id: string) => before.find((c) => c.referrer_id === id)!.stripe_id!;

    const removed = await api(env, 'DELETE', `/v1/referrers/${gone.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.removed_at).not.toBeNull();
    await api(env, 'POST', `/v1/referrers/${renamed.id}`, { referral_code: 'FLO-NEW' });
    await settled(campaign.id);
    expect((await env.stripe.promotionCodes.retrieve(stripeId(gone.id))).active).toBe(false);
    expect((await env.stripe.promotionCodes.retrieve(stripeId(renamed.id))).active).toBe(false);
    const newer = (await codesOf(campaign.id)).find(
      (c) => c.referrer_id === renamed.id && c.status === 'active',
    )!;
    expect((await env.stripe.promotionCodes.retrieve(newer.stripe_id!)).code).toBe('FLO-NEW');
    // The removed referrer's link and code no longer refer anyone.
    const lead = await api(env, 'POST', `/v1/campaigns/${campaign.id}/leads`, {
      email: 'late@example.com',
      referral_code: 'ED-LEAVES',
    });
    expect(lead.status).toBe(404);

    await api(env, 'POST', `/v1/campaigns/${campaign.id}/archive`);
    await settled(campaign.id);
    expect((await env.stripe.promotionCodes.retrieve(stripeId(stays.id))).active).toBe(false);
    expect((await codesOf(campaign.id)).every((c) => c.status === 'inactive')).toBe(true);
  });
});
