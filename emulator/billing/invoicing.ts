/**
 * Invoice engine: build a draft from lines, recompute totals with discounts, finalize (applying the
 * customer's credit balance), and pay with a test payment method.
 */
import { type Ctx, snapshot } from '../context.js';
import { invalidRequest, type StripeApiError } from '../errors.js';
import { newId, nowSeconds } from '../ids.js';
import { applyBalanceChange } from '../resources/customer-balance.js';
import { getCustomer } from '../resources/customers.js';
import { type InvoiceLineObj, type InvoiceObj, type PriceObj, wireDecimal } from '../shapes.js';
import { checkMinimumAmount, discountAmount, specFromDiscount } from './discounts.js';
import { pay } from './payments.js';

export interface LineInput {
  amount: number;
  quantity: number;
  description: string | null;
  price: PriceObj | null;
  period: { start: number; end: number };
  subscription: string | null;
  metadata?: Record<string, string>;
  invoiceItem?: string;
  subscriptionItem?: string;
}

export interface InvoiceInput {
  customer: string;
  currency: string;
  lines: LineInput[];
  billingReason: InvoiceObj['billing_reason'];
  subscription: string | null;
  discountIds: string[];
  metadata: Record<string, string>;
  description: string | null;
  autoAdvance: boolean;
  collectionMethod: InvoiceObj['collection_method'];
  defaultPaymentMethod: string | null;
}

function buildLine(invoiceId: string, currency: string, line: LineInput): InvoiceLineObj {
  return {
    id: newId('il'),
    object: 'line_item',
    amount: line.amount,
    currency,
    description: line.description,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: invoiceId,
    livemode: false,
    metadata: line.metadata ?? {},
    parent: line.invoiceItem
      ? {
          invoice_item_details: {
            invoice_item: line.invoiceItem,
            proration: false,
            proration_details: null,
            subscription: line.subscription,
          },
          subscription_item_details: null,
          type: 'invoice_item_details',
        }
      : line.subscriptionItem
        ? {
            invoice_item_details: null,
            subscription_item_details: {
              invoice_item: null,
              proration: false,
              proration_details: null,
              subscription: line.subscription,
              subscription_item: line.subscriptionItem,
            },
            type: 'subscription_item_details',
          }
        : null,
    period: line.period,
    pricing: line.price
      ? {
          price_details: { price: line.price.id, product: String(line.price.product) },
          type: 'price_details',
          unit_amount_decimal: wireDecimal(line.price.unit_amount ?? 0),
        }
      : null,
    quantity: line.quantity,
    subscription: line.subscription,
    subtotal: line.amount,
  } satisfies InvoiceLineObj;
}

export function addLines(invoice: InvoiceObj, lines: LineInput[]): void {
  for (const line of lines) invoice.lines.data.push(buildLine(invoice.id, invoice.currency, line));
}

export function createInvoice(ctx: Ctx, input: InvoiceInput): InvoiceObj {
  const customer = getCustomer(ctx, input.customer);
  const now = nowSeconds();
  const id = newId('in');
  const invoice: InvoiceObj = {
    id,
    object: 'invoice',
    amount_due: 0,
    amount_paid: 0,
    amount_remaining: 0,
    attempt_count: 0,
    attempted: false,
    auto_advance: input.autoAdvance,
    billing_reason: input.billingReason,
    collection_method: input.collectionMethod,
    created: now,
    currency: input.currency.toLowerCase(),
    customer: customer.id,
    customer_email: customer.email,
    customer_name: customer.name ?? null,
    default_payment_method: input.defaultPaymentMethod,
    description: input.description,
    discounts: input.discountIds,
    ending_balance: null,
    livemode: false,
    metadata: input.metadata,
    number: null,
    parent: input.subscription
      ? {
          quote_details: null,
          subscription_details: { metadata: {}, subscription: input.subscription },
          type: 'subscription_details',
        }
      : null,
    period_end: input.lines[0]?.period.end ?? now,
    period_start: input.lines[0]?.period.start ?? now,
    starting_balance: 0,
    status: 'draft',
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: 0,
    total: 0,
    total_discount_amounts: [],
    lines: { object: 'list', data: [], has_more: false, url: `/v1/invoices/${id}/lines` },
    payments: { object: 'list', data: [], has_more: false, url: `/v1/invoice_payments?invoice=${id}` },
  };
  addLines(invoice, input.lines);
  ctx.state.invoices.set(invoice.id, invoice);
  recomputeTotals(ctx, invoice);
  ctx.emit('invoice.created', invoice);
  return invoice;
}

