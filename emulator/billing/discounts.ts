/**
 * Discount resolution and redemption. Promotion-code restrictions are enforced here: inactive,
 * expired, max redemptions, wrong customer, first-time transaction, minimum amount.
 */
import type { Ctx } from '../context.js';
import { invalidParam } from '../errors.js';
import type { FormObject } from '../form-decode.js';
import { newId, nowSeconds } from '../ids.js';
import { str } from '../params.js';
import { couponValid, refreshCoupon } from '../resources/coupons.js';
import { findPromotionCode, promotionCouponId } from '../resources/promotion-codes.js';
import type { CouponObj, DiscountObj, PromotionCodeObj } from '../shapes.js';

export interface DiscountSpec {
  coupon: CouponObj;
  promotionCode: PromotionCodeObj | null;
  param: string;
  /** A discount the object already has, kept as it is (`{discount: 'di_...'}`). */
  existing?: DiscountObj;
}

export interface RedemptionContext {
  customer: string | null;
  /** Pre-discount amount, for `minimum_amount`; undefined skips the check (checked later). */
  amount?: number;
  currency: string;
}

function fail(param: string, message: string, code: string): never {
  throw invalidParam(param, message, code);
}

/** Parses `discounts: [{coupon}|{promotion_code}]` (at most one, like most Stripe surfaces). */
export function parseDiscounts(
  ctx: Ctx,
  items: FormObject[] | undefined,
  param = 'discounts',
  max = 1,
): DiscountSpec[] {
  if (!items || items.length === 0) return [];
  if (items.length > max)
    fail(
      param,
      max === 1 ? 'The emulator supports at most one discount per object.' : `At most ${max} discounts.`,
      'parameter_invalid',
    );
  return items.map((item, i) => {
    const p = `${param}[${i}]`;
    const promo = str(item, 'promotion_code', p);
    if (promo) return promotionSpec(ctx, promo, `${p}[promotion_code]`);
    // An existing discount kept as it is (a subscription update that adds a coupon to the ones it has).
    const discountId = str(item, 'discount', p);
    if (discountId) {
      const discount = ctx.state.discounts.get(discountId);
      const spec = discount ? specFromDiscount(ctx, discount) : null;
      if (!discount || !spec) fail(`${p}[discount]`, `No such discount: '${discountId}'`, 'resource_missing');
      return { ...spec, param: `${p}[discount]`, existing: discount };
    }
    const couponId = str(item, 'coupon', p);
    if (!couponId)
      fail(p, `Missing required param: ${p}[coupon] or ${p}[promotion_code].`, 'parameter_missing');
    const coupon = ctx.state.coupons.get(couponId);
    if (!coupon) fail(`${p}[coupon]`, `No such coupon: '${couponId}'`, 'resource_missing');
    return { coupon, promotionCode: null, param: `${p}[coupon]` };
  });
}

export function promotionSpec(ctx: Ctx, idOrCode: string, param: string): DiscountSpec {
  const promotionCode = findPromotionCode(ctx, idOrCode, param);
  const coupon = ctx.state.coupons.get(promotionCouponId(promotionCode));
  if (!coupon)
    fail(param, `The coupon of promotion code ${promotionCode.code} no longer exists.`, 'coupon_expired');
  return { coupon, promotionCode, param };
}

export function customerHasPaid(ctx: Ctx, customer: string): boolean {
  for (const charge of ctx.state.charges.values()) {
    if (charge.customer === customer && charge.status === 'succeeded' && charge.paid) return true;
  }
  return false;
}

