import { type Insertable, sql } from 'kysely';
import type { Executor } from '../database.js';
import type { CodeRedemptionRow, CodeRedemptionsTable } from '../tables.js';

export function codeRedemptionsRepository(db: Executor) {
  return {
    /** Records a use once per order (campaign and reference); undefined when that order was recorded. */
    async insert(row: Insertable<CodeRedemptionsTable>): Promise<CodeRedemptionRow | undefined> {
      return db
        .insertInto('code_redemptions')
        .values(row)
        .onConflict((oc) => oc.columns(['campaign_id', 'reference']).doNothing())
        .returningAll()
        .executeTakeFirst();
    },

    async find(campaignId: string, reference: string): Promise<CodeRedemptionRow | undefined> {
      return db
        .selectFrom('code_redemptions')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .where('reference', '=', reference)
        .executeTakeFirst();
    },

    /** Uses of a referrer's code in a campaign that count. */
    async countCounted(campaignId: string, referrerId: string): Promise<number> {
      const row = await db
        .selectFrom('code_redemptions')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('campaign_id', '=', campaignId)
        .where('referrer_id', '=', referrerId)
        .where('counted', '=', true)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    /** When the lead's own referrer's code was used in ways that count. */
    async countedFor(leadId: string, referrerId: string): Promise<Date[]> {
      const rows = await db
        .selectFrom('code_redemptions')
        .select('redeemed_at')
        .where('lead_id', '=', leadId)
        .where('referrer_id', '=', referrerId)
        .where('counted', '=', true)
        .execute();
      return rows.map((r) => r.redeemed_at);
    },

    async setLead(id: string, leadId: string): Promise<void> {
      await db.updateTable('code_redemptions').set({ lead_id: leadId }).where('id', '=', id).execute();
    },
  };
}
