import { sql } from 'kysely';
import type { Executor, Tx } from '../db/database.js';
import { codeRedemptionsRepository } from '../db/repositories/code-redemptions.js';
import { customerLinksRepository } from '../db/repositories/customer-links.js';
import { paymentFactsRepository } from '../db/repositories/payment-facts.js';
import { syncsRepository } from '../db/repositories/syncs.js';
import type { LeadStatus, SyncRow } from '../db/tables.js';
import { type QualificationRules, readSettings } from '../domain/campaign-settings.js';
import { decideCodeVerdict } from '../domain/code-verdict.js';
import type { Cause } from '../domain/event-commands.js';
import { explainFacts } from '../domain/fact-explanation.js';
import { createId } from '../domain/ids.js';
import type { FactSet } from '../domain/payment-facts.js';
import { decideVerdict, type Verdict, windowEndsAt } from '../domain/qualification.js';
import { queueCountsWriteBack } from './customer-write-back.js';
import { EventWrites } from './event-writes.js';
import { recordedFacts, recordFactOutcomes } from './fact-timeline.js';
import { takePlaceOnPayment } from './lead-places.js';
import { grantRewards, takeBackRewards } from './reward-grants.js';

const EVENT_FOR: Partial<Record<LeadStatus, string>> = {
  qualified: 'lead.qualified',
  unqualified: 'lead.unqualified',
  expired: 'lead.expired',
  pending: 'lead.pending',
};

/** The facts of every Stripe customer linked to a lead. */
export async function leadFacts(db: Executor, leadId: string): Promise<FactSet> {
  return paymentFactsRepository(db).factsOfLead(leadId);
}

/** A lead's verdict now, from its facts (read here unless given) and its campaign's rules (pure domain rules). */
export async function verdictOf(
  db: Executor,
  lead: { id: string; status: LeadStatus; referred_at: Date; referrer_id: string },
  rules: QualificationRules,
  currency: string,
  now: Date,
  known?: FactSet,
): Promise<{ verdict: Verdict; facts: FactSet; referredAt: Date }> {
  const facts = known ?? (await leadFacts(db, lead.id));
  // Stripe's times have whole seconds: a payment in the same second as the referral is inside the window.
  const referredAt = new Date(Math.floor(lead.referred_at.getTime() / 1000) * 1000);
  const verdict: Verdict =
    rules.method === 'code'
      ? decideCodeVerdict({
          windowDays: rules.window_days,
          refundsUnqualify: rules.refunds_unqualify,
          currency,
          referredAt,
          redemptions: await codeRedemptionsRepository(db).countedFor(lead.id, lead.referrer_id),
          facts,
          currentStatus: lead.status,
          now,
        })
      : decideVerdict({
          settings: {
            targetAmount: rules.target_amount,
            windowDays: rules.window_days,
            refundsUnqualify: rules.refunds_unqualify,
            currency,
          },
          referredAt,
          facts,
          currentStatus: lead.status,
          now,
        });
  return { verdict, facts, referredAt };
}

/** These leads with their campaigns' settings, locked, in id order (so two batches never wait on each other). */
async function leadsForVerdict(tx: Tx, leadIds: string[]) {
  return tx
    .selectFrom('leads as l')
    .innerJoin('campaigns as c', 'c.id', 'l.campaign_id')
    .leftJoin('connections as k', 'k.id', 'c.connection_id')
    .select([
      'l.id',
      'l.status',
      'l.referred_at',
      'l.net_spend',
      'l.qualified_at',
      'l.campaign_id',
      'l.referrer_id',
      'l.counted',
      'c.settings',
      'c.connection_id',
      'k.default_currency',
    ])
    .where(sql<boolean>`l.id = any(${leadIds}::text[])`)
    .orderBy('l.id')
    .forUpdate('l')
    .execute();
}

type LeadForVerdict = Awaited<ReturnType<typeof leadsForVerdict>>[number];

/** What settling a verdict may share with the other verdicts of its transaction. */
type Shared = { writes: EventWrites; syncsOf: (campaignId: string) => Promise<SyncRow[]> };

const shareIn = (tx: Tx): Shared => {
  const syncs = new Map<string, Promise<SyncRow[]>>();
  return {
    writes: new EventWrites(),
    syncsOf: (campaignId) => {
      const read = syncs.get(campaignId) ?? syncsRepository(tx).writingFor(campaignId);
      syncs.set(campaignId, read);
      return read;
    },
  };
};

/**
 * Recomputes a lead's verdict from every fact of its linked customers and records a change on its timeline
 * (with the Stripe object that caused it) and as a domain event. Run inside the transaction that stored the
 * fact, so the verdict and the fact commit together.
 */
export async function reevaluateLead(tx: Tx, leadId: string, cause: Cause, now: Date): Promise<void> {
  await reevaluateLeadsTogether(tx, [{ leadId, cause }], now);
}

/**
 * Re-runs the verdicts of these leads (one, or those a batch's new payments reached), in order, each lead
 * once: the leads, their facts and their timelines read together for all of them, and what they add to
 * timelines written together at the end. Nothing else of the transaction may touch these leads meanwhile.
 */
