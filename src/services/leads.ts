import type { Database, Executor } from '../db/database.js';
import { campaignsRepository } from '../db/repositories/campaigns.js';
import { customerLinksRepository } from '../db/repositories/customer-links.js';
import { type LeadListQuery, leadsRepository } from '../db/repositories/leads.js';
import { paymentFactsRepository } from '../db/repositories/payment-facts.js';
import { referrersRepository } from '../db/repositories/referrers.js';
import { stripeEventsRepository } from '../db/repositories/stripe-events.js';
import type { LeadSource, ReferrerRow } from '../db/tables.js';
import { refuseAttribution } from '../domain/campaign-rules.js';
import type { LeadDetail } from '../domain/lead.js';
import { normalizeEmail } from '../domain/people.js';
import { conflict, invalidParameter, notFound, VouchError } from '../errors.js';
import { customerExists } from '../stripe/customers.js';
import type { StripeGateway } from '../stripe/gateway.js';
import { campaignConnection } from './campaign-connection.js';
import { linkCustomerToLead } from './customer-linking.js';
import { customersAtSignup } from './customers-at-signup.js';
import { keysetPages } from './keyset-pages.js';
import { leadProgress } from './lead-progress.js';
import { type Lead, toLead } from './lead-view.js';
import { recordReferral } from './lead-writes.js';

export { type Lead, type LeadEvent, toLead, toLeadEvent } from './lead-view.js';

/** How the caller names the person referring: exactly one of these. */
export type ReferrerRef = {
  referrer?: string | undefined;
  referral_code?: string | undefined;
  referral_slug?: string | undefined;
};

export type NewLead = ReferrerRef & {
  email: string;
  first_name?: string | undefined;
  last_name?: string | undefined;
  metadata?: Record<string, string> | undefined;
};

/** Finds the referrer a sign-up names, inside the campaign; a code or slug of another campaign is unknown here. */
export async function resolveReferrer(
  tx: Executor,
  campaignId: string,
  ref: ReferrerRef,
): Promise<ReferrerRow> {
  const repo = referrersRepository(tx);
  const given = [ref.referrer, ref.referral_code, ref.referral_slug].filter((v) => v !== undefined).length;
  if (given !== 1) {
    throw invalidParameter(
      'referrer',
      'Name the person referring with exactly one of referrer, referral_code or referral_slug.',
    );
  }
  if (ref.referrer) {
    const row = await repo.findById(ref.referrer);
    if (!row || row.campaign_id !== campaignId || row.removed_at)
      throw notFound('referrer in this campaign', ref.referrer, 'referrer');
    return row;
  }
  if (ref.referral_code) {
    const row = await repo.findByCode(campaignId, ref.referral_code);
    if (!row || row.removed_at)
      throw notFound('referral code in this campaign', ref.referral_code, 'referral_code');
    return row;
  }
  const row = await repo.findBySlug(ref.referral_slug!);
  if (!row || row.campaign_id !== campaignId || row.removed_at)
    throw notFound('referral link in this campaign', ref.referral_slug!, 'referral_slug');
  return row;
}

export type LeadOutcome = { lead: Lead; created: boolean };

/**
 * For a friend who is not a lead yet in a campaign with a Stripe connection: the Stripe customers that have
 * the email now (see customers-at-signup.ts).
 */
export async function priorCustomers(
  database: Database,
  gateway: StripeGateway | undefined,
  campaignId: string,
  email: string,
): Promise<string[] | undefined> {
  if (!gateway) return undefined;
  const campaign = await campaignsRepository(database.db).findById(campaignId);
  if (!campaign?.connection_id) return undefined;
  if (await leadsRepository(database.db).findActiveByEmail(campaignId, normalizeEmail(email)))
    return undefined;
  return customersAtSignup(database.db, gateway, campaign, email);
}

