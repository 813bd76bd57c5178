import { type Insertable, type RawBuilder, type SqlBool, sql, type Updateable } from 'kysely';
import type { ReferrerSort } from '../../domain/referrer.js';
import type { Executor } from '../database.js';
import { afterRow, bytewise, containing, type ListOrder, parseSort, type SortField } from '../list-order.js';
import type { ReferrerRow, ReferrerSource, ReferrersTable } from '../tables.js';

export type ReferrerWithCounts = ReferrerRow & {
  referrals_count: number;
  converted_count: number;
  clicks_count: number;
};

/** Which referrers of a campaign a list or a count takes. */
export type ReferrerFilters = {
  campaignId: string;
  /** Normalised email, exact. */
  email?: string | undefined;
  hasCode?: boolean | undefined;
  source?: ReferrerSource | undefined;
  /** Part of the email, the name or the code, whatever its case. */
  search?: string | undefined;
};

export type ReferrerListQuery = ReferrerFilters & {
  limit: number;
  startingAfter?: string | undefined;
  sort?: ReferrerSort | undefined;
};

const leadCount = (alias: string, status: SqlBool | RawBuilder<SqlBool>) =>
  sql`(select count(*) from leads where leads.referrer_id = ${sql.ref(`${alias}.id`)} and ${status})`;

/** What each sort field orders by, as an SQL expression of the referrer row. */
const SORT_VALUES: Record<SortField<ReferrerSort>, (alias: string) => RawBuilder<unknown>> = {
  created_at: (a) => sql.ref(`${a}.id`),
  email: (a) => bytewise(sql.ref(`${a}.email_normalized`)),
  name: (a) =>
    bytewise(sql`lower(${sql.ref(`${a}.first_name`)} || ' ' || coalesce(${sql.ref(`${a}.last_name`)}, ''))`),
  referrals_count: (a) => leadCount(a, sql<SqlBool>`leads.status <> 'rejected'`),
  converted_referrals_count: (a) => leadCount(a, sql<SqlBool>`leads.status = 'qualified'`),
  clicks_count: (a) =>
    sql`(select coalesce(sum(clicks.count), 0) from clicks where clicks.referrer_id = ${sql.ref(`${a}.id`)})`,
};

function orderOf(sort: ReferrerSort): ListOrder {
  const { field, descending } = parseSort(sort);
  return { value: SORT_VALUES[field], descending };
}

/** The filters as one condition on the referrer row `r`. */
export function matching(filters: ReferrerFilters): RawBuilder<SqlBool> {
  const conditions = [sql`r.campaign_id = ${filters.campaignId}`];
  if (filters.email) conditions.push(sql`r.email_normalized = ${filters.email}`);
  if (filters.hasCode !== undefined)
    conditions.push(filters.hasCode ? sql`r.referral_code is not null` : sql`r.referral_code is null`);
  if (filters.source) conditions.push(sql`r.source = ${filters.source}`);
  if (filters.search) {
    const like = containing(filters.search);
    conditions.push(
      sql`(r.email_normalized like ${like} or lower(r.first_name || ' ' || coalesce(r.last_name, '')) like ${like} or lower(coalesce(r.referral_code, '')) like ${like})`,
    );
  }
  return sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
}

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

    /** A page of the campaign's referrers in the order asked (newest first by default). */
    async list(query: ReferrerListQuery): Promise<ReferrerWithCounts[]> {
      const order = orderOf(query.sort ?? '-created_at');
      const direction = order.descending ? 'desc' : 'asc';
      let q = withCounts()
        .where(matching(query))
        .orderBy(order.value('r'), direction)
        .orderBy('r.id', direction)
        .limit(query.limit + 1);
      if (query.startingAfter) q = q.where(afterRow('referrers', 'r', order, query.startingAfter));
      return q.execute() as Promise<ReferrerWithCounts[]>;
    },

    /** How many referrers the filters take, whatever the page. */
    async count(filters: ReferrerFilters): Promise<number> {
      const row = await db
        .selectFrom('referrers as r')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where(matching(filters))
        .executeTakeFirstOrThrow();
      return Number(row.n);
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
