import { paymentFactsRepository } from '../../db/repositories/payment-facts.js';
import type { RefundFact } from '../../domain/payment-facts.js';
import { reevaluateChargeLeads } from '../../services/lead-verdicts.js';
import { idOf, settledAmount } from '../settled-amount.js';
import type { EventHandler } from './registry.js';

type Refund = {
  id: string;
  amount: number;
  currency: string;
  status: string;
  charge: unknown;
  created: number;
  balance_transaction: unknown;
};

/** refund.created / updated: the refund fact (even before its charge is known), then the verdict. */
export const refundEvent: EventHandler<number> = {
  async prepare({ connection, event, gateway }) {
    const refund = event.data.object as unknown as Refund;
    return settledAmount(gateway, connection, {
      amount: refund.amount,
      currency: refund.currency,
      balanceTransaction: idOf(refund.balance_transaction),
    });
  },
  async apply({ tx, connection, event, now, prepared }) {
    const refund = event.data.object as unknown as Refund;
    const chargeId = idOf(refund.charge);
    if (!chargeId) return;
    const facts = paymentFactsRepository(tx);
    await facts.lockCharge(connection.id, chargeId);
    const changed = await facts.saveRefund(connection.id, {
      refundId: refund.id,
      chargeId,
      amount: refund.amount,
      settledAmount: prepared,
      status: refund.status as RefundFact['status'],
      createdAt: new Date(refund.created * 1000),
      observedAt: event.created,
    });
    const cause = { type: event.type, stripeObject: refund.id, eventId: event.id };
    await reevaluateChargeLeads(tx, connection.id, chargeId, changed, cause, now);
  },
};
