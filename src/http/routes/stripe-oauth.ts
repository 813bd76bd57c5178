import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VouchError } from '../../errors.js';
import type { StripeOAuth } from '../../services/stripe-oauth.js';
import { escapeHtml, htmlHeaders, page } from '../html/layout.js';
import { actorOf } from '../plugins/auth.js';
import { errorResponses, secretKeySecurity, timestamp } from '../schemas.js';

/** Connecting by Stripe Connect OAuth: a link to Stripe's approval page, and the page Stripe sends the owner back to. */
export const stripeOAuthRoutes =
  (oauth: StripeOAuth): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/stripe/oauth/authorize',
      {
        schema: {
          tags: ['stripe'],
          summary: 'Start connecting an account by Stripe Connect OAuth: open the returned URL as its owner',
          security: secretKeySecurity,
          body: z.strictObject({ name: z.string().trim().min(1).max(100).optional() }),
          response: {
            200: z.object({
              object: z.literal('stripe_oauth_link'),
              url: z.string().describe("Stripe's approval page, for the account owner to open"),
              redirect_uri: z.string().describe('Where Stripe sends the owner back; register it in Stripe'),
              expires_at: timestamp.describe('ISO 8601, UTC: the link works until then'),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => ({
        object: 'stripe_oauth_link' as const,
        redirect_uri: oauth.redirectUri,
        ...oauth.start(request.body.name, actorOf(request)),
      }),
    );

    app.get(
      '/stripe/oauth/callback',
      {
        config: { auth: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          hide: true,
          querystring: z.object({
            code: z.string().max(500).optional(),
            state: z.string().max(2000).optional(),
            error: z.string().max(200).optional(),
            error_description: z.string().max(1000).optional(),
            scope: z.string().max(200).optional(),
          }),
        },
      },
      async (request, reply) => {
        const q = request.query;
        const send = (status: number, title: string, body: string) =>
          reply
            .status(status)
            .headers(htmlHeaders())
            .type('text/html; charset=utf-8')
            .send(page(title, `<h1>${escapeHtml(title)}</h1>${body}`));
        if (q.error) {
          return send(
            400,
            'Stripe was not connected',
            `<p>Stripe answered: ${escapeHtml(q.error_description ?? q.error)}.</p>`,
          );
        }
        try {
          const connection = await oauth.finish({ code: q.code, state: q.state });
          return send(
            200,
            'Stripe connected',
            `<p>Stripe account <strong>${escapeHtml(connection.stripe_account_id)}</strong> (${connection.mode} mode) is connected as ` +
              `<code>${escapeHtml(connection.id)}</code>. You can close this page.</p>` +
              `<p><a href="/dashboard/settings/stripe/${encodeURIComponent(connection.id)}">` +
              'See it in the dashboard</a></p>',
          );
        } catch (error) {
          if (!(error instanceof VouchError)) throw error;
          return send(error.status, 'Stripe was not connected', `<p>${escapeHtml(error.message)}</p>`);
        }
      },
    );
  };
