import type Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SDK_API_VERSION, startEmulator } from '../index.js';
import {
  attachReceiver,
  expectStripeError,
  type Receiver,
  startReceiver,
  startTestEnv,
  type TestEnv,
} from './helpers.js';

const OLD = '2022-08-01';
type Json = Record<string, unknown>;

/** One payment, one paid subscription invoice and one promotion code: the objects whose shape changed. */
async function makeObjects(stripe: Stripe) {
  const customer = await stripe.customers.create({ email: 'versions@example.com' });
  const pi = await stripe.paymentIntents.create({
    amount: 1200,
    currency: 'usd',
    customer: customer.id,
    payment_method: 'pm_card_visa',
    confirm: true,
  });
  const product = await stripe.products.create({ name: 'Plan' });
  const price = await stripe.prices.create({
    product: product.id,
    unit_amount: 900,
    currency: 'usd',
    recurring: { interval: 'month' },
  });
  const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
  const coupon = await stripe.coupons.create({ percent_off: 10, duration: 'once' });
  const promo = await stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id } });
  return { customer, pi, sub, coupon, promo };
}

const objectOf = (events: Stripe.Event[], type: string) =>
  events.find((e) => e.type === type)?.data.object as unknown as Json;

async function rawGet(env: TestEnv, path: string, version?: string) {
  const res = await fetch(`${env.emulator.url}${path}`, {
    headers: { authorization: 'Bearer sk_test_raw', ...(version ? { 'stripe-version': version } : {}) },
  });
  return { status: res.status, version: res.headers.get('stripe-version'), body: (await res.json()) as Json };
}

describe('an account on an old default API version', () => {
  let env: TestEnv;
  let unpinned: Receiver;
  let pinned: Receiver;
  let made: Awaited<ReturnType<typeof makeObjects>>;
  beforeAll(async () => {
    env = await startTestEnv({ defaultApiVersion: OLD });
    unpinned = await startReceiver(env.stripe);
    pinned = await startReceiver(env.stripe);
    const endpoint = await attachReceiver(env.stripe, unpinned);
    expect(endpoint.api_version).toBeNull();
    const pinnedEndpoint = await env.stripe.webhookEndpoints.create({
      url: pinned.url,
      enabled_events: ['*'],
      api_version: SDK_API_VERSION as Stripe.WebhookEndpointCreateParams.ApiVersion,
    });
    expect(pinnedEndpoint.api_version).toBe(SDK_API_VERSION);
    pinned.secret = pinnedEndpoint.secret ?? '';
    made = await makeObjects(env.stripe);
    await env.emulator.waitForDeliveries();
  });
  afterAll(async () => {
    await env.emulator.close();
    await unpinned.close();
    await pinned.close();
  });

  it('sends webhooks in its old shapes to an endpoint without a pinned version', async () => {
    const events = await unpinned.waitFor((es) => es.some((e) => e.type === 'promotion_code.created'));
    expect(unpinned.received.every((r) => r.verifyError === null)).toBe(true);
    expect(new Set(events.map((e) => e.api_version))).toEqual(new Set([OLD]));

    const pi = objectOf(events, 'payment_intent.succeeded');
    expect(pi).not.toHaveProperty('latest_charge');
    expect(pi.charges).toMatchObject({ object: 'list', total_count: 1, has_more: false });
    const [charge] = (pi.charges as { data: Json[] }).data;
    expect(charge).toMatchObject({ object: 'charge', status: 'succeeded', payment_intent: made.pi.id });

    const invoice = objectOf(events, 'invoice.paid');
    expect(invoice).not.toHaveProperty('parent');
    expect(invoice).not.toHaveProperty('payments');
    expect(invoice).toMatchObject({ subscription: made.sub.id, paid: true });
    expect(invoice.charge).toMatch(/^ch_/);
    expect(invoice.payment_intent).toMatch(/^pi_/);
    // The invoice's own charge names the invoice, as it did before 2025-03-31.basil.
    const invoiceCharge = events.find(
      (e) => e.type === 'charge.succeeded' && (e.data.object as Stripe.Charge).id === invoice.charge,
    )?.data.object as unknown as Json;
    expect(invoiceCharge.invoice).toBe(invoice.id);

    const promo = objectOf(events, 'promotion_code.created');
    expect(promo).not.toHaveProperty('promotion');
    expect(promo.coupon).toMatchObject({ id: made.coupon.id, object: 'coupon', percent_off: 10 });
  });

  it('sends them in the pinned version to an endpoint pinned to a newer one', async () => {
    const events = await pinned.waitFor((es) => es.some((e) => e.type === 'promotion_code.created'));
    expect(pinned.received.every((r) => r.verifyError === null)).toBe(true);
    expect(new Set(events.map((e) => e.api_version))).toEqual(new Set([SDK_API_VERSION]));
    const pi = objectOf(events, 'payment_intent.succeeded');
    expect(pi.latest_charge).toMatch(/^ch_/);
    expect(pi).not.toHaveProperty('charges');
    const invoice = objectOf(events, 'invoice.paid');
    expect(invoice.parent).toMatchObject({ subscription_details: { subscription: made.sub.id } });
    expect(invoice).not.toHaveProperty('subscription');
    expect(objectOf(events, 'promotion_code.created').promotion).toEqual({
      type: 'coupon',
      coupon: made.coupon.id,
    });
  });

  it('returns events from the Events API in the version they were made in, whatever the request version', async () => {
    const listed = await env.stripe.events.list({ types: ['payment_intent.succeeded'], limit: 1 });
    const event = listed.data[0]!;
    expect(event.api_version).toBe(OLD);
    expect(event.data.object).toHaveProperty('charges');
    const one = await env.stripe.events.retrieve(event.id);
    expect(one.data.object).not.toHaveProperty('latest_charge');
  });

  it('answers an API call in the version it names, else in the account default', async () => {
    // The SDK sends its own version with every request.
    const viaSdk = await env.stripe.paymentIntents.retrieve(made.pi.id);
    expect(viaSdk.latest_charge).toMatch(/^ch_/);
    expect(viaSdk).not.toHaveProperty('charges');
    const plain = await rawGet(env, `/v1/payment_intents/${made.pi.id}`);
    expect(plain.version).toBe(OLD);
    expect(plain.body).not.toHaveProperty('latest_charge');
    expect((plain.body.charges as { data: unknown[] }).data).toHaveLength(1);
    const named = await rawGet(env, `/v1/invoices?subscription=${made.sub.id}`, '2025-03-31.basil');
    expect(named.version).toBe('2025-03-31.basil');
    expect((named.body.data as Json[])[0]).toHaveProperty('parent');
    const promos = await rawGet(env, '/v1/promotion_codes', '2025-08-27.basil');
    expect((promos.body.data as Json[])[0]).toMatchObject({ coupon: { id: made.coupon.id } });
  });
});

