import { z } from 'zod';
import { isoTime } from './api-shapes.js';
import {
  brandingSchema,
  codeRulesSchema,
  customerRulesSchema,
  qualificationSchema,
  rewardRulesSchema,
} from './campaign-settings.js';
import { mergePatchSchema } from './merge-patch.js';

/** A campaign as the API shows it, and as a create or an update sends it. */

export const campaignStatusSchema = z.enum(['draft', 'live', 'paused', 'archived']);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

export const limitCountsSchema = z
  .enum(['verified', 'all'])
  .describe(
    'Who takes a place under participant_limit. verified (default): people who signed up on a public ' +
      'surface (a browser with the publishable key, a hosted page) take one only at their first payment ' +
      '(a referrer who joined on the hosted page: when a friend of theirs pays), so strangers cannot fill ' +
      'the campaign; everyone else at once. all: everyone when recorded.',
  );
export type LimitCounts = z.infer<typeof limitCountsSchema>;

export const campaignSchema = z.object({
  id: z.string(),
  object: z.literal('campaign'),
  name: z.string(),
  status: campaignStatusSchema,
  destination_url: z
    .string()
    .nullable()
    .describe('Where referral links land; null lands on the hosted friend page'),
  participant_limit: z.number().nullable(),
  participant_limit_counts: limitCountsSchema,
  participants_count: z
    .number()
    .describe('Referrers plus leads that were not rejected and hold a place (see participant_limit_counts)'),
  allowed_origins: z.array(z.string()),
  cookie_days: z.number(),
  auto_referral_codes: z.boolean(),
  connection_id: z
    .string()
    .nullable()
    .describe('The Stripe connection this campaign reads payments from and writes customers to'),
  qualification: qualificationSchema.nullable(),
  customers: customerRulesSchema,
  code_rules: codeRulesSchema,
  auto_promotion_codes: z.boolean(),
  rewards: rewardRulesSchema.nullable(),
  branding: brandingSchema,
  join_url: z.string().describe('The hosted page where people join as referrers'),
  created_at: isoTime,
  updated_at: isoTime,
  archived_at: isoTime.nullable(),
});

export type Campaign = z.infer<typeof campaignSchema>;

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
  participant_limit_counts: limitCountsSchema,
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
  branding: brandingSchema.describe("The campaign's colours on the referrer's portal and widget"),
};

/** A new campaign: only the name is required; settings objects are sent whole, their optional members defaulted. */
export const campaignCreateSchema = z.strictObject({
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
  branding: fields.branding.optional(),
});

export type CampaignInput = z.output<typeof campaignCreateSchema>;

const merged =
  ' Merged into the stored settings (JSON Merge Patch): members sent change, null removes one (an optional member returns to its default)';

/** An update: every field optional; each settings object is a merge patch of the stored one. */
export const campaignUpdateSchema = campaignCreateSchema.partial().extend({
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
  branding: mergePatchSchema(brandingSchema)
    .optional()
    .describe(`The campaign's colours on the referrer's portal and widget.${merged}`),
});

export type CampaignChanges = z.output<typeof campaignUpdateSchema>;
