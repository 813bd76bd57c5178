import type Stripe from 'stripe';
import type {
  CouponDeleted,
  CustomerSeen,
  DisputeSeen,
  EventCommand,
  PaymentSeen,
  PromotionCodeSwitchedOff,
  RefundSeen,
} from '../domain/event-commands.js';
import type { DisputeStatus, PaymentStatus, RefundStatus } from '../domain/payment-facts.js';
import { customerFields } from './customer-pages.js';
import { idOf, settledAmount } from './settled-amount.js';
import { translateCheckout, translateInvoice } from './translate-orders.js';
import { causeOf, type EventInfo, type TranslationContext } from './translation-context.js';
import { isSubscribed } from './webhook-events.js';

const paymentStatus = (status: Stripe.Charge.Status): PaymentStatus =>
  status === 'succeeded' ? 'succeeded' : status === 'pending' ? 'pending' : 'failed';

/** charge.*: the charge, settled in the account's currency once it succeeded (nothing to settle before). */
async function translateCharge(
  charge: Stripe.Charge,
  event: EventInfo,
  { connection, gateway }: TranslationContext,
): Promise<PaymentSeen[]> {
  const settled =
    charge.status === 'succeeded'
      ? await settledAmount(gateway, connection, {
          amount: charge.amount,
          currency: charge.currency,
          balanceTransaction: idOf(charge.balance_transaction),
        })
      : 0;
  return [
    {
      kind: 'payment_seen',
      connectionId: connection.id,
      chargeId: charge.id,
      customerId: idOf(charge.customer),
      amount: charge.amount,
      currency: charge.currency,
      settledAmount: settled,
      status: paymentStatus(charge.status),
      createdAt: new Date(charge.created * 1000),
      observedAt: event.created,
      cause: causeOf(event, charge.id),
    },
  ];
}

/** refund.*: the refund of a charge (none when Stripe names no charge). */
async function translateRefund(
  refund: Stripe.Refund,
  event: EventInfo,
  { connection, gateway }: TranslationContext,
): Promise<RefundSeen[]> {
  const settled = await settledAmount(gateway, connection, {
    amount: refund.amount,
    currency: refund.currency,
    balanceTransaction: idOf(refund.balance_transaction),
  });
  const chargeId = idOf(refund.charge);
  if (!chargeId) return [];
  return [
    {
      kind: 'refund_seen',
      connectionId: connection.id,
      refundId: refund.id,
      chargeId,
      amount: refund.amount,
      settledAmount: settled,
      status: refund.status as RefundStatus,
      createdAt: new Date(refund.created * 1000),
      observedAt: event.created,
      cause: causeOf(event, refund.id),
    },
  ];
}

/** What the dispute took in the default currency: its withdrawal, or its amount when in that currency. */
function disputedAmount(dispute: Stripe.Dispute, defaultCurrency: string): number {
  const withdrawn = (dispute.balance_transactions ?? [])
    .filter((t) => t.amount < 0)
    .reduce((sum, t) => sum + Math.abs(t.amount), 0);
  if (withdrawn > 0) return withdrawn;
  if (dispute.currency.toLowerCase() === defaultCurrency) return dispute.amount;
  throw new Error(`cannot settle dispute ${dispute.id} in ${defaultCurrency}: no balance transaction`);
}

/** charge.dispute.*: the dispute of a charge, a loss until won. */
function translateDispute(
  dispute: Stripe.Dispute,
  event: EventInfo,
  { connection }: TranslationContext,
): DisputeSeen[] {
  const chargeId = idOf(dispute.charge);
  if (!chargeId) return [];
  return [
    {
      kind: 'dispute_seen',
      connectionId: connection.id,
      disputeId: dispute.id,
      chargeId,
      amount: dispute.amount,
      settledAmount: disputedAmount(dispute, connection.default_currency),
      status: dispute.status as DisputeStatus,
      createdAt: new Date(dispute.created * 1000),
      observedAt: event.created,
      cause: causeOf(event, dispute.id),
    },
  ];
}