describe('API versions over time', () => {
  let env: TestEnv;
  afterEach(async () => env?.emulator.close());

  it('lists each event in the version that was the default when it was made', async () => {
    env = await startTestEnv({ defaultApiVersion: '2024-06-20' });
    const coupon = await env.stripe.coupons.create({ percent_off: 15, duration: 'once' });
    const before = await env.stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
    });
    expect(env.emulator.defaultApiVersion()).toBe('2024-06-20');
    env.emulator.setDefaultApiVersion(SDK_API_VERSION);
    const after = await env.stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
    });
    await env.stripe.promotionCodes.update(before.id, { active: false });

    const events: Stripe.Event[] = [];
    for await (const e of env.stripe.events.list({
      types: ['promotion_code.created', 'promotion_code.updated'],
    }))
      events.push(e);
    const byObject = (id: string, type: string) =>
      events.find((e) => e.type === type && (e.data.object as { id: string }).id === id)!;
    const old = byObject(before.id, 'promotion_code.created');
    expect(old.api_version).toBe('2024-06-20');
    expect(old.data.object).toMatchObject({ coupon: { id: coupon.id } });
    const current = byObject(after.id, 'promotion_code.created');
    expect(current.api_version).toBe(SDK_API_VERSION);
    expect(current.data.object).toMatchObject({ promotion: { coupon: coupon.id } });
    const updated = byObject(before.id, 'promotion_code.updated');
    expect(updated.data.previous_attributes).toEqual({ active: true });
  });

  it('shows previous_attributes in the event’s version too', async () => {
    env = await startTestEnv({ defaultApiVersion: OLD });
    const customer = await env.stripe.customers.create({ email: 'renews@example.com' });
    const product = await env.stripe.products.create({ name: 'Plan' });
    const price = await env.stripe.prices.create({
      product: product.id,
      unit_amount: 900,
      currency: 'usd',
      recurring: { interval: 'month' },
    });
    const sub = await env.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
    });
    const periodEnd = sub.items.data[0]!.current_period_end;
    await env.stripe.rawRequest('POST', `/v1/test_helpers/subscriptions/${sub.id}/advance`, {});
    const [updated] = (await env.stripe.events.list({ types: ['customer.subscription.updated'] })).data;
    // Before 2025-03-31.basil the period was the subscription's own, so its change shows at the top level.
    expect(updated!.data.previous_attributes).toMatchObject({ current_period_end: periodEnd });
    expect((updated!.data.object as unknown as Json).current_period_end).toBeGreaterThan(periodEnd);
  });

  it('refuses versions Stripe never published', async () => {
    env = await startTestEnv();
    expect(env.emulator.defaultApiVersion()).toBe(SDK_API_VERSION);
    const header = await rawGet(env, '/v1/customers', '2023-01-01');
    expect(header.status).toBe(400);
    expect(header.body).toMatchObject({ error: { type: 'invalid_request_error' } });
    const pin = await expectStripeError(
      env.stripe.webhookEndpoints.create({
        url: 'https://hooks.example.com/h',
        enabled_events: ['*'],
        api_version: '2023-01-01' as Stripe.WebhookEndpointCreateParams.ApiVersion,
      }),
    );
    expect(pin).toMatchObject({ statusCode: 400, param: 'api_version' });
    expect(() => env.emulator.setDefaultApiVersion('yesterday')).toThrow(RangeError);
    await expect(startEmulator({ defaultApiVersion: '2099-01-01' })).rejects.toThrow(/defaultApiVersion/);
  });
});
