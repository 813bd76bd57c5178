/** Payment links: create, retrieve, update, list, line items; the buyer helper lives in payment-link-checkout.ts. */
import { type Ctx, route, updateAndEmit } from '../context.js';
import { invalidParam, missingParam } from '../errors.js';
import type { FormObject } from '../form-decode.js';
import { newId, randomToken } from '../ids.js';
import { paginate } from '../list.js';
import { mustGet } from '../lookups.js';
import { bool, int, mergeMetadata, metadata, obj, objArr, oneOf, str } from '../params.js';
import type { CheckoutLineItemObj, PaymentLinkObj, PriceObj } from '../shapes.js';
import { newestFirst } from '../store.js';

function linkLineItems(ctx: Ctx, p: FormObject): CheckoutLineItemObj[] {
  const items = objArr(p, 'line_items');
  if (!items || items.length === 0) throw missingParam('line_items');
  if (items.length > 20) throw invalidParam('line_items', 'A payment link can have at most 20 line items.');
  const prices: PriceObj[] = [];
  const lines = items.map((item, i) => {
    const prefix = `line_items[${i}]`;
    const priceId = str(item, 'price', prefix);
    if (!priceId) throw missingParam(`${prefix}[price]`);
    const price = mustGet(ctx, 'prices', 'price', priceId, `${prefix}[price]`);
    if (!price.active) throw invalidParam(`${prefix}[price]`, `The price \`${price.id}\` is not active.`);
    const quantity = int(item, 'quantity', prefix);
    if (quantity === undefined) throw missingParam(`${prefix}[quantity]`);
    if (quantity < 1) throw invalidParam(`${prefix}[quantity]`, 'Quantity must be at least 1.');
    const first = prices[0];
    if (first && first.currency !== price.currency) {
      throw invalidParam(`${prefix}[price]`, 'All line items must use the same currency.');
    }
    if (first && !first.recurring !== !price.recurring) {
      throw invalidParam(
        `${prefix}[price]`,
        'The emulator does not support mixing one-time and recurring prices on a payment link.',
      );
    }
    const r = price.recurring;
    const r0 = first?.recurring;
    if (r && r0 && (r.interval !== r0.interval || r.interval_count !== r0.interval_count)) {
      throw invalidParam(`${prefix}[price]`, 'All recurring prices must share the same billing interval.');
    }
    prices.push(price);
    const amount = (price.unit_amount ?? 0) * quantity;
    return {
      id: newId('li'),
      object: 'item',
      amount_discount: 0,
      amount_subtotal: amount,
      amount_tax: 0,
      amount_total: amount,
      currency: price.currency,
      description: ctx.state.products.get(String(price.product))?.name ?? null,
      price,
      quantity,
    } satisfies CheckoutLineItemObj;
  });
  return lines;
}

function createPaymentLink(ctx: Ctx, p: FormObject): PaymentLinkObj {
  const lines = linkLineItems(ctx, p);
  const recurring = Boolean(lines[0]?.price?.recurring);
  const piData = obj(p, 'payment_intent_data');
  const subData = obj(p, 'subscription_data');
  if (subData && !recurring) {
    throw invalidParam(
      'subscription_data',
      'There must be at least one line item with a recurring price to use `subscription_data`.',
    );
  }
  if (piData && recurring) {
    throw invalidParam(
      'payment_intent_data',
      'You can only use `payment_intent_data` on a payment link whose line items are all one-time prices.',
    );
  }
  const link = {
    id: newId('plink'),
    object: 'payment_link',
    active: bool(p, 'active') ?? true,
    after_completion: { hosted_confirmation: { custom_message: null }, type: 'hosted_confirmation' },
    allow_promotion_codes: bool(p, 'allow_promotion_codes') ?? false,
    application: null,
    application_fee_amount: null,
    application_fee_percent: null,
    automatic_tax: { enabled: false, liability: null },
    billing_address_collection: 'auto',
    consent_collection: null,
    currency: lines[0]?.currency ?? ctx.options.defaultCurrency,
    custom_fields: [],
    custom_text: {
      after_submit: null,
      shipping_address: null,
      submit: null,
      terms_of_service_acceptance: null,
    },
    // Stripe's default is `if_required`; the emulator defaults to `always` so a purchase has a customer.
    customer_creation: oneOf(p, 'customer_creation', ['always', 'if_required'] as const) ?? 'always',
    inactive_message: null,
    invoice_creation: recurring ? null : { enabled: false, invoice_data: null },
    livemode: false,
    metadata: mergeMetadata({}, metadata(p)),
    on_behalf_of: null,
    payment_intent_data: piData
      ? {
          capture_method: null,
          description: null,
          metadata: mergeMetadata({}, metadata(piData)),
          setup_future_usage: null,
          statement_descriptor: null,
          statement_descriptor_suffix: null,
          transfer_group: null,
        }
      : null,
    payment_method_collection: 'always',
    payment_method_types: null,
    phone_number_collection: { enabled: false },
    restrictions: null,
    shipping_address_collection: null,
    shipping_options: [],
    submit_type: 'auto',
    subscription_data: recurring
      ? {
          description: null,
          invoice_settings: {
            account_tax_ids: null,
            custom_fields: null,
            description: null,
            footer: null,
            issuer: { type: 'self' },
          },
          metadata: mergeMetadata({}, subData ? metadata(subData) : undefined),
          trial_period_days: null,
          trial_settings: null,
        }
      : null,
    tax_id_collection: { enabled: false, required: 'never' },
    transfer_data: null,
    url: `https://buy.stripe.com/test_${randomToken(24)}`,
  } satisfies PaymentLinkObj;
  ctx.state.paymentLinks.set(link.id, link);
  ctx.state.paymentLinkLineItems.set(link.id, lines);
  ctx.emit('payment_link.created', link);
  return link;
}

export function getPaymentLink(ctx: Ctx, id: string): PaymentLinkObj {
  return mustGet(ctx, 'paymentLinks', 'payment_link', id);
}

export const paymentLinkRoutes = [
  route('POST', '/v1/payment_links', ({ ctx, body }) => createPaymentLink(ctx, body)),
  route('GET', '/v1/payment_links/:id', ({ ctx, params }) => getPaymentLink(ctx, params.id ?? '')),
  route('POST', '/v1/payment_links/:id', ({ ctx, params, body }) =>
    updateAndEmit(ctx, 'payment_link.updated', getPaymentLink(ctx, params.id ?? ''), (link) => {
      const active = bool(body, 'active');
      if (active !== undefined) link.active = active;
      const allow = bool(body, 'allow_promotion_codes');
      if (allow !== undefined) link.allow_promotion_codes = allow;
      if (body.metadata !== undefined) link.metadata = mergeMetadata(link.metadata, metadata(body));
    }),
  ),
  route('GET', '/v1/payment_links', ({ ctx, body }) => {
    const active = bool(body, 'active');
    const items = newestFirst(ctx.state.paymentLinks).filter(
      (l) => active === undefined || l.active === active,
    );
    return paginate(items, body, '/v1/payment_links', 'payment_link');
  }),
  route('GET', '/v1/payment_links/:id/line_items', ({ ctx, params, body }) => {
    const link = getPaymentLink(ctx, params.id ?? '');
    const lines = ctx.state.paymentLinkLineItems.get(link.id) ?? [];
    return paginate([...lines], body, `/v1/payment_links/${link.id}/line_items`, 'line item');
  }),
];
