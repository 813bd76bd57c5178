/** Subscription engine: create with a first invoice, and advance one period (renewal invoice). */
import { type Ctx, previousAttributes, snapshot } from '../context.js';
import { invalidParam, invalidRequest, type StripeApiError } from '../errors.js';
import { newId, nowSeconds } from '../ids.js';
import type { InvoiceObj, PriceObj, SubscriptionItemObj, SubscriptionObj } from '../shapes.js';
import { type DiscountSpec, redeemDiscount, specFromDiscount } from './discounts.js';
import { createInvoice, type LineInput, payInvoice } from './invoicing.js';

export function addInterval(ts: number, interval: string, count: number): number {
  const d = new Date(ts * 1000);
  if (interval === 'day') d.setUTCDate(d.getUTCDate() + count);
  else if (interval === 'week') d.setUTCDate(d.getUTCDate() + 7 * count);
  else if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + count);
  else d.setUTCFullYear(d.getUTCFullYear() + count);
  return Math.floor(d.getTime() / 1000);
}

export interface SubscriptionInput {
  customer: string;
  items: { price: PriceObj; quantity: number }[];
  paymentMethod: string;
  discounts: DiscountSpec[];
  metadata: Record<string, string>;
  description: string | null;
}

function recurringOf(price: PriceObj, param: string) {
  if (!price.recurring) {
    throw invalidParam(
      param,
      `The price specified (${price.id}) is not a recurring price; subscriptions need recurring prices.`,
    );
  }
  return price.recurring;
}

/**
 * How many of its subscription's invoices existed when a discount was added: a coupon's duration counts
 * from the first invoice after that (a state file reloaded forgets it and counts from the start).
 */
const addedAtInvoice = new WeakMap<object, number>();

const invoiceCount = (ctx: Ctx, subscriptionId: string) =>
  [...ctx.state.invoices.values()].filter(
    (i) => i.parent?.subscription_details?.subscription === subscriptionId,
  ).length;

/** Replaces a subscription's discounts (`POST /v1/subscriptions/:id` with `discounts`). */
export function setSubscriptionDiscounts(ctx: Ctx, sub: SubscriptionObj, specs: DiscountSpec[]): void {
  const offset = invoiceCount(ctx, sub.id);
  sub.discounts = specs.map((spec) => {
    if (spec.existing) return spec.existing.id;
    const discount = redeemDiscount(ctx, spec, { customer: String(sub.customer), subscription: sub.id });
    addedAtInvoice.set(discount, offset);
    return discount.id;
  });
}

/** Discounts that still apply to the subscription's `index`-th invoice (0 = first). */
function discountsFor(ctx: Ctx, sub: SubscriptionObj, subscriptionIndex: number): string[] {
  const interval = sub.items.data[0]?.price.recurring;
  const monthsPerPeriod =
    interval?.interval === 'year' ? 12 * interval.interval_count : (interval?.interval_count ?? 1);
  return sub.discounts.flatMap((ref) => {
    const id = typeof ref === 'string' ? ref : ref.id;
    const discount = ctx.state.discounts.get(id);
    const spec = discount ? specFromDiscount(ctx, discount) : null;
    if (!discount || !spec) return [];
    const index = subscriptionIndex - (addedAtInvoice.get(discount) ?? 0);
    if (index < 0) return [];
    const { duration, duration_in_months: months } = spec.coupon;
    if (duration === 'forever') return [id];
    if (duration === 'once') return index === 0 ? [id] : [];
    return index * monthsPerPeriod < (months ?? 0) ? [id] : [];
  });
}

function lines(sub: SubscriptionObj): LineInput[] {
  return sub.items.data.map((item) => ({
    amount: (item.price.unit_amount ?? 0) * (item.quantity ?? 1),
    quantity: item.quantity ?? 1,
    description: `${item.quantity ?? 1} × ${item.price.nickname ?? item.price.product} (at ${item.price.unit_amount})`,
    price: item.price,
    period: { start: item.current_period_start, end: item.current_period_end },
    subscription: sub.id,
    subscriptionItem: item.id,
  }));
}

