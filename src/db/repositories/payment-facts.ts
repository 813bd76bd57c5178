import { sql } from 'kysely';
import {
  compareVersions,
  type DisputeFact,
  type FactSet,
  type Observed,
  type PaymentFact,
  type RefundFact,
} from '../../domain/payment-facts.js';
import type { Executor } from '../database.js';

export type PaymentRecord = Observed<PaymentFact> & {
  customerId: string | null;
  amount: number;
  currency: string;
};
export type RefundRecord = Observed<RefundFact> & { amount: number };
export type DisputeRecord = Observed<DisputeFact> & { amount: number };

const asPayment = (r: {
  charge_id: string;
  created_at: Date;
  settled_amount: number;
  status: string;
  observed_at: number;
}) => ({
  chargeId: r.charge_id,
  createdAt: r.created_at,
  settledAmount: r.settled_amount,
  status: r.status as PaymentFact['status'],
  observedAt: r.observed_at,
});

const paymentRow = (p: PaymentRecord) => ({
  customer_id: p.customerId,
  amount: p.amount,
  currency: p.currency,
  settled_amount: p.settledAmount,
  status: p.status,
  created_at: p.createdAt,
  observed_at: p.observedAt,
});

/** A refund or a dispute, as `factsOfLeads` reads them together. */
type TakenBack = {
  kind: 'refund' | 'dispute';
  id: string;
  charge_id: string;
  amount: number;
  settled_amount: number;
  status: string;
  created_at: Date;
};

/** A lead's facts while they are read. */
type Gathered = {
  payments: Map<string, PaymentFact>;
  refunds: Map<string, RefundFact>;
  disputes: Map<string, DisputeFact>;
};

/** Advisory lock keys of a charge and of a customer (see `lockCharge` and `lockCustomer`). */
export const chargeLockKey = (connectionId: string, chargeId: string) => `${connectionId}:${chargeId}`;
export const customerLockKey = (connectionId: string, customerId: string) =>
  `${connectionId}:customer:${customerId}`;

/**
 * Stores Stripe's money facts keyed by their ids. A version replaces the stored one only when the domain's
 * order says it is newer (`compareVersions`), so duplicated or reordered events end in the same rows.
 */
