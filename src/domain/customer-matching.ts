import type { CustomerSeen } from './event-commands.js';
import { normalizeEmail } from './people.js';

const LEAD_ID = /^lead_[0-9a-z]{26}$/;

/** The leads Vouch named in a customer's metadata when it created or updated the customer. */
export const leadIdsInMetadata = (metadata: Record<string, string>): string[] =>
  Object.values(metadata).filter((v) => typeof v === 'string' && LEAD_ID.test(v));

/**
 * The email to look for among leads waiting for their customer: that of a new customer or of a checkout's
 * buyer, exact after normalisation. A change to an existing customer never matches, nor does an empty email.
 */
export function emailToMatch(seen: Pick<CustomerSeen, 'email' | 'via'>): string | null {
  const email = seen.email ? normalizeEmail(seen.email) : '';
  return email !== '' && seen.via !== 'updated' ? email : null;
}

/** How a customer matched by email came to be the friend's, as its link records it. */
export const emailLinkHow = (via: CustomerSeen['via']): 'checkout' | 'matched_email' =>
  via === 'checkout' ? 'checkout' : 'matched_email';

/** An open lead that waits for its friend's customer by email (`leadMatchesRepository.waitingForEmails`). */
export type WaitingLead = { id: string; email: string; referredAt: Date; customersAtSignup: string[] };

/**
 * Whether a new customer can be a waiting lead's: one with its email, created no earlier than the referral
 * (Stripe counts in seconds, so a customer created in the referral's second is after it), and not one the
 * email already had when the lead was recorded.
 */
export function canBeNewCustomerOf(
  lead: WaitingLead,
  customer: { customerId: string; email: string; createdAt: Date },
): boolean {
  return (
    lead.email === customer.email &&
    lead.referredAt.getTime() < customer.createdAt.getTime() + 1000 &&
    !lead.customersAtSignup.includes(customer.customerId)
  );
}
