/** Refunds (full or partial, by charge or payment_intent): create, retrieve, update, list. */
import { settleReversal } from '../billing/balance.js';
import { type Ctx, route, updateAndEmit } from '../context.js';
import { invalidParam, invalidRequest, missingParam } from '../errors.js';
import type { FormObject } from '../form-decode.js';
import { newId, nowSeconds } from '../ids.js';
import { paginate } from '../list.js';
import { mustGet } from '../lookups.js';
import { int, mergeMetadata, metadata, oneOf, str } from '../params.js';
import type { ChargeObj, RefundObj } from '../shapes.js';
import { newestFirst } from '../store.js';

function money(amount: number, currency: string): string {
  return `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;
}

function resolveCharge(ctx: Ctx, p: FormObject): ChargeObj {
  const chargeId = str(p, 'charge');
  if (chargeId) return mustGet(ctx, 'charges', 'charge', chargeId, 'charge');
  const piId = str(p, 'payment_intent');
  if (!piId) throw missingParam('charge');
  const pi = mustGet(ctx, 'paymentIntents', 'payment_intent', piId, 'payment_intent');
  const latest = typeof pi.latest_charge === 'string' ? pi.latest_charge : null;
  const charge = latest ? ctx.state.charges.get(latest) : undefined;
  if (!charge || pi.status !== 'succeeded') {
    throw invalidRequest(
      `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`,
      'payment_intent',
      'charge_not_refundable',
    );
  }
  return charge;
}

export function createRefund(ctx: Ctx, p: FormObject): RefundObj {
  const charge = resolveCharge(ctx, p);
  if (charge.status !== 'succeeded') {
    throw invalidRequest(
      `Charge ${charge.id} has not succeeded and cannot be refunded.`,
      'charge',
      'charge_not_refundable',
    );
  }
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining <= 0) {
    throw invalidRequest(
      `Charge ${charge.id} has already been refunded.`,
      'charge',
      'charge_already_refunded',
    );
  }
  const amount = int(p, 'amount') ?? remaining;
  if (amount <= 0)
    throw invalidParam('amount', 'Refund amount must be positive.', 'parameter_invalid_integer');
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${money(amount, charge.currency)}) is greater than unrefunded amount on charge (${money(remaining, charge.currency)})`,
      'amount',
      'amount_too_large',
    );
  }
  const refundId = newId('re');
  const movement = { amount, before: charge.amount_refunded, sign: -1 as const };
  const txn = settleReversal(ctx, charge, movement, refundId, 'refund');
  const refund = {
    id: refundId,
    object: 'refund',
    amount,
    balance_transaction: txn.id,
    charge: charge.id,
    created: nowSeconds(),
    currency: charge.currency,
    customer: charge.customer,
    customer_account: null,
    metadata: mergeMetadata({}, metadata(p)),
    payment_intent: charge.payment_intent,
    payment_method: charge.payment_method,
    reason: oneOf(p, 'reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const) ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  } satisfies RefundObj;
  ctx.state.refunds.set(refund.id, refund);
  ctx.emit('refund.created', refund);
  updateAndEmit(ctx, 'charge.refunded', charge, (c) => {
    c.amount_refunded += amount;
    c.refunded = c.amount_refunded >= c.amount;
  });
  return refund;
}

export const refundRoutes = [
  route('POST', '/v1/refunds', ({ ctx, body }) => createRefund(ctx, body)),
  route('GET', '/v1/refunds/:id', ({ ctx, params }) => mustGet(ctx, 'refunds', 'refund', params.id ?? '')),
  route('POST', '/v1/refunds/:id', ({ ctx, params, body }) =>
    updateAndEmit(ctx, 'refund.updated', mustGet(ctx, 'refunds', 'refund', params.id ?? ''), (r) => {
      if (body.metadata !== undefined) r.metadata = mergeMetadata(r.metadata, metadata(body));
    }),
  ),
  route('GET', '/v1/refunds', ({ ctx, body }) => {
    const charge = str(body, 'charge');
    const paymentIntent = str(body, 'payment_intent');
    const items = newestFirst(ctx.state.refunds).filter(
      (r) =>
        (charge === undefined || r.charge === charge) &&
        (paymentIntent === undefined || r.payment_intent === paymentIntent),
    );
    return paginate(items, body, '/v1/refunds', 'refund');
  }),
];
