/**
 * Disputes: opened by the test helper `POST /v1/test_helpers/charges/:id/dispute`, closed as won/lost by
 * `POST /v1/test_helpers/disputes/:id/close`; `POST /v1/disputes/:id/close` accepts (loses) it like Stripe.
 */
import { reverseTransaction, settleReversal } from '../billing/balance.js';
import { type Ctx, route, snapshot, updateAndEmit } from '../context.js';
import { invalidRequest } from '../errors.js';
import { newId, nowSeconds } from '../ids.js';
import { paginate } from '../list.js';
import { mustGet } from '../lookups.js';
import { int, mergeMetadata, metadata, oneOf, str } from '../params.js';
import type { BalanceTransactionObj, DisputeObj } from '../shapes.js';
import { newestFirst } from '../store.js';

const REASONS = [
  'fraudulent',
  'product_not_received',
  'duplicate',
  'general',
  'subscription_canceled',
  'unrecognized',
  'credit_not_processed',
  'product_unacceptable',
] as const;

/** A won dispute puts the withdrawn amount back: the exact opposite of the withdrawal. */
function reinstatement(ctx: Ctx, dispute: DisputeObj): BalanceTransactionObj[] {
  const withdrawal = (dispute.balance_transactions ?? []).find((t) => t.reporting_category === 'dispute');
  if (!withdrawal) return [];
  const chargeId = typeof dispute.charge === 'string' ? dispute.charge : dispute.charge.id;
  const description = `Chargeback reversal for ${chargeId}`;
  return [snapshot(reverseTransaction(ctx, withdrawal, dispute.id, 'dispute_reversal', description))];
}

function closeDispute(ctx: Ctx, dispute: DisputeObj, outcome: 'won' | 'lost'): DisputeObj {
  if (dispute.status === 'won' || dispute.status === 'lost') {
    throw invalidRequest(`Dispute ${dispute.id} is already closed.`, undefined, 'dispute_already_closed');
  }
  updateAndEmit(ctx, 'charge.dispute.updated', dispute, (d) => {
    d.status = outcome;
    d.is_charge_refundable = false;
    if (outcome === 'won')
      d.balance_transactions = [...(d.balance_transactions ?? []), ...reinstatement(ctx, d)];
  });
  ctx.emit('charge.dispute.closed', dispute);
  return dispute;
}

export const disputeRoutes = [
  route('POST', '/v1/test_helpers/charges/:id/dispute', ({ ctx, params, body }) => {
    const charge = mustGet(ctx, 'charges', 'charge', params.id ?? '');
    if (charge.status !== 'succeeded') throw invalidRequest(`Charge ${charge.id} did not succeed.`, 'charge');
    if (charge.disputed) throw invalidRequest(`Charge ${charge.id} is already disputed.`, 'charge');
    const amount = int(body, 'amount') ?? charge.amount - charge.amount_refunded;
    const reason = oneOf(body, 'reason', REASONS) ?? 'fraudulent';
    const id = newId('dp');
    const withdrawal = settleReversal(
      ctx,
      charge,
      { amount, before: charge.amount_refunded, sign: -1 },
      id,
      'dispute',
      `Chargeback withdrawal for ${charge.id}`,
    );
    const dispute = {
      id,
      object: 'dispute',
      amount,
      balance_transactions: [snapshot(withdrawal)],
      charge: charge.id,
      created: nowSeconds(),
      currency: charge.currency,
      is_charge_refundable: false,
      livemode: false,
      metadata: {},
      payment_intent: charge.payment_intent,
      reason,
      status: 'needs_response',
    } satisfies DisputeObj;
    const stored: DisputeObj = dispute;
    ctx.state.disputes.set(dispute.id, stored);
    updateAndEmit(ctx, 'charge.updated', charge, (c) => {
      c.disputed = true;
    });
    ctx.emit('charge.dispute.created', stored);
    return stored;
  }),
  route('POST', '/v1/test_helpers/disputes/:id/close', ({ ctx, params, body }) => {
    const dispute = mustGet(ctx, 'disputes', 'dispute', params.id ?? '');
    const outcome = oneOf(body, 'outcome', ['won', 'lost'] as const) ?? 'lost';
    return closeDispute(ctx, dispute, outcome);
  }),
  route('POST', '/v1/disputes/:id/close', ({ ctx, params }) =>
    closeDispute(ctx, mustGet(ctx, 'disputes', 'dispute', params.id ?? ''), 'lost'),
  ),
  route('GET', '/v1/disputes/:id', ({ ctx, params }) => mustGet(ctx, 'disputes', 'dispute', params.id ?? '')),
  route('POST', '/v1/disputes/:id', ({ ctx, params, body }) =>
    updateAndEmit(
      ctx,
      'charge.dispute.updated',
      mustGet(ctx, 'disputes', 'dispute', params.id ?? ''),
      (d) => {
        if (body.metadata !== undefined) d.metadata = mergeMetadata(d.metadata, metadata(body));
      },
    ),
  ),
  route('GET', '/v1/disputes', ({ ctx, body }) => {
    const charge = str(body, 'charge');
    const paymentIntent = str(body, 'payment_intent');
    const items = newestFirst(ctx.state.disputes).filter(
      (d) =>
        (charge === undefined || d.charge === charge) &&
        (paymentIntent === undefined || d.payment_intent === paymentIntent),
    );
    return paginate(items, body, '/v1/disputes', 'dispute');
  }),
];
