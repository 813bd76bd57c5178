import Stripe from 'stripe';
import type { RewardKind } from '../domain/reward.js';
import type { StripeClient } from './stripe-client.js';

/** Who receives a reward, as Stripe needs them to exist. */
export type RewardPerson = {
  /** Stable per person: the idempotency key of the customer made for them. */
  key: string;
  email: string;
  name: string | null;
  metadata: Record<string, string>;
};

/** The person's customer: the oldest with their email, or one made once (idempotency key per person). */
export async function customerForReward(client: StripeClient, person: RewardPerson): Promise<string> {
  const page = await client.customers.list({ email: person.email, limit: 100 });
  const same = page.data
    .filter((c) => (c.email ?? '').trim().toLowerCase() === person.email.trim().toLowerCase())
    .sort((a, b) => a.created - b.created);
  if (same[0]) return same[0].id;
  const customer = await client.customers.create(
    { email: person.email, ...(person.name ? { name: person.name } : {}), metadata: person.metadata },
    { idempotencyKey: `vouch:reward-customer:${person.key}` },
  );
  return customer.id;
}

export type IssueRequest = {
  rewardId: string;
  customerId: string;
  kind: RewardKind;
  amount: number | null;
  currency: string | null;
  couponId: string | null;
  description: string;
};

/** What Stripe made: the balance transaction, the promotion code (and its text), or the subscription. */
export type Issued = { object: string; promotionCode?: string };

/** Stripe refused for good: the reward fails with this reason (and can be retried through the API). */
export class RewardRefused extends Error {
  override name = 'RewardRefused';
}

/**
 * Issues a reward in Stripe with an idempotency key from the reward's id: a retry, or a run after a crash
 * between this call and the database commit, gets Stripe's first answer back instead of a second reward.
 */
export async function issueReward(client: StripeClient, r: IssueRequest): Promise<Issued> {
  const options = { idempotencyKey: `vouch:reward:${r.rewardId}` };
  const metadata = { vouch_reward_id: r.rewardId };
  if (r.kind === 'balance_credit') {
    const txn = await client.customers.createBalanceTransaction(
      r.customerId,
      { amount: -r.amount!, currency: r.currency!, description: r.description, metadata },
      options,
    );
    return { object: txn.id };
  }
  if (r.kind === 'promotion_code') {
    const promo = await client.promotionCodes.create(
      {
        promotion: { type: 'coupon', coupon: r.couponId! },
        customer: r.customerId,
        max_redemptions: 1,
        metadata,
      },
      options,
    );
    return { object: promo.id, promotionCode: promo.code };
  }
  const subscriptions = await client.subscriptions.list({
    customer: r.customerId,
    status: 'active',
    limit: 1,
  });
  const subscription = subscriptions.data[0];
  if (!subscription)
    throw new RewardRefused(
      'The customer has no active subscription to apply the coupon to. Retry the reward once they subscribe, or reward them with credit or a promotion code.',
    );
  const kept = (subscription.discounts ?? []).flatMap((d) =>
    typeof d === 'string' ? [{ discount: d }] : [],
  );
  await client.subscriptions.update(
    subscription.id,
    { discounts: [...kept, { coupon: r.couponId! }], metadata: { vouch_reward_id: r.rewardId } },
    options,
  );
  return { object: subscription.id };
}

/** What taking a reward back came to: done in Stripe, or impossible (the business decides). */
export type Reversal = { reversed: string } | { review: string };

export async function reverseReward(
  client: StripeClient,
  r: IssueRequest & { stripeObject: string },
): Promise<Reversal> {
  const options = { idempotencyKey: `vouch:reward-reversal:${r.rewardId}` };
  if (r.kind === 'balance_credit') {
    const txn = await client.customers.createBalanceTransaction(
      r.customerId,
      {
        amount: r.amount!,
        currency: r.currency!,
        description: `Reversal of ${r.description}`,
        metadata: { vouch_reward_id: r.rewardId },
      },
      options,
    );
    return { reversed: txn.id };
  }
  if (r.kind === 'promotion_code') {
    const promo = await client.promotionCodes.retrieve(r.stripeObject);
    if (promo.times_redeemed > 0)
      return {
        review: `The promotion code ${promo.code} was already used, so Stripe cannot take it back. Decide whether to recover the discount another way.`,
      };
    if (promo.active) await client.promotionCodes.update(promo.id, { active: false }, options);
    return { reversed: promo.id };
  }
  return {
    review: `The coupon ${r.couponId} was applied to subscription ${r.stripeObject}; discounts already given cannot be taken back by Stripe. Remove the coupon from the subscription in Stripe if you decide to.`,
  };
}

/** Whether Stripe refused for good (a 4xx other than a rate limit): retrying the same request will not help. */
export function isRefusal(error: unknown): boolean {
  return (
    error instanceof RewardRefused ||
    (error instanceof Stripe.errors.StripeError &&
      error.statusCode !== undefined &&
      error.statusCode >= 400 &&
      error.statusCode < 500 &&
      error.statusCode !== 429 &&
      error.statusCode !== 409)
  );
}
