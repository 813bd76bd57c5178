import type { Tx } from '../db/database.js';
import { codeRedemptionsRepository } from '../db/repositories/code-redemptions.js';
import { leadsRepository } from '../db/repositories/leads.js';
import { paymentFactsRepository } from '../db/repositories/payment-facts.js';
import type {
  CampaignRow,
  CodeRedemptionRow,
  LeadRow,
  LeadSource,
  PromotionCodeRow,
  RedemptionRefusal,
  RedemptionSource,
  ReferrerRow,
} from '../db/tables.js';
import { type CodeRules, DEFAULT_CODE_SETTINGS, readSettings } from '../domain/campaign-settings.js';
import { describeRefusal, refuseRedemption } from '../domain/code-rules.js';
import type { Buyer, Cause } from '../domain/event-commands.js';
import { createId } from '../domain/ids.js';
import { linkCustomerToLead } from './customer-linking.js';
import { reevaluateLead } from './lead-verdicts.js';
import { recordReferral } from './lead-writes.js';

/** The friend's lead for this referrer: the one the customer is linked to, else by email, else new. */
async function leadForBuyer(
  tx: Tx,
  campaign: CampaignRow,
  referrer: ReferrerRow,
  buyer: Buyer,
  source: LeadSource,
  now: Date,
): Promise<LeadRow | undefined> {
  if (buyer.customerId && buyer.connectionId) {
    const linked = await tx
      .selectFrom('customer_links as k')
      .innerJoin('leads as l', 'l.id', 'k.lead_id')
      .selectAll('l')
      .where('k.connection_id', '=', buyer.connectionId)
      .where('k.customer_id', '=', buyer.customerId)
      .where('l.campaign_id', '=', campaign.id)
      .where('l.status', '<>', 'rejected')
      .executeTakeFirst();
    if (linked) return linked;
  }
  if (!buyer.email) return undefined;
  const [first, ...rest] = (buyer.name ?? '').trim().split(/\s+/u);
  const { row } = await recordReferral(tx, {
    campaign,
    referrer,
    input: { email: buyer.email, first_name: first || null, last_name: rest.join(' ') || null },
    source,
    at: now,
    referredAt: buyer.at,
  });
  return row;
}

async function linkBuyer(
  tx: Tx,
  lead: LeadRow,
  buyer: Buyer,
  how: 'checkout' | 'promotion_code',
  cause: Cause,
  now: Date,
) {
  if (!buyer.customerId || !buyer.connectionId || lead.status === 'rejected') return;
  await linkCustomerToLead(
    tx,
    { connectionId: buyer.connectionId, customerId: buyer.customerId, leadId: lead.id, how },
    cause,
    now,
  );
}

/**
 * A Stripe checkout carried a referral reference (the snippet's `client_reference_id`): the customer is
 * the friend of that referrer. The lead named in it, or the customer's lead, or the one with the buyer's
 * email is completed with the customer; otherwise a lead is created. Call with the campaign row locked.
 */
export async function attributeCheckout(
  tx: Tx,
  input: { campaign: CampaignRow; referrer: ReferrerRow; leadRef: string | undefined; buyer: Buyer },
  cause: Cause,
  now: Date,
): Promise<LeadRow | undefined> {
  const { campaign, referrer, buyer } = input;
  if (campaign.status !== 'live' || referrer.removed_at) return undefined;
  const named = input.leadRef ? await leadsRepository(tx).findByReference(input.leadRef) : undefined;
  const lead =
    named && named.campaign_id === campaign.id
      ? named
      : await leadForBuyer(tx, campaign, referrer, buyer, 'checkout', now);
  if (lead) await linkBuyer(tx, lead, buyer, 'checkout', cause, now);
  return lead;
}

export type CodeUse = {
  campaign: CampaignRow;
  referrer: ReferrerRow;
  promotionCode: PromotionCodeRow | undefined;
  source: RedemptionSource;
  /** The order: a subscription, checkout session, invoice or till reference (one use per order). */
  reference: string;
  buyer: Buyer;
  /** The order before the discount (for the minimum), and what was paid (for revenue). */
  subtotal: number | null;
  paid: number | null;
  currency: string | null;
  /** For offline uses, where Stripe knows nothing: whether this person ordered before. */
  paidBefore?: boolean | undefined;
};

const LEAD_REFUSALS = {
  self_referral: 'self_referral',
  already_lead: 'already_lead',
  campaign_limit: 'campaign_limit',
} as const;

