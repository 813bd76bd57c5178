/**
 * Test helper `POST /v1/test_helpers/checkout/sessions/:id/complete`: pays an open session like a buyer
 * would. Validates the discount first (promotion-code restrictions), then creates the customer when
 * needed, the payment (payment mode) or subscription + invoice (subscription mode), and emits
 * `checkout.session.completed`.
 */
import { type Ctx, updateAndEmit } from '../context.js';
import { invalidRequest } from '../errors.js';
import type { FormObject } from '../form-decode.js';
import { str } from '../params.js';
import { createCustomer, getCustomer } from '../resources/customers.js';
import type { CheckoutSessionObj } from '../shapes.js';
import {
  type DiscountSpec,
  discountAmount,
  promotionSpec,
  redeemDiscount,
  validateDiscount,
} from './discounts.js';
import { cardError, checkPaymentMethod, declineCodeFor, pay } from './payments.js';
import { createSubscription } from './subscriptions.js';

function sessionSpecs(
  ctx: Ctx,
  session: CheckoutSessionObj,
  promotionCode: string | undefined,
): DiscountSpec[] {
  if (promotionCode) {
    if (session.discounts && session.discounts.length > 0) {
      throw invalidRequest('This Checkout Session already has a discount applied.', 'promotion_code');
    }
    if (!session.allow_promotion_codes) {
      throw invalidRequest('This Checkout Session does not allow promotion codes.', 'promotion_code');
    }
    return [promotionSpec(ctx, promotionCode, 'promotion_code')];
  }
  return (session.discounts ?? []).flatMap((d) => {
    const promo = typeof d.promotion_code === 'string' ? d.promotion_code : d.promotion_code?.id;
    if (promo) return [promotionSpec(ctx, promo, 'discounts[0][promotion_code]')];
    const couponId = typeof d.coupon === 'string' ? d.coupon : d.coupon?.id;
    const coupon = couponId ? ctx.state.coupons.get(couponId) : undefined;
    return coupon ? [{ coupon, promotionCode: null, param: 'discounts[0][coupon]' }] : [];
  });
}

export function completeSession(ctx: Ctx, session: CheckoutSessionObj, p: FormObject): CheckoutSessionObj {
  if (session.status !== 'open') {
    throw invalidRequest(
      `This Checkout Session is ${session.status} and can no longer be completed.`,
      undefined,
      'checkout_session_not_open',
    );
  }
  const paymentMethod = str(p, 'payment_method') ?? 'pm_card_visa';
  checkPaymentMethod(paymentMethod);
  const existing = typeof session.customer === 'string' ? getCustomer(ctx, session.customer) : null;
  const email = str(p, 'email') ?? existing?.email ?? session.customer_email ?? 'buyer@example.com';
  const name = str(p, 'name') ?? existing?.name ?? null;
  const currency = session.currency ?? ctx.options.defaultCurrency;
  const subtotal = session.amount_subtotal ?? 0;
  const specs = sessionSpecs(ctx, session, str(p, 'promotion_code'));
  for (const spec of specs)
    validateDiscount(ctx, spec, { customer: existing?.id ?? null, amount: subtotal, currency });
  const discount = specs[0] ? discountAmount(specs[0].coupon, subtotal) : 0;
  const total = subtotal - discount;
  const extras = ctx.state.checkoutExtras.get(session.id);
  const lines = ctx.state.checkoutLineItems.get(session.id) ?? [];
  const decline = declineCodeFor(paymentMethod);
  if (decline && session.mode === 'subscription') throw cardError(decline);

  const needsCustomer = session.mode === 'subscription' || session.customer_creation === 'always';
  const customer =
    existing ?? (needsCustomer ? createCustomer(ctx, { email, ...(name ? { name } : {}) }) : null);
  let paymentIntent: string | null = null;
  let subscription: string | null = null;
  let invoice: string | null = null;
  let amountDiscount = discount;
  let amountTotal = total;

  if (session.mode === 'payment') {
    if (total > 0) {
      const { pi, error } = pay(ctx, {
        amount: total,
        currency,
        customer: customer?.id ?? null,
        paymentMethod,
        metadata: extras?.paymentIntentMetadata ?? {},
        receiptEmail: email,
      });
      if (error) throw error;
      paymentIntent = pi.id;
    }
    for (const spec of specs)
      redeemDiscount(ctx, spec, { customer: customer?.id ?? null, checkoutSession: session.id });
  } else if (customer) {
    if (!customer.invoice_settings.default_payment_method) {
      updateAndEmit(ctx, 'customer.updated', customer, (c) => {
        c.invoice_settings = { ...c.invoice_settings, default_payment_method: paymentMethod };
      });
    }
    const result = createSubscription(ctx, {
      customer: customer.id,
      items: lines.flatMap((l) => (l.price ? [{ price: l.price, quantity: l.quantity ?? 1 }] : [])),
      paymentMethod,
      discounts: specs,
      metadata: extras?.subscriptionMetadata ?? {},
      description: null,
    });
    if (result.error) throw result.error;
    subscription = result.sub.id;
    invoice = result.invoice.id;
    amountDiscount = result.invoice.total_discount_amounts?.reduce((sum, d) => sum + d.amount, 0) ?? 0;
    amountTotal = result.invoice.total;
  }

  session.status = 'complete';
  session.payment_status = amountTotal > 0 ? 'paid' : 'no_payment_required';
  session.customer = customer?.id ?? null;
  session.customer_details = {
    address: null,
    business_name: null,
    email,
    individual_name: null,
    name,
    phone: null,
    tax_exempt: 'none',
    tax_ids: [],
  };
  session.payment_intent = paymentIntent;
  session.subscription = subscription;
  session.invoice = invoice;
  session.discounts = specs.map((s) => ({
    coupon: s.coupon.id,
    promotion_code: s.promotionCode?.id ?? null,
  }));
  session.amount_total = amountTotal;
  session.total_details = { amount_discount: amountDiscount, amount_shipping: 0, amount_tax: 0 };
  ctx.emit('checkout.session.completed', session);
  return session;
}