export async function reevaluateLeadsTogether(
  tx: Tx,
  items: Array<{ leadId: string; cause: Cause }>,
  now: Date,
): Promise<void> {
  if (items.length === 0) return;
  const ids = items.map((i) => i.leadId);
  const leads = new Map((await leadsForVerdict(tx, ids)).map((l) => [l.id, l]));
  const ruled = [...leads.values()].filter(rulesOf).map((l) => l.id);
  const facts = await paymentFactsRepository(tx).factsOfLeads(ruled);
  const recorded = await recordedFacts(tx, ruled);
  const shared = shareIn(tx);
  for (const { leadId, cause } of items) {
    const lead = leads.get(leadId);
    if (lead && facts.has(leadId))
      await settleVerdict(tx, lead, facts.get(leadId)!, recorded.get(leadId)!, cause, now, shared);
  }
  await shared.writes.flush(tx);
}

/** A lead's qualification rules, unless it has none to follow (none set, or the lead rejected). */
const rulesOf = (lead: LeadForVerdict): QualificationRules | undefined =>
  lead.status === 'rejected' ? undefined : readSettings(lead.settings).qualification;

/** The verdict of a lead read and locked with its facts and timeline: recorded, and acted on when it changed. */
async function settleVerdict(
  tx: Tx,
  lead: LeadForVerdict,
  facts: FactSet,
  recorded: Set<string>,
  cause: Cause,
  now: Date,
  { writes, syncsOf }: Shared,
): Promise<void> {
  const rules = rulesOf(lead)!;
  const currency = lead.default_currency ?? 'usd';
  const computed = await verdictOf(tx, lead, rules, currency, now, facts);
  const { referredAt } = computed;
  let verdict = computed.verdict;
  // A public sign-up that holds no place yet takes one at its first payment; with none left it cannot qualify.
  if (!lead.counted && (verdict.netSpend > 0 || verdict.status === 'qualified')) {
    const placed = await takePlaceOnPayment(tx, lead, now);
    if (!placed && verdict.status === 'qualified') {
      verdict = {
        ...verdict,
        status: 'pending',
        qualifiedAt: null,
        reason:
          "Would qualify, but the campaign's participant limit is reached; it counts once a place frees up.",
      };
    }
  }
  const status = verdict.status as LeadStatus;
  const sameQualifiedAt = (verdict.qualifiedAt?.getTime() ?? null) === (lead.qualified_at?.getTime() ?? null);
  // Every fact considered goes on the timeline once: counted with the running total, or not, and why.
  recordFactOutcomes(writes, lead, explainFacts(rules.window_days, referredAt, facts), recorded, {
    currency,
    target: rules.method === 'spend' ? rules.target_amount : null,
    window: { start: referredAt, end: windowEndsAt(referredAt, rules.window_days) },
    now,
  });
  if (status === lead.status && verdict.netSpend === lead.net_spend && sameQualifiedAt) return;
  await tx
    .updateTable('leads')
    .set({ status, net_spend: verdict.netSpend, qualified_at: verdict.qualifiedAt, updated_at: now })
    .where('id', '=', lead.id)
    .execute();
  if (status === lead.status) return;
  if (status === 'qualified' || lead.status === 'qualified')
    await queueCountsWriteBack(tx, lead.campaign_id, lead.referrer_id, syncsOf);
  if (status === 'qualified') await grantRewards(tx, lead, verdict.qualifiedAt ?? now, now);
  else if (lead.status === 'qualified') await takeBackRewards(tx, lead.id, now);
  const details = {
    net_spend: verdict.netSpend,
    stripe_object: cause.stripeObject ?? null,
    stripe_event: cause.eventId ?? null,
    cause: cause.type,
  };
  writes.leadEvent({
    id: createId('lev'),
    lead_id: lead.id,
    type: EVENT_FOR[status] ?? `lead.${status}`,
    message: verdict.reason + (cause.stripeObject ? ` (${cause.type}: ${cause.stripeObject})` : ''),
    status,
    data: JSON.stringify(details),
    created_at: now,
  });
  writes.domainEvent({
    type: EVENT_FOR[status] ?? `lead.${status}`,
    campaign_id: lead.campaign_id,
    lead_id: lead.id,
    referrer_id: lead.referrer_id,
    data: details,
    at: now,
  });
}

/** Re-runs the verdict of every lead linked to a customer, after one of its facts changed. */
export async function reevaluateCustomerLeads(
  tx: Tx,
  connectionId: string,
  customerId: string | null,
  cause: Cause,
  now: Date,
): Promise<void> {
  if (!customerId) return;
  await reevaluateLeads(
    tx,
    await customerLinksRepository(tx).leadsOfCustomer(connectionId, customerId),
    cause,
    now,
  );
}

/** Re-runs the verdicts of these leads, one after another. */
async function reevaluateLeads(tx: Tx, leadIds: string[], cause: Cause, now: Date): Promise<void> {
  for (const leadId of leadIds) await reevaluateLead(tx, leadId, cause, now);
}

/**
 * After a refund or dispute of a charge was stored: re-runs the verdicts of the leads of the charge's
 * customer (nothing when the fact did not change or the charge is not known yet; its arrival will).
 */
export async function reevaluateChargeLeads(
  tx: Tx,
  connectionId: string,
  chargeId: string,
  changed: boolean,
  cause: Cause,
  now: Date,
): Promise<void> {
  if (!changed) return;
  const customerId = await paymentFactsRepository(tx).customerOfCharge(connectionId, chargeId);
  await reevaluateCustomerLeads(tx, connectionId, customerId, cause, now);
}
