import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  promotionCodeProgressSchema,
  promotionCodeSchema,
  promotionCodeStatusSchema,
} from '../../domain/promotion-code.js';
import type { PromotionCodesService } from '../../services/promotion-codes.js';
import { listQuerySchema, listResponse, listResponseSchema } from '../pagination.js';
import { errorResponses, idParams, secretKeySecurity } from '../schemas.js';

const tags = ['referral codes'];
export const promotionCodeRoutes =
  (codes: PromotionCodesService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/campaigns/:id/promotion_codes',
      {
        config: { role: 'editor' },
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
          response: { 202: promotionCodeProgressSchema.extend({ queued: z.number() }), ...errorResponses },
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
          response: { 200: promotionCodeProgressSchema, ...errorResponses },
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
          querystring: listQuerySchema('pcd', 'a promotion code').extend({
            status: promotionCodeStatusSchema.optional(),
          }),
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
