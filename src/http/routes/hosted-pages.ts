import formbody from '@fastify/formbody';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isId } from '../../domain/ids.js';
import { SLUG_PATTERN } from '../../domain/referral-codes.js';
import { landingUrl } from '../../domain/referral-link.js';
import { VouchError } from '../../errors.js';
import type { CampaignOffersService } from '../../services/campaign-offers.js';
import type { Campaign, CampaignsService } from '../../services/campaigns.js';
import type { PortalService } from '../../services/portal.js';
import type { PublicSignupsService } from '../../services/public-signups.js';
import type { ReferralLink, ReferralLinks } from '../../services/referral-links.js';
import type { Referrer, ReferrersService } from '../../services/referrers.js';
import { EMPTY_PERSON, honeypotFilled, readPersonForm } from '../html/forms.js';
import {
  invitationFullPage,
  inviteFormPage,
  inviteThanksPage,
  signupsClosedPage,
} from '../html/invite-page.js';
import {
  joinedPage,
  joinFormPage,
  joinReceivedPage,
  programEndedPage,
  programFullPage,
} from '../html/join-page.js';
import { htmlHeaders, notFoundPage } from '../html/layout.js';
import { offerForFriend, offerForReferrer } from '../html/offer.js';
import { SHARE_SCRIPT } from '../html/share.js';
import { answerErrorsAsPages } from '../html-error-handler.js';

export type HostedPageDeps = {
  campaigns: CampaignsService;
  referrers: ReferrersService;
  signups: PublicSignupsService;
  links: ReferralLinks;
  offers: CampaignOffersService;
  portal: PortalService;
  publicUrl: string;
};

const campaignParams = z.object({ campaignId: z.string().refine((v) => isId('cmp', v)) });
const slugParams = z.object({ slug: z.string().regex(SLUG_PATTERN) });

const NO_PROGRAM = 'This page does not belong to any referral program.';
const NO_LINK = 'This referral link is not valid, or its program has ended.';

const HEADERS = htmlHeaders([SHARE_SCRIPT]);

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.status(status).headers(HEADERS).type('text/html; charset=utf-8').send(html);
}

const errorCode = (error: unknown) => (error instanceof VouchError ? error.code : undefined);

const isFull = (c: Campaign) => c.participant_limit !== null && c.participants_count >= c.participant_limit;

const joined = (
  campaign: Campaign,
  referrer: Referrer,
  existing: boolean,
  offer: string,
  portalUrl?: string,
) =>
  joinedPage({
    campaignName: campaign.name,
    firstName: referrer.first_name,
    link: referrer.referral_link,
    code: referrer.referral_code,
    existing,
    offer,
    portalUrl,
  });

/**
 * The hosted join page (people join a campaign as referrers) and friend landing page (where referral links
 * land when the campaign has no destination_url). Server-rendered HTML that works without JavaScript.
 * Form bodies are accepted only here: formbody is registered inside this encapsulated plugin.
 */
