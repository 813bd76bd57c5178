/**
 * Test helper `POST /v1/test_helpers/payment_links/:id/checkout`: a buyer opens the payment link
 * (optionally with `?client_reference_id=...`) and pays. Creates the checkout session Stripe would
 * create from the link, then completes it through `completeSession` (same events and objects).
 */
import { type Ctx, route } from '../context.js';
import { invalidParam, invalidRequest } from '../errors.js';
import type { FormObject } from '../form-decode.js';
import { str } from '../params.js';
import { createSession } from '../resources/checkout-sessions.js';
import { getPaymentLink } from '../resources/payment-links.js';
import type { CheckoutSessionObj, PaymentLinkObj } from '../shapes.js';
import { completeSession } from './checkout-complete.js';
import { promotionSpec } from './discounts.js';
import { checkPaymentMethod } from './payments.js';

/** Stripe accepts letters, digits, `_` and `-`, up to 200 characters (on a real link URL it drops others). */
const CLIENT_REFERENCE_ID = /^[A-Za-z0-9_-]{1,200}$/;

function sessionParams(ctx: Ctx, link: PaymentLinkObj, clientReferenceId: string | undefined): FormObject {
  const lines = ctx.state.paymentLinkLineItems.get(link.id) ?? [];
  const subscription = lines.some((l) => l.price?.recurring);
  const params: FormObject = {
    mode: subscription ? 'subscription' : 'payment',
    line_items: lines.map((l) => ({ price: l.price?.id ?? '', quantity: String(l.quantity ?? 1) })),
    allow_promotion_codes: String(link.allow_promotion_codes),
    metadata: { ...link.metadata },
  };
  if (clientReferenceId) params.client_reference_id = clientReferenceId;
  if (subscription) {
    params.subscription_data = { metadata: { ...(link.subscription_data?.metadata ?? {}) } };
  } else {
    params.customer_creation = link.customer_creation;
    params.payment_intent_data = { metadata: { ...(link.payment_intent_data?.metadata ?? {}) } };
  }
  return params;
}

export function checkoutPaymentLink(ctx: Ctx, link: PaymentLinkObj, p: FormObject): CheckoutSessionObj {
  if (!link.active) {
    throw invalidRequest(
      link.inactive_message ?? `The payment link ${link.id} is no longer active.`,
      undefined,
      'payment_link_inactive',
    );
  }
  const clientReferenceId = str(p, 'client_reference_id') || undefined;
  if (clientReferenceId !== undefined && !CLIENT_REFERENCE_ID.test(clientReferenceId)) {
    throw invalidParam(
      'client_reference_id',
      'Invalid client_reference_id: it can contain only letters, digits, dashes and underscores, and be at most 200 characters long.',
    );
  }
  const promotionCode = str(p, 'promotion_code') || undefined;
  if (promotionCode !== undefined) {
    if (!link.allow_promotion_codes) {
      throw invalidRequest('This payment link does not allow promotion codes.', 'promotion_code');
    }
    promotionSpec(ctx, promotionCode, 'promotion_code'); // an unknown code fails before a session exists
  }
  const paymentMethod = str(p, 'payment_method') || 'pm_card_visa';
  checkPaymentMethod(paymentMethod);
  const session = createSession(ctx, sessionParams(ctx, link, clientReferenceId), link.id);
  const complete: FormObject = { payment_method: paymentMethod };
  for (const key of ['email', 'name'] as const) {
    const value = str(p, key);
    if (value) complete[key] = value;
  }
  if (promotionCode) complete.promotion_code = promotionCode;
  return completeSession(ctx, session, complete);
}

export const paymentLinkCheckoutRoutes = [
  route('POST', '/v1/test_helpers/payment_links/:id/checkout', ({ ctx, params, body }) =>
    checkoutPaymentLink(ctx, getPaymentLink(ctx, params.id ?? ''), body),
  ),
];
