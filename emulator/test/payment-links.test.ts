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

type Session = Stripe.Checkout.Session & Stripe.Response<object>;

describe('payment links', () => {
  let env: TestEnv;
  let receiver: Receiver;
  let oneTime: Stripe.Price;
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
  const eventFor = async (type: string, id: string) => {
    const matches = (e: Stripe.Event) => e.type === type && (e.data.object as { id?: string }).id === id;
    const events = await receiver.waitFor((evs) => evs.some(matches));
    return events.find(matches) as Stripe.Event;
  };

  beforeAll(async () => {
    env = await startTestEnv();
    receiver = await startReceiver(env.stripe);
    await attachReceiver(env.stripe, receiver);
    const product = await env.stripe.products.create({ name: 'Course' });
    oneTime = await env.stripe.prices.create({ product: product.id, unit_amount: 5000, currency: 'usd' });
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

  it('creates, retrieves, updates and lists payment links through the SDK', async () => {
    const { stripe } = env;
    const link = await stripe.paymentLinks.create({
      line_items: [{ price: oneTime.id, quantity: 2 }],
      metadata: { campaign: 'spring' },
      payment_intent_data: { metadata: { source: 'link' } },
    });
    expect(link.id).toMatch(/^plink_/);
    expect(link.url).toMatch(/^https:\/\/buy\.stripe\.com\/test_[A-Za-z0-9]+$/);
    expect(link).toMatchObject({
      object: 'payment_link',
      active: true,
      allow_promotion_codes: false,
      currency: 'usd',
      customer_creation: 'always',
      livemode: false,
      metadata: { campaign: 'spring' },
      payment_intent_data: { metadata: { source: 'link' } },
      subscription_data: null,
    });
    expect(await stripe.paymentLinks.retrieve(link.id)).toEqual(link);
    const lines = await stripe.paymentLinks.listLineItems(link.id);
    expect(lines.data).toHaveLength(1);
    expect(lines.data[0]).toMatchObject({ object: 'item', quantity: 2, amount_total: 10_000 });
    expect(lines.data[0]?.price?.id).toBe(oneTime.id);
    const off = await stripe.paymentLinks.update(link.id, {
      active: false,
      allow_promotion_codes: true,
      metadata: { note: 'paused' },
    });
    expect(off).toMatchObject({
      active: false,
      allow_promotion_codes: true,
      metadata: { campaign: 'spring', note: 'paused' },
    });
    const inactive = await stripe.paymentLinks.list({ active: false });
    expect(inactive.data.map((l) => l.id)).toContain(link.id);
    expect((await stripe.paymentLinks.list({ active: true })).data.map((l) => l.id)).not.toContain(link.id);
    await stripe.paymentLinks.update(link.id, { active: true });
    const updated = await eventFor('payment_link.updated', link.id);
    expect(updated.data.previous_attributes).toMatchObject({ active: true });
    await eventFor('payment_link.created', link.id);
  });

  it('buys a one-time link with client_reference_id and emits checkout.session.completed', async () => {
    const { stripe } = env;
    const link = await stripe.paymentLinks.create({
      line_items: [{ price: oneTime.id, quantity: 1 }],
      metadata: { campaign: 'ref' },
      payment_intent_data: { metadata: { source: 'link' } },
    });
    const session = await buy(link.id, { client_reference_id: 'vouch_ref-42', email: 'buyer@example.com' });
    expect(session).toMatchObject({
      object: 'checkout.session',
      mode: 'payment',
      status: 'complete',
      payment_status: 'paid',
      payment_link: link.id,
      client_reference_id: 'vouch_ref-42',
      customer_creation: 'always',
      amount_total: 5000,
      metadata: { campaign: 'ref' },
    });
    expect(String(session.customer)).toMatch(/^cus_/);
    expect(session.customer_details?.email).toBe('buyer@example.com');
    const fetched = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['payment_intent', 'payment_link'],
    });
    expect((fetched.payment_link as Stripe.PaymentLink).id).toBe(link.id);
    expect((fetched.payment_intent as Stripe.PaymentIntent).metadata).toEqual({ source: 'link' });
    const listed = await stripe.checkout.sessions.list({ payment_link: link.id });
    expect(listed.data.map((s) => s.id)).toEqual([session.id]);
    const completed = await eventFor('checkout.session.completed', session.id);
    expect(completed.data.object).toMatchObject({
      payment_link: link.id,
      client_reference_id: 'vouch_ref-42',
      customer: session.customer,
    });
    await receiver.waitFor((evs) =>
      evs.some((e) => e.type === 'charge.succeeded' && e.data.object.customer === session.customer),
    );
    const direct = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ price: oneTime.id, quantity: 1 }],
    });
    expect(direct.payment_link).toBeNull();
  });

  it('buys a recurring link, and the advance helper renews it with a second invoice.paid', async () => {
    const { stripe } = env;
    const link = await stripe.paymentLinks.create({
      line_items: [{ price: monthly.id, quantity: 1 }],
      subscription_data: { metadata: { plan: 'pro' } },
    });
    expect(link.subscription_data?.metadata).toEqual({ plan: 'pro' });
    const session = await buy(link.id, { client_reference_id: 'ref_sub', name: 'Sam Buyer' });
    expect(session).toMatchObject({
      mode: 'subscription',
      status: 'complete',
      payment_link: link.id,
      client_reference_id: 'ref_sub',
      amount_total: 2000,
    });
    const customer = String(session.customer);
    expect(customer).toMatch(/^cus_/);
    const completed = await eventFor('checkout.session.completed', session.id);
    expect(completed.data.object).toMatchObject({
      payment_link: link.id,
      subscription: session.subscription,
    });
    const sub = await stripe.subscriptions.retrieve(String(session.subscription));
    expect(sub).toMatchObject({ status: 'active', customer, metadata: { plan: 'pro' } });
    const renewed = await advance(sub.id);
    const paidFor = (evs: Stripe.Event[]) =>
      evs.filter((e) => e.type === 'invoice.paid' && e.data.object.customer === customer);
    const events = await receiver.waitFor((evs) => paidFor(evs).length >= 2);
    const paid = paidFor(events).map((e) => e.data.object as Stripe.Invoice);
    expect(paid.map((i) => i.billing_reason)).toEqual(['subscription_create', 'subscription_cycle']);
    expect(paid[1]?.id).toBe(renewed.latest_invoice);
    expect(paid[1]?.amount_paid).toBe(2000);
  });

  it('refuses invalid links and purchases with Stripe-like errors', async () => {
    const { stripe } = env;
    const noItems = await expectStripeError(stripe.paymentLinks.create({} as Stripe.PaymentLinkCreateParams));
    expect(noItems).toMatchObject({ statusCode: 400, param: 'line_items', code: 'parameter_missing' });
    const noQuantity = await expectStripeError(
      stripe.paymentLinks.create({ line_items: [{ price: oneTime.id }] } as Stripe.PaymentLinkCreateParams),
    );
    expect(noQuantity.param).toBe('line_items[0][quantity]');
    const unknown = await expectStripeError(
      stripe.paymentLinks.create({ line_items: [{ price: 'price_nope', quantity: 1 }] }),
    );
    expect(unknown).toMatchObject({ statusCode: 404, param: 'line_items[0][price]' });
    const subData = await expectStripeError(
      stripe.paymentLinks.create({
        line_items: [{ price: oneTime.id, quantity: 1 }],
        subscription_data: { metadata: { a: 'b' } },
      }),
    );
    expect(subData.param).toBe('subscription_data');
    expect((await expectStripeError(stripe.paymentLinks.retrieve('plink_nope'))).statusCode).toBe(404);

    const link = await stripe.paymentLinks.create({ line_items: [{ price: oneTime.id, quantity: 1 }] });
    for (const bad of ['has space', 'semi;colon', 'x'.repeat(201)]) {
      const err = await expectStripeError(buy(link.id, { client_reference_id: bad }));
      expect(err).toMatchObject({ statusCode: 400, param: 'client_reference_id' });
    }
    expect((await buy(link.id, { client_reference_id: 'y'.repeat(200) })).client_reference_id).toHaveLength(
      200,
    );
    const noPromo = await expectStripeError(buy(link.id, { promotion_code: 'LINK20' }));
    expect(noPromo).toMatchObject({ statusCode: 400, param: 'promotion_code' });
    expect(noPromo.message).toMatch(/does not allow promotion codes/);
    const declined = await expectStripeError(buy(link.id, { payment_method: 'pm_card_chargeDeclined' }));
    expect(declined).toMatchObject({ statusCode: 402, code: 'card_declined' });
    const open = await stripe.checkout.sessions.list({ payment_link: link.id, status: 'open' });
    expect(open.data).toHaveLength(1);
    await stripe.paymentLinks.update(link.id, { active: false });
    const inactive = await expectStripeError(buy(link.id));
    expect(inactive).toMatchObject({ statusCode: 400, code: 'payment_link_inactive' });
    expect(inactive.message).toMatch(/no longer active/);
    const sessions = await stripe.checkout.sessions.list({ payment_link: link.id });
    expect(sessions.data).toHaveLength(2);
  });
});
