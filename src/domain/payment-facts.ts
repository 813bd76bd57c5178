/**
 * What Vouch knows about a lead's money, as learned from Stripe: one fact per charge, refund and dispute.
 * Amounts are settled amounts in the account's default currency, in integer minor units, already
 * converted by the caller. Facts are merged into an immutable `FactStore` so that events arriving late,
 * twice or out of order give the same store as arriving once and in order.
 */

/** Stripe's charge statuses. */
export type PaymentStatus = 'succeeded' | 'pending' | 'failed';

/** Stripe's refund statuses. */
export type RefundStatus = 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled';

/** Stripe's dispute statuses. */
export type DisputeStatus =
  | 'warning_needs_response'
  | 'warning_under_review'
  | 'warning_closed'
  | 'needs_response'
  | 'under_review'
  | 'appeal_needs_response'
  | 'appeal_under_review'
  | 'won'
  | 'lost'
  | 'prevented';

/**
 * What the friend paid (or got back) in the charge's own currency, for explanations; verdicts read only
 * settled amounts.
 */
export interface ChargeMoney {
  readonly amount?: number | undefined;
  readonly currency?: string | undefined;
}

/** One Stripe charge. */
export interface PaymentFact extends ChargeMoney {
  readonly chargeId: string;
  /** The charge's `created`. */
  readonly createdAt: Date;
  readonly settledAmount: number;
  readonly status: PaymentStatus;
}

/** One Stripe refund of (part of) a charge. */
export interface RefundFact extends ChargeMoney {
  readonly refundId: string;
  readonly chargeId: string;
  readonly createdAt: Date;
  readonly settledAmount: number;
  readonly status: RefundStatus;
}

/** One Stripe dispute of a charge; `settledAmount` is what the dispute takes (or would take) away. */
export interface DisputeFact extends ChargeMoney {
  readonly disputeId: string;
  readonly chargeId: string;
  readonly createdAt: Date;
  readonly settledAmount: number;
  readonly status: DisputeStatus;
}

export type Fact = PaymentFact | RefundFact | DisputeFact;

/** A fact as stored, with the time (Stripe event `created`, in seconds) of the event it came from. */
export type Observed<T extends Fact> = T & { readonly observedAt: number };

/** The facts a verdict reads, each keyed by its Stripe id (charge, refund or dispute id). */
export interface FactSet {
  readonly payments: ReadonlyMap<string, PaymentFact>;
  readonly refunds: ReadonlyMap<string, RefundFact>;
  readonly disputes: ReadonlyMap<string, DisputeFact>;
}

/** The latest known version of every fact; a `FactSet` itself. Never mutated: `mergeFact` returns a new one. */
export interface FactStore extends FactSet {
  readonly payments: ReadonlyMap<string, Observed<PaymentFact>>;
  readonly refunds: ReadonlyMap<string, Observed<RefundFact>>;
  readonly disputes: ReadonlyMap<string, Observed<DisputeFact>>;
}

export function emptyFactStore(): FactStore {
  return { payments: new Map(), refunds: new Map(), disputes: new Map() };
}

/** Stripe id of a fact: its refund id, dispute id, or charge id for a payment. */
export function factId(fact: Fact): string {
  if ('refundId' in fact) return fact.refundId;
  if ('disputeId' in fact) return fact.disputeId;
  return fact.chargeId;
}

/**
 * How far along its life a status is, to order two versions observed in the same second: terminal statuses
 * (succeeded, failed, canceled, won, lost...) outrank in-progress ones (pending, needs_response...).
 */
const PAYMENT_RANK: Record<PaymentStatus, number> = { pending: 0, failed: 1, succeeded: 1 };
const REFUND_RANK: Record<RefundStatus, number> = {
  requires_action: 0,
  pending: 1,
  succeeded: 2,
  canceled: 3,
  failed: 3, // a succeeded refund can still fail later
};
const DISPUTE_RANK: Record<DisputeStatus, number> = {
  warning_needs_response: 0,
  warning_under_review: 1,
  needs_response: 2,
  under_review: 3,
  appeal_needs_response: 4,
  appeal_under_review: 5,
  warning_closed: 6,
  prevented: 6,
  won: 6,
  lost: 6,
};

export function statusRank(fact: Fact): number {
  if ('refundId' in fact) return REFUND_RANK[fact.status];
  if ('disputeId' in fact) return DISPUTE_RANK[fact.status];
  return PAYMENT_RANK[fact.status];
}

function compareValues(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Total order on two observed versions of the same fact (> 0 when `a` is the newer): by `observedAt`, then
 * status rank, then the remaining fields, so that the same version wins whatever order they are merged in.
 * 0 only when the two versions are the same.
 */
export function compareVersions<T extends Fact>(a: Observed<T>, b: Observed<T>): number {
  return (
    compareValues(a.observedAt, b.observedAt) ||
    compareValues(statusRank(a), statusRank(b)) ||
    compareValues(a.status, b.status) ||
    compareValues(a.settledAmount, b.settledAmount) ||
    compareValues(a.createdAt.getTime(), b.createdAt.getTime()) ||
    compareValues(a.chargeId, b.chargeId)
  );
}

function checkFact(fact: Fact, observedAt: number): void {
  if (!Number.isSafeInteger(fact.settledAmount) || fact.settledAmount < 0) {
    throw new RangeError(
      `settledAmount must be a non-negative integer (minor units), got ${fact.settledAmount}`,
    );
  }
  if (!Number.isFinite(fact.createdAt.getTime())) throw new RangeError('createdAt must be a valid date');
  if (!Number.isFinite(observedAt)) throw new RangeError('observedAt must be a finite number of seconds');
}

function withVersion<T extends Fact>(
  map: ReadonlyMap<string, Observed<T>>,
  id: string,
  candidate: Observed<T>,
): ReadonlyMap<string, Observed<T>> {
  const current = map.get(id);
  if (current !== undefined && compareVersions(candidate, current) <= 0) return map;
  const next = new Map(map);
  next.set(id, candidate);
  return next;
}

/**
 * Adds a fact seen in a Stripe event created at `observedAt` (seconds). A fact already known is replaced
 * only by a newer version (see `compareVersions`), so merging is idempotent, commutative and associative:
 * any order of the same observations, with any duplicates, gives the same store. Only the fields of the
 * fact types are kept. Returns a new store (the same object when nothing changed); the given one is not
 * modified.
 */
export function mergeFact(store: FactStore, fact: Fact, observedAt: number): FactStore {
  checkFact(fact, observedAt);
  const { chargeId, settledAmount } = fact;
  const createdAt = new Date(fact.createdAt.getTime());
  if ('refundId' in fact) {
    const { refundId, status } = fact;
    const version = { refundId, chargeId, createdAt, settledAmount, status, observedAt };
    const refunds = withVersion(store.refunds, refundId, version);
    return refunds === store.refunds ? store : { ...store, refunds };
  }
  if ('disputeId' in fact) {
    const { disputeId, status } = fact;
    const version = { disputeId, chargeId, createdAt, settledAmount, status, observedAt };
    const disputes = withVersion(store.disputes, disputeId, version);
    return disputes === store.disputes ? store : { ...store, disputes };
  }
  const version = { chargeId, createdAt, settledAmount, status: fact.status, observedAt };
  const payments = withVersion(store.payments, chargeId, version);
  return payments === store.payments ? store : { ...store, payments };
}
