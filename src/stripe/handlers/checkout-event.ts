import type { Tx } from '../../db/database.js';
import { campaignsRepository } from '../../db/repositories/campaigns.js';
import { paymentFactsRepository } from '../../db/repositories/payment-facts.js';
import { promotionCodesRepository } from '../../db/repositories/promotion-codes.js';
import { referrersRepository } from '../../db/repositories/referrers.js';
import type { CampaignRow, ConnectionRow, PromotionCodeRow } from '../../db/tables.js';
import { parseClientReference } from '../../domain/client-reference.js';
import { attributeCheckout, type Buyer, recordCodeUse } from '../../services/code-attribution.js';
import { idOf } from '../settled-amount.js';
import { customerEvent } from './customer-event.js';
import type { EventHandler, HandlerInput } from './registry.js';

type Session = {
  id: string;
  created: number;
  client_reference_id: string | null;
  customer: unknown;
  customer_email: string | null;
  customer_details: { email?: string | null; name?: string | null } | null;
  subscription: unknown;
  amount_subtotal: number | null;
  amount_total: number | null;
  currency: string | null;
  discounts: Array<{ promotion_code?: unknown }> | null;
};

/** The Vouch promotion codes a checkout or invoice used, each with its campaign. */
export async function codesUsed(
  tx: Tx,
  connectionId: string,
  stripeIds: string[],
): Promise<PromotionCodeRow[]> {
  const rows: PromotionCodeRow[] = [];
  for (const id of new Set(stripeIds)) {
    const row = await promotionCodesRepository(tx).findByStripeId(connectionId, id);
    if (row) rows.push(row);
  }
  return rows;
}

/**
 * Locks the campaigns an event touches (in id order, so two events never wait on each other), then the
 * customer: campaign rows hold participant places, the customer lock orders its facts and links.
 */
export async function lockCampaigns(
  tx: Tx,
  connection: ConnectionRow,
  campaignIds: string[],
  customerId: string | null,
): Promise<Map<string, CampaignRow>> {
  const locked = new Map<string, CampaignRow>();
  for (const id of [...new Set(campaignIds)].sort()) {
    const campaign = await campaignsRepository(tx).lock(id);
    if (campaign?.connection_id === connection.id) locked.set(id, campaign);
  }
  if (customerId) await paymentFactsRepository(tx).lockCustomer(connection.id, customerId);
  return locked;
}

/**
 * checkout.session.completed: a Payment Link, pricing table or buy button that the snippet decorated carries
 * the referrer in `client_reference_id`; a promotion code of a referrer used at checkout is a code use. Then
 * the email match of campaigns that wait for checkout, as for any new customer.
 */
export const checkoutEvent: EventHandler = {
  async apply(input: HandlerInput) {
    const { tx, connection, event, now } = input;
    const session = event.data.object as unknown as Session;
    const reference = parseClientReference(session.client_reference_id);
    const referrer = reference ? await referrersRepository(tx).findBySlug(reference.slug) : undefined;
    const promoIds = (session.discounts ?? []).flatMap((d) => idOf(d.promotion_code) ?? []);
    const codes = await codesUsed(tx, connection.id, promoIds);
    const buyer: Buyer = {
      connectionId: connection.id,
      customerId: idOf(session.customer),
      email: session.customer_details?.email ?? session.customer_email ?? null,
      name: session.customer_details?.name ?? null,
      at: new Date(session.created * 1000),
    };
    const campaigns = await lockCampaigns(
      tx,
      connection,
      [...(referrer ? [referrer.campaign_id] : []), ...codes.map((c) => c.campaign_id)],
      buyer.customerId,
    );
    const cause = { type: event.type, stripeObject: session.id, eventId: event.id };
    const campaign = referrer ? campaigns.get(referrer.campaign_id) : undefined;
    if (referrer && campaign)
      await attributeCheckout(tx, { campaign, referrer, leadRef: reference?.leadRef, buyer }, cause, now);
    for (const code of codes) {
      const owner = await referrersRepository(tx).findById(code.referrer_id);
      const codeCampaign = campaigns.get(code.campaign_id);
      if (!owner || !codeCampaign) continue;
      await recordCodeUse(
        tx,
        {
          campaign: codeCampaign,
          referrer: owner,
          promotionCode: code,
          source: 'checkout',
          reference: idOf(session.subscription) ?? session.id,
          buyer,
          subtotal: session.amount_subtotal,
          paid: session.amount_total,
          currency: session.currency,
        },
        cause,
        now,
      );
    }
    await customerEvent.apply(input);
  },
};
