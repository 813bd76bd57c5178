import { newToken, tokenDigest } from '../crypto/tokens.js';
import type { Database, Executor } from '../db/database.js';
import { portalSessionsRepository } from '../db/repositories/portal-sessions.js';
import { promotionCodesRepository } from '../db/repositories/promotion-codes.js';
import { rewardsRepository } from '../db/repositories/rewards.js';
import type { Campaign } from '../domain/campaign.js';
import { createId } from '../domain/ids.js';
import type { Offer } from '../domain/offer.js';
import { normalizeEmail } from '../domain/people.js';
import type { PortalSession } from '../domain/portal-session.js';
import type { Referrer } from '../domain/referrer.js';
import type { Reward } from '../domain/reward.js';
import { invalidParameter, VouchError } from '../errors.js';
import type { CampaignOffersService } from './campaign-offers.js';
import type { CampaignsService } from './campaigns.js';
import { enqueueEmail } from './email-outbox.js';
import type { Limit, SharedRateLimiter } from './rate-limits.js';
import type { ReferrersService } from './referrers.js';
import { presentReward } from './reward-grants.js';

/** How long a sign-in link opens the portal: an hour unless the caller asks for between 1 minute and 3 hours. */
export const PORTAL_LINK_SECONDS = { default: 3600, min: 60, max: 3 * 3600 } as const;
/** How long a sign-in link mailed to a referrer who asked for it on the portal page opens the portal. */
export const MAILED_LINK_SECONDS = 15 * 60;
/** How long the portal stays open in the browser that opened a link. */
export const PORTAL_BROWSER_DAYS = 7;

export type PortalLink = PortalSession;

/** What the portal shows a referrer. */
export type PortalView = {
  campaign: Campaign;
  referrer: Referrer;
  offer: Offer;
  /** The referrer's own promotion code in Stripe, once it is made. */
  promotionCode: string | null;
  /** Rewards given to the referrer, newest first. */
  rewards: Reward[];
};

export type Opened =
  | { opened: true; campaignId: string; referrerId: string; browserToken: string }
  | { opened: false; reason: 'unknown' | 'used' | 'expired'; campaignId?: string };

/** Sign-in mails asked for on the portal page, per client: a shared limit, counted in Postgres. */
const SIGN_IN_PER_CLIENT: Limit = {
  name: 'portal-sign-in-client',
  max: 10,
  windowMs: 10 * 60_000,
  message: 'Too many sign-in links asked for from your network in the last few minutes; try again later.',
};
/** Sign-in mails per address and campaign; past it, asking again sends nothing (and says the same). */
const SIGN_IN_PER_ADDRESS: Limit = {
  name: 'portal-sign-in-address',
  max: 3,
  windowMs: 10 * 60_000,
  message: 'Too many sign-in links for this address.',
};

export type PortalDeps = {
  database: Database;
  limiter: SharedRateLimiter;
  campaigns: CampaignsService;
  referrers: ReferrersService;
  offers: CampaignOffersService;
  publicUrl: string;
  now?: () => Date;
};

/**
 * The referrer's portal: one-time sign-in links (for the business's widget, or made when someone joins),
 * the browser sessions they start, and what the portal shows.
 */
