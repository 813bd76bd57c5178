import { sql, type Updateable } from 'kysely';
import { createId } from '../../domain/ids.js';
import type { Executor } from '../database.js';
import type { PromotionCodeRow, PromotionCodeStatus, PromotionCodesTable } from '../tables.js';

/** A code that is current for its referrer: made, being made, or failed (to retry). */
const CURRENT: PromotionCodeStatus[] = ['pending', 'active', 'failed'];

export type PromotionCodeCounts = Record<PromotionCodeStatus, number>;

export type QueueInput = {
  campaignId: string;
  connectionId: string;
  couponId: string;
  rules: string;
  at: Date;
};

export function promotionCodesRepository(db: Executor) {
  return {
    /** Queues a code for one referrer unless one is current; returns the current one either way. */
    async queueFor(
      input: QueueInput & { referrerId: string; code: string | null },
    ): Promise<PromotionCodeRow> {
      await db
        .insertInto('promotion_codes')
        .values({
          id: createId('pcd'),
          campaign_id: input.campaignId,
          referrer_id: input.referrerId,
          connection_id: input.connectionId,
          coupon_id: input.couponId,
          code: input.code,
          rules: input.rules,
          status: 'pending',
          created_at: input.at,
          updated_at: input.at,
        })
        .onConflict((oc) =>
          oc.columns(['campaign_id', 'referrer_id']).where('status', 'in', CURRENT).doNothing(),
        )
        .execute();
      return (await this.currentFor(input.campaignId, input.referrerId))!;
    },

    /**
     * Queues a code for every referrer of the campaign (not removed) that has no current one, in one
     * statement; failed codes go back to pending. Returns how many were queued.
     */
    async queueAll(input: QueueInput): Promise<number> {
      const retried = await db
        .updateTable('promotion_codes')
        .set({ status: 'pending', error_code: null, last_error: null, updated_at: input.at })
        .where('campaign_id', '=', input.campaignId)
        .where('status', '=', 'failed')
        .executeTakeFirst();
      // Ids sort by time like createId's: this moment's time part, then the referrer id's random part.
      const stem = createId('pcd', input.at.getTime()).slice(0, 14);
      const inserted = await sql`
        insert into promotion_codes
          (id, campaign_id, referrer_id, connection_id, coupon_id, code, rules, status, created_at, updated_at)
        select ${stem} || substr(r.id, 15), r.campaign_id, r.id, ${input.connectionId}, ${input.couponId}, r.referral_code,
          ${input.rules}::jsonb, 'pending', ${input.at}, ${input.at}
        from referrers r
        where r.campaign_id = ${input.campaignId} and r.removed_at is null
          and not exists (
            select 1 from promotion_codes p
            where p.campaign_id = r.campaign_id and p.referrer_id = r.id
              and p.status in ('pending', 'active', 'failed'))
        on conflict do nothing`.execute(db);
      return Number(retried.numUpdatedRows) + Number(inserted.numAffectedRows ?? 0n);
    },

    async currentFor(campaignId: string, referrerId: string): Promise<PromotionCodeRow | undefined> {
      return db
        .selectFrom('promotion_codes')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .where('referrer_id', '=', referrerId)
        .where('status', 'in', CURRENT)
        .executeTakeFirst();
    },

    async findByStripeId(connectionId: string, stripeId: string): Promise<PromotionCodeRow | undefined> {
      return db
        .selectFrom('promotion_codes')
        .selectAll()
        .where('connection_id', '=', connectionId)
        .where('stripe_id', '=', stripeId)
        .executeTakeFirst();
    },

    /** The next codes to make or switch off in a campaign: switching off first, then oldest first. */
    async work(campaignId: string, limit: number): Promise<PromotionCodeRow[]> {
      return (
        db
          .selectFrom('promotion_codes')
          .selectAll()
          .where('campaign_id', '=', campaignId)
          .where('status', 'in', ['pending', 'deactivating'])
          // Codes to switch off first: a code remade under a new coupon reuses the text of the one it replaces.
          .orderBy(sql`status = 'deactivating'`, 'desc')
          .orderBy('id')
          .limit(limit)
          .execute()
      );
    },

    /** Campaigns with codes to make or switch off. */
    async campaignsWithWork(limit = 50): Promise<string[]> {
      const rows = await db
        .selectFrom('promotion_codes')
        .select('campaign_id')
        .distinct()
        .where('status', 'in', ['pending', 'deactivating'])
        .limit(limit)
        .execute();
      return rows.map((r) => r.campaign_id);
    },

    async update(id: string, changes: Updateable<PromotionCodesTable>): Promise<void> {
      await db.updateTable('promotion_codes').set(changes).where('id', '=', id).execute();
    },

    /** Switches off a referrer's codes (or a whole campaign's): made ones in Stripe, the rest at once. */
    async deactivate(where: { campaignId: string; referrerId?: string }, at: Date): Promise<number> {
      let made = db
        .updateTable('promotion_codes')
        .set({ status: 'deactivating', updated_at: at })
        .where('campaign_id', '=', where.campaignId)
        .where('status', '=', 'active');
      let unmade = db
        .updateTable('promotion_codes')
        .set({ status: 'inactive', updated_at: at })
        .where('campaign_id', '=', where.campaignId)
        .where('status', 'in', ['pending', 'failed']);
      if (where.referrerId) {
        made = made.where('referrer_id', '=', where.referrerId);
        unmade = unmade.where('referrer_id', '=', where.referrerId);
      }
      const result = await made.executeTakeFirst();
      await unmade.execute();
      return Number(result.numUpdatedRows);
    },

    async counts(campaignId: string): Promise<PromotionCodeCounts> {
      const rows = await db
        .selectFrom('promotion_codes')
        .select(['status', sql<number>`count(*)::int`.as('n')])
        .where('campaign_id', '=', campaignId)
        .groupBy('status')
        .execute();
      const counts: PromotionCodeCounts = { pending: 0, active: 0, deactivating: 0, inactive: 0, failed: 0 };
      for (const row of rows) counts[row.status] = row.n;
      return counts;
    },

    /** Codes made in Stripe since `since` (for the rate and the time left). */
    async madeSince(campaignId: string, since: Date): Promise<number> {
      const row = await db
        .selectFrom('promotion_codes')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('campaign_id', '=', campaignId)
        .where('status', '=', 'active')
        .where('updated_at', '>=', since)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    async list(query: {
      campaignId: string;
      limit: number;
      startingAfter?: string | undefined;
      status?: PromotionCodeStatus | undefined;
    }): Promise<PromotionCodeRow[]> {
      let q = db
        .selectFrom('promotion_codes')
        .selectAll()
        .where('campaign_id', '=', query.campaignId)
        .orderBy('id', 'desc')
        .limit(query.limit + 1);
      if (query.startingAfter) q = q.where('id', '<', query.startingAfter);
      if (query.status) q = q.where('status', '=', query.status);
      return q.execute();
    },
  };
}
