import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { stripeEventsRepository } from '../../db/repositories/stripe-events.js';
import { type JobQueue, requireQueue } from '../../jobs/queue.js';
import { reconcileStripeEventsJob } from '../../jobs/reconcile-stripe-events-job.js';
import type { ConnectionHealth } from '../../services/connection-health.js';
import type { ConnectionsService } from '../../services/connections.js';
import type { StripeInbox } from '../../services/stripe-inbox.js';
import { listResponse, listResponseSchema } from '../pagination.js';
import { actorOf } from '../plugins/auth.js';
import { errorResponses, idParams, jobAcceptedSchema, secretKeySecurity, timestamp } from '../schemas.js';
import { presentStripeEvent, stripeEventSchema } from '../stripe-event-shape.js';

const connectionSchema = z.object({
  id: z.string(),
  object: z.literal('stripe_connection'),
  name: z.string(),
  method: z.enum(['api_key', 'oauth']),
  mode: z.enum(['test', 'live']),
  stripe_account_id: z.string(),
  default_currency: z.string(),
  key_last4: z.string().describe('The last four characters of the key; the key itself is never returned'),
  status: z.enum(['active', 'disconnected']),
  event_delivery: z
    .enum(['webhooks', 'polling', 'both'])
    .describe(
      "How events reach Vouch: its webhook endpoint; polling Stripe's Events API every few seconds (Stripe " +
        'refused the endpoint, typically for want of a public URL); or both (an endpoint set up by hand)',
    ),
  webhook: z.object({
    setup: z
      .enum(['automatic', 'manual', 'none'])
      .describe(
        "automatic: Vouch's own endpoint; manual: one set up by hand (the key may not create endpoints); " +
          'none: Stripe refused the endpoint (see error), events are polled',
      ),
    url: z.string().describe('Where Stripe must send events for this connection'),
    endpoint_id: z.string().nullable(),
    secret_configured: z.boolean(),
    error: z.string().nullable().describe("Why there is no endpoint of Vouch's own, in Stripe's words"),
    events: z.array(z.string()).describe('The event types the endpoint must send'),
  }),
  last_event_at: timestamp.nullable(),
  created_at: timestamp,
  disconnected_at: timestamp.nullable(),
});

const healthSchema = z.object({
  object: z.literal('stripe_connection_health'),
  connection_id: z.string(),
  healthy: z.boolean(),
  api_key_works: z.boolean(),
  webhook: z.object({
    setup: z.enum(['automatic', 'manual', 'none']),
    url: z.string(),
    exists: z.boolean().nullable(),
    enabled: z.boolean().nullable(),
    secret_configured: z.boolean(),
    error: z.string().nullable(),
  }),
  event_delivery: z.object({
    mode: z.enum(['webhooks', 'polling', 'both']),
    polled_at: timestamp.nullable().describe('When events were last read from Stripe, while polling runs'),
    lag_seconds: z.number().nullable().describe('Seconds since the last good poll, while polling runs'),
    poll_error: z.string().nullable(),
    poll_failures: z.number().describe('Polls failed in a row'),
    reconcile_error: z.string().nullable(),
    reconcile_failures: z.number().describe('Reconciliation runs failed in a row'),
  }),
  last_event_at: timestamp.nullable(),
  reconciled_until: timestamp.nullable(),
  events: z.object({ processed: z.number(), waiting: z.number(), dead: z.number() }),
  problems: z.array(
    z.object({ code: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string() }),
  ),
});

const tags = ['stripe'];
const security = secretKeySecurity;

export type StripeConnectionDeps = {
  database: Database;
  connections: ConnectionsService;
  health: ConnectionHealth;
  inbox: StripeInbox;
  queue: JobQueue | undefined;
};

