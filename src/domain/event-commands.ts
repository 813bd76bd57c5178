import type { DisputeStatus, PaymentStatus, RefundStatus } from './payment-facts.js';
import type { CustomerFields } from './sync-mapping.js';

/**
 * What Stripe events tell Vouch to do, in Vouch's own terms: `src/stripe` translates each event into these
 * commands (reading from Stripe what it must, such as a settled amount), and `src/services` applies them in
 * one transaction. Plain data; amounts in integer minor units.
 */

/** What caused a change, for timelines: the Stripe event type, the object it was about and the event. */
export type Cause = { type: string; stripeObject?: string | undefined; eventId?: string | undefined };

/** Who paid, and when: what a checkout, an invoice or a till tells about the friend. */
export type Buyer = {
  connectionId: string | null;
  customerId: string | null;
  email: string | null;
  name: string | null;
  /** When the order happened (Stripe's time for a checkout or an invoice). */
  at: Date;
};

type Common = {
  connectionId: string;
  cause: Cause;
};

/** A fact as Stripe last described it; `observedAt` (the event's `created`, in seconds) orders versions. */
type FactCommon = Common & { createdAt: Date; observedAt: number };

/** A charge of a customer (or of nobody yet), in its own currency and settled in the account's. */
export type PaymentSeen = FactCommon & {
  kind: 'payment_seen';
  chargeId: string;
  customerId: string | null;
  amount: number;
  currency: string;
  settledAmount: number;
  status: PaymentStatus;
};

/** A refund of (part of) a charge, stored even before its charge is known. */
export type RefundSeen = FactCommon & {
  kind: 'refund_seen';
  refundId: string;
  chargeId: string;
  amount: number;
  settledAmount: number;
  status: RefundStatus;
};

/** A dispute of a charge; `settledAmount` is what it takes (or would take) away. */
export type DisputeSeen = FactCommon & {
  kind: 'dispute_seen';
  disputeId: string;
  chargeId: string;
  amount: number;
  settledAmount: number;
  status: DisputeStatus;
};

/** A Stripe customer created, changed, or named as the buyer of a checkout. */
export type CustomerSeen = Common & {
  kind: 'customer_seen';
  customerId: string;
  email: string | null;
  metadata: Record<string, string>;
  createdAt: Date;
  via: 'created' | 'updated' | 'checkout';
  /** The customer as ongoing syncs take it in; null for a checkout or a deleted customer. */
  syncFields: CustomerFields | null;
};

/** An order paid with (perhaps) promotion codes: the codes' Stripe ids, the buyer and the amounts. */
type Order = Common & {
  buyer: Buyer;
  promotionCodeIds: string[];
  /** One use per order: the subscription it started or bills, else the session or invoice. */
  order: string;
  /** Before the discount (for a code's minimum), and what was paid (for revenue). */
  subtotal: number | null;
  paid: number | null;
  currency: string | null;
};

/** A checkout completed, with the referral reference the snippet put on it, if any. */
export type CheckoutCompleted = Order & {
  kind: 'checkout_completed';
  clientReference: string | null;
};

/** An invoice paid with promotion codes; the money itself comes with its charge. */
export type InvoicePaid = Order & { kind: 'invoice_paid' };

/** A coupon deleted in Stripe: the campaigns using it show it as a problem. */
export type CouponDeleted = Common & { kind: 'coupon_deleted'; couponId: string };

/** A promotion code switched off in Stripe. */
export type PromotionCodeSwitchedOff = Common & {
  kind: 'promotion_code_switched_off';
  promotionCodeId: string;
};

export type EventCommand =
  | PaymentSeen
  | RefundSeen
  | DisputeSeen
  | CustomerSeen
  | CheckoutCompleted
  | InvoicePaid
  | CouponDeleted
  | PromotionCodeSwitchedOff;
