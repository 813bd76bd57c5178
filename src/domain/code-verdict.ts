import type { FactSet } from './payment-facts.js';
import {
  formatMoney,
  netSpendHistory,
  type Verdict,
  type VerdictStatus,
  windowEndsAt,
} from './qualification.js';

export interface CodeVerdictInput {
  readonly windowDays: number;
  readonly refundsUnqualify: boolean;
  readonly currency: string;
  readonly referredAt: Date;
  /** When the lead's referrer's code was used in ways that count (rules kept), any order. */
  readonly redemptions: readonly Date[];
  readonly facts: FactSet;
  readonly currentStatus: VerdictStatus;
  readonly now: Date;
}

/**
 * The verdict under "a referral code is used": qualified by the first counted use inside the window. With
 * the refund toggle on, refunds and disputes that bring what the friend paid inside the window back to
 * zero take it back (a use at a till, with no Stripe payment, stays qualified).
 */
export function decideCodeVerdict(input: CodeVerdictInput): Verdict {
  const { referredAt, windowDays, facts, currentStatus } = input;
  const ends = windowEndsAt(referredAt, windowDays);
  const history = netSpendHistory({ windowDays }, referredAt, facts);
  const net = history.at(-1)?.netSpend ?? 0;
  const verdict = (status: VerdictStatus, reason: string, qualifiedAt: Date | null = null): Verdict => ({
    status,
    netSpend: net,
    qualifiedAt,
    windowEndsAt: ends,
    reason,
  });
  if (currentStatus === 'rejected')
    return verdict('rejected', 'The lead was rejected; its payments no longer change its status');
  const inWindow = input.redemptions
    .filter((at) => at.getTime() >= referredAt.getTime() && at.getTime() <= ends.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
  const first = inWindow[0];
  if (first) {
    const takenBack = input.refundsUnqualify && net === 0 && history.some((step) => step.kind !== 'payment');
    if (takenBack)
      return verdict(
        'unqualified',
        `Refunds and disputes brought what the friend paid to ${formatMoney(0, input.currency)}`,
      );
    return verdict('qualified', 'The friend used the referral code', first);
  }
  if (input.now.getTime() > ends.getTime())
    return verdict('expired', `The ${windowDays}-day window ended without a use of the referral code`);
  return verdict('pending', 'Waiting for the friend to use the referral code');
}