/**
 * Records one use of a referrer's code, once per order. A use that breaks the code's rules, or comes
 * while the campaign is not live, is kept but does not count; one that counts attributes the buyer to the
 * referrer (creating the lead when there is none) and, under "a referral code is used", qualifies it at
 * once. Call with the campaign row locked.
 */
export async function recordCodeUse(
  tx: Tx,
  use: CodeUse,
  cause: Cause,
  now: Date,
): Promise<{ redemption: CodeRedemptionRow; lead: LeadRow | undefined; recorded: boolean }> {
  const redemptions = codeRedemptionsRepository(tx);
  const earlier = await redemptions.find(use.campaign.id, use.reference);
  if (earlier) {
    const lead = earlier.lead_id ? await leadsRepository(tx).findById(earlier.lead_id) : undefined;
    return { redemption: earlier, lead, recorded: false };
  }
  const { campaign, referrer, buyer } = use;
  const rules: CodeRules =
    (use.promotionCode?.rules as CodeRules | undefined) ??
    (readSettings(campaign.settings).codes ?? DEFAULT_CODE_SETTINGS).rules;
  const paidBefore =
    use.paidBefore ??
    (buyer.customerId && buyer.connectionId
      ? await paymentFactsRepository(tx).paidBefore(buyer.connectionId, buyer.customerId, buyer.at)
      : false);
  let refusal: RedemptionRefusal | undefined =
    campaign.status !== 'live'
      ? 'campaign_not_live'
      : referrer.removed_at
        ? 'referrer_removed'
        : refuseRedemption(rules, {
            at: buyer.at,
            amount: use.subtotal,
            currency: use.currency,
            paidBefore,
            countedSoFar: await redemptions.countCounted(campaign.id, referrer.id),
          });
  let lead: LeadRow | undefined;
  if (!refusal) {
    lead = await leadForBuyer(
      tx,
      campaign,
      referrer,
      buyer,
      use.source === 'offline' ? 'offline' : 'promotion_code',
      now,
    );
    if (lead?.status === 'rejected' && lead.rejection_reason && lead.rejection_reason in LEAD_REFUSALS)
      refusal = LEAD_REFUSALS[lead.rejection_reason as keyof typeof LEAD_REFUSALS];
    else if (lead && lead.referrer_id !== referrer.id) refusal = 'already_lead';
  }
  const redemption = await redemptions.insert({
    id: createId('crd'),
    campaign_id: campaign.id,
    referrer_id: referrer.id,
    lead_id: lead?.id ?? null,
    promotion_code_id: use.promotionCode?.id ?? null,
    source: use.source,
    reference: use.reference,
    customer_id: buyer.customerId,
    amount: use.paid,
    currency: use.currency?.toLowerCase() ?? null,
    counted: refusal === undefined,
    refusal: refusal ?? null,
    redeemed_at: buyer.at,
    created_at: now,
  });
  if (!redemption) throw new Error('code use conflicted although the campaign row was locked');
  if (lead && !refusal) {
    await leadsRepository(tx).addEvent({
      id: createId('lev'),
      lead_id: lead.id,
      type: 'lead.code_used',
      message:
        `Used ${referrer.first_name}'s code ${referrer.referral_code ?? ''} (${use.reference}).`.replace(
          ' ()',
          '',
        ),
      status: lead.status,
      data: JSON.stringify({
        redemption_id: redemption.id,
        reference: use.reference,
        stripe_event: cause.eventId ?? null,
      }),
      created_at: now,
    });
    await linkBuyer(tx, lead, buyer, 'promotion_code', cause, now);
    // Re-run the verdict even when the customer was linked before: the use itself may qualify.
    await reevaluateLead(tx, lead.id, cause, now);
  }
  return { redemption, lead, recorded: true };
}

/** A sentence for why a use did not count. */
export function refusalMessage(refusal: RedemptionRefusal, rules: CodeRules): string {
  switch (refusal) {
    case 'expired':
    case 'max_redemptions':
    case 'minimum_amount':
    case 'not_first_order':
      return describeRefusal(refusal, rules);
    case 'already_lead':
      return 'This friend was already referred in this campaign by someone else.';
    case 'self_referral':
      return 'A referrer cannot use their own code.';
    case 'campaign_limit':
      return 'The campaign has reached its participant limit.';
    case 'campaign_not_live':
      return 'The campaign is not live, so codes are not being recorded.';
    case 'referrer_removed':
      return 'The referrer was removed from the campaign.';
  }
}
