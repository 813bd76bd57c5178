import { describe, expect, it } from 'vitest';
import type { CodeRules } from '../src/domain/campaign-settings.js';
import { checkCodeRules, describeRefusal, refuseRedemption } from '../src/domain/code-rules.js';
import { decideCodeVerdict } from '../src/domain/code-verdict.js';
import { emptyFactStore, mergeFact } from '../src/domain/payment-facts.js';
import { afterApproval, planRewards } from '../src/domain/reward-rules.js';

const none: CodeRules = {
  first_time_only: false,
  max_redemptions: null,
  expires_at: null,
  minimum_amount: null,
};
const use = {
  at: new Date('2026-06-01T12:00:00Z'),
  amount: 5000,
  currency: 'usd',
  paidBefore: false,
  countedSoFar: 0,
};

describe('code rules', () => {
  it('lets a use through when no rule applies', () => {
    expect(refuseRedemption(none, use)).toBeUndefined();
    expect(
      refuseRedemption(none, { ...use, amount: null, currency: null, paidBefore: true, countedSoFar: 99 }),
    ).toBeUndefined();
  });

  it('refuses a use after the expiry, and allows one at the very instant', () => {
    const rules = { ...none, expires_at: '2026-06-01T12:00:00Z' };
    expect(refuseRedemption(rules, use)).toBeUndefined();
    expect(refuseRedemption(rules, { ...use, at: new Date('2026-06-01T12:00:01Z') })).toBe('expired');
  });

  it('refuses a use past the redemption limit', () => {
    const rules = { ...none, max_redemptions: 2 };
    expect(refuseRedemption(rules, { ...use, countedSoFar: 1 })).toBeUndefined();
    expect(refuseRedemption(rules, { ...use, countedSoFar: 2 })).toBe('max_redemptions');
  });

  it('refuses an order below the minimum, in another currency, or of unknown amount', () => {
    const rules = { ...none, minimum_amount: { amount: 5000, currency: 'usd' } };
    expect(refuseRedemption(rules, use)).toBeUndefined();
    expect(refuseRedemption(rules, { ...use, currency: 'USD' })).toBeUndefined();
    expect(refuseRedemption(rules, { ...use, amount: 4999 })).toBe('minimum_amount');
    expect(refuseRedemption(rules, { ...use, currency: 'eur' })).toBe('minimum_amount');
    expect(refuseRedemption(rules, { ...use, amount: null })).toBe('minimum_amount');
    expect(describeRefusal('minimum_amount', rules)).toContain('50.00 USD');
  });

  it('refuses a returning customer under first-time-only', () => {
    const rules = { ...none, first_time_only: true };
    expect(refuseRedemption(rules, use)).toBeUndefined();
    expect(refuseRedemption(rules, { ...use, paidBefore: true })).toBe('not_first_order');
  });

  it('refuses campaign rules whose expiry has passed', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(checkCodeRules({ ...none, expires_at: '2026-05-31T00:00:00Z' }, now)?.param).toBe(
      'code_rules.expires_at',
    );
    expect(checkCodeRules({ ...none, expires_at: '2026-06-02T00:00:00Z' }, now)).toBeUndefined();
  });
});

