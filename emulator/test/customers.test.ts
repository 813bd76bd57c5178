import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, expectStripeError, startTestEnv, type TestEnv } from './helpers.js';

describe('customers', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestEnv();
  });
  afterAll(async () => {
    await env.emulator.close();
  });

  it('creates, retrieves, updates (metadata merge/delete) and deletes a customer', async () => {
    const { stripe } = env;
    const created = await stripe.customers.create({
      email: 'ada@example.com',
      name: 'Ada',
      metadata: { plan: 'pro', ref: 'abc' },
    });
    expect(created.id).toMatch(/^cus_/);
    expect(created).toMatchObject({
      object: 'customer',
      livemode: false,
      balance: 0,
      email: 'ada@example.com',
    });
    const fetched = await stripe.customers.retrieve(created.id);
    expect(fetched).toMatchObject({ id: created.id, name: 'Ada' });
    const updated = await stripe.customers.update(created.id, {
      name: 'Ada L',
      metadata: { ref: '', team: 'x' },
    });
    expect(updated.name).toBe('Ada L');
    expect(updated.metadata).toEqual({ plan: 'pro', team: 'x' });
    const deleted = await stripe.customers.del(created.id);
    expect(deleted).toEqual({ id: created.id, object: 'customer', deleted: true });
    const after = await stripe.customers.retrieve(created.id);
    expect(after.deleted).toBe(true);
    const err = await expectStripeError(stripe.customers.update(created.id, { name: 'x' }));
    expect(err.code).toBe('resource_missing');
  });

  it('returns 404 resource_missing for unknown ids', async () => {
    const err = await expectStripeError(env.stripe.customers.retrieve('cus_nope'));
    expect(err.statusCode).toBe(404);
    expect(err.type).toBe('StripeInvalidRequestError');
    expect(err.code).toBe('resource_missing');
    expect(err.message).toBe("No such customer: 'cus_nope'");
    expect(err.param).toBe('id');
  });

  it('rejects invalid params with 400 and the param name', async () => {
    const err = await expectStripeError(
      env.stripe.customers.createBalanceTransaction('cus_x', { amount: 1 } as never),
    );
    expect(err.statusCode).toBe(400);
    expect(err.param).toBe('currency');
    expect(err.message).toContain('Missing required param: currency');
  });

  it('rejects non-test keys with 401', async () => {
    const live = clientFor(env.emulator, 'sk_live_1234567890abcdef');
    const err = await expectStripeError(live.customers.list());
    expect(err.statusCode).toBe(401);
    expect(err.type).toBe('StripeAuthenticationError');
    expect(err.message).toMatch(/^Invalid API Key provided: sk_live_/);
    expect(err.raw).toMatchObject({ type: 'invalid_request_error' });
  });

  it('lists newest first with pagination and email/created filters', async () => {
    const { stripe } = env;
    const email = `page-${Date.now()}@example.com`;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await stripe.customers.create({ email, name: `n${i}` })).id);
    const page1 = await stripe.customers.list({ email, limit: 2 });
    expect(page1.object).toBe('list');
    expect(page1.url).toBe('/v1/customers');
    expect(page1.data.map((c) => c.id)).toEqual([ids[4], ids[3]]);
    expect(page1.has_more).toBe(true);
    const page2 = await stripe.customers.list({ email, limit: 2, starting_after: ids[3] });
    expect(page2.data.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    const last = await stripe.customers.list({ email, limit: 2, starting_after: ids[1] });
    expect(last.data.map((c) => c.id)).toEqual([ids[0]]);
    expect(last.has_more).toBe(false);
    const before = await stripe.customers.list({ email, limit: 2, ending_before: ids[1] });
    expect(before.data.map((c) => c.id)).toEqual([ids[3], ids[2]]);
    const all: string[] = [];
    for await (const c of stripe.customers.list({ email, limit: 2 })) all.push(c.id);
    expect(all).toEqual([...ids].reverse());
    const now = Math.floor(Date.now() / 1000);
    const recent = await stripe.customers.list({
      email,
      created: { gte: now - 60, lte: now + 60 },
      limit: 100,
    });
    expect(recent.data).toHaveLength(5);
    const none = await stripe.customers.list({ email, created: { gt: now + 60 } });
    expect(none.data).toHaveLength(0);
  });

  it('searches by email and metadata combined with AND', async () => {
    const { stripe } = env;
    const tag = `t${Date.now()}`;
    const a = await stripe.customers.create({
      email: 'search-a@example.com',
      metadata: { tag, tier: 'gold' },
    });
    await stripe.customers.create({ email: 'search-b@example.com', metadata: { tag, tier: 'silver' } });
    const res = await stripe.customers.search({
      query: `metadata['tag']:'${tag}' AND metadata['tier']:'gold'`,
    });
    expect(res.object).toBe('search_result');
    expect(res.data.map((c) => c.id)).toEqual([a.id]);
    const byEmail = await stripe.customers.search({ query: "email:'search-a@example.com'" });
    expect(byEmail.data.map((c) => c.id)).toContain(a.id);
    const paged = await stripe.customers.search({ query: `metadata['tag']:'${tag}'`, limit: 1 });
    expect(paged.has_more).toBe(true);
    expect(paged.next_page).toBeTruthy();
    const next = await stripe.customers.search({
      query: `metadata['tag']:'${tag}'`,
      limit: 1,
      page: paged.next_page ?? '',
    });
    expect(next.data[0]?.id).toBe(a.id);
    const bad = await expectStripeError(stripe.customers.search({ query: 'nonsense' }));
    expect(bad.param).toBe('query');
  });

  it('keeps the balance through balance transactions', async () => {
    const { stripe } = env;
    const c = await stripe.customers.create({ email: 'bal@example.com' });
    const t1 = await stripe.customers.createBalanceTransaction(c.id, { amount: -500, currency: 'usd' });
    expect(t1).toMatchObject({ object: 'customer_balance_transaction', amount: -500, ending_balance: -500 });
    expect(t1.id).toMatch(/^cbtxn_/);
    await stripe.customers.createBalanceTransaction(c.id, { amount: 200, currency: 'usd', description: 'x' });
    const after = await stripe.customers.retrieve(c.id);
    expect(!after.deleted && after.balance).toBe(-300);
    const list = await stripe.customers.listBalanceTransactions(c.id);
    expect(list.data.map((t) => t.amount)).toEqual([200, -500]);
    const one = await stripe.customers.retrieveBalanceTransaction(c.id, t1.id);
    expect(one.id).toBe(t1.id);
    const wrong = await expectStripeError(
      stripe.customers.createBalanceTransaction(c.id, { amount: 1, currency: 'eur' }),
    );
    expect(wrong.statusCode).toBe(400);
  });

  it('returns the account with the default currency', async () => {
    const account = await env.stripe.accounts.retrieveCurrent();
    expect(account.default_currency).toBe('usd');
    expect(account.id).toMatch(/^acct_/);
  });

  it('answers unknown URLs with 404', async () => {
    const err = await expectStripeError(env.stripe.rawRequest('GET', '/v1/nothing_here', {}));
    expect(err.statusCode).toBe(404);
    expect(err.message).toContain('Unrecognized request URL');
  });
});
