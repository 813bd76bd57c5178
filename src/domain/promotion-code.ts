import { z } from 'zod';
import { isoTime } from './api-shapes.js';

/** A campaign's coupon and its referrers' promotion codes, as the API shows them. */

export const couponSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  amount_off: z.number().nullable(),
  currency: z.string().nullable(),
  percent_off: z.number().nullable(),
  duration: z.enum(['once', 'repeating', 'forever']),
  duration_in_months: z.number().nullable(),
  valid: z.boolean(),
  times_redeemed: z.number(),
  created: z.number().describe('Unix seconds, as Stripe gives it'),
});

export type Coupon = z.infer<typeof couponSchema>;

export const couponProblemSchema = z.object({ code: z.string(), message: z.string() });
export type CouponProblem = z.infer<typeof couponProblemSchema>;

export const campaignCouponSchema = z.object({
  object: z.literal('campaign_coupon'),
  campaign_id: z.string(),
  coupon: couponSchema,
  origin: z.enum(['created', 'existing']).describe('Made by Vouch, or picked from the account'),
  status: z.enum(['active', 'deleted']),
  deleted_at: isoTime.nullable(),
  problems: z.array(couponProblemSchema).describe('What stops the codes from working, with how to fix it'),
});

export type CampaignCoupon = z.infer<typeof campaignCouponSchema>;

export const promotionCodeStatusSchema = z.enum(['pending', 'active', 'deactivating', 'inactive', 'failed']);
export type PromotionCodeStatus = z.infer<typeof promotionCodeStatusSchema>;

export const promotionCodeSchema = z.object({
  id: z.string(),
  object: z.literal('promotion_code'),
  campaign_id: z.string(),
  referrer_id: z.string(),
  code: z.string().nullable().describe("The referrer's referral code; null until they are given one"),
  coupon_id: z.string(),
  stripe_id: z.string().nullable().describe('The promotion code in Stripe (promo_...)'),
  status: promotionCodeStatusSchema.describe(
    'pending: being made in Stripe; deactivating: being switched off; failed: see error_code and last_error',
  ),
  error_code: z
    .string()
    .nullable()
    .describe('code_taken, coupon_missing, stripe_refused, connection_disconnected'),
  last_error: z.string().nullable(),
  created_at: isoTime,
  updated_at: isoTime,
});

export type PromotionCode = z.infer<typeof promotionCodeSchema>;

export const promotionCodeProgressSchema = z.object({
  object: z.literal('promotion_code_progress'),
  campaign_id: z.string(),
  counts: z.object({
    pending: z.number(),
    active: z.number(),
    deactivating: z.number(),
    inactive: z.number(),
    failed: z.number(),
  }),
  codes_per_second_last_minute: z.number(),
  eta_seconds: z.number().nullable().describe('Until no code is pending; null while none was made lately'),
});

export type PromotionCodeProgress = z.infer<typeof promotionCodeProgressSchema>;
