import type { FactSet } from './payment-facts.js';
import { DAY_MS, disputeIsLoss, netSpendHistory, refundCounts } from './qualification.js';

/** Why a Stripe fact about a lead's customers does not change what the lead spent. */
export type NotCountedReason =
  | 'before_referral'
  | 'after_window'
  | 'failed'
  | 'pending'
  | 'refund_failed'
  | 'dispute_won'
  | 'charge_not_counted';

/** One payment, refund or dispute, and what it did to the lead's net spend. */
export type FactOutcome = {
  kind: 'payment' | 'refund' | 'dispute';
  /** The charge, refund or dispute id. */
  id: string;
  chargeId: string;
  at: Date;
  /** In the account's currency. */
  settledAmount: number;
  /** In the charge's own currency, when known. */
  amount?: number | undefined;
  currency?: string | undefined;
  counted: boolean;
  reason?: NotCountedReason | undefined;
  /** Net spend right after this fact, when it counted. */
  netSpendAfter?: number | undefined;
};

/**
 * Every fact of a lead's customers, in Stripe's time order, counted towards net spend (with the running
 * total) or not (with why): the lead's "why (not)" from its facts alone, using the verdict's own replay.
 */
export function explainFacts(windowDays: number, referredAt: Date, facts: FactSet): FactOutcome[] {
  const start = referredAt.getTime();
  const end = start + windowDays * DAY_MS;
  const timing = (at: Date): NotCountedReason | undefined =>
    at.getTime() < start ? 'before_referral' : at.getTime() > end ? 'after_window' : undefined;
  const history = new Map(netSpendHistory({ windowDays }, referredAt, facts).map((s) => [s.id, s.netSpend]));
  const counted = new Set<string>();
  const out: FactOutcome[] = [];
  for (const [id, p] of facts.payments) {
    const reason =
      p.status === 'failed' ? 'failed' : p.status === 'pending' ? 'pending' : timing(p.createdAt);
    if (!reason) counted.add(id);
    out.push({
      kind: 'payment',
      id,
      chargeId: id,
      at: p.createdAt,
      settledAmount: p.settledAmount,
      amount: p.amount,
      currency: p.currency,
      counted: !reason,
      reason,
      netSpendAfter: reason ? undefined : history.get(id),
    });
  }
  const later = (
    kind: 'refund' | 'dispute',
    id: string,
    f: { chargeId: string; createdAt: Date; settledAmount: number; amount?: number; currency?: string },
    effective: boolean,
  ) => {
    const reason: NotCountedReason | undefined = !effective
      ? kind === 'refund'
        ? 'refund_failed'
        : 'dispute_won'
      : (timing(f.createdAt) ?? (counted.has(f.chargeId) ? undefined : 'charge_not_counted'));
    out.push({
      kind,
      id,
      chargeId: f.chargeId,
      at: f.createdAt,
      settledAmount: f.settledAmount,
      amount: f.amount,
      currency: f.currency,
      counted: !reason,
      reason,
      netSpendAfter: reason ? undefined : history.get(id),
    });
  };
  for (const [id, r] of facts.refunds) later('refund', id, r, refundCounts(r.status));
  for (const [id, d] of facts.disputes) later('dispute', id, d, disputeIsLoss(d.status));
  return out.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * What the friend paid inside the window per charge currency, less refunds and disputes (never below zero
 * for a charge), from the counted facts: the amounts they recognise from their own receipts.
 */
export function netByCurrency(outcomes: FactOutcome[]): Array<{ currency: string; amount: number }> {
  const charges = new Map<string, { currency: string; paid: number; lost: number }>();
  for (const o of outcomes) {
    if (!o.counted || o.amount === undefined || !o.currency) continue;
    const charge = charges.get(o.chargeId) ?? { currency: o.currency, paid: 0, lost: 0 };
    if (o.kind === 'payment') charge.paid = o.amount;
    else charge.lost += o.amount;
    charges.set(o.chargeId, charge);
  }
  const totals = new Map<string, number>();
  for (const c of charges.values())
    totals.set(c.currency, (totals.get(c.currency) ?? 0) + Math.max(0, c.paid - c.lost));
  return [...totals]
    .map(([currency, amount]) => ({ currency, amount }))
    .sort((a, b) => (a.currency < b.currency ? -1 : 1));
}
