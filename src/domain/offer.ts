import type { QualificationRules, RewardRules, RewardSpec } from './campaign-settings.js';
import type { Coupon } from './promotion-code.js';
import { formatMoney } from './qualification.js';

/**
 * What a campaign offers, in words a person reads on the hosted pages and in the referrer's portal: what the
 * person referring gets, what the friend gets, and what has to happen first. Made from the campaign's
 * settings alone; a coupon's terms are known only for coupons whose details Vouch keeps (the campaign
 * coupon), others read as "a discount".
 */
export type Offer = {
  /** What the person referring gets when a referral qualifies, or null when the campaign gives them nothing. */
  referrer: string | null;
  /** What the friend gets when the referral qualifies, or null. */
  friend: string | null;
  /** What a referrer's code takes off the friend's order (the campaign coupon), or null without one. */
  codeDiscount: string | null;
  /** When a referral qualifies. */
  condition: OfferCondition;
};

export type OfferCondition =
  | { kind: 'signup' }
  | { kind: 'code'; days: number }
  | { kind: 'spend'; days: number; target: string | null };

export type OfferInput = {
  qualification: QualificationRules | null;
  rewards: RewardRules | null;
  /** The coupon the referrers' codes give, with its details, when the campaign has one. */
  campaignCoupon: Coupon | null;
  /** The currency `qualification.target_amount` is in (the connection's default); null when unknown. */
  currency: string | null;
};

/** "20% off", "5.00 EUR off", each with how long it lasts. */
export function describeCoupon(coupon: Coupon): string {
  const off =
    coupon.percent_off !== null
      ? `${trimNumber(coupon.percent_off)}% off`
      : coupon.amount_off !== null && coupon.currency
        ? `${formatMoney(coupon.amount_off, coupon.currency)} off`
        : 'a discount';
  switch (coupon.duration) {
    case 'once':
      return off;
    case 'forever':
      return `${off} for as long as the subscription lasts`;
    case 'repeating': {
      const months = coupon.duration_in_months ?? 1;
      return `${off} for ${months} ${months === 1 ? 'month' : 'months'}`;
    }
  }
}

const trimNumber = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, ''));

function describeReward(spec: RewardSpec, couponOf: (id: string) => Coupon | undefined): string {
  switch (spec.kind) {
    case 'balance_credit':
      return `${formatMoney(spec.amount, spec.currency)} in account credit`;
    case 'coupon': {
      const coupon = couponOf(spec.coupon_id);
      return coupon ? `${describeCoupon(coupon)} on the subscription` : 'a discount on the subscription';
    }
    case 'promotion_code': {
      const coupon = couponOf(spec.coupon_id);
      return coupon ? `a promotion code for ${describeCoupon(coupon)}` : 'a promotion code for a discount';
    }
  }
}

function conditionOf(qualification: QualificationRules | null, currency: string | null): OfferCondition {
  if (!qualification) return { kind: 'signup' };
  const days = qualification.window_days;
  if (qualification.method === 'code') return { kind: 'code', days };
  const target = currency ? formatMoney(qualification.target_amount, currency) : null;
  return { kind: 'spend', days, target };
}

/**
 * When a referral qualifies, said to the person referring ("when your friend spends ...") or to the friend
 * ("when you spend ...").
 */
export function conditionText(condition: OfferCondition, to: 'referrer' | 'friend'): string {
  const who = to === 'referrer' ? 'your friend' : 'you';
  const spends = to === 'referrer' ? 'spends' : 'spend';
  switch (condition.kind) {
    case 'signup':
      return to === 'referrer' ? 'when your friend signs up' : 'when you sign up';
    case 'code':
      return `when ${who} ${to === 'referrer' ? 'uses your' : 'use the referral'} code within ${dayCount(condition.days)}`;
    case 'spend':
      return condition.target
        ? `when ${who} ${spends} more than ${condition.target} within ${dayCount(condition.days)}`
        : `when ${who} ${to === 'referrer' ? 'makes' : 'make'} a purchase within ${dayCount(condition.days)}`;
  }
}

const dayCount = (days: number) => `${days} ${days === 1 ? 'day' : 'days'}`;

export function describeOffer(input: OfferInput): Offer {
  const { rewards, campaignCoupon } = input;
  const couponOf = (id: string) => (campaignCoupon?.id === id ? campaignCoupon : undefined);
  return {
    referrer: rewards?.referrer ? describeReward(rewards.referrer, couponOf) : null,
    friend: rewards?.friend ? describeReward(rewards.friend, couponOf) : null,
    codeDiscount: campaignCoupon?.valid ? describeCoupon(campaignCoupon) : null,
    condition: conditionOf(input.qualification, input.currency),
  };
}