function invoiceFor(ctx: Ctx, sub: SubscriptionObj, reason: InvoiceObj['billing_reason'], index: number) {
  return createInvoice(ctx, {
    customer: String(sub.customer),
    currency: sub.currency,
    lines: lines(sub),
    billingReason: reason,
    subscription: sub.id,
    discountIds: discountsFor(ctx, sub, index),
    metadata: {},
    description: null,
    autoAdvance: true,
    collectionMethod: 'charge_automatically',
    defaultPaymentMethod: typeof sub.default_payment_method === 'string' ? sub.default_payment_method : null,
  });
}

export function createSubscription(ctx: Ctx, input: SubscriptionInput) {
  if (input.items.length === 0)
    throw invalidParam('items', 'Missing required param: items.', 'parameter_missing');
  const first = input.items[0]!;
  const recurring = recurringOf(first.price, 'items[0][price]');
  input.items.forEach((item, i) => {
    const r = recurringOf(item.price, `items[${i}][price]`);
    if (item.price.currency !== first.price.currency || r.interval !== recurring.interval) {
      throw invalidParam(
        `items[${i}][price]`,
        'All prices on a subscription must share currency and interval.',
      );
    }
  });
  const now = nowSeconds();
  const end = addInterval(now, recurring.interval, recurring.interval_count);
  const id = newId('sub');
  const sub: SubscriptionObj = {
    id,
    object: 'subscription',
    billing_cycle_anchor: now,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    collection_method: 'charge_automatically',
    created: now,
    currency: first.price.currency,
    customer: input.customer,
    default_payment_method: input.paymentMethod,
    description: input.description,
    discounts: [],
    ended_at: null,
    latest_invoice: null,
    livemode: false,
    metadata: input.metadata,
    start_date: now,
    status: 'incomplete',
    trial_end: null,
    trial_start: null,
    items: {
      object: 'list',
      data: input.items.map(
        (item): SubscriptionItemObj => ({
          id: newId('si'),
          object: 'subscription_item',
          created: now,
          current_period_end: end,
          current_period_start: now,
          discounts: [],
          metadata: {},
          price: snapshot(item.price),
          quantity: item.quantity,
          subscription: id,
        }),
      ),
      has_more: false,
      url: `/v1/subscription_items?subscription=${id}`,
    },
  };
  ctx.state.subscriptions.set(sub.id, sub);
  sub.discounts = input.discounts.map(
    (spec) => redeemDiscount(ctx, spec, { customer: input.customer, subscription: sub.id }).id,
  );
  const invoice = invoiceFor(ctx, sub, 'subscription_create', 0);
  sub.latest_invoice = invoice.id;
  const error = payInvoice(ctx, invoice, input.paymentMethod);
  sub.status = error ? 'incomplete' : 'active';
  ctx.emit('customer.subscription.created', sub);
  return { sub, invoice, error };
}

/** Test helper: moves the subscription one period forward and pays the renewal invoice. */
export function advanceSubscription(
  ctx: Ctx,
  sub: SubscriptionObj,
): { invoice: InvoiceObj | null; error: StripeApiError | null } {
  if (sub.status === 'canceled' || sub.status === 'incomplete_expired') {
    throw invalidRequest(
      `Subscription ${sub.id} is ${sub.status} and cannot be advanced.`,
      undefined,
      'subscription_not_active',
    );
  }
  const before = snapshot(sub);
  const index = invoiceCount(ctx, sub.id);
  for (const item of sub.items.data) {
    const r = item.price.recurring;
    item.current_period_start = item.current_period_end;
    item.current_period_end = addInterval(
      item.current_period_end,
      r?.interval ?? 'month',
      r?.interval_count ?? 1,
    );
  }
  if (sub.cancel_at_period_end) {
    sub.status = 'canceled';
    sub.canceled_at = nowSeconds();
    sub.ended_at = nowSeconds();
    ctx.emit('customer.subscription.deleted', sub);
    return { invoice: null, error: null };
  }
  const invoice = invoiceFor(ctx, sub, 'subscription_cycle', index);
  sub.latest_invoice = invoice.id;
  const error = payInvoice(
    ctx,
    invoice,
    typeof sub.default_payment_method === 'string' ? sub.default_payment_method : null,
  );
  sub.status = error ? 'past_due' : 'active';
  ctx.emit('customer.subscription.updated', sub, previousAttributes(before, sub));
  return { invoice, error };
}
