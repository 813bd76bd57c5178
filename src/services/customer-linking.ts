import type { Tx } from '../db/database.js';
import { customerLinksRepository } from '../db/repositories/customer-links.js';
import { leadsRepository } from '../db/repositories/leads.js';
import type { CustomerLinkHow } from '../db/tables.js';
import type { Cause } from '../domain/event-commands.js';
import { createId } from '../domain/ids.js';
import { reevaluateLead } from './lead-verdicts.js';

const HOW_TEXT: Record<CustomerLinkHow, string> = {
  created: 'Vouch created it',
  matched_email: 'same email',
  updated: 'Vouch updated it',
  checkout: 'checkout with the same email',
  promotion_code: 'paid with the referral code',
  metadata: 'lead id in its metadata',
  sync: 'synced',
  manual: 'linked by hand',
};

/**
 * Links a Stripe customer to a lead (once), notes it on the lead's timeline and re-runs the lead's verdict,
 * which now reads the customer's payments. Returns false when the link was already there.
 */
export async function linkCustomerToLead(
  tx: Tx,
  link: { connectionId: string; customerId: string; leadId: string; how: CustomerLinkHow; text?: string },
  cause: Cause,
  now: Date,
): Promise<boolean> {
  const linked = await customerLinksRepository(tx).linkLead(
    link.connectionId,
    link.customerId,
    link.leadId,
    link.how,
    now,
  );
  if (!linked) return false;
  const lead = await leadsRepository(tx).findById(link.leadId);
  await leadsRepository(tx).addEvent({
    id: createId('lev'),
    lead_id: link.leadId,
    type: 'lead.customer_linked',
    message: `Stripe customer ${link.customerId} is this friend (${link.text ?? HOW_TEXT[link.how]}).`,
    status: lead?.status ?? 'pending',
    data: JSON.stringify({ stripe_object: link.customerId, stripe_event: cause.eventId ?? null }),
    created_at: now,
  });
  await reevaluateLead(tx, link.leadId, cause, now);
  return true;
}
