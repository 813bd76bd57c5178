import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertAmount, resolveFxRates, roundHalfAwayFromZero } from '../fx.js';
import { startEmulator } from '../index.js';
import { expectStripeError, startTestEnv, type TestEnv } from './helpers.js';

async function chargeIn(stripe: Stripe, amount: number, currency: string): Promise<Stripe.Charge> {
  const pi = await stripe.paymentIntents.create({
    amount,
    currency,
    payment_method: 'pm_card_visa',
    confirm: true,
    expand: ['latest_charge.balance_transaction'],
  });
  return pi.latest_charge as Stripe.Charge;
}

const txnOf = (charge: Stripe.Charge) => charge.balance_transaction as Stripe.BalanceTransaction;
const fee = (amount: number) => Math.round(amount * 0.029) + 30;

describe('multi-currency settlement', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestEnv();
  });
  afterAll(async () => {
    await env.emulator.close();
  });

  it('settles a foreign charge in the default currency at the fixed rate', async () => {
    const charge = await chargeIn(env.stripe, 1000, 'eur');
    expect(charge).toMatchObject({ amount: 1000, currency: 'eur' });
    const txn = txnOf(charge);
    expect(txn.id).toMatch(/^txn_/);
    expect(txn).toMatchObject({
      amount: 1080,
      currency: 'usd',
      exchange_rate: 1.08,
      fee: fee(1080),
      net: 1080 - fee(1080),
      type: 'charge',
      source: charge.id,
    });
    expect(txn.fee_details[0]).toMatchObject({ currency: 'usd', amount: fee(1080) });
    const retrieved = await env.stripe.balanceTransactions.retrieve(txn.id);
    expect(retrieved).toEqual(txn);
    const expanded = await env.stripe.charges.retrieve(charge.id, { expand: ['balance_transaction'] });
    expect(expanded.balance_transaction).toEqual(txn);
    const listed = await env.stripe.balanceTransactions.list({ source: charge.id });
    expect(listed.data.map((t) => t.id)).toEqual([txn.id]);
  });

  it('leaves charges in the default currency unconverted', async () => {
    const txn = txnOf(await chargeIn(env.stripe, 2500, 'usd'));
    expect(txn).toMatchObject({ amount: 2500, currency: 'usd', exchange_rate: null, net: 2500 - fee(2500) });
  });

  it('converts zero-decimal currencies by their major unit and rounds half away from zero', async () => {
    // 1050 JPY = 7.035 USD = 703.5 cents -> 704 (not 703); the full refund takes back exactly -704.
    const charge = await chargeIn(env.stripe, 1050, 'jpy');
    expect(txnOf(charge)).toMatchObject({ amount: 704, currency: 'usd', exchange_rate: 0.0067 });
    const refund = await env.stripe.refunds.create({ charge: charge.id, expand: ['balance_transaction'] });
    const txn = refund.balance_transaction as Stripe.BalanceTransaction;
    expect(txn).toMatchObject({
      amount: -704,
      currency: 'usd',
      exchange_rate: 0.0067,
      type: 'refund',
      fee: 0,
    });
    expect(txn.net).toBe(-704);
    expect(txn.source).toBe(refund.id);
    const gbp = await chargeIn(env.stripe, 50, 'gbp');
    expect(txnOf(gbp).amount).toBe(64); // 63.5
  });

  it('gives each refund its own balance transaction at the charge rate, netting to zero', async () => {
    const charge = await chargeIn(env.stripe, 1000, 'gbp');
    expect(txnOf(charge).amount).toBe(1270);
    const first = await env.stripe.refunds.create({ charge: charge.id, amount: 333 });
    const second = await env.stripe.refunds.create({ charge: charge.id });
    const t1 = await env.stripe.balanceTransactions.retrieve(String(first.balance_transaction));
    const t2 = await env.stripe.balanceTransactions.retrieve(String(second.balance_transaction));
    expect(t1).toMatchObject({
      amount: -423,
      currency: 'usd',
      exchange_rate: 1.27,
      reporting_category: 'refund',
    });
    expect(t2).toMatchObject({ amount: -847, currency: 'usd', exchange_rate: 1.27 });
    expect(t1.amount + t2.amount).toBe(-1270);
  });

  it('records dispute withdrawals and the reinstatement of a won dispute', async () => {
    const { stripe } = env;
    const open = async (charge: Stripe.Charge) =>
      (await stripe.rawRequest(
        'POST',
        `/v1/test_helpers/charges/${charge.id}/dispute`,
        {},
      )) as unknown as Stripe.Dispute;
    const won = await open(await chargeIn(stripe, 2000, 'cad'));
    expect(won.balance_transactions).toHaveLength(1);
    const withdrawal = won.balance_transactions[0];
    expect(withdrawal).toMatchObject({
      amount: -1460,
      currency: 'usd',
      exchange_rate: 0.73,
      type: 'adjustment',
      reporting_category: 'dispute',
      source: won.id,
    });
    expect(await stripe.balanceTransactions.retrieve(String(withdrawal?.id))).toEqual(withdrawal);
    await stripe.rawRequest('POST', `/v1/test_helpers/disputes/${won.id}/close`, { outcome: 'won' });
    const closed = await stripe.disputes.retrieve(won.id);
    expect(closed.balance_transactions.map((t) => [t.amount, t.reporting_category])).toEqual([
      [-1460, 'dispute'],
      [1460, 'dispute_reversal'],
    ]);
    expect(closed.balance_transactions[1]).toMatchObject({ currency: 'usd', exchange_rate: 0.73 });
    const lost = await open(await chargeIn(stripe, 1000, 'aud'));
    await stripe.disputes.close(lost.id);
    const lostAfter = await stripe.disputes.retrieve(lost.id);
    expect(lostAfter.balance_transactions.map((t) => t.amount)).toEqual([-660]);
  });

  it('refuses payments in a currency without a rate', async () => {
    const err = await expectStripeError(
      env.stripe.paymentIntents.create({ amount: 1000, currency: 'thb', payment_method: 'pm_card_visa' }),
    );
    expect(err.statusCode).toBe(400);
    expect(err.param).toBe('currency');
    expect(err.message).toContain('fxRates');
  });
});

