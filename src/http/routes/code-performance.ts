import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CodePerformanceService } from '../../services/code-performance.js';
import type { OfflineCodesService } from '../../services/offline-codes.js';
import { errorResponses, idParams, secretKeySecurity, timestamp } from '../schemas.js';
import { campaignCouponSchema } from './coupons.js';
import { leadSchema } from './leads.js';
import { promotionCodeSchema } from './promotion-codes.js';

const tags = ['referral codes'];

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

const summarySchema = z.object({
  object: z.literal('code_summary'),
  campaign_id: z.string(),
  referrers_with_code: z.number(),
  referrers_with_promotion_code: z.number(),
  promotion_codes: z.record(z.string(), z.number()).describe('Promotion codes by status'),
  ...figures,
  coupon: campaignCouponSchema.nullable(),
});

const referrerSummarySchema = z.object({
  object: z.literal('referrer_code_summary'),
  campaign_id: z.string(),
  referrer_id: z.string(),
  referral_code: z.string().nullable(),
  promotion_code: promotionCodeSchema.nullable(),
  ...figures,
});

const redemptionSchema = z.object({
  object: z.literal('code_redemption'),
  id: z.string(),
  campaign_id: z.string(),
  referrer_id: z.string(),
  lead_id: z.string().nullable(),
  source: z.enum(['checkout', 'invoice', 'offline']),
  reference: z.string(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  counted: z.boolean().describe('Whether the use counts; when not, refusal and message say why'),
  refusal: z.string().nullable(),
  message: z.string().nullable(),
  redeemed_at: timestamp,
  already_recorded: z.boolean().describe('The same reference was recorded before; nothing changed'),
  lead: leadSchema.nullable(),
});

const offlineBody = z.strictObject({
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

export const codePerformanceRoutes =
  (deps: { performance: CodePerformanceService; offline: OfflineCodesService }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/campaigns/:id/codes/summary',
      {
        schema: {
          tags,
          summary: 'How referral codes perform in the campaign: codes, uses, leads, revenue and the coupon',
          security: secretKeySecurity,
          params: idParams,
          response: { 200: summarySchema, ...errorResponses },
        },
      },
      async (request) => deps.performance.campaign(request.params.id),
    );

    app.get(
      '/v1/referrers/:id/codes/summary',
      {
        schema: {
          tags,
          summary: "How one referrer's code performs",
          security: secretKeySecurity,
          params: idParams,
          response: { 200: referrerSummarySchema, ...errorResponses },
        },
      },
      async (request) => deps.performance.referrer(request.params.id),
    );

    app.post(
      '/v1/campaigns/:id/codes/redeem',
      {
        schema: {
          tags,
          summary:
            'Record a referral code given at a till or on the phone: checks the code rules, creates or finds the lead, and qualifies it under the code method',
          security: secretKeySecurity,
          params: idParams,
          body: offlineBody,
          response: { 200: redemptionSchema, ...errorResponses },
        },
      },
      async (request) => deps.offline.redeem(request.params.id, request.body),
    );
  };
