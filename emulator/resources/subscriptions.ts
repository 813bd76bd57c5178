/**
 * Subscriptions: create (first invoice paid at once), retrieve, update, cancel, list; the test helper
 * `POST /v1/test_helpers/subscriptions/:id/advance` bills the next period.
 */
import { parseDiscounts, validateDiscount } from '../billing/discounts.js';
import { checkPaymentMethod } from '../billing/payments.js';
import {
  advanceSubscription,
  createSubscription,
  setSubscriptionDiscounts,
} from '../billing/subscriptions.js';
import { route, updateAndEmit } from '../context.js';
import { nowSeconds } from '../ids.js';
import { paginate } from '../list.js';
import { mustGet } from '../lookups.js';
import { bool, int, mergeMetadata, metadata, nullableStr, objArr, oneOf, reqStr, str } from '../params.js';
import { newestFirst } from '../store.js';
import { getCustomer } from './customers.js';

export const subscriptionRoutes = [
  route('POST', '/v1/subscriptions', ({ ctx, body }) => {
    const customer = getCustomer(ctx, reqStr(body, 'customer'));
    const items = (objArr(body, 'items') ?? []).map((item, i) => ({
      price: mustGet(ctx, 'prices', 'price', reqStr(item, 'price', `items[${i}]`), `items[${i}][price]`),
      quantity: int(item, 'quantity', `items[${i}]`) ?? 1,
    }));
    const paymentMethod =
      str(body, 'default_payment_method') ??
      (typeof customer.invoice_settings.default_payment_method === 'string'
        ? customer.invoice_settings.default_payment_method
        : 'pm_card_visa');
    checkPaymentMethod(paymentMethod, 'default_payment_method');
    const specs = parseDiscounts(ctx, objArr(body, 'discounts'));
    const currency = items[0]?.price.currency ?? ctx.options.defaultCurrency;
    for (const spec of specs) validateDiscount(ctx, spec, { customer: customer.id, currency });
    const behavior = oneOf(body, 'payment_behavior', [
      'allow_incomplete',
      'default_incomplete',
      'error_if_incomplete',
      'pending_if_incomplete',
    ] as const);
    const { sub, error } = createSubscription(ctx, {
      customer: customer.id,
      items,
      paymentMethod,
      discounts: specs,
      metadata: mergeMetadata({}, metadata(body)),
      description: nullableStr(body, 'description') ?? null,
    });
    if (error && behavior === 'error_if_incomplete') throw error;
    return sub;
  }),
  route('GET', '/v1/subscriptions/:id', ({ ctx, params }) =>
    mustGet(ctx, 'subscriptions', 'subscription', params.id ?? ''),
  ),
  route('POST', '/v1/subscriptions/:id', ({ ctx, params, body }) =>
    updateAndEmit(
      ctx,
      'customer.subscription.updated',
      mustGet(ctx, 'subscriptions', 'subscription', params.id ?? ''),
      (sub) => {
        if (body.metadata !== undefined) sub.metadata = mergeMetadata(sub.metadata, metadata(body));
        const cancelAtPeriodEnd = bool(body, 'cancel_at_period_end');
        if (cancelAtPeriodEnd !== undefined) sub.cancel_at_period_end = cancelAtPeriodEnd;
        const pm = str(body, 'default_payment_method');
        if (pm) {
          checkPaymentMethod(pm, 'default_payment_method');
          sub.default_payment_method = pm;
        }
        const discounts = objArr(body, 'discounts');
        if (discounts !== undefined) {
          const specs = parseDiscounts(ctx, discounts, 'discounts', 20);
          for (const spec of specs.filter((x) => !x.existing))
            validateDiscount(ctx, spec, { customer: String(sub.customer), currency: sub.currency });
          setSubscriptionDiscounts(ctx, sub, specs);
        }
      },
    ),
  ),
  route('DELETE', '/v1/subscriptions/:id', ({ ctx, params }) => {
    const sub = mustGet(ctx, 'subscriptions', 'subscription', params.id ?? '');
    sub.status = 'canceled';
    sub.canceled_at = nowSeconds();
    sub.ended_at = nowSeconds();
    ctx.emit('customer.subscription.deleted', sub);
    return sub;
  }),
  route('GET', '/v1/subscriptions', ({ ctx, body }) => {
    const customer = str(body, 'customer');
    const status = str(body, 'status');
    const price = str(body, 'price');
    const items = newestFirst(ctx.state.subscriptions).filter(
      (s) =>
        (customer === undefined || s.customer === customer) &&
        (status === undefined ? s.status !== 'canceled' : status === 'all' || s.status === status) &&
        (price === undefined || s.items.data.some((i) => i.price.id === price)),
    );
    return paginate(items, body, '/v1/subscriptions', 'subscription');
  }),
  route('POST', '/v1/test_helpers/subscriptions/:id/advance', ({ ctx, params }) => {
    const sub = mustGet(ctx, 'subscriptions', 'subscription', params.id ?? '');
    advanceSubscription(ctx, sub);
    return sub;
  }),
];
