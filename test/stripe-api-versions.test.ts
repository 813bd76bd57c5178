import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inSdkVersion, SDK_API_VERSION } from '../src/stripe/event-version.js';
import { type StripeEnv, sdkFor, startStripeEnv } from './helpers/stripe-env.js';
import { api, eventually } from './helpers/test-app.js';

// An account whose default API version is years old: events read from Stripe's Events API come in that
// version (a PaymentIntent with `charges`, an Invoice with `subscription` and `charge`, a PromotionCode with
// its coupon at the top). Vouch reads each in the SDK's version, so the whole flow works the same.
const OLD = '2022-08-01';
let env: StripeEnv;
let connectionId: string;

beforeAll(async () => {
  env = await startStripeEnv({ emulatorApiVersion: OLD, emulatorAllowsPrivateWebhooks: false });
  const connected = await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_old_account' });
  expect(connected.body.event_delivery).toBe('polling');
  connectionId = connected.body.id;
});
afterAll(async () => env.close());

const lead = async (id: string) => (await api(env, 'GET', `/v1/leads/${id}`)).body;
const storedVersions = async () =>
  (
    await env.db.database.db
      .selectFrom('stripe_events')
      .select(['type', 'payload'])
      .where('connection_id', '=', connectionId)
      .execute()
  ).map((e) => (e.payload as { api_version?: string }).api_version);

describe('an account on an old Stripe API version', () => {
  it('hands the handlers each event in the SDK version, whatever version it came in', async () => {
    const customer = await env.stripe.customers.create({ email: 'shapes@example.com' });
    await env.stripe.paymentIntents.create({
      amount: 1500,
      currency: 'usd',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const [listed] = (await env.stripe.events.list({ type: 'payment_intent.succeeded', limit: 1 })).data;
    const old = listed!;
    // As Stripe lists it: the 2022 shape, charges inside the PaymentIntent and no latest_charge.
    expect(old.api_version).toBe(OLD);
    expect(old.data.object).toHaveProperty('charges');
    expect(old.data.object).not.toHaveProperty('latest_charge');
    const read = await inSdkVersion(old, sdkFor(env.emulator, 'sk_test_old_account'));
    expect(read.data.object).toHaveProperty('latest_charge');
    expect(read.data.object).not.toHaveProperty('charges');
    expect(read.id).toBe(old.id);
  });

  it('qualifies a friend by spend from events in the old shape, and takes it back on a refund', async () => {
    expect(SDK_API_VERSION).not.toBe(OLD);
    const campaign = (
      await api(env, 'POST', '/v1/campaigns', {
        name: 'Old account',
        status: 'live',
        connection_id: connectionId,
        qualification: { method: 'spend', target_amount: 3000, window_days: 30, refunds_unqualify: true },
      })
    ).body;
    const referrer = (
      await api(env, 'POST', `/v1/campaigns/${campaign.id}/referrers`, {
        email: 'old.ref@example.com',
        first_name: 'O',
      })
    ).body;
    const friend = (
      await api(env, 'POST', `/v1/campaigns/${campaign.id}/leads`, {
        email: 'old.friend@example.com',
        referrer: referrer.id,
      })
    ).body;
    const customer = await env.stripe.customers.create({ email: 'old.friend@example.com' });
    const intent = await env.stripe.paymentIntents.create({
      amount: 4000,
      currency: 'usd',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await eventually(async () => (await lead(friend.id)).status === 'qualified', 20_000);
    expect((await lead(friend.id)).progress.net_spend.amount).toBe(4000);
    // The events Vouch holds are the old version's: it read them in its own.
    expect(new Set(await storedVersions())).toEqual(new Set([OLD]));
    await env.stripe.refunds.create({ payment_intent: intent.id });
    await eventually(async () => (await lead(friend.id)).status === 'unqualified', 20_000);
  });

  it('a referral code used at checkout qualifies its lead under the code method', async () => {
    const campaign = (
      await api(env, 'POST', '/v1/campaigns', {
        name: 'Old account codes',
        status: 'live',
        connection_id: connectionId,
        qualification: { method: 'code', window_days: 30, refunds_unqualify: true },
      })
    ).body;
    await api(env, 'POST', `/v1/campaigns/${campaign.id}/coupon`, { percent_off: 10, duration: 'forever' });
    const referrer = (
      await api(env, 'POST', `/v1/campaigns/${campaign.id}/referrers`, {
        email: 'code.ref@example.com',
        first_name: 'Cody',
        referral_code: 'CODY-2022',
      })
    ).body;
    await api(env, 'POST', `/v1/campaigns/${campaign.id}/promotion_codes`, {});
    await eventually(async () => {
      const p = (await api(env, 'GET', `/v1/campaigns/${campaign.id}/promotion_codes/progress`)).body;
      return p.counts.active === 1;
    });
    const session = await env.stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [
        { price_data: { currency: 'usd', unit_amount: 5000, product_data: { name: 'Box' } }, quantity: 1 },
      ],
      allow_promotion_codes: true,
      customer_creation: 'always',
      customer_email: 'code.friend@example.com',
    });
    await env.stripe.rawRequest('POST', `/v1/test_helpers/checkout/sessions/${session.id}/complete`, {
      email: 'code.friend@example.com',
      name: 'Code Friend',
      promotion_code: referrer.referral_code,
    });
    await eventually(async () => {
      const leads = (await api(env, 'GET', `/v1/campaigns/${campaign.id}/leads`)).body.data as Array<{
        status: string;
        referrer_id: string;
      }>;
      return leads.some((l) => l.status === 'qualified' && l.referrer_id === referrer.id);
    }, 20_000);
    const events = await env.db.database.db
      .selectFrom('stripe_events')
      .select('payload')
      .where('connection_id', '=', connectionId)
      .where('type', '=', 'checkout.session.completed')
      .execute();
    expect((events[0]!.payload as unknown as Stripe.Event).api_version).toBe(OLD);
  });
});
