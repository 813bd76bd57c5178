import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drained } from './helpers/drained.js';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { api, eventually } from './helpers/test-app.js';

let env: StripeEnv;
let connectionId: string;

beforeAll(async () => {
  env = await startStripeEnv();
  connectionId = (await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_friend_customers' }))
    .body.id;
});
afterAll(async () => env.close());

/** The friend's customer gets these metadata keys, the referrer's the default ones. */
const mapping = {
  friend_customer: {
    metadata: {
      vouch_lead: 'lead.id',
      referred_by: 'referrer.email',
      referrer_name: 'referrer.full_name',
      referral_code: 'referrer.referral_code',
    },
  },
  referrer_customer: {
    metadata: { vouch_referrer_id: 'referrer.id', referral_code: 'referrer.referral_code' },
  },
};

async function program(
  create: 'immediately' | 'wait_for_checkout',
  existing: 'do_not_create' | 'create_duplicate' | 'update_existing',
) {
  const campaign = (
    await api(env, 'POST', '/v1/campaigns', {
      name: `${create} ${existing}`,
      status: 'live',
      connection_id: connectionId,
      qualification: { method: 'spend', target_amount: 1000, window_days: 30, refunds_unqualify: true },
      customers: { create, existing_customer: existing, ...mapping },
    })
  ).body;
  const referrer = (
    await api(env, 'POST', `/v1/campaigns/${campaign.id}/referrers`, {
      email: `jane.${Math.random()}@example.com`,
      first_name: 'Jane',
      last_name: 'Doe',
      referral_code: `JANE-${Math.floor(Math.random() * 1e6)}`,
    })
  ).body;
  return { campaign, referrer };
}

const lead = async (id: string) => (await api(env, 'GET', `/v1/leads/${id}`)).body;
const linked = async (id: string) =>
  (await lead(id)).timeline.filter((e: { type: string }) => e.type === 'lead.customer_linked');
const byEmail = async (email: string) => (await env.stripe.customers.list({ email, limit: 100 })).data;
const pay = (customer: string, amount: number) =>
  env.stripe.paymentIntents.create({
    amount,
    currency: 'usd',
    customer,
    payment_method: 'pm_card_visa',
    confirm: true,
  });

describe('sending friends to Stripe', () => {
  it('decides who was a customer first by order, not by the second: same-second integrations', async () => {
    const { campaign, referrer } = await program('wait_for_checkout', 'do_not_create');
    const signUp = async (email: string) =>
      (await api(env, 'POST', `/v1/campaigns/${campaign.id}/leads`, { email, referrer: referrer.id })).body;
    // The customer made just before the lead (in the same second): already a customer, so no referral.
    await env.stripe.customers.create({ email: 'made.before@example.com' });
    const before = await signUp('made.before@example.com');
    await eventually(async () => (await lead(before.id)).status === 'rejected');
    expect((await lead(before.id)).rejection_reason).toBe('existing_customer');
    // The customer made just after the lead (the same second again): the friend's new customer.
    const after = await signUp('made.after@example.com');
    const customer = await env.stripe.customers.create({ email: 'made.after@example.com' });
    await eventually(async () => (await linked(after.id)).length === 1);
    expect((await lead(after.id)).status).toBe('pending');
    expect((await linked(after.id))[0].data.stripe_object).toBe(customer.id);
  });

  it('creates the customer at once, with the chosen metadata, and follows its spend', async () => {
    const { campaign, referrer } = await program('immediately', 'do_not_create');
    const l = (
      await api(env, 'POST', `/v1/campaigns/${campaign.id}/leads`, {
        email: 'new.friend@example.com',
        first_name: 'Nia',
        last_name: 'New',
        referrer: referrer.id,
      })
    ).body;
    await eventually(async () => (await linked(l.id)).length === 1);
    const customers = await byEmail('new.friend@example.com');
    expect(customers).toHaveLength(1);
    expect(customers[0]).toMatchObject({
      name: 'Nia New',
      metadata: {
        vouch_lead: l.id,
        referred_by: referrer.email,
        referrer_name: 'Jane Doe',
        referral_code: referrer.referral_code,
      },
    });
    expect((await linked(l.id))[0].data).toMatchObject({ stripe_object: customers[0]!.id, how: 'created' });
    await pay(customers[0]!.id, 1500);
    await eventually(async () => (await lead(l.id)).status === 'qualified');
  });

  it("sends the friend's own metadata and the referrer's code under the owner's keys; a patch changes one setting only", async () => {
    const campaign = (
      await api(env, 'POST', '/v1/campaigns', {
        name: 'Send as metadata',
        status: 'live',
        connection_id: connectionId,
        customers: {
          create: 'immediately',
          friend_customer: {
            metadata: {
              vouch_lead_id: 'lead.id',
              signup_plan: 'lead.metadata.plan',
              referred_by: 'referrer.referral_code',
            },
          },
        },
      })
    ).body;
    const referrer = (
      await api(env, 'POST', `/v1/campaigns/${campaign.id}/referrers`, {
        email: 'mapped.referrer@example.com',
        first_name: 'Mo',
        referral_code: 'MO-4242',
      })
    ).body;
    const signUp = async (email: string, first_name: string) => {
      const l = (
        await api(env, 'POST', `/v1/campaigns/${campaign.id}/leads`, {
          email,
          first_name,
          last_name: 'Friend',
          metadata: { plan: 'pro' },
          referrer: referrer.id,
        })
      ).body;
      await eventually(async () => (await linked(l.id)).length === 1);
      const [customer] = await byEmail(email);
      return { lead: l, customer: (await env.stripe.customers.retrieve(customer!.id)) as Stripe.Customer };
    };

    const first = await signUp('mapped.one@example.com', 'Pia');
    expect(first.customer.name).toBe('Pia Friend');
    expect(first.customer.metadata).toEqual({
      vouch_lead_id: first.lead.id,
      signup_plan: 'pro',
      referred_by: 'MO-4242',
    });

    const patched = await api(env, 'POST', `/v1/campaigns/${campaign.id}`, {
      customers: { friend_customer: { name: 'lead.first_name' } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.customers).toEqual({
      ...campaign.customers,
      friend_customer: { ...campaign.customers.friend_customer, name: 'lead.first_name' },
    });
    const second = await signUp('mapped.two@example.com', 'Rae');
    expect(second.customer.name).toBe('Rae');
    expect(second.customer.metadata).toEqual({
      vouch_lead_id: second.lead.id,
      signup_plan: 'pro',
      referred_by: 'MO-4242',
    });
  });

  it('does not create a customer for an existing one, and rejects the lead', async () => {
    const old = await env.stripe.customers.create({ email: 'old.customer@example.com' });
    await new Promise((r) => setTimeout(r, 1100)); // created strictly before the referral
    for (const create of ['immediately', 'wait_for_checkout'] as const) {
      const { campaign, referrer } = await program(create, 'do_not_create');
      const l = (
        await api(env, 'POST', `/v1/campaigns/${campaign.id}/leads`, {
          email: 'Old.Customer@example.com',
          referrer: referrer.id,
        })
      ).body;
      await eventually(async () => (await lead(l.id)).status === 'rejected');
      const after = await lead(l.id);
      expect(after.rejection_reason).toBe('existing_customer');
      expect(after.timeline.at(-1).message).toContain(old.id);
      expect((await api(env, 'GET', `/v1/campaigns/${campaign.id}`)).body.participants_count).toBe(1); // the referrer only
    }
    expect(await byEmail('old.customer@example.com')).toHaveLength(1);
  });

  it('creates a duplicate when asked, and only the new record counts', async () => {
    const old = await env.stripe.customers.create({ email: 'dup.friend@example.com' });
    await new Promise((r) => setTimeout(r, 1100));
    const { campaign, referrer } = await program('immediately', 'create_duplicate');
    const l = (
      await api(env, 'POST', `/v1/campaigns/${campaign.id}/leads`, {
        email: 'dup.friend@example.com',
        referrer: referrer.id,
      })
    ).body;
    await eventually(async () => (await linked(l.id)).length === 1);
    const all = await byEmail('dup.friend@example.com');
    expect(all).toHaveLength(2);
    const fresh = all.find((c) => c.id !== old.id) as Stripe.Customer;
    await pay(old.id, 5000);
    await drained(env.db.database, { emulator: env.emulator });
    expect((await lead(l.id)).status).toBe('pending');
    await pay(fresh.id, 1500);
    await eventually(async () => (await lead(l.id)).status === 'qualified');
  });

  it('updates the existing customer when asked, keeping its own metadata', async () => {
    const old = await env.stripe.customers.create({
      email: 'update.me@example.com',
      metadata: { crm_id: '42' },
    });
    await new Promise((r) => setTimeout(r, 1100));
    const { campaign, referrer } = await program('wait_for_checkout', 'update_existing');
    const l = (
      await api(env, 'POST', `/v1/campaigns/${campaign.id}/leads`, {
        email: 'update.me@example.com',
        referrer: referrer.id,
      })
    ).body;
    await eventually(async () => (await linked(l.id)).length === 1);
    const updated = (await env.stripe.customers.retrieve(old.id)) as Stripe.Customer;
    expect(updated.metadata).toMatchObject({ crm_id: '42', vouch_lead: l.id });
    await pay(old.id, 1500);
    await eventually(async () => (await lead(l.id)).status === 'qualified');
  });

  it('a retried job creates no second customer', async () => {
    const { campaign, referrer } = await program('immediately', 'do_not_create');
    const l = (
      await api(env, 'POST', `/v1/campaigns/${campaign.id}/leads`, {
        email: 'retry.me@example.com',
        referrer: referrer.id,
      })
    ).body;
    await eventually(async () => (await linked(l.id)).length === 1);
    const { stripeLeadCustomerTask } = await import('../src/jobs/stripe-lead-customer-task.js');
    const { StripeGateway } = await import('../src/stripe/gateway.js');
    const pino = (await import('pino')).default;
    await stripeLeadCustomerTask.handle(l.id, {
      database: env.db.database,
      logger: pino({ level: 'silent' }),
      now: () => new Date(),
      gateway: new StripeGateway(env.box, env.emulator.url),
    });
    expect(await byEmail('retry.me@example.com')).toHaveLength(1);
    expect(await linked(l.id)).toHaveLength(1);
  });

  it('applies the settings to leads recorded before the campaign had them', async () => {
    const campaign = (await api(env, 'POST', '/v1/campaigns', { name: 'Before Stripe', status: 'live' }))
      .body;
    const referrer = (
      await api(env, 'POST', `/v1/campaigns/${campaign.id}/referrers`, {
        email: 'early.ref@example.com',
        first_name: 'Ed',
      })
    ).body;
    const l = (
      await api(env, 'POST', `/v1/campaigns/${campaign.id}/leads`, {
        email: 'early.friend@example.com',
        referrer: referrer.id,
      })
    ).body;
    const refused = await api(env, 'POST', `/v1/campaigns/${campaign.id}/leads/send_to_stripe`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('no_stripe_connection');
    const updated = await api(env, 'POST', `/v1/campaigns/${campaign.id}`, {
      connection_id: connectionId,
      customers: { create: 'immediately', existing_customer: 'do_not_create', ...mapping },
    });
    expect(updated.body).toMatchObject({ connection_id: connectionId, customers: { create: 'immediately' } });
    expect((await api(env, 'POST', `/v1/campaigns/${campaign.id}/leads/send_to_stripe`)).status).toBe(202);
    await eventually(async () => (await linked(l.id)).length === 1);
    expect(await byEmail('early.friend@example.com')).toHaveLength(1);
  });

  it('makes referrers Stripe customers when the campaign asks, linking an existing one instead of duplicating', async () => {
    const known = await env.stripe.customers.create({ email: 'known.referrer@example.com' });
    const campaign = (
      await api(env, 'POST', '/v1/campaigns', {
        name: 'Referrers in Stripe',
        status: 'live',
        connection_id: connectionId,
        customers: {
          create: 'immediately',
          existing_customer: 'do_not_create',
          referrers_to_stripe: true,
          ...mapping,
        },
      })
    ).body;
    expect(campaign.customers.referrers_to_stripe).toBe(true);
    const fresh = (
      await api(env, 'POST', `/v1/campaigns/${campaign.id}/referrers`, {
        email: 'fresh.referrer@example.com',
        first_name: 'Fay',
        referral_code: 'FAY-2222',
      })
    ).body;
    const old = (
      await api(env, 'POST', `/v1/campaigns/${campaign.id}/referrers`, {
        email: 'known.referrer@example.com',
        first_name: 'Kim',
      })
    ).body;
    const links = async (referrerId: string) =>
      env.db.database.db
        .selectFrom('customer_links')
        .selectAll()
        .where('referrer_id', '=', referrerId)
        .execute();
    await eventually(async () => (await links(fresh.id)).length === 1 && (await links(old.id)).length === 1);
    const created = await byEmail('fresh.referrer@example.com');
    expect(created).toHaveLength(1);
    expect(created[0]!.metadata).toMatchObject({ vouch_referrer_id: fresh.id, referral_code: 'FAY-2222' });
    expect((await links(fresh.id))[0]).toMatchObject({ customer_id: created[0]!.id, how: 'created' });
    expect(await byEmail('known.referrer@example.com')).toHaveLength(1);
    expect((await links(old.id))[0]).toMatchObject({ customer_id: known.id, how: 'matched_email' });
  });
});
