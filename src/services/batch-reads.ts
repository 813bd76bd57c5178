import type { Tx } from '../db/database.js';
import { customerLinksRepository } from '../db/repositories/customer-links.js';
import { leadMatchesRepository } from '../db/repositories/lead-matches.js';
import {
  chargeLockKey,
  customerLockKey,
  type PaymentRecord,
  paymentFactsRepository,
} from '../db/repositories/payment-facts.js';
import { parseClientReference } from '../domain/client-reference.js';
import { canBeNewCustomerOf, emailToMatch, leadIdsInMetadata } from '../domain/customer-matching.js';
import type {
  CheckoutCompleted,
  CustomerSeen,
  DisputeSeen,
  EventCommand,
  InvoicePaid,
  PaymentSeen,
  RefundSeen,
} from '../domain/event-commands.js';
import { normalizeEmail } from '../domain/people.js';

/**
 * What a batch of event commands had read and written up front, in a few statements, instead of a few per
 * command: most events of a burst are payments and customers that no lead waits for, and each of those
 * would otherwise cost a lock, a write and one or two reads of its own.
 */
export type BatchReads = {
  /** Advisory locks the transaction holds (`chargeLockKey`, `customerLockKey`). */
  held: Set<string>;
  /** Payments stored up front (their charges were new): the first command of each is stored and changed. */
  stored: Set<string>;
  /** Leads linked to a customer (by `customerLockKey`), as read after its lock. */
  links: Map<string, string[]>;
  /** Leads waiting for a new customer by email (by `customerLockKey`), as read after its lock. */
  waiting: Map<string, string[]>;
};

/** Nothing done ahead: a command applied on its own. */
export const nothingRead = (): BatchReads => ({
  held: new Set(),
  stored: new Set(),
  links: new Map(),
  waiting: new Map(),
});

function byConnection<T extends { connectionId: string }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.connectionId);
    if (group) group.push(item);
    else groups.set(item.connectionId, [item]);
  }
  return groups;
}

const isOrder = (c: EventCommand): c is CheckoutCompleted | InvoicePaid =>
  c.kind === 'checkout_completed' || c.kind === 'invoice_paid';

/**
 * The leads waiting for each customer of these customer commands that has an email to match, except where
 * an order of the batch has the same email: the order may record a lead for it first.
 */
async function readWaiting(
  tx: Tx,
  customers: CustomerSeen[],
  orderEmails: Set<string>,
): Promise<Map<string, string[]>> {
  const waiting = new Map<string, string[]>();
  for (const [connectionId, seen] of byConnection(customers)) {
    const withEmail = seen.flatMap((s) => {
      const email = emailToMatch(s);
      return email && !orderEmails.has(email)
        ? [{ customerId: s.customerId, email, createdAt: s.createdAt }]
        : [];
    });
    const leads = await leadMatchesRepository(tx).waitingForEmails(
      connectionId,
      withEmail.map((c) => c.email),
    );
    for (const customer of withEmail)
      waiting.set(
        customerLockKey(connectionId, customer.customerId),
        leads.filter((lead) => canBeNewCustomerOf(lead, customer)).map((lead) => lead.id),
      );
  }
  return waiting;
}

const record = (p: PaymentSeen): PaymentRecord => ({
  chargeId: p.chargeId,
  customerId: p.customerId,
  amount: p.amount,
  currency: p.currency,
  settledAmount: p.settledAmount,
  status: p.status,
  createdAt: p.createdAt,
  observedAt: p.observedAt,
});

/**
 * Reads and writes ahead for a batch, inside its transaction: takes the locks its payments and customers
 * need (charges first, then customers, each in a fixed order, so two batches never wait on each other),
 * finds the leads waiting for its new customers, stores its new charges and reads their customers' leads.
 * A payment is left to its own command where a command of the batch may link its customer (a customer
 * that a lead waits for or names, an order's buyer), a refund or dispute of the batch touches its charge,
 * or another command of the batch reaches one of its leads (an earlier payment, a refund or dispute of
 * another charge): then every verdict still changes at the event that changed it, and what was read here
 * stays true.
 */
