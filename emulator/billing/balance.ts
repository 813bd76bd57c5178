/**
 * Balance transactions. A charge settles in the account's default currency at the fixed rate of the
 * `fxRates` table; its refunds and disputes settle at the charge's rate. Reversals convert cumulatively
 * (what was reversed before plus this one, minus what was reversed before), so a charge refunded in
 * parts nets to exactly zero in the default currency.
 */
import type { Ctx } from '../context.js';
import { convertAmount, rateFor } from '../fx.js';
import { newId, nowSeconds } from '../ids.js';
import type { BalanceTransactionObj, ChargeObj } from '../shapes.js';

export type Category = 'charge' | 'refund' | 'dispute' | 'dispute_reversal';

const TYPES: Record<Category, BalanceTransactionObj['type']> = {
  charge: 'charge',
  refund: 'refund',
  dispute: 'adjustment',
  dispute_reversal: 'adjustment',
};

interface Settlement {
  currency: string;
  rate: number | null;
}

function fee(amount: number): number {
  return Math.round(amount * 0.029) + 30;
}

function record(
  ctx: Ctx,
  amount: number,
  settlement: Settlement,
  source: string,
  category: Category,
  description: string | null,
): BalanceTransactionObj {
  const { currency } = settlement;
  const f = category === 'charge' ? fee(amount) : 0;
  const txn = {
    id: newId('txn'),
    object: 'balance_transaction',
    amount,
    available_on: nowSeconds() + 2 * 86_400,
    created: nowSeconds(),
    currency,
    description,
    exchange_rate: settlement.rate,
    fee: f,
    fee_details: f
      ? [
          {
            amount: f,
            application: null,
            currency,
            description: 'Stripe processing fees',
            type: 'stripe_fee',
          },
        ]
      : [],
    net: amount - f,
    reporting_category: category,
    source,
    status: 'pending',
    type: TYPES[category],
  } satisfies BalanceTransactionObj;
  ctx.state.balanceTransactions.set(txn.id, txn);
  return txn;
}

/** Throws Stripe's 400 when a payment in `currency` could not be settled (no exchange rate). */
export function checkSettlementCurrency(ctx: Ctx, currency: string): void {
  rateFor(ctx.options.fxRates, currency);
}

/** The charge's settlement: amount converted into the default currency, fee 2.9% + 30. */
export function settleCharge(ctx: Ctx, charge: ChargeObj): BalanceTransactionObj {
  const target = ctx.options.defaultCurrency;
  const settlement: Settlement =
    charge.currency === target
      ? { currency: target, rate: null }
      : { currency: target, rate: rateFor(ctx.options.fxRates, charge.currency) };
  const amount = convertAmount(charge.amount, charge.currency, target, settlement.rate ?? 1);
  return record(ctx, amount, settlement, charge.id, 'charge', charge.description);
}

function chargeSettlement(ctx: Ctx, charge: ChargeObj): Settlement {
  const id = typeof charge.balance_transaction === 'string' ? charge.balance_transaction : null;
  const txn = id ? ctx.state.balanceTransactions.get(id) : undefined;
  if (txn) return { currency: txn.currency, rate: txn.exchange_rate };
  const target = ctx.options.defaultCurrency;
  return {
    currency: target,
    rate: charge.currency === target ? null : rateFor(ctx.options.fxRates, charge.currency),
  };
}

/**
 * Settles `amount` (charge currency, positive) moving out of (`sign` -1) or back into (+1) the balance,
 * at the charge's rate; `before` is how much of the charge was already reversed.
 */
export function settleReversal(
  ctx: Ctx,
  charge: ChargeObj,
  movement: { amount: number; before: number; sign: 1 | -1 },
  source: string,
  category: Exclude<Category, 'charge'>,
  description: string | null = null,
): BalanceTransactionObj {
  const settlement = chargeSettlement(ctx, charge);
  const convert = (value: number) =>
    convertAmount(value, charge.currency, settlement.currency, settlement.rate ?? 1);
  const converted = convert(movement.before + movement.amount) - convert(movement.before);
  return record(ctx, movement.sign * converted, settlement, source, category, description);
}

/** The exact opposite of `original` (same currency and rate), e.g. the reinstatement of a won dispute. */
export function reverseTransaction(
  ctx: Ctx,
  original: BalanceTransactionObj,
  source: string,
  category: Exclude<Category, 'charge'>,
  description: string | null = null,
): BalanceTransactionObj {
  const settlement = { currency: original.currency, rate: original.exchange_rate };
  return record(ctx, -original.amount, settlement, source, category, description);
}
