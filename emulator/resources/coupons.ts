/** Coupons: create (percent_off or amount_off+currency; once/repeating/forever), retrieve, update, list, delete. */
import { type Ctx, route, updateAndEmit } from '../context.js';
import { invalidParam, missingParam } from '../errors.js';
import type { FormObject } from '../form-decode.js';
import { nowSeconds, randomToken } from '../ids.js';
import { paginate } from '../list.js';
import { mustGet } from '../lookups.js';
import { int, mergeMetadata, metadata, nullableStr, num, oneOf, str } from '../params.js';
import type { CouponObj } from '../shapes.js';
import { newestFirst } from '../store.js';

/** Whether a coupon can still be redeemed (not past redeem_by, not at max_redemptions). */
export function couponValid(coupon: CouponObj, now = nowSeconds()): boolean {
  if (coupon.redeem_by !== null && now > coupon.redeem_by) return false;
  if (coupon.max_redemptions !== null && coupon.times_redeemed >= coupon.max_redemptions) return false;
  return true;
}

export function refreshCoupon(coupon: CouponObj): CouponObj {
  coupon.valid = couponValid(coupon);
  return coupon;
}

function createCoupon(ctx: Ctx, p: FormObject): CouponObj {
  const percentOff = num(p, 'percent_off');
  const amountOff = int(p, 'amount_off');
  const currency = str(p, 'currency')?.toLowerCase() ?? null;
  if (percentOff === undefined && amountOff === undefined) throw missingParam('percent_off');
  if (percentOff !== undefined && amountOff !== undefined) {
    throw invalidParam(
      'amount_off',
      'You may only specify one of these parameters: amount_off, percent_off.',
    );
  }
  if (percentOff !== undefined && (percentOff <= 0 || percentOff > 100)) {
    throw invalidParam('percent_off', 'percent_off must be greater than 0 and at most 100.');
  }
  if (amountOff !== undefined && amountOff <= 0)
    throw invalidParam('amount_off', 'amount_off must be positive.');
  if (amountOff !== undefined && !currency) throw missingParam('currency');
  const duration = oneOf(p, 'duration', ['once', 'repeating', 'forever'] as const) ?? 'once';
  const months = int(p, 'duration_in_months');
  if (duration === 'repeating' && months === undefined) throw missingParam('duration_in_months');
  if (duration !== 'repeating' && months !== undefined) {
    throw invalidParam(
      'duration_in_months',
      'duration_in_months can only be set when duration is repeating.',
    );
  }
  const id = str(p, 'id') || randomToken(8);
  if (ctx.state.coupons.has(id)) {
    throw invalidParam('id', 'Coupon already exists.', 'resource_already_exists');
  }
  const coupon = {
    id,
    object: 'coupon',
    amount_off: amountOff ?? null,
    created: nowSeconds(),
    currency: amountOff !== undefined ? currency : null,
    duration,
    duration_in_months: months ?? null,
    livemode: false,
    max_redemptions: int(p, 'max_redemptions') ?? null,
    metadata: mergeMetadata({}, metadata(p)),
    name: nullableStr(p, 'name') ?? null,
    percent_off: percentOff ?? null,
    redeem_by: int(p, 'redeem_by') ?? null,
    times_redeemed: 0,
    valid: true,
  } satisfies CouponObj;
  refreshCoupon(coupon);
  ctx.state.coupons.set(coupon.id, coupon);
  ctx.emit('coupon.created', coupon);
  return coupon;
}

export const couponRoutes = [
  route('POST', '/v1/coupons', ({ ctx, body }) => createCoupon(ctx, body)),
  route('GET', '/v1/coupons/:id', ({ ctx, params }) =>
    refreshCoupon(mustGet(ctx, 'coupons', 'coupon', params.id ?? '')),
  ),
  route('POST', '/v1/coupons/:id', ({ ctx, params, body }) =>
    updateAndEmit(ctx, 'coupon.updated', mustGet(ctx, 'coupons', 'coupon', params.id ?? ''), (c) => {
      const name = nullableStr(body, 'name');
      if (name !== undefined) c.name = name;
      if (body.metadata !== undefined) c.metadata = mergeMetadata(c.metadata, metadata(body));
    }),
  ),
  route('DELETE', '/v1/coupons/:id', ({ ctx, params }) => {
    const coupon = mustGet(ctx, 'coupons', 'coupon', params.id ?? '');
    ctx.state.coupons.delete(coupon.id);
    ctx.emit('coupon.deleted', coupon);
    return { id: coupon.id, object: 'coupon', deleted: true };
  }),
  route('GET', '/v1/coupons', ({ ctx, body }) =>
    paginate(newestFirst(ctx.state.coupons).map(refreshCoupon), body, '/v1/coupons', 'coupon'),
  ),
];
