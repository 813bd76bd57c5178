import { referrersRepository } from '../../db/repositories/referrers.js';
import { recordCodeUse } from '../../services/code-attribution.js';
import { invoicePromotionCodes } from '../promotion-codes.js';
import { idOf } from '../settled-amount.js';
import { codesUsed, lockCampaigns } from './checkout-event.js';
import type { EventHandler } from './registry.js';

type Invoice = {
  id: string;
  created: number;
  customer: unknown;
  customer_email: string | null;
  customer_name: string | null;
  subtotal: number;
  amount_paid: number;
  currency: string;
  discounts: unknown[] | null;
  subscription?: unknown;
  parent?: { subscription_details?: { subscription?: unknown } | null } | null;
};

/** The subscription an invoice bills, in the API versions before and after `parent` existed. */
const subscriptionOf = (invoice: Invoice): string | null =>
  idOf(invoice.parent?.subscription_details?.subscription) ?? idOf(invoice.subscription);

/**
 * invoice.paid with a referrer's promotion code (an invoice or subscription made with it): a code use.
 * A subscription's renewals carry the same code and count once, with the checkout that started it. The
 * money itself arrives with the charge the invoice was paid by.
 */
export const invoiceEvent: EventHandler<string[]> = {
  async prepare({ connection, event, gateway }) {
    const invoice = event.data.object as unknown as Invoice;
    const discounts = invoice.discounts ?? [];
    if (discounts.length === 0 || !gateway) return [];
    // Webhooks name discounts by id; their promotion codes need the invoice with discounts expanded.
    const inline = discounts.flatMap((d) =>
      typeof d === 'object' && d !== null
        ? (idOf((d as { promotion_code?: unknown }).promotion_code) ?? [])
        : [],
    );
    if (inline.length === discounts.length) return inline;
    return invoicePromotionCodes(gateway.forConnection(connection), invoice.id);
  },
  async apply({ tx, connection, event, now, prepared }) {
    if (prepared.length === 0) return;
    const invoice = event.data.object as unknown as Invoice;
    const codes = await codesUsed(tx, connection.id, prepared);
    if (codes.length === 0) return;
    const customerId = idOf(invoice.customer);
    const campaigns = await lockCampaigns(
      tx,
      connection,
      codes.map((c) => c.campaign_id),
      customerId,
    );
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
          source: 'invoice',
          reference: subscriptionOf(invoice) ?? invoice.id,
          buyer: {
            connectionId: connection.id,
            customerId,
            email: invoice.customer_email,
            name: invoice.customer_name,
            at: new Date(invoice.created * 1000),
          },
          subtotal: invoice.subtotal,
          paid: invoice.amount_paid,
          currency: invoice.currency,
        },
        { type: event.type, stripeObject: invoice.id, eventId: event.id },
        now,
      );
    }
  },
};
