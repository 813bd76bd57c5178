/**
 * The one place that says how an object's shape depends on the API version. The emulator keeps every
 * object in the shape of the SDK's own version; each change below turns an object of one type from the
 * shape of `since` and later into the shape before it. Rendering in version V applies, newest first, every
 * change whose `since` is after V (see version-render.ts). A change may also name request parameters that
 * exist only from `since` (`added`) or only before it (`removed`).
 *
 * To support another difference, add a row (newest first) with the changelog page it comes from.
 */
import { snapshot } from './context.js';
import type { State } from './store.js';

export type Json = Record<string, unknown>;

export interface VersionChange {
  /** The first version with the newer shape. */
  since: string;
  summary: string;
  /** Stripe's changelog entry. */
  source: string;
  /** Object type (`object` field) -> turns one object from the newer shape into the older one, in place. */
  objects?: Record<string, (object: Json, state: State) => void>;
  /** Route (`POST /v1/...`) -> top-level parameters that exist from `since` on, or only before it. */
  params?: Record<string, { added?: string[]; removed?: string[] }>;
}

const idOf = (value: unknown): string | null =>
  typeof value === 'string'
    ? value
    : typeof value === 'object' && value !== null && typeof (value as Json).id === 'string'
      ? ((value as Json).id as string)
      : null;

const asJson = (value: unknown): Json | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;

/** Older versions embed the whole coupon; one deleted since is shown as a deleted object. */
function embeddedCoupon(ref: unknown, state: State): Json | null {
  if (asJson(ref)) return ref as Json;
  const id = idOf(ref);
  if (!id) return null;
  const coupon = state.coupons.get(id);
  return coupon ? (snapshot(coupon) as unknown as Json) : { id, object: 'coupon', deleted: true };
}

/** The invoice a PaymentIntent pays, as older versions named it on the PaymentIntent and the Charge. */
function invoiceOf(state: State, paymentIntent: string | null): string | null {
  return (paymentIntent && state.paymentIntentInvoices.get(paymentIntent)) || null;
}

function invoiceBeforeBasil(invoice: Json): void {
  const parent = asJson(invoice.parent);
  const details = asJson(parent?.subscription_details);
  invoice.subscription = details?.subscription ?? null;
  invoice.subscription_details = details ? { metadata: details.metadata ?? null } : null;
  invoice.quote = asJson(parent?.quote_details)?.quote ?? null;
  delete invoice.parent;
  const payments = (asJson(invoice.payments)?.data as Json[] | undefined) ?? [];
  const payment = asJson((payments.find((p) => p.is_default) ?? payments[0])?.payment);
  invoice.charge = payment?.charge ?? null;
  invoice.payment_intent = payment?.payment_intent ?? null;
  invoice.paid = invoice.status === 'paid';
  invoice.paid_out_of_band = false;
  delete invoice.payments;
}

/** Before 2022-11-15 a PaymentIntent listed its charges (up to its latest one), newest first. */
function paymentIntentCharges(pi: Json, state: State): void {
  const latest = idOf(pi.latest_charge);
  const all = [...state.charges.values()].filter((c) => c.payment_intent === pi.id);
  const upTo = latest ? all.slice(0, all.findIndex((c) => c.id === latest) + 1) : [];
  delete pi.latest_charge;
  pi.charges = {
    object: 'list',
    data: upTo.reverse().map((c) => snapshot(c)),
    has_more: false,
    total_count: upTo.length,
    url: `/v1/charges?payment_intent=${String(pi.id)}`,
  };
}

export const VERSION_CHANGES: readonly VersionChange[] = [
  {
    since: '2025-09-30.clover',
    summary: 'Promotion codes name their coupon under promotion.coupon; discounts under source.coupon',
    source:
      'https://docs.stripe.com/changelog/clover/2025-09-30/polymorphic-coupon, https://docs.stripe.com/changelog/clover/2025-09-30/add-discount-source-property',
    objects: {
      promotion_code: (promo, state) => {
        promo.coupon = embeddedCoupon(asJson(promo.promotion)?.coupon, state);
        delete promo.promotion;
      },
      discount: (discount, state) => {
        discount.coupon = embeddedCoupon(asJson(discount.source)?.coupon, state);
        delete discount.source;
      },
    },
    params: { 'POST /v1/promotion_codes': { added: ['promotion'], removed: ['coupon'] } },
  },
  {
    since: '2025-03-31.basil',
    summary:
      'Invoices name their subscription under parent and their payments under payments; subscription periods move to items; invoice items take pricing[price]',
    source:
      'https://docs.stripe.com/changelog/basil/2025-03-31/adds-new-parent-field-to-invoicing-objects, https://docs.stripe.com/changelog/basil/2025-03-31/add-support-for-multiple-partial-payments-on-invoices, https://docs.stripe.com/changelog/basil/2025-03-31/deprecate-subscription-current-period-start-and-end, https://docs.stripe.com/changelog/basil/2025-03-31/invoice-pricing-configurations',
    objects: {
      invoice: (invoice) => invoiceBeforeBasil(invoice),
      payment_intent: (pi, state) => {
        pi.invoice = invoiceOf(state, idOf(pi.id));
      },
      charge: (charge, state) => {
        charge.invoice = invoiceOf(state, idOf(charge.payment_intent));
      },
      subscription: (sub) => {
        const item = asJson((asJson(sub.items)?.data as Json[] | undefined)?.[0]);
        sub.current_period_start = item?.current_period_start ?? null;
        sub.current_period_end = item?.current_period_end ?? null;
      },
    },
    params: { 'POST /v1/invoiceitems': { added: ['pricing'], removed: ['price'] } },
  },
  {
    since: '2022-11-15',
    summary: 'PaymentIntents name their latest charge (latest_charge) instead of listing their charges',
    source: 'https://docs.stripe.com/changelog/2022-11-15/removes-charges-attribute-paymentintent',
    objects: { payment_intent: paymentIntentCharges },
  },
];
