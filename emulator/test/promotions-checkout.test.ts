import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachReceiver,
  expectStripeError,
  type Receiver,
  startReceiver,
  startTestEnv,
  type TestEnv,
} from './helpers.js';

describe('coupons, promotion codes and checkout', () => {
  let env: TestEnv;
  let receiver: Receiver;
  let price: Stripe.Price;
  let monthly: Stripe.Price;
  let coupon: Stripe.Coupon;
  const complete = (id: string, params: Record<string, unknown> = {}) =>
    env.stripe.rawRequest(
      'POST',
      `/v1/test_helpers/checkout/sessions/${id}/complete`,
      params,
    ) as unknown as Promise<Stripe.Checkout.Session & Stripe.Response<object>>;
  const session = (params: Partial<Stripe.Checkout.SessionCreateParams> = {}) =>
    env.stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: price.id, quantity: 2 }],
      success_url: 'https://example.com/ok',
      ...params,
    });

  beforeAll(async () => {
    env = await startTestEnv();
    receiver = await startReceiver(env.stripe);
    await attachReceiver(env.stripe, receiver);
    const product = await env.stripe.products.create({ name: 'Widget' });
    price = await env.stripe.prices.create({ product: product.id, unit_amount: 2000, currency: 'usd' });
    monthly = await env.stripe.prices.create({
      product: product.id,
      unit_amount: 1000,
      currency: 'usd',
      recurring: { interval: 'month' },
    });
    coupon = await env.stripe.coupons.create({ percent_off: 25, duration: 'once' });
  });
  afterAll(async () => {
    await env.emulator.close();
    await receiver.close();
  });

  it('creates, lists and deletes coupons, validating params', async () => {
    const { stripe } = env;
    const fixed = await stripe.coupons.create({
      id: 'TENOFF',
      amount_off: 1000,
      currency: 'usd',
      duration: 'repeating',
      duration_in_months: 3,
      max_redemptions: 5,
    });
    expect(fixed).toMatchObject({
      id: 'TENOFF',
      object: 'coupon',
      amount_off: 1000,
      duration_in_months: 3,
      valid: true,
      times_redeemed: 0,
    });
    expect((await stripe.coupons.retrieve('TENOFF')).max_redemptions).toBe(5);
    const noCurrency = await expectStripeError(stripe.coupons.create({ amount_off: 100 }));
    expect(noCurrency.param).toBe('currency');
    const repeating = await expectStripeError(
      stripe.coupons.create({ percent_off: 5, duration: 'repeating' }),
    );
    expect(repeating.param).toBe('duration_in_months');
    const expired = await stripe.coupons.create({
      percent_off: 5,
      redeem_by: Math.floor(Date.now() / 1000) + 1,
    });
    expect(expired.valid).toBe(true);
    const list = await stripe.coupons.list({ limit: 100 });
    expect(list.data.map((c) => c.id)).toContain('TENOFF');
    expect(await stripe.coupons.del('TENOFF')).toMatchObject({ id: 'TENOFF', deleted: true });
    expect((await expectStripeError(stripe.coupons.retrieve('TENOFF'))).statusCode).toBe(404);
  });

  it('creates promotion codes the v23 way, lists with filters and updates active', async () => {
    const { stripe } = env;
    const promo = await stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      code: 'FRIEND25',
      max_redemptions: 10,
      metadata: { referrer: 'cus_ref' },
    });
    expect(promo.id).toMatch(/^promo_/);
    expect(promo).toMatchObject({
      code: 'FRIEND25',
      active: true,
      promotion: { type: 'coupon', coupon: coupon.id },
    });
    const dup = await expectStripeError(
      stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id }, code: 'FRIEND25' }),
    );
    expect(dup.param).toBe('code');
    expect((await stripe.promotionCodes.list({ code: 'FRIEND25' })).data.map((p) => p.id)).toEqual([
      promo.id,
    ]);
    expect((await stripe.promotionCodes.list({ coupon: coupon.id })).data.length).toBeGreaterThanOrEqual(1);
    const off = await stripe.promotionCodes.update(promo.id, { active: false, metadata: { note: 'x' } });
    expect(off).toMatchObject({ active: false, metadata: { referrer: 'cus_ref', note: 'x' } });
    expect((await stripe.promotionCodes.list({ active: false, code: 'FRIEND25' })).data).toHaveLength(1);
    await stripe.promotionCodes.update(promo.id, { active: true });
    expect((await stripe.promotionCodes.retrieve(promo.id)).active).toBe(true);
    await receiver.waitFor((evs) => evs.filter((e) => e.type === 'promotion_code.updated').length >= 2);
  });

  it('completes a payment-mode session with a promotion code and emits checkout.session.completed', async () => {
    const { stripe } = env;
    const promo = await stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      code: 'PAY25',
    });
    const s = await session({
      allow_promotion_codes: true,
      client_reference_id: 'ref_123',
      metadata: { campaign: 'x' },
      customer_email: 'buyer@example.com',
      customer_creation: 'always',
    });
    expect(s.id).toMatch(/^cs_test_/);
    expect(s).toMatchObject({
      status: 'open',
      payment_status: 'unpaid',
      amount_subtotal: 4000,
      amount_total: 4000,
    });
    const done = await complete(s.id, { promotion_code: 'PAY25' });
    expect(done).toMatchObject({
      status: 'complete',
      payment_status: 'paid',
      amount_total: 3000,
      client_reference_id: 'ref_123',
    });
    expect(done.total_details?.amount_discount).toBe(1000);
    expect(done.discounts).toEqual([{ coupon: coupon.id, promotion_code: promo.id }]);
    const fetched = await stripe.checkout.sessions.retrieve(s.id, { expand: ['payment_intent', 'customer'] });
    const pi = fetched.payment_intent as Stripe.PaymentIntent;
    expect(pi.amount).toBe(3000);
    expect((fetched.customer as Stripe.Customer).email).toBe('buyer@example.com');
    expect((await stripe.promotionCodes.retrieve(promo.id)).times_redeemed).toBe(1);
    const events = await receiver.waitFor((evs) =>
      evs.some((e) => e.type === 'checkout.session.completed' && e.data.object.id === s.id),
    );
    const completed = events.find(
      (e) => e.type === 'checkout.session.completed' && e.data.object.id === s.id,
    );
    expect((completed?.data.object as Stripe.Checkout.Session | undefined)?.metadata).toEqual({
      campaign: 'x',
    });
    const lines = await stripe.checkout.sessions.listLineItems(s.id);
    expect(lines.data[0]).toMatchObject({ quantity: 2, amount_subtotal: 4000 });
    const listed = await stripe.checkout.sessions.list({ payment_intent: pi.id });
    expect(listed.data.map((x) => x.id)).toEqual([s.id]);
    const again = await expectStripeError(complete(s.id));
    expect(again.statusCode).toBe(400);
  });

  it('enforces promotion-code restrictions on redemption', async () => {
    const { stripe } = env;
    const now = Math.floor(Date.now() / 1000);
    const payer = await stripe.customers.create({ email: 'repeat@example.com' });
    await stripe.paymentIntents.create({
      amount: 100,
      currency: 'usd',
      customer: payer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const other = await stripe.customers.create({ email: 'other@example.com' });
    const mk = (code: string, extra: Partial<Stripe.PromotionCodeCreateParams>) =>
      stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id }, code, ...extra });
    await mk('FIRSTONLY', { restrictions: { first_time_transaction: true } });
    await mk('SOON', { expires_at: now + 1 });
    await mk('ONCEONLY', { max_redemptions: 1 });
    await mk('BIGORDER', { restrictions: { minimum_amount: 10_000, minimum_amount_currency: 'usd' } });
    await mk('JUSTOTHER', { customer: other.id });
    const off = await mk('OFFCODE', {});
    await stripe.promotionCodes.update(off.id, { active: false });
    const attempt = async (code: string, customer?: string) => {
      const s = await session({ allow_promotion_codes: true, ...(customer ? { customer } : {}) });
      return expectStripeError(complete(s.id, { promotion_code: code }));
    };
    expect((await attempt('FIRSTONLY', payer.id)).message).toMatch(/prior transactions/);
    expect((await attempt('BIGORDER')).message).toMatch(/minimum order/);
    expect((await attempt('JUSTOTHER', payer.id)).message).toMatch(/cannot be redeemed by this customer/);
    expect((await attempt('OFFCODE')).message).toMatch(/inactive/);
    const once = await session({ allow_promotion_codes: true });
    await complete(once.id, { promotion_code: 'ONCEONLY' });
    expect((await attempt('ONCEONLY')).message).toMatch(/fully redeemed/);
    const fresh = await session({ allow_promotion_codes: true, customer: other.id });
    expect((await complete(fresh.id, { promotion_code: 'FIRSTONLY' })).amount_total).toBe(3000);
    await new Promise((r) => setTimeout(r, 2100));
    expect((await attempt('SOON')).message).toMatch(/expired/);
    const notAllowed = await session();
    expect(
      (await expectStripeError(complete(notAllowed.id, { promotion_code: 'BIGORDER' }))).message,
    ).toMatch(/does not allow/);
  });

  it('validates discounts given at session creation', async () => {
    const { stripe } = env;
    await stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      code: 'MIN50',
      restrictions: { minimum_amount: 5000, minimum_amount_currency: 'usd' },
    });
    const promo = (await stripe.promotionCodes.list({ code: 'MIN50' })).data[0];
    const err = await expectStripeError(session({ discounts: [{ promotion_code: promo?.id ?? '' }] }));
    expect(err.param).toBe('discounts[0][promotion_code]');
    const ok = await session({
      discounts: [{ promotion_code: promo?.id ?? '' }],
      line_items: [{ price: price.id, quantity: 3 }],
    });
    expect(ok.amount_total).toBe(4500);
    const both = await expectStripeError(
      session({ discounts: [{ coupon: coupon.id }], allow_promotion_codes: true }),
    );
    expect(both.statusCode).toBe(400);
  });

  it('declines a payment-mode session with tok_chargeDeclined and keeps it open', async () => {
    const s = await session({ customer_email: 'd@example.com' });
    const err = await expectStripeError(complete(s.id, { payment_method: 'tok_chargeDeclined' }));
    expect(err.statusCode).toBe(402);
    expect(err.code).toBe('card_declined');
    expect((await env.stripe.checkout.sessions.retrieve(s.id)).status).toBe('open');
  });

  it('completes a subscription-mode session with price_data, creating customer, subscription and invoice', async () => {
    const { stripe } = env;
    const promo = await stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      code: 'SUB25',
    });
    const s = await stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [
        { price: monthly.id, quantity: 1 },
        {
          price_data: {
            currency: 'usd',
            unit_amount: 500,
            product_data: { name: 'Addon' },
            recurring: { interval: 'month' },
          },
          quantity: 2,
        },
      ],
      customer_email: 'sub@example.com',
      discounts: [{ promotion_code: promo.id }],
      subscription_data: { metadata: { plan: 'pro' } },
      success_url: 'https://example.com/ok',
    });
    expect(s.amount_subtotal).toBe(2000);
    const done = await complete(s.id);
    expect(done.status).toBe('complete');
    expect(done.amount_total).toBe(1500);
    expect(String(done.customer)).toMatch(/^cus_/);
    const sub = await stripe.subscriptions.retrieve(String(done.subscription));
    expect(sub).toMatchObject({ status: 'active', customer: done.customer, metadata: { plan: 'pro' } });
    const invoice = await stripe.invoices.retrieve(String(done.invoice));
    expect(invoice).toMatchObject({
      status: 'paid',
      subtotal: 2000,
      total: 1500,
      amount_paid: 1500,
      billing_reason: 'subscription_create',
    });
    const events = await receiver.waitFor((evs) =>
      evs.some((e) => e.type === 'checkout.session.completed' && e.data.object.id === s.id),
    );
    const types = new Set<string>(events.map((e) => e.type));
    for (const t of [
      'customer.created',
      'customer.subscription.created',
      'invoice.created',
      'invoice.finalized',
      'invoice.paid',
      'invoice.payment_succeeded',
    ]) {
      expect(types.has(t)).toBe(true);
    }
  });
});
