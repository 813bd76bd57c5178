import { z } from 'zod';
import { isoTime, timelineEntrySchema } from './api-shapes.js';

/** What a reward is made of in Stripe; the database checks the same three. */
export const rewardKindSchema = z.enum(['coupon', 'balance_credit', 'promotion_code']);
export type RewardKind = z.infer<typeof rewardKindSchema>;

export const rewardRecipientSchema = z.enum(['referrer', 'friend']);
export type RewardRecipient = z.infer<typeof rewardRecipientSchema>;

export const rewardStatusSchema = z.enum([
  'held',
  'pending_approval',
  'pending',
  'issued',
  'failed',
  'cancelled',
  'reversing',
  'reversed',
]);
export type RewardStatus = z.infer<typeof rewardStatusSchema>;

export const rewardCancelReasonSchema = z.enum(['unqualified', 'per_referrer_cap', 'budget', 'by_request']);
export type RewardCancelReason = z.infer<typeof rewardCancelReasonSchema>;

/** A reward as the API and the `reward.*` webhook events show it. */
export const rewardSchema = z.object({
  id: z.string(),
  object: z.literal('reward'),
  campaign_id: z.string(),
  lead_id: z.string(),
  referrer_id: z.string(),
  recipient: rewardRecipientSchema,
  kind: rewardKindSchema,
  amount: z.number().nullable().describe('Minor units of currency: the credit given'),
  currency: z.string().nullable(),
  coupon_id: z.string().nullable(),
  status: rewardStatusSchema.describe(
    'held: until the hold ends; pending_approval: waits for POST .../approve; pending: being issued; reversing: being taken back',
  ),
  cancel_reason: rewardCancelReasonSchema.nullable(),
  issue_after: isoTime,
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
  issued_at: isoTime.nullable(),
  cancelled_at: isoTime.nullable(),
  reversed_at: isoTime.nullable(),
  created_at: isoTime,
  updated_at: isoTime,
});

export type Reward = z.infer<typeof rewardSchema>;

/** One reward as retrieved alone, with its timeline. */
export const rewardDetailSchema = rewardSchema.extend({ timeline: z.array(timelineEntrySchema) });

export type RewardDetail = z.infer<typeof rewardDetailSchema>;

/** The ledger summed: per status and currency, how many rewards and how much credit they give. */
export const rewardTotalsSchema = z.object({
  object: z.literal('reward_totals'),
  data: z.array(
    z.object({
      status: rewardStatusSchema,
      currency: z
        .string()
        .nullable()
        .describe('null for rewards without an amount (a coupon or a promotion code)'),
      count: z.number(),
      amount: z.number().describe('Minor units of currency: the credit these rewards give; 0 without one'),
    }),
  ),
});
