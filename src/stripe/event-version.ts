import Stripe from 'stripe';
import type { StripeClient } from './stripe-client.js';

/** The API version this SDK reads, and that Vouch's own webhook endpoints are pinned to. */
export const SDK_API_VERSION: string = Stripe.API_VERSION;

/** Reads an object of these types afresh, by id, in the SDK's version; other types are used as sent. */
const RETRIEVE: Record<string, (client: StripeClient, id: string) => Promise<unknown>> = {
  customer: (c, id) => c.customers.retrieve(id),
  charge: (c, id) => c.charges.retrieve(id),
  refund: (c, id) => c.refunds.retrieve(id),
  dispute: (c, id) => c.disputes.retrieve(id),
  'checkout.session': (c, id) => c.checkout.sessions.retrieve(id),
  invoice: (c, id) => c.invoices.retrieve(id),
  payment_intent: (c, id) => c.paymentIntents.retrieve(id),
  coupon: (c, id) => c.coupons.retrieve(id),
  promotion_code: (c, id) => c.promotionCodes.retrieve(id),
};

/**
 * An event as it is translated: in the SDK's API version. Webhooks from Vouch's own endpoint come in it
 * already (the endpoint is pinned); events read from the Events API (polling, reconciliation) come in the
 * version that was the account's default when they were made, and an endpoint made by hand sends its own:
 * older versions shape objects differently (a PaymentIntent's charges, an Invoice's subscription, a
 * PromotionCode's coupon). Such an event's object is fetched afresh, in the SDK's version; one Stripe no
 * longer has (deleted) is used as sent.
 */
export async function inSdkVersion(
  event: Stripe.Event,
  client: StripeClient | undefined,
): Promise<Stripe.Event> {
  if (!client || !event.api_version || event.api_version === SDK_API_VERSION) return event;
  const object: object = event.data.object;
  const type = 'object' in object ? object.object : undefined;
  const id = 'id' in object ? object.id : undefined;
  const retrieve = typeof type === 'string' ? RETRIEVE[type] : undefined;
  if (!retrieve || typeof id !== 'string') return event;
  try {
    const fresh = await retrieve(client, id);
    // The same object, read in the version the event's type is declared in.
    return { ...event, data: { ...event.data, object: fresh } } as Stripe.Event;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return event;
    throw error;
  }
}

/**
 * A stored inbox payload as the event it is: the inbox keeps events as Stripe sent them (a webhook's after
 * its signature was checked), so only its outline is checked here.
 */
export function storedEvent(payload: unknown): Stripe.Event {
  if (!isEvent(payload)) throw new Error('stored payload is not a Stripe event');
  return payload;
}

function isEvent(value: unknown): value is Stripe.Event {
  if (typeof value !== 'object' || value === null) return false;
  if (!('id' in value && 'type' in value && 'data' in value)) return false;
  const data = value.data;
  return (
    typeof value.id === 'string' &&
    typeof value.type === 'string' &&
    typeof data === 'object' &&
    data !== null &&
    'object' in data
  );
}
