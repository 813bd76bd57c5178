import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SLUG_PATTERN } from '../../domain/referral-codes.js';
import { landingUrl } from '../../domain/referral-link.js';
import { type ReferralLinkInfo, referralLinkInfoSchema } from '../../domain/referrer.js';
import { notFound, rateLimited, TOO_MANY_REQUESTS } from '../../errors.js';
import type { ClickCounter } from '../../services/click-counter.js';
import type { ReferralLink, ReferralLinks } from '../../services/referral-links.js';
import { applyCampaignCors, corsOnErrors } from '../campaign-cors.js';
import { ClientWindows, clientKey } from '../client-windows.js';
import { htmlHeaders, notFoundPage } from '../html/layout.js';
import { errorResponses } from '../schemas.js';

export type ReferralLinkDeps = {
  links: ReferralLinks;
  clicks: ClickCounter;
  publicUrl: string;
  /** Redirects per minute per client IP. */
  redirectRateLimit: number;
};

const slugParams = z.strictObject({ slug: z.string().max(64) });
const NOT_FOUND = 'This referral link is not valid, or its program has ended.';

export const referralLinkRoutes =
  (deps: ReferralLinkDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // A resolved link is one object for as long as it is cached: its landing URL is worked out once.
    const landings = new WeakMap<ReferralLink, string>();
    const landingOf = (link: ReferralLink) => {
      let url = landings.get(link);
      if (url === undefined) {
        url = landingUrl(link.destinationUrl, deps.publicUrl, link.slug);
        landings.set(link, url);
      }
      return url;
    };

    // Counted without a promise: this runs for every click (see ClientWindows).
    const windows = new ClientWindows(deps.redirectRateLimit, 60_000);
    const limit = String(deps.redirectRateLimit);
    const tooMany = (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
      const waitSeconds = windows.take(clientKey(request));
      if (waitSeconds === null) return done();
      reply
        .header('x-ratelimit-limit', limit)
        .header('x-ratelimit-remaining', '0')
        .header('x-ratelimit-reset', String(waitSeconds));
      done(rateLimited(TOO_MANY_REQUESTS, waitSeconds));
    };
    const answer = (link: ReferralLink | null, reply: FastifyReply): void => {
      if (!link || link.campaignStatus === 'archived') {
        reply
          .status(404)
          .headers(htmlHeaders())
          .type('text/html; charset=utf-8')
          .send(notFoundPage(NOT_FOUND));
        return;
      }
      // A paused campaign still sends people on, but records nothing.
      if (link.campaignStatus !== 'paused') deps.clicks.record(link.referrerId, link.campaignId);
      reply.header('cache-control', 'no-store').redirect(landingOf(link), 302);
    };

    app.get(
      '/r/:slug',
      {
        // The slug is checked against its pattern below and nothing from the request is stored.
        config: { auth: 'public', inputChecks: false, ownRateLimit: true },
        onRequest: tooMany,
        schema: {
          tags: ['referral links'],
          summary: 'Follow a referral link: 302 to the landing page with vouch_ref, counting the click',
          params: slugParams,
        },
      },
      // Not async: a link answered from the cache (nearly every click) makes no promise.
      (request, reply) => {
        const { slug } = request.params;
        const link = SLUG_PATTERN.test(slug) ? deps.links.cached(slug) : null;
        if (link !== undefined) return answer(link, reply);
        return deps.links.resolve(slug).then((found) => {
          answer(found, reply);
          return reply;
        });
      },
    );

    app.get(
      '/v1/referrals/:slug',
      {
        config: { auth: 'public', rateLimit: {} },
        onSend: corsOnErrors(async (request) => {
          const { slug } = request.params as { slug?: string };
          const link = slug && SLUG_PATTERN.test(slug) ? await deps.links.resolve(slug) : null;
          return link?.allowedOrigins ?? null;
        }),
        schema: {
          tags: ['referral links'],
          summary: 'What a referral link belongs to (for the browser snippet and landing pages)',
          params: slugParams,
          response: {
            200: referralLinkInfoSchema,
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const { slug } = request.params;
        const link = SLUG_PATTERN.test(slug) ? await deps.links.resolve(slug) : null;
        if (!link) throw notFound('referral link', slug, 'slug');
        applyCampaignCors(request, reply, link.allowedOrigins);
        const info: ReferralLinkInfo = {
          object: 'referral_link',
          slug: link.slug,
          campaign_id: link.campaignId,
          campaign_status: link.campaignStatus,
          cookie_days: link.cookieDays,
          referrer_first_name: link.referrerFirstName,
        };
        return info;
      },
    );
  };
