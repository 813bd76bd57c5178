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

describe('events, webhooks and idempotency', () => {
  let env: TestEnv;
  let receiver: Receiver;
  let endpoint: Stripe.WebhookEndpoint;
  beforeAll(async () => {
    env = await startTestEnv({ webhookRetryBaseMs: 25 });
    receiver = await startReceiver(env.stripe);
    endpoint = await attachReceiver(env.stripe, receiver, ['customer.created', 'customer.updated']);
  });
  afterAll(async () => {
    await env.emulator.close();
    await receiver.close();
  });

  it('manages webhook endpoints, returning the secret only on create', async () => {
    const { stripe } = env;
    expect(endpoint.secret).toMatch(/^whsec_/);
    const fetched = await stripe.webhookEndpoints.retrieve(endpoint.id);
    expect(fetched.secret).toBeUndefined();
    expect(fetched.enabled_events).toEqual(['customer.created', 'customer.updated']);
    const other = await stripe.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/x',
      enabled_events: ['*'],
    });
    const updated = await stripe.webhookEndpoints.update(other.id, {
      disabled: true,
      url: 'http://127.0.0.1:9/y',
    });
    expect(updated).toMatchObject({ status: 'disabled', url: 'http://127.0.0.1:9/y' });
    const list = await stripe.webhookEndpoints.list();
    expect(list.data.map((e) => e.id)).toEqual([other.id, endpoint.id]);
    expect(await stripe.webhookEndpoints.del(other.id)).toMatchObject({ id: other.id, deleted: true });
    const missing = await expectStripeError(stripe.webhookEndpoints.retrieve(other.id));
    expect(missing.statusCode).toBe(404);
  });

  it('delivers signed events that constructEvent accepts, only for subscribed types', async () => {
    const customer = await env.stripe.customers.create({ email: 'hook@example.com' });
    await env.stripe.customers.update(customer.id, { metadata: { a: '1' } });
    await env.stripe.customers.del(customer.id);
    const events = await receiver.waitFor((evs) => evs.some((e) => e.type === 'customer.updated'));
    await env.emulator.waitForDeliveries();
    expect(receiver.received.every((r) => r.verifyError === null)).toBe(true);
    const created = events.find(
      (e) => e.type === 'customer.created' && (e.data.object as Stripe.Customer).id === customer.id,
    );
    expect(created?.data.object).toMatchObject({ id: customer.id, email: 'hook@example.com' });
    const updated = events.find((e) => e.type === 'customer.updated');
    expect(updated?.data.previous_attributes).toEqual({ metadata: {} });
    expect(events.some((e) => e.type === 'customer.deleted')).toBe(false);
    const wrong = receiver.received[0];
    expect(() =>
      env.stripe.webhooks.constructEvent(wrong?.rawBody ?? '', wrong?.signature ?? '', 'whsec_wrong'),
    ).toThrow();
  });

  it('lists and retrieves events newest first with type filters', async () => {
    const { stripe } = env;
    const c = await stripe.customers.create({ email: 'events@example.com' });
    const list = await stripe.events.list({ type: 'customer.created', limit: 3 });
    expect(list.data[0]?.type).toBe('customer.created');
    expect((list.data[0]?.data.object as Stripe.Customer | undefined)?.id).toBe(c.id);
    const multi = await stripe.events.list({ types: ['customer.created', 'customer.deleted'], limit: 100 });
    expect(new Set(multi.data.map((e) => e.type))).toEqual(new Set(['customer.created', 'customer.deleted']));
    const wildcard = await stripe.events.list({ type: 'customer.*', limit: 100 });
    expect(wildcard.data.length).toBe(multi.data.length + 1);
    const one = await stripe.events.retrieve(list.data[0]?.id ?? '');
    expect(one).toMatchObject({ object: 'event', livemode: false, api_version: expect.any(String) });
    const future = await stripe.events.list({ created: { gt: Math.floor(Date.now() / 1000) + 100 } });
    expect(future.data).toHaveLength(0);
  });

  it('retries failed deliveries with exponential backoff and logs the attempts', async () => {
    receiver.failNext(2, 503);
    const c = await env.stripe.customers.create({ email: 'retry@example.com' });
    await receiver.waitFor((evs) =>
      evs.some((e) => (e.data.object as Stripe.Customer).id === c.id && receiver.received.length > 0),
    );
    await env.emulator.waitForDeliveries();
    const record = env.emulator
      .deliveries()
      .find(
        (d) =>
          d.eventType === 'customer.created' &&
          receiver.received.some(
            (r) => r.event?.id === d.eventId && (r.event.data.object as Stripe.Customer).id === c.id,
          ),
      );
    expect(record?.status).toBe('succeeded');
    expect(record?.attempts.map((a) => a.status)).toEqual([503, 503, 200]);
    const [a1, a2, a3] = (record?.attempts ?? []).map((a) => Date.parse(a.at));
    expect((a2 ?? 0) - (a1 ?? 0)).toBeGreaterThanOrEqual(20);
    expect((a3 ?? 0) - (a2 ?? 0)).toBeGreaterThanOrEqual(45);
    const res = await fetch(`${env.emulator.url}/_emulator/deliveries`);
    const body = (await res.json()) as { data: { id: string }[] };
    expect(body.data.some((d) => d.id === record?.id)).toBe(true);
  });

  it('gives up after the maximum number of attempts', async () => {
    const local = await startTestEnv({ webhookRetryBaseMs: 5, webhookMaxAttempts: 3 });
    const rx = await startReceiver(local.stripe);
    await attachReceiver(local.stripe, rx);
    rx.failNext(10);
    await local.stripe.customers.create({ email: 'fail@example.com' });
    await new Promise((r) => setTimeout(r, 20));
    await local.emulator.waitForDeliveries();
    const [record] = local.emulator.deliveries();
    expect(record?.status).toBe('failed');
    expect(record?.attempts).toHaveLength(3);
    await local.emulator.close();
    await rx.close();
  });

  it('replays an idempotent request and rejects a reused key with other params', async () => {
    const { stripe } = env;
    const key = `idem-${Date.now()}`;
    const first = await stripe.customers.create({ email: 'idem@example.com' }, { idempotencyKey: key });
    const second = await stripe.customers.create({ email: 'idem@example.com' }, { idempotencyKey: key });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    const err = await expectStripeError(
      stripe.customers.create({ email: 'other@example.com' }, { idempotencyKey: key }),
    );
    expect(err.statusCode).toBe(400);
    expect(err.type).toBe('StripeIdempotencyError');
    const found = await stripe.customers.list({ email: 'idem@example.com' });
    expect(found.data).toHaveLength(1);
  });
});
