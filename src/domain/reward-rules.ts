import type { RewardRules, RewardSpec } from './campaign-settings.js';
import { DAY_MS } from './qualification.js';

export type RewardRecipient = 'referrer' | 'friend';

/** What the ledger already holds that the caps look at. */
export type RewardTally = {
  /** Rewards the referrer received or will receive in this campaign (not cancelled or reversed). */
  referrerRewards: number;
  /** Credit given or to be given in the budget's currency (not cancelled or reversed). */
  budgetUsed: number;
};

export type PlannedReward = {
  recipient: RewardRecipient;
  spec: RewardSpec;
  amount: number | null;
  currency: string | null;
  couponId: string | null;
  status: 'held' | 'pending_approval' | 'pending' | 'cancelled';
  cancelReason: 'per_referrer_cap' | 'budget' | null;
  issueAfter: Date;
};

/**
 * The rewards a lead's qualification gives, under the campaign's rules: each recipient's reward, held for
 * the hold period, waiting for approval when asked, or cancelled at once when a cap or the budget is
 * reached (kept in the ledger, so the business sees why).
 */
export function planRewards(rules: RewardRules, qualifiedAt: Date, tally: RewardTally): PlannedReward[] {
  const issueAfter = new Date(qualifiedAt.getTime() + rules.hold_days * DAY_MS);
  const waiting = rules.manual_approval ? 'pending_approval' : rules.hold_days > 0 ? 'held' : 'pending';
  let budgetUsed = tally.budgetUsed;
  const planned: PlannedReward[] = [];
  for (const recipient of ['referrer', 'friend'] as const) {
    const spec = rules[recipient];
    if (!spec) continue;
    const amount = spec.kind === 'balance_credit' ? spec.amount : null;
    const currency = spec.kind === 'balance_credit' ? spec.currency.toLowerCase() : null;
    let cancelReason: PlannedReward['cancelReason'] = null;
    if (
      recipient === 'referrer' &&
      rules.max_per_referrer !== null &&
      tally.referrerRewards >= rules.max_per_referrer
    )
      cancelReason = 'per_referrer_cap';
    else if (
      amount !== null &&
      rules.budget !== null &&
      currency === rules.budget.currency.toLowerCase() &&
      budgetUsed + amount > rules.budget.amount
    )
      cancelReason = 'budget';
    if (!cancelReason && amount !== null) budgetUsed += amount;
    planned.push({
      recipient,
      spec,
      amount,
      currency,
      couponId: spec.kind === 'balance_credit' ? null : spec.coupon_id,
      status: cancelReason ? 'cancelled' : waiting,
      cancelReason,
      issueAfter,
    });
  }
  return planned;
}

/** Where a reward waiting for its turn goes when approved: held until the hold ends, then issued. */
export const afterApproval = (issueAfter: Date, now: Date): 'held' | 'pending' =>
  issueAfter.getTime() > now.getTime() ? 'held' : 'pending';
