/** Checkout sessions: create (payment/subscription), retrieve, list, line items, expire. */
import { completeSession } from '../billing/checkout-complete.js';
import { discountAmount, parseDiscounts, validateDiscount } from '../billing/discounts.js';
import { type Ctx, route } from '../context.js';
import { invalidParam, invalidRequest, missingParam } from '../errors.js';
import type { FormObject } from '../form-decode.js';
import { newId, nowSeconds, randomToken } from '../ids.js';
import { paginate } from '../list.js';
import { mustGet } from '../lookups.js';
import { bool, int, mergeMetadata, metadata, obj, objArr, oneOf, str } from '../params.js';
import type { CheckoutLineItemObj, CheckoutSessionObj, PriceObj } from '../shapes.js';
import { newestFirst } from '../store.js';
import { getCustomer } from './customers.js';
import { createPrice } from './products.js';

function lineItems(ctx: Ctx, p: FormObject, mode: string): { price: PriceObj; quantity: number }[] {
  const items = objArr(p, 'line_items');
  if (!items || items.length === 0) throw missingParam('line_items');
  const parsed = items.map((item, i) => {
    const prefix = `line_items[${i}]`;
    const priceId = str(item, 'price', prefix);
    const priceData = obj(item, 'price_data', prefix);
    let price: PriceObj;
    if (priceId) price = mustGet(ctx, 'prices', 'price', priceId, `${prefix}[price]`);
    else if (priceData) price = createPrice(ctx, priceData, `${prefix}[price_data]`, false);
    else throw missingParam(`${prefix}[price]`);
    const quantity = int(item, 'quantity', prefix) ?? 1;
    if (quantity < 1) throw invalidParam(`${prefix}[quantity]`, 'Quantity must be at least 1.');
    if (mode === 'payment' && price.recurring) {
      throw invalidParam(
        `${prefix}[price]`,
        'You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.',
      );
    }
    if (mode === 'subscription' && !price.recurring) {
      throw invalidParam(
        `${prefix}[price]`,
        'The emulator supports only recurring prices in `subscription` mode.',
      );
    }
    return { price, quantity };
  });
  const currency = parsed[0]?.price.currency;
  if (parsed.some((x) => x.price.currency !== currency)) {
    throw invalidParam('line_items', 'All line items must use the same currency.');
  }
  return parsed;
}

