import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachReceiver,
  expectStripeError,
  type Receiver,
  startReceiver,
  startTestEnv,
  type TestEnv,
} from './helpers.js';

describe('payment intents, charges, refunds, disputes', () => {
  let env: TestEnv;
  let receiver: Receiver;
  beforeAll(async () => {
    env = await startTestEnv();
    receiver = await startReceiver(env.stripe);
    await attachReceiver(env.stripe, receiver);
  });
  afterAll(async () => {
    await env.emulator.close();
    await receiver.close();
  });

  it('confirms a payment intent with pm_card_visa and creates a charge with a balance transaction', async () => {
    const { stripe } = env;
    const customer = await stripe.customers.create({ email: 'pay@example.com' });
    const pi = await stripe.paymentIntents.create({
      amount: 2500,
      currency: 'usd',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
      metadata: { order: '42' },
      expand: ['latest_charge'],
    });
    expect(pi.id).toMatch(/^pi_/);
    expect(pi.status).toBe('succeeded');
    expect(pi.amount_received).toBe(2500);
    const charge = pi.latest_charge as Stripe.Charge;
    expect(charge.id).toMatch(/^ch_/);
    expect(charge).toMatchObject({
      amount: 2500,
      currency: 'usd',
      paid: true,
      status: 'succeeded',
      customer: customer.id,
    });
    const txn = await stripe.balanceTransactions.retrieve(String(charge.balance_transaction));
    expect(txn.id).toMatch(/^txn_/);
    expect(txn).toMatchObject({ amount: 2500, currency: 'usd', net: 2500 - txn.fee });
    const byCustomer = await stripe.charges.list({ customer: customer.id });
    expect(byCustomer.data.map((c) => c.id)).toEqual([charge.id]);
    const byPi = await stripe.charges.list({ payment_intent: pi.id });
    expect(byPi.data).toHaveLength(1);
    const retrieved = await stripe.charges.retrieve(charge.id);
    expect(retrieved.payment_intent).toBe(pi.id);
    await receiver.waitFor((evs) =>
      evs.some((e) => e.type === 'payment_intent.succeeded' && e.data.object.id === pi.id),
    );
    const types = receiver.received.map((r) => r.event?.type);
    expect(types).toContain('charge.succeeded');
  });

  it('declines pm_card_chargeDeclined with a 402 card error', async () => {
    const err = await expectStripeError(
      env.stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
        payment_method: 'pm_card_chargeDeclined',
        confirm: true,
      }),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(err.statusCode).toBe(402);
    expect(err.code).toBe('card_declined');
    expect(err.decline_code).toBe('generic_decline');
    expect(err.raw).toMatchObject({ type: 'card_error' });
    const pi = err.payment_intent;
    expect(pi?.status).toBe('requires_payment_method');
    await receiver.waitFor((evs) =>
      evs.some((e) => e.type === 'payment_intent.payment_failed' && e.data.object.id === pi?.id),
    );
    const tok = await expectStripeError(
      env.stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
        payment_method: 'tok_chargeDeclined',
        confirm: true,
      }),
    );
    expect(tok.statusCode).toBe(402);
  });

  it('confirms in a second step and rejects unknown payment methods', async () => {
    const { stripe } = env;
    const pi = await stripe.paymentIntents.create({ amount: 700, currency: 'usd' });
    expect(pi.status).toBe('requires_payment_method');
    const confirmed = await stripe.paymentIntents.confirm(pi.id, { payment_method: 'tok_visa' });
    expect(confirmed.status).toBe('succeeded');
    const again = await expectStripeError(stripe.paymentIntents.confirm(pi.id));
    expect(again.code).toBe('payment_intent_unexpected_state');
    const bad = await expectStripeError(
      stripe.paymentIntents.create({
        amount: 700,
        currency: 'usd',
        payment_method: 'card_nope',
        confirm: true,
      }),
    );
    expect(bad.statusCode).toBe(404);
  });

  it('refunds partially then fully and rejects over-refunds', async () => {
    const { stripe } = env;
    const pi = await stripe.paymentIntents.create({
      amount: 5000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const chargeId = String(pi.latest_charge);
    const partial = await stripe.refunds.create({ charge: chargeId, amount: 2000 });
    expect(partial.id).toMatch(/^re_/);
    expect(partial).toMatchObject({
      amount: 2000,
      status: 'succeeded',
      charge: chargeId,
      payment_intent: pi.id,
    });
    let charge = await stripe.charges.retrieve(chargeId);
    expect(charge).toMatchObject({ amount_refunded: 2000, refunded: false });
    const tooMuch = await expectStripeError(stripe.refunds.create({ charge: chargeId, amount: 3001 }));
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.param).toBe('amount');
    const rest = await stripe.refunds.create({ payment_intent: pi.id });
    expect(rest.amount).toBe(3000);
    charge = await stripe.charges.retrieve(chargeId);
    expect(charge).toMatchObject({ amount_refunded: 5000, refunded: true });
    const done = await expectStripeError(stripe.refunds.create({ charge: chargeId }));
    expect(done.code).toBe('charge_already_refunded');
    const list = await stripe.refunds.list({ charge: chargeId });
    expect(list.data.map((r) => r.id)).toEqual([rest.id, partial.id]);
    expect((await stripe.refunds.retrieve(partial.id)).amount).toBe(2000);
    const events = await receiver.waitFor((evs) =>
      evs.some(
        (e) => e.type === 'charge.refunded' && e.data.object.id === chargeId && e.data.object.refunded,
      ),
    );
    const first = events.find((e) => e.type === 'charge.refunded' && e.data.object.id === chargeId);
    expect(first?.data.previous_attributes).toMatchObject({ amount_refunded: 0 });
    expect(events.filter((e) => e.type === 'refund.created').length).toBeGreaterThanOrEqual(2);
  });

  it('opens a dispute through the test helper and closes it', async () => {
    const { stripe } = env;
    const pi = await stripe.paymentIntents.create({
      amount: 1500,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const chargeId = String(pi.latest_charge);
    const dispute = (await stripe.rawRequest('POST', `/v1/test_helpers/charges/${chargeId}/dispute`, {
      reason: 'fraudulent',
    })) as unknown as Stripe.Dispute;
    expect(dispute.id).toMatch(/^dp_/);
    expect(dispute).toMatchObject({
      object: 'dispute',
      amount: 1500,
      charge: chargeId,
      status: 'needs_response',
    });
    expect((await stripe.charges.retrieve(chargeId)).disputed).toBe(true);
    await receiver.waitFor((evs) =>
      evs.some((e) => e.type === 'charge.dispute.created' && e.data.object.id === dispute.id),
    );
    const closed = (await stripe.rawRequest('POST', `/v1/test_helpers/disputes/${dispute.id}/close`, {
      outcome: 'won',
    })) as unknown as Stripe.Dispute;
    expect(closed.status).toBe('won');
    await receiver.waitFor((evs) =>
      evs.some((e) => e.type === 'charge.dispute.closed' && e.data.object.id === dispute.id),
    );
    const listed = await stripe.disputes.list({ charge: chargeId });
    expect(listed.data[0]?.id).toBe(dispute.id);
  });
});
