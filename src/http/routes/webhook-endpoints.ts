import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { outgoingEventBodySchema } from '../../domain/outgoing-events.js';
import { OUTGOING_EVENT_TYPES } from '../../domain/outgoing-webhooks.js';
import type { WebhookEndpointsService } from '../../services/webhook-endpoints.js';
import { listQuerySchema, listResponse, listResponseSchema } from '../pagination.js';
import { actorOf } from '../plugins/auth.js';
import { errorResponses, idParams, secretKeySecurity, timestamp } from '../schemas.js';

const tags = ['webhook endpoints'];
const security = secretKeySecurity;

const url = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v) && !new URL(v).username && !new URL(v).password, {
    message: 'must be an http:// or https:// URL without a user name or password',
  })
  .describe('Where events are POSTed');
const eventTypes = z
  .array(z.enum(OUTGOING_EVENT_TYPES))
  .min(1, 'must name at least one event type')
  .max(OUTGOING_EVENT_TYPES.length * 2)
  .describe('The event types this endpoint receives (at least one)');
const description = z
  .string()
  .trim()
  .max(500, 'must be at most 500 characters')
  .nullable()
  .describe('What the endpoint is for, for your own reference');

export const webhookEndpointSchema = z.object({
  id: z.string(),
  object: z.literal('webhook_endpoint'),
  url: z.string(),
  description: z.string().nullable(),
  event_types: z.array(z.enum(OUTGOING_EVENT_TYPES)),
  status: z
    .enum(['active', 'disabled'])
    .describe('A disabled endpoint gets no new deliveries and no retries'),
  previous_secret_expires_at: timestamp
    .nullable()
    .describe('After a rotation: until when the previous secret also signs'),
  created_at: timestamp,
  updated_at: timestamp,
});

const withSecret = webhookEndpointSchema.extend({
  secret: z
    .string()
    .describe(
      'whsec_...: signs every delivery (see docs/outgoing-webhooks.md). Shown only in this response.',
    ),
});

const attemptSchema = z.object({
  object: z.literal('webhook_attempt'),
  trigger: z.enum(['automatic', 'replay', 'test']),
  attempted_at: timestamp,
  status_code: z.number().nullable().describe("The endpoint's HTTP status; null when it did not answer"),
  error: z.string().nullable(),
  duration_ms: z.number(),
});

export const webhookDeliverySchema = z.object({
  id: z.string(),
  object: z.literal('webhook_delivery'),
  endpoint_id: z.string(),
  event_id: z.string(),
  event_type: z.string().describe('An event type from event_types, or ping'),
  status: z
    .enum(['pending', 'succeeded', 'failed'])
    .describe('pending: waiting for its next attempt; failed: every automatic attempt failed'),
  attempt_count: z.number(),
  next_attempt_at: timestamp.nullable(),
  last_status_code: z.number().nullable(),
  last_error: z.string().nullable(),
  delivered_at: timestamp.nullable().describe('When an attempt last succeeded'),
  created_at: timestamp,
  event: outgoingEventBodySchema.describe('The body every attempt sends'),
  attempts: z.array(attemptSchema).optional().describe('Every attempt, oldest first (not in lists)'),
});

