import type { Executor, Tx } from '../db/database.js';
import { rewardsRepository } from '../db/repositories/rewards.js';
import type { RewardRow, RewardStatus } from '../db/tables.js';
import { readSettings } from '../domain/campaign-settings.js';
import { createId } from '../domain/ids.js';
import type { Reward } from '../domain/reward.js';
import { afterApproval, planRewards } from '../domain/reward-rules.js';
import { recordDomainEvent } from './domain-events.js';

const WAITING: RewardStatus[] = ['held', 'pending_approval', 'pending', 'failed'];

/** The reward as the API and outgoing webhooks show it. */
export function presentReward(row: RewardRow): Reward {
  return {
    id: row.id,
    object: 'reward',
    campaign_id: row.campaign_id,
    lead_id: row.lead_id,
    referrer_id: row.referrer_id,
    recipient: row.recipient,
    kind: row.kind,
    amount: row.amount,
    currency: row.currency,
    coupon_id: row.coupon_id,
    status: row.status,
    cancel_reason: row.cancel_reason,
    issue_after: row.issue_after.toISOString(),
    customer_id: row.customer_id,
    stripe_object: row.stripe_object,
    promotion_code: row.promotion_code,
    reversal_object: row.reversal_object,
    review: row.review,
    attempts: row.attempts,
    last_error: row.last_error,
    issued_at: row.issued_at?.toISOString() ?? null,
    cancelled_at: row.cancelled_at?.toISOString() ?? null,
    reversed_at: row.reversed_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** Records a domain event about a reward (for outgoing webhooks), with the reward as the API shows it. */
export async function rewardDomainEvent(db: Executor, type: string, row: RewardRow, at: Date): Promise<void> {
  await recordDomainEvent(db, {
    type,
    campaign_id: row.campaign_id,
    lead_id: row.lead_id,
    referrer_id: row.referrer_id,
    data: { reward: presentReward(row) },
    at,
  });
}

const CREATED_MESSAGE: Record<string, string> = {
  held: 'Held until the hold period ends; issued then if the lead is still qualified.',
  pending_approval: 'Waiting for approval (POST /v1/rewards/{id}/approve).',
  pending: 'To be issued in Stripe.',
  per_referrer_cap: 'Not given: the referrer reached the campaign’s cap of rewards per referrer.',
  budget: 'Not given: the campaign’s reward budget is spent.',
};

/** What `grantRewards` needs of a lead and its campaign. */
type LeadToReward = {
  id: string;
  campaign_id: string;
  referrer_id: string;
  settings: Record<string, unknown>;
  connection_id: string | null;
};

/**
 * A lead qualified (in the caller's transaction): each recipient's reward is created once, whatever the
 * number of qualifications (unique per lead and recipient). A reward cancelled because the lead lost its
 * qualification comes back; one issued, reversed or refused by a cap stays as it is. The lead comes with its
 * campaign's settings, as the verdict read it.
 */
export async function grantRewards(tx: Tx, lead: LeadToReward, qualifiedAt: Date, now: Date): Promise<void> {
  const rules = readSettings(lead.settings).rewards;
  if (!rules || !lead.connection_id) return;
  const repo = rewardsRepository(tx);
  // One referrer's rewards are decided one at a time, so the cap holds under concurrent qualifications.
  await tx.selectFrom('referrers').select('id').where('id', '=', lead.referrer_id).forUpdate().execute();
  if (rules.budget)
    await tx.selectFrom('campaigns').select('id').where('id', '=', lead.campaign_id).forUpdate().execute();
  const existing = await repo.ofLead(lead.id);
  const tally = await repo.tally(
    lead.campaign_id,
    lead.referrer_id,
    rules.budget?.currency.toLowerCase() ?? null,
  );
  for (const plan of planRewards(rules, qualifiedAt, tally)) {
    const current = existing.find((r) => r.recipient === plan.recipient);
    if (current) {
      if (current.status === 'reversing') {
        // Qualified again before Stripe was asked to take it back: it stays given.
        await repo.update(current.id, { status: 'issued', updated_at: now });
        await repo.addEvent(current.id, {
          type: 'reward.kept',
          message: 'The lead qualified again before the reward was taken back: it stays issued.',
          status: 'issued',
          at: now,
        });
        continue;
      }
      if (current.status !== 'cancelled' || current.cancel_reason !== 'unqualified') continue;
      const status = rules.manual_approval ? 'pending_approval' : afterApproval(plan.issueAfter, now);
      await repo.update(current.id, {
        status,
        cancel_reason: null,
        cancelled_at: null,
        issue_after: plan.issueAfter,
        updated_at: now,
      });
      await repo.addEvent(current.id, {
        type: 'reward.restored',
        message: `The lead qualified again. ${CREATED_MESSAGE[status]}`,
        status,
        at: now,
      });
      continue;
    }
    const row = await repo.insert({
      id: createId('rwd'),
      campaign_id: lead.campaign_id,
      lead_id: lead.id,
      referrer_id: lead.referrer_id,
      recipient: plan.recipient,
      connection_id: lead.connection_id,
      kind: plan.spec.kind,
      amount: plan.amount,
      currency: plan.currency,
      coupon_id: plan.couponId,
      status: plan.status,
      cancel_reason: plan.cancelReason,
      issue_after: plan.issueAfter,
      cancelled_at: plan.cancelReason ? now : null,
      created_at: now,
      updated_at: now,
    });
    if (!row) continue;
    await repo.addEvent(row.id, {
      type: 'reward.created',
      message: `The lead qualified. ${CREATED_MESSAGE[plan.cancelReason ?? plan.status]}`,
      status: row.status,
      at: now,
    });
  }
}

/**
 * A lead lost its qualification (in the caller's transaction): rewards not issued yet are cancelled, and
 * issued ones are queued to be taken back in Stripe where it allows.
 */
export async function takeBackRewards(tx: Tx, leadId: string, now: Date): Promise<void> {
  const repo = rewardsRepository(tx);
  for (const reward of await repo.ofLead(leadId)) {
    if (WAITING.includes(reward.status)) {
      await repo.update(reward.id, {
        status: 'cancelled',
        cancel_reason: 'unqualified',
        cancelled_at: now,
        updated_at: now,
      });
      await repo.addEvent(reward.id, {
        type: 'reward.cancelled',
        message: 'Cancelled before it was issued: the lead is no longer qualified.',
        status: 'cancelled',
        at: now,
      });
    } else if (reward.status === 'issued' && !reward.review) {
      await repo.update(reward.id, { status: 'reversing', issue_after: now, updated_at: now });
      await repo.addEvent(reward.id, {
        type: 'reward.reversing',
        message: 'The lead is no longer qualified: the reward is being taken back in Stripe.',
        status: 'reversing',
        at: now,
      });
    }
  }
}
