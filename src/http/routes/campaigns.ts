import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  campaignCreateSchema,
  campaignSchema,
  campaignStatusSchema,
  campaignUpdateSchema,
} from '../../domain/campaign.js';
import type { CampaignsService } from '../../services/campaigns.js';
import { listQuerySchema, listResponse, listResponseSchema } from '../pagination.js';
import { actorOf } from '../plugins/auth.js';
import { errorResponses, idParams, secretKeySecurity } from '../schemas.js';

const tags = ['campaigns'];

export const campaignRoutes =
  (campaigns: CampaignsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/campaigns',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Create a campaign (a referral program)',
          security: secretKeySecurity,
          body: campaignCreateSchema,
          response: { 200: campaignSchema, ...errorResponses },
        },
      },
      async (request) => campaigns.create(request.body, actorOf(request)),
    );

    app.get(
      '/v1/campaigns',
      {
        schema: {
          tags,
          summary: 'List campaigns, newest first',
          security: secretKeySecurity,
          querystring: listQuerySchema('cmp', 'a campaign').extend({
            status: campaignStatusSchema.optional(),
            connection_id: z
              .string()
              .max(64)
              .optional()
              .describe('Only the campaigns on this Stripe connection'),
          }),
          response: { 200: listResponseSchema(campaignSchema), ...errorResponses },
        },
      },
      async (request) => {
        const { limit, starting_after, status: wanted, connection_id } = request.query;
        return listResponse(
          '/v1/campaigns',
          await campaigns.list({
            limit,
            startingAfter: starting_after,
            status: wanted,
            connectionId: connection_id,
          }),
        );
      },
    );

    app.get(
      '/v1/campaigns/:id',
      {
        schema: {
          tags,
          summary: 'Retrieve a campaign',
          security: secretKeySecurity,
          params: idParams,
          response: { 200: campaignSchema, ...errorResponses },
        },
      },
      async (request) => campaigns.retrieve(request.params.id),
    );

    app.post(
      '/v1/campaigns/:id',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Update a campaign; only the fields sent change',
          security: secretKeySecurity,
          params: idParams,
          body: campaignUpdateSchema,
          response: { 200: campaignSchema, ...errorResponses },
        },
      },
      async (request) => campaigns.update(request.params.id, request.body, actorOf(request)),
    );

    app.post(
      '/v1/campaigns/:id/archive',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Archive a campaign: it keeps its data, takes no one new and records nothing',
          security: secretKeySecurity,
          params: idParams,
          response: { 200: campaignSchema, ...errorResponses },
        },
      },
      async (request) => campaigns.archive(request.params.id, actorOf(request)),
    );
  };
