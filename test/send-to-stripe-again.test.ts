import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { keyWithRole } from './helpers/teammates.js';
import { api, eventually } from './helpers/test-app.js';

let env: StripeEnv;
let connectionId: string;

beforeAll(async () => {
  env = await startStripeEnv();
  connectionId = (await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_send_again' })).body
    .id;
});
afterAll(async () => env.close());

const byEmail = async (email: string) => (await env.stripe.customers.list({ email, limit: 100 })).data;
const customer = async (id: string) => (await env.stripe.customers.retrieve(id)) as Stripe.Customer;
const lead = async (id: string) => (await api(env, 'GET', `/v1/leads/${id}`)).body;
/** The one customer Vouch created for a friend, once it has. */
async function createdCustomer(leadId: string): Promise<string> {
  let id: string | undefined;
  await eventually(async () => {
    id = (await lead(leadId)).customers?.find((c: { how: string }) => c.how === 'created')?.id;
    return id !== undefined;
  });
  return id!;
}

describe('applying changed Stripe settings to earlier people', () => {
  it('rewrites the customers of earlier leads, pending and qualified, with a changed field mapping', async () => {
    const campaign = (
      await api(env, 'POST', '/v1/campaigns', {
        name: 'Mapping changes',
        status: 'live',
        connection_id: connectionId,
        qualification: { method: 'spend', target_amount: 1000, window_days: 30 },
        customers: {
          create: 'immediately',
          existing_customer: 'create_duplicate',
          friend_customer: { metadata: { vouch_lead_id: 'lead.id' } },
        },
      })
    ).body;
    const referrer = (
      await api(env, 'POST', `/v1/campaigns/${campaign.id}/referrers`, {
        email: 'mapping.referrer@example.com',
        first_name: 'Mia',
        referral_code: 'MIA-4242',
      })
    ).body;
    const signUp = async (email: string) =>
      (
        await api(env, 'POST', `/v1/campaigns/${campaign.id}/leads`, {
          email,
          first_name: 'Pat',
          last_name: 'Early',
          referrer: referrer.id,
        })
      ).body;
    const pending = await signUp('pending.friend@example.com');
    const qualified = await signUp('qualified.friend@example.com');
    const pendingCustomer = await createdCustomer(pending.id);
    const qualifiedCustomer = await createdCustomer(qualified.id);
    await env.stripe.paymentIntents.create({
      amount: 5000,
      currency: 'usd',
      customer: qualifiedCustomer,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await eventually(async () => (await lead(qualified.id)).status === 'qualified');
    expect(await customer(pendingCustomer)).toMatchObject({
      name: 'Pat Early',
      metadata: { vouch_lead_id: pending.id },
    });

    const changed = await api(env, 'POST', `/v1/campaigns/${campaign.id}`, {
      customers: {
        friend_customer: { name: 'lead.first_name', metadata: { referred_with: 'referrer.referral_code' } },
      },
    });
    expect(changed.status).toBe(200);
    const sent = await api(env, 'POST', `/v1/campaigns/${campaign.id}/leads/send_to_stripe`);
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ object: 'job', name: 'stripe-backfill-leads' });

    for (const [customerId, leadId] of [
      [pendingCustomer, pending.id],
      [qualifiedCustomer, qualified.id],
    ] as const) {
      await eventually(async () => (await customer(customerId)).metadata.referred_with === 'MIA-4242');
      expect(await customer(customerId)).toMatchObject({
        name: 'Pat',
        metadata: { vouch_lead_id: leadId, referred_with: 'MIA-4242' },
      });
    }
    // Rewritten, not made again: still one customer per friend.
    expect(await byEmail('pending.friend@example.com')).toHaveLength(1);
    expect(await byEmail('qualified.friend@example.com')).toHaveLength(1);
    expect((await lead(qualified.id)).status).toBe('qualified');
  });

  it('sends earlier referrers once the campaign sends referrers, and gives them a changed mapping', async () => {
    const campaign = (
      await api(env, 'POST', '/v1/campaigns', {
        name: 'Referrers later',
        status: 'live',
        connection_id: connectionId,
        customers: { existing_customer: 'create_duplicate' },
      })
    ).body;
    await api(env, 'POST', `/v1/campaigns/${campaign.id}/referrers`, {
      email: 'earlier.referrer@example.com',
      first_name: 'Eli',
      referral_code: 'ELI-1234',
    });
    const removed = (
      await api(env, 'POST', `/v1/campaigns/${campaign.id}/referrers`, {
        email: 'removed.referrer@example.com',
        first_name: 'Rae',
      })
    ).body;
    expect((await api(env, 'DELETE', `/v1/referrers/${removed.id}`)).status).toBe(200);

    const refused = await api(env, 'POST', `/v1/campaigns/${campaign.id}/referrers/send_to_stripe`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'referrers_not_sent',
      param: 'customers.referrers_to_stripe',
    });

    await api(env, 'POST', `/v1/campaigns/${campaign.id}`, { customers: { referrers_to_stripe: true } });
    const sent = await api(env, 'POST', `/v1/campaigns/${campaign.id}/referrers/send_to_stripe`);
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ object: 'job', name: 'stripe-backfill-referrers' });
    await eventually(async () => (await byEmail('earlier.referrer@example.com')).length === 1);
    const [sentCustomer] = await byEmail('earlier.referrer@example.com');
    expect(sentCustomer!.metadata).toMatchObject({ vouch_referral_code: 'ELI-1234' });

    await api(env, 'POST', `/v1/campaigns/${campaign.id}`, {
      customers: { referrer_customer: { metadata: { my_code: 'referrer.referral_code' } } },
    });
    expect((await api(env, 'POST', `/v1/campaigns/${campaign.id}/referrers/send_to_stripe`)).status).toBe(
      202,
    );
    await eventually(async () => (await customer(sentCustomer!.id)).metadata.my_code === 'ELI-1234');
    // Even with create_duplicate, a referrer sent before is not sent again; a removed one is not sent.
    expect(await byEmail('earlier.referrer@example.com')).toHaveLength(1);
    expect(await byEmail('removed.referrer@example.com')).toHaveLength(0);
  });

  it('needs a connection, and an editor', async () => {
    const campaign = (await api(env, 'POST', '/v1/campaigns', { name: 'No Stripe' })).body;
    for (const who of ['leads', 'referrers']) {
      const refused = await api(env, 'POST', `/v1/campaigns/${campaign.id}/${who}/send_to_stripe`);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: 'no_stripe_connection', param: 'connection_id' });
    }
    const viewer = await keyWithRole(env, 'viewer');
    for (const who of ['leads', 'referrers']) {
      const refused = await api(
        env,
        'POST',
        `/v1/campaigns/${campaign.id}/${who}/send_to_stripe`,
        undefined,
        viewer,
      );
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('role_forbidden');
    }
  });
});
