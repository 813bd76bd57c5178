import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RewardsService } from '../../services/rewards.js';
import { listQuerySchema, listResponse, listResponseSchema } from '../pagination.js';
import { errorResponses, idParams, secretKeySecurity, timestamp } from '../schemas.js';

const tags = ['rewards'];
const status = z.enum([
  'held',
  'pending_approval',
  'pending',
  'issued',
  'failed',
  'cancelled',
  'reversing',
  'reversed',
]);

export const rewardSchema = z.object({
  id: z.string(),
  object: z.literal('reward'),
  campaign_id: z.string(),
  lead_id: z.string(),
  referrer_id: z.string(),
  recipient: z.enum(['referrer', 'friend']),
  kind: z.enum(['coupon', 'balance_credit', 'promotion_code']),
  amount: z.number().nullable().describe('Minor units of currency: the credit given'),
  currency: z.string().nullable(),
  coupon_id: z.string().nullable(),
  status: status.describe(
    'held: until the hold ends; pending_approval: waits for POST .../approve; pending: being issued; reversing: being taken back',
  ),
  cancel_reason: z.enum(['unqualified', 'per_referrer_cap', 'budget', 'by_request']).nullable(),
  issue_after: timestamp,
  customer_id: z.string().nullable().describe("The recipient's Stripe customer"),
  stripe_object: z
    .string()
    .nullable()
    .describe(
      'What Stripe made: the balance transaction, the promotion code, or the subscription given the coupon',
    ),
  promotion_code: z.string().nullable().describe('The code text, for a promotion code reward'),
  reversal_object: z.string().nullable(),
  review: z
    .string()
    .nullable()
    .describe('Set when Stripe could not take an issued reward back: decide what to do'),
  attempts: z.number(),
  last_error: z.string().nullable(),
  issued_at: timestamp.nullable(),
  cancelled_at: timestamp.nullable(),
  reversed_at: timestamp.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});

const withTimeline = rewardSchema.extend({
  timeline: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      message: z.string(),
      status: z.string(),
      data: z.record(z.string(), z.unknown()),
      created_at: timestamp,
    }),
  ),
});

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
            status: status.optional(),
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
      '/v1/rewards/:id',
      {
        schema: {
          tags,
          summary: 'A reward with its timeline',
          security: secretKeySecurity,
          params: idParams,
          response: { 200: withTimeline, ...errorResponses },
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
          schema: {
            tags,
            summary,
            security: secretKeySecurity,
            params: idParams,
            response: { 200: withTimeline, ...errorResponses },
          },
        },
        async (request) => rewards[action](request.params.id),
      );
    }
  };
