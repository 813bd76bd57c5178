import type Stripe from 'stripe';
import type { ConnectionRow } from '../db/tables.js';
import type { Cause } from '../domain/event-commands.js';
import type { StripeGateway } from './gateway.js';

/** The connection an event came from, and the gateway to read from Stripe what the event leaves out. */
export type TranslationContext = {
  connection: ConnectionRow;
  gateway: StripeGateway | undefined;
};

/** What a translator reads of the event around its object. */
export type EventInfo = Pick<Stripe.Event, 'id' | 'type' | 'created'>;

/** The cause a command records: the event, and the Stripe object it was about. */
export const causeOf = (event: EventInfo, stripeObject: string): Cause => ({
  type: event.type,
  stripeObject,
  eventId: event.id,
});
