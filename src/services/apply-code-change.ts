import type { Tx } from '../db/database.js';
import { campaignCouponsRepository } from '../db/repositories/campaign-coupons.js';
import { promotionCodesRepository } from '../db/repositories/promotion-codes.js';
import type { CouponDeleted, PromotionCodeSwitchedOff } from '../domain/event-commands.js';

/** Every campaign using the coupon shows it as a problem (its codes no longer work) until given another. */
export async function applyCouponDeleted(tx: Tx, deleted: CouponDeleted, now: Date): Promise<void> {
  await campaignCouponsRepository(tx).markDeleted(deleted.connectionId, deleted.couponId, now);
}

/** A referrer's code switched off in Stripe is shown as inactive in Vouch too. */
export async function applyPromotionCodeSwitchedOff(
  tx: Tx,
  off: PromotionCodeSwitchedOff,
  now: Date,
): Promise<void> {
  const codes = promotionCodesRepository(tx);
  const code = await codes.findByStripeId(off.connectionId, off.promotionCodeId);
  if (code?.status === 'active') await codes.update(code.id, { status: 'inactive', updated_at: now });
}
