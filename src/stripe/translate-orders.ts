import type Stripe from 'stripe';
import type { CheckoutCompleted, CustomerSeen, InvoicePaid } from '../domain/event-commands.js';
import { invoicePromotionCodes } from './promotion-codes.js';
import { idOf } from './settled-amount.js';
import { causeOf, type EventInfo, type TranslationContext } from './translation-context.js';

/** The promotion codes of discounts Stripe sent expanded; a discount named only by its id tells none. */
function expandedPromotionCodes(
  discounts: ReadonlyArray<string | Pick<Stripe.Discount, 'promotion_code'>>,
): string[] {
  return discounts.flatMap((d) => (typeof d === 'string' ? [] : (idOf(d.promotion_code) ?? [])));
}

/**
 * checkout.session.completed: the order with the buyer, the codes used and the referral reference the
 * snippet put in `client_reference_id`; and its customer, seen as a checkout's buyer.
 */
export function translateCheckout(
  session: Stripe.Checkout.Session,
  event: EventInfo,
  { connection }: TranslationContext,
): Array<CheckoutCompleted | CustomerSeen> {
  const customerId = idOf(session.customer);
  const email = session.customer_details?.email ?? session.customer_email ?? null;
  const at = new Date(session.created * 1000);
  const checkout: CheckoutCompleted = {
    kind: 'checkout_completed',
    connectionId: connection.id,
    clientReference: session.client_reference_id,
    buyer: {
      connectionId: connection.id,
      customerId,
      email,
      name: session.customer_details?.name ?? null,
      at,
    },
    promotionCodeIds: expandedPromotionCodes(session.discounts ?? []),
    order: idOf(session.subscription) ?? session.id,
    subtotal: session.amount_subtotal,
    paid: session.amount_total,
    currency: session.currency,
    cause: causeOf(event, session.id),
  };
  if (!customerId) return [checkout];
  const customer: CustomerSeen = {
    kind: 'customer_seen',
    connectionId: connection.id,
    customerId,
    email,
    metadata: {},
    createdAt: at,
    via: 'checkout',
    syncFields: null,
    cause: causeOf(event, customerId),
  };
  return [checkout, customer];
}

/** The subscription an invoice bills, in the API versions before and after `parent` existed. */
const subscriptionOf = (invoice: Stripe.Invoice): string | null =>
  idOf(invoice.parent?.subscription_details?.subscription) ??
  ('subscription' in invoice ? idOf(invoice.subscription) : null);

/**
 * invoice.paid with promotion codes (an invoice or subscription made with a referrer's code). Webhooks name
 * discounts by id; their promotion codes then need the invoice read with discounts expanded.
 */
export async function translateInvoice(
  invoice: Stripe.Invoice,
  event: EventInfo,
  { connection, gateway }: TranslationContext,
): Promise<InvoicePaid[]> {
  const discounts = invoice.discounts ?? [];
  if (discounts.length === 0 || !gateway) return [];
  const expanded = expandedPromotionCodes(discounts);
  const promotionCodeIds =
    expanded.length === discounts.length
      ? expanded
      : await invoicePromotionCodes(gateway.forConnection(connection), invoice.id);
  if (promotionCodeIds.length === 0) return [];
  return [
    {
      kind: 'invoice_paid',
      connectionId: connection.id,
      buyer: {
        connectionId: connection.id,
        customerId: idOf(invoice.customer),
        email: invoice.customer_email,
        name: invoice.customer_name,
        at: new Date(invoice.created * 1000),
      },
      promotionCodeIds,
      order: subscriptionOf(invoice) ?? invoice.id,
      subtotal: invoice.subtotal,
      paid: invoice.amount_paid,
      currency: invoice.currency,
      cause: causeOf(event, invoice.id),
    },
  ];
}
