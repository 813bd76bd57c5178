import { connectionsRepository } from '../db/repositories/connections.js';
import { customerLinksRepository } from '../db/repositories/customer-links.js';
import { rewardsRepository } from '../db/repositories/rewards.js';
import type { ConnectionRow, RewardRow } from '../db/tables.js';
import { rewardDomainEvent } from '../services/reward-grants.js';
import type { StripeGateway } from '../stripe/gateway.js';
import { withRetries } from '../stripe/retries.js';
import {
  customerForReward,
  type Issued,
  type IssueRequest,
  isRefusal,
  issueReward,
  type Reversal,
  reverseReward,
} from '../stripe/rewards.js';
import type { StripeClient } from '../stripe/stripe-client.js';
import type { JobContext } from './job-definition.js';
import { LockedRunner, type StopSignal } from './locked-runner.js';
import { runPool } from './work-pool.js';

export type RewardDeps = Pick<JobContext, 'database' | 'logger' | 'now'> & {
  gateway: StripeGateway;
  /** Tries per Stripe call before a reward waits for its next turn (429s and 5xx are retried with backoff). */
  maxAttempts?: number;
  /**
   * Rewards under way at once; default: the account's limit (its budget could start no more in a second).
   * Each request still waits for its turn in the budget.
   */
  concurrency?: number;
  /** Test seam: runs after Stripe answered and before the result is committed (a crash there). */
  afterStripeCall?: (reward: RewardRow) => Promise<void> | void;
};

const BATCH = 50;
/** After a transient failure the reward is tried again after 1, 2, 4 ... minutes, at most an hour. */
const laterMs = (attempts: number) => Math.min(3_600_000, 60_000 * 2 ** Math.max(0, attempts - 1));

/** Advisory lock namespace of reward work: one runner per campaign across all processes. */
const REWARD_LOCK_SPACE = 727_300;

/** Issues rewards, ends holds and takes rewards back, campaign by campaign, resuming after a crash. */
export class RewardRunner extends LockedRunner {
  constructor(deps: RewardDeps & { pollMs?: number }) {
    const { pollMs, ...rest } = deps;
    super({
      database: rest.database,
      logger: rest.logger,
      lockSpace: REWARD_LOCK_SPACE,
      what: 'rewards',
      pollMs,
      due: () => rewardsRepository(rest.database.db).campaignsWithWork(rest.now()),
      run: (id, signal) => runRewards(rest, id, signal),
    });
  }
}

/**
 * Works through a campaign's rewards that are due: holds that ended (issued if the lead is still
 * qualified), rewards to issue, and issued rewards to take back, several at once (each reward's own calls
 * one after another). Each Stripe call is keyed by the reward's id, so a retry or a run after a crash before
 * the commit gets the same object back from Stripe.
 */
async function runRewards(deps: RewardDeps, campaignId: string, signal: StopSignal): Promise<void> {
  const repo = rewardsRepository(deps.database.db);
  const connections = new Map<string, ConnectionRow | undefined>();
  const connectionOf = async (id: string) => {
    if (!connections.has(id)) connections.set(id, await connectionsRepository(deps.database.db).findById(id));
    return connections.get(id);
  };
  while (!signal.stopped) {
    const first = await repo.work(campaignId, deps.now(), 1);
    if (first.length === 0) return;
    const connection = await connectionOf(first[0]!.connection_id);
    const ran = await runPool<RewardRow>({
      size: deps.concurrency ?? (connection ? deps.gateway.budgetFor(connection).limit : 1),
      key: (reward) => reward.id,
      stopped: () => signal.stopped,
      fetch: (held) => repo.work(campaignId, deps.now(), BATCH + held.size),
      run: async (reward) => step(deps, reward, await connectionOf(reward.connection_id)),
    });
    if (ran === 0) return;
  }
}

