import type { Database } from '../db/database.js';
import { campaignsRepository } from '../db/repositories/campaigns.js';
import { customerLinksRepository } from '../db/repositories/customer-links.js';
import { promotionCodesRepository } from '../db/repositories/promotion-codes.js';
import {
  type ReferrerListQuery,
  type ReferrerWithCounts,
  referrersRepository,
} from '../db/repositories/referrers.js';
import type { ReferrerSource } from '../db/tables.js';
import { refuseJoin } from '../domain/campaign-rules.js';
import { normalizeEmail } from '../domain/people.js';
import type { Referrer, ReferrerDetail } from '../domain/referrer.js';
import { conflict, notFound } from '../errors.js';
import { keysetPages } from './keyset-pages.js';
import { followCodeChange } from './promotion-codes.js';
import { toReferrer } from './referrer-view.js';
import {
  assignGeneratedCode,
  insertReferrer,
  type NewReferrer,
  sendReferrerToStripe,
} from './referrer-writes.js';

export type { Referrer } from '../domain/referrer.js';

/** Stripe's rule: given keys replace, an empty string removes a key, others stay. */
export function mergeMetadata(
  current: Record<string, unknown>,
  changes: Record<string, string>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === '') delete merged[key];
  return merged;
}

export const participantLimitReached = (limit: number) =>
  conflict(
    'participant_limit_reached',
    `This campaign has reached its participant limit (${limit}); raise participant_limit to let more people join.`,
  );

