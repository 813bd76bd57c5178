/** Promotion codes (`promotion: {type: 'coupon', coupon}`): create, retrieve, update, list. */
import { type Ctx, route, updateAndEmit } from '../context.js';
import { invalidParam, missingParam } from '../errors.js';
import type { FormObject } from '../form-decode.js';
import { newId, nowSeconds, randomToken } from '../ids.js';
import { paginate } from '../list.js';
import { mustGet } from '../lookups.js';
import { bool, inRange, int, mergeMetadata, metadata, obj, range, str } from '../params.js';
import type { PromotionCodeObj } from '../shapes.js';
import { newestFirst } from '../store.js';
import { getCustomer } from './customers.js';

function couponOf(promo: PromotionCodeObj): string {
  const coupon = promo.promotion.coupon;
  return typeof coupon === 'string' ? coupon : (coupon?.id ?? '');
}

export function promotionCouponId(promo: PromotionCodeObj): string {
  return couponOf(promo);
}

/** Finds a promotion code by id (`promo_...`) or by its customer-facing code (active codes first). */
export function findPromotionCode(ctx: Ctx, idOrCode: string, param: string): PromotionCodeObj {
  const byId = ctx.state.promotionCodes.get(idOrCode);
  if (byId) return byId;
  const matches = newestFirst(ctx.state.promotionCodes).filter(
    (p) => p.code.toLowerCase() === idOrCode.toLowerCase(),
  );
  const found = matches.find((p) => p.active) ?? matches[0];
  if (!found) throw invalidParam(param, `No such promotion code: '${idOrCode}'`, 'resource_missing');
  return found;
}

function createPromotionCode(ctx: Ctx, p: FormObject): PromotionCodeObj {
  const promotion = obj(p, 'promotion');
  const couponId = (promotion && str(promotion, 'coupon', 'promotion')) ?? str(p, 'coupon');
  if (!couponId) throw missingParam('promotion[coupon]');
  mustGet(ctx, 'coupons', 'coupon', couponId, 'promotion[coupon]');
  const customer = str(p, 'customer');
  if (customer) getCustomer(ctx, customer);
  const code = str(p, 'code') || randomToken(8).toUpperCase();
  if (!/^[a-zA-Z0-9_-]{1,500}$/.test(code)) {
    throw invalidParam('code', 'Promotion codes may only contain letters, digits, dashes and underscores.');
  }
  const active = bool(p, 'active') ?? true;
  const clash = [...ctx.state.promotionCodes.values()].some(
    (x) => x.active && x.code.toLowerCase() === code.toLowerCase(),
  );
  if (active && clash) {
    throw invalidParam('code', `An active promotion code with \`code: ${code}\` already exists.`);
  }
  const restrictions = obj(p, 'restrictions');
  const minimumAmount = restrictions ? int(restrictions, 'minimum_amount', 'restrictions') : undefined;
  const minimumCurrency = restrictions
    ? str(restrictions, 'minimum_amount_currency', 'restrictions')
    : undefined;
  if (minimumAmount !== undefined && !minimumCurrency)
    missingParamThrow('restrictions[minimum_amount_currency]');
  const promo = {
    id: newId('promo'),
    object: 'promotion_code',
    active,
    code,
    created: nowSeconds(),
    customer: customer ?? null,
    customer_account: null,
    expires_at: int(p, 'expires_at') ?? null,
    livemode: false,
    max_redemptions: int(p, 'max_redemptions') ?? null,
    metadata: mergeMetadata({}, metadata(p)),
    promotion: { coupon: couponId, type: 'coupon' },
    restrictions: {
      first_time_transaction:
        (restrictions && bool(restrictions, 'first_time_transaction', 'restrictions')) ?? false,
      minimum_amount: minimumAmount ?? null,
      minimum_amount_currency: minimumCurrency?.toLowerCase() ?? null,
    },
    times_redeemed: 0,
  } satisfies PromotionCodeObj;
  ctx.state.promotionCodes.set(promo.id, promo);
  ctx.emit('promotion_code.created', promo);
  return promo;
}

function missingParamThrow(param: string): never {
  throw missingParam(param);
}

export const promotionCodeRoutes = [
  route('POST', '/v1/promotion_codes', ({ ctx, body }) => createPromotionCode(ctx, body)),
  route('GET', '/v1/promotion_codes/:id', ({ ctx, params }) =>
    mustGet(ctx, 'promotionCodes', 'promotion code', params.id ?? ''),
  ),
  route('POST', '/v1/promotion_codes/:id', ({ ctx, params, body }) => {
    const promo = mustGet(ctx, 'promotionCodes', 'promotion code', params.id ?? '');
    const active = bool(body, 'active');
    if (active === true && !promo.active) {
      const clash = [...ctx.state.promotionCodes.values()].some(
        (x) => x.active && x.id !== promo.id && x.code.toLowerCase() === promo.code.toLowerCase(),
      );
      if (clash)
        throw invalidParam('active', `An active promotion code with \`code: ${promo.code}\` already exists.`);
    }
    return updateAndEmit(ctx, 'promotion_code.updated', promo, (x) => {
      if (active !== undefined) x.active = active;
      if (body.metadata !== undefined) x.metadata = mergeMetadata(x.metadata, metadata(body));
    });
  }),
  route('GET', '/v1/promotion_codes', ({ ctx, body }) => {
    const code = str(body, 'code');
    const coupon = str(body, 'coupon');
    const customer = str(body, 'customer');
    const active = bool(body, 'active');
    const created = range(body, 'created');
    const items = newestFirst(ctx.state.promotionCodes).filter(
      (x) =>
        (code === undefined || x.code.toLowerCase() === code.toLowerCase()) &&
        (coupon === undefined || couponOf(x) === coupon) &&
        (customer === undefined || x.customer === customer) &&
        (active === undefined || x.active === active) &&
        inRange(x.created, created),
    );
    return paginate(items, body, '/v1/promotion_codes', 'promotion code');
  }),
];
