import Stripe from 'stripe';
import type { CodeRules } from '../domain/campaign-settings.js';
import { type Coupon, couponSchema } from '../domain/promotion-code.js';
import type { StripeClient } from './stripe-client.js';

/** A coupon as Vouch shows and stores it: the domain's one coupon shape. */
export type CouponDetails = Coupon;

export type NewCoupon = {
  name?: string | undefined;
  amount_off?: number | undefined;
  currency?: string | undefined;
  percent_off?: number | undefined;
  duration: 'once' | 'repeating' | 'forever';
  duration_in_months?: number | undefined;
};

const details = (c: Stripe.Coupon): CouponDetails => ({
  id: c.id,
  name: c.name ?? null,
  amount_off: c.amount_off ?? null,
  currency: c.currency ?? null,
  percent_off: c.percent_off ?? null,
  duration: couponSchema.shape.duration.parse(c.duration),
  duration_in_months: c.duration_in_months ?? null,
  valid: c.valid,
  times_redeemed: c.times_redeemed,
  created: c.created,
});

export async function createCoupon(
  client: StripeClient,
  input: NewCoupon,
  idempotencyKey: string,
): Promise<CouponDetails> {
  const coupon = await client.coupons.create(
    {
      duration: input.duration,
      ...(input.name ? { name: input.name } : {}),
      ...(input.amount_off !== undefined
        ? { amount_off: input.amount_off, currency: input.currency?.toLowerCase() }
        : { percent_off: input.percent_off }),
      ...(input.duration === 'repeating' ? { duration_in_months: input.duration_in_months } : {}),
      metadata: { created_by: 'vouch' },
    },
    { idempotencyKey },
  );
  return details(coupon);
}

/** The coupon, or null when Stripe no longer has it. */
export async function retrieveCoupon(client: StripeClient, id: string): Promise<CouponDetails | null> {
  try {
    return details(await client.coupons.retrieve(id));
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return null;
    throw error;
  }
}

/** One page of the account's coupons, newest first. */
export async function listCoupons(
  client: StripeClient,
  limit: number,
  startingAfter: string | undefined,
): Promise<{ data: CouponDetails[]; hasMore: boolean }> {
  const page = await client.coupons.list({
    limit,
    ...(startingAfter ? { starting_after: startingAfter } : {}),
  });
  return { data: page.data.map(details), hasMore: page.has_more };
}

export type PromotionCodeRequest = {
  /** Vouch's own id for it: the idempotency key and the metadata that says whose it is. */
  id: string;
  couponId: string;
  code: string;
  rules: CodeRules;
  metadata: Record<string, string>;
};

/** What making a promotion code came to: made (or found as ours), or its text is another's. */
export type PromotionCodeOutcome = { created: string } | { taken: string };

function restrictions(rules: CodeRules): Stripe.PromotionCodeCreateParams.Restrictions | undefined {
  const out: Stripe.PromotionCodeCreateParams.Restrictions = {};
  if (rules.first_time_only) out.first_time_transaction = true;
  if (rules.minimum_amount) {
    out.minimum_amount = rules.minimum_amount.amount;
    out.minimum_amount_currency = rules.minimum_amount.currency.toLowerCase();
  }
  return Object.keys(out).length ? out : undefined;
}

/** An active promotion code with this text (Stripe allows one at a time), if any. */
async function activeWithCode(client: StripeClient, code: string): Promise<Stripe.PromotionCode | undefined> {
  const page = await client.promotionCodes.list({ code, active: true, limit: 10 });
  return page.data.find((p) => p.code.toLowerCase() === code.toLowerCase());
}

/**
 * Makes a referrer's promotion code once: the idempotency key is Vouch's id for it, so a retry or a restart
 * after a crash gets the same code back. When Stripe says the text is taken, a code carrying our id in its
 * metadata is ours (made before a crash lost the answer); any other holder means the text is taken.
 */
export async function createPromotionCode(
  client: StripeClient,
  request: PromotionCodeRequest,
): Promise<PromotionCodeOutcome> {
  const rules = request.rules;
  const limits = restrictions(rules);
  try {
    const promo = await client.promotionCodes.create(
      {
        promotion: { type: 'coupon', coupon: request.couponId },
        code: request.code,
        metadata: { ...request.metadata, vouch_promotion_code_id: request.id },
        ...(rules.max_redemptions !== null ? { max_redemptions: rules.max_redemptions } : {}),
        ...(rules.expires_at !== null ? { expires_at: Math.floor(Date.parse(rules.expires_at) / 1000) } : {}),
        ...(limits ? { restrictions: limits } : {}),
      },
      // Keyed by the text too: a code given new text after a refusal is a new request.
      { idempotencyKey: `vouch:promotion-code:${request.id}:${request.code}` },
    );
    return { created: promo.id };
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeInvalidRequestError) || !/already exists/i.test(error.message))
      throw error;
    const holder = await activeWithCode(client, request.code);
    if (holder?.metadata?.vouch_promotion_code_id === request.id) return { created: holder.id };
    return { taken: holder?.id ?? request.code };
  }
}

export async function deactivatePromotionCode(client: StripeClient, stripeId: string): Promise<void> {
  await client.promotionCodes.update(
    stripeId,
    { active: false },
    { idempotencyKey: `vouch:promotion-code-off:${stripeId}` },
  );
}

/** Whether Stripe refused for good because the coupon is gone or no longer valid. */
export function isCouponGone(error: unknown): boolean {
  return (
    error instanceof Stripe.errors.StripeInvalidRequestError &&
    (/no such coupon/i.test(error.message) || error.code === 'resource_missing')
  );
}

/** The promotion codes an invoice used (its discounts, expanded: the webhook names them by id only). */
export async function invoicePromotionCodes(client: StripeClient, invoiceId: string): Promise<string[]> {
  const invoice = await client.invoices.retrieve(invoiceId, { expand: ['discounts'] });
  return (invoice.discounts ?? []).flatMap((d) => {
    if (typeof d === 'string' || ('deleted' in d && d.deleted)) return [];
    const promo = (d as Stripe.Discount).promotion_code;
    return promo ? [typeof promo === 'string' ? promo : promo.id] : [];
  });
}
