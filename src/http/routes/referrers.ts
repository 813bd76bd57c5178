import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CODE_PATTERN } from '../../domain/referral-codes.js';
import { referrerDetailSchema, referrerSchema } from '../../domain/referrer.js';
import type { ReferrersService } from '../../services/referrers.js';
import { referrerFilters, referrerFiltersSchema } from '../list-filters.js';
import {
  countedListResponseSchema,
  includeTotalCountSchema,
  listQuerySchema,
  listResponse,
} from '../pagination.js';
import { emailSchema, errorResponses, idParams, metadataSchema, secretKeySecurity } from '../schemas.js';

export const referralCodeSchema = z
  .string()
  .trim()
  .regex(
    CODE_PATTERN,
    'must be 3 to 32 letters, digits or dashes, starting and ending with a letter or digit',
  );
const name = z.string().trim().min(1, 'must not be empty').max(100);
const tags = ['referrers'];

export const referrerRoutes =
  (referrers: ReferrersService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/campaigns/:id/referrers',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Add a referrer (the person referring) to a campaign',
          security: secretKeySecurity,
          params: idParams,
          body: z.strictObject({
            email: emailSchema,
            first_name: name,
            last_name: name.nullable().optional(),
            metadata: metadataSchema.optional(),
            referral_code: referralCodeSchema
              .optional()
              .describe('Choose the code; otherwise see generate_referral_code'),
            generate_referral_code: z
              .boolean()
              .optional()
              .describe("Generate a code; defaults to the campaign's auto_referral_codes"),
          }),
          response: { 200: referrerSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { generate_referral_code, ...input } = request.body;
        return referrers.join(request.params.id, { ...input, generateCode: generate_referral_code }, 'api');
      },
    );

    app.get(
      '/v1/campaigns/:id/referrers',
      {
        schema: {
          tags,
          summary: "List a campaign's referrers, newest first unless sorted otherwise",
          description:
            'Search matches part of the email, the name or the referral code. With another sort, ' +
            'starting_after is still the id of the last referrer of the previous page.',
          security: secretKeySecurity,
          params: idParams,
          querystring: listQuerySchema('rfr', 'a referrer').extend({
            ...referrerFiltersSchema.shape,
            include_total_count: includeTotalCountSchema,
          }),
          response: { 200: countedListResponseSchema(referrerSchema), ...errorResponses },
        },
      },
      async (request) => {
        const q = request.query;
        const page = await referrers.list({
          ...referrerFilters(request.params.id, q),
          limit: q.limit,
          startingAfter: q.starting_after,
          totalCount: q.include_total_count === 'true',
        });
        return listResponse(`/v1/campaigns/${request.params.id}/referrers`, page);
      },
    );

    app.get(
      '/v1/referrers/:id',
      {
        schema: {
          tags,
          summary: 'Retrieve a referrer with the Stripe customers that are them',
          security: secretKeySecurity,
          params: idParams,
          response: { 200: referrerDetailSchema, ...errorResponses },
        },
      },
      async (request) => referrers.detail(request.params.id),
    );

    app.post(
      '/v1/referrers/:id',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Update a referrer; metadata merges (an empty string removes a key)',
          security: secretKeySecurity,
          params: idParams,
          body: z.strictObject({
            first_name: name.optional(),
            last_name: name.nullable().optional(),
            metadata: metadataSchema.optional(),
            referral_code: referralCodeSchema.optional(),
          }),
          response: { 200: referrerSchema, ...errorResponses },
        },
      },
      async (request) => referrers.update(request.params.id, request.body),
    );

    app.delete(
      '/v1/referrers/:id',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary:
            'Remove a referrer: their link and code stop working, their Stripe promotion code is switched off, their history stays',
          security: secretKeySecurity,
          params: idParams,
          response: { 200: referrerSchema, ...errorResponses },
        },
      },
      async (request) => referrers.remove(request.params.id),
    );

    app.post(
      '/v1/referrers/:id/referral_code',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Generate a referral code for this referrer (a referrer with a code keeps it)',
          security: secretKeySecurity,
          params: idParams,
          response: { 200: referrerSchema, ...errorResponses },
        },
      },
      async (request) => referrers.generateCode(request.params.id),
    );
  };
