import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  codeRedemptionSchema,
  codeSummarySchema,
  offlineUseSchema,
  referrerCodeSummarySchema,
} from '../../domain/code-performance.js';
import type { CodePerformanceService } from '../../services/code-performance.js';
import type { OfflineCodesService } from '../../services/offline-codes.js';
import { errorResponses, idParams, secretKeySecurity } from '../schemas.js';

const tags = ['referral codes'];

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
          response: { 200: codeSummarySchema, ...errorResponses },
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
          response: { 200: referrerCodeSummarySchema, ...errorResponses },
        },
      },
      async (request) => deps.performance.referrer(request.params.id),
    );

    app.post(
      '/v1/campaigns/:id/codes/redeem',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary:
            'Record a referral code given at a till or on the phone: checks the code rules, creates or finds the lead, and qualifies it under the code method',
          security: secretKeySecurity,
          params: idParams,
          body: offlineUseSchema,
          response: { 200: codeRedemptionSchema, ...errorResponses },
        },
      },
      async (request) => deps.offline.redeem(request.params.id, request.body),
    );
  };
