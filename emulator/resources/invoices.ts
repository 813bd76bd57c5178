/** Invoices: create, retrieve, update, finalize, pay, void, list, lines. */
import { parseDiscounts, redeemDiscount, validateDiscount } from '../billing/discounts.js';
import {
  addLines,
  createInvoice,
  finalizeInvoice,
  type LineInput,
  payInvoice,
  recomputeTotals,
} from '../billing/invoicing.js';
import { checkPaymentMethod } from '../billing/payments.js';
import { type Ctx, route, updateAndEmit } from '../context.js';
import { invalidRequest } from '../errors.js';
import type { FormObject } from '../form-decode.js';
import { nowSeconds } from '../ids.js';
import { paginate } from '../list.js';
import { mustGet } from '../lookups.js';
import { bool, mergeMetadata, metadata, nullableStr, objArr, oneOf, str } from '../params.js';
import type { InvoiceItemObj, InvoiceObj } from '../shapes.js';
import { newestFirst } from '../store.js';
import { getCustomer } from './customers.js';

function itemLine(ctx: Ctx, item: InvoiceItemObj): LineInput {
  const priceRef = item.pricing?.price_details?.price;
  const priceId = typeof priceRef === 'string' ? priceRef : priceRef?.id;
  return {
    amount: item.amount,
    quantity: item.quantity,
    description: item.description,
    price: priceId ? (ctx.state.prices.get(priceId) ?? null) : null,
    period: item.period,
    subscription: null,
    metadata: { ...(item.metadata ?? {}) },
    invoiceItem: item.id,
  };
}

/** Moves invoice items that point at this invoice (or are pending, with `include`) onto its lines. */
export function attachItems(ctx: Ctx, invoice: InvoiceObj, includePending: boolean): void {
  const onLines = new Set(invoice.lines.data.map((l) => l.parent?.invoice_item_details?.invoice_item));
  const fresh = [...ctx.state.invoiceItems.values()].filter(
    (i) =>
      i.customer === invoice.customer &&
      !onLines.has(i.id) &&
      (i.invoice === invoice.id || (includePending && i.invoice === null)),
  );
  for (const item of fresh) item.invoice = invoice.id;
  addLines(
    invoice,
    fresh.map((item) => itemLine(ctx, item)),
  );
  recomputeTotals(ctx, invoice);
}

function create(ctx: Ctx, p: FormObject): InvoiceObj {
  const customer = getCustomer(ctx, str(p, 'customer') ?? '');
  const currency = str(p, 'currency') ?? customer.currency ?? ctx.options.defaultCurrency;
  const specs = parseDiscounts(ctx, objArr(p, 'discounts'));
  for (const spec of specs) validateDiscount(ctx, spec, { customer: customer.id, currency });
  const behavior = oneOf(p, 'pending_invoice_items_behavior', ['include', 'exclude'] as const) ?? 'exclude';
  const paymentMethod = str(p, 'default_payment_method') ?? null;
  if (paymentMethod) checkPaymentMethod(paymentMethod, 'default_payment_method');
  const invoice = createInvoice(ctx, {
    customer: customer.id,
    currency,
    lines: [],
    billingReason: 'manual',
    subscription: null,
    discountIds: [],
    metadata: mergeMetadata({}, metadata(p)),
    description: nullableStr(p, 'description') ?? null,
    autoAdvance: bool(p, 'auto_advance') ?? false,
    collectionMethod:
      oneOf(p, 'collection_method', ['charge_automatically', 'send_invoice'] as const) ??
      'charge_automatically',
    defaultPaymentMethod: paymentMethod,
  });
  invoice.discounts = specs.map(
    (spec) => redeemDiscount(ctx, spec, { customer: customer.id, invoice: invoice.id }).id,
  );
  attachItems(ctx, invoice, behavior === 'include');
  return invoice;
}

function editable(invoice: InvoiceObj): InvoiceObj {
  if (invoice.status !== 'draft') {
    throw invalidRequest('You can only modify draft invoices.', undefined, 'invoice_not_editable');
  }
  return invoice;
}

export const invoiceRoutes = [
  route('POST', '/v1/invoices', ({ ctx, body }) => create(ctx, body)),
  route('GET', '/v1/invoices/:id', ({ ctx, params }) => mustGet(ctx, 'invoices', 'invoice', params.id ?? '')),
  route('GET', '/v1/invoices/:id/lines', ({ ctx, params, body }) => {
    const invoice = mustGet(ctx, 'invoices', 'invoice', params.id ?? '');
    return paginate([...invoice.lines.data], body, invoice.lines.url, 'line_item');
  }),
  route('POST', '/v1/invoices/:id', ({ ctx, params, body }) => {
    const invoice = mustGet(ctx, 'invoices', 'invoice', params.id ?? '');
    return updateAndEmit(ctx, 'invoice.updated', invoice, (inv) => {
      if (body.metadata !== undefined) inv.metadata = mergeMetadata(inv.metadata, metadata(body));
      const description = nullableStr(body, 'description');
      if (description !== undefined) editable(inv).description = description;
      const specs = parseDiscounts(ctx, objArr(body, 'discounts'));
      if (specs.length > 0) {
        editable(inv);
        for (const spec of specs)
          validateDiscount(ctx, spec, { customer: String(inv.customer), currency: inv.currency });
        inv.discounts = specs.map(
          (s) => redeemDiscount(ctx, s, { customer: String(inv.customer), invoice: inv.id }).id,
        );
        recomputeTotals(ctx, inv);
      }
    });
  }),
  route('POST', '/v1/invoices/:id/finalize', ({ ctx, params }) => {
    const invoice = mustGet(ctx, 'invoices', 'invoice', params.id ?? '');
    attachItems(ctx, editable(invoice), false);
    return finalizeInvoice(ctx, invoice);
  }),
  route('POST', '/v1/invoices/:id/pay', ({ ctx, params, body }) => {
    const invoice = mustGet(ctx, 'invoices', 'invoice', params.id ?? '');
    if (invoice.status === 'paid')
      throw invalidRequest('Invoice is already paid', undefined, 'invoice_already_paid');
    const paymentMethod = str(body, 'payment_method') ?? null;
    if (paymentMethod) checkPaymentMethod(paymentMethod);
    if (invoice.status === 'draft') attachItems(ctx, invoice, false);
    const error = payInvoice(ctx, invoice, paymentMethod);
    if (error) throw error;
    return invoice;
  }),
  route('POST', '/v1/invoices/:id/void', ({ ctx, params }) => {
    const invoice = mustGet(ctx, 'invoices', 'invoice', params.id ?? '');
    if (invoice.status !== 'open')
      throw invalidRequest('Only open invoices can be voided.', undefined, 'invoice_not_editable');
    return updateAndEmit(ctx, 'invoice.voided', invoice, (inv) => {
      inv.status = 'void';
      inv.status_transitions = { ...inv.status_transitions, voided_at: nowSeconds() };
    });
  }),
  route('GET', '/v1/invoices', ({ ctx, body }) => {
    const customer = str(body, 'customer');
    const subscription = str(body, 'subscription');
    const status = str(body, 'status');
    const items = newestFirst(ctx.state.invoices).filter(
      (i) =>
        (customer === undefined || i.customer === customer) &&
        (subscription === undefined || i.parent?.subscription_details?.subscription === subscription) &&
        (status === undefined || i.status === status),
    );
    return paginate(items, body, '/v1/invoices', 'invoice');
  }),
];