describe('exchange-rate options', () => {
  it('derives cross rates for another default currency, including a zero-decimal one', async () => {
    const eur = await startTestEnv({ defaultCurrency: 'eur' });
    const usd = txnOf(await chargeIn(eur.stripe, 1000, 'usd'));
    expect(usd).toMatchObject({ amount: 926, currency: 'eur', exchange_rate: 0.925926 });
    expect(txnOf(await chargeIn(eur.stripe, 1000, 'gbp'))).toMatchObject({
      amount: 1176,
      exchange_rate: 1.17593,
    });
    await eur.emulator.close();
    const jpy = await startTestEnv({ defaultCurrency: 'jpy' });
    // $10.00 at 1 / 0.0067 = 149.254 JPY per USD -> 1492.54 -> 1493 JPY.
    expect(txnOf(await chargeIn(jpy.stripe, 1000, 'usd'))).toMatchObject({
      amount: 1493,
      currency: 'jpy',
      exchange_rate: 149.254,
    });
    await jpy.emulator.close();
  });

  it('uses fxRates over the defaults and adds currencies', async () => {
    const env = await startTestEnv({ fxRates: { EUR: 2, thb: 0.028 } });
    expect(txnOf(await chargeIn(env.stripe, 1000, 'eur'))).toMatchObject({ amount: 2000, exchange_rate: 2 });
    expect(txnOf(await chargeIn(env.stripe, 10_000, 'thb'))).toMatchObject({ amount: 280, currency: 'usd' });
    expect(txnOf(await chargeIn(env.stripe, 1000, 'gbp')).amount).toBe(1270);
    await env.emulator.close();
    await expect(startEmulator({ fxRates: { eur: -1 } })).rejects.toThrow(/fxRates\.eur/);
  });

  it('rounds and converts in minor units', () => {
    expect([2.5, -2.5, 703.4999999999999, -0.4].map(roundHalfAwayFromZero)).toEqual([3, -3, 704, 0]);
    expect(convertAmount(1000, 'jpy', 'usd', 0.0067)).toBe(670);
    expect(convertAmount(1000, 'usd', 'jpy', 150)).toBe(1500);
    expect(convertAmount(1000, 'usd', 'kwd', 0.3)).toBe(3000);
    expect(resolveFxRates('usd')).toMatchObject({
      eur: 1.08,
      gbp: 1.27,
      cad: 0.73,
      aud: 0.66,
      jpy: 0.0067,
      usd: 1,
    });
  });
});
