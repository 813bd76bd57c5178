import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
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

const spendQualification = z.strictObject({
  method: z.literal('spend').describe('Qualify when the friend spends more than the target'),
  target_amount: z
    .number()
    .int()
    .min(1)
    .max(1_000_000_000_00)
    .describe('Minor units of the connection default currency'),
  window_days: z.number().int().min(1).max(3650).describe('Attribution window from the referral'),
  refunds_unqualify: z
    .boolean()
    .describe('A refund or dispute in the window can take the qualification back'),
});

const codeQualification = z.strictObject({
  method: z
    .literal('code')
    .describe(
      "Qualify as soon as the friend uses the referrer's code (its rules kept), at checkout or offline",
    ),
  window_days: z.number().int().min(1).max(3650).describe('How long after the referral a use counts'),
  refunds_unqualify: z
    .boolean()
    .describe('Refunds or disputes that bring what the friend paid back to zero take it back'),
});

const qualificationSchema = z.discriminatedUnion('method', [spendQualification, codeQualification]);

const currencyCode = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be a three-letter ISO currency code')
  .transform((v) => v.toLowerCase());

const rewardSpec = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('coupon').describe("A Stripe coupon applied to the person's subscription"),
    coupon_id: z.string().min(1).max(200),
  }),
  z.strictObject({
    kind: z.literal('balance_credit').describe("Credit on the person's Stripe customer balance"),
    amount: z.number().int().min(1).max(1_000_000_000_00).describe('Minor units'),
    currency: currencyCode,
  }),
  z.strictObject({
    kind: z.literal('promotion_code').describe('A single-use promotion code made for that person'),
    coupon_id: z.string().min(1).max(200),
  }),
]);

export const rewardRulesSchema = z.strictObject({
  referrer: rewardSpec.nullable().describe('What the person referring gets'),
  friend: rewardSpec.nullable().describe('What the friend gets'),
  max_per_referrer: z.number().int().min(1).max(1_000_000).nullable().describe('Most rewards per referrer'),
  budget: z
    .strictObject({ amount: z.number().int().min(1).max(1_000_000_000_000), currency: currencyCode })
    .nullable()
    .describe('Most credit given in all (counts balance credit rewards in that currency)'),
  hold_days: z
    .number()
    .int()
    .min(0)
    .max(365)
    .describe('Issue this many days after qualification, if the lead is still qualified'),
  manual_approval: z.boolean().describe('Every reward waits for POST /v1/rewards/{id}/approve'),
});

export const codeRulesSchema = z.strictObject({
  first_time_only: z.boolean().describe("Only a customer's first order may use a code"),
  max_redemptions: z.number().int().min(1).max(1_000_000).nullable().describe('Uses allowed per code'),
  expires_at: z.iso.datetime({ offset: true }).nullable().describe('When codes stop working'),
  minimum_amount: z
    .strictObject({
      amount: z.number().int().min(1).max(1_000_000_000_00).describe('Minor units'),
      currency: currencyCode,
    })
    .nullable()
    .describe('The smallest order, before the discount, a code applies to'),
});

const metadataKey = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'must be 1 to 40 letters, digits, _ . or -');
const customersSchema = z.strictObject({
  create: z.enum(['wait_for_checkout', 'immediately']),
  existing_customer: z.enum(['do_not_create', 'create_duplicate', 'update_existing']),
  referrers_to_stripe: z
    .boolean()
    .optional()
    .describe(
      'Make each referrer a Stripe customer too (never qualified); existing customers are linked, not duplicated, unless create_duplicate',
    ),
  metadata_keys: z.strictObject({
    lead_id: metadataKey,
    referrer_email: metadataKey.nullable(),
    referrer_name: metadataKey.nullable(),
    referral_code: metadataKey.nullable(),
  }),
});

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
  customers: customersSchema,
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
  qualification: qualificationSchema.nullable(),
  customers: customersSchema,
  code_rules: codeRulesSchema.describe(
    'Rules each promotion code is made with; changes apply to codes made afterwards',
  ),
  auto_promotion_codes: z
    .boolean()
    .describe('Make a Stripe promotion code for every new referrer once the campaign has a coupon'),
  rewards: rewardRulesSchema.nullable().describe('What a qualified referral gives, through Stripe'),
};

/** Only the name is required; an update takes the same fields, all optional. */
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
          body: createBody.partial(),
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