/** `/v1/webhook_endpoints` and `/v1/webhook_deliveries`: outgoing webhooks to the business's systems. */
export const webhookEndpointRoutes =
  (webhooks: WebhookEndpointsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/webhook_endpoints',
      {
        schema: {
          tags,
          summary: 'Add a webhook endpoint; the response is the only time its signing secret is shown',
          security,
          body: z.strictObject({ url, event_types: eventTypes, description: description.optional() }),
          response: { 200: withSecret, ...errorResponses },
        },
      },
      async (request) => webhooks.create(request.body, actorOf(request)),
    );

    app.get(
      '/v1/webhook_endpoints',
      {
        schema: {
          tags,
          summary: 'List webhook endpoints, newest first',
          security,
          querystring: listQuerySchema('whe', 'a webhook endpoint'),
          response: { 200: listResponseSchema(webhookEndpointSchema), ...errorResponses },
        },
      },
      async (request) =>
        listResponse(
          '/v1/webhook_endpoints',
          await webhooks.list(request.query.limit, request.query.starting_after),
        ),
    );

    app.get(
      '/v1/webhook_endpoints/:id',
      {
        schema: {
          tags,
          summary: 'A webhook endpoint (never its secret)',
          security,
          params: idParams,
          response: { 200: webhookEndpointSchema, ...errorResponses },
        },
      },
      async (request) => webhooks.retrieve(request.params.id),
    );

    app.post(
      '/v1/webhook_endpoints/:id',
      {
        schema: {
          tags,
          summary: 'Change the URL, event types, description or status of a webhook endpoint',
          security,
          params: idParams,
          body: z.strictObject({
            url: url.optional(),
            event_types: eventTypes.optional(),
            description: description.optional(),
            status: z.enum(['active', 'disabled']).optional(),
          }),
          response: { 200: webhookEndpointSchema, ...errorResponses },
        },
      },
      async (request) => webhooks.update(request.params.id, request.body, actorOf(request)),
    );

    app.delete(
      '/v1/webhook_endpoints/:id',
      {
        schema: {
          tags,
          summary: 'Delete a webhook endpoint and its delivery log (to pause it, set status to disabled)',
          security,
          params: idParams,
          response: {
            200: z.object({
              id: z.string(),
              object: z.literal('webhook_endpoint'),
              deleted: z.literal(true),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => webhooks.remove(request.params.id, actorOf(request)),
    );

    app.post(
      '/v1/webhook_endpoints/:id/rotate_secret',
      {
        schema: {
          tags,
          summary: 'Give the endpoint a new signing secret, shown once in the response',
          security,
          params: idParams,
          // No body at all is fine: the old secret stops signing at once.
          body: z.preprocess(
            (body) => body ?? {},
            z.strictObject({
              previous_secret_valid_hours: z
                .number()
                .int()
                .min(0)
                .max(168)
                .default(0)
                .describe('Hours the old secret keeps signing too (a second v1); 0 drops it at once'),
            }),
          ),
          response: { 200: withSecret, ...errorResponses },
        },
      },
      async (request) =>
        webhooks.rotateSecret(request.params.id, request.body.previous_secret_valid_hours, actorOf(request)),
    );

    app.post(
      '/v1/webhook_endpoints/:id/test',
      {
        schema: {
          tags,
          summary: 'Send a ping event to the endpoint now; answers the delivery with its attempt',
          security,
          params: idParams,
          response: { 200: webhookDeliverySchema, ...errorResponses },
        },
      },
      async (request) => webhooks.test(request.params.id),
    );

    app.get(
      '/v1/webhook_endpoints/:id/deliveries',
      {
        schema: {
          tags,
          summary: "The endpoint's delivery log, newest first",
          security,
          params: idParams,
          querystring: listQuerySchema('whd', 'a webhook delivery').extend({
            status: z.enum(['pending', 'succeeded', 'failed']).optional(),
            event_type: z.string().max(64).optional(),
          }),
          response: { 200: listResponseSchema(webhookDeliverySchema), ...errorResponses },
        },
      },
      async (request) => {
        const q = request.query;
        return listResponse(
          `/v1/webhook_endpoints/${request.params.id}/deliveries`,
          await webhooks.deliveries({
            endpointId: request.params.id,
            limit: q.limit,
            startingAfter: q.starting_after,
            status: q.status,
            eventType: q.event_type,
          }),
        );
      },
    );

    app.get(
      '/v1/webhook_deliveries/:id',
      {
        schema: {
          tags,
          summary: 'A webhook delivery with every attempt',
          security,
          params: idParams,
          response: { 200: webhookDeliverySchema, ...errorResponses },
        },
      },
      async (request) => webhooks.retrieveDelivery(request.params.id),
    );

    app.post(
      '/v1/webhook_deliveries/:id/replay',
      {
        schema: {
          tags,
          summary:
            'Send a delivery again now, whatever its status; answers it with the new attempt in its log',
          security,
          params: idParams,
          response: { 200: webhookDeliverySchema, ...errorResponses },
        },
      },
      async (request) => webhooks.replay(request.params.id),
    );
  };
