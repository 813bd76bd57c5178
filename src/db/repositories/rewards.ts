import { type Insertable, sql, type Updateable } from 'kysely';
import { createId } from '../../domain/ids.js';
import type { Executor } from '../database.js';
import type { RewardEventRow, RewardRow, RewardStatus, RewardsTable } from '../tables.js';

export type RewardListQuery = {
  limit: number;
  startingAfter?: string | undefined;
  campaignId?: string | undefined;
  referrerId?: string | undefined;
  leadId?: string | undefined;
  status?: RewardStatus | undefined;
};

/** Statuses of a reward that still gives something (or will). */
export const LIVE_REWARD: RewardStatus[] = [
  'held',
  'pending_approval',
  'pending',
  'issued',
  'failed',
  'reversing',
];

export function rewardsRepository(db: Executor) {
  return {
    async insert(row: Insertable<RewardsTable>): Promise<RewardRow | undefined> {
      return db
        .insertInto('rewards')
        .values(row)
        .onConflict((oc) => oc.columns(['lead_id', 'recipient']).doNothing())
        .returningAll()
        .executeTakeFirst();
    },

    async findById(id: string): Promise<RewardRow | undefined> {
      return db.selectFrom('rewards').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async lock(id: string): Promise<RewardRow | undefined> {
      return db.selectFrom('rewards').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    },

    async ofLead(leadId: string): Promise<RewardRow[]> {
      return db.selectFrom('rewards').selectAll().where('lead_id', '=', leadId).forUpdate().execute();
    },

    async update(id: string, changes: Updateable<RewardsTable>): Promise<void> {
      await db.updateTable('rewards').set(changes).where('id', '=', id).execute();
    },

    /** What the caps look at: the referrer's live rewards, and live credit in a currency. */
    async tally(campaignId: string, referrerId: string, currency: string | null) {
      const row = await db
        .selectFrom('rewards')
        .select([
          sql<number>`count(*) filter (where recipient = 'referrer' and referrer_id = ${referrerId})::int`.as(
            'referrer_rewards',
          ),
          sql<number>`coalesce(sum(amount) filter (where currency = ${currency ?? ''}), 0)::bigint`.as(
            'used',
          ),
        ])
        .where('campaign_id', '=', campaignId)
        .where('status', 'in', LIVE_REWARD)
        .executeTakeFirstOrThrow();
      return { referrerRewards: row.referrer_rewards, budgetUsed: Number(row.used) };
    },

    /** Campaigns with rewards to issue, to take back, or whose hold has ended. */
    async campaignsWithWork(now: Date, limit = 50): Promise<string[]> {
      const rows = await db
        .selectFrom('rewards')
        .select('campaign_id')
        .distinct()
        .where('status', 'in', ['held', 'pending', 'reversing'])
        .where('issue_after', '<=', now)
        .limit(limit)
        .execute();
      return rows.map((r) => r.campaign_id);
    },

    async work(campaignId: string, now: Date, limit: number): Promise<RewardRow[]> {
      return db
        .selectFrom('rewards')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .where('status', 'in', ['held', 'pending', 'reversing'])
        .where('issue_after', '<=', now)
        .orderBy('issue_after')
        .orderBy('id')
        .limit(limit)
        .execute();
    },

    async list(query: RewardListQuery): Promise<RewardRow[]> {
      let q = db
        .selectFrom('rewards')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(query.limit + 1);
      if (query.startingAfter) q = q.where('id', '<', query.startingAfter);
      if (query.campaignId) q = q.where('campaign_id', '=', query.campaignId);
      if (query.referrerId) q = q.where('referrer_id', '=', query.referrerId);
      if (query.leadId) q = q.where('lead_id', '=', query.leadId);
      if (query.status) q = q.where('status', '=', query.status);
      return q.execute();
    },

    /** Rewards counted by status and currency (null for rewards of no amount), under the list's filters. */
    async totals(query: Omit<RewardListQuery, 'limit' | 'startingAfter' | 'status'>) {
      let q = db
        .selectFrom('rewards')
        .select([
          'status',
          'currency',
          sql<number>`count(*)::int`.as('count'),
          sql<string>`coalesce(sum(amount), 0)::bigint`.as('amount'),
        ])
        .groupBy(['status', 'currency'])
        .orderBy('status')
        .orderBy('currency');
      if (query.campaignId) q = q.where('campaign_id', '=', query.campaignId);
      if (query.referrerId) q = q.where('referrer_id', '=', query.referrerId);
      if (query.leadId) q = q.where('lead_id', '=', query.leadId);
      return q.execute();
    },

    async addEvent(
      rewardId: string,
      event: { type: string; message: string; status: RewardStatus; data?: object; at: Date },
    ): Promise<void> {
      await db
        .insertInto('reward_events')
        .values({
          id: createId('rev'),
          reward_id: rewardId,
          type: event.type,
          message: event.message,
          status: event.status,
          data: JSON.stringify(event.data ?? {}),
          created_at: event.at,
        })
        .execute();
    },

    async timeline(rewardId: string): Promise<RewardEventRow[]> {
      return db
        .selectFrom('reward_events')
        .selectAll()
        .where('reward_id', '=', rewardId)
        .orderBy('id')
        .execute();
    },
  };
}