export function paymentFactsRepository(db: Executor) {
  return {
    /**
     * Serialises the facts of one charge across transactions (a refund and its charge processed at once by
     * two workers), so the second to commit sees the first and the verdict reads both.
     */
    async lockCharge(connectionId: string, chargeId: string): Promise<void> {
      await this.lockInOrder([chargeLockKey(connectionId, chargeId)]);
    },

    /**
     * Serialises what touches one customer (its links and the facts its verdicts read): taken after
     * `lockCharge` where both are needed, so the order is always charge then customer.
     */
    async lockCustomer(connectionId: string, customerId: string): Promise<void> {
      await this.lockInOrder([customerLockKey(connectionId, customerId)]);
    },

    /** `lockCharge` then `lockCustomer` in one statement. */
    async lockChargeAndCustomer(connectionId: string, chargeId: string, customerId: string): Promise<void> {
      await this.lockInOrder([
        chargeLockKey(connectionId, chargeId),
        customerLockKey(connectionId, customerId),
      ]);
    },

    /** Takes these locks (`chargeLockKey`, `customerLockKey`) in one statement, in the order given. */
    async lockInOrder(keys: string[]): Promise<void> {
      if (keys.length === 0) return;
      await sql`select count(pg_advisory_xact_lock(hashtext(s.key)))
                from (select u.key from unnest(${keys}::text[]) with ordinality as u(key, n) order by u.n) as s`.execute(
        db,
      );
    },

    /**
     * Stores these payments where their charge is new, in one statement; returns the charges stored. A
     * known charge is left as it is, for `savePayment` to compare.
     */
    async insertNewPayments(connectionId: string, payments: PaymentRecord[]): Promise<Set<string>> {
      if (payments.length === 0) return new Set();
      const rows = await db
        .insertInto('payments')
        .values(
          payments.map((p) => ({ connection_id: connectionId, charge_id: p.chargeId, ...paymentRow(p) })),
        )
        .onConflict((oc) => oc.doNothing())
        .returning('charge_id')
        .execute();
      return new Set(rows.map((r) => r.charge_id));
    },

    /** True when the stored payment changed. */
    async savePayment(connectionId: string, p: PaymentRecord): Promise<boolean> {
      const row = paymentRow(p);
      // Most charges are new: one statement stores them; a known one is compared with what is stored.
      const inserted = await db
        .insertInto('payments')
        .values({ connection_id: connectionId, charge_id: p.chargeId, ...row })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if ((inserted.numInsertedOrUpdatedRows ?? 0n) > 0n) return true;
      const current = await db
        .selectFrom('payments')
        .selectAll()
        .where('connection_id', '=', connectionId)
        .where('charge_id', '=', p.chargeId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (compareVersions<PaymentFact>(p, asPayment(current)) <= 0) return false;
      await db
        .updateTable('payments')
        .set(row)
        .where('connection_id', '=', connectionId)
        .where('charge_id', '=', p.chargeId)
        .execute();
      return true;
    },

    async saveRefund(connectionId: string, r: RefundRecord): Promise<boolean> {
      const current = await db
        .selectFrom('refunds')
        .selectAll()
        .where('connection_id', '=', connectionId)
        .where('refund_id', '=', r.refundId)
        .forUpdate()
        .executeTakeFirst();
      const row = {
        charge_id: r.chargeId,
        amount: r.amount,
        settled_amount: r.settledAmount,
        status: r.status,
        created_at: r.createdAt,
        observed_at: r.observedAt,
      };
      if (!current) {
        const inserted = await db
          .insertInto('refunds')
          .values({ connection_id: connectionId, refund_id: r.refundId, ...row })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        if ((inserted.numInsertedOrUpdatedRows ?? 0n) > 0n) return true;
        return this.saveRefund(connectionId, r);
      }
      const stored = {
        refundId: current.refund_id,
        chargeId: current.charge_id,
        createdAt: current.created_at,
        settledAmount: current.settled_amount,
        status: current.status as RefundFact['status'],
        observedAt: current.observed_at,
      };
      if (compareVersions<RefundFact>(r, stored) <= 0) return false;
      await db
        .updateTable('refunds')
        .set(row)
        .where('connection_id', '=', connectionId)
        .where('refund_id', '=', r.refundId)
        .execute();
      return true;
    },

    async saveDispute(connectionId: string, d: DisputeRecord): Promise<boolean> {
      const current = await db
        .selectFrom('disputes')
        .selectAll()
        .where('connection_id', '=', connectionId)
        .where('dispute_id', '=', d.disputeId)
        .forUpdate()
        .executeTakeFirst();
      const row = {
        charge_id: d.chargeId,
        amount: d.amount,
        settled_amount: d.settledAmount,
        status: d.status,
        created_at: d.createdAt,
        observed_at: d.observedAt,
      };
      if (!current) {
        const inserted = await db
          .insertInto('disputes')
          .values({ connection_id: connectionId, dispute_id: d.disputeId, ...row })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        if ((inserted.numInsertedOrUpdatedRows ?? 0n) > 0n) return true;
        return this.saveDispute(connectionId, d);
      }
      const stored = {
        disputeId: current.dispute_id,
        chargeId: current.charge_id,
        createdAt: current.created_at,
        settledAmount: current.settled_amount,
        status: current.status as DisputeFact['status'],
        observedAt: current.observed_at,
      };
      if (compareVersions<DisputeFact>(d, stored) <= 0) return false;
      await db
        .updateTable('disputes')
        .set(row)
        .where('connection_id', '=', connectionId)
        .where('dispute_id', '=', d.disputeId)
        .execute();
      return true;
    },

    /** Whether the customer had a succeeded payment before this time (Stripe's "prior transaction"). */
    async paidBefore(connectionId: string, customerId: string, before: Date): Promise<boolean> {
      const row = await db
        .selectFrom('payments')
        .select('charge_id')
        .where('connection_id', '=', connectionId)
        .where('customer_id', '=', customerId)
        .where('status', '=', 'succeeded')
        .where('created_at', '<', before)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** The customers of these charges, where known. */
    async customersOfCharges(connectionId: string, chargeIds: string[]): Promise<string[]> {
      const rows = await db
        .selectFrom('payments')
        .select('customer_id')
        .distinct()
        .where('connection_id', '=', connectionId)
        .where(sql<boolean>`charge_id = any(${chargeIds}::text[])`)
        .where('customer_id', 'is not', null)
        .execute();
      return rows.map((r) => r.customer_id!);
    },

    async customerOfCharge(connectionId: string, chargeId: string): Promise<string | null> {
      const row = await db
        .selectFrom('payments')
        .select('customer_id')
        .where('connection_id', '=', connectionId)
        .where('charge_id', '=', chargeId)
        .executeTakeFirst();
      return row?.customer_id ?? null;
    },

    /** Every fact about the charges of the customers linked to a lead (`factsOfLeads`). */
    async factsOfLead(leadId: string): Promise<FactSet> {
      return (await this.factsOfLeads([leadId])).get(leadId)!;
    },

    /**
     * Every fact about the charges of the customers linked to each of these leads, in two statements: the
     * payments through the leads' customer links, then their refunds and disputes together.
     */
    async factsOfLeads(leadIds: string[]): Promise<Map<string, FactSet>> {
      const sets = new Map<string, Gathered>(
        leadIds.map((id) => [id, { payments: new Map(), refunds: new Map(), disputes: new Map() }]),
      );
      if (leadIds.length === 0) return sets;
      const payments = await db
        .selectFrom('payments as p')
        .innerJoin('customer_links as k', (join) =>
          join.onRef('k.connection_id', '=', 'p.connection_id').onRef('k.customer_id', '=', 'p.customer_id'),
        )
        .selectAll('p')
        .select('k.lead_id')
        .where(sql<boolean>`k.lead_id = any(${leadIds}::text[])`)
        .execute();
      if (payments.length === 0) return sets;
      // A charge's facts go to every lead linked to its customer.
      const chargeKey = (connectionId: string, chargeId: string) => `${connectionId}\n${chargeId}`;
      const owners = new Map<string, { sets: Gathered[]; currency: string }>();
      for (const p of payments) {
        const set = sets.get(p.lead_id!)!;
        set.payments.set(p.charge_id, { ...asPayment(p), amount: p.amount, currency: p.currency });
        const key = chargeKey(p.connection_id, p.charge_id);
        const owner = owners.get(key) ?? { sets: [], currency: p.currency };
        owner.sets.push(set);
        owners.set(key, owner);
      }
      const charges = [...owners.keys()].map((key) => key.split('\n') as [string, string]);
      const connectionIds = charges.map((c) => c[0]);
      const chargeIds = charges.map((c) => c[1]);
      const { rows } = await sql<TakenBack & { connection_id: string }>`
        select 'refund' as kind, r.connection_id, r.refund_id as id, r.charge_id, r.amount, r.settled_amount,
               r.status, r.created_at
          from refunds r
          join unnest(${connectionIds}::text[], ${chargeIds}::text[])
            as c(connection_id, charge_id) on r.connection_id = c.connection_id and r.charge_id = c.charge_id
        union all
        select 'dispute', d.connection_id, d.dispute_id, d.charge_id, d.amount, d.settled_amount, d.status,
               d.created_at
          from disputes d
          join unnest(${connectionIds}::text[], ${chargeIds}::text[])
            as c(connection_id, charge_id) on d.connection_id = c.connection_id and d.charge_id = c.charge_id`.execute(
        db,
      );
      for (const row of rows) {
        const owner = owners.get(chargeKey(row.connection_id, row.charge_id))!;
        const common = {
          chargeId: row.charge_id,
          createdAt: row.created_at,
          settledAmount: Number(row.settled_amount),
          amount: Number(row.amount),
          currency: owner.currency,
        };
        for (const set of owner.sets) {
          if (row.kind === 'refund')
            set.refunds.set(row.id, {
              ...common,
              refundId: row.id,
              status: row.status as RefundFact['status'],
            });
          else
            set.disputes.set(row.id, {
              ...common,
              disputeId: row.id,
              status: row.status as DisputeFact['status'],
            });
        }
      }
      return sets;
    },
  };
}
