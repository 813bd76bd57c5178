import { type Insertable, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { LeadSort } from '../../domain/lead.js';
import type { Executor } from '../database.js';
import { afterRow, bytewise, containing, type ListOrder, parseSort, type SortField } from '../list-order.js';
import type {
  LeadEventRow,
  LeadEventsTable,
  LeadRow,
  LeadSource,
  LeadStatus,
  LeadsTable,
} from '../tables.js';

/** Which leads of a campaign a list or a count takes. */
export type LeadFilters = {
  campaignId: string;
  status?: LeadStatus | undefined;
  referrerId?: string | undefined;
  source?: LeadSource | undefined;
  /** Normalised email, exact. */
  email?: string | undefined;
  /** Part of the email or the name, whatever its case. */
  search?: string | undefined;
};

export type LeadListQuery = LeadFilters & {
  limit: number;
  startingAfter?: string | undefined;
  sort?: LeadSort | undefined;
};

/** What each sort field orders by, as an SQL expression of the lead row. */
const SORT_VALUES: Record<SortField<LeadSort>, (alias: string) => RawBuilder<unknown>> = {
  created_at: (a) => sql.ref(`${a}.id`),
  email: (a) => bytewise(sql.ref(`${a}.email_normalized`)),
  name: (a) =>
    bytewise(
      sql`lower(coalesce(${sql.ref(`${a}.first_name`)}, '') || ' ' || coalesce(${sql.ref(`${a}.last_name`)}, ''))`,
    ),
  updated_at: (a) => sql.ref(`${a}.updated_at`),
};

function orderOf(sort: LeadSort): ListOrder {
  const { field, descending } = parseSort(sort);
  return { value: SORT_VALUES[field], descending };
}

/** The filters as one condition on the lead row `l`. */
function matching(filters: LeadFilters): RawBuilder<SqlBool> {
  const conditions = [sql`l.campaign_id = ${filters.campaignId}`];
  if (filters.status) conditions.push(sql`l.status = ${filters.status}`);
  if (filters.referrerId) conditions.push(sql`l.referrer_id = ${filters.referrerId}`);
  if (filters.source) conditions.push(sql`l.source = ${filters.source}`);
  if (filters.email) conditions.push(sql`l.email_normalized = ${filters.email}`);
  if (filters.search) {
    const like = containing(filters.search);
    conditions.push(
      sql`(l.email_normalized like ${like} or lower(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')) like ${like})`,
    );
  }
  return sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
}

export function leadsRepository(db: Executor) {
  return {
    async insert(row: Insertable<LeadsTable>): Promise<LeadRow | undefined> {
      return db
        .insertInto('leads')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
    },

    async findById(id: string): Promise<LeadRow | undefined> {
      return db.selectFrom('leads').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** A lead named by its id or by the receipt a browser was given for it (`rcpt_...`). */
    async findByReference(reference: string): Promise<LeadRow | undefined> {
      const column = reference.startsWith('rcpt_') ? 'receipt_id' : 'id';
      return db.selectFrom('leads').selectAll().where(column, '=', reference).executeTakeFirst();
    },

    /** The friend's lead in a campaign (the one that is not rejected), if any. */
    async findActiveByEmail(campaignId: string, emailNormalized: string): Promise<LeadRow | undefined> {
      return db
        .selectFrom('leads')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .where('email_normalized', '=', emailNormalized)
        .where('status', '<>', 'rejected')
        .executeTakeFirst();
    },

    async findRejected(
      campaignId: string,
      referrerId: string,
      emailNormalized: string,
    ): Promise<LeadRow | undefined> {
      return db
        .selectFrom('leads')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .where('referrer_id', '=', referrerId)
        .where('email_normalized', '=', emailNormalized)
        .where('status', '=', 'rejected')
        .executeTakeFirst();
    },

    /** A page of the campaign's leads in the order asked (newest first by default). */
    async list(query: LeadListQuery): Promise<LeadRow[]> {
      const order = orderOf(query.sort ?? '-created_at');
      const direction = order.descending ? 'desc' : 'asc';
      let q = db
        .selectFrom('leads as l')
        .selectAll('l')
        .where(matching(query))
        .orderBy(order.value('l'), direction)
        .orderBy('l.id', direction)
        .limit(query.limit + 1);
      if (query.startingAfter) q = q.where(afterRow('leads', 'l', order, query.startingAfter));
      return q.execute();
    },

    /** How many leads the filters take, whatever the page. */
    async count(filters: LeadFilters): Promise<number> {
      const row = await db
        .selectFrom('leads as l')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where(matching(filters))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async addEvent(row: Insertable<LeadEventsTable>): Promise<void> {
      await db.insertInto('lead_events').values(row).execute();
    },

    /** Several timeline events in one statement. */
    async addEvents(rows: Insertable<LeadEventsTable>[]): Promise<void> {
      if (rows.length > 0) await db.insertInto('lead_events').values(rows).execute();
    },

    async timeline(leadId: string): Promise<LeadEventRow[]> {
      return db.selectFrom('lead_events').selectAll().where('lead_id', '=', leadId).orderBy('id').execute();
    },
  };
}
