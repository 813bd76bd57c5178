import type { CodeRules } from './campaign-settings.js';
import { formatMoney } from './qualification.js';

/** Why a use of a referral code does not count (a rule of the code it broke). */
export type CodeRuleRefusal = 'expired' | 'max_redemptions' | 'minimum_amount' | 'not_first_order';

/** What is known about one use of a code when it is recorded. */
export type RedemptionFacts = {
  at: Date;
  /** The order's amount before the discount, in minor units of `currency`; null when not known. */
  amount: number | null;
  currency: string | null;
  /** The customer paid before this order (Stripe calls this a prior transaction). */
  paidBefore: boolean;
  /** Uses of this code that already count. */
  countedSoFar: number;
};

/**
 * Checks a use against the rules the code was made with. Stripe already enforces them at checkout; this
 * check keeps a use that slipped past (an invoice made by hand, a code typed at a till, a rule changed in
 * Stripe) from counting.
 */
export function refuseRedemption(rules: CodeRules, use: RedemptionFacts): CodeRuleRefusal | undefined {
  if (rules.expires_at !== null && use.at.getTime() > Date.parse(rules.expires_at)) return 'expired';
  if (rules.max_redemptions !== null && use.countedSoFar >= rules.max_redemptions) return 'max_redemptions';
  const minimum = rules.minimum_amount;
  if (minimum !== null) {
    if (use.amount === null || use.currency === null) return 'minimum_amount';
    if (use.currency.toLowerCase() !== minimum.currency.toLowerCase()) return 'minimum_amount';
    if (use.amount < minimum.amount) return 'minimum_amount';
  }
  if (rules.first_time_only && use.paidBefore) return 'not_first_order';
  return undefined;
}

/** A sentence for a lead's timeline or an API error. */
export function describeRefusal(refusal: CodeRuleRefusal, rules: CodeRules): string {
  switch (refusal) {
    case 'expired':
      return `The code expired at ${rules.expires_at}.`;
    case 'max_redemptions':
      return `The code was already used the most times allowed (${rules.max_redemptions}).`;
    case 'minimum_amount': {
      const minimum = rules.minimum_amount!;
      return `The order is below the code's minimum of ${formatMoney(minimum.amount, minimum.currency)}.`;
    }
    case 'not_first_order':
      return 'The code is for a first order only and this customer has paid before.';
  }
}

/** Checks rules a campaign is given: an expiry in the past or a limit below one makes no usable code. */
export function checkCodeRules(rules: CodeRules, now: Date): { param: string; message: string } | undefined {
  if (rules.expires_at !== null && Date.parse(rules.expires_at) <= now.getTime())
    return { param: 'code_rules.expires_at', message: 'must be in the future' };
  return undefined;
}
