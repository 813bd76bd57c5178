import type { Tx } from '../db/database.js';
import { chargeLockKey, customerLockKey, paymentFactsRepository } from '../db/repositories/payment-facts.js';
import type { DisputeSeen, PaymentSeen, RefundSeen } from '../domain/event-commands.js';
import { type BatchReads, nothingRead } from './batch-reads.js';
import { reevaluateChargeLeads, reevaluateCustomerLeads, reevaluateLeadsTogether } from './lead-verdicts.js';

/**
 * Stores a charge (locked with its customer), then re-runs the verdicts of the customer's leads. `reads` is
 * what its batch did ahead (`batch-reads.ts`): the locks it holds. A payment the batch stored up front is
 * applied by `applyPaymentsStoredAhead` instead.
 */
export async function applyPayment(
  tx: Tx,
  payment: PaymentSeen,
  now: Date,
  reads: BatchReads = nothingRead(),
): Promise<void> {
  const facts = paymentFactsRepository(tx);
  const charge = chargeLockKey(payment.connectionId, payment.chargeId);
  const customer = payment.customerId ? customerLockKey(payment.connectionId, payment.customerId) : undefined;
  if (!reads.held.has(charge) || (customer && !reads.held.has(customer))) {
    if (payment.customerId)
      await facts.lockChargeAndCustomer(payment.connectionId, payment.chargeId, payment.customerId);
    else await facts.lockCharge(payment.connectionId, payment.chargeId);
  }
  const changed = await facts.savePayment(payment.connectionId, {
    chargeId: payment.chargeId,
    customerId: payment.customerId,
    amount: payment.amount,
    currency: payment.currency,
    settledAmount: payment.settledAmount,
    status: payment.status,
    createdAt: payment.createdAt,
    observedAt: payment.observedAt,
  });
  if (!changed) return;
  await reevaluateCustomerLeads(tx, payment.connectionId, payment.customerId, payment.cause, now);
}

/** Whether this payment was stored up front by its batch (and this is its first command). */
export const storedAhead = (payment: PaymentSeen, reads: BatchReads): boolean =>
  reads.stored.has(chargeLockKey(payment.connectionId, payment.chargeId));

/**
 * One or more consecutive payments of a batch that were all stored up front (`storedAhead`, each charge
 * once, each its first command): no other command of the batch reaches their leads (`readAhead`), so those
 * leads' verdicts are re-run together (`reevaluateLeadsTogether`), in the payments' order.
 */
export async function applyPaymentsStoredAhead(
  tx: Tx,
  payments: PaymentSeen[],
  now: Date,
  reads: BatchReads,
): Promise<void> {
  const leads: Array<{ leadId: string; cause: PaymentSeen['cause'] }> = [];
  for (const payment of payments) {
    reads.stored.delete(chargeLockKey(payment.connectionId, payment.chargeId));
    if (!payment.customerId) continue;
    const customer = customerLockKey(payment.connectionId, payment.customerId);
    for (const leadId of reads.links.get(customer)!) leads.push({ leadId, cause: payment.cause });
  }
  await reevaluateLeadsTogether(tx, leads, now);
}

/** Stores a refund (even before its charge is known), then re-runs the verdicts it may change. */
export async function applyRefund(tx: Tx, refund: RefundSeen, now: Date): Promise<void> {
  const facts = paymentFactsRepository(tx);
  await facts.lockCharge(refund.connectionId, refund.chargeId);
  const changed = await facts.saveRefund(refund.connectionId, {
    refundId: refund.refundId,
    chargeId: refund.chargeId,
    amount: refund.amount,
    settledAmount: refund.settledAmount,
    status: refund.status,
    createdAt: refund.createdAt,
    observedAt: refund.observedAt,
  });
  await reevaluateChargeLeads(tx, refund.connectionId, refund.chargeId, changed, refund.cause, now);
}

/** Stores a dispute (a loss until won), then re-runs the verdicts it may change. */
export async function applyDispute(tx: Tx, dispute: DisputeSeen, now: Date): Promise<void> {
  const facts = paymentFactsRepository(tx);
  await facts.lockCharge(dispute.connectionId, dispute.chargeId);
  const changed = await facts.saveDispute(dispute.connectionId, {
    disputeId: dispute.disputeId,
    chargeId: dispute.chargeId,
    amount: dispute.amount,
    settledAmount: dispute.settledAmount,
    status: dispute.status,
    createdAt: dispute.createdAt,
    observedAt: dispute.observedAt,
  });
  await reevaluateChargeLeads(tx, dispute.connectionId, dispute.chargeId, changed, dispute.cause, now);
}
