import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireLeadsJob } from '../src/jobs/expire-leads-job.js';
import { drained } from './helpers/drained.js';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { api, eventually } from './helpers/test-app.js';

let env: StripeEnv;
let connectionId: string;

beforeAll(async () => {
  env = await startStripeEnv();
  connectionId = (await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_qualification_key' }))
    .body.id;
});
afterAll(async () => env.close());

async function program(refundsUnqualify = true, target = 5000) {
  const campaign = (
    await api(env, 'POST', '/v1/campaigns', {
      name: `Spend ${Math.random()}`,
      status: 'live',
      connection_id: connectionId,
      qualification: {
        method: 'spend',
        target_amount: target,
        window_days: 30,
        refunds_unqualify: refundsUnqualify,
      },
    })
  ).body;
  expect(campaign.connection_id).toBe(connectionId);
  const referrer = (
    await api(env, 'POST', `/v1/campaigns/${campaign.id}/referrers`, {
      email: `ref${Math.random()}@example.com`,
      first_name: 'Jane',
    })
  ).body;
  return { campaign, referrer };
}

async function friend(campaignId: string, referrerId: string, email: string) {
  const lead = (await api(env, 'POST', `/v1/campaigns/${campaignId}/leads`, { email, referrer: referrerId }))
    .body;
  // The business's own checkout creates the customer: Vouch matches it by email.
  const customer = await env.stripe.customers.create({ email: email.toUpperCase(), name: 'Friend' });
  await eventually(async () =>
    (await timeline(lead.id)).some((e: { type: string }) => e.type === 'lead.customer_linked'),
  );
  return { lead, customer };
}

const lead = async (id: string) => (await api(env, 'GET', `/v1/leads/${id}`)).body;
const timeline = async (id: string) => (await lead(id)).timeline;

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

const statusIs = (id: string, status: string) => eventually(async () => (await lead(id)).status === status);

describe('qualification by spend, through Stripe webhooks', () => {
  it('qualifies when net spend exceeds the target, with the charge on the timeline and a lead.qualified event', async () => {
    const { campaign, referrer } = await program();
    const { lead: l, customer } = await friend(campaign.id, referrer.id, 'spender@example.com');
    await pay(customer.id, 3000);
    await eventually(async () => (await lead(l.id)).timeline.length >= 2);
    await drained(env.db.database, { emulator: env.emulator });
    expect((await lead(l.id)).status).toBe('pending');
    const second = await pay(customer.id, 2500);
    await statusIs(l.id, 'qualified');
    const events = await timeline(l.id);
    const qualified = events.find((e: { type: string }) => e.type === 'lead.qualified');
    expect(qualified.message).toContain('55.00 USD');
    expect(qualified.data).toMatchObject({ stripe_object: second, net_spend: 5500 });
    const domain = await env.db.database.db
      .selectFrom('domain_events')
      .selectAll()
      .where('lead_id', '=', l.id)
      .orderBy('id')
      .execute();
    expect(domain.map((d) => d.type)).toEqual(['lead.created', 'lead.qualified']);
    expect((await api(env, 'GET', `/v1/referrers/${referrer.id}`)).body.converted_referrals_count).toBe(1);
  });

  it('a partial refund to the target takes it back exactly, and a later payment qualifies it again', async () => {
    const { campaign, referrer } = await program();
    const { lead: l, customer } = await friend(campaign.id, referrer.id, 'refunder@example.com');
    const charge = await pay(customer.id, 6000);
    await statusIs(l.id, 'qualified');
    await env.stripe.refunds.create({ charge, amount: 999 });
    await drained(env.db.database, { emulator: env.emulator });
    expect((await lead(l.id)).status).toBe('qualified'); // 5001 is still above 5000
    await env.stripe.refunds.create({ charge, amount: 1 });
    await statusIs(l.id, 'unqualified'); // 5000 is not above the target
    const back = (await timeline(l.id)).find((e: { type: string }) => e.type === 'lead.unqualified');
    expect(back.data.stripe_object).toMatch(/^re_/);
    await pay(customer.id, 100);
    await statusIs(l.id, 'qualified');
    expect((await api(env, 'GET', `/v1/leads/${l.id}`)).body.status).toBe('qualified');
  });

  it('a dispute takes it back; with the toggle off, refunds do not', async () => {
    const on = await program();
    const a = await friend(on.campaign.id, on.referrer.id, 'disputed@example.com');
    const charge = await pay(a.customer.id, 7000);
    await statusIs(a.lead.id, 'qualified');
    await env.stripe.rawRequest('POST', `/v1/test_helpers/charges/${charge}/dispute`, {});
    await statusIs(a.lead.id, 'unqualified');

    const off = await program(false);
    const b = await friend(off.campaign.id, off.referrer.id, 'keeper@example.com');
    const kept = await pay(b.customer.id, 7000);
    await statusIs(b.lead.id, 'qualified');
    await env.stripe.refunds.create({ charge: kept });
    await drained(env.db.database, { emulator: env.emulator });
    expect((await lead(b.lead.id)).status).toBe('qualified');
  });

  it('never links a customer without the email, or one of another email', async () => {
    const { campaign, referrer } = await program();
    const l = (
      await api(env, 'POST', `/v1/campaigns/${campaign.id}/leads`, {
        email: 'exact@example.com',
        referrer: referrer.id,
      })
    ).body;
    await env.stripe.customers.create({ email: 'exact@example.org' });
    await env.stripe.customers.create({ name: 'No email' });
    await drained(env.db.database, { emulator: env.emulator });
    expect((await timeline(l.id)).map((e: { type: string }) => e.type)).toEqual(['lead.created']);
  });

  it('a lead whose window closes unqualified expires', async () => {
    const { campaign, referrer } = await program();
    const { lead: l, customer } = await friend(campaign.id, referrer.id, 'late@example.com');
    await pay(customer.id, 1000);
    await eventually(async () => (await lead(l.id)).timeline.length >= 2);
    const logger = pino({ level: 'silent' });
    await expireLeadsJob.handle(
      {},
      { database: env.db.database, logger, now: () => new Date(Date.now() + 31 * 86_400_000) },
    );
    const after = await lead(l.id);
    expect(after.status).toBe('expired');
    expect(after.timeline.at(-1).message).toMatch(/window ended/i);
  });

  it('counts a payment in another currency by what it settled for in the default currency', async () => {
    const { campaign, referrer } = await program(true, 5000);
    const { lead: l, customer } = await friend(campaign.id, referrer.id, 'euro@example.com');
    // 4700 EUR cents settle at the emulator's 1.08 into 5076 USD cents: above the 5000 target.
    const charge = await pay(customer.id, 4700, 'eur');
    await statusIs(l.id, 'qualified');
    expect((await lead(l.id)).timeline.at(-1).data.net_spend).toBe(5076);
    // A partial refund of 100 EUR cents gives back its settled share and drops it to 4968: not above 5000.
    await env.stripe.refunds.create({ charge, amount: 100 });
    await statusIs(l.id, 'unqualified');
  });
});
