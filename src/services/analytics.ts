import type { Database } from '../db/database.js';
import { type Amount, analyticsRepository } from '../db/repositories/analytics.js';
import { campaignsRepository } from '../db/repositories/campaigns.js';
import {
  type AnalyticsInterval,
  type AnalyticsSummary,
  type AnalyticsTimeseries,
  type DayRange,
  dayRange,
  type TopReferrer,
} from '../domain/analytics.js';
import { invalidParameter, notFound } from '../errors.js';

export type AnalyticsQuery = {
  campaign_id?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

const money = (rows: Amount[]) => rows.map((r) => ({ amount: Number(r.amount), currency: r.currency }));

/** The overview's figures for one campaign or all, over a period of UTC days; all added up in Postgres. */
export function analyticsService(database: Database, now: () => Date = () => new Date()) {
  const repo = analyticsRepository(database.db);

  async function scope(query: AnalyticsQuery): Promise<{ campaignId: string | undefined; range: DayRange }> {
    const range = dayRange(query, now());
    if ('message' in range) throw invalidParameter(range.param, range.message);
    if (query.campaign_id && !(await campaignsRepository(database.db).findById(query.campaign_id)))
      throw notFound('campaign', query.campaign_id, 'campaign_id');
    return { campaignId: query.campaign_id, range };
  }

  return {
    async summary(query: AnalyticsQuery): Promise<AnalyticsSummary> {
      const { campaignId, range } = await scope(query);
      const [figures, revenue] = await Promise.all([
        repo.summary(campaignId, range),
        repo.revenue(campaignId, range),
      ]);
      return {
        object: 'analytics_summary',
        campaign_id: campaignId ?? null,
        ...range,
        clicks: Number(figures.clicks),
        sign_ups: figures.sign_ups,
        leads: figures.leads,
        qualified: figures.qualified,
        qualification_rate: figures.leads > 0 ? figures.leads_qualified / figures.leads : null,
        revenue: money(revenue),
        rewards_issued: figures.rewards_issued,
      };
    },

    async timeseries(query: AnalyticsQuery & { interval: AnalyticsInterval }): Promise<AnalyticsTimeseries> {
      const { campaignId, range } = await scope(query);
      const { points, revenue } = await repo.timeseries(campaignId, range, query.interval);
      return {
        object: 'analytics_timeseries',
        campaign_id: campaignId ?? null,
        ...range,
        interval: query.interval,
        data: points.map((p) => ({
          start: p.start,
          clicks: Number(p.clicks),
          sign_ups: p.sign_ups,
          leads: p.leads,
          qualified: p.qualified,
          revenue: money(revenue.filter((r) => r.start === p.start)),
          rewards_issued: p.rewards_issued,
        })),
      };
    },

    async topReferrers(query: AnalyticsQuery & { limit: number }) {
      const { campaignId, range } = await scope(query);
      const { referrers, revenue } = await repo.topReferrers(campaignId, range, query.limit);
      const data: TopReferrer[] = referrers.map((r) => ({
        ...r,
        clicks: Number(r.clicks),
        revenue: money(revenue.filter((m) => m.referrer_id === r.referrer_id)),
      }));
      return { object: 'list' as const, campaign_id: campaignId ?? null, ...range, data };
    },
  };
}

export type AnalyticsService = ReturnType<typeof analyticsService>;
