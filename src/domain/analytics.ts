import { z } from 'zod';
import { moneySchema } from './api-shapes.js';

/** The longest period the analytics answer for at once. */
export const MAX_ANALYTICS_DAYS = 366;

const DAY_MS = 86_400_000;

/** A UTC day, `YYYY-MM-DD`. */
export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD')
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      message: 'must be a day of the calendar, YYYY-MM-DD',
    },
  );

/** A period of whole UTC days, both ends included. */
export type DayRange = { from: string; to: string };

export const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
export const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/**
 * The period asked for: `to` defaults to today (UTC), `from` to 29 days before `to` (30 days in all). A
 * reason when it is backwards or longer than MAX_ANALYTICS_DAYS.
 */
export function dayRange(
  asked: { from?: string | undefined; to?: string | undefined },
  today: Date,
): DayRange | { param: 'from' | 'to'; message: string } {
  const to = asked.to ?? today.toISOString().slice(0, 10);
  const from = asked.from ?? dayOf(dayNumber(to) - 29);
  if (dayNumber(from) > dayNumber(to)) return { param: 'from', message: 'from must not be after to.' };
  if (dayNumber(to) - dayNumber(from) + 1 > MAX_ANALYTICS_DAYS)
    return { param: 'from', message: `The period may be at most ${MAX_ANALYTICS_DAYS} days long.` };
  return { from, to };
}

export const analyticsIntervalSchema = z
  .enum(['day', 'week'])
  .describe('day: one point a UTC day; week: one point a week, weeks starting on Monday');
export type AnalyticsInterval = z.infer<typeof analyticsIntervalSchema>;

const figures = {
  clicks: z.number().describe('Referral link clicks'),
  sign_ups: z.number().describe('Referrers who joined the campaign'),
  leads: z.number().describe('Friends referred (rejected ones excluded)'),
  qualified: z.number().describe('Leads that qualified in the period (and still are)'),
  revenue: z
    .array(moneySchema)
    .describe('What referred customers paid, refunds taken away, per currency of the charges'),
  rewards_issued: z.number().describe('Rewards issued in Stripe'),
};

export const analyticsSummarySchema = z.object({
  object: z.literal('analytics_summary'),
  campaign_id: z.string().nullable().describe('null: every campaign'),
  from: z.string(),
  to: z.string(),
  ...figures,
  qualification_rate: z
    .number()
    .nullable()
    .describe(
      'Of the leads referred in the period, the share that is qualified now (0 to 1); null without leads',
    ),
});
export type AnalyticsSummary = z.infer<typeof analyticsSummarySchema>;

export const analyticsPointSchema = z.object({
  start: z.string().describe('The first day of the point (a Monday for weeks; may be before from)'),
  ...figures,
});
export type AnalyticsPoint = z.infer<typeof analyticsPointSchema>;

export const analyticsTimeseriesSchema = z.object({
  object: z.literal('analytics_timeseries'),
  campaign_id: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  interval: analyticsIntervalSchema,
  data: z.array(analyticsPointSchema),
});
export type AnalyticsTimeseries = z.infer<typeof analyticsTimeseriesSchema>;

export const topReferrerSchema = z.object({
  referrer_id: z.string(),
  campaign_id: z.string(),
  email: z.string(),
  first_name: z.string(),
  last_name: z.string().nullable(),
  clicks: z.number(),
  leads: z.number(),
  qualified: z.number(),
  revenue: z.array(moneySchema),
});
export type TopReferrer = z.infer<typeof topReferrerSchema>;

export const topReferrersSchema = z.object({
  object: z.literal('list'),
  campaign_id: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  data: z.array(topReferrerSchema),
});