export function referrersService(
  database: Database,
  publicUrl: string,
  now: () => Date = () => new Date(),
  /** This process's task runner, woken when a referrer is to be sent to Stripe. */
  tasks?: { wake(): void },
) {
  const repo = referrersRepository(database.db);
  const present = (row: ReferrerWithCounts) => toReferrer(row, publicUrl);

  async function retrieve(id: string): Promise<Referrer> {
    const row = await repo.findById(id);
    if (!row) throw notFound('referrer', id);
    return present(row);
  }

  return {
    retrieve,

    /** A person joins a campaign as a referrer and gets a link (and a code when asked or by default). */
    async join(campaignId: string, input: NewReferrer, source: ReferrerSource): Promise<Referrer> {
      const id = await database.db.transaction().execute(async (tx) => {
        const campaign = await campaignsRepository(tx).lock(campaignId);
        if (!campaign) throw notFound('campaign', campaignId);
        const refusal = refuseJoin(campaign.status);
        if (refusal) throw conflict(refusal.code, refusal.message);
        if (campaign.participant_limit !== null && campaign.participant_count >= campaign.participant_limit) {
          throw participantLimitReached(campaign.participant_limit);
        }
        // Verified-only counting: someone joining on the hosted page holds no place until a friend of theirs
        // pays (lead-places.ts); a full campaign still takes no one.
        const deferPlace = source === 'hosted_page' && campaign.participant_limit_counts === 'verified';
        const outcome = await insertReferrer(tx, campaign, input, source, now(), !deferPlace);
        if ('conflict' in outcome) {
          throw outcome.conflict === 'email'
            ? conflict(
                'referrer_exists',
                `${input.email.trim()} is already a referrer in this campaign.`,
                'email',
              )
            : conflict(
                'referral_code_taken',
                `The referral code ${input.referral_code} is taken in this campaign.`,
                'referral_code',
              );
        }
        if (!deferPlace) await campaignsRepository(tx).takePlaces(campaign.id, 1);
        const queued = await sendReferrerToStripe(tx, campaign, outcome.referrer.id, now());
        return { id: outcome.referrer.id, queued };
      });
      if (id.queued) tasks?.wake();
      return retrieve(id.id);
    },

    async findByEmail(campaignId: string, email: string): Promise<Referrer | undefined> {
      const row = await repo.findByEmail(campaignId, normalizeEmail(email));
      return row ? retrieve(row.id) : undefined;
    },

    async findBySlug(slug: string): Promise<Referrer | undefined> {
      const row = await repo.findBySlug(slug);
      return row && !row.removed_at ? retrieve(row.id) : undefined;
    },

    /** A referrer with the Stripe customers that are them. */
    async detail(id: string): Promise<ReferrerDetail> {
      const referrer = await retrieve(id);
      const links = await customerLinksRepository(database.db).customersOfReferrer(id);
      return {
        ...referrer,
        customers: links.map((l) => ({
          id: l.customer_id,
          connection_id: l.connection_id,
          how: l.how,
          linked_at: l.created_at.toISOString(),
        })),
      };
    },

    /** A page of the campaign's referrers; with `totalCount`, how many the filters take in all. */
    async list(query: ReferrerListQuery & { totalCount?: boolean | undefined }) {
      if (!(await campaignsRepository(database.db).findById(query.campaignId)))
        throw notFound('campaign', query.campaignId);
      const { totalCount, ...filters } = query;
      const normalized = { ...filters, email: query.email ? normalizeEmail(query.email) : undefined };
      const rows = await repo.list(normalized);
      return {
        data: rows.slice(0, query.limit).map(present),
        hasMore: rows.length > query.limit,
        ...(totalCount ? { totalCount: await repo.count(normalized) } : {}),
      };
    },

    /**
     * Every referrer the filters take, in the list's order, a page of `pageSize` at a time (see keysetPages).
     */
    async pages(
      query: Omit<ReferrerListQuery, 'limit' | 'startingAfter'>,
      pageSize = 1000,
    ): Promise<AsyncIterable<Referrer[]>> {
      if (!(await campaignsRepository(database.db).findById(query.campaignId)))
        throw notFound('campaign', query.campaignId);
      const normalized = { ...query, email: query.email ? normalizeEmail(query.email) : undefined };
      return keysetPages((page) => repo.list({ ...normalized, ...page }), present, pageSize);
    },

    async update(
      id: string,
      changes: {
        first_name?: string;
        last_name?: string | null;
        metadata?: Record<string, string>;
        referral_code?: string;
      },
    ): Promise<Referrer> {
      const current = await repo.findById(id);
      if (!current) throw notFound('referrer', id);
      if (current.removed_at) throw conflict('referrer_removed', `The referrer ${id} was removed.`);
      if (changes.referral_code !== undefined) {
        const holder = await repo.findByCode(current.campaign_id, changes.referral_code);
        if (holder && holder.id !== id) {
          throw conflict(
            'referral_code_taken',
            `The referral code ${changes.referral_code} is taken in this campaign.`,
            'referral_code',
          );
        }
      }
      const at = now();
      await database.db.transaction().execute(async (tx) => {
        await referrersRepository(tx).update(id, {
          ...(changes.first_name !== undefined ? { first_name: changes.first_name.trim() } : {}),
          ...(changes.last_name !== undefined ? { last_name: changes.last_name?.trim() || null } : {}),
          ...(changes.metadata !== undefined
            ? { metadata: JSON.stringify(mergeMetadata(current.metadata, changes.metadata)) }
            : {}),
          ...(changes.referral_code !== undefined ? { referral_code: changes.referral_code.trim() } : {}),
          updated_at: at,
        });
        if (changes.referral_code !== undefined)
          await followCodeChange(tx, current, changes.referral_code.trim(), at);
      });
      return retrieve(id);
    },

    /**
     * Removes a referrer from the campaign: their link and code stop working (their promotion code is
     * switched off in Stripe), their place is given back, and their history (leads, clicks) stays.
     */
    async remove(id: string): Promise<Referrer> {
      await database.db.transaction().execute(async (tx) => {
        const current = await referrersRepository(tx).findById(id);
        if (!current) throw notFound('referrer', id);
        if (current.removed_at) return;
        await campaignsRepository(tx).lock(current.campaign_id);
        const at = now();
        // Read under the campaign's lock: a place is taken for a referrer only while that lock is held.
        const held = await tx
          .selectFrom('referrers')
          .select('counted')
          .where('id', '=', id)
          .executeTakeFirst();
        await referrersRepository(tx).update(id, { removed_at: at, updated_at: at });
        if (held?.counted) await campaignsRepository(tx).releasePlaces(current.campaign_id, 1);
        await promotionCodesRepository(tx).deactivate(
          { campaignId: current.campaign_id, referrerId: id },
          at,
        );
      });
      return retrieve(id);
    },

    /** Gives the referrer a generated code; a referrer that has one keeps it. */
    async generateCode(id: string): Promise<Referrer> {
      const current = await repo.findById(id);
      if (!current) throw notFound('referrer', id);
      if (!current.referral_code)
        await database.db.transaction().execute((tx) => assignGeneratedCode(tx, current));
      return retrieve(id);
    },
  };
}

export type ReferrersService = ReturnType<typeof referrersService>;
