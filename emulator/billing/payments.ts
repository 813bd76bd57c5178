/**
 * Charging a test payment method: creates the PaymentIntent, Charge and BalanceTransaction and emits
 * the events. `pm_card_visa`/`tok_visa` (and other non-declining test cards) succeed;
 * `pm_card_chargeDeclined`/`tok_chargeDeclined` fail with Stripe's 402 card error.
 */
import { type Ctx, snapshot } from '../context.js';
import { StripeApiError } from '../errors.js';
import { newId, nowSeconds, randomToken } from '../ids.js';
import type { ChargeObj, PaymentIntentObj } from '../shapes.js';
import { checkSettlementCurrency, settleCharge } from './balance.js';

const DECLINES: Record<string, string> = {
  pm_card_chargeDeclined: 'generic_decline',
  tok_chargeDeclined: 'generic_decline',
  pm_card_visa_chargeDeclined: 'generic_decline',
  tok_visa_chargeDeclined: 'generic_decline',
  pm_card_chargeDeclinedInsufficientFunds: 'insufficient_funds',
  tok_chargeDeclinedInsufficientFunds: 'insufficient_funds',
  pm_card_chargeDeclinedFraudulent: 'fraudulent',
  tok_chargeDeclinedFraudulent: 'fraudulent',
};

export function declineCodeFor(paymentMethod: string): string | null {
  return DECLINES[paymentMethod] ?? null;
}

export function checkPaymentMethod(paymentMethod: string, param = 'payment_method'): void {
  if (/^(pm_card_|tok_|pm_)\w+$/.test(paymentMethod)) return;
  throw new StripeApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    param,
    message: `No such PaymentMethod: '${paymentMethod}'`,
  });
}

export function cardError(declineCode: string, charge?: string, pi?: PaymentIntentObj): StripeApiError {
  return new StripeApiError(402, {
    type: 'card_error',
    code: 'card_declined',
    decline_code: declineCode,
    message:
      declineCode === 'insufficient_funds' ? 'Your card has insufficient funds.' : 'Your card was declined.',
    param: '',
    charge,
    payment_intent: pi ? (snapshot(pi) as Record<string, unknown>) : undefined,
  });
}

export interface PaymentInput {
  amount: number;
  currency: string;
  customer: string | null;
  paymentMethod: string;
  description?: string | null;
  metadata?: Record<string, string>;
  receiptEmail?: string | null;
  /** The invoice this payment pays (older API versions name it on the PaymentIntent and its charges). */
  invoice?: string;
}

export function newPaymentIntent(
  input: Omit<PaymentInput, 'paymentMethod'> & { paymentMethod: string | null },
) {
  const id = newId('pi');
  const pi = {
    id,
    object: 'payment_intent',
    amount: input.amount,
    amount_capturable: 0,
    amount_received: 0,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic',
    client_secret: `${id}_secret_${randomToken(24)}`,
    confirmation_method: 'automatic',
    created: nowSeconds(),
    currency: input.currency.toLowerCase(),
    customer: input.customer,
    description: input.description ?? null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: input.metadata ?? {},
    next_action: null,
    payment_method: input.paymentMethod,
    payment_method_types: ['card'],
    receipt_email: input.receiptEmail ?? null,
    status: input.paymentMethod ? 'requires_confirmation' : 'requires_payment_method',
  } satisfies PaymentIntentObj;
  return pi as PaymentIntentObj;
}

/**
 * Confirms `pi` with its payment method. On a decline the PI returns to requires_payment_method
 * and the 402 error is returned (the caller decides whether to throw).
 */
export function confirmPaymentIntent(ctx: Ctx, pi: PaymentIntentObj): StripeApiError | null {
  const paymentMethod = typeof pi.payment_method === 'string' ? pi.payment_method : null;
  if (!paymentMethod) {
    return new StripeApiError(400, {
      type: 'invalid_request_error',
      code: 'payment_intent_unexpected_state',
      param: 'payment_method',
      message: "You cannot confirm this PaymentIntent because it's missing a payment method.",
    });
  }
  checkSettlementCurrency(ctx, pi.currency);
  const decline = declineCodeFor(paymentMethod);
  const charge = {
    id: newId('ch'),
    object: 'charge',
    amount: pi.amount,
    amount_captured: decline ? 0 : pi.amount,
    amount_refunded: 0,
    balance_transaction: null,
    captured: !decline,
    created: nowSeconds(),
    currency: pi.currency,
    customer: pi.customer,
    description: pi.description,
    disputed: false,
    failure_code: decline ? 'card_declined' : null,
    failure_message: decline ? 'Your card was declined.' : null,
    livemode: false,
    metadata: { ...pi.metadata },
    paid: !decline,
    payment_intent: pi.id,
    payment_method: paymentMethod,
    receipt_email: pi.receipt_email,
    refunded: false,
    status: decline ? 'failed' : 'succeeded',
  } satisfies ChargeObj;
  const stored: ChargeObj = charge;
  ctx.state.charges.set(charge.id, stored);
  pi.latest_charge = charge.id;
  if (decline) {
    const error = cardError(decline, charge.id);
    pi.status = 'requires_payment_method';
    pi.last_payment_error = {
      type: 'card_error',
      code: 'card_declined',
      decline_code: decline,
      message: error.body.message,
      charge: charge.id,
    };
    ctx.emit('charge.failed', stored);
    ctx.emit('payment_intent.payment_failed', pi);
    return cardError(decline, charge.id, pi);
  }
  stored.balance_transaction = settleCharge(ctx, stored).id;
  pi.status = 'succeeded';
  pi.amount_received = pi.amount;
  pi.last_payment_error = null;
  ctx.emit('charge.succeeded', stored);
  ctx.emit('payment_intent.succeeded', pi);
  return null;
}

/** Creates and confirms a PaymentIntent in one go. */
export function pay(ctx: Ctx, input: PaymentInput): { pi: PaymentIntentObj; error: StripeApiError | null } {
  checkSettlementCurrency(ctx, input.currency);
  const pi = newPaymentIntent(input);
  ctx.state.paymentIntents.set(pi.id, pi);
  if (input.invoice) ctx.state.paymentIntentInvoices.set(pi.id, input.invoice);
  ctx.emit('payment_intent.created', pi);
  const error = confirmPaymentIntent(ctx, pi);
  return { pi, error };
}
