import { type Insertable, sql, type Updateable } from 'kysely';
import type { Executor } from '../database.js';
import type { ReferrerRow, ReferrersTable } from '../tables.js';

export type ReferrerWithCounts = ReferrerRow & {
  referrals_count: number;
  converted_count: number;
  clicks_count: number;
};

export type ReferrerListQuery = {
  campaignId: string;
  limit: number;
  startingAfter?: string | undefined;
  email?: string | undefined;
  hasCode?: boolean | undefined;
};

/** Why an insert did nothing: the unique key it hit. */
export type ReferrerConflict = 'email' | 'referral_code' | 'slug';

export function referrersRepository(db: Executor) {
  /** Counters are derived from the leads and clicks, never stored, so they cannot drift. */
  const withCounts = () =>
    db
      .selectFrom('referrers as r')
      .selectAll('r')
      .select((eb) => [
        eb
          .selectFrom('leads')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('leads.referrer_id', '=', 'r.id')
          .where('leads.status', '<>', 'rejected')
          .as('referrals_count'),
        eb
          .selectFrom('leads')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('leads.referrer_id', '=', 'r.id')
          .where('leads.status', '=', 'qualified')
          .as('converted_count'),
        eb
          .selectFrom('clicks')
          .select(sql<number>`coalesce(sum(clicks.count), 0)::int`.as('n'))
          .whereRef('clicks.referrer_id', '=', 'r.id')
          .as('clicks_count'),
      ]);

  return {
    /** Inserts unless the email, code or slug is taken; then says which. */
    async insert(row: Insertable<ReferrersTable>): Promise<ReferrerRow | ReferrerConflict> {
      const inserted = await db
        .insertInto('referrers')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return inserted;
      if (await this.findByEmail(row.campaign_id, row.email_normalized)) return 'email';
      if (row.referral_code && (await this.findByCode(row.campaign_id, row.referral_code)))
        return 'referral_code';
      return 'slug';
    },

    async findById(id: string): Promise<ReferrerWithCounts | undefined> {
      return withCounts().where('r.id', '=', id).executeTakeFirst() as Promise<
        ReferrerWithCounts | undefined
      >;
    },

    async findByEmail(campaignId: string, emailNormalized: string): Promise<ReferrerRow | undefined> {
      return db
        .selectFrom('referrers')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .where('email_normalized', '=', emailNormalized)
        .executeTakeFirst();
    },

    async findByCode(campaignId: string, code: string): Promise<ReferrerRow | undefined> {
      return db
        .selectFrom('referrers')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .where(sql`upper(referral_code)`, '=', code.trim().toUpperCase())
        .executeTakeFirst();
    },

    async findBySlug(slug: string): Promise<ReferrerRow | undefined> {
      return db.selectFrom('referrers').selectAll().where('slug', '=', slug).executeTakeFirst();
    },

    async list(query: ReferrerListQuery): Promise<ReferrerWithCounts[]> {
      let q = withCounts()
        .where('r.campaign_id', '=', query.campaignId)
        .orderBy('r.id', 'desc')
        .limit(query.limit + 1);
      if (query.startingAfter) q = q.where('r.id', '<', query.startingAfter);
      if (query.email) q = q.where('r.email_normalized', '=', query.email);
      if (query.hasCode !== undefined) q = q.where('r.referral_code', query.hasCode ? 'is not' : 'is', null);
      return q.execute() as Promise<ReferrerWithCounts[]>;
    },

    /** Sets a code only where none is set yet; false when the code is taken or one was already there. */
    async setCodeIfNone(id: string, code: string): Promise<'set' | 'has_code' | 'taken'> {
      const current = await db
        .selectFrom('referrers')
        .select(['campaign_id', 'referral_code'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      if (current.referral_code) return 'has_code';
      if (await this.findByCode(current.campaign_id, code)) return 'taken';
      const updated = await db
        .updateTable('referrers')
        .set({ referral_code: code, updated_at: new Date() })
        .where('id', '=', id)
        .where('referral_code', 'is', null)
        .executeTakeFirst();
      return updated.numUpdatedRows > 0n ? 'set' : 'has_code';
    },

    async update(id: string, changes: Updateable<ReferrersTable>): Promise<void> {
      await db.updateTable('referrers').set(changes).where('id', '=', id).execute();
    },

    async countWithoutCode(campaignId: string): Promise<number> {
      const row = await db
        .selectFrom('referrers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('campaign_id', '=', campaignId)
        .where('referral_code', 'is', null)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    /** Ids of a campaign's referrers without a code, oldest first, after `afterId`. */
    async withoutCode(campaignId: string, afterId: string | undefined, limit: number) {
      let q = db
        .selectFrom('referrers')
        .select(['id', 'first_name'])
        .where('campaign_id', '=', campaignId)
        .where('referral_code', 'is', null)
        .orderBy('id')
        .limit(limit);
      if (afterId) q = q.where('id', '>', afterId);
      return q.execute();
    },
  };
}
