import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimiter } from '../guards.js';
import { IndexedMap, State } from '../store.js';
import { expectStripeError, startTestEnv, type TestEnv } from './helpers.js';

describe('RateLimiter', () => {
  it('allows perSecond requests in any sliding second and counts the rejected ones', () => {
    const limiter = new RateLimiter(3);
    const accepted = (now: number) => {
      try {
        limiter.check(now);
        return true;
      } catch {
        return false;
      }
    };
    expect([0, 100, 200, 300, 999].map(accepted)).toEqual([true, true, true, false, false]);
    // The request at 0 leaves the window at 1000, the one at 100 at 1100.
    expect([1000, 1001, 1100].map(accepted)).toEqual([true, false, true]);
    expect(limiter.rejected).toBe(3);
    limiter.set(0);
    expect(Array.from({ length: 50 }, () => accepted(1100)).every(Boolean)).toBe(true);
    expect(limiter.rejected).toBe(3);
    expect(() => limiter.set(-1)).toThrow(RangeError);
    expect(() => limiter.set(Number.NaN)).toThrow(RangeError);
  });

  it('matches a naive sliding window over many requests (compaction included)', () => {
    const limiter = new RateLimiter(500);
    const naive: number[] = [];
    let rejected = 0;
    for (let i = 0; i < 20_000; i++) {
      const now = i * 0.4 + (i % 7) * 0.05;
      const windowCount = naive.filter((t) => t > now - 1000).length;
      const expectOk = windowCount < 500;
      if (expectOk) naive.push(now);
      else rejected++;
      let ok = true;
      try {
        limiter.check(now);
      } catch {
        ok = false;
      }
      expect(ok).toBe(expectOk);
    }
    expect(limiter.rejected).toBe(rejected);
    expect(naive.length).toBeGreaterThan(1500);
  });
});

describe('IndexedMap', () => {
  it('keeps Map order and positions through deletes, re-adds and compaction', () => {
    const map = new IndexedMap<string, number>([
      ['a', 1],
      ['b', 2],
    ]);
    map.set('c', 3);
    map.set('a', 10); // an update keeps its place, like Map
    expect(map.delete('b')).toBe(true);
    expect(map.delete('b')).toBe(false);
    map.set('b', 20); // re-added: now the newest
    expect([...map.keys()]).toEqual(['a', 'c', 'b']);
    const slots = Array.from({ length: map.slotCount }, (_, i) => map.atSlot(i));
    expect(slots).toEqual([10, undefined, 3, 20]);
    expect(map.positionOf('b')).toBe(3);

    for (let i = 0; i < 300; i++) map.set(`k${i}`, i);
    for (let i = 0; i < 300; i += 3) map.delete(`k${i}`);
    for (let i = 1; i < 300; i += 3) map.delete(`k${i}`); // more than half are holes now: compacted
    expect(map.slotCount).toBeLessThan(303);
    const keys = [...map.keys()];
    expect(keys.map((k) => map.atSlot(map.positionOf(k) ?? -1))).toEqual([...map.values()]);
    map.clear();
    expect(map.size).toBe(0);
    expect(map.slotCount).toBe(0);
  });

  it('survives a State JSON round trip as an IndexedMap', () => {
    const state = new State();
    state.events.set('evt_1', { id: 'evt_1' } as never);
    const restored = State.fromJSON(JSON.parse(JSON.stringify(state)) as Record<string, unknown>);
    expect(restored.events).toBeInstanceOf(IndexedMap);
    expect(restored.customers).toBeInstanceOf(IndexedMap);
    expect(restored.events.positionOf('evt_1')).toBe(0);
  });
});

