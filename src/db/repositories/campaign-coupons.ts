import type { Executor } from '../database.js';
import type { CampaignCouponRow } from '../tables.js';

export function campaignCouponsRepository(db: Executor) {
  return {
    async find(campaignId: string): Promise<CampaignCouponRow | undefined> {
      return db
        .selectFrom('campaign_coupons')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .executeTakeFirst();
    },

    /** Sets (or replaces) the campaign's coupon. */
    async save(row: {
      campaign_id: string;
      connection_id: string;
      coupon_id: string;
      origin: 'created' | 'existing';
      details: string;
      at: Date;
    }): Promise<CampaignCouponRow> {
      const { at, ...values } = row;
      return db
        .insertInto('campaign_coupons')
        .values({ ...values, deleted_at: null, created_at: at, updated_at: at })
        .onConflict((oc) =>
          oc.column('campaign_id').doUpdateSet({
            connection_id: values.connection_id,
            coupon_id: values.coupon_id,
            origin: values.origin,
            details: values.details,
            deleted_at: null,
            updated_at: at,
          }),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    /** Marks every campaign using this coupon as having lost it; returns those campaigns. */
    async markDeleted(connectionId: string, couponId: string, at: Date): Promise<string[]> {
      const rows = await db
        .updateTable('campaign_coupons')
        .set({ deleted_at: at, updated_at: at })
        .where('connection_id', '=', connectionId)
        .where('coupon_id', '=', couponId)
        .where('deleted_at', 'is', null)
        .returning('campaign_id')
        .execute();
      return rows.map((r) => r.campaign_id);
    },

    async updateDetails(connectionId: string, couponId: string, details: string, at: Date): Promise<void> {
      await db
        .updateTable('campaign_coupons')
        .set({ details, updated_at: at })
        .where('connection_id', '=', connectionId)
        .where('coupon_id', '=', couponId)
        .execute();
    },
  };
}
