import type { Tx } from '../db/database.js';
import { campaignsRepository } from '../db/repositories/campaigns.js';
import { paymentFactsRepository } from '../db/repositories/payment-facts.js';
import { promotionCodesRepository } from '../db/repositories/promotion-codes.js';
import { referrersRepository } from '../db/repositories/referrers.js';
import type { CampaignRow, PromotionCodeRow, RedemptionSource } from '../db/tables.js';
import { parseClientReference } from '../domain/client-reference.js';
import type { CheckoutCompleted, InvoicePaid } from '../domain/event-commands.js';
import { attributeCheckout, recordCodeUse } from './code-attribution.js';

/** The Vouch promotion codes an order used, each with its campaign. */
async function codesUsed(tx: Tx, connectionId: string, stripeIds: string[]): Promise<PromotionCodeRow[]> {
  const rows: PromotionCodeRow[] = [];
  for (const id of new Set(stripeIds)) {
    const row = await promotionCodesRepository(tx).findByStripeId(connectionId, id);
    if (row) rows.push(row);
  }
  return rows;
}

/**
 * Locks the campaigns an order touches (in id order, so two orders never wait on each other), then the
 * customer: campaign rows hold participant places, the customer lock orders its facts and links.
 */
async function lockCampaigns(
  tx: Tx,
  connectionId: string,
  campaignIds: string[],
  customerId: string | null,
): Promise<Map<string, CampaignRow>> {
  const locked = new Map<string, CampaignRow>();
  for (const id of [...new Set(campaignIds)].sort()) {
    const campaign = await campaignsRepository(tx).lock(id);
    if (campaign?.connection_id === connectionId) locked.set(id, campaign);
  }
  if (customerId) await paymentFactsRepository(tx).lockCustomer(connectionId, customerId);
  return locked;
}

/** One use of each referrer's code in the order (the campaigns locked). */
async function recordCodeUses(
  tx: Tx,
  order: CheckoutCompleted | InvoicePaid,
  codes: PromotionCodeRow[],
  campaigns: Map<string, CampaignRow>,
  source: RedemptionSource,
  now: Date,
): Promise<void> {
  for (const code of codes) {
    const owner = await referrersRepository(tx).findById(code.referrer_id);
    const campaign = campaigns.get(code.campaign_id);
    if (!owner || !campaign) continue;
    await recordCodeUse(
      tx,
      {
        campaign,
        referrer: owner,
        promotionCode: code,
        source,
        reference: order.order,
        buyer: order.buyer,
        subtotal: order.subtotal,
        paid: order.paid,
        currency: order.currency,
      },
      order.cause,
      now,
    );
  }
}

/**
 * A checkout completed: a Payment Link, pricing table or buy button that the snippet decorated carries the
 * referrer in its client reference; a promotion code of a referrer used at checkout is a code use.
 */
export async function applyCheckout(tx: Tx, checkout: CheckoutCompleted, now: Date): Promise<void> {
  const reference = parseClientReference(checkout.clientReference);
  const referrer = reference ? await referrersRepository(tx).findBySlug(reference.slug) : undefined;
  const codes = await codesUsed(tx, checkout.connectionId, checkout.promotionCodeIds);
  const campaigns = await lockCampaigns(
    tx,
    checkout.connectionId,
    [...(referrer ? [referrer.campaign_id] : []), ...codes.map((c) => c.campaign_id)],
    checkout.buyer.customerId,
  );
  const campaign = referrer ? campaigns.get(referrer.campaign_id) : undefined;
  if (referrer && campaign)
    await attributeCheckout(
      tx,
      { campaign, referrer, leadRef: reference?.leadRef, buyer: checkout.buyer },
      checkout.cause,
      now,
    );
  await recordCodeUses(tx, checkout, codes, campaigns, 'checkout', now);
}

/**
 * An invoice paid with a referrer's promotion code: a code use. A subscription's renewals carry the same code
 * and count once, with the checkout that started it.
 */
export async function applyInvoice(tx: Tx, invoice: InvoicePaid, now: Date): Promise<void> {
  const codes = await codesUsed(tx, invoice.connectionId, invoice.promotionCodeIds);
  if (codes.length === 0) return;
  const campaigns = await lockCampaigns(
    tx,
    invoice.connectionId,
    codes.map((c) => c.campaign_id),
    invoice.buyer.customerId,
  );
  await recordCodeUses(tx, invoice, codes, campaigns, 'invoice', now);
}