describe('rate limit at runtime, customer lists and updates', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestEnv();
  });
  afterAll(async () => {
    await env.emulator.close();
  });

  it('turns the rate limit on and off with setRateLimit and counts 429s in rateLimited()', async () => {
    const { stripe, emulator } = env;
    expect(emulator.rateLimited()).toBe(0);
    const counted = emulator.requests();
    const burst = async (n: number) => {
      const results = await Promise.allSettled(Array.from({ length: n }, () => stripe.customers.list()));
      return results.flatMap((r) => (r.status === 'rejected' ? [r.reason as Stripe.errors.StripeError] : []));
    };
    expect(await burst(10)).toEqual([]);

    emulator.setRateLimit(3);
    const limited = await burst(10);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    expect(limited.every((e) => e instanceof Stripe.errors.StripeRateLimitError)).toBe(true);
    expect(limited[0]?.statusCode).toBe(429);
    expect(limited[0]?.code).toBe('rate_limit');
    expect(emulator.rateLimited()).toBe(limited.length);
    // requests() counts what the limit let through, as Stripe would count it.
    expect(emulator.requests() - counted).toBe(20 - limited.length);

    emulator.setRateLimit(0);
    expect(await burst(20)).toEqual([]);
    expect(emulator.rateLimited()).toBe(limited.length);
    expect(emulator.requests() - counted).toBe(40 - limited.length);
    expect(() => emulator.setRateLimit(-5)).toThrow(RangeError);
  });

  it('pages through a few hundred customers newest first, each exactly once', async () => {
    const { stripe, emulator } = env;
    emulator.reset();
    for (let i = 0; i < 300; i += 25) {
      await Promise.all(
        Array.from({ length: 25 }, (_, j) => stripe.customers.create({ email: `p${i + j}@example.com` })),
      );
    }
    const deleted = new Set<string>();
    const newestFirst = () =>
      emulator
        .events()
        .filter((e) => e.type === 'customer.created')
        .map((e) => (e.data.object as { id: string }).id)
        .filter((id) => !deleted.has(id))
        .reverse();
    const expected = newestFirst();
    expect(expected).toHaveLength(300);

    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await stripe.customers.list({ limit: 100, ...(after ? { starting_after: after } : {}) });
      seen.push(...page.data.map((c) => c.id));
      if (!page.has_more) break;
      after = page.data[page.data.length - 1]?.id;
    }
    expect(seen).toEqual(expected);

    const auto: string[] = [];
    for await (const c of stripe.customers.list({ limit: 37 })) auto.push(c.id);
    expect(auto).toEqual(expected);

    // ending_before walks back towards the newest, each page still newest first.
    const back = await stripe.customers.list({ limit: 5, ending_before: expected[10] ?? '' });
    expect(back.data.map((c) => c.id)).toEqual(expected.slice(5, 10));
    expect(back.has_more).toBe(true);
    const top = await stripe.customers.list({ limit: 5, ending_before: expected[3] ?? '' });
    expect(top.data.map((c) => c.id)).toEqual(expected.slice(0, 3));
    expect(top.has_more).toBe(false);

    // The email filter, with a cursor that the filter excludes.
    const target = await stripe.customers.list({
      email: 'p7@example.com',
      starting_after: expected[0] ?? '',
    });
    expect(target.data.map((c) => c.email)).toEqual(['p7@example.com']);
    expect(target.has_more).toBe(false);

    // Deleting two thirds (compacts the index) keeps pagination exact.
    for (let i = 0; i < 300; i += 25) {
      const ids = expected.slice(i, i + 25).filter((_, j) => (i + j) % 3 !== 0);
      await Promise.all(ids.map((id) => stripe.customers.del(id)));
      for (const id of ids) deleted.add(id);
    }
    const remaining = newestFirst();
    expect(remaining).toHaveLength(100);
    const afterDelete: string[] = [];
    for await (const c of stripe.customers.list({ limit: 30 })) afterDelete.push(c.id);
    expect(afterDelete).toEqual(remaining);
    const backwards: string[] = [];
    for await (const c of stripe.customers.list({ limit: 30, ending_before: remaining[99] ?? '' })) {
      backwards.push(c.id);
    }
    expect(backwards).toEqual(remaining.slice(0, 99).reverse());

    const gone = [...deleted][0] ?? '';
    const err = await expectStripeError(stripe.customers.list({ starting_after: gone }));
    expect(err.statusCode).toBe(404);
    expect(err.code).toBe('resource_missing');
    expect(err.param).toBe('starting_after');
  });

  it('merges metadata on update, removes a key set to empty, and updates the contact fields', async () => {
    const { stripe } = env;
    const c = await stripe.customers.create({ name: 'Ada', metadata: { keep: 'k', drop: 'd' } });
    const merged = await stripe.customers.update(c.id, { metadata: { a: '1' } });
    expect(merged.metadata).toEqual({ keep: 'k', drop: 'd', a: '1' });
    const removed = await stripe.customers.update(c.id, { metadata: { drop: '' } });
    expect(removed.metadata).toEqual({ keep: 'k', a: '1' });
    const fields = await stripe.customers.update(c.id, {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      description: 'first programmer',
      phone: '+15555550100',
    });
    expect(fields).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      description: 'first programmer',
      phone: '+15555550100',
      metadata: { keep: 'k', a: '1' },
    });
    const fetched = await stripe.customers.retrieve(c.id);
    expect(fetched).toMatchObject({
      name: 'Ada Lovelace',
      phone: '+15555550100',
      metadata: { keep: 'k', a: '1' },
    });
    const cleared = await stripe.customers.update(c.id, { phone: '', description: '' });
    expect(cleared).toMatchObject({ phone: null, description: null, name: 'Ada Lovelace' });
  });

  it('replays an update with a repeated Idempotency-Key without applying it or emitting again', async () => {
    const { stripe, emulator } = env;
    const c = await stripe.customers.create({ name: 'Bob' });
    const updatedEvents = () =>
      emulator
        .events()
        .filter((e) => e.type === 'customer.updated' && (e.data.object as { id: string }).id === c.id);
    const params = { name: 'Bob A', metadata: { a: '1' } };
    const first = await stripe.customers.update(c.id, params, { idempotencyKey: 'upd-1' });
    expect(first.name).toBe('Bob A');
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect(updatedEvents()).toHaveLength(1);
    expect(updatedEvents()[0]?.request).toEqual({
      id: first.lastResponse.requestId,
      idempotency_key: 'upd-1',
    });

    // A change in between: the replay must neither undo it nor apply the first update again.
    await stripe.customers.update(c.id, { name: 'Bob B' });
    expect(updatedEvents()).toHaveLength(2);
    const replay = await stripe.customers.update(c.id, params, { idempotencyKey: 'upd-1' });
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(replay.name).toBe('Bob A');
    expect(replay.metadata).toEqual({ a: '1' });
    expect(updatedEvents()).toHaveLength(2);
    expect((await stripe.customers.retrieve(c.id)) as Stripe.Customer).toMatchObject({ name: 'Bob B' });

    const mismatch = await expectStripeError(
      stripe.customers.update(c.id, { name: 'other' }, { idempotencyKey: 'upd-1' }),
    );
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.type).toBe('StripeIdempotencyError');
    expect(updatedEvents()).toHaveLength(2);
  });
});
