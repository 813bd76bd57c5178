import type { Insertable } from 'kysely';
import type { Executor } from '../database.js';
import type { LeadEventRow, LeadEventsTable, LeadRow, LeadStatus, LeadsTable } from '../tables.js';

export type LeadListQuery = {
  campaignId: string;
  limit: number;
  startingAfter?: string | undefined;
  status?: LeadStatus | undefined;
  referrerId?: string | undefined;
  email?: string | undefined;
};

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

    async list(query: LeadListQuery): Promise<LeadRow[]> {
      let q = db
        .selectFrom('leads')
        .selectAll()
        .where('campaign_id', '=', query.campaignId)
        .orderBy('id', 'desc')
        .limit(query.limit + 1);
      if (query.startingAfter) q = q.where('id', '<', query.startingAfter);
      if (query.status) q = q.where('status', '=', query.status);
      if (query.referrerId) q = q.where('referrer_id', '=', query.referrerId);
      if (query.email) q = q.where('email_normalized', '=', query.email);
      return q.execute();
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