/** Creates an open session; `paymentLink` is the `plink_` id when a payment link made it. */
export function createSession(
  ctx: Ctx,
  p: FormObject,
  paymentLink: string | null = null,
): CheckoutSessionObj {
  const mode = oneOf(p, 'mode', ['payment', 'subscription', 'setup'] as const);
  if (!mode) throw missingParam('mode');
  if (mode === 'setup') throw invalidParam('mode', 'The emulator does not support `setup` mode.');
  const items = lineItems(ctx, p, mode);
  const customerId = str(p, 'customer') ?? null;
  const customer = customerId ? getCustomer(ctx, customerId) : null;
  const allowPromotionCodes = bool(p, 'allow_promotion_codes') ?? null;
  const discountParams = objArr(p, 'discounts');
  if (allowPromotionCodes && discountParams?.length) {
    throw invalidRequest(
      'You may only specify one of these parameters: allow_promotion_codes, discounts.',
      'discounts',
    );
  }
  const currency = items[0]?.price.currency ?? ctx.options.defaultCurrency;
  const subtotal = items.reduce((sum, x) => sum + (x.price.unit_amount ?? 0) * x.quantity, 0);
  const specs = parseDiscounts(ctx, discountParams);
  for (const spec of specs)
    validateDiscount(ctx, spec, { customer: customer?.id ?? null, amount: subtotal, currency });
  const discount = specs[0] ? discountAmount(specs[0].coupon, subtotal) : 0;
  const id = `cs_test_${randomToken(58)}`;
  const now = nowSeconds();
  const session = {
    id,
    object: 'checkout.session',
    allow_promotion_codes: allowPromotionCodes,
    amount_subtotal: subtotal,
    amount_total: subtotal - discount,
    cancel_url: str(p, 'cancel_url') ?? null,
    client_reference_id: str(p, 'client_reference_id') ?? null,
    created: now,
    currency,
    customer: customer?.id ?? null,
    customer_creation:
      mode === 'payment' && !customer
        ? (oneOf(p, 'customer_creation', ['always', 'if_required'] as const) ?? 'if_required')
        : null,
    customer_details: null,
    customer_email: customer ? null : (str(p, 'customer_email') ?? null),
    discounts: specs.map((s) => ({ coupon: s.coupon.id, promotion_code: s.promotionCode?.id ?? null })),
    expires_at: int(p, 'expires_at') ?? now + 86_400,
    invoice: null,
    livemode: false,
    metadata: mergeMetadata({}, metadata(p)),
    mode,
    payment_intent: null,
    payment_link: paymentLink,
    payment_method_types: ['card'],
    payment_status: 'unpaid',
    status: 'open',
    subscription: null,
    success_url: str(p, 'success_url') ?? null,
    total_details: { amount_discount: discount, amount_shipping: 0, amount_tax: 0 },
    url: `https://checkout.stripe.com/c/pay/${id}`,
  } satisfies CheckoutSessionObj;
  const lines = items.map(
    (x): CheckoutLineItemObj => ({
      id: newId('li'),
      object: 'item',
      amount_discount: 0,
      amount_subtotal: (x.price.unit_amount ?? 0) * x.quantity,
      amount_tax: 0,
      amount_total: (x.price.unit_amount ?? 0) * x.quantity,
      currency: x.price.currency,
      description: ctx.state.products.get(String(x.price.product))?.name ?? null,
      price: x.price,
      quantity: x.quantity,
    }),
  );
  const piData = obj(p, 'payment_intent_data');
  const subData = obj(p, 'subscription_data');
  ctx.state.checkoutSessions.set(session.id, session);
  ctx.state.checkoutLineItems.set(session.id, lines);
  ctx.state.checkoutExtras.set(session.id, {
    paymentIntentMetadata: mergeMetadata({}, piData ? metadata(piData) : undefined),
    subscriptionMetadata: mergeMetadata({}, subData ? metadata(subData) : undefined),
  });
  return session;
}

export const checkoutSessionRoutes = [
  route('POST', '/v1/checkout/sessions', ({ ctx, body }) => createSession(ctx, body)),
  route('GET', '/v1/checkout/sessions/:id', ({ ctx, params }) =>
    mustGet(ctx, 'checkoutSessions', 'checkout.session', params.id ?? ''),
  ),
  route('GET', '/v1/checkout/sessions/:id/line_items', ({ ctx, params, body }) => {
    const session = mustGet(ctx, 'checkoutSessions', 'checkout.session', params.id ?? '');
    const lines = ctx.state.checkoutLineItems.get(session.id) ?? [];
    return paginate([...lines], body, `/v1/checkout/sessions/${session.id}/line_items`, 'line item');
  }),
  route('POST', '/v1/checkout/sessions/:id/expire', ({ ctx, params }) => {
    const session = mustGet(ctx, 'checkoutSessions', 'checkout.session', params.id ?? '');
    if (session.status !== 'open') {
      throw invalidRequest(
        `Only Checkout Sessions with a status of \`open\` can be expired.`,
        undefined,
        'checkout_session_not_open',
      );
    }
    session.status = 'expired';
    ctx.emit('checkout.session.expired', session);
    return session;
  }),
  route('GET', '/v1/checkout/sessions', ({ ctx, body }) => {
    const customer = str(body, 'customer');
    const paymentIntent = str(body, 'payment_intent');
    const paymentLink = str(body, 'payment_link');
    const subscription = str(body, 'subscription');
    const status = str(body, 'status');
    const items = newestFirst(ctx.state.checkoutSessions).filter(
      (s) =>
        (customer === undefined || s.customer === customer) &&
        (paymentIntent === undefined || s.payment_intent === paymentIntent) &&
        (paymentLink === undefined || s.payment_link === paymentLink) &&
        (subscription === undefined || s.subscription === subscription) &&
        (status === undefined || s.status === status),
    );
    return paginate(items, body, '/v1/checkout/sessions', 'checkout.session');
  }),
  route('POST', '/v1/test_helpers/checkout/sessions/:id/complete', ({ ctx, params, body }) => {
    const session = mustGet(ctx, 'checkoutSessions', 'checkout.session', params.id ?? '');
    return completeSession(ctx, session, body);
  }),
];
