import type { Database } from '../db/database.js';
import { campaignCouponsRepository } from '../db/repositories/campaign-coupons.js';
import { connectionsRepository } from '../db/repositories/connections.js';
import type { Campaign } from '../domain/campaign.js';
import { describeOffer, type Offer } from '../domain/offer.js';
import { couponSchema } from '../domain/promotion-code.js';

/** What a campaign offers (src/domain/offer.ts), read with the campaign coupon and the target's currency. */
export function campaignOffersService(database: Database) {
  const { db } = database;
  return {
    async offerOf(campaign: Campaign): Promise<Offer> {
      const [coupon, connection] = await Promise.all([
        campaignCouponsRepository(db).find(campaign.id),
        campaign.connection_id ? connectionsRepository(db).findById(campaign.connection_id) : undefined,
      ]);
      return describeOffer({
        qualification: campaign.qualification,
        rewards: campaign.rewards,
        campaignCoupon: coupon && !coupon.deleted_at ? couponSchema.parse(coupon.details) : null,
        currency: connection?.default_currency ?? null,
      });
    },
  };
}

export type CampaignOffersService = ReturnType<typeof campaignOffersService>;
