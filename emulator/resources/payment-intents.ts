/** Payment intents: create (optionally `confirm: true`), confirm, retrieve, update, cancel, list. */
import { checkSettlementCurrency } from '../billing/balance.js';
import { checkPaymentMethod, confirmPaymentIntent, newPaymentIntent } from '../billing/payments.js';
import { type Ctx, route } from '../context.js';
import { invalidRequest } from '../errors.js';
import { nowSeconds } from '../ids.js';
import { paginate } from '../list.js';
import { mustGet } from '../lookups.js';
import {
  bool,
  inRange,
  mergeMetadata,
  metadata,
  nullableStr,
  range,
  reqInt,
  reqStr,
  str,
} from '../params.js';
import type { PaymentIntentObj } from '../shapes.js';
import { newestFirst } from '../store.js';
import { getCustomer } from './customers.js';

function confirmOrThrow(ctx: Ctx, pi: PaymentIntentObj): PaymentIntentObj {
  if (pi.status === 'succeeded' || pi.status === 'canceled') {
    throw invalidRequest(
      `You cannot confirm this PaymentIntent because it has a status of ${pi.status}.`,
      undefined,
      'payment_intent_unexpected_state',
    );
  }
  const error = confirmPaymentIntent(ctx, pi);
  if (error) throw error;
  return pi;
}

export const paymentIntentRoutes = [
  route('POST', '/v1/payment_intents', ({ ctx, body }) => {
    const amount = reqInt(body, 'amount');
    if (amount < 1) throw invalidRequest('Amount must be at least 1.', 'amount', 'amount_too_small');
    const currency = reqStr(body, 'currency');
    checkSettlementCurrency(ctx, currency);
    const customer = str(body, 'customer') ?? null;
    if (customer) getCustomer(ctx, customer);
    const paymentMethod = str(body, 'payment_method') ?? null;
    if (paymentMethod) checkPaymentMethod(paymentMethod);
    const confirm = bool(body, 'confirm') ?? false;
    const pi = newPaymentIntent({
      amount,
      currency,
      customer,
      paymentMethod,
      description: nullableStr(body, 'description'),
      metadata: mergeMetadata({}, metadata(body)),
      receiptEmail: nullableStr(body, 'receipt_email'),
    });
    ctx.state.paymentIntents.set(pi.id, pi);
    ctx.emit('payment_intent.created', pi);
    return confirm ? confirmOrThrow(ctx, pi) : pi;
  }),
  route('POST', '/v1/payment_intents/:id/confirm', ({ ctx, params, body }) => {
    const pi = mustGet(ctx, 'paymentIntents', 'payment_intent', params.id ?? '');
    const paymentMethod = str(body, 'payment_method');
    if (paymentMethod) {
      checkPaymentMethod(paymentMethod);
      pi.payment_method = paymentMethod;
    }
    return confirmOrThrow(ctx, pi);
  }),
  route('POST', '/v1/payment_intents/:id/cancel', ({ ctx, params, body }) => {
    const pi = mustGet(ctx, 'paymentIntents', 'payment_intent', params.id ?? '');
    if (pi.status === 'succeeded' || pi.status === 'canceled') {
      throw invalidRequest(
        `You cannot cancel this PaymentIntent because it has a status of ${pi.status}.`,
        undefined,
        'payment_intent_unexpected_state',
      );
    }
    pi.status = 'canceled';
    pi.canceled_at = nowSeconds();
    pi.cancellation_reason =
      (str(body, 'cancellation_reason') as PaymentIntentObj['cancellation_reason']) ?? null;
    ctx.emit('payment_intent.canceled', pi);
    return pi;
  }),
  route('GET', '/v1/payment_intents/:id', ({ ctx, params }) =>
    mustGet(ctx, 'paymentIntents', 'payment_intent', params.id ?? ''),
  ),
  route('POST', '/v1/payment_intents/:id', ({ ctx, params, body }) => {
    const pi = mustGet(ctx, 'paymentIntents', 'payment_intent', params.id ?? '');
    if (body.metadata !== undefined) pi.metadata = mergeMetadata(pi.metadata, metadata(body));
    const description = nullableStr(body, 'description');
    if (description !== undefined) pi.description = description;
    return pi;
  }),
  route('GET', '/v1/payment_intents', ({ ctx, body }) => {
    const customer = str(body, 'customer');
    const created = range(body, 'created');
    const items = newestFirst(ctx.state.paymentIntents).filter(
      (x) => (customer === undefined || x.customer === customer) && inRange(x.created, created),
    );
    return paginate(items, body, '/v1/payment_intents', 'payment_intent');
  }),
];
