/** Customers: create, retrieve, update, delete, list, search. */
import { type Ctx, route, updateAndEmit } from '../context.js';
import { resourceMissing } from '../errors.js';
import type { FormObject } from '../form-decode.js';
import { newId, nowSeconds, randomToken } from '../ids.js';
import { paginateIndexed } from '../list.js';
import { mustGet } from '../lookups.js';
import { inRange, int, mergeMetadata, metadata, nullableStr, obj, range, str } from '../params.js';
import type { CustomerObj } from '../shapes.js';
import { searchCustomers } from './customer-search.js';

export function getCustomer(ctx: Ctx, id: string, param = 'customer'): CustomerObj {
  if (ctx.state.deletedCustomers.has(id)) {
    throw resourceMissing('customer', id, param);
  }
  return mustGet(ctx, 'customers', 'customer', id, param);
}

export function createCustomer(ctx: Ctx, p: FormObject): CustomerObj {
  const invoiceSettings = obj(p, 'invoice_settings');
  const defaultPm =
    (invoiceSettings && str(invoiceSettings, 'default_payment_method', 'invoice_settings')) ?? null;
  const customer = {
    id: newId('cus', 14),
    object: 'customer',
    address: null,
    balance: int(p, 'balance') ?? 0,
    created: nowSeconds(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: nullableStr(p, 'description') ?? null,
    discount: null,
    email: nullableStr(p, 'email') ?? null,
    invoice_prefix: randomToken(8).toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: defaultPm ?? str(p, 'payment_method') ?? null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: mergeMetadata({}, metadata(p)),
    name: nullableStr(p, 'name') ?? null,
    next_invoice_sequence: 1,
    phone: nullableStr(p, 'phone') ?? null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  } satisfies CustomerObj;
  ctx.state.customers.set(customer.id, customer);
  ctx.emit('customer.created', customer);
  return customer;
}

function updateCustomer(ctx: Ctx, id: string, p: FormObject): CustomerObj {
  const customer = getCustomer(ctx, id, 'id');
  return updateAndEmit(ctx, 'customer.updated', customer, (c) => {
    for (const key of ['email', 'name', 'description', 'phone'] as const) {
      const v = nullableStr(p, key);
      if (v !== undefined) c[key] = v;
    }
    const balance = int(p, 'balance');
    if (balance !== undefined) c.balance = balance;
    if (p.metadata !== undefined) c.metadata = mergeMetadata(c.metadata, metadata(p));
    const invoiceSettings = obj(p, 'invoice_settings');
    const pm = invoiceSettings
      ? nullableStr(invoiceSettings, 'default_payment_method', 'invoice_settings')
      : undefined;
    if (pm !== undefined) c.invoice_settings = { ...c.invoice_settings, default_payment_method: pm };
  });
}

export const customerRoutes = [
  route('POST', '/v1/customers', ({ ctx, body }) => createCustomer(ctx, body)),
  route('GET', '/v1/customers/search', ({ ctx, body }) => searchCustomers(ctx, body)),
  route('GET', '/v1/customers/:id', ({ ctx, params }) => {
    if (ctx.state.deletedCustomers.has(params.id ?? '')) {
      return { id: params.id, object: 'customer', deleted: true };
    }
    return mustGet(ctx, 'customers', 'customer', params.id ?? '');
  }),
  route('POST', '/v1/customers/:id', ({ ctx, params, body }) => updateCustomer(ctx, params.id ?? '', body)),
  route('DELETE', '/v1/customers/:id', ({ ctx, params }) => {
    const customer = getCustomer(ctx, params.id ?? '', 'id');
    ctx.state.customers.delete(customer.id);
    ctx.state.deletedCustomers.add(customer.id);
    ctx.emit('customer.deleted', customer);
    return { id: customer.id, object: 'customer', deleted: true };
  }),
  route('GET', '/v1/customers', ({ ctx, body }) => {
    const email = str(body, 'email');
    const created = range(body, 'created');
    const keep =
      email === undefined && created === undefined
        ? undefined
        : (c: CustomerObj) => (email === undefined || c.email === email) && inRange(c.created, created);
    // Newest first from the cursor's slot: a page costs O(limit) (plus customers the filters skip).
    return paginateIndexed(ctx.state.customers, keep, body, '/v1/customers', 'customer');
  }),
];
