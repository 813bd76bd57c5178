import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { campaignCouponSchema, couponSchema } from '../../domain/promotion-code.js';
import type { PromotionCodesService } from '../../services/promotion-codes.js';
import { errorResponses, idParams, secretKeySecurity } from '../schemas.js';

const tags = ['referral codes'];

const newCoupon = z
  .strictObject({
    name: z.string().trim().min(1).max(40).optional().describe('Shown to customers at checkout'),
    amount_off: z.number().int().min(1).max(1_000_000_000_00).optional().describe('Minor units'),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'must be a three-letter ISO currency code')
      .optional()
      .describe('Required with amount_off'),
    percent_off: z.number().gt(0).max(100).optional(),
    duration: z.enum(['once', 'repeating', 'forever']).default('once'),
    duration_in_months: z.number().int().min(1).max(120).optional().describe('Required when repeating'),
  })
  .superRefine((v, ctx) => {
    const given = [v.amount_off, v.percent_off].filter((x) => x !== undefined).length;
    if (given !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['amount_off'],
        message: 'give exactly one of amount_off or percent_off',
      });
    if (v.amount_off !== undefined && !v.currency)
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'is required with amount_off' });
    if (v.percent_off !== undefined && v.currency)
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'goes only with amount_off' });
    if ((v.duration === 'repeating') !== (v.duration_in_months !== undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['duration_in_months'],
        message: 'is required with duration repeating, and only then',
      });
  });

const couponBody = z.union([
  z.strictObject({ coupon_id: z.string().min(1).max(200).describe('An existing coupon of the account') }),
  newCoupon,
]);

export const couponRoutes =
  (codes: PromotionCodesService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/campaigns/:id/coupon',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary:
            "Set the campaign's coupon: create one in Stripe (amount or percent off) or pick an existing one by coupon_id",
          security: secretKeySecurity,
          params: idParams,
          body: couponBody,
          response: { 200: campaignCouponSchema, ...errorResponses },
        },
      },
      async (request) => codes.setCoupon(request.params.id, request.body),
    );

    app.get(
      '/v1/campaigns/:id/coupon',
      {
        schema: {
          tags,
          summary: "The campaign's coupon, and any problem with it (deleted in Stripe)",
          security: secretKeySecurity,
          params: idParams,
          response: { 200: campaignCouponSchema, ...errorResponses },
        },
      },
      async (request) => codes.coupon(request.params.id),
    );

    app.get(
      '/v1/stripe/connections/:id/coupons',
      {
        schema: {
          tags,
          summary: "The Stripe account's coupons, newest first (to pick a campaign coupon)",
          security: secretKeySecurity,
          params: idParams,
          querystring: z.strictObject({
            limit: z.coerce.number().int().min(1).max(100).default(10),
            starting_after: z.string().max(200).optional().describe('A coupon id from the previous page'),
          }),
          response: {
            200: z.object({
              object: z.literal('list'),
              data: z.array(couponSchema),
              has_more: z.boolean(),
              url: z.string(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const page = await codes.listCoupons(
          request.params.id,
          request.query.limit,
          request.query.starting_after,
        );
        return {
          object: 'list' as const,
          data: page.data,
          has_more: page.hasMore,
          url: `/v1/stripe/connections/${request.params.id}/coupons`,
        };
      },
    );
  };