export function recomputeTotals(ctx: Ctx, invoice: InvoiceObj): void {
  const subtotal = invoice.lines.data.reduce((sum, l) => sum + l.amount, 0);
  let remaining = subtotal;
  const amounts: { amount: number; discount: string }[] = [];
  for (const ref of invoice.discounts) {
    const id = typeof ref === 'string' ? ref : ref.id;
    const discount = ctx.state.discounts.get(id);
    const spec = discount ? specFromDiscount(ctx, discount) : null;
    if (!spec) continue;
    const amount = discountAmount(spec.coupon, remaining);
    remaining -= amount;
    amounts.push({ amount, discount: id });
  }
  const firstLine = invoice.lines.data[0];
  if (firstLine) {
    firstLine.discount_amounts = amounts.map((a) => ({ amount: a.amount, discount: a.discount }));
  }
  invoice.subtotal = subtotal;
  invoice.total = remaining;
  invoice.total_discount_amounts = amounts;
  invoice.amount_due = Math.max(0, remaining + invoice.starting_balance);
  invoice.amount_remaining = invoice.amount_due - invoice.amount_paid;
}

function markPaid(ctx: Ctx, invoice: InvoiceObj, piId: string | null, chargeId: string | null): void {
  const now = nowSeconds();
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  invoice.status = 'paid';
  invoice.status_transitions = { ...invoice.status_transitions, paid_at: now };
  if (piId) {
    invoice.payments.data.push({
      id: newId('inpay'),
      object: 'invoice_payment',
      amount_paid: invoice.amount_paid,
      amount_requested: invoice.amount_due,
      created: now,
      currency: invoice.currency,
      invoice: invoice.id,
      is_default: true,
      livemode: false,
      payment: { charge: chargeId ?? undefined, payment_intent: piId, type: 'payment_intent' },
      status: 'paid',
    });
  }
  ctx.emit('invoice.paid', invoice);
  ctx.emit('invoice.payment_succeeded', invoice);
}

export function finalizeInvoice(ctx: Ctx, invoice: InvoiceObj): InvoiceObj {
  if (invoice.status !== 'draft') {
    throw invalidRequest(
      `This invoice is already finalized, you can't re-finalize a non-draft invoice.`,
      undefined,
      'invoice_not_editable',
    );
  }
  const customer = getCustomer(ctx, String(invoice.customer));
  for (const ref of invoice.discounts) {
    const discount = ctx.state.discounts.get(typeof ref === 'string' ? ref : ref.id);
    const spec = discount ? specFromDiscount(ctx, discount) : null;
    if (spec) checkMinimumAmount(spec, invoice.subtotal, invoice.currency);
  }
  recomputeTotals(ctx, invoice);
  if (customer.balance !== 0 && (!customer.currency || customer.currency === invoice.currency)) {
    // Negative balance is credit: it reduces the amount due; positive balance is added.
    const applied = customer.balance < 0 ? Math.max(customer.balance, -invoice.total) : customer.balance;
    if (applied !== 0) {
      invoice.starting_balance = applied;
      applyBalanceChange(ctx, customer.id, {
        amount: -applied,
        currency: invoice.currency,
        type: 'applied_to_invoice',
        invoice: invoice.id,
      });
    }
  }
  invoice.ending_balance = 0;
  invoice.number = `${customer.invoice_prefix ?? 'EMU'}-${String(++ctx.state.invoiceCounter).padStart(4, '0')}`;
  invoice.status = 'open';
  invoice.status_transitions = { ...invoice.status_transitions, finalized_at: nowSeconds() };
  recomputeTotals(ctx, invoice);
  ctx.emit('invoice.finalized', invoice);
  if (invoice.amount_due === 0) markPaid(ctx, invoice, null, null);
  return invoice;
}

/** Pays an open (or draft: finalized first) invoice; returns the card error on a decline. */
export function payInvoice(
  ctx: Ctx,
  invoice: InvoiceObj,
  paymentMethod: string | null,
): StripeApiError | null {
  if (invoice.status === 'draft') finalizeInvoice(ctx, invoice);
  if (invoice.status === 'paid') return null;
  if (invoice.status !== 'open') {
    return invalidRequest(
      `Invoice ${invoice.id} is ${invoice.status} and cannot be paid.`,
      undefined,
      'invoice_not_editable',
    );
  }
  const customer = getCustomer(ctx, String(invoice.customer));
  const method =
    paymentMethod ??
    (typeof invoice.default_payment_method === 'string' ? invoice.default_payment_method : null) ??
    (typeof customer.invoice_settings.default_payment_method === 'string'
      ? customer.invoice_settings.default_payment_method
      : null);
  if (!method) {
    return invalidRequest(
      'This customer has no attached payment source or default payment method. Please consider adding a default payment method.',
      undefined,
      'invoice_no_customer_line_items',
    );
  }
  const { pi, error } = pay(ctx, {
    amount: invoice.amount_due,
    currency: invoice.currency,
    customer: customer.id,
    paymentMethod: method,
    description: invoice.description ?? `Invoice ${invoice.number}`,
    invoice: invoice.id,
  });
  invoice.attempt_count++;
  invoice.attempted = true;
  if (error) {
    ctx.emit('invoice.payment_failed', invoice);
    return error;
  }
  markPaid(ctx, invoice, pi.id, typeof pi.latest_charge === 'string' ? pi.latest_charge : null);
  return null;
}

export function invoiceSnapshot(invoice: InvoiceObj): InvoiceObj {
  return snapshot(invoice);
}
