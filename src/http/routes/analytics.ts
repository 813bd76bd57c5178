import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  analyticsIntervalSchema,
  analyticsSummarySchema,
  analyticsTimeseriesSchema,
  daySchema,
  MAX_ANALYTICS_DAYS,
  topReferrersSchema,
} from '../../domain/analytics.js';
import type { AnalyticsService } from '../../services/analytics.js';
import { errorResponses, secretKeySecurity } from '../schemas.js';

const tags = ['analytics'];

const period = {
  campaign_id: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('One campaign (cmp_...); every campaign without it'),
  from: daySchema.optional().describe('The first day (UTC), YYYY-MM-DD; default 29 days before to'),
  to: daySchema.optional().describe('The last day (UTC), included, YYYY-MM-DD; default today'),
};

const description =
  `Days are UTC; from and to are both included, at most ${MAX_ANALYTICS_DAYS} days apart. Clicks and revenue ` +
  'come from day totals kept as they are written; revenue is what Stripe customers linked to a lead paid ' +
  '(succeeded charges, less succeeded refunds on the day of the refund), per currency of the charges.';

/** GET /v1/analytics/...: the overview's figures, added up by the database. */
export const analyticsRoutes =
  (analytics: AnalyticsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/analytics/summary',
      {
        schema: {
          tags,
          summary: 'Clicks, sign-ups, leads, qualified leads, revenue and rewards over a period',
          description,
          security: secretKeySecurity,
          querystring: z.strictObject(period),
          response: { 200: analyticsSummarySchema, ...errorResponses },
        },
      },
      async (request) => analytics.summary(request.query),
    );

    app.get(
      '/v1/analytics/timeseries',
      {
        schema: {
          tags,
          summary: 'The same figures day by day or week by week',
          description: `${description} Every day or week of the period has a point, zeros included.`,
          security: secretKeySecurity,
          querystring: z.strictObject({ ...period, interval: analyticsIntervalSchema.default('day') }),
          response: { 200: analyticsTimeseriesSchema, ...errorResponses },
        },
      },
      async (request) => analytics.timeseries(request.query),
    );

    app.get(
      '/v1/analytics/top_referrers',
      {
        schema: {
          tags,
          summary: 'The referrers with the most qualified leads in a period, then the most leads',
          description,
          security: secretKeySecurity,
          querystring: z.strictObject({
            ...period,
            limit: z.coerce
              .number({ message: 'must be a whole number from 1 to 50' })
              .int('must be a whole number from 1 to 50')
              .min(1, 'must be a whole number from 1 to 50')
              .max(50, 'must be a whole number from 1 to 50')
              .default(10)
              .describe('How many referrers, 1 to 50 (default 10)'),
          }),
          response: { 200: topReferrersSchema, ...errorResponses },
        },
      },
      async (request) => analytics.topReferrers(request.query),
    );
  };
