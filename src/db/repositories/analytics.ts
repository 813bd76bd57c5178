import { type RawBuilder, sql } from 'kysely';
import type { AnalyticsInterval, DayRange } from '../../domain/analytics.js';
import type { Executor } from '../database.js';

/** One period's figures as the database adds them up. */
export type Figures = {
  clicks: number;
  sign_ups: number;
  leads: number;
  qualified: number;
  rewards_issued: number;
};

export type Amount = { currency: string; amount: number };

/**
 * The overview's numbers, each added up by Postgres from the day totals (click_days, campaign_days,
 * campaign_revenue_days, revenue_days); the top referrers rank the leads of the period. Days are UTC; `to` is
 * included.
 */
export function analyticsRepository(db: Executor) {
  const inCampaign = (campaignId: string | undefined, column = 'campaign_id'): RawBuilder<unknown> =>
    campaignId ? sql`and ${sql.ref(column)} = ${campaignId}` : sql``;
  /** `column` (a timestamp) inside the period's days. */
  const during = (column: string, range: DayRange) =>
    sql`${sql.ref(column)} >= ${range.from}::timestamp at time zone 'UTC'
        and ${sql.ref(column)} < (${range.to}::date + 1)::timestamp at time zone 'UTC'`;
  const daysDuring = (range: DayRange) => sql`day between ${range.from}::date and ${range.to}::date`;

  return {
    async summary(campaignId: string | undefined, range: DayRange) {
      const c = inCampaign(campaignId);
      const { rows } = await sql<Figures & { leads_qualified: number }>`
        select
          (select coalesce(sum(clicks), 0)::float8 from click_days where ${daysDuring(range)} ${c}) as clicks,
          coalesce(sum(sign_ups), 0)::int as sign_ups, coalesce(sum(leads), 0)::int as leads,
          coalesce(sum(qualified), 0)::int as qualified, coalesce(sum(leads_qualified), 0)::int as leads_qualified,
          coalesce(sum(rewards_issued), 0)::int as rewards_issued
        from campaign_days where ${daysDuring(range)} ${c}`.execute(db);
      return rows[0]!;
    },

    async revenue(campaignId: string | undefined, range: DayRange): Promise<Amount[]> {
      const { rows } = await sql<Amount>`
        select currency, sum(amount)::float8 as amount from campaign_revenue_days
        where ${daysDuring(range)} ${inCampaign(campaignId)}
        group by currency having sum(amount) <> 0 order by currency`.execute(db);
      return rows;
    },

    /** The figures of each day or week of the period, every point present (zeros included). */
    async timeseries(campaignId: string | undefined, range: DayRange, interval: AnalyticsInterval) {
      const bucket = (day: RawBuilder<unknown>) =>
        interval === 'week' ? sql`date_trunc('week', (${day})::timestamp)::date` : sql`(${day})::date`;
      const step = interval === 'week' ? sql`interval '1 week'` : sql`interval '1 day'`;
      const c = inCampaign(campaignId);
      const { rows } = await sql<Figures & { start: string }>`
        with points as (
          select p::date as start
          from generate_series(${bucket(sql`${range.from}::date`)}::timestamp, ${range.to}::date::timestamp, ${step}) as p
        ),
        clicked as (
          select ${bucket(sql`day`)} as start, sum(clicks)::float8 as n from click_days
          where ${daysDuring(range)} ${c} group by 1
        ),
        counted as (
          select ${bucket(sql`day`)} as start, sum(sign_ups)::int as sign_ups, sum(leads)::int as leads,
            sum(qualified)::int as qualified, sum(rewards_issued)::int as rewards_issued
          from campaign_days where ${daysDuring(range)} ${c} group by 1
        )
        select to_char(points.start, 'YYYY-MM-DD') as start, coalesce(clicked.n, 0) as clicks,
          coalesce(counted.sign_ups, 0) as sign_ups, coalesce(counted.leads, 0) as leads,
          coalesce(counted.qualified, 0) as qualified, coalesce(counted.rewards_issued, 0) as rewards_issued
        from points
        left join clicked using (start)
        left join counted using (start)
        order by points.start`.execute(db);
      const revenue = await sql<Amount & { start: string }>`
        select to_char(${bucket(sql`day`)}, 'YYYY-MM-DD') as start, currency, sum(amount)::float8 as amount
        from campaign_revenue_days where ${daysDuring(range)} ${c}
        group by 1, 2 having sum(amount) <> 0 order by 1, 2`.execute(db);
      return { points: rows, revenue: revenue.rows };
    },

    /** The referrers with the most qualified leads in the period, then the most leads. */
    async topReferrers(campaignId: string | undefined, range: DayRange, limit: number) {
      const { rows } = await sql<{
        referrer_id: string;
        campaign_id: string;
        email: string;
        first_name: string;
        last_name: string | null;
        leads: number;
        qualified: number;
        clicks: number;
      }>`
        with ranked as (
          select referrer_id, sum(leads)::int as leads, sum(qualified)::int as qualified
          from (
            select referrer_id, 1 as leads, 0 as qualified from leads
            where ${during('created_at', range)} and status <> 'rejected' ${inCampaign(campaignId)}
            union all
            select referrer_id, 0, 1 from leads
            where qualified_at is not null and ${during('qualified_at', range)} and status = 'qualified'
              ${inCampaign(campaignId)}
          ) as period
          group by referrer_id
          order by qualified desc, leads desc, referrer_id
          limit ${limit}
        )
        select r.id as referrer_id, r.campaign_id, r.email, r.first_name, r.last_name, ranked.leads,
          ranked.qualified,
          (select coalesce(sum(k.count), 0)::float8 from clicks k
            where k.referrer_id = r.id and ${during('k.hour', range)}) as clicks
        from ranked join referrers r on r.id = ranked.referrer_id
        where ranked.leads > 0 or ranked.qualified > 0
        order by ranked.qualified desc, ranked.leads desc, r.id`.execute(db);
      const ids = rows.map((r) => r.referrer_id);
      const revenue =
        ids.length === 0
          ? []
          : (
              await sql<Amount & { referrer_id: string }>`
                select referrer_id, currency, sum(amount)::float8 as amount from revenue_days
                where referrer_id = any(${ids}::text[]) and ${daysDuring(range)}
                group by 1, 2 having sum(amount) <> 0 order by 1, 2`.execute(db)
            ).rows;
      return { referrers: rows, revenue };
    },
  };
}