/**
 * customer.created / updated: the customer with its email and metadata. One deleted since the event (read
 * afresh in the SDK's version) has neither, and is not taken in by syncs.
 */
function translateCustomer(
  customer: Stripe.Customer,
  event: EventInfo,
  { connection }: TranslationContext,
): CustomerSeen[] {
  const deleted = Boolean(customer.deleted);
  return [
    {
      kind: 'customer_seen',
      connectionId: connection.id,
      customerId: customer.id,
      email: customer.email ?? null,
      metadata: { ...(customer.metadata ?? {}) },
      createdAt: new Date(customer.created * 1000),
      via: event.type === 'customer.updated' ? 'updated' : 'created',
      syncFields: deleted ? null : customerFields(customer),
      cause: causeOf(event, customer.id),
    },
  ];
}

/** coupon.deleted: the codes of campaigns using it no longer work at checkout. */
const translateCouponDeleted = (
  coupon: Stripe.Coupon,
  event: EventInfo,
  { connection }: TranslationContext,
): CouponDeleted[] => [
  {
    kind: 'coupon_deleted',
    connectionId: connection.id,
    couponId: coupon.id,
    cause: causeOf(event, coupon.id),
  },
];

/** promotion_code.updated: only a code switched off in Stripe changes anything in Vouch. */
const translatePromotionCode = (
  code: Stripe.PromotionCode,
  event: EventInfo,
  { connection }: TranslationContext,
): PromotionCodeSwitchedOff[] =>
  code.active === false
    ? [
        {
          kind: 'promotion_code_switched_off',
          connectionId: connection.id,
          promotionCodeId: code.id,
          cause: causeOf(event, code.id),
        },
      ]
    : [];

/**
 * Subscribed types that change nothing: they are recorded and marked processed at once. The charge a
 * payment_intent.succeeded paid carries the money; a deleted customer keeps its facts. Every other
 * subscribed type is translated below (invoice.paid only records promotion code uses, so one payment still
 * counts once).
 */
const RECORDED_ONLY = new Set<string>(['customer.deleted', 'payment_intent.succeeded']);

/** Whether an event of this type changes anything, i.e. needs to be applied. */
export const isHandled = (type: string): boolean => isSubscribed(type) && !RECORDED_ONLY.has(type);

/**
 * What a Stripe event asks of Vouch, as commands to apply in order (none when it changes nothing). Reads
 * from Stripe what the event leaves out (settled amounts, an invoice's promotion codes), so call it outside
 * any transaction, with the event in the SDK's version (`inSdkVersion`).
 */
export async function translateEvent(
  event: Stripe.Event,
  context: TranslationContext,
): Promise<EventCommand[]> {
  switch (event.type) {
    case 'charge.succeeded':
    case 'charge.failed':
    case 'charge.updated':
    case 'charge.refunded':
      return translateCharge(event.data.object, event, context);
    case 'refund.created':
    case 'refund.updated':
      return translateRefund(event.data.object, event, context);
    case 'charge.dispute.created':
    case 'charge.dispute.updated':
    case 'charge.dispute.closed':
      return translateDispute(event.data.object, event, context);
    case 'customer.created':
    case 'customer.updated':
      return translateCustomer(event.data.object, event, context);
    case 'checkout.session.completed':
      return translateCheckout(event.data.object, event, context);
    case 'invoice.paid':
      return translateInvoice(event.data.object, event, context);
    case 'coupon.deleted':
      return translateCouponDeleted(event.data.object, event, context);
    case 'promotion_code.updated':
      return translatePromotionCode(event.data.object, event, context);
    default:
      return [];
  }
}

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;

/**
 * What a stored event's changes queue on (the customer, else the charge, else the object itself): events
 * with the same key are applied by the same worker lane, in order, so lanes rarely wait on each other's
 * locks. Read from the payload as stored, in whatever API version it came.
 */
export function serialKey(payload: unknown): string {
  const object = field(field(payload, 'data'), 'object');
  return (
    idOf(field(object, 'customer')) ??
    idOf(field(object, 'charge')) ??
    idOf(field(object, 'id')) ??
    String(field(payload, 'id'))
  );
}
