import type { Database, Executor } from '../db/database.js';
import { campaignsRepository } from '../db/repositories/campaigns.js';
import { leadsRepository } from '../db/repositories/leads.js';
import { referrersRepository } from '../db/repositories/referrers.js';
import type { LeadSource, ReferrerRow } from '../db/tables.js';
import { refuseAttribution } from '../domain/campaign-rules.js';
import { normalizeEmail } from '../domain/people.js';
import { conflict, invalidParameter, notFound } from '../errors.js';
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

/** `tasks` is this process's task runner, woken when a new friend is to be sent to Stripe. */
export function leadsService(
  database: Database,
  now: () => Date = () => new Date(),
  tasks?: { wake(): void } | undefined,
) {
  const repo = leadsRepository(database.db);

  return {
    /**
     * A friend arrives through a referrer. The same friend twice is one lead; a friend already referred by
     * someone else, a self-referral or a sign-up past the limit is kept as a rejected lead with its reason.
     */
    async create(campaignId: string, input: NewLead, source: LeadSource): Promise<LeadOutcome> {
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
        });
        return { lead: toLead(row), created };
      });
      if (outcome.created) tasks?.wake();
      return outcome;
    },

    async retrieve(id: string): Promise<Lead> {
      const row = await repo.findById(id);
      if (!row) throw notFound('lead', id);
      return toLead(row, await repo.timeline(id));
    },

    async list(query: Parameters<typeof repo.list>[0]) {
      if (!(await campaignsRepository(database.db).findById(query.campaignId)))
        throw notFound('campaign', query.campaignId);
      const rows = await repo.list({
        ...query,
        email: query.email ? normalizeEmail(query.email) : undefined,
      });
      return { data: rows.slice(0, query.limit).map((r) => toLead(r)), hasMore: rows.length > query.limit };
    },
  };
}

export type LeadsService = ReturnType<typeof leadsService>;
