import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { api, eventually } from './helpers/test-app.js';

/**
 * An event that keeps failing is tried again with backoff, then dead-lettered with its reason; once the
 * cause is gone, a replay through the API applies it. The failure here is real: Stripe (the emulator)
 * answers 500 to the balance-transaction read a payment in another currency needs.
 */

let env: StripeEnv;
let connectionId: string;

beforeAll(async () => {
  // Tries again after 50 ms instead of 2, 4, 8 and 16 s.
  env = await startStripeEnv({ eventRetryDelayMs: () => 50 });
  connectionId = (await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_dead_letters_key' }))
    .body.id;
});
afterAll(async () => env.close());

const lead = async (id: string) => (await api(env, 'GET', `/v1/leads/${id}`)).body;
const dead = async () =>
  (await api(env, 'GET', `/v1/stripe/connections/${connectionId}/events?status=dead`)).body.data;

describe('failed Stripe events', () => {
  it('are retried, dead-lettered with the reason, and applied when replayed after the cause is fixed', async () => {
    const campaign = (
      await api(env, 'POST', '/v1/campaigns', {
        name: 'Dead letters',
        status: 'live',
        connection_id: connectionId,
        qualification: { method: 'spend', target_amount: 5000, window_days: 30, refunds_unqualify: true },
      })
    ).body;
    const referrer = (
      await api(env, 'POST', `/v1/campaigns/${campaign.id}/referrers`, {
        email: 'rita@example.com',
        first_name: 'Rita',
      })
    ).body;
    const friend = (
      await api(env, 'POST', `/v1/campaigns/${campaign.id}/leads`, {
        email: 'franz@example.com',
        referrer: referrer.id,
      })
    ).body;
    const customer = await env.stripe.customers.create({ email: 'franz@example.com' });
    await eventually(async () => (await lead(friend.id)).timeline.length >= 2);

    env.emulator.setFaults(1, '/v1/balance_transactions');
    const intent = await env.stripe.paymentIntents.create({
      amount: 4700,
      currency: 'eur',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await eventually(async () => (await dead()).length > 0, 60_000);
    const [letter] = await dead();
    expect(letter).toMatchObject({ type: 'charge.succeeded', attempts: 5, processed_at: null });
    expect(letter.last_error).toMatch(/unexpected error/i);
    expect((await lead(friend.id)).status).toBe('pending');

    // The lead's page finds the dead letter too: the charge belongs to the lead's customer.
    const ofLead = (await api(env, 'GET', `/v1/leads/${friend.id}/failed_events`)).body;
    expect(ofLead.data).toEqual([{ ...letter, connection_id: connectionId }]);
    const otherLead = (
      await api(env, 'POST', `/v1/campaigns/${campaign.id}/leads`, {
        email: 'other@example.com',
        referrer: referrer.id,
      })
    ).body;
    expect((await api(env, 'GET', `/v1/leads/${otherLead.id}/failed_events`)).body.data).toEqual([]);
    expect((await api(env, 'GET', '/v1/leads/lead_missing/failed_events')).status).toBe(404);

    const health = (await api(env, 'GET', `/v1/stripe/connections/${connectionId}/health`)).body;
    expect(health.events.dead).toBe(1);
    expect(health.problems.map((p: { code: string }) => p.code)).toContain('events_dead_lettered');

    env.emulator.setFaults(0);
    const replayed = await api(
      env,
      'POST',
      `/v1/stripe/connections/${connectionId}/events/${letter.id}/replay`,
    );
    expect(replayed.status).toBe(202);
    await eventually(async () => (await lead(friend.id)).status === 'qualified');
    const qualified = (await lead(friend.id)).timeline.at(-1);
    expect(qualified.data).toMatchObject({ stripe_object: intent.latest_charge, net_spend: 5076 });
    expect(await dead()).toEqual([]);
    expect((await api(env, 'GET', `/v1/leads/${friend.id}/failed_events`)).body.data).toEqual([]);

    // The whole inbox, newest first, and its filters: the replayed charge is applied now, nothing waits.
    const inbox = async (status?: string) =>
      (
        await api(
          env,
          'GET',
          `/v1/stripe/connections/${connectionId}/events?limit=100${status ? `&status=${status}` : ''}`,
        )
      ).body.data as Array<{ id: string; processed_at: string | null; dead_at: string | null }>;
    const all = await inbox();
    expect(all.map((e) => e.id)).toContain(letter.id);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort().reverse());
    const processed = await inbox('processed');
    expect(processed.map((e) => e.id)).toContain(letter.id);
    expect(processed.every((e) => e.processed_at !== null)).toBe(true);
    expect(await inbox('waiting')).toEqual([]);
    expect((await api(env, 'GET', `/v1/stripe/connections/${connectionId}/events?status=gone`)).status).toBe(
      400,
    );

    // The campaigns on the connection, for its page.
    const onIt = await api(env, 'GET', `/v1/campaigns?connection_id=${connectionId}`);
    expect(onIt.body.data.map((c: { id: string }) => c.id)).toEqual([campaign.id]);
    expect((await api(env, 'GET', '/v1/campaigns?connection_id=conn_other')).body.data).toEqual([]);

    const missing = await api(
      env,
      'POST',
      `/v1/stripe/connections/${connectionId}/events/evt_never_received/replay`,
    );
    expect(missing.status).toBe(404);
  });
});
