import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  codeRulesSchema,
  customerRulesSchema,
  qualificationSchema,
  rewardRulesSchema,
} from '../../domain/campaign-settings.js';
import { mergePatchSchema } from '../../domain/merge-patch.js';
import type { CampaignsService } from '../../services/campaigns.js';
import { listQuerySchema, listResponse, listResponseSchema } from '../pagination.js';
import { errorResponses, idParams, secretKeySecurity, timestamp } from '../schemas.js';

const status = z.enum(['draft', 'live', 'paused', 'archived']);
const limitCounts = z
  .enum(['verified', 'all'])
  .describe(
    'Who takes a place under participant_limit. verified (default): people who signed up on a public ' +
      'surface (a browser with the publishable key, a hosted page) take one only at their first payment ' +
      '(a referrer who joined on the hosted page: when a friend of theirs pays), so strangers cannot fill ' +
      'the campaign; everyone else at once. all: everyone when recorded.',
  );

export const campaignSchema = z.object({
  id: z.string(),
  object: z.literal('campaign'),
  name: z.string(),
  status,
  destination_url: z
    .string()
    .nullable()
    .describe('Where referral links land; null lands on the hosted friend page'),
  participant_limit: z.number().nullable(),
  participant_limit_counts: limitCounts,
  participants_count: z
    .number()
    .describe('Referrers plus leads that were not rejected and hold a place (see participant_limit_counts)'),
  allowed_origins: z.array(z.string()),
  cookie_days: z.number(),
  auto_referral_codes: z.boolean(),
  connection_id: z.string().nullable(),
  qualification: qualificationSchema.nullable(),
  customers: customerRulesSchema,
  code_rules: codeRulesSchema,
  auto_promotion_codes: z.boolean(),
  rewards: rewardRulesSchema.nullable(),
  join_url: z.string().describe('The hosted page where people join as referrers'),
  created_at: timestamp,
  updated_at: timestamp,
  archived_at: timestamp.nullable(),
});

const httpUrl = z
  .string()
  .max(2000)
  .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), {
    message: 'must be an http:// or https:// URL',
  });
const origin = z
  .string()
  .max(200)
  .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v) && new URL(v).pathname === '/', {
    message: 'must be an origin like https://shop.example.com (scheme, host and port only)',
  });

const fields = {
  name: z.string().trim().min(1, 'must not be empty').max(200),
  status: z.enum(['draft', 'live', 'paused']).describe('Archive with POST /v1/campaigns/{id}/archive'),
  destination_url: httpUrl.nullable(),
  participant_limit: z.number().int().min(1).max(100_000_000).nullable(),
  participant_limit_counts: limitCounts,
  allowed_origins: z.array(origin).max(20).describe('Sites whose pages may call the browser endpoints'),
  cookie_days: z.number().int().min(1).max(730).describe('How long the snippet remembers a referral'),
  auto_referral_codes: z.boolean().describe('Give every new referrer a referral code'),
  connection_id: z
    .string()
    .max(64)
    .nullable()
    .describe('The Stripe connection (conn_...) this campaign uses'),
  qualification: qualificationSchema.nullable().describe('How leads qualify; null for not at all'),
  customers: customerRulesSchema.describe('How friends and referrers become Stripe customers'),
  code_rules: codeRulesSchema.describe(
    'Rules each promotion code is made with; changes apply to codes made afterwards',
  ),
  auto_promotion_codes: z
    .boolean()
    .describe('Make a Stripe promotion code for every new referrer once the campaign has a coupon'),
  rewards: rewardRulesSchema.nullable().describe('What a qualified referral gives, through Stripe'),
};

/** Only the name is required; settings objects are sent whole, their optional members defaulted. */
const createBody = z.strictObject({
  name: fields.name,
  status: fields.status.optional(),
  destination_url: fields.destination_url.optional(),
  participant_limit: fields.participant_limit.optional(),
  participant_limit_counts: fields.participant_limit_counts.optional(),
  allowed_origins: fields.allowed_origins.optional(),
  cookie_days: fields.cookie_days.optional(),
  auto_referral_codes: fields.auto_referral_codes.optional(),
  connection_id: fields.connection_id.optional(),
  qualification: fields.qualification.optional(),
  customers: fields.customers.optional(),
  code_rules: fields.code_rules.optional(),
  auto_promotion_codes: fields.auto_promotion_codes.optional(),
  rewards: fields.rewards.optional(),
});

const merged =
  ' Merged into the stored settings (JSON Merge Patch): members sent change, null removes one (an optional member returns to its default)';

/** Every field optional; each settings object is a merge patch of the stored one. */
const updateBody = createBody.partial().extend({
  qualification: mergePatchSchema(qualificationSchema)
    .nullable()
    .optional()
    .describe(`How leads qualify; null for not at all.${merged}`),
  customers: mergePatchSchema(customerRulesSchema)
    .optional()
    .describe(`How friends and referrers become Stripe customers.${merged}`),
  code_rules: mergePatchSchema(codeRulesSchema)
    .optional()
    .describe(`Rules each promotion code is made with; changes apply to codes made afterwards.${merged}`),
  rewards: mergePatchSchema(rewardRulesSchema)
    .nullable()
    .optional()
    .describe(`What a qualified referral gives, through Stripe; null for nothing.${merged}`),
});

const tags = ['campaigns'];

export const campaignRoutes =
  (campaigns: CampaignsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/campaigns',
      {
        schema: {
          tags,
          summary: 'Create a campaign (a referral program)',
          security: secretKeySecurity,
          body: createBody,
          response: { 200: campaignSchema, ...errorResponses },
        },
      },
      async (request) => campaigns.create(request.body),
    );

    app.get(
      '/v1/campaigns',
      {
        schema: {
          tags,
          summary: 'List campaigns, newest first',
          security: secretKeySecurity,
          querystring: listQuerySchema('cmp', 'a campaign').extend({ status: status.optional() }),
          response: { 200: listResponseSchema(campaignSchema), ...errorResponses },
        },
      },
      async (request) => {
        const { limit, starting_after, status: wanted } = request.query;
        return listResponse(
          '/v1/campaigns',
          await campaigns.list({ limit, startingAfter: starting_after, status: wanted }),
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
        schema: {
          tags,
          summary: 'Update a campaign; only the fields sent change',
          security: secretKeySecurity,
          params: idParams,
          body: updateBody,
          response: { 200: campaignSchema, ...errorResponses },
        },
      },
      async (request) => campaigns.update(request.params.id, request.body),
    );

    app.post(
      '/v1/campaigns/:id/archive',
      {
        schema: {
          tags,
          summary: 'Archive a campaign: it keeps its data, takes no one new and records nothing',
          security: secretKeySecurity,
          params: idParams,
          response: { 200: campaignSchema, ...errorResponses },
        },
      },
      async (request) => campaigns.archive(request.params.id),
    );
  };