async function step(
  deps: RewardDeps,
  reward: RewardRow,
  connection: ConnectionRow | undefined,
): Promise<void> {
  const db = deps.database.db;
  const repo = rewardsRepository(db);
  const now = deps.now();
  if (reward.status === 'held') return endHold(deps, reward);
  if (connection?.status !== 'active')
    return fail(deps, reward, "The campaign's Stripe connection is disconnected.", true);
  const client = deps.gateway.forConnection(connection, 'rewards');
  const retry = <T>(call: () => Promise<T>) =>
    withRetries(call, {
      maxAttempts: deps.maxAttempts ?? 6,
      onRetry: (n) =>
        deps.logger.warn(
          { reward_id: reward.id, status: n.status, attempt: n.attempt, wait_ms: Math.round(n.waitMs) },
          'Stripe asked to slow down or failed while issuing a reward; trying again',
        ),
    });
  let request: IssueRequest;
  let outcome: { issued: Issued } | { reversal: Reversal };
  try {
    const customerId = reward.customer_id ?? (await recipientCustomer(deps, client, reward));
    if (!reward.customer_id) await repo.update(reward.id, { customer_id: customerId, updated_at: now });
    request = {
      rewardId: reward.id,
      customerId,
      kind: reward.kind,
      amount: reward.amount,
      currency: reward.currency,
      couponId: reward.coupon_id,
      description: `Referral reward ${reward.id}`,
    };
    outcome =
      reward.status === 'reversing'
        ? {
            reversal: await retry(() =>
              reverseReward(client, { ...request, stripeObject: reward.stripe_object! }),
            ),
          }
        : { issued: await retry(() => issueReward(client, request)) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(deps, reward, message, isRefusal(error));
  }
  // A crash here leaves the reward as it was: the next run asks Stripe again with the same key.
  await deps.afterStripeCall?.(reward);
  if ('reversal' in outcome) return settleReversal(deps, reward, outcome.reversal);
  const issued = outcome.issued;
  await deps.database.db.transaction().execute(async (tx) => {
    const current = await rewardsRepository(tx).lock(reward.id);
    if (current?.status !== 'pending') return;
    const at = deps.now();
    await rewardsRepository(tx).update(reward.id, {
      status: 'issued',
      stripe_object: issued.object,
      promotion_code: issued.promotionCode ?? null,
      issued_at: at,
      attempts: current.attempts + 1,
      last_error: null,
      updated_at: at,
    });
    await rewardsRepository(tx).addEvent(reward.id, {
      type: 'reward.issued',
      message: `Issued in Stripe (${issued.object}).`,
      status: 'issued',
      data: { stripe_object: issued.object },
      at,
    });
    await rewardDomainEvent(tx, 'reward.issued', (await rewardsRepository(tx).findById(reward.id))!, at);
  });
}

/** The hold ended: issued if the lead is still qualified, cancelled otherwise. */
async function endHold(deps: RewardDeps, reward: RewardRow): Promise<void> {
  await deps.database.db.transaction().execute(async (tx) => {
    const current = await rewardsRepository(tx).lock(reward.id);
    if (current?.status !== 'held') return;
    const lead = await tx
      .selectFrom('leads')
      .select('status')
      .where('id', '=', reward.lead_id)
      .executeTakeFirst();
    const at = deps.now();
    const qualified = lead?.status === 'qualified';
    await rewardsRepository(tx).update(reward.id, {
      status: qualified ? 'pending' : 'cancelled',
      cancel_reason: qualified ? null : 'unqualified',
      cancelled_at: qualified ? null : at,
      updated_at: at,
    });
    await rewardsRepository(tx).addEvent(reward.id, {
      type: qualified ? 'reward.hold_ended' : 'reward.cancelled',
      message: qualified
        ? 'The hold period ended with the lead still qualified: to be issued.'
        : 'The hold period ended and the lead is no longer qualified: cancelled.',
      status: qualified ? 'pending' : 'cancelled',
      at,
    });
  });
}

async function settleReversal(deps: RewardDeps, reward: RewardRow, outcome: Reversal): Promise<void> {
  await deps.database.db.transaction().execute(async (tx) => {
    const current = await rewardsRepository(tx).lock(reward.id);
    // What Stripe did is recorded even if the lead qualified again meanwhile (the reward was kept).
    const done = 'reversed' in outcome && current?.status === 'issued';
    if (current?.status !== 'reversing' && !done) return;
    const at = deps.now();
    if ('reversed' in outcome) {
      await rewardsRepository(tx).update(reward.id, {
        status: 'reversed',
        reversal_object: outcome.reversed,
        reversed_at: at,
        updated_at: at,
      });
      await rewardsRepository(tx).addEvent(reward.id, {
        type: 'reward.reversed',
        message: `Taken back in Stripe (${outcome.reversed}).`,
        status: 'reversed',
        at,
      });
      await rewardDomainEvent(tx, 'reward.reversed', (await rewardsRepository(tx).findById(reward.id))!, at);
      return;
    }
    await rewardsRepository(tx).update(reward.id, {
      status: 'issued',
      review: outcome.review,
      updated_at: at,
    });
    await rewardsRepository(tx).addEvent(reward.id, {
      type: 'reward.review_needed',
      message: outcome.review,
      status: 'issued',
      at,
    });
    await rewardDomainEvent(
      tx,
      'reward.review_needed',
      (await rewardsRepository(tx).findById(reward.id))!,
      at,
    );
  });
}

/** Refused for good: failed (retry through the API); otherwise tried again later with backoff. */
async function fail(deps: RewardDeps, reward: RewardRow, message: string, refused: boolean): Promise<void> {
  const at = deps.now();
  const attempts = reward.attempts + 1;
  const failed = refused && reward.status === 'pending';
  await rewardsRepository(deps.database.db).update(reward.id, {
    ...(failed ? { status: 'failed' as const } : { issue_after: new Date(at.getTime() + laterMs(attempts)) }),
    attempts,
    last_error: message.slice(0, 2000),
    updated_at: at,
  });
  await rewardsRepository(deps.database.db).addEvent(reward.id, {
    type: failed ? 'reward.failed' : 'reward.retry_scheduled',
    message: failed
      ? `Stripe refused: ${message}`
      : `Stripe did not answer well (${message}); trying again later.`,
    status: failed ? 'failed' : reward.status,
    at,
  });
  deps.logger.warn({ reward_id: reward.id, failed }, 'a reward could not be issued or taken back');
}

/** The recipient's Stripe customer: the friend's linked customer, or the person's by email, or a new one. */
async function recipientCustomer(deps: RewardDeps, client: StripeClient, reward: RewardRow): Promise<string> {
  const db = deps.database.db;
  if (reward.recipient === 'friend') {
    const links = await customerLinksRepository(db).customersOfLead(reward.lead_id);
    const linked = links.find((l) => l.connection_id === reward.connection_id);
    if (linked) return linked.customer_id;
    const lead = await db
      .selectFrom('leads')
      .selectAll()
      .where('id', '=', reward.lead_id)
      .executeTakeFirstOrThrow();
    return customerForReward(client, {
      key: `lead:${lead.id}`,
      email: lead.email,
      name: [lead.first_name, lead.last_name].filter(Boolean).join(' ') || null,
      metadata: { vouch_lead_id: lead.id },
    });
  }
  const linked = await db
    .selectFrom('customer_links')
    .select('customer_id')
    .where('connection_id', '=', reward.connection_id)
    .where('referrer_id', '=', reward.referrer_id)
    .orderBy('created_at')
    .executeTakeFirst();
  if (linked) return linked.customer_id;
  const referrer = await db
    .selectFrom('referrers')
    .selectAll()
    .where('id', '=', reward.referrer_id)
    .executeTakeFirstOrThrow();
  const customerId = await customerForReward(client, {
    key: `referrer:${referrer.id}`,
    email: referrer.email,
    name: [referrer.first_name, referrer.last_name].filter(Boolean).join(' ') || null,
    metadata: { vouch_referrer_id: referrer.id },
  });
  await db
    .insertInto('customer_links')
    .values({
      connection_id: reward.connection_id,
      customer_id: customerId,
      lead_id: null,
      referrer_id: referrer.id,
      how: 'matched_email',
      created_at: deps.now(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return customerId;
}