/** `tasks` is this process's task runner, woken when a new friend is to be sent to Stripe. */
export function leadsService(
  database: Database,
  now: () => Date = () => new Date(),
  tasks?: { wake(): void } | undefined,
  gateway?: StripeGateway | undefined,
) {
  const repo = leadsRepository(database.db);

  return {
    /**
     * A friend arrives through a referrer. The same friend twice is one lead; a friend already referred by
     * someone else, a self-referral or a sign-up past the limit is kept as a rejected lead with its reason.
     */
    async create(campaignId: string, input: NewLead, source: LeadSource): Promise<LeadOutcome> {
      const prior = await priorCustomers(database, gateway, campaignId, input.email);
      const outcome: LeadOutcome = await database.db.transaction().execute(async (tx) => {
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
        });
        return { lead: toLead(row), created };
      });
      if (outcome.created) tasks?.wake();
      return outcome;
    },

    /** The Stripe events about the lead's customers that failed every attempt (dead letters), newest first. */
    async failedEvents(id: string, limit: number) {
      const row = await repo.findById(id);
      if (!row) throw notFound('lead', id);
      const customers = await customerLinksRepository(database.db).customersOfLead(id);
      return stripeEventsRepository(database.db).deadConcerning(customers, limit);
    },

    /** One lead with its timeline, where it stands (progress) and the Stripe customers linked to it. */
    async retrieve(id: string): Promise<LeadDetail> {
      const row = await repo.findById(id);
      if (!row) throw notFound('lead', id);
      return { ...toLead(row, await repo.timeline(id)), ...(await leadProgress(database.db, row, now())) };
    },

    /**
     * Links a Stripe customer to a lead by hand (a friend who paid under another email) and re-runs the
     * verdict, which then counts that customer's payments. The customer must exist in the campaign's account.
     */
    async linkCustomer(id: string, customerId: string) {
      const lead = await repo.findById(id);
      if (!lead) throw notFound('lead', id);
      if (!gateway)
        throw new VouchError(503, 'api_error', 'stripe_unavailable', 'This server has no Stripe gateway.');
      const { connection } = await campaignConnection(database.db, lead.campaign_id);
      if (!(await customerExists(gateway.forConnection(connection), customerId)))
        throw invalidParameter(
          'customer_id',
          `No customer ${customerId} in the Stripe account ${connection.stripe_account_id} (${connection.mode} mode).`,
        );
      const at = now();
      await database.db.transaction().execute(async (tx) => {
        await paymentFactsRepository(tx).lockCustomer(connection.id, customerId);
        await linkCustomerToLead(
          tx,
          { connectionId: connection.id, customerId, leadId: id, how: 'manual' },
          { type: 'customer.linked_by_hand', stripeObject: customerId },
          at,
        );
      });
      return this.retrieve(id);
    },

    /** A page of the campaign's leads; with `totalCount`, how many the filters take in all. */
    async list(query: LeadListQuery & { totalCount?: boolean | undefined }) {
      if (!(await campaignsRepository(database.db).findById(query.campaignId)))
        throw notFound('campaign', query.campaignId);
      const { totalCount, ...filters } = query;
      const normalized = { ...filters, email: query.email ? normalizeEmail(query.email) : undefined };
      const rows = await repo.list(normalized);
      return {
        data: rows.slice(0, query.limit).map((r) => toLead(r)),
        hasMore: rows.length > query.limit,
        ...(totalCount ? { totalCount: await repo.count(normalized) } : {}),
      };
    },

    /**
     * Every lead the filters take, in the list's order, a page of `pageSize` at a time (see keysetPages).
     */
    async pages(
      query: Omit<LeadListQuery, 'limit' | 'startingAfter'>,
      pageSize = 1000,
    ): Promise<AsyncIterable<Lead[]>> {
      if (!(await campaignsRepository(database.db).findById(query.campaignId)))
        throw notFound('campaign', query.campaignId);
      const normalized = { ...query, email: query.email ? normalizeEmail(query.email) : undefined };
      return keysetPages(
        (page) => repo.list({ ...normalized, ...page }),
        (r) => toLead(r),
        pageSize,
      );
    },
  };
}

export type LeadsService = ReturnType<typeof leadsService>;
