import { paymentFactsRepository } from '../../db/repositories/payment-facts.js';
import type { DisputeFact } from '../../domain/payment-facts.js';
import { reevaluateChargeLeads } from '../../services/lead-verdicts.js';
import { idOf } from '../settled-amount.js';
import type { EventHandler } from './registry.js';

type Dispute = {
  id: string;
  amount: number;
  currency: string;
  status: string;
  charge: unknown;
  created: number;
  balance_transactions?: Array<{ amount: number; currency: string }>;
};

/** What the dispute took in the default currency: its withdrawal, or its amount when in that currency. */
function disputedAmount(dispute: Dispute, defaultCurrency: string): number {
  const withdrawn = (dispute.balance_transactions ?? [])
    .filter((t) => t.amount < 0)
    .reduce((sum, t) => sum + Math.abs(t.amount), 0);
  if (withdrawn > 0) return withdrawn;
  if (dispute.currency.toLowerCase() === defaultCurrency) return dispute.amount;
  throw new Error(`cannot settle dispute ${dispute.id} in ${defaultCurrency}: no balance transaction`);
}

/** charge.dispute.*: the dispute fact (a loss until won), then the verdict. */
export const disputeEvent: EventHandler = {
  async apply({ tx, connection, event, now }) {
    const dispute = event.data.object as unknown as Dispute;
    const chargeId = idOf(dispute.charge);
    if (!chargeId) return;
    const facts = paymentFactsRepository(tx);
    await facts.lockCharge(connection.id, chargeId);
    const changed = await facts.saveDispute(connection.id, {
      disputeId: dispute.id,
      chargeId,
      amount: dispute.amount,
      settledAmount: disputedAmount(dispute, connection.default_currency),
      status: dispute.status as DisputeFact['status'],
      createdAt: new Date(dispute.created * 1000),
      observedAt: event.created,
    });
    const cause = { type: event.type, stripeObject: dispute.id, eventId: event.id };
    await reevaluateChargeLeads(tx, connection.id, chargeId, changed, cause, now);
  },
};
