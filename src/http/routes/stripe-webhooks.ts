import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StripeInbox } from '../../services/stripe-inbox.js';
import { errorResponses } from '../schemas.js';

/**
 * `POST /webhooks/stripe/:connection_id`, Stripe's calls. The body is kept as raw bytes (the signature is
 * over them), in this plugin only. 2xx only once the event is durable; Stripe retries anything else.
 */
export const stripeWebhookRoutes =
  (inbox: StripeInbox): FastifyPluginAsyncZod =>
  async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    );

    app.post(
      '/webhooks/stripe/:connection_id',
      {
        config: { auth: 'public' },
        schema: {
          tags: ['stripe'],
          summary: 'Receives Stripe events for a connection (signed with the endpoint secret)',
          params: z.strictObject({ connection_id: z.string().max(64) }),
          response: {
            200: z.object({ received: z.literal(true), duplicate: z.boolean(), ignored: z.boolean() }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const signature = request.headers['stripe-signature'];
        return inbox.receive(
          request.params.connection_id,
          body,
          typeof signature === 'string' ? signature : undefined,
          request.ip,
        );
      },
    );
  };
