import { z } from 'zod';
import { isoTime, storedMetadataSchema } from './api-shapes.js';
import { campaignStatusSchema } from './campaign.js';
import { linkedCustomerSchema } from './lead.js';

export const referrerSourceSchema = z.enum(['api', 'hosted_page', 'import', 'sync']);
export type ReferrerSource = z.infer<typeof referrerSourceSchema>;

/** A referrer as the API and the `referrer.created` webhook event show it. */
export const referrerSchema = z.object({
  id: z.string(),
  object: z.literal('referrer'),
  campaign_id: z.string(),
  email: z.string(),
  first_name: z.string(),
  last_name: z.string().nullable(),
  metadata: storedMetadataSchema,
  source: referrerSourceSchema,
  slug: z.string(),
  referral_link: z.string(),
  referral_code: z.string().nullable(),
  removed_at: isoTime
    .nullable()
    .describe('Set when the referrer was removed: their link and code stopped working'),
  referrals_count: z.number().describe('Leads referred, rejected ones excluded'),
  converted_referrals_count: z.number().describe('Leads that qualified'),
  clicks_count: z.number(),
  created_at: isoTime,
  updated_at: isoTime,
});

export type Referrer = z.infer<typeof referrerSchema>;

/** How a list of referrers may be ordered: a field, descending when it starts with `-`. */
export const referrerSortSchema = z
  .enum([
    '-created_at',
    'created_at',
    'email',
    '-email',
    'name',
    '-name',
    '-referrals_count',
    'referrals_count',
    '-converted_referrals_count',
    'converted_referrals_count',
    '-clicks_count',
    'clicks_count',
  ])
  .describe('The order: a field, descending when it starts with "-" (default -created_at, newest first)');

export type ReferrerSort = z.infer<typeof referrerSortSchema>;

/** One referrer as retrieved alone: with the Stripe customers that are this referrer. */
export const referrerDetailSchema = referrerSchema.extend({
  customers: z
    .array(linkedCustomerSchema)
    .describe('The Stripe customers linked to the referrer (referrers_to_stripe, syncs)'),
});

export type ReferrerDetail = z.infer<typeof referrerDetailSchema>;

/** Where a referrer's link points: the link is made on the public URL when shown, never stored. */

/** What a CSV import of referrers did, row by row. */
export const referrerImportSchema = z.object({
  object: z.literal('referrer_import'),
  campaign_id: z.string(),
  rows: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  referrer_ids: z.array(z.string()),
  errors: z.array(
    z.object({
      row: z.number().describe('Line number in the file, the header being line 1'),
      email: z.string().nullable(),
      reason: z.string(),
      param: z.string().nullable(),
      message: z.string(),
    }),
  ),
});

export type ReferrerImport = z.infer<typeof referrerImportSchema>;
export type ImportRejection = ReferrerImport['errors'][number];

/** What a referral link belongs to, for the browser snippet and landing pages. */
export const referralLinkInfoSchema = z.object({
  object: z.literal('referral_link'),
  slug: z.string(),
  campaign_id: z.string(),
  campaign_status: campaignStatusSchema,
  cookie_days: z.number(),
  referrer_first_name: z.string(),
});

export type ReferralLinkInfo = z.infer<typeof referralLinkInfoSchema>;
