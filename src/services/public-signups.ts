import type { PublicLimits } from '../config.js';
import type { Database, Tx } from '../db/database.js';
import { campaignsRepository } from '../db/repositories/campaigns.js';
import type { LeadRow, LeadSource } from '../db/tables.js';
import { refuseAttribution } from '../domain/campaign-rules.js';
import { createRandomId } from '../domain/ids.js';
import type { LeadReceipt } from '../domain/lead.js';
import { conflict, notFound } from '../errors.js';
import type { StripeGateway } from '../stripe/gateway.js';
import { recordReferral } from './lead-writes.js';
import { type NewLead, priorCustomers, resolveReferrer } from './leads.js';
import type { Limit, SharedRateLimiter } from './rate-limits.js';
import type { NewReferrer } from './referrer-writes.js';
import type { ReferrersService } from './referrers.js';

/**
 * What a stranger gets for a sign-up: the same for a new email and a known one, so it tells nothing about
 * who else signed up. The id is a receipt (`rcpt_...`, random, not time-ordered) that the browser snippet
 * passes on to Stripe checkouts to find the lead again.
 */

const TEN_MINUTES = 10 * 60_000;
const HOUR = 60 * 60_000;

/** The lead's receipt, made the first time a stranger is given one. */
async function receiptOf(tx: Tx, lead: LeadRow): Promise<string> {
  if (lead.receipt_id) return lead.receipt_id;
  const made = await tx
    .updateTable('leads')
    .set({ receipt_id: createRandomId('rcpt') })
    .where('id', '=', lead.id)
    .where('receipt_id', 'is', null)
    .returning('receipt_id')
    .executeTakeFirst();
  if (made?.receipt_id) return made.receipt_id;
  const row = await tx.selectFrom('leads').select('receipt_id').where('id', '=', lead.id).executeTakeFirst();
  return row!.receipt_id!;
}

/**
 * Sign-ups from public surfaces (a browser with a publishable key, the hosted pages): throttled per client
 * and per referrer across every process, answered without revealing anything stored, and (under
 * verified-only counting) holding no place under the participant limit until Stripe vouches for them.
 */
export function publicSignupsService(deps: {
  database: Database;
  limiter: SharedRateLimiter;
  limits: PublicLimits;
  referrers: ReferrersService;
  /** Stripe, to note which customers had a friend's email as they sign up; absent in tests without it. */
  gateway?: StripeGateway | undefined;
  /** This process's task runner, woken when a new friend is to be sent to Stripe. */
  tasks?: { wake(): void } | undefined;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const perClient: Limit = {
    name: 'signup-client',
    max: deps.limits.signupsPerClient,
    windowMs: TEN_MINUTES,
    message: 'Too many sign-ups from your network in the last few minutes; try again later.',
  };
  const perReferrer: Limit = {
    name: 'signup-referrer',
    max: deps.limits.signupsPerReferrer,
    windowMs: HOUR,
    message: 'Too many sign-ups through this referral in the last hour; try again later.',
  };

  return {
    /**
     * Counts a sign-up attempt that will not reach `lead` or `join` (a bot's filled honeypot, answered as a
     * success), so bots are limited like everyone else.
     */
    async attempt(client: string): Promise<void> {
      await deps.limiter.hit(perClient, client);
    },

    /** A friend signs up through a referral, from a browser or the hosted invite page. */
    async lead(
      campaignId: string,
      input: NewLead,
      source: Extract<LeadSource, 'browser' | 'hosted_page'>,
      client: string,
    ): Promise<LeadReceipt> {
      await deps.limiter.hit(perClient, client);
      const named = await resolveReferrer(deps.database.db, campaignId, input);
      await deps.limiter.hit(perReferrer, named.id);
      const prior = await priorCustomers(deps.database, deps.gateway, campaignId, input.email);
      const outcome = await deps.database.db.transaction().execute(async (tx) => {
        const campaign = await campaignsRepository(tx).lock(campaignId);
        if (!campaign) throw notFound('campaign', campaignId);
        const refusal = refuseAttribution(campaign.status);
        if (refusal) throw conflict(refusal.code, refusal.message);
        const referrer = await resolveReferrer(tx, campaign.id, input);
        const { row, created } = await recordReferral(tx, {
          campaign,
          referrer,
          input,
          source,
          at: now(),
          sendToStripe: true,
          customersAtSignup: prior,
          publicSignup: true,
        });
        return { receipt: await receiptOf(tx, row), created };
      });
      if (outcome.created) deps.tasks?.wake();
      return { object: 'lead_receipt', id: outcome.receipt, status: 'received' };
    },

    /** Someone joins a campaign as a referrer on the hosted join page. */
    async join(campaignId: string, input: NewReferrer, client: string) {
      await deps.limiter.hit(perClient, client);
      return deps.referrers.join(campaignId, input, 'hosted_page');
    },
  };
}

export type PublicSignupsService = ReturnType<typeof publicSignupsService>;
