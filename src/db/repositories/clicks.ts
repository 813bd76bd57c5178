import { sql } from 'kysely';
import type { Executor } from '../database.js';

export type ClickCount = { referrerId: string; campaignId: string; hour: Date; count: number };

export function clicksRepository(db: Executor) {
  return {
    /** Adds batched counts in one statement; concurrent writers add up instead of overwriting. */
    async add(counts: ClickCount[]): Promise<void> {
      if (counts.length === 0) return;
      await db
        .insertInto('clicks')
        .values(
          counts.map((c) => ({
            referrer_id: c.referrerId,
            campaign_id: c.campaignId,
            hour: c.hour,
            count: c.count,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['referrer_id', 'hour']).doUpdateSet({ count: sql`clicks.count + excluded.count` }),
        )
        .execute();
    },

    async totalForCampaign(campaignId: string): Promise<number> {
      const row = await db
        .selectFrom('clicks')
        .select(sql<number>`coalesce(sum(count), 0)::int`.as('n'))
        .where('campaign_id', '=', campaignId)
        .executeTakeFirst();
      return row?.n ?? 0;
    },
  };
}
