import { z } from 'zod';
import { isoTime, moneySchema, storedMetadataSchema, timelineEntrySchema } from './api-shapes.js';

export const leadStatusSchema = z.enum(['pending', 'qualified', 'unqualified', 'rejected', 'expired']);
export type LeadStatus = z.infer<typeof leadStatusSchema>;

/** How a list of leads may be ordered: a field, descending when it starts with `-`. */
export const leadSortSchema = z
  .enum(['-created_at', 'created_at', 'email', '-email', 'name', '-name', '-updated_at', 'updated_at'])
  .describe('The order: a field, descending when it starts with "-" (default -created_at, newest first)');

export type LeadSort = z.infer<typeof leadSortSchema>;

export const leadSourceSchema = z.enum([
  'api',
  'browser',
  'hosted_page',
  'checkout',
  'promotion_code',
  'offline',
]);
export type LeadSource = z.infer<typeof leadSourceSchema>;

export const rejectionReasonSchema = z.enum([
  'self_referral',
  'already_lead',
  'existing_customer',
  'campaign_limit',
]);
export type RejectionReason = z.infer<typeof rejectionReasonSchema>;

export const customerLinkHowSchema = z
  .enum(['created', 'matched_email', 'updated', 'checkout', 'promotion_code', 'metadata', 'sync', 'manual'])
  .describe('How Vouch knows this customer is the friend');
export type CustomerLinkHow = z.infer<typeof customerLinkHowSchema>;

/** A lead as the API and the `lead.created` and `lead.rejected` webhook events show it. */
export const leadSchema = z.object({
  id: z.string(),
  object: z.literal('lead'),
  campaign_id: z.string(),
  referrer_id: z.string(),
  email: z.string(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  metadata: storedMetadataSchema,
  source: leadSourceSchema,
  status: leadStatusSchema,
  rejection_reason: rejectionReasonSchema.nullable(),
  referred_at: isoTime,
  created_at: isoTime,
  updated_at: isoTime,
  timeline: z.array(timelineEntrySchema).optional().describe('Present when retrieving one lead'),
});

export type Lead = z.infer<typeof leadSchema>;

export const leadProgressSchema = z
  .object({
    method: z.enum(['spend', 'code']).nullable(),
    target: moneySchema
      .nullable()
      .describe('The spend to exceed, in the Stripe account currency (spend method)'),
    net_spend: moneySchema.describe(
      "What counts: payments inside the window less refunds and disputes, settled in the account's currency",
    ),
    paid_by_currency: z.array(moneySchema).describe('The same in each currency the friend paid in'),
    remaining: moneySchema.nullable().describe('Still to spend to qualify (spend method, while pending)'),
    window: z
      .object({ starts_at: isoTime, ends_at: isoTime, open: z.boolean() })
      .nullable()
      .describe('The attribution window'),
    holds_place: z.boolean().describe('Holds a place under the participant limit'),
    explanation: z.string().describe('Why the lead stands where it does'),
  })
  .describe('Where the lead stands, from the Stripe facts of its linked customers');

export type LeadProgress = z.infer<typeof leadProgressSchema>;

export const linkedCustomerSchema = z.object({
  id: z.string().describe('The Stripe customer id'),
  connection_id: z.string(),
  how: customerLinkHowSchema,
  linked_at: isoTime,
});

export type LinkedCustomer = z.infer<typeof linkedCustomerSchema>;

/** One lead as retrieved alone: with its timeline, progress and linked customers. */
export const leadDetailSchema = leadSchema.extend({
  progress: leadProgressSchema,
  customers: z.array(linkedCustomerSchema).describe('The Stripe customers linked to the lead'),
});

export type LeadDetail = z.infer<typeof leadDetailSchema>;

/** What a publishable key gets for a sign-up. */
export const leadReceiptSchema = z
  .object({
    object: z.literal('lead_receipt'),
    id: z.string().describe('rcpt_...: pass it on as the snippet does; it names the lead to Vouch only'),
    status: z.literal('received'),
  })
  .describe('What a publishable key gets: the same for a new and a known email');

export type LeadReceipt = z.infer<typeof leadReceiptSchema>;
