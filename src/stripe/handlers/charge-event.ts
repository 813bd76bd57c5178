import { paymentFactsRepository } from '../../db/repositories/payment-facts.js';
import { reevaluateCustomerLeads } from '../../services/lead-verdicts.js';
import { idOf, settledAmount } from '../settled-amount.js';
import type { EventHandler } from './registry.js';

type Charge = {
  id: string;
  amount: number;
  currency: string;
  status: string;
  customer: unknown;
  created: number;
  balance_transaction: unknown;
};

/** charge.succeeded / updated / refunded: the payment fact, then the verdict of the customer's leads. */
export const chargeEvent: EventHandler<number> = {
  async prepare({ connection, event, gateway }) {
    const charge = event.data.object as unknown as Charge;
    if (charge.status !== 'succeeded') return 0;
    return settledAmount(gateway, connection, {
      amount: charge.amount,
      currency: charge.currency,
      balanceTransaction: idOf(charge.balance_transaction),
    });
  },
  async apply({ tx, connection, event, now, prepared }) {
    const charge = event.data.object as unknown as Charge;
    const customerId = idOf(charge.customer);
    await paymentFactsRepository(tx).lockCharge(connection.id, charge.id);
    if (customerId) await paymentFactsRepository(tx).lockCustomer(connection.id, customerId);
    const changed = await paymentFactsRepository(tx).savePayment(connection.id, {
      chargeId: charge.id,
      customerId,
      amount: charge.amount,
      currency: charge.currency,
      settledAmount: prepared,
      status:
        charge.status === 'succeeded' ? 'succeeded' : charge.status === 'pending' ? 'pending' : 'failed',
      createdAt: new Date(charge.created * 1000),
      observedAt: event.created,
    });
    if (!changed) return;
    await reevaluateCustomerLeads(
      tx,
      connection.id,
      customerId,
      { type: event.type, stripeObject: charge.id, eventId: event.id },
      now,
    );
  },
};
