import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  rewardDetailSchema,
  rewardSchema,
  rewardStatusSchema,
  rewardTotalsSchema,
} from '../../domain/reward.js';
import type { RewardsService } from '../../services/rewards.js';
import { listQuerySchema, listResponse, listResponseSchema } from '../pagination.js';
import { actorOf } from '../plugins/auth.js';
import { errorResponses, idParams, secretKeySecurity } from '../schemas.js';

const tags = ['rewards'];
export const rewardRoutes =
  (rewards: RewardsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/rewards',
      {
        schema: {
          tags,
          summary: 'The reward ledger, newest first; filter by campaign, referrer, lead or status',
          security: secretKeySecurity,
          querystring: listQuerySchema('rwd', 'a reward').extend({
            campaign_id: z.string().max(64).optional(),
            referrer_id: z.string().max(64).optional(),
            lead_id: z.string().max(64).optional(),
            status: rewardStatusSchema.optional(),
          }),
          response: { 200: listResponseSchema(rewardSchema), ...errorResponses },
        },
      },
      async (request) => {
        const q = request.query;
        return listResponse(
          '/v1/rewards',
          await rewards.list({
            limit: q.limit,
            startingAfter: q.starting_after,
            campaignId: q.campaign_id,
            referrerId: q.referrer_id,
            leadId: q.lead_id,
            status: q.status,
          }),
        );
      },
    );

    app.get(
      '/v1/rewards/totals',
      {
        schema: {
          tags,
          summary:
            'Rewards counted by status and currency, with the credit they give; same filters as the ledger',
          security: secretKeySecurity,
          querystring: z.strictObject({
            campaign_id: z.string().max(64).optional(),
            referrer_id: z.string().max(64).optional(),
            lead_id: z.string().max(64).optional(),
          }),
          response: { 200: rewardTotalsSchema, ...errorResponses },
        },
      },
      async (request) =>
        rewards.totals({
          campaignId: request.query.campaign_id,
          referrerId: request.query.referrer_id,
          leadId: request.query.lead_id,
        }),
    );

    app.get(
      '/v1/rewards/:id',
      {
        schema: {
          tags,
          summary: 'A reward with its timeline',
          security: secretKeySecurity,
          params: idParams,
          response: { 200: rewardDetailSchema, ...errorResponses },
        },
      },
      async (request) => rewards.retrieve(request.params.id),
    );

    for (const [action, summary] of [
      ['approve', 'Approve a reward waiting for approval (held until its hold ends, then issued)'],
      ['retry', 'Issue a failed reward again'],
      ['cancel', 'Cancel a reward not issued yet'],
    ] as const) {
      app.post(
        `/v1/rewards/:id/${action}`,
        {
          config: { role: 'editor' },
          schema: {
            tags,
            summary,
            security: secretKeySecurity,
            params: idParams,
            response: { 200: rewardDetailSchema, ...errorResponses },
          },
        },
        async (request) => rewards[action](request.params.id, actorOf(request)),
      );
    }
  };
