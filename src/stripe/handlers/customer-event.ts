import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import { paymentFactsRepository } from '../../db/repositories/payment-facts.js';
import { syncsRepository } from '../../db/repositories/syncs.js';
import type { CustomerLinkHow } from '../../db/tables.js';
import { normalizeEmail } from '../../domain/people.js';
import { syncCustomers } from '../../services/customer-import.js';
import { linkCustomerToLead } from '../../services/customer-linking.js';
import { customerFields } from '../customer-pages.js';
import { idOf } from '../settled-amount.js';
import type { EventHandler } from './registry.js';

const LEAD_ID = /^lead_[0-9a-z]{26}$/;

type CustomerLike = {
  customerId: string | null;
  email: string | null;
  metadata: Record<string, unknown>;
  createdAt: Date;
  how: CustomerLinkHow;
};

function read(type: string, object: Record<string, unknown>): CustomerLike {
  if (type === 'checkout.session.completed') {
    const details = (object.customer_details ?? {}) as { email?: string | null };
    return {
      customerId: idOf(object.customer),
      email: details.email ?? (object.customer_email as string | null) ?? null,
      metadata: {},
      createdAt: new Date(Number(object.created) * 1000),
      how: 'checkout',
    };
  }
  return {
    customerId: idOf(object.id),
    email: (object.email as string | null) ?? null,
    metadata: (object.metadata ?? {}) as Record<string, unknown>,
    createdAt: new Date(Number(object.created) * 1000),
    how: 'matched_email',
  };
}

/** Ongoing syncs of this connection take in a customer created or changed in Stripe within seconds. */
async function enrol(
  tx: Tx,
  connectionId: string,
  object: Record<string, unknown>,
  publicUrl: string,
  now: Date,
): Promise<void> {
  if (object.deleted) return;
  const syncs = syncsRepository(tx);
  for (const sync of await syncs.ongoing(connectionId)) {
    const out = await syncCustomers(tx, sync, [customerFields(object as never)], publicUrl, now);
    await syncs.addCounts(sync.id, out);
  }
}

/**
 * A customer appears (or a checkout completes): link it to the lead whose id Vouch wrote in its metadata,
 * or, for campaigns that wait for the business's own checkout, to the pending lead with the same email
 * (exact after normalisation; an empty email never matches). Linking re-runs the lead's verdict.
 */
export const customerEvent: EventHandler = {
  async apply({ tx, connection, event, now, publicUrl }) {
    const customer = read(event.type, event.data.object);
    if (!customer.customerId) return;
    if (event.type !== 'checkout.session.completed' && publicUrl)
      await enrol(tx, connection.id, event.data.object, publicUrl, now);
    const fromMetadata = Object.values(customer.metadata).filter(
      (v): v is string => typeof v === 'string' && LEAD_ID.test(v),
    );
    const email = customer.email ? normalizeEmail(customer.email) : '';
    const byEmail = email !== '' && event.type !== 'customer.updated';
    // Most customer events name no lead and match none by email: nothing to link, nothing to lock.
    if (fromMetadata.length === 0 && !byEmail) return;
    await paymentFactsRepository(tx).lockCustomer(connection.id, customer.customerId);
    const linked: Array<{ leadId: string; how: CustomerLinkHow }> = [];

    if (fromMetadata.length) {
      const leads = await tx
        .selectFrom('leads as l')
        .innerJoin('campaigns as c', 'c.id', 'l.campaign_id')
        .select('l.id')
        .where('l.id', 'in', fromMetadata)
        .where('c.connection_id', '=', connection.id)
        .execute();
      for (const lead of leads) linked.push({ leadId: lead.id, how: 'metadata' });
    }

    if (byEmail) {
      const leads = await tx
        .selectFrom('leads as l')
        .innerJoin('campaigns as c', 'c.id', 'l.campaign_id')
        .select('l.id')
        .where('c.connection_id', '=', connection.id)
        .where('l.email_normalized', '=', email)
        .where('l.status', 'in', ['pending', 'qualified', 'unqualified'])
        // Only a customer created since the referral can be the friend's new one (Stripe counts in seconds).
        .where('l.referred_at', '<', new Date(customer.createdAt.getTime() + 1000))
        // ... and not one that already had the email when the lead was recorded.
        .where(sql<boolean>`not (${customer.customerId} = any(coalesce(l.customers_at_signup, '{}')))`)
        .where(
          sql<boolean>`coalesce(c.settings->'customers'->>'create', 'wait_for_checkout') = 'wait_for_checkout'`,
        )
        .execute();
      for (const lead of leads)
        if (!linked.some((l) => l.leadId === lead.id)) linked.push({ leadId: lead.id, how: customer.how });
    }

    const cause = { type: event.type, stripeObject: customer.customerId, eventId: event.id };
    for (const link of linked)
      await linkCustomerToLead(
        tx,
        { connectionId: connection.id, customerId: customer.customerId, ...link },
        cause,
        now,
      );
  },
};
