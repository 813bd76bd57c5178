/**
 * The Stripe events Vouch subscribes to: customers (to match friends), payments with their refunds and
 * disputes (to qualify), checkouts and invoices (to attribute and to count renewals), and codes.
 */
export const SUBSCRIBED_EVENTS = [
  'customer.created',
  'customer.updated',
  'customer.deleted',
  'checkout.session.completed',
  'charge.succeeded',
  'charge.failed',
  'charge.updated',
  'charge.refunded',
  'refund.created',
  'refund.updated',
  'charge.dispute.created',
  'charge.dispute.updated',
  'charge.dispute.closed',
  'invoice.paid',
  'payment_intent.succeeded',
  'coupon.deleted',
  'promotion_code.updated',
] as const;

export type SubscribedEvent = (typeof SUBSCRIBED_EVENTS)[number];

const subscribed = new Set<string>(SUBSCRIBED_EVENTS);
export const isSubscribed = (type: string): type is SubscribedEvent => subscribed.has(type);