export async function readAhead(tx: Tx, commands: EventCommand[]): Promise<BatchReads> {
  const payments = commands.filter((c): c is PaymentSeen => c.kind === 'payment_seen');
  const customers = commands.filter((c): c is CustomerSeen => c.kind === 'customer_seen');
  const charges = new Set(payments.map((p) => chargeLockKey(p.connectionId, p.chargeId)));
  const customerKeys = new Set([
    ...payments.flatMap((p) => (p.customerId ? [customerLockKey(p.connectionId, p.customerId)] : [])),
    ...customers
      .filter((c) => emailToMatch(c) || leadIdsInMetadata(c.metadata).length > 0)
      .map((c) => customerLockKey(c.connectionId, c.customerId)),
  ]);
  const held = [...[...charges].sort(), ...[...customerKeys].sort()];
  const facts = paymentFactsRepository(tx);
  await facts.lockInOrder(held);
  const reads: BatchReads = { ...nothingRead(), held: new Set(held) };
  // An order links its buyer only through a referral in its client reference or a referrer's code.
  const orders = commands
    .filter(isOrder)
    .filter(
      (o) =>
        o.promotionCodeIds.length > 0 ||
        (o.kind === 'checkout_completed' && parseClientReference(o.clientReference) !== undefined),
    );
  const orderEmails = new Set(orders.flatMap((o) => (o.buyer.email ? [normalizeEmail(o.buyer.email)] : [])));
  reads.waiting = await readWaiting(tx, customers, orderEmails);
  if (payments.length === 0) return reads;

  const mayBeLinked = (c: CustomerSeen) => {
    if (leadIdsInMetadata(c.metadata).length > 0) return true;
    if (!emailToMatch(c)) return false;
    const waiting = reads.waiting.get(customerLockKey(c.connectionId, c.customerId));
    return waiting === undefined || waiting.length > 0;
  };
  const linking = new Set([
    ...orders.flatMap((o) =>
      o.buyer.customerId ? [customerLockKey(o.connectionId, o.buyer.customerId)] : [],
    ),
    ...customers.filter(mayBeLinked).map((c) => customerLockKey(c.connectionId, c.customerId)),
  ]);
  // The batch's refunds and disputes: their charges are applied at their own commands.
  const takenBack = commands.filter(
    (c): c is RefundSeen | DisputeSeen => c.kind === 'refund_seen' || c.kind === 'dispute_seen',
  );
  const touched = new Set(takenBack.map((c) => chargeLockKey(c.connectionId, c.chargeId)));
  const candidates: PaymentSeen[] = [];
  const seen = new Set<string>();
  for (const p of payments) {
    const charge = chargeLockKey(p.connectionId, p.chargeId);
    const customer = p.customerId ? customerLockKey(p.connectionId, p.customerId) : undefined;
    if (seen.has(charge) || touched.has(charge) || (customer && linking.has(customer))) continue;
    seen.add(charge);
    candidates.push(p);
  }
  // The leads of the candidates' customers, and of the customers whose older charges are taken back.
  const customersOf = new Map<string, Set<string>>();
  const note = (connectionId: string, customerId: string) =>
    customersOf.set(connectionId, (customersOf.get(connectionId) ?? new Set()).add(customerId));
  for (const p of candidates) if (p.customerId) note(p.connectionId, p.customerId);
  const takenBackFrom: string[] = [];
  for (const [connectionId, group] of byConnection(takenBack))
    for (const customerId of await facts.customersOfCharges(
      connectionId,
      group.map((c) => c.chargeId),
    )) {
      note(connectionId, customerId);
      takenBackFrom.push(customerLockKey(connectionId, customerId));
    }
  for (const [connectionId, customerIds] of customersOf) {
    const links = await customerLinksRepository(tx).leadsOfCustomers(connectionId, [...customerIds]);
    for (const [customerId, leads] of links)
      reads.links.set(customerLockKey(connectionId, customerId), leads);
  }
  // A lead that another command of the batch reaches (an earlier payment, of the same customer or another of
  // the lead's, or a refund or dispute) sees this payment from its own command: each lead's verdicts then
  // change at the Stripe object that changed them.
  const reached = new Set(takenBackFrom.flatMap((customer) => reads.links.get(customer) ?? []));
  const ahead = candidates.filter((p) => {
    const leads = p.customerId ? reads.links.get(customerLockKey(p.connectionId, p.customerId))! : [];
    if (leads.some((lead) => reached.has(lead))) return false;
    for (const lead of leads) reached.add(lead);
    return true;
  });
  for (const [connectionId, group] of byConnection(ahead)) {
    const stored = await facts.insertNewPayments(connectionId, group.map(record));
    for (const chargeId of stored) reads.stored.add(chargeLockKey(connectionId, chargeId));
  }
  return reads;
}