export function portalService(deps: PortalDeps) {
  const { db } = deps.database;
  const now = deps.now ?? (() => new Date());
  const repo = portalSessionsRepository(db);

  /** Stores a new sign-in link of this referrer (with the caller's executor) and answers it with its URL. */
  async function insertLink(db: Executor, referrer: Referrer, seconds: number): Promise<PortalLink> {
    const token = newToken();
    const at = now();
    const row = await portalSessionsRepository(db).insert({
      id: createId('prs', at.getTime()),
      kind: 'link',
      campaign_id: referrer.campaign_id,
      referrer_id: referrer.id,
      token_hash: tokenDigest(token),
      created_at: at,
      expires_at: new Date(at.getTime() + seconds * 1000),
    });
    return {
      id: row.id,
      object: 'portal_session',
      campaign_id: row.campaign_id,
      referrer_id: row.referrer_id,
      url: `${deps.publicUrl}/portal/open/${token}`,
      expires_at: row.expires_at.toISOString(),
      created_at: row.created_at.toISOString(),
    };
  }

  async function mintLink(
    referrerId: string,
    seconds: number = PORTAL_LINK_SECONDS.default,
  ): Promise<PortalLink> {
    if (!Number.isInteger(seconds) || seconds < PORTAL_LINK_SECONDS.min || seconds > PORTAL_LINK_SECONDS.max)
      throw invalidParameter(
        'expires_in',
        `expires_in must be a whole number of seconds from ${PORTAL_LINK_SECONDS.min} to ${PORTAL_LINK_SECONDS.max}.`,
      );
    const referrer = await deps.referrers.retrieve(referrerId);
    if (referrer.removed_at)
      throw new VouchError(409, 'invalid_request_error', 'referrer_removed', 'This referrer was removed.');
    return insertLink(db, referrer, seconds);
  }

  return {
    mintLink,

    /**
     * A sign-in link for the campaign's referrer with this email; with a first name, someone who has not
     * joined joins first (as through the API, with a generated code), where the campaign takes referrers.
     */
    async mintLinkByEmail(
      campaignId: string,
      person: { email: string; first_name?: string | undefined; last_name?: string | null | undefined },
      seconds?: number,
    ): Promise<PortalLink> {
      await deps.campaigns.retrieve(campaignId);
      let referrer = await deps.referrers.findByEmail(campaignId, person.email);
      if (!referrer) {
        if (!person.first_name)
          throw invalidParameter(
            'first_name',
            'No referrer of this campaign has this email; send first_name to add them.',
          );
        referrer = await deps.referrers.join(
          campaignId,
          {
            email: person.email,
            first_name: person.first_name,
            last_name: person.last_name,
            generateCode: true,
          },
          'api',
        );
      }
      return mintLink(referrer.id, seconds);
    },

    /**
     * Someone asked for a sign-in link on the portal page: when the address is a referrer's in this
     * campaign (not removed, the campaign not archived), a short-lived link goes to it by mail, stored with
     * its mail in one transaction. Answers nothing either way, so the page says the same whoever asks.
     * Limited per client (429) and, silently, per address, so the form cannot flood a mailbox.
     */
    async mailSignInLink(campaignId: string, email: string, client: string): Promise<void> {
      await deps.limiter.hit(SIGN_IN_PER_CLIENT, client);
      try {
        await deps.limiter.hit(SIGN_IN_PER_ADDRESS, `${campaignId}:${normalizeEmail(email)}`);
      } catch (error) {
        if (error instanceof VouchError && error.status === 429) return;
        throw error;
      }
      const referrer = await deps.referrers.findByEmail(campaignId, email);
      if (!referrer || referrer.removed_at) return;
      const campaign = await deps.campaigns.retrieve(campaignId);
      if (campaign.status === 'archived') return;
      await deps.database.db.transaction().execute(async (tx) => {
        const link = await insertLink(tx, referrer, MAILED_LINK_SECONDS);
        await enqueueEmail(tx, {
          campaignId,
          referrerId: referrer.id,
          to: referrer.email,
          kind: 'sign_in',
          variables: { sign_in_link: link.url },
          dedupeKey: `portal-sign-in:${link.id}`,
        });
      });
    },

    /** Counts an ask that will send nothing (a bot's), so bots are limited like everyone else. */
    async countSignInAttempt(client: string): Promise<void> {
      await deps.limiter.hit(SIGN_IN_PER_CLIENT, client);
    },

    /** Opens a sign-in link, once: a browser session for its referrer, or why it does not open. */
    async open(token: string): Promise<Opened> {
      const at = now();
      const digest = tokenDigest(token);
      const link = await repo.takeLink(digest, at);
      if (!link) {
        const found = await repo.findLink(digest);
        if (!found) return { opened: false, reason: 'unknown' };
        return { opened: false, reason: found.used_at ? 'used' : 'expired', campaignId: found.campaign_id };
      }
      const browserToken = newToken();
      await repo.insert({
        id: createId('prs', at.getTime()),
        kind: 'browser',
        campaign_id: link.campaign_id,
        referrer_id: link.referrer_id,
        token_hash: tokenDigest(browserToken),
        created_at: at,
        expires_at: new Date(at.getTime() + PORTAL_BROWSER_DAYS * 86_400_000),
      });
      return { opened: true, campaignId: link.campaign_id, referrerId: link.referrer_id, browserToken };
    },

    /** The campaign of a portal (for who may frame its pages); undefined when there is none. */
    async campaign(id: string): Promise<Campaign | undefined> {
      return deps.campaigns.retrieve(id).catch((error: unknown) => {
        if (error instanceof VouchError && error.status === 404) return undefined;
        throw error;
      });
    },

    /** The referrer a browser session of this campaign belongs to, while it lasts. */
    async resume(browserToken: string, campaignId: string): Promise<string | undefined> {
      const row = await repo.findBrowser(tokenDigest(browserToken), now());
      return row && row.campaign_id === campaignId ? row.referrer_id : undefined;
    },

    async view(referrerId: string): Promise<PortalView | undefined> {
      const referrer = await deps.referrers.retrieve(referrerId);
      if (referrer.removed_at) return undefined;
      const campaign = await deps.campaigns.retrieve(referrer.campaign_id);
      const [offer, code, rewards] = await Promise.all([
        deps.offers.offerOf(campaign),
        promotionCodesRepository(db).currentFor(campaign.id, referrer.id),
        rewardsRepository(db).list({ limit: 50, referrerId: referrer.id }),
      ]);
      return {
        campaign,
        referrer,
        offer,
        promotionCode: code?.status === 'active' ? code.code : null,
        rewards: rewards.filter((r) => r.recipient === 'referrer').map(presentReward),
      };
    },
  };
}

export type PortalService = ReturnType<typeof portalService>;
