/** Invoice items: create (amount, price, pricing[price] or price_data), retrieve, list, delete. */
import { type Ctx, route } from '../context.js';
import { invalidRequest, missingParam } from '../errors.js';
import type { FormObject } from '../form-decode.js';
import { newId, nowSeconds } from '../ids.js';
import { paginate } from '../list.js';
import { mustGet } from '../lookups.js';
import { bool, int, mergeMetadata, metadata, nullableStr, obj, str } from '../params.js';
import { type InvoiceItemObj, type PriceObj, wireDecimal } from '../shapes.js';
import { newestFirst } from '../store.js';
import { getCustomer } from './customers.js';
import { attachItems } from './invoices.js';
import { createPrice } from './products.js';

function priceFor(ctx: Ctx, p: FormObject): PriceObj | null {
  const pricing = obj(p, 'pricing');
  const priceId = str(p, 'price') ?? (pricing ? str(pricing, 'price', 'pricing') : undefined);
  if (priceId) return mustGet(ctx, 'prices', 'price', priceId, 'price');
  const priceData = obj(p, 'price_data');
  return priceData ? createPrice(ctx, priceData, 'price_data', false) : null;
}

export function createInvoiceItem(ctx: Ctx, p: FormObject): InvoiceItemObj {
  const customer = getCustomer(ctx, str(p, 'customer') ?? '');
  const invoiceId = str(p, 'invoice') ?? null;
  const invoice = invoiceId ? mustGet(ctx, 'invoices', 'invoice', invoiceId, 'invoice') : null;
  if (invoice && invoice.status !== 'draft') {
    throw invalidRequest(`Invoice ${invoice.id} is not a draft.`, 'invoice', 'invoice_not_editable');
  }
  const price = priceFor(ctx, p);
  const quantity = int(p, 'quantity') ?? 1;
  const amount = price ? (price.unit_amount ?? 0) * quantity : int(p, 'amount');
  if (amount === undefined) throw missingParam('amount');
  const currency = (price?.currency ?? str(p, 'currency') ?? invoice?.currency)?.toLowerCase();
  if (!currency) throw missingParam('currency');
  const now = nowSeconds();
  const item = {
    id: newId('ii'),
    object: 'invoiceitem',
    amount,
    currency,
    customer: customer.id,
    date: now,
    description: nullableStr(p, 'description') ?? null,
    discountable: bool(p, 'discountable') ?? true,
    invoice: invoice?.id ?? null,
    livemode: false,
    metadata: mergeMetadata({}, metadata(p)),
    period: { start: now, end: now },
    pricing: price
      ? {
          price_details: { price: price.id, product: String(price.product) },
          type: 'price_details',
          unit_amount_decimal: wireDecimal(price.unit_amount ?? 0),
        }
      : null,
    proration: false,
    quantity,
  } satisfies InvoiceItemObj;
  ctx.state.invoiceItems.set(item.id, item);
  ctx.emit('invoiceitem.created', item);
  return item;
}

export const invoiceItemRoutes = [
  route('POST', '/v1/invoiceitems', ({ ctx, body }) => {
    const item = createInvoiceItem(ctx, body);
    const invoice = item.invoice ? ctx.state.invoices.get(String(item.invoice)) : undefined;
    if (invoice) attachItems(ctx, invoice, false);
    return item;
  }),
  route('GET', '/v1/invoiceitems/:id', ({ ctx, params }) =>
    mustGet(ctx, 'invoiceItems', 'invoiceitem', params.id ?? ''),
  ),
  route('DELETE', '/v1/invoiceitems/:id', ({ ctx, params }) => {
    const item = mustGet(ctx, 'invoiceItems', 'invoiceitem', params.id ?? '');
    if (item.invoice) throw invalidRequest('Invoice items attached to an invoice cannot be deleted.', 'id');
    ctx.state.invoiceItems.delete(item.id);
    ctx.emit('invoiceitem.deleted', item);
    return { id: item.id, object: 'invoiceitem', deleted: true };
  }),
  route('GET', '/v1/invoiceitems', ({ ctx, body }) => {
    const customer = str(body, 'customer');
    const invoice = str(body, 'invoice');
    const pending = bool(body, 'pending');
    const items = newestFirst(ctx.state.invoiceItems).filter(
      (i) =>
        (customer === undefined || i.customer === customer) &&
        (invoice === undefined || i.invoice === invoice) &&
        (pending === undefined || (i.invoice === null) === pending),
    );
    return paginate(items, body, '/v1/invoiceitems', 'invoiceitem');
  }),
];
