import type { Tx } from '../../db/database.js';
import type { ConnectionRow } from '../../db/tables.js';
import type { StripeGateway } from '../gateway.js';
import { idOf } from '../settled-amount.js';
import { chargeEvent } from './charge-event.js';
import { checkoutEvent } from './checkout-event.js';
import { couponEvent } from './coupon-event.js';
import { customerEvent } from './customer-event.js';
import { disputeEvent } from './dispute-event.js';
import { invoiceEvent } from './invoice-event.js';
import { refundEvent } from './refund-event.js';

export type StripeEventPayload = {
  id: string;
  type: string;
  created: number;
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
};

/** What a handler gets outside the transaction, to read from Stripe (settled amounts) before writing. */
export type PrepareInput = {
  connection: ConnectionRow;
  event: StripeEventPayload;
  gateway: StripeGateway | undefined;
};

/** What a handler gets to write: the same, plus the transaction and what `prepare` found. */
export type HandlerInput<P = unknown> = PrepareInput & {
  tx: Tx;
  now: Date;
  prepared: P;
  /** Base of referral links, for what a handler writes back to Stripe (syncs). */
  publicUrl?: string | undefined;
};

export type EventHandler<P = unknown> = {
  prepare?: (input: PrepareInput) => Promise<P>;
  apply: (input: HandlerInput<P>) => Promise<void>;
};

/**
 * One handler per Stripe event family (stripe/handlers/*-event.ts). A subscribed type without a handler
 * (payment_intent.succeeded: the charge it paid carries the money) is recorded and marked processed; it
 * changes nothing. invoice.paid only records promotion code uses, so one payment still counts once.
 */
const erase = <P>(handler: EventHandler<P>) => handler as unknown as EventHandler<unknown>;

export const handlers: Partial<Record<string, EventHandler<unknown>>> = {
  'charge.succeeded': erase(chargeEvent),
  'charge.failed': erase(chargeEvent),
  'charge.updated': erase(chargeEvent),
  'charge.refunded': erase(chargeEvent),
  'refund.created': erase(refundEvent),
  'refund.updated': erase(refundEvent),
  'charge.dispute.created': erase(disputeEvent),
  'charge.dispute.updated': erase(disputeEvent),
  'charge.dispute.closed': erase(disputeEvent),
  'customer.created': erase(customerEvent),
  'customer.updated': erase(customerEvent),
  'checkout.session.completed': erase(checkoutEvent),
  'invoice.paid': erase(invoiceEvent),
  'coupon.deleted': erase(couponEvent),
  'promotion_code.updated': erase(couponEvent),
};

/** Whether an event of this type changes anything, i.e. needs a processing job. */
export const hasHandler = (type: string): boolean => handlers[type] !== undefined;

/**
 * What an event's changes queue on (the customer, else the charge, else the object itself): events with the
 * same key are applied by the same worker lane, in order, so lanes rarely wait on each other's locks.
 */
export function serialKey(event: StripeEventPayload): string {
  const object = event.data?.object ?? {};
  return idOf(object.customer) ?? idOf(object.charge) ?? idOf(object.id) ?? event.id;
}
