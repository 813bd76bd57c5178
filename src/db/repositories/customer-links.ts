import type { Executor } from '../database.js';
import type { CustomerLinkHow } from '../tables.js';

export function customerLinksRepository(db: Executor) {
  return {
    async linkLead(
      connectionId: string,
      customerId: string,
      leadId: string,
      how: CustomerLinkHow,
      at: Date,
    ): Promise<boolean> {
      const result = await db
        .insertInto('customer_links')
        .values({
          connection_id: connectionId,
          customer_id: customerId,
          lead_id: leadId,
          referrer_id: null,
          how,
          created_at: at,
        })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    async leadsOfCustomer(connectionId: string, customerId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('customer_links')
        .select('lead_id')
        .where('connection_id', '=', connectionId)
        .where('customer_id', '=', customerId)
        .where('lead_id', 'is not', null)
        .execute();
      return rows.map((r) => r.lead_id!);
    },

    /** `leadsOfCustomer` of each of these customers, in one statement. */
    async leadsOfCustomers(connectionId: string, customerIds: string[]): Promise<Map<string, string[]>> {
      const leads = new Map<string, string[]>(customerIds.map((id) => [id, []]));
      if (customerIds.length === 0) return leads;
      const rows = await db
        .selectFrom('customer_links')
        .select(['customer_id', 'lead_id'])
        .where('connection_id', '=', connectionId)
        .where('customer_id', 'in', customerIds)
        .where('lead_id', 'is not', null)
        .execute();
      for (const row of rows) leads.get(row.customer_id)?.push(row.lead_id!);
      return leads;
    },

    async customersOfLead(
      leadId: string,
    ): Promise<Array<{ connection_id: string; customer_id: string; how: CustomerLinkHow }>> {
      return db
        .selectFrom('customer_links')
        .select(['connection_id', 'customer_id', 'how'])
        .where('lead_id', '=', leadId)
        .execute();
    },

    /** The Stripe customers that are this referrer, in the order they were linked. */
    async customersOfReferrer(referrerId: string) {
      return db
        .selectFrom('customer_links')
        .select(['connection_id', 'customer_id', 'how', 'created_at'])
        .where('referrer_id', '=', referrerId)
        .orderBy('created_at')
        .execute();
    },
  };
}
