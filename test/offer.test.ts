import { describe, expect, it } from 'vitest';
import { conditionText, describeCoupon, describeOffer } from '../src/domain/offer.js';
import type { Coupon } from '../src/domain/promotion-code.js';

const coupon = (fields: Partial<Coupon>): Coupon => ({
  id: 'co_1',
  name: null,
  amount_off: null,
  currency: null,
  percent_off: null,
  duration: 'once',
  duration_in_months: null,
  valid: true,
  times_redeemed: 0,
  created: 0,
  ...fields,
});

describe('what a campaign offers, in words', () => {
  it('describes a coupon by what it takes off and for how long', () => {
    expect(describeCoupon(coupon({ percent_off: 20 }))).toBe('20% off');
    expect(describeCoupon(coupon({ percent_off: 12.5, duration: 'forever' }))).toBe(
      '12.5% off for as long as the subscription lasts',
    );
    expect(
      describeCoupon(
        coupon({ amount_off: 500, currency: 'eur', duration: 'repeating', duration_in_months: 3 }),
      ),
    ).toBe('5.00 EUR off for 3 months');
    expect(
      describeCoupon(
        coupon({ amount_off: 1000, currency: 'jpy', duration: 'repeating', duration_in_months: 1 }),
      ),
    ).toBe('1000 JPY off for 1 month');
  });

  it('says when a referral counts, to the person referring and to the friend', () => {
    const spend = { kind: 'spend', days: 30, target: '50.00 USD' } as const;
    expect(conditionText(spend, 'referrer')).toBe(
      'when your friend spends more than 50.00 USD within 30 days',
    );
    expect(conditionText(spend, 'friend')).toBe('when you spend more than 50.00 USD within 30 days');
    expect(conditionText({ kind: 'code', days: 1 }, 'referrer')).toBe(
      'when your friend uses your code within 1 day',
    );
    expect(conditionText({ kind: 'signup' }, 'friend')).toBe('when you sign up');
  });

  it('names rewards, with the terms of the coupons it knows and none of the others', () => {
    const campaignCoupon = coupon({ id: 'co_campaign', percent_off: 15 });
    const offer = describeOffer({
      qualification: { method: 'spend', target_amount: 5000, window_days: 30, refunds_unqualify: true },
      rewards: {
        referrer: { kind: 'promotion_code', coupon_id: 'co_campaign' },
        friend: { kind: 'coupon', coupon_id: 'co_unknown' },
        max_per_referrer: null,
        budget: null,
        hold_days: 0,
        manual_approval: false,
      },
      campaignCoupon,
      currency: 'usd',
    });
    expect(offer).toEqual({
      referrer: 'a promotion code for 15% off',
      friend: 'a discount on the subscription',
      codeDiscount: '15% off',
      condition: { kind: 'spend', days: 30, target: '50.00 USD' },
    });
  });

  it('offers nothing without rewards or a usable coupon', () => {
    const offer = describeOffer({
      qualification: null,
      rewards: null,
      campaignCoupon: coupon({ percent_off: 10, valid: false }),
      currency: null,
    });
    expect(offer).toEqual({
      referrer: null,
      friend: null,
      codeDiscount: null,
      condition: { kind: 'signup' },
    });
  });
});