export const stripeConnectionRoutes =
  (deps: StripeConnectionDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/stripe/connections',
      {
        schema: {
          tags,
          summary: 'Connect a Stripe account with a secret or restricted API key',
          description:
            'The key is checked with a live call, stored encrypted and never returned. Vouch creates one webhook ' +
            'endpoint in the account for all campaigns; when the key may not, `webhook.setup` is `manual` and ' +
            '`webhook.url` / `webhook.events` say what to add in Stripe.',
          security,
          body: z.strictObject({
            api_key: z
              .string()
              .trim()
              .max(255)
              .regex(
                /^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/,
                'must be a Stripe secret key (sk_test_... or sk_live_...) or restricted key (rk_...)',
              ),
            name: z.string().trim().min(1).max(100).optional(),
          }),
          response: { 200: connectionSchema, ...errorResponses },
        },
      },
      async (request) => deps.connections.connect(request.body, actorOf(request)),
    );

    app.get(
      '/v1/stripe/connections',
      {
        schema: {
          tags,
          summary: 'List Stripe connections',
          security,
          querystring: z.strictObject({
            limit: z.coerce.number().int().min(1).max(100).default(10),
            starting_after: z.string().max(64).optional(),
          }),
          response: { 200: listResponseSchema(connectionSchema), ...errorResponses },
        },
      },
      async (request) =>
        listResponse(
          '/v1/stripe/connections',
          await deps.connections.list(request.query.limit, request.query.starting_after),
        ),
    );

    app.get(
      '/v1/stripe/connections/:id',
      {
        schema: {
          tags,
          summary: 'Retrieve a Stripe connection',
          security,
          params: idParams,
          response: { 200: connectionSchema, ...errorResponses },
        },
      },
      async (request) => deps.connections.retrieve(request.params.id),
    );

    app.post(
      '/v1/stripe/connections/:id/disconnect',
      {
        schema: {
          tags,
          summary:
            'Disconnect: the webhook endpoint is removed and traffic stops both ways; synced data stays',
          security,
          params: idParams,
          response: { 200: connectionSchema, ...errorResponses },
        },
      },
      async (request) => deps.connections.disconnect(request.params.id, actorOf(request)),
    );

    app.post(
      '/v1/stripe/connections/:id/webhook_secret',
      {
        schema: {
          tags,
          summary:
            'Set the webhook signing secret (manual set-up, or rotation: the previous secret stays valid)',
          security,
          params: idParams,
          body: z.strictObject({ secret: z.string().trim().max(200) }),
          response: { 200: connectionSchema, ...errorResponses },
        },
      },
      async (request) =>
        deps.connections.setWebhookSecret(request.params.id, request.body.secret, actorOf(request)),
    );

    app.post(
      '/v1/stripe/connections/:id/webhook',
      {
        schema: {
          tags,
          summary: 'Create the webhook endpoint in Stripe anew',
          security,
          params: idParams,
          response: { 200: connectionSchema, ...errorResponses },
        },
      },
      async (request) => deps.health.repairWebhook(request.params.id, actorOf(request)),
    );

    app.get(
      '/v1/stripe/connections/:id/health',
      {
        schema: {
          tags,
          summary: 'Is the connection working? Each problem comes with what to do about it',
          security,
          params: idParams,
          response: { 200: healthSchema, ...errorResponses },
        },
      },
      async (request) => deps.health.check(request.params.id),
    );

    app.post(
      '/v1/stripe/connections/:id/reconcile',
      {
        schema: {
          tags,
          summary: 'Fetch events Stripe sent while the webhook was down (a background job)',
          security,
          params: idParams,
          response: {
            202: jobAcceptedSchema,
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const connection = await deps.connections.retrieve(request.params.id);
        const queue = requireQueue(deps.queue);
        const id = await queue.send(
          reconcileStripeEventsJob.name,
          { connection_id: connection.id },
          { singletonKey: connection.id },
        );
        return reply.status(202).send({ object: 'job' as const, name: reconcileStripeEventsJob.name, id });
      },
    );

    app.get(
      '/v1/stripe/connections/:id/events',
      {
        schema: {
          tags,
          summary:
            "The connection's events inbox, newest first: all, or the dead-lettered (failed repeatedly, with the reason), waiting or processed ones",
          security,
          params: idParams,
          querystring: z.strictObject({
            status: z.enum(['all', 'dead', 'waiting', 'processed']).default('all'),
            limit: z.coerce.number().int().min(1).max(100).default(10),
            starting_after: z.string().max(255).optional(),
          }),
          response: { 200: listResponseSchema(stripeEventSchema), ...errorResponses },
        },
      },
      async (request) => {
        const connection = await deps.connections.retrieve(request.params.id);
        const rows = await stripeEventsRepository(deps.database.db).list(
          connection.id,
          request.query.status,
          request.query.limit,
          request.query.starting_after,
        );
        const data = rows.slice(0, request.query.limit).map(presentStripeEvent);
        return listResponse(`/v1/stripe/connections/${connection.id}/events`, {
          data,
          hasMore: rows.length > request.query.limit,
        });
      },
    );

    app.post(
      '/v1/stripe/connections/:id/events/:event_id/replay',
      {
        schema: {
          tags,
          summary: 'Process a dead-lettered event again',
          security,
          params: z.strictObject({ id: z.string().max(64), event_id: z.string().max(255) }),
          response: {
            202: z.object({ object: z.literal('stripe_event'), id: z.string(), replayed: z.literal(true) }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const connection = await deps.connections.retrieve(request.params.id);
        const row = await deps.inbox.replay(connection.id, request.params.event_id);
        return reply
          .status(202)
          .send({ object: 'stripe_event' as const, id: row.id, replayed: true as const });
      },
    );
  };