/** Throws Stripe-like errors when the discount cannot be applied in this context. */
export function validateDiscount(ctx: Ctx, spec: DiscountSpec, where: RedemptionContext): void {
  const { coupon, promotionCode: promo, param } = spec;
  const now = nowSeconds();
  if (!couponValid(coupon, now)) {
    fail(param, `Coupon ${coupon.id} is no longer valid.`, 'coupon_expired');
  }
  if (coupon.amount_off !== null && coupon.currency !== where.currency.toLowerCase()) {
    fail(param, `Coupon ${coupon.id} is in ${coupon.currency}, not ${where.currency}.`, 'parameter_invalid');
  }
  if (!promo) return;
  if (!promo.active)
    fail(param, `This promotion code (${promo.code}) is inactive.`, 'promotion_code_inactive');
  if (promo.expires_at !== null && now > promo.expires_at) {
    fail(param, `This promotion code (${promo.code}) has expired.`, 'promotion_code_expired');
  }
  if (promo.max_redemptions !== null && promo.times_redeemed >= promo.max_redemptions) {
    fail(
      param,
      `This promotion code (${promo.code}) has been fully redeemed.`,
      'promotion_code_max_redemptions',
    );
  }
  if (promo.customer !== null && promo.customer !== where.customer) {
    fail(
      param,
      `This promotion code (${promo.code}) cannot be redeemed by this customer.`,
      'promotion_code_customer_mismatch',
    );
  }
  if (promo.restrictions.first_time_transaction && where.customer && customerHasPaid(ctx, where.customer)) {
    fail(
      param,
      `This promotion code (${promo.code}) cannot be redeemed because the customer has prior transactions.`,
      'promotion_code_first_time_only',
    );
  }
  if (where.amount !== undefined) checkMinimumAmount(spec, where.amount, where.currency);
}

/** `restrictions.minimum_amount`: the pre-discount amount must reach the minimum (same currency). */
export function checkMinimumAmount(spec: DiscountSpec, amount: number, currency: string): void {
  const promo = spec.promotionCode;
  const minimum = promo?.restrictions.minimum_amount ?? null;
  if (!promo || minimum === null) return;
  const minCurrency = promo.restrictions.minimum_amount_currency ?? currency;
  if (minCurrency !== currency.toLowerCase() || amount < minimum) {
    fail(
      spec.param,
      `This promotion code (${promo.code}) requires a minimum order of ${minimum} ${minCurrency}.`,
      'promotion_code_minimum_amount',
    );
  }
}

export function discountAmount(coupon: CouponObj, subtotal: number): number {
  if (coupon.percent_off !== null)
    return Math.min(subtotal, Math.round((subtotal * coupon.percent_off) / 100));
  return Math.min(subtotal, coupon.amount_off ?? 0);
}

export interface DiscountTarget {
  customer: string | null;
  checkoutSession?: string;
  invoice?: string;
  subscription?: string;
}

/** Counts a redemption and records a `di_` Discount object. */
export function redeemDiscount(ctx: Ctx, spec: DiscountSpec, target: DiscountTarget): DiscountObj {
  spec.coupon.times_redeemed++;
  refreshCoupon(spec.coupon);
  if (spec.promotionCode) spec.promotionCode.times_redeemed++;
  const discount = {
    id: newId('di'),
    object: 'discount',
    checkout_session: target.checkoutSession ?? null,
    customer: target.customer,
    customer_account: null,
    end: null,
    invoice: target.invoice ?? null,
    invoice_item: null,
    promotion_code: spec.promotionCode?.id ?? null,
    source: { coupon: spec.coupon.id, type: 'coupon' },
    start: nowSeconds(),
    subscription: target.subscription ?? null,
    subscription_item: null,
  } satisfies DiscountObj;
  ctx.state.discounts.set(discount.id, discount);
  return discount;
}

export function specFromDiscount(ctx: Ctx, discount: DiscountObj): DiscountSpec | null {
  const couponId =
    typeof discount.source.coupon === 'string' ? discount.source.coupon : discount.source.coupon?.id;
  const coupon = couponId ? ctx.state.coupons.get(couponId) : undefined;
  if (!coupon) return null;
  const promoId = typeof discount.promotion_code === 'string' ? discount.promotion_code : null;
  return {
    coupon,
    promotionCode: promoId ? (ctx.state.promotionCodes.get(promoId) ?? null) : null,
    param: 'discounts',
  };
}
