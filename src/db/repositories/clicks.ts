import { sql } from 'kysely';
import type { Executor } from '../database.js';

export type ClickCount = { referrerId: string; campaignId: string; hour: Date; count: number };

export function clicksRepository(db: Executor) {
  return {
    /**
     * Adds batched counts in one statement, to the hourly rows and to the campaigns' day totals (click_days)
     * alike; concurrent writers add up instead of overwriting.
     */
    async add(counts: ClickCount[]): Promise<void> {
      if (counts.length === 0) return;
      const referrers = counts.map((c) => c.referrerId);
      const campaigns = counts.map((c) => c.campaignId);
      const hours = counts.map((c) => c.hour.toISOString());
      const numbers = counts.map((c) => c.count);
      await sql`
        with batch as (
          select * from unnest(${referrers}::text[], ${campaigns}::text[], ${hours}::timestamptz[], ${numbers}::int[])
            as b(referrer_id, campaign_id, hour, count)
        ), hourly as (
          insert into clicks (referrer_id, campaign_id, hour, count)
          select referrer_id, campaign_id, hour, count from batch
          on conflict (referrer_id, hour) do update set count = clicks.count + excluded.count
        )
        insert into click_days (campaign_id, day, clicks)
        select campaign_id, (hour at time zone 'UTC')::date, sum(count) from batch group by 1, 2
        on conflict (campaign_id, day) do update set clicks = click_days.clicks + excluded.clicks`.execute(
        db,
      );
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
