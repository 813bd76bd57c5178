import type { Tx } from '../db/database.js';
import { campaignsRepository } from '../db/repositories/campaigns.js';
import { leadsRepository } from '../db/repositories/leads.js';
import { tasksRepository } from '../db/repositories/tasks.js';
import type { CampaignRow, LeadRow, LeadSource, ReferrerRow, RejectionReason } from '../db/tables.js';
import { createId, createRandomId } from '../domain/ids.js';
import { cleanName, normalizeEmail } from '../domain/people.js';
import { queueCountsWriteBack } from './customer-write-back.js';
import { recordDomainEvent } from './domain-events.js';
import { toLead } from './lead-view.js';

export const REJECTION_MESSAGES: Record<RejectionReason, string> = {
  self_referral: 'Rejected: the friend used their own referral link or code (self-referral).',
  already_lead: 'Rejected: this friend was already referred in this campaign by someone else.',
  existing_customer: 'Rejected: this friend is already a customer.',
  campaign_limit: 'Rejected: the campaign had reached its participant limit.',
};

export type ReferralInput = {
  email: string;
  first_name?: string | null | undefined;
  last_name?: string | null | undefined;
  metadata?: Record<string, string> | undefined;
};

export type Referral = {
  /** The campaign row, locked by the caller (participant places are taken from it). */
  campaign: CampaignRow;
  referrer: ReferrerRow;
  input: ReferralInput;
  source: LeadSource;
  at: Date;
  /** When the referral happened, if not now (a Stripe checkout's own time). */
  referredAt?: Date | undefined;
  /** Makes the friend's Stripe customer as the campaign says; not when the customer is already known. */
  sendToStripe?: boolean | undefined;
  /** The Stripe customers that had the email as the lead is recorded (see customers-at-signup.ts). */
  customersAtSignup?: string[] | undefined;
  /**
   * A sign-up from a public surface (the browser with a publishable key, a hosted page): an email that is
   * already a lead stores nothing more, and under `participant_limit_counts: verified` the lead takes a place
   * only once Stripe vouches for it (its first payment).
   */
  publicSignup?: boolean | undefined;
};

const isFull = (campaign: CampaignRow) =>
  campaign.participant_limit !== null && campaign.participant_count >= campaign.participant_limit;

/**
 * Records that a friend arrived through a referrer, in the caller's transaction. The same friend twice is
 * one lead; a friend already referred by someone else, a self-referral or a referral past the participant
 * limit is kept as a rejected lead with its reason (once per referrer).
 */
export async function recordReferral(tx: Tx, r: Referral): Promise<{ row: LeadRow; created: boolean }> {
  const { campaign, referrer, input, source, at } = r;
  const email = normalizeEmail(input.email);
  const leads = leadsRepository(tx);
  const existing = await leads.findActiveByEmail(campaign.id, email);
  let rejection: RejectionReason | undefined;
  if (existing?.referrer_id === referrer.id) return { row: existing, created: false };
  // A stranger learns nothing from a known email and leaves no junk row behind it.
  if (existing && r.publicSignup) return { row: existing, created: false };
  // Verified-only counting: a public sign-up holds no place until it pays, but a full campaign takes no one.
  const deferPlace = r.publicSignup === true && campaign.participant_limit_counts === 'verified';
  if (email === referrer.email_normalized) rejection = 'self_referral';
  else if (existing) rejection = 'already_lead';
  else if (deferPlace ? isFull(campaign) : !(await campaignsRepository(tx).takePlaces(campaign.id, 1)))
    rejection = 'campaign_limit';

  if (rejection) {
    const earlier = await leads.findRejected(campaign.id, referrer.id, email);
    if (earlier) return { row: earlier, created: false };
  }
  const row = await leads.insert({
    id: createId('lead'),
    campaign_id: campaign.id,
    referrer_id: referrer.id,
    email: input.email.trim(),
    email_normalized: email,
    first_name: cleanName(input.first_name),
    last_name: cleanName(input.last_name),
    metadata: JSON.stringify(input.metadata ?? {}),
    source,
    status: rejection ? 'rejected' : 'pending',
    rejection_reason: rejection ?? null,
    referred_at: r.referredAt ?? at,
    receipt_id: r.publicSignup ? createRandomId('rcpt') : null,
    customers_at_signup: r.customersAtSignup ?? null,
    counted: !rejection && !deferPlace,
    created_at: at,
    updated_at: at,
  });
  if (!row) throw new Error('lead insert conflicted although the campaign row was locked');
  await leads.addEvent({
    id: createId('lev'),
    lead_id: row.id,
    type: rejection ? 'lead.rejected' : 'lead.created',
    message: rejection
      ? REJECTION_MESSAGES[rejection]
      : `Referred by ${referrer.first_name} (${referrer.id}) through ${source.replace('_', ' ')}; pending qualification.`,
    status: row.status,
    data: JSON.stringify({ referrer_id: referrer.id, source }),
    created_at: at,
  });
  // The friend goes to Stripe as the campaign says, in the background and only if this commits.
  if (row.status === 'pending' && campaign.connection_id && r.sendToStripe) {
    await tasksRepository(tx).enqueue('stripe_lead_customer', row.id, at);
  }
  if (row.status !== 'rejected') await queueCountsWriteBack(tx, campaign.id, referrer.id);
  await recordDomainEvent(tx, {
    type: row.status === 'rejected' ? 'lead.rejected' : 'lead.created',
    campaign_id: campaign.id,
    lead_id: row.id,
    referrer_id: referrer.id,
    data: { lead: toLead(row) },
    at,
  });
  return { row, created: true };
}
