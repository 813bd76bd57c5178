import formbody from '@fastify/formbody';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Campaign } from '../../domain/campaign.js';
import { isId } from '../../domain/ids.js';
import { PORTAL_BROWSER_DAYS, type PortalService } from '../../services/portal.js';
import { honeypotFilled, readEmailForm } from '../html/forms.js';
import { contentSecurityPolicy, notFoundPage } from '../html/layout.js';
import {
  PORTAL_SCRIPT,
  portalClosedPage,
  portalPage,
  portalSignInPage,
  signInSentPage,
} from '../html/portal-page.js';
import { brandStyle } from '../html/theme.js';
import { answerErrorsAsPages } from '../html-error-handler.js';
import { readTokenCookie, setTokenCookie } from '../session-cookie.js';

export type PortalPageDeps = { portal: PortalService; publicUrl: string };

const COOKIE = 'vouch_portal';
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });
const campaignParams = z.object({ campaignId: z.string().refine((v) => isId('cmp', v)) });

/**
 * Headers of portal pages: as the hosted pages', but the campaign's allowed origins may frame them (the
 * widget), and nothing else may.
 */
function portalHeaders(campaign: Campaign | undefined): Record<string, string> {
  const ancestors = campaign?.allowed_origins.length ? campaign.allowed_origins.join(' ') : "'none'";
  const csp = contentSecurityPolicy([PORTAL_SCRIPT], brandStyle(campaign?.branding)).replace(
    "frame-ancestors 'none'",
    `frame-ancestors ${ancestors}`,
  );
  return {
    'cache-control': 'no-store',
    'content-security-policy': csp,
    ...(campaign?.allowed_origins.length ? {} : { 'x-frame-options': 'DENY' }),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

/**
 * The referrer's portal, server-rendered like the hosted pages. `/portal/open/{token}` opens a sign-in
 * link once and shows the portal at once (so it works inside the widget's frame, where the browser may keep
 * no cookie), and starts a browser session for `/portal/{campaign_id}`. Without that session,
 * `/portal/{campaign_id}` asks for an email address and mails a sign-in link to it when it is a referrer's.
 * Form bodies are accepted only here and on the hosted pages: formbody is registered inside this plugin.
 */
export const portalRoutes =
  (deps: PortalPageDeps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(formbody);
    const route = { config: { auth: 'public' as const, rateLimit: {} }, schema: { hide: true } };

    async function show(reply: FastifyReply, referrerId: string) {
      const view = await deps.portal.view(referrerId);
      if (!view) return send(reply, 404, undefined, portalClosedPage('unknown'));
      return send(reply, 200, view.campaign, await portalPage(view));
    }

    function send(reply: FastifyReply, status: number, campaign: Campaign | undefined, html: string) {
      return reply
        .status(status)
        .headers(portalHeaders(campaign))
        .type('text/html; charset=utf-8')
        .send(html);
    }

    answerErrorsAsPages(app, (reply, status, html) => send(reply, status, undefined, html));

    app.get('/portal/open/:token', route, async (request, reply) => {
      const parsed = tokenParams.safeParse(request.params);
      if (!parsed.success) return send(reply, 404, undefined, portalClosedPage('unknown'));
      const opened = await deps.portal.open(parsed.data.token);
      if (!opened.opened) {
        // Said inside the widget's frame too: the campaign's allowed origins may frame this page as well.
        const campaign = opened.campaignId ? await deps.portal.campaign(opened.campaignId) : undefined;
        const again = campaign ? `${deps.publicUrl}/portal/${campaign.id}` : undefined;
        return send(reply, 410, campaign, portalClosedPage(opened.reason, again, campaign?.branding));
      }
      setTokenCookie(reply, {
        name: COOKIE,
        token: opened.browserToken,
        path: `/portal/${opened.campaignId}`,
        maxAgeSeconds: PORTAL_BROWSER_DAYS * 86_400,
      });
      return show(reply, opened.referrerId);
    });

    /** The campaign of a portal page, when it exists and is not archived. */
    async function portalCampaign(params: unknown): Promise<Campaign | undefined> {
      const parsed = campaignParams.safeParse(params);
      if (!parsed.success) return undefined;
      const campaign = await deps.portal.campaign(parsed.data.campaignId);
      return campaign && campaign.status !== 'archived' ? campaign : undefined;
    }

    const NO_PORTAL = 'This portal does not exist.';

    app.get('/portal/:campaignId', route, async (request, reply) => {
      const parsed = campaignParams.safeParse(request.params);
      if (!parsed.success) return send(reply, 404, undefined, notFoundPage(NO_PORTAL));
      const token = readTokenCookie(request.headers.cookie, COOKIE);
      const referrerId = token ? await deps.portal.resume(token, parsed.data.campaignId) : undefined;
      if (referrerId) return show(reply, referrerId);
      const campaign = await portalCampaign(request.params);
      if (!campaign) return send(reply, 404, undefined, notFoundPage(NO_PORTAL));
      return send(reply, 200, campaign, portalSignInPage(campaign));
    });

    // Asking for a sign-in link changes nothing for the browser that asks: the link goes to the address's
    // mailbox, so a post forged by another site gains it nothing (like the join and invite forms).
    app.post('/portal/:campaignId', route, async (request, reply) => {
      const campaign = await portalCampaign(request.params);
      if (!campaign) return send(reply, 404, undefined, notFoundPage(NO_PORTAL));
      const form = readEmailForm(request.body);
      if (!form.ok) return send(reply, 400, campaign, portalSignInPage(campaign, form.value, form.errors));
      // A bot's filled honeypot is counted against its client and answered like anyone else, sending nothing.
      if (!honeypotFilled(request.body))
        await deps.portal.mailSignInLink(campaign.id, form.email, request.ip);
      else await deps.portal.countSignInAttempt(request.ip);
      return send(reply, 200, campaign, signInSentPage(campaign, form.email));
    });
  };
