import { sql } from 'kysely';
import type { WaitingLead } from '../../domain/customer-matching.js';
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
     * Open leads with these normalised emails, in campaigns of this connection that wait for the business's
     * own checkout: the leads a new customer with one of the emails may be (`canBeNewCustomerOf` decides).
     */
    async waitingForEmails(connectionId: string, emails: string[]): Promise<WaitingLead[]> {
      if (emails.length === 0) return [];
      const rows = await db
        .selectFrom('leads as l')
        .innerJoin('campaigns as c', 'c.id', 'l.campaign_id')
        .select(['l.id', 'l.email_normalized', 'l.referred_at', 'l.customers_at_signup'])
        .where('c.connection_id', '=', connectionId)
        .where('l.email_normalized', 'in', [...new Set(emails)])
        .where('l.status', 'in', ['pending', 'qualified', 'unqualified'])
        .where(
          sql<boolean>`coalesce(c.settings->'customers'->>'create', 'wait_for_checkout') = 'wait_for_checkout'`,
        )
        .execute();
      return rows.map((r) => ({
        id: r.id,
        email: r.email_normalized,
        referredAt: r.referred_at,
        customersAtSignup: r.customers_at_signup ?? [],
      }));
    },
  };
}
