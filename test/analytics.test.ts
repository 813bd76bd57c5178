import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerLinksRepository } from '../src/db/repositories/customer-links.js';
import { type PaymentRecord, paymentFactsRepository } from '../src/db/repositories/payment-facts.js';
import { foldAnalyticsJob } from '../src/jobs/fold-analytics-job.js';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { keyWithRole } from './helpers/teammates.js';
import { api, bearer, eventually } from './helpers/test-app.js';
import { onPostgres } from './helpers/test-target.js';

// The overview's figures, from a small made-up shop: a campaign whose friends pay through the Stripe
// emulator (a qualification, a refund, a second currency, a reward), another campaign beside it, and older
// Stripe facts written as the event handlers write them, to pin down days, weeks and late links.
let env: StripeEnv;
let connectionId: string;
let shop: string;
let side: string;
const people: Record<string, { id: string; slug: string }> = {};
const leads: Record<string, string> = {};
const today = new Date().toISOString().slice(0, 10);
const daysBefore = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

const get = async (url: string) => {
  const res = await api(env, 'GET', url);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const clicksOf = async (id: string): Promise<number> => (await get(`/v1/referrers/${id}`)).clicks_count;

async function referrer(campaignId: string, name: string) {
  const res = await api(env, 'POST', `/v1/campaigns/${campaignId}/referrers`, {
    email: `${name.toLowerCase()}@example.com`,
    first_name: name,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  people[name] = { id: res.body.id, slug: res.body.slug };
}

/** A friend of `by` who becomes a Stripe customer with the same email, linked to their lead. */
async function friend(name: string, by: string) {
  const email = `${name}@example.com`;
  const lead = (await api(env, 'POST', `/v1/campaigns/${shop}/leads`, { email, referrer: people[by]!.id }))
    .body;
  leads[name] = lead.id;
  const customer = await env.stripe.customers.create({ email });
  await eventually(async () =>
    (await get(`/v1/leads/${lead.id}`)).timeline.some(
      (e: { type: string }) => e.type === 'lead.customer_linked',
    ),
  );
  return customer.id;
}

async function pay(customer: string, amount: number, currency = 'usd') {
  const intent = await env.stripe.paymentIntents.create({
    amount,
    currency,
    customer,
    payment_method: 'pm_card_visa',
    confirm: true,
  });
  return intent.latest_charge as string;
}

/** Waits until the summary shows this revenue (payments arrive through webhooks and the inbox). */
const revenueIs = (query: string, revenue: unknown) =>
  eventually(
    async () =>
      JSON.stringify((await get(`/v1/analytics/summary?${query}`)).revenue) === JSON.stringify(revenue),
  );

beforeAll(async () => {
  env = await startStripeEnv();
  connectionId = (await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_analytics' })).body.id;
  const created = await api(env, 'POST', '/v1/campaigns', {
    name: 'Shop',
    status: 'live',
    connection_id: connectionId,
    qualification: { method: 'spend', target_amount: 5000, window_days: 30, refunds_unqualify: true },
    rewards: {
      referrer: { kind: 'balance_credit', amount: 1500, currency: 'USD' },
      friend: null,
      max_per_referrer: null,
      budget: null,
      hold_days: 0,
      manual_approval: false,
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  shop = created.body.id;
  side = (await api(env, 'POST', '/v1/campaigns', { name: 'Side', status: 'live' })).body.id;
  await referrer(shop, 'Ann');
  await referrer(shop, 'Ben');
  await referrer(side, 'Cy');

  // Clicks: Ann 3, Ben 1, Cy 2.
  for (const name of ['Ann', 'Ann', 'Ann', 'Ben', 'Cy', 'Cy'])
    expect((await env.app.inject({ method: 'GET', url: `/r/${people[name]!.slug}` })).statusCode).toBe(302);
  await eventually(
    async () => (await clicksOf(people.Ann!.id)) === 3 && (await clicksOf(people.Cy!.id)) === 2,
  );
  await eventually(async () => (await clicksOf(people.Ben!.id)) === 1);

  // Ann's first friend qualifies (and Ann gets her reward); her second pays less and gets some back; Ben's
  // friend pays in euros; Ben also names Ann's first friend, which is rejected. Cy has one friend.
  const first = await friend('first', 'Ann');
  await pay(first, 6000);
  await eventually(async () => (await get(`/v1/leads/${leads.first}`)).status === 'qualified');
  const second = await friend('second', 'Ann');
  const charge = await pay(second, 2000);
  const euro = await friend('euro', 'Ben');
  await pay(euro, 2500, 'eur');
  await revenueIs(`campaign_id=${shop}`, [
    { amount: 2500, currency: 'eur' },
    { amount: 8000, currency: 'usd' },
  ]);
  await env.stripe.refunds.create({ charge, amount: 500 });
  await revenueIs(`campaign_id=${shop}`, [
    { amount: 2500, currency: 'eur' },
    { amount: 7500, currency: 'usd' },
  ]);
  const rejected = await api(env, 'POST', `/v1/campaigns/${shop}/leads`, {
    email: 'first@example.com',
    referrer: people.Ben!.id,
  });
  expect(rejected.body.status).toBe('rejected');
  await api(env, 'POST', `/v1/campaigns/${side}/leads`, {
    email: 'cyfriend@example.com',
    referrer: people.Cy!.id,
  });
  await eventually(async () => {
    const rewards = (await get(`/v1/rewards?lead_id=${leads.first}&limit=10`)).data;
    return rewards.length === 1 && rewards[0].status === 'issued';
  });
}, 120_000);
afterAll(async () => env.close());

describe('the summary', () => {
  it("adds up one campaign's clicks, sign-ups, leads, qualified leads, revenue per currency and rewards", async () => {
    expect(await get(`/v1/analytics/summary?campaign_id=${shop}`)).toEqual({
      object: 'analytics_summary',
      campaign_id: shop,
      from: daysBefore(29),
      to: today,
      clicks: 4,
      sign_ups: 2,
      leads: 3,
      qualified: 1,
      qualification_rate: 1 / 3,
      revenue: [
        { amount: 2500, currency: 'eur' },
        { amount: 7500, currency: 'usd' },
      ],
      rewards_issued: 1,
    });
  });

  it('adds up every campaign without campaign_id, and nothing outside the period', async () => {
    expect(await get('/v1/analytics/summary?from=2025-06-01&to=2025-06-01')).toMatchObject({
      campaign_id: null,
      clicks: 0,
      sign_ups: 0,
      leads: 0,
      qualified: 0,
      qualification_rate: null,
      revenue: [],
      rewards_issued: 0,
    });
    expect(await get(`/v1/analytics/summary?from=${daysBefore(6)}`)).toMatchObject({
      campaign_id: null,
      from: daysBefore(6),
      clicks: 6,
      sign_ups: 3,
      leads: 4,
      qualified: 1,
      qualification_rate: 1 / 4,
      rewards_issued: 1,
    });
  });
});

describe('the time series', () => {
  it('has a point a day, zeros included, the figures on the day they happened', async () => {
    const series = await get(
      `/v1/analytics/timeseries?campaign_id=${shop}&from=${daysBefore(6)}&to=${today}`,
    );
    expect(series).toMatchObject({ object: 'analytics_timeseries', interval: 'day', campaign_id: shop });
    expect(series.data.map((p: { start: string }) => p.start)).toEqual(
      [6, 5, 4, 3, 2, 1, 0].map((n) => daysBefore(n)),
    );
    const zero = { clicks: 0, sign_ups: 0, leads: 0, qualified: 0, revenue: [], rewards_issued: 0 };
    for (const point of series.data.slice(0, 6)) expect(point).toEqual({ start: point.start, ...zero });
    expect(series.data[6]).toEqual({
      start: today,
      clicks: 4,
      sign_ups: 2,
      leads: 3,
      qualified: 1,
      revenue: [
        { amount: 2500, currency: 'eur' },
        { amount: 7500, currency: 'usd' },
      ],
      rewards_issued: 1,
    });
  });

  it('has a point a week, each starting on a Monday', async () => {
    const series = await get(`/v1/analytics/timeseries?interval=week&from=${daysBefore(20)}`);
    for (const point of series.data) expect(new Date(`${point.start}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(series.data.length).toBeGreaterThanOrEqual(3);
    expect(series.data.at(-1)).toMatchObject({ clicks: 6, sign_ups: 3, leads: 4, qualified: 1 });
  });
});

describe('the top referrers', () => {
  it('ranks by qualified leads, then leads, with their clicks and revenue', async () => {
    const top = await get(`/v1/analytics/top_referrers?campaign_id=${shop}`);
    expect(top.data).toEqual([
      {
        referrer_id: people.Ann!.id,
        campaign_id: shop,
        email: 'ann@example.com',
        first_name: 'Ann',
        last_name: null,
        clicks: 3,
        leads: 2,
        qualified: 1,
        revenue: [{ amount: 7500, currency: 'usd' }],
      },
      {
        referrer_id: people.Ben!.id,
        campaign_id: shop,
        email: 'ben@example.com',
        first_name: 'Ben',
        last_name: null,
        clicks: 1,
        leads: 1,
        qualified: 0,
        revenue: [{ amount: 2500, currency: 'eur' }],
      },
    ]);
    const everywhere = await get('/v1/analytics/top_referrers?limit=3');
    expect(everywhere.data.map((r: { first_name: string }) => r.first_name)).toEqual(['Ann', 'Ben', 'Cy']);
    expect((await get('/v1/analytics/top_referrers?limit=1')).data).toHaveLength(1);
  });
});

describe('revenue kept as Stripe facts arrive, in any order', () => {
  const facts = () => paymentFactsRepository(env.db.database.db);
  const payment = (
    chargeId: string,
    day: string,
    amount: number,
    status: PaymentRecord['status'],
    observedAt = 1,
  ) => ({
    chargeId,
    customerId: 'cus_late',
    amount,
    currency: 'usd',
    settledAmount: amount,
    status,
    createdAt: new Date(`${day}T10:00:00Z`),
    observedAt,
  });
  const refund = (refundId: string, chargeId: string, day: string, amount: number) => ({
    refundId,
    chargeId,
    amount,
    settledAmount: amount,
    status: 'succeeded' as const,
    createdAt: new Date(`${day}T12:00:00Z`),
    observedAt: 2,
  });
  const january = () => `campaign_id=${shop}&from=2026-01-01&to=2026-01-31`;
  const weekly = async () =>
    (await get(`/v1/analytics/timeseries?${january()}&interval=week`)).data.map(
      (p: { start: string; revenue: { amount: number }[] }) => [p.start, p.revenue.map((m) => m.amount)],
    );

  it('counts a customer linked after paying, takes refunds away on their day, and waits for a charge to succeed', async () => {
    await facts().insertNewPayments(connectionId, [payment('ch_jan5', '2026-01-05', 4000, 'succeeded')]);
    expect((await get(`/v1/analytics/summary?${january()}`)).revenue).toEqual([]);
    await customerLinksRepository(env.db.database.db).linkLead(
      connectionId,
      'cus_late',
      leads.euro!,
      'matched_email',
      new Date(),
    );
    expect((await get(`/v1/analytics/summary?${january()}`)).revenue).toEqual([
      { amount: 4000, currency: 'usd' },
    ]);
    await facts().saveRefund(connectionId, refund('re_jan13', 'ch_jan5', '2026-01-13', 1000));
    // A refund that arrives before its charge counts when the charge does.
    await facts().saveRefund(connectionId, refund('re_jan20', 'ch_jan19', '2026-01-20', 700));
    await facts().insertNewPayments(connectionId, [payment('ch_jan19', '2026-01-19', 2000, 'succeeded')]);
    await facts().savePayment(connectionId, payment('ch_jan26', '2026-01-26', 900, 'pending'));
    expect(await weekly()).toEqual([
      ['2025-12-29', []],
      ['2026-01-05', [4000]],
      ['2026-01-12', [-1000]],
      ['2026-01-19', [1300]],
      ['2026-01-26', []],
    ]);
    expect(
      await facts().savePayment(connectionId, payment('ch_jan26', '2026-01-26', 900, 'succeeded', 5)),
    ).toBe(true);
    expect((await weekly()).at(-1)).toEqual(['2026-01-26', [900]]);
    expect((await get(`/v1/analytics/summary?${january()}`)).revenue).toEqual([
      { amount: 5200, currency: 'usd' },
    ]);
    // The top referrers rank referrers by the leads of the period: none were referred in January.
    const top = await get(`/v1/analytics/top_referrers?${january()}`);
    expect(top.data).toEqual([]);
  });
});

describe('the day totals, appended by writers and folded every minute', () => {
  const db = () => env.db.database.db;
  const figures = () =>
    Promise.all(
      [
        `summary?campaign_id=${shop}`,
        'summary',
        `timeseries?campaign_id=${shop}&interval=week`,
        'top_referrers',
        `timeseries?campaign_id=${shop}&from=2026-01-01&to=2026-02-28`,
      ].map((q) => get(`/v1/analytics/${q}`)),
    );
  const rowsOf = async (folded: boolean) => {
    const { rows } = await sql<{ n: number }>`
      select ((select count(*) from campaign_days where folded = ${folded})
        + (select count(*) from revenue_days where folded = ${folded})
        + (select count(*) from campaign_revenue_days where folded = ${folded}))::int as n`.execute(db());
    return rows[0]!.n;
  };
  const fold = () =>
    foldAnalyticsJob.handle(
      {},
      { database: env.db.database, logger: pino({ level: 'silent' }), now: () => new Date() },
    );

  it('a writer holding its transaction open keeps no other writer of the campaign waiting', async () => {
    const facts = (tx: Parameters<typeof paymentFactsRepository>[0]) => paymentFactsRepository(tx);
    await customerLinksRepository(db()).linkLead(
      connectionId,
      'cus_feb',
      leads.euro!,
      'matched_email',
      new Date(),
    );
    const charge = (chargeId: string) => ({
      chargeId,
      customerId: 'cus_feb',
      amount: 100,
      currency: 'usd',
      settledAmount: 100,
      status: 'succeeded' as const,
      createdAt: new Date('2026-02-10T10:00:00Z'),
      observedAt: 1,
    });
    if (!onPostgres()) {
      // One connection: the two writes follow each other; the figures still add up.
      await facts(db()).insertNewPayments(connectionId, [charge('ch_feb_a')]);
      await facts(db()).insertNewPayments(connectionId, [charge('ch_feb_b')]);
    } else {
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let written!: () => void;
      const firstWrote = new Promise<void>((resolve) => {
        written = resolve;
      });
      const first = db()
        .transaction()
        .execute(async (tx) => {
          await facts(tx).insertNewPayments(connectionId, [charge('ch_feb_a')]);
          written();
          await held;
        });
      await firstWrote;
      try {
        // The same campaign, day and currency as the open transaction's payment: no lock to wait for.
        await db()
          .transaction()
          .execute(async (tx) => {
            await sql`set local lock_timeout = '5s'`.execute(tx);
            await facts(tx).insertNewPayments(connectionId, [charge('ch_feb_b')]);
          });
      } finally {
        release();
        await first;
      }
    }
    const february = await get(`/v1/analytics/summary?campaign_id=${shop}&from=2026-02-01&to=2026-02-28`);
    expect(february.revenue).toEqual([{ amount: 200, currency: 'usd' }]);
  });

  it("folds each key's rows into one, every figure unchanged, and then finds nothing to fold", async () => {
    const before = await figures();
    await fold();
    expect(await rowsOf(false)).toBe(0);
    const { rows: repeated } = await sql<{ n: number }>`
      select ((select count(*) from (select 1 from campaign_days group by campaign_id, day having count(*) > 1) d)
        + (select count(*) from (select 1 from revenue_days
            group by campaign_id, day, referrer_id, currency having count(*) > 1) r)
        + (select count(*) from (select 1 from campaign_revenue_days
            group by campaign_id, day, currency having count(*) > 1) c))::int as n`.execute(db());
    expect(repeated[0]!.n).toBe(0);
    expect(await figures()).toEqual(before);
    const folded = await rowsOf(true);
    await fold();
    expect(await rowsOf(true)).toBe(folded);
    expect(await figures()).toEqual(before);
  });
});

describe('the questions asked', () => {
  it('refuses periods backwards or longer than 366 days, bad days, unknown campaigns and strangers', async () => {
    const bad = async (query: string, param: string) => {
      const res = await api(env, 'GET', `/v1/analytics/summary?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.param, query).toBe(param);
    };
    await bad('from=2026-02-01&to=2026-01-31', 'from');
    await bad('from=2025-01-01&to=2026-01-02', 'from');
    await bad('from=2026-02-30', 'from');
    await bad('to=yesterday', 'to');
    expect((await api(env, 'GET', '/v1/analytics/timeseries?interval=month')).status).toBe(400);
    expect((await api(env, 'GET', '/v1/analytics/top_referrers?limit=51')).status).toBe(400);
    expect((await api(env, 'GET', '/v1/analytics/summary?from=2025-01-01&to=2025-12-31')).status).toBe(200);
    const missing = await api(env, 'GET', '/v1/analytics/summary?campaign_id=cmp_missing');
    expect(missing.status).toBe(404);
    expect(missing.body.error.param).toBe('campaign_id');
    const viewer = await keyWithRole(env, 'viewer');
    const asViewer = await env.app.inject({
      method: 'GET',
      url: '/v1/analytics/timeseries',
      headers: bearer(viewer),
    });
    expect(asViewer.statusCode).toBe(200);
    const publishable = await env.app.inject({
      method: 'GET',
      url: '/v1/analytics/summary',
      headers: bearer(env.publishableKey),
    });
    expect(publishable.statusCode).toBe(403);
  });
});
