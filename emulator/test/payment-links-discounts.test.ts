import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachReceiver, type Receiver, startReceiver, startTestEnv, type TestEnv } from './helpers.js';

type Session = Stripe.Checkout.Session & Stripe.Response<object>;

/** Promotion codes bought through payment links and checkout stay on the subscription's renewal invoices. */
describe('payment links and checkout: discounts on renewals', () => {
  let env: TestEnv;
  let receiver: Receiver;
  let monthly: Stripe.Price;
  const buy = (id: string, params: Record<string, unknown> = {}) =>
    env.stripe.rawRequest(
      'POST',
      `/v1/test_helpers/payment_links/${id}/checkout`,
      params,
    ) as unknown as Promise<Session>;
  const advance = (id: string) =>
    env.stripe.rawRequest(
      'POST',
      `/v1/test_helpers/subscriptions/${id}/advance`,
      {},
    ) as unknown as Promise<Stripe.Subscription>;

  beforeAll(async () => {
    env = await startTestEnv();
    receiver = await startReceiver(env.stripe);
    await attachReceiver(env.stripe, receiver);
    const product = await env.stripe.products.create({ name: 'Membership' });
    monthly = await env.stripe.prices.create({
      product: product.id,
      unit_amount: 2000,
      currency: 'usd',
      recurring: { interval: 'month' },
    });
  });
  afterAll(async () => {
    await env.emulator.close();
    await receiver.close();
  });

  it('keeps a promotion code from a link on the renewal invoice (expand discounts)', async () => {
    const { stripe } = env;
    const coupon = await stripe.coupons.create({ percent_off: 20, duration: 'forever' });
    const promo = await stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      code: 'LINK20',
    });
    const link = await stripe.paymentLinks.create({
      line_items: [{ price: monthly.id, quantity: 1 }],
      allow_promotion_codes: true,
    });
    const session = await buy(link.id, { client_reference_id: 'ref_promo', promotion_code: 'LINK20' });
    expect(session.discounts).toEqual([{ coupon: coupon.id, promotion_code: promo.id }]);
    expect(session).toMatchObject({ amount_total: 1600, total_details: { amount_discount: 400 } });
    expect((await stripe.checkout.sessions.retrieve(session.id)).discounts).toEqual([
      { coupon: coupon.id, promotion_code: promo.id },
    ]);
    const renewed = await advance(String(session.subscription));
    const invoice = await stripe.invoices.retrieve(String(renewed.latest_invoice), { expand: ['discounts'] });
    expect(invoice).toMatchObject({ billing_reason: 'subscription_cycle', subtotal: 2000, total: 1600 });
    const discount = invoice.discounts[0] as Stripe.Discount;
    expect(discount).toMatchObject({ object: 'discount', promotion_code: promo.id });
    expect(discount.source.coupon).toBe(coupon.id);
    const events = await receiver.waitFor((evs) =>
      evs.some((e) => e.type === 'invoice.paid' && e.data.object.id === invoice.id),
    );
    const paid = events.find((e) => e.type === 'invoice.paid' && e.data.object.id === invoice.id);
    expect((paid?.data.object as Stripe.Invoice | undefined)?.discounts).toEqual([discount.id]);
    expect((await stripe.promotionCodes.retrieve(promo.id)).times_redeemed).toBe(1);
  });

  it('keeps the discount of a direct checkout session on its subscription renewals', async () => {
    const { stripe } = env;
    const coupon = await stripe.coupons.create({
      percent_off: 10,
      duration: 'repeating',
      duration_in_months: 2,
    });
    const promo = await stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      code: 'DIRECT10',
    });
    const created = await stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ price: monthly.id, quantity: 1 }],
      allow_promotion_codes: true,
    });
    const session = (await stripe.rawRequest(
      'POST',
      `/v1/test_helpers/checkout/sessions/${created.id}/complete`,
      {
        promotion_code: 'DIRECT10',
      },
    )) as unknown as Session;
    expect(session.payment_link).toBeNull();
    expect(session.discounts).toEqual([{ coupon: coupon.id, promotion_code: promo.id }]);
    const second = await advance(String(session.subscription));
    const renewal = await stripe.invoices.retrieve(String(second.latest_invoice), { expand: ['discounts'] });
    expect(renewal.total).toBe(1800);
    expect((renewal.discounts[0] as Stripe.Discount).promotion_code).toBe(promo.id);
    const third = await advance(String(session.subscription));
    expect((await stripe.invoices.retrieve(String(third.latest_invoice))).total).toBe(2000);
  });
});