describe('verdict under "a referral code is used"', () => {
  const referredAt = new Date('2026-06-01T00:00:00Z');
  const base = {
    windowDays: 30,
    refundsUnqualify: true,
    currency: 'usd',
    referredAt,
    redemptions: [] as Date[],
    facts: emptyFactStore(),
    currentStatus: 'pending' as const,
    now: new Date('2026-06-02T00:00:00Z'),
  };
  const paid = mergeFact(
    emptyFactStore(),
    {
      chargeId: 'ch_1',
      createdAt: new Date('2026-06-01T01:00:00Z'),
      settledAmount: 4000,
      status: 'succeeded',
    },
    1,
  );
  const refunded = mergeFact(
    paid,
    {
      refundId: 're_1',
      chargeId: 'ch_1',
      createdAt: new Date('2026-06-01T02:00:00Z'),
      settledAmount: 4000,
      status: 'succeeded',
    },
    2,
  );

  it('is pending until a counted use, then qualified at the first use in the window', () => {
    expect(decideCodeVerdict(base).status).toBe('pending');
    const first = new Date('2026-06-01T01:00:00Z');
    const v = decideCodeVerdict({
      ...base,
      redemptions: [new Date('2026-06-03T00:00:00Z'), first],
      facts: paid,
    });
    expect(v).toMatchObject({ status: 'qualified', qualifiedAt: first, netSpend: 4000 });
  });

  it('ignores a use outside the window and expires when the window ends', () => {
    const late = [new Date('2026-07-15T00:00:00Z')];
    expect(decideCodeVerdict({ ...base, redemptions: late }).status).toBe('pending');
    expect(
      decideCodeVerdict({ ...base, redemptions: late, now: new Date('2026-08-01T00:00:00Z') }).status,
    ).toBe('expired');
  });

  it('is taken back when refunds bring what the friend paid to zero, only with the toggle on', () => {
    const used = [new Date('2026-06-01T01:00:00Z')];
    expect(decideCodeVerdict({ ...base, redemptions: used, facts: refunded }).status).toBe('unqualified');
    expect(
      decideCodeVerdict({ ...base, refundsUnqualify: false, redemptions: used, facts: refunded }).status,
    ).toBe('qualified');
    // A use with no Stripe payment (at a till) stays qualified.
    expect(decideCodeVerdict({ ...base, redemptions: used }).status).toBe('qualified');
  });

  it('keeps a rejected lead rejected', () => {
    expect(decideCodeVerdict({ ...base, currentStatus: 'rejected', redemptions: [referredAt] }).status).toBe(
      'rejected',
    );
  });
});

describe('reward plans', () => {
  const rules = {
    referrer: { kind: 'balance_credit' as const, amount: 1000, currency: 'USD' },
    friend: { kind: 'promotion_code' as const, coupon_id: 'FRIEND' },
    max_per_referrer: 2,
    budget: { amount: 2500, currency: 'usd' },
    hold_days: 0,
    manual_approval: false,
  };
  const at = new Date('2026-06-01T00:00:00Z');

  it('gives both recipients their reward, at once without a hold', () => {
    const plan = planRewards(rules, at, { referrerRewards: 0, budgetUsed: 0 });
    expect(plan.map((p) => [p.recipient, p.status, p.amount, p.currency, p.couponId])).toEqual([
      ['referrer', 'pending', 1000, 'usd', null],
      ['friend', 'pending', null, null, 'FRIEND'],
    ]);
  });

  it('holds for the hold period, or waits for approval', () => {
    const held = planRewards({ ...rules, hold_days: 14 }, at, { referrerRewards: 0, budgetUsed: 0 })[0]!;
    expect(held.status).toBe('held');
    expect(held.issueAfter.toISOString()).toBe('2026-06-15T00:00:00.000Z');
    expect(
      planRewards({ ...rules, manual_approval: true }, at, { referrerRewards: 0, budgetUsed: 0 })[0]!.status,
    ).toBe('pending_approval');
    expect(afterApproval(held.issueAfter, at)).toBe('held');
    expect(afterApproval(held.issueAfter, new Date('2026-07-01T00:00:00Z'))).toBe('pending');
  });

  it('cancels at once past the per-referrer cap or the budget, and says which', () => {
    const capped = planRewards(rules, at, { referrerRewards: 2, budgetUsed: 0 })[0]!;
    expect([capped.status, capped.cancelReason]).toEqual(['cancelled', 'per_referrer_cap']);
    const spent = planRewards(rules, at, { referrerRewards: 0, budgetUsed: 2000 })[0]!;
    expect([spent.status, spent.cancelReason]).toEqual(['cancelled', 'budget']);
    expect(planRewards(rules, at, { referrerRewards: 0, budgetUsed: 1500 })[0]!.status).toBe('pending');
  });
});
