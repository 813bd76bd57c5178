import { sql } from 'kysely';
import type { Executor } from '../database.js';

/** The leads a Stripe customer of a connection may be: named by id, or waiting for a customer by email. */
export function leadMatchesRepository(db: Executor) {
  return {
    /** Of these lead ids, those in a campaign of this connection. */
    async inConnection(connectionId: string, leadIds: string[]): Promise<string[]> {
      if (leadIds.length === 0) return [];
      const rows = await db
        .selectFrom('leads as l')
        .innerJoin('campaigns as c', 'c.id', 'l.campaign_id')
        .select('l.id')
        .where('l.id', 'in', leadIds)
        .where('c.connection_id', '=', connectionId)
        .execute();
      return rows.map((r) => r.id);
    },

    /**
     * Open leads with this normalised email, in campaigns of this connection that wait for the business's
     * own checkout, that this customer can be the new customer of: referred before the customer was created,
     * and the customer not one that already had the email when the lead was recorded.
     */
    async waitingForCustomer(
      connectionId: string,
      customer: { customerId: string; email: string; createdAt: Date },
    ): Promise<string[]> {
      const rows = await db
        .selectFrom('leads as l')
        .innerJoin('campaigns as c', 'c.id', 'l.campaign_id')
        .select('l.id')
        .where('c.connection_id', '=', connectionId)
        .where('l.email_normalized', '=', customer.email)
        .where('l.status', 'in', ['pending', 'qualified', 'unqualified'])
        // Stripe counts in seconds: a customer created in the referral's second is after it.
        .where('l.referred_at', '<', new Date(customer.createdAt.getTime() + 1000))
        .where(sql<boolean>`not (${customer.customerId} = any(coalesce(l.customers_at_signup, '{}')))`)
        .where(
          sql<boolean>`coalesce(c.settings->'customers'->>'create', 'wait_for_checkout') = 'wait_for_checkout'`,
        )
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
