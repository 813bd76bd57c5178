import { z } from 'zod';
import { isoTime } from './api-shapes.js';
import { leadSchema } from './lead.js';
import { campaignCouponSchema, promotionCodeSchema } from './promotion-code.js';

/** How referral codes perform, and a code used at a till, as the API shows them. */

const figures = {
  redemptions: z.number().describe('Uses of codes that count'),
  refused_redemptions: z.number().describe('Uses that broke a rule of the code and do not count'),
  refused_by_reason: z.record(z.string(), z.number()),
  leads_from_codes: z.number(),
  qualified_leads_from_codes: z.number(),
  revenue: z
    .array(z.object({ currency: z.string(), amount: z.number().describe('Minor units') }))
    .describe('What the orders that used a code paid, per currency'),
};

export const codeFiguresSchema = z.object(figures);
export type CodeFigures = z.infer<typeof codeFiguresSchema>;

export const codeSummarySchema = z.object({
  object: z.literal('code_summary'),
  campaign_id: z.string(),
  referrers_with_code: z.number(),
  referrers_with_promotion_code: z.number(),
  promotion_codes: z.record(z.string(), z.number()).describe('Promotion codes by status'),
  ...figures,
  coupon: campaignCouponSchema.nullable(),
});

export type CodeSummary = z.infer<typeof codeSummarySchema>;

export const referrerCodeSummarySchema = z.object({
  object: z.literal('referrer_code_summary'),
  campaign_id: z.string(),
  referrer_id: z.string(),
  referral_code: z.string().nullable(),
  promotion_code: promotionCodeSchema.nullable(),
  ...figures,
});

export type ReferrerCodeSummary = z.infer<typeof referrerCodeSummarySchema>;

export const redemptionSourceSchema = z.enum(['checkout', 'invoice', 'offline']);
export type RedemptionSource = z.infer<typeof redemptionSourceSchema>;

export const codeRedemptionSchema = z.object({
  object: z.literal('code_redemption'),
  id: z.string(),
  campaign_id: z.string(),
  referrer_id: z.string(),
  lead_id: z.string().nullable(),
  source: redemptionSourceSchema,
  reference: z.string(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  counted: z.boolean().describe('Whether the use counts; when not, refusal and message say why'),
  refusal: z.string().nullable(),
  message: z.string().nullable(),
  redeemed_at: isoTime,
  already_recorded: z.boolean().describe('The same reference was recorded before; nothing changed'),
  lead: leadSchema.nullable(),
});

export type CodeRedemption = z.infer<typeof codeRedemptionSchema>;

/** A code given at a till or on the phone. */
export const offlineUseSchema = z.strictObject({
  code: z.string().trim().min(1).max(64).describe('The referral code the customer gave'),
  email: z.email().max(320),
  first_name: z.string().trim().min(1).max(100).optional(),
  last_name: z.string().trim().min(1).max(100).optional(),
  amount: z
    .number()
    .int()
    .min(0)
    .max(1_000_000_000_00)
    .optional()
    .describe('The order before any discount, minor units'),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be a three-letter ISO currency code')
    .optional(),
  reference: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Your order number: sending the same one again records the use once'),
  occurred_at: z.iso.datetime({ offset: true }).optional().describe('When the order happened; default now'),
});

export type OfflineUse = z.output<typeof offlineUseSchema>;
