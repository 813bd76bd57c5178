import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachReceiver,
  expectStripeError,
  type Receiver,
  startReceiver,
  startTestEnv,
  type TestEnv,
} from './helpers.js';

describe('invoices and subscriptions', () => {
  let env: TestEnv;
  let receiver: Receiver;
  let monthly: Stripe.Price;
  beforeAll(async () => {
    env = await startTestEnv();
    receiver = await startReceiver(env.stripe);
    await attachReceiver(env.stripe, receiver);
    const product = await env.stripe.products.create({ name: 'Plan' });
    monthly = await env.stripe.prices.create({
      product: product.id,
      unit_amount: 3000,
      currency: 'usd',
      recurring: { interval: 'month' },
    });
  });
  afterAll(async () => {
    await env.emulator.close();
    await receiver.close();
  });

  it('creates, finalizes and pays an invoice with a coupon discount and customer credit', async () => {
    const { stripe } = env;
    const customer = await stripe.customers.create({
      email: 'inv@example.com',
      invoice_settings: { default_payment_method: 'pm_card_visa' },
    });
    await stripe.customers.createBalanceTransaction(customer.id, {
      amount: -500,
      currency: 'usd',
      description: 'referral credit',
    });
    const coupon = await stripe.coupons.create({ amount_off: 1000, currency: 'usd' });
    const invoice = await stripe.invoices.create({
      customer: customer.id,
      discounts: [{ coupon: coupon.id }],
    });
    expect(invoice.id).toMatch(/^in_/);
    expect(invoice.status).toBe('draft');
    const item = await stripe.invoiceItems.create({
      customer: customer.id,
      amount: 4000,
      currency: 'usd',
      invoice: invoice.id,
      description: 'Setup',
    });
    expect(item.id).toMatch(/^ii_/);
    const withItem = await stripe.invoices.retrieve(invoice.id);
    expect(withItem).toMatchObject({ subtotal: 4000, total: 3000 });
    const finalized = await stripe.invoices.finalizeInvoice(invoice.id);
    expect(finalized).toMatchObject({ status: 'open', amount_due: 2500, starting_balance: -500 });
    expect(finalized.number).toBeTruthy();
    const paid = await stripe.invoices.pay(invoice.id);
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 2500, amount_remaining: 0 });
    expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({ balance: 0 });
    const charges = await stripe.charges.list({ customer: customer.id });
    expect(charges.data[0]?.amount).toBe(2500);
    const list = await stripe.invoices.list({ customer: customer.id });
    expect(list.data.map((i) => i.id)).toEqual([invoice.id]);
    const lines = await stripe.invoices.listLineItems(invoice.id);
    expect(lines.data[0]).toMatchObject({ amount: 4000, description: 'Setup' });
    const again = await expectStripeError(stripe.invoices.pay(invoice.id));
    expect(again.statusCode).toBe(400);
    await receiver.waitFor((evs) =>
      evs.some((e) => e.type === 'invoice.paid' && e.data.object.id === invoice.id),
    );
    const types = receiver.received.map((r) => r.event?.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'invoice.created',
        'invoice.finalized',
        'invoice.payment_succeeded',
        'customer.balance_transaction.created',
        'invoiceitem.created',
      ]),
    );
  });

  it('fails to pay an invoice with a declined card', async () => {
    const { stripe } = env;
    const customer = await stripe.customers.create({ email: 'decl@example.com' });
    await stripe.invoiceItems.create({ customer: customer.id, amount: 900, currency: 'usd' });
    const invoice = await stripe.invoices.create({
      customer: customer.id,
      pending_invoice_items_behavior: 'include',
    });
    expect(invoice.total).toBe(900);
    const err = await expectStripeError(
      stripe.invoices.pay(invoice.id, { payment_method: 'pm_card_chargeDeclined' }),
    );
    expect(err.statusCode).toBe(402);
    const after = await stripe.invoices.retrieve(invoice.id);
    expect(after).toMatchObject({ status: 'open', attempt_count: 1 });
  });

  it('creates a subscription, pays the first invoice and renews with the advance helper', async () => {
    const { stripe } = env;
    const customer = await stripe.customers.create({ email: 'subs@example.com' });
    const coupon = await stripe.coupons.create({
      percent_off: 50,
      duration: 'repeating',
      duration_in_months: 2,
    });
    const sub = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: monthly.id }],
      discounts: [{ coupon: coupon.id }],
    });
    expect(sub.id).toMatch(/^sub_/);
    expect(sub.status).toBe('active');
    const first = await stripe.invoices.retrieve(String(sub.latest_invoice));
    expect(first).toMatchObject({ status: 'paid', total: 1500, billing_reason: 'subscription_create' });
    expect(first.parent?.subscription_details?.subscription).toBe(sub.id);
    const periodEnd = sub.items.data[0]?.current_period_end ?? 0;
    const advance = () =>
      stripe.rawRequest(
        'POST',
        `/v1/test_helpers/subscriptions/${sub.id}/advance`,
        {},
      ) as unknown as Promise<Stripe.Subscription>;
    const renewed = await advance();
    expect(renewed.items.data[0]?.current_period_start).toBe(periodEnd);
    const second = await stripe.invoices.retrieve(String(renewed.latest_invoice));
    expect(second).toMatchObject({ status: 'paid', total: 1500, billing_reason: 'subscription_cycle' });
    const third = await stripe.invoices.retrieve(String((await advance()).latest_invoice));
    expect(third.total).toBe(3000);
    expect((await stripe.invoices.list({ subscription: sub.id })).data).toHaveLength(3);
    await receiver.waitFor((evs) =>
      evs.some((e) => e.type === 'customer.subscription.updated' && e.data.object.id === sub.id),
    );
    const updated = receiver.received.find(
      (r) => r.event?.type === 'customer.subscription.updated' && r.event.data.object.id === sub.id,
    );
    expect(updated?.event?.data.previous_attributes).toHaveProperty('latest_invoice');
    const canceled = await stripe.subscriptions.cancel(sub.id);
    expect(canceled.status).toBe('canceled');
    const notActive = await expectStripeError(advance());
    expect(notActive.statusCode).toBe(400);
  });

  it('rejects subscriptions on one-time prices', async () => {
    const { stripe } = env;
    const customer = await stripe.customers.create({ email: 'x@example.com' });
    const oneTime = await stripe.prices.create({
      product: String(monthly.product),
      unit_amount: 100,
      currency: 'usd',
    });
    const err = await expectStripeError(
      stripe.subscriptions.create({ customer: customer.id, items: [{ price: oneTime.id }] }),
    );
    expect(err.param).toBe('items[0][price]');
  });

  it('adds a coupon to a running subscription: its duration counts from the next invoice', async () => {
    const { stripe } = env;
    const customer = await stripe.customers.create({
      email: 'later-coupon@example.com',
      invoice_settings: { default_payment_method: 'pm_card_visa' },
    });
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: monthly.id }] });
    const once = await stripe.coupons.create({ amount_off: 1000, currency: 'usd', duration: 'once' });
    const updated = await stripe.subscriptions.update(sub.id, { discounts: [{ coupon: once.id }] });
    expect(updated.discounts).toHaveLength(1);
    const advance = () =>
      stripe.rawRequest('POST', `/v1/test_helpers/subscriptions/${sub.id}/advance`, {}) as Promise<unknown>;
    await advance();
    await advance();
    const invoices = (await stripe.invoices.list({ customer: customer.id })).data;
    expect(invoices.map((i) => i.amount_paid).sort()).toEqual([2000, 3000, 3000]);
    const missing = await expectStripeError(
      stripe.subscriptions.update(sub.id, { discounts: [{ coupon: 'missing' }] }),
    );
    expect(missing.statusCode).toBe(400);
  });
});
