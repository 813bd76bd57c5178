import type Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectStripeError, startTestEnv, type TestEnv } from './helpers.js';

const T0 = 1_800_000_000;

describe('GET /v1/events for reconciliation', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestEnv();
  });
  afterAll(async () => {
    await env.emulator.close();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const createCustomers = async (count: number) => {
    for (let i = 0; i < count; i += 25) {
      const batch = Array.from({ length: Math.min(25, count - i) }, (_, j) => i + j);
      await Promise.all(batch.map((n) => env.stripe.customers.create({ email: `c${n}@example.com` })));
    }
  };

  it('auto-paginates a few hundred events exactly once, newest first, while new ones arrive', async () => {
    env.emulator.reset();
    const since = Math.floor(Date.now() / 1000);
    await createCustomers(300);
    const existing = env.emulator
      .events()
      .map((e) => e.id)
      .reverse();
    expect(existing).toHaveLength(300);
    const seen: string[] = [];
    let extra = 0;
    for await (const event of env.stripe.events.list({ created: { gte: since }, limit: 37 })) {
      seen.push(event.id);
      if (seen.length % 20 === 0) {
        await env.stripe.customers.create({ email: `late${extra++}@example.com` });
      }
    }
    expect(extra).toBe(15);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(existing);

    // Backwards (ending_before): oldest first, and events created meanwhile are picked up once each.
    const oldest = existing[existing.length - 1] ?? '';
    const forward: string[] = [];
    for await (const event of env.stripe.events.list({ ending_before: oldest, limit: 50 })) {
      forward.push(event.id);
      if (forward.length === 100) await createCustomers(3);
    }
    const all = env.emulator.events().map((e) => e.id);
    expect(forward).toEqual(all.slice(1));
  });

  it('combines created[gt]/created[gte]/created[lte], types[] and cursors', async () => {
    env.emulator.reset();
    vi.useFakeTimers({ toFake: ['Date'] });
    const customers: Stripe.Customer[] = [];
    vi.setSystemTime(T0 * 1000);
    for (let i = 0; i < 3; i++) customers.push(await env.stripe.customers.create({ email: `t${i}@x.com` }));
    vi.setSystemTime((T0 + 10) * 1000);
    for (const c of customers) await env.stripe.customers.update(c.id, { metadata: { n: '1' } });
    vi.setSystemTime((T0 + 20) * 1000);
    for (const c of customers) await env.stripe.customers.del(c.id);
    vi.useRealTimers();
    const { stripe } = env;
    const list = async (params: Stripe.EventListParams) => (await stripe.events.list(params)).data;
    const types = (events: Stripe.Event[]) => events.map((e) => `${e.type}@${e.created - T0}`);

    expect(types(await list({ created: { gte: T0 + 10, gt: T0 + 10 }, limit: 100 }))).toEqual(
      Array(3).fill('customer.deleted@20'),
    );
    expect(types(await list({ created: { gt: T0, gte: T0 + 5, lte: T0 + 10 }, limit: 100 }))).toEqual(
      Array(3).fill('customer.updated@10'),
    );
    const createdOrDeleted = await list({ types: ['customer.created', 'customer.deleted'], limit: 100 });
    expect(types(createdOrDeleted)).toEqual([
      ...Array(3).fill('customer.deleted@20'),
      ...Array(3).fill('customer.created@0'),
    ]);

    const all = await list({ limit: 100 });
    expect(all.map((e) => e.created)).toEqual([...all.map((e) => e.created)].sort((a, b) => b - a));
    const page1 = await stripe.events.list({ limit: 4 });
    expect(page1.has_more).toBe(true);
    const page2 = await stripe.events.list({ limit: 4, starting_after: page1.data[3]?.id });
    expect([...page1.data, ...page2.data].map((e) => e.id)).toEqual(all.map((e) => e.id).slice(0, 8));
    const before = await stripe.events.list({ limit: 2, ending_before: page2.data[0]?.id });
    expect(before.data.map((e) => e.id)).toEqual(all.slice(2, 4).map((e) => e.id));
    expect(before.has_more).toBe(true);
    // A cursor the filters exclude still marks a position in the log.
    const updatedCursor = all.find((e) => e.type === 'customer.updated')?.id;
    const afterUpdate = await list({ type: 'customer.created', starting_after: updatedCursor, limit: 2 });
    expect(types(afterUpdate)).toEqual(['customer.created@0', 'customer.created@0']);

    const both = await expectStripeError(stripe.events.list({ type: 'customer.created', types: ['x'] }));
    expect(both.statusCode).toBe(400);
    expect(both.param).toBe('types');
    const tooMany = await expectStripeError(
      stripe.events.list({ types: Array.from({ length: 21 }, (_, i) => `t.${i}`) }),
    );
    expect(tooMany.statusCode).toBe(400);
    const badLimit = await expectStripeError(stripe.events.list({ limit: 101 }));
    expect(badLimit.param).toBe('limit');
    const badCursor = await expectStripeError(stripe.events.list({ starting_after: 'evt_missing' }));
    expect(badCursor.statusCode).toBe(404);
  });
});
