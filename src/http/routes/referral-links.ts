import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SLUG_PATTERN } from '../../domain/referral-codes.js';
import { landingUrl } from '../../domain/referral-link.js';
import { type ReferralLinkInfo, referralLinkInfoSchema } from '../../domain/referrer.js';
import { notFound } from '../../errors.js';
import type { ClickCounter } from '../../services/click-counter.js';
import type { ReferralLink, ReferralLinks } from '../../services/referral-links.js';
import { applyCampaignCors, corsOnErrors } from '../campaign-cors.js';
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
const NO_RATE_LIMIT_HEADERS = {
  'x-ratelimit-limit': false,
  'x-ratelimit-remaining': false,
  'x-ratelimit-reset': false,
};

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

    app.get(
      '/r/:slug',
      {
        config: {
          auth: 'public',
          rateLimit: {
            max: deps.redirectRateLimit,
            timeWindow: '1 minute',
            // A browser following a link never reads them; a 429 still carries them.
            addHeadersOnExceeding: NO_RATE_LIMIT_HEADERS,
          },
        },
        schema: {
          tags: ['referral links'],
          summary: 'Follow a referral link: 302 to the landing page with vouch_ref, counting the click',
          params: slugParams,
        },
      },
      async (request, reply) => {
        const { slug } = request.params;
        const link = SLUG_PATTERN.test(slug) ? await deps.links.resolve(slug) : null;
        if (!link || link.campaignStatus === 'archived') {
          return reply
            .status(404)
            .headers(htmlHeaders())
            .type('text/html; charset=utf-8')
            .send(notFoundPage(NOT_FOUND));
        }
        // A paused campaign still sends people on, but records nothing.
        if (link.campaignStatus !== 'paused') deps.clicks.record(link.referrerId, link.campaignId);
        return reply.header('cache-control', 'no-store').redirect(landingOf(link), 302);
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