export const hostedPageRoutes =
  (deps: HostedPageDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(formbody);

    // Errors here (the rate limit, an unreadable body, a failure) answer as HTML pages, not the JSON shape.
    answerErrorsAsPages(app, sendPage);

    async function findCampaign(params: unknown): Promise<Campaign | undefined> {
      const parsed = campaignParams.safeParse(params);
      if (!parsed.success) return undefined;
      try {
        return await deps.campaigns.retrieve(parsed.data.campaignId);
      } catch (error) {
        if (errorCode(error) === 'resource_missing') return undefined;
        throw error;
      }
    }

    /** The link and its campaign, read fresh (the link cache may lag a status change by a few seconds). */
    async function findInvitation(
      params: unknown,
    ): Promise<{ link: ReferralLink; campaign: Campaign } | undefined> {
      const parsed = slugParams.safeParse(params);
      if (!parsed.success) return undefined;
      const link = await deps.links.resolve(parsed.data.slug);
      if (!link) return undefined;
      const campaign = await findCampaign({ campaignId: link.campaignId });
      if (!campaign || campaign.status === 'archived') return undefined;
      return { link, campaign };
    }

    const referrerOffer = async (campaign: Campaign) => offerForReferrer(await deps.offers.offerOf(campaign));

    async function invitationOf(link: ReferralLink, campaign: Campaign) {
      const offer = offerForFriend(await deps.offers.offerOf(campaign), link.referrerFirstName);
      return { referrerFirstName: link.referrerFirstName, campaignName: campaign.name, offer };
    }

    /** After a sign-up: on to the shop with the referral when the campaign has one, else what comes next. */
    async function signedUp(reply: FastifyReply, link: ReferralLink, campaign: Campaign) {
      if (campaign.destination_url)
        return reply
          .header('cache-control', 'no-store')
          .redirect(landingUrl(campaign.destination_url, deps.publicUrl, link.slug), 303);
      const offer = offerForFriend(await deps.offers.offerOf(campaign), link.referrerFirstName);
      return sendPage(reply, 200, inviteThanksPage(campaign.name, offer));
    }

    const pageRoute = { config: { auth: 'public' as const, rateLimit: {} }, schema: { hide: true } };
    // Sign-ups are limited per client and per referrer across processes (public-signups.ts); this per-process
    // limit only sheds load.
    const formRoute = { config: { auth: 'public' as const, rateLimit: {} }, schema: { hide: true } };

    app.get('/join/:campaignId', pageRoute, async (request, reply) => {
      const campaign = await findCampaign(request.params);
      if (!campaign) return sendPage(reply, 404, notFoundPage(NO_PROGRAM));
      if (campaign.status === 'archived') return sendPage(reply, 410, programEndedPage(campaign.name));
      if (isFull(campaign)) return sendPage(reply, 200, programFullPage(campaign.name));
      return sendPage(
        reply,
        200,
        joinFormPage(campaign.name, EMPTY_PERSON, {}, await referrerOffer(campaign)),
      );
    });

    app.post('/join/:campaignId', formRoute, async (request, reply) => {
      const campaign = await findCampaign(request.params);
      if (!campaign) return sendPage(reply, 404, notFoundPage(NO_PROGRAM));
      if (campaign.status === 'archived') return sendPage(reply, 410, programEndedPage(campaign.name));
      if (honeypotFilled(request.body)) {
        await deps.signups.attempt(request.ip);
        return sendPage(reply, 200, joinReceivedPage(campaign.name));
      }
      const form = readPersonForm(request.body);
      if (!form.ok) {
        const offer = await referrerOffer(campaign);
        return sendPage(reply, 400, joinFormPage(campaign.name, form.values, form.errors, offer));
      }
      try {
        const input = { ...form.person, generateCode: true };
        const referrer = await deps.signups.join(campaign.id, input, request.ip);
        // Only someone who has just joined is signed in to the portal: the page for an email that had joined
        // before shows their link again, and knowing an email must not open its rewards.
        const portal = await deps.portal.mintLink(referrer.id);
        const offer = await referrerOffer(campaign);
        return sendPage(reply, 200, joined(campaign, referrer, false, offer, portal.url));
      } catch (error) {
        switch (errorCode(error)) {
          case 'referrer_exists': {
            const existing = await deps.referrers.findByEmail(campaign.id, form.person.email);
            if (existing)
              return sendPage(reply, 200, joined(campaign, existing, true, await referrerOffer(campaign)));
            break;
          }
          case 'participant_limit_reached':
            return sendPage(reply, 409, programFullPage(campaign.name));
          case 'campaign_archived':
            return sendPage(reply, 410, programEndedPage(campaign.name));
          case 'resource_missing':
            return sendPage(reply, 404, notFoundPage(NO_PROGRAM));
        }
        throw error;
      }
    });

    app.get('/invite/:slug', pageRoute, async (request, reply) => {
      const found = await findInvitation(request.params);
      if (!found) return sendPage(reply, 404, notFoundPage(NO_LINK));
      const { link, campaign } = found;
      if (campaign.status !== 'live') return sendPage(reply, 200, signupsClosedPage(campaign.name));
      return sendPage(reply, 200, inviteFormPage(await invitationOf(link, campaign), EMPTY_PERSON));
    });

    app.post('/invite/:slug', formRoute, async (request, reply) => {
      const found = await findInvitation(request.params);
      if (!found) return sendPage(reply, 404, notFoundPage(NO_LINK));
      const { link, campaign } = found;
      if (honeypotFilled(request.body)) {
        await deps.signups.attempt(request.ip);
        return signedUp(reply, link, campaign);
      }
      const form = readPersonForm(request.body);
      if (!form.ok) {
        const invitation = await invitationOf(link, campaign);
        return sendPage(reply, 400, inviteFormPage(invitation, form.values, form.errors));
      }
      // A full program is the program's state, the same for everyone; past that the page answers the same
      // whoever signs up, so it tells nothing about who else did.
      if (campaign.status === 'live' && isFull(campaign))
        return sendPage(reply, 200, invitationFullPage(campaign.name));
      try {
        const input = { ...form.person, referral_slug: link.slug };
        await deps.signups.lead(campaign.id, input, 'hosted_page', request.ip);
        return signedUp(reply, link, campaign);
      } catch (error) {
        switch (errorCode(error)) {
          case 'campaign_paused':
          case 'campaign_draft':
            return sendPage(reply, 409, signupsClosedPage(campaign.name));
          case 'campaign_archived':
          case 'resource_missing':
            return sendPage(reply, 404, notFoundPage(NO_LINK));
        }
        throw error;
      }
    });
  };
