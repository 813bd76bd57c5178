import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  returnTargetSchema,
  syncConfigSchema,
  syncKindSchema,
  syncSkipReasonSchema,
  syncStatusSchema,
} from '../../domain/sync-config.js';
import type { SyncsService } from '../../services/syncs.js';
import { listQuerySchema, listResponse, listResponseSchema } from '../pagination.js';
import { errorResponses, idParams, secretKeySecurity, timestamp } from '../schemas.js';

const tags = ['syncs'];
const security = secretKeySecurity;
const none = { to: 'none' as const };
const defaultReturn = {
  referral_link: { to: 'metadata' as const, key: 'vouch_referral_link' },
  referral_code: none,
  referrals_count: none,
  converted_count: none,
};

const syncInput = z.strictObject({
  kind: syncKindSchema
    .default('one_time')
    .describe('ongoing: new and changed customers join through webhooks, with an hourly catch-up pass'),
  dry_run: z
    .boolean()
    .default(false)
    .describe(
      'Decide everything the real run would (referrers made, already referrers, each skip and its reason, where the participant limit stops it) and change nothing',
    ),
  inbound: syncConfigSchema.shape.inbound.default({ first_name: 'name', email: 'email' }),
  return: z
    .strictObject({
      referral_link: returnTargetSchema.default(defaultReturn.referral_link),
      referral_code: returnTargetSchema.default(none),
      referrals_count: returnTargetSchema.default(none),
      converted_count: returnTargetSchema.default(none),
    })
    .describe(syncConfigSchema.shape.return.description ?? '')
    .default(defaultReturn),
  name_version: syncConfigSchema.shape.name_version.default('original'),
  write_back: syncConfigSchema.shape.write_back.default(true),
  requests_per_second: syncConfigSchema.shape.requests_per_second.default(null),
});

const syncSchema = z.object({
  id: z.string(),
  object: z.literal('sync'),
  campaign_id: z.string(),
  connection_id: z.string(),
  kind: syncKindSchema,
  dry_run: z.boolean(),
  status: syncStatusSchema,
  stop_reason: z.string().nullable().describe('participant_limit when the campaign filled up'),
  ...syncConfigSchema.shape,
  progress: z.object({
    customers_seen: z
      .number()
      .describe(
        'Distinct customers met: an ongoing sync counts a customer once, however often it comes back',
      ),
    referrers_created: z.number().describe('In a dry run: how many would be created'),
    already_referrers: z.number(),
    skipped: z.number(),
    skipped_by_reason: z.object({ missing_field: z.number(), participant_limit: z.number() }),
    written_back: z.number(),
    already_current: z.number().describe('Customers whose Stripe fields already showed the values'),
    write_failures: z.number().describe('Writes Stripe refused (a deleted customer); each keeps its reason'),
    writes_waiting: z.number(),
    customers_per_second: z.number().nullable(),
    writes_per_second: z.number().nullable(),
    eta_seconds: z.number().nullable().describe('null until it can be estimated (Stripe gives no total)'),
    listing_done: z.boolean(),
  }),
  passes: z.number(),
  last_error: z.string().nullable(),
  started_at: timestamp,
  listing_done_at: timestamp.nullable(),
  finished_at: timestamp.nullable(),
  next_pass_at: timestamp.nullable(),
  last_enrolled_at: timestamp
    .nullable()
    .describe('An ongoing sync: when it last made a referrer of a customer (null for other syncs)'),
});

const skipSchema = z.object({
  object: z.literal('sync_skip'),
  customer_id: z.string(),
  reason: syncSkipReasonSchema,
  detail: z.string().nullable(),
  created_at: timestamp,
});

/** `/v1/campaigns/:id/syncs` and `/v1/syncs/:id`: Stripe customers in as referrers, links back out. */
export const syncRoutes =
  (syncs: SyncsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/campaigns/:id/syncs',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: "Start a sync of the campaign connection's Stripe customers (a background run)",
          security,
          params: idParams,
          body: syncInput,
          response: { 202: syncSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await syncs.start(request.params.id, request.body as never)),
    );

    app.get(
      '/v1/campaigns/:id/syncs',
      {
        schema: {
          tags,
          summary: "The campaign's syncs, newest first",
          security,
          params: idParams,
          querystring: listQuerySchema('syn', 'a sync'),
          response: { 200: listResponseSchema(syncSchema), ...errorResponses },
        },
      },
      async (request) =>
        listResponse(
          `/v1/campaigns/${request.params.id}/syncs`,
          await syncs.list(request.params.id, request.query.limit, request.query.starting_after),
        ),
    );

    app.get(
      '/v1/campaigns/:id/syncs/name_preview',
      {
        schema: {
          tags,
          summary: 'The names of a few real Stripe customers in every name version',
          security,
          params: idParams,
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(20).default(5) }),
          response: {
            200: z.object({
              object: z.literal('list'),
              data: z.array(
                z.object({
                  customer_id: z.string(),
                  name: z.string().nullable(),
                  versions: z.record(z.string(), z.string()),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => ({
        object: 'list' as const,
        data: await syncs.preview(request.params.id, request.query.limit),
      }),
    );

    app.get(
      '/v1/syncs/:id',
      {
        schema: {
          tags,
          summary: 'A sync and its progress',
          security,
          params: idParams,
          response: { 200: syncSchema, ...errorResponses },
        },
      },
      async (request) => syncs.retrieve(request.params.id),
    );

    app.get(
      '/v1/syncs/:id/skips',
      {
        schema: {
          tags,
          summary: 'Customers the sync skipped, each with its reason',
          security,
          params: idParams,
          querystring: z.strictObject({
            limit: z.coerce.number().int().min(1).max(100).default(10),
            starting_after: z
              .string()
              .max(255)
              .optional()
              .describe('The last customer id of the previous page'),
            reason: syncSkipReasonSchema.optional().describe('Only the customers skipped for this reason'),
          }),
          response: { 200: listResponseSchema(skipSchema), ...errorResponses },
        },
      },
      async (request) =>
        listResponse(
          `/v1/syncs/${request.params.id}/skips`,
          await syncs.skips(
            request.params.id,
            request.query.limit,
            request.query.starting_after,
            request.query.reason,
          ),
        ),
    );

    app.post(
      '/v1/syncs/:id/cancel',
      {
        config: { role: 'editor' },
        schema: {
          tags,
          summary: 'Stop a running or ongoing sync; what it did stays',
          security,
          params: idParams,
          response: { 200: syncSchema, ...errorResponses },
        },
      },
      async (request) => syncs.cancel(request.params.id),
    );
  };
