import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { api, eventually } from './helpers/test-app.js';

// Stripe will not deliver webhooks to a server without a public URL (a laptop): the connection is kept, and
// Vouch pulls the account's events from Stripe's Events API into the same inbox.
// The emulator is one Stripe account: the tests below share its one connection, in order.
let env: StripeEnv;
let connectionId: string;

beforeAll(async () => {
  // Like Stripe, this emulator refuses webhook endpoints on 127.0.0.1, where this app listens.
  env = await startStripeEnv({ emulatorAllowsPrivateWebhooks: false });
});
afterAll(async () => env.close());

const health = async (id: string) => (await api(env, 'GET', `/v1/stripe/connections/${id}/health`)).body;
const lead = async (id: string) => (await api(env, 'GET', `/v1/leads/${id}`)).body;

const connect = (key: string) => api(env, 'POST', '/v1/stripe/connections', { api_key: key });

async function campaignWithFriend(connectionId: string, email: string) {
  const campaign = (
    await api(env, 'POST', '/v1/campaigns', {
      name: `Polling ${Math.random()}`,
      status: 'live',
      connection_id: connectionId,
      qualification: { method: 'spend', target_amount: 2000, window_days: 30, refunds_unqualify: true },
    })
  ).body;
  const referrer = (
    await api(env, 'POST', `/v1/campaigns/${campaign.id}/referrers`, {
      email: `ref-${Math.random()}@example.com`,
      first_name: 'Pat',
    })
  ).body;
  const friend = (
    await api(env, 'POST', `/v1/campaigns/${campaign.id}/leads`, { email, referrer: referrer.id })
  ).body;
  return { campaign, referrer, friend };
}

async function pay(email: string, amount: number) {
  const customer = await env.stripe.customers.create({ email, name: 'Friend' });
  await env.stripe.paymentIntents.create({
    amount,
    currency: 'usd',
    customer: customer.id,
    payment_method: 'pm_card_visa',
    confirm: true,
  });
  return customer.id;
}

describe('a connection whose webhook endpoint Stripe refused', () => {
  it('is kept in polling mode, and a whole campaign qualifies from polled events', async () => {
    const connected = await connect('sk_test_polling_campaign');
    expect(connected.status).toBe(200);
    connectionId = connected.body.id;
    expect(connected.body).toMatchObject({ status: 'active', event_delivery: 'polling' });
    expect(connected.body.webhook).toMatchObject({
      setup: 'none',
      endpoint_id: null,
      secret_configured: false,
    });
    expect(connected.body.webhook.error).toContain('publicly accessible');

    const { friend } = await campaignWithFriend(connected.body.id, 'polled.friend@example.com');
    await pay('polled.friend@example.com', 2500);
    await eventually(async () => (await lead(friend.id)).status === 'qualified', 20_000);
    const sources = await env.db.database.db
      .selectFrom('stripe_events')
      .select('source')
      .distinct()
      .where('connection_id', '=', connected.body.id)
      .execute();
    expect(sources.map((e) => e.source)).toEqual(['polling']);

    const h = await health(connected.body.id);
    expect(h.healthy).toBe(true);
    expect(h.event_delivery).toMatchObject({ mode: 'polling', poll_failures: 0, poll_error: null });
    expect(h.event_delivery.polled_at).not.toBeNull();
    expect(h.problems.map((p: { code: string }) => p.code)).toContain('polling_events');
    const info = h.problems.find((p: { code: string }) => p.code === 'polling_events');
    expect(info.message).toContain('stripe listen --forward-to');
  });

  it('polling that fails every time is a problem health names with the fix, and it recovers', async () => {
    const connected = { id: connectionId };
    const { friend } = await campaignWithFriend(connected.id, 'waits.for.poll@example.com');
    env.emulator.setFaults(1, '/v1/events');
    try {
      await eventually(async () => (await health(connected.id)).event_delivery.poll_failures >= 3, 30_000);
      const h = await health(connected.id);
      expect(h.healthy).toBe(false);
      const problem = h.problems.find((p: { code: string }) => p.code === 'event_polling_failing');
      expect(problem.severity).toBe('error');
      expect(problem.message).toMatch(/failed \d+ times in a row/);
      expect(h.event_delivery.poll_error).toContain('500');
    } finally {
      env.emulator.setFaults(0);
    }
    await pay('waits.for.poll@example.com', 2500);
    await eventually(async () => (await lead(friend.id)).status === 'qualified', 60_000);
    expect((await health(connected.id)).event_delivery.poll_failures).toBe(0);
  }, 120_000);
});

describe('reconnecting the same account', () => {
  it('brings the connection back with its id: campaigns resume and missed payments are recovered', async () => {
    const connected = (await api(env, 'GET', `/v1/stripe/connections/${connectionId}`)).body;
    const { campaign, friend } = await campaignWithFriend(connected.id, 'gap.friend@example.com');
    const off = await api(env, 'POST', `/v1/stripe/connections/${connected.id}/disconnect`);
    expect(off.body.status).toBe('disconnected');
    // The friend pays while Vouch is disconnected: nothing is delivered.
    await pay('gap.friend@example.com', 3000);
    const again = await connect('sk_test_reconnect_two');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: connected.id, status: 'active', disconnected_at: null });
    expect(again.body.key_last4).toBe('_two');
    expect(again.body.event_delivery).toBe('polling');
    // The campaign never moved, and polling carries on from where it stopped: the payment made meanwhile is
    // read back from Stripe.
    expect((await api(env, 'GET', `/v1/campaigns/${campaign.id}`)).body.connection_id).toBe(connected.id);
    await eventually(async () => (await lead(friend.id)).status === 'qualified', 20_000);
    const list = (await api(env, 'GET', '/v1/stripe/connections?limit=100')).body.data;
    expect(
      list.filter((c: { stripe_account_id: string }) => c.stripe_account_id === connected.stripe_account_id),
    ).toHaveLength(1);
  });
});
