import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { api, eventually } from './helpers/test-app.js';

// A lead that has not qualified says why, from the API alone: its progress against the target and the
// window, its Stripe customers and how each was linked, and every fact considered, counted or not (and why).
let env: StripeEnv;
let connectionId: string;

beforeAll(async () => {
  env = await startStripeEnv();
  connectionId = (await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_explanations' })).body
    .id;
});
afterAll(async () => env.close());

type Event = { type: string; message: string; data: Record<string, unknown> };

async function program(existing: 'do_not_create' | 'update_existing' = 'do_not_create', windowDays = 30) {
  const campaign = (
    await api(env, 'POST', '/v1/campaigns', {
      name: `Explain ${Math.random()}`,
      status: 'live',
      connection_id: connectionId,
      qualification: {
        method: 'spend',
        target_amount: 5000,
        window_days: windowDays,
        refunds_unqualify: true,
      },
      customers: { create: 'wait_for_checkout', existing_customer: existing },
    })
  ).body;
  expect(campaign.id, JSON.stringify(campaign)).toBeDefined();
  const referrer = (
    await api(env, 'POST', `/v1/campaigns/${campaign.id}/referrers`, {
      email: `ref-${Math.random()}@example.com`,
      first_name: 'Rae',
    })
  ).body;
  const signUp = async (email: string) =>
    (await api(env, 'POST', `/v1/campaigns/${campaign.id}/leads`, { email, referrer: referrer.id })).body;
  return { campaign, referrer, signUp };
}

const lead = async (id: string) => (await api(env, 'GET', `/v1/leads/${id}`)).body;
const events = async (id: string, type: string) =>
  ((await lead(id)).timeline as Event[]).filter((e) => e.type === type);

async function charge(customer: string, amount: number, currency = 'usd') {
  const intent = await env.stripe.paymentIntents.create({
    amount,
    currency,
    customer,
    payment_method: 'pm_card_visa',
    confirm: true,
  });
  return intent.latest_charge as string;
}

describe('why a lead stands where it does', () => {
  it('a friend who paid 40 of a 50 target: progress, the window, the customer and the counted charge', async () => {
    const { signUp } = await program();
    const l = await signUp('forty@example.com');
    const customer = await env.stripe.customers.create({ email: 'forty@example.com' });
    const ch = await charge(customer.id, 4000);
    await eventually(async () => (await events(l.id, 'lead.payment_counted')).length === 1);
    const body = await lead(l.id);
    expect(body.status).toBe('pending');
    expect(body.progress).toMatchObject({
      method: 'spend',
      target: { amount: 5000, currency: 'usd' },
      net_spend: { amount: 4000, currency: 'usd' },
      paid_by_currency: [{ currency: 'usd', amount: 4000 }],
      remaining: { amount: 1001, currency: 'usd' },
      holds_place: true,
    });
    expect(body.progress.window.open).toBe(true);
    expect(new Date(body.progress.window.ends_at).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(body.progress.explanation).toContain('has not exceeded the target of 50.00 USD');
    expect(body.customers).toEqual([
      expect.objectContaining({ id: customer.id, connection_id: connectionId, how: 'matched_email' }),
    ]);
    const [counted] = await events(l.id, 'lead.payment_counted');
    expect(counted!.message).toBe(
      `Charge ${ch} of 40.00 USD counted: net spend 40.00 USD of the 50.00 USD target.`,
    );
    expect(counted!.data).toMatchObject({ stripe_object: ch, counted: true, net_spend: 4000 });
  });

  it('a charge made before the referral is not counted, and says so', async () => {
    const { signUp } = await program('update_existing');
    const customer = await env.stripe.customers.create({ email: 'paid.before@example.com' });
    const early = await charge(customer.id, 9000);
    await new Promise((r) => setTimeout(r, 1100)); // Stripe counts whole seconds: the referral comes later
    const l = await signUp('paid.before@example.com');
    await eventually(async () => (await events(l.id, 'lead.payment_not_counted')).length === 1);
    const [skipped] = await events(l.id, 'lead.payment_not_counted');
    expect(skipped!.data).toMatchObject({ stripe_object: early, reason: 'before_referral', counted: false });
    expect(skipped!.message).toContain('before the referral');
    expect((await lead(l.id)).progress.net_spend.amount).toBe(0);
  });

  it('a declined payment is not counted: it failed', async () => {
    const { signUp } = await program();
    const l = await signUp('declined@example.com');
    const customer = await env.stripe.customers.create({ email: 'declined@example.com' });
    await env.stripe.paymentIntents
      .create({
        amount: 9000,
        currency: 'usd',
        customer: customer.id,
        payment_method: 'pm_card_chargeDeclined',
        confirm: true,
      })
      .catch(() => undefined);
    await eventually(async () => (await events(l.id, 'lead.payment_not_counted')).length === 1);
    const [failed] = await events(l.id, 'lead.payment_not_counted');
    expect(failed!.data).toMatchObject({ reason: 'failed', counted: false });
    expect(failed!.message).toContain('the payment failed');
    expect((await lead(l.id)).status).toBe('pending');
  });

  it('a charge after the window is not counted', async () => {
    const { signUp } = await program('do_not_create', 1);
    const l = await signUp('too.late@example.com');
    // The friend becomes a customer while the lead is open: an expired lead is matched to no new customer,
    // and the lead expires at the minute's sweep once its window has closed.
    const customer = await env.stripe.customers.create({ email: 'too.late@example.com' });
    await eventually(async () => (await lead(l.id)).customers.length === 1);
    // The referral was two days ago: the one-day window has closed.
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    await env.db.database.db
      .updateTable('leads')
      .set({ referred_at: twoDaysAgo })
      .where('id', '=', l.id)
      .execute();
    const late = await charge(customer.id, 9000);
    await eventually(async () => (await events(l.id, 'lead.payment_not_counted')).length === 1);
    const [skipped] = await events(l.id, 'lead.payment_not_counted');
    expect(skipped!.data).toMatchObject({ stripe_object: late, reason: 'after_window' });
    expect((await lead(l.id)).progress.window.open).toBe(false);
  });

  it('refunds and lost disputes are counted against the charge, with the running total', async () => {
    const { signUp } = await program();
    const l = await signUp('gives.back@example.com');
    const customer = await env.stripe.customers.create({ email: 'gives.back@example.com' });
    const ch = await charge(customer.id, 6000);
    await eventually(async () => (await lead(l.id)).status === 'qualified');
    const refund = await env.stripe.refunds.create({ charge: ch, amount: 1500 });
    await eventually(async () => (await events(l.id, 'lead.refund_counted')).length === 1);
    const [refunded] = await events(l.id, 'lead.refund_counted');
    expect(refunded!.data).toMatchObject({ stripe_object: refund.id, charge: ch, net_spend: 4500 });
    expect(refunded!.message).toContain('net spend 45.00 USD');
    const other = await charge(customer.id, 2000);
    await env.stripe.rawRequest('POST', `/v1/test_helpers/charges/${other}/dispute`, {});
    await eventually(async () => (await events(l.id, 'lead.dispute_counted')).length === 1);
    const body = await lead(l.id);
    expect(body.progress.net_spend.amount).toBe(4500);
    expect(body.status).toBe('unqualified');
  });

  it('a friend who paid under another email: explained, then linked by hand, and the verdict runs again', async () => {
    const { signUp } = await program();
    const l = await signUp('signed.up@example.com');
    const other = await env.stripe.customers.create({ email: 'paid.with.work.email@example.com' });
    const paid = await charge(other.id, 7000);
    // Vouch has the payment (of a customer no lead is linked to) before the owner links it.
    await eventually(async () => {
      const row = await env.db.database.db
        .selectFrom('payments')
        .select('charge_id')
        .where('charge_id', '=', paid)
        .executeTakeFirst();
      return row !== undefined;
    });
    const before = await lead(l.id);
    expect(before.customers).toEqual([]);
    expect(before.progress.explanation).toContain('No Stripe customer is linked');
    expect(before.progress.explanation).toContain(`POST /v1/leads/${l.id}/customers`);

    const linked = await api(env, 'POST', `/v1/leads/${l.id}/customers`, { customer_id: other.id });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body.status).toBe('qualified');
    expect(linked.body.customers).toEqual([expect.objectContaining({ id: other.id, how: 'manual' })]);
    const again = await api(env, 'POST', `/v1/leads/${l.id}/customers`, { customer_id: other.id });
    expect(again.body.customers).toHaveLength(1);
    const unknown = await api(env, 'POST', `/v1/leads/${l.id}/customers`, {
      customer_id: 'cus_doesnotexist',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.param).toBe('customer_id');
  });
});
