import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PromotionCodesService } from '../../services/promotion-codes.js';
import { listQuerySchema, listResponse, listResponseSchema } from '../pagination.js';
import { errorResponses, idParams, secretKeySecurity, timestamp } from '../schemas.js';

const tags = ['referral codes'];
const status = z.enum(['pending', 'active', 'deactivating', 'inactive', 'failed']);

export const promotionCodeSchema = z.object({
  id: z.string(),
  object: z.literal('promotion_code'),
  campaign_id: z.string(),
  referrer_id: z.string(),
  code: z.string().nullable().describe("The referrer's referral code; null until they are given one"),
  coupon_id: z.string(),
  stripe_id: z.string().nullable().describe('The promotion code in Stripe (promo_...)'),
  status: status.describe(
    'pending: being made in Stripe; deactivating: being switched off; failed: see error_code and last_error',
  ),
  error_code: z
    .string()
    .nullable()
    .describe('code_taken, coupon_missing, stripe_refused, connection_disconnected'),
  last_error: z.string().nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});

const progressSchema = z.object({
  object: z.literal('promotion_code_progress'),
  campaign_id: z.string(),
  counts: z.object({
    pending: z.number(),
    active: z.number(),
    deactivating: z.number(),
    inactive: z.number(),
    failed: z.number(),
  }),
  codes_per_second_last_minute: z.number(),
  eta_seconds: z.number().nullable().describe('Until no code is pending; null while none was made lately'),
});

export const promotionCodeRoutes =
  (codes: PromotionCodesService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/campaigns/:id/promotion_codes',
      {
        schema: {
          tags,
          summary:
            'Make Stripe promotion codes under the campaign coupon: for one referrer, or for every referrer without one (a resumable background job at the Stripe rate limit)',
          security: secretKeySecurity,
          params: idParams,
          body: z
            .strictObject({
              referrer_id: z.string().min(1).max(64).optional().describe('Only this referrer; omit for all'),
            })
            .default({}),
          response: { 202: progressSchema.extend({ queued: z.number() }), ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await codes.request(request.params.id, request.body.referrer_id)),
    );

    app.get(
      '/v1/campaigns/:id/promotion_codes/progress',
      {
        schema: {
          tags,
          summary: "How far making the campaign's promotion codes is: counts by status, rate and time left",
          security: secretKeySecurity,
          params: idParams,
          response: { 200: progressSchema, ...errorResponses },
        },
      },
      async (request) => codes.progress(request.params.id),
    );

    app.get(
      '/v1/campaigns/:id/promotion_codes',
      {
        schema: {
          tags,
          summary: "List the campaign's promotion codes, newest first",
          security: secretKeySecurity,
          params: idParams,
          querystring: listQuerySchema('pcd', 'a promotion code').extend({ status: status.optional() }),
          response: { 200: listResponseSchema(promotionCodeSchema), ...errorResponses },
        },
      },
      async (request) => {
        const { limit, starting_after, status: wanted } = request.query;
        return listResponse(
          `/v1/campaigns/${request.params.id}/promotion_codes`,
          await codes.list({
            campaignId: request.params.id,
            limit,
            startingAfter: starting_after,
            status: wanted,
          }),
        );
      },
    );
  };
