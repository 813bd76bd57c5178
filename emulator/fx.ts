/**
 * Fixed exchange rates for settling charges in the account's default currency. A rate means
 * "1 unit (major) of currency X = rate units of the default currency"; amounts are in minor units,
 * so zero-decimal currencies (jpy, krw, ...) are scaled accordingly.
 */
import { invalidParam } from './errors.js';

/** Value of one major unit of each currency in USD; the defaults for other accounts are cross rates. */
export const USD_RATES: Readonly<Record<string, number>> = {
  usd: 1,
  eur: 1.08,
  gbp: 1.27,
  cad: 0.73,
  aud: 0.66,
  jpy: 0.0067,
  chf: 1.13,
  nzd: 0.61,
  sek: 0.095,
  nok: 0.094,
  dkk: 0.145,
  pln: 0.25,
  sgd: 0.74,
  hkd: 0.128,
  mxn: 0.058,
  brl: 0.2,
  inr: 0.012,
  krw: 0.00075,
};

const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

/** Number of minor-unit digits of a currency (0 for jpy, 3 for kwd, else 2). */
export function decimals(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0;
  return THREE_DECIMAL.has(currency) ? 3 : 2;
}

/**
 * The rate table for an account in `defaultCurrency`: cross rates from `USD_RATES` (6 significant
 * digits) overridden by `overrides`. The default currency itself is always 1.
 */
export function resolveFxRates(
  defaultCurrency: string,
  overrides: Record<string, number> = {},
): Record<string, number> {
  const rates: Record<string, number> = {};
  const base = USD_RATES[defaultCurrency];
  if (base !== undefined) {
    for (const [currency, usd] of Object.entries(USD_RATES)) {
      rates[currency] = Number((usd / base).toPrecision(6));
    }
  }
  for (const [currency, rate] of Object.entries(overrides)) {
    if (!Number.isFinite(rate) || rate <= 0) {
      throw new Error(`stripe emulator: fxRates.${currency} must be a positive number, got ${rate}`);
    }
    rates[currency.toLowerCase()] = rate;
  }
  rates[defaultCurrency] = 1;
  return rates;
}

/** Round half away from zero, after trimming float noise (703.4999999999 counts as 703.5). */
export function roundHalfAwayFromZero(value: number): number {
  const magnitude = Math.round(Number(Math.abs(value).toFixed(6)));
  return value < 0 && magnitude !== 0 ? -magnitude : magnitude;
}

/** Converts `amount` minor units of `from` into minor units of `to` at `rate` (per major unit). */
export function convertAmount(amount: number, from: string, to: string, rate: number): number {
  const shift = decimals(to) - decimals(from);
  const value = shift >= 0 ? amount * 10 ** shift * rate : (amount * rate) / 10 ** -shift;
  return roundHalfAwayFromZero(value);
}

/** The rate from `currency` into the default currency, or Stripe's 400 when the emulator has none. */
export function rateFor(rates: Record<string, number>, currency: string, param = 'currency'): number {
  const rate = rates[currency.toLowerCase()];
  if (rate === undefined) {
    throw invalidParam(
      param,
      `Invalid currency: ${currency}. The emulator has no exchange rate from ${currency} to the account's default currency; add one with the fxRates option.`,
    );
  }
  return rate;
}
