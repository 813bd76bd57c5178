import { campaignCouponsRepository } from '../../db/repositories/campaign-coupons.js';
import { promotionCodesRepository } from '../../db/repositories/promotion-codes.js';
import type { EventHandler } from './registry.js';

/**
 * coupon.deleted: every campaign using the coupon shows it as a problem (its codes no longer work at
 * checkout) until it is given another. promotion_code.updated: a referrer's code switched off in Stripe
 * is shown as inactive in Vouch too.
 */
export const couponEvent: EventHandler = {
  async apply({ tx, connection, event, now }) {
    const object = event.data.object as { id: string; active?: boolean };
    if (event.type === 'coupon.deleted') {
      await campaignCouponsRepository(tx).markDeleted(connection.id, object.id, now);
      return;
    }
    if (event.type === 'promotion_code.updated' && object.active === false) {
      const code = await promotionCodesRepository(tx).findByStripeId(connection.id, object.id);
      if (code?.status === 'active')
        await promotionCodesRepository(tx).update(code.id, { status: 'inactive', updated_at: now });
    }
  },
};
