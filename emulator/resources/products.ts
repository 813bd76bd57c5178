/** Products and prices (one-time and recurring). */
import { type Ctx, route, updateAndEmit } from '../context.js';
import { invalidParam, missingParam } from '../errors.js';
import type { FormObject } from '../form-decode.js';
import { newId, nowSeconds } from '../ids.js';
import { paginate } from '../list.js';
import { mustGet } from '../lookups.js';
import { bool, int, mergeMetadata, metadata, nullableStr, obj, oneOf, reqStr, str } from '../params.js';
import { type PriceObj, type ProductObj, wireDecimal } from '../shapes.js';
import { newestFirst } from '../store.js';

export function createProduct(ctx: Ctx, p: FormObject, emit = true): ProductObj {
  const now = nowSeconds();
  const product = {
    id: str(p, 'id') ?? newId('prod', 14),
    object: 'product',
    active: bool(p, 'active') ?? true,
    created: now,
    default_price: null,
    description: nullableStr(p, 'description') ?? null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: mergeMetadata({}, metadata(p)),
    name: reqStr(p, 'name'),
    package_dimensions: null,
    shippable: null,
    tax_details: null,
    type: 'service',
    updated: now,
    url: null,
  } satisfies ProductObj;
  if (ctx.state.products.has(product.id))
    throw invalidParam('id', `Product already exists.`, 'resource_already_exists');
  ctx.state.products.set(product.id, product);
  if (emit) ctx.emit('product.created', product);
  return product;
}

/** Creates a price from `price` params or inline `price_data` (prefix names the param in errors). */
export function createPrice(ctx: Ctx, p: FormObject, prefix = '', emit = true): PriceObj {
  const currency = reqStr(p, 'currency', prefix).toLowerCase();
  const unitAmount = int(p, 'unit_amount', prefix);
  if (unitAmount === undefined) throw missingParam(prefix ? `${prefix}[unit_amount]` : 'unit_amount');
  if (unitAmount < 0) throw invalidParam('unit_amount', 'unit_amount must be >= 0');
  let productId = str(p, 'product', prefix);
  const productData = obj(p, 'product_data', prefix);
  if (!productId && productData) productId = createProduct(ctx, productData, emit).id;
  if (!productId) throw missingParam(prefix ? `${prefix}[product]` : 'product');
  mustGet(ctx, 'products', 'product', productId, 'product');
  const recurringParams = obj(p, 'recurring', prefix);
  const recurring = recurringParams
    ? {
        interval:
          oneOf(recurringParams, 'interval', ['day', 'week', 'month', 'year'] as const, 'recurring') ??
          (() => {
            throw missingParam('recurring[interval]');
          })(),
        interval_count: int(recurringParams, 'interval_count', 'recurring') ?? 1,
        meter: null,
        trial_period_days: null,
        usage_type: 'licensed' as const,
      }
    : null;
  const price = {
    id: newId('price'),
    object: 'price',
    active: bool(p, 'active') ?? true,
    billing_scheme: 'per_unit',
    created: nowSeconds(),
    currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: nullableStr(p, 'lookup_key') ?? null,
    metadata: mergeMetadata({}, metadata(p)),
    nickname: nullableStr(p, 'nickname') ?? null,
    product: productId,
    recurring,
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: recurring ? 'recurring' : 'one_time',
    unit_amount: unitAmount,
    unit_amount_decimal: wireDecimal(unitAmount),
  } satisfies PriceObj;
  ctx.state.prices.set(price.id, price);
  if (emit) ctx.emit('price.created', price);
  return price;
}

export const productRoutes = [
  route('POST', '/v1/products', ({ ctx, body }) => createProduct(ctx, body)),
  route('GET', '/v1/products/:id', ({ ctx, params }) => mustGet(ctx, 'products', 'product', params.id ?? '')),
  route('POST', '/v1/products/:id', ({ ctx, params, body }) =>
    updateAndEmit(ctx, 'product.updated', mustGet(ctx, 'products', 'product', params.id ?? ''), (prod) => {
      const name = str(body, 'name');
      if (name) prod.name = name;
      const description = nullableStr(body, 'description');
      if (description !== undefined) prod.description = description;
      const active = bool(body, 'active');
      if (active !== undefined) prod.active = active;
      if (body.metadata !== undefined) prod.metadata = mergeMetadata(prod.metadata, metadata(body));
      prod.updated = nowSeconds();
    }),
  ),
  route('GET', '/v1/products', ({ ctx, body }) => {
    const active = bool(body, 'active');
    const items = newestFirst(ctx.state.products).filter((x) => active === undefined || x.active === active);
    return paginate(items, body, '/v1/products', 'product');
  }),
  route('POST', '/v1/prices', ({ ctx, body }) => createPrice(ctx, body)),
  route('GET', '/v1/prices/:id', ({ ctx, params }) => mustGet(ctx, 'prices', 'price', params.id ?? '')),
  route('POST', '/v1/prices/:id', ({ ctx, params, body }) =>
    updateAndEmit(ctx, 'price.updated', mustGet(ctx, 'prices', 'price', params.id ?? ''), (price) => {
      const active = bool(body, 'active');
      if (active !== undefined) price.active = active;
      const nickname = nullableStr(body, 'nickname');
      if (nickname !== undefined) price.nickname = nickname;
      if (body.metadata !== undefined) price.metadata = mergeMetadata(price.metadata, metadata(body));
    }),
  ),
  route('GET', '/v1/prices', ({ ctx, body }) => {
    const product = str(body, 'product');
    const active = bool(body, 'active');
    const type = str(body, 'type');
    const items = newestFirst(ctx.state.prices).filter(
      (x) =>
        (product === undefined || x.product === product) &&
        (active === undefined || x.active === active) &&
        (type === undefined || x.type === type),
    );
    return paginate(items, body, '/v1/prices', 'price');
  }),
];
