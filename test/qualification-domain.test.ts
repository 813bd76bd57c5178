import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  DisputeStatus,
  Fact,
  FactSet,
  PaymentStatus,
  RefundStatus,
} from '../src/domain/payment-facts.js';
import { emptyFactStore, factId, mergeFact, statusRank } from '../src/domain/payment-facts.js';
import type { QualificationSettings, VerdictInput } from '../src/domain/qualification.js';
import { decideVerdict, formatMoney, netSpend, netSpendHistory } from '../src/domain/qualification.js';

const DAY_MS = 86_400_000;
const referredAt = new Date('2025-01-01T00:00:00.000Z');
const base = { targetAmount: 5000, windowDays: 30, refundsUnqualify: true, currency: 'usd' };
type Day = number | Date;
/** Days (and ms) after referredAt, or an exact date. */
const at = (day: Day, ms = 0) => (day instanceof Date ? day : new Date(+referredAt + day * DAY_MS + ms));
const END = at(30);
const pay = (chargeId: string, settledAmount: number, day: Day, status: PaymentStatus = 'succeeded') =>
  ({ chargeId, createdAt: at(day), settledAmount, status }) satisfies Fact;
type Loss = [id: string, chargeId: string, settledAmount: number, day: Day];
const ref = (...[refundId, chargeId, settledAmount, day, status = 'succeeded']: [...Loss, RefundStatus?]) =>
  ({ refundId, chargeId, createdAt: at(day), settledAmount, status }) satisfies Fact;
const dis = (...[disputeId, chargeId, settledAmount, day, status = 'lost']: [...Loss, DisputeStatus?]) =>
  ({ disputeId, chargeId, createdAt: at(day), settledAmount, status }) satisfies Fact;
/** Merges facts in the given (arrival) order, each observed one second after the previous. */
const storeOf = (...facts: Fact[]) => facts.reduce((s, f, i) => mergeFact(s, f, i), emptyFactStore());
const spendOf = (facts: FactSet) => netSpend(base, referredAt, facts);
const spend = (...facts: Fact[]) => spendOf(storeOf(...facts));
type Settings = Partial<QualificationSettings>;
type Options = Partial<Pick<VerdictInput, 'now' | 'currentStatus'> & { settings: Settings }>;
const defaults = { referredAt, now: at(1), currentStatus: 'pending' } as const;
const decide = (facts: FactSet, { settings, ...o }: Options = {}) =>
  decideVerdict({ ...defaults, ...o, settings: { ...base, ...settings }, facts });

const TARGET = ', at or below the target of 50.00 USD';

describe('net spend and qualification', () => {
  it('qualifies only when net spend exceeds the target, partial refunds counted exactly', () => {
    const atTarget = decide(storeOf(pay('ch_1', 6000, 1), ref('re_1', 'ch_1', 1000, 2)));
    expect(atTarget).toMatchObject({ status: 'unqualified', netSpend: 5000, qualifiedAt: null });
    const justOver = decide(storeOf(pay('ch_1', 6000, 1), ref('re_1', 'ch_1', 999, 2)));
    expect(justOver).toMatchObject({ status: 'qualified', netSpend: 5001, qualifiedAt: at(1) });
    expect(justOver.reason).toBe('Net spend 50.01 USD exceeds the target of 50.00 USD');
    expect(decide(storeOf(pay('ch_1', 5000, 1))).status).toBe('pending');
  });

  it('gives the same verdict when a refund arrives before its charge', () => {
    const inOrder = decide(storeOf(pay('ch_1', 8000, 1), ref('re_1', 'ch_1', 5000, 2)));
    expect(decide(storeOf(ref('re_1', 'ch_1', 5000, 2), pay('ch_1', 8000, 1)))).toEqual(inOrder);
    expect(inOrder).toMatchObject({ status: 'unqualified', netSpend: 3000 });
    expect(inOrder.reason).toBe(`A refund brought net spend to 30.00 USD${TARGET}`);
  });

  it('follows a dispute from needs_response to lost to won', () => {
    let s = storeOf(pay('ch_1', 6000, 1));
    expect(decide(s).status).toBe('qualified');
    s = mergeFact(s, dis('dp_1', 'ch_1', 6000, 3, 'needs_response'), 10);
    expect(decide(s)).toMatchObject({ status: 'unqualified', netSpend: 0 });
    expect(decide(s).reason).toBe(`A dispute brought net spend to 0.00 USD${TARGET}`);
    s = mergeFact(s, dis('dp_1', 'ch_1', 6000, 3, 'lost'), 20);
    expect(decide(s).status).toBe('unqualified');
    s = mergeFact(s, dis('dp_1', 'ch_1', 6000, 3, 'won'), 30);
    expect(decide(s)).toMatchObject({ status: 'qualified', netSpend: 6000, qualifiedAt: at(1) });
    expect(spend(pay('ch_1', 6000, 1), dis('dp_2', 'ch_1', 6000, 2, 'warning_closed'))).toBe(6000);
  });

  it('keeps a qualification when refunds do not unqualify, and takes it back when they do', () => {
    const s = storeOf(pay('ch_1', 6000, 1), ref('re_1', 'ch_1', 6000, 2));
    const kept = decide(s, { settings: { refundsUnqualify: false } });
    expect(kept).toMatchObject({ status: 'qualified', netSpend: 0, qualifiedAt: at(1) });
    expect(kept.reason).toContain('Net spend reached 60.00 USD, exceeding the target of 50.00 USD');
    expect(decide(s)).toMatchObject({ status: 'unqualified', qualifiedAt: null });
  });

  it('re-qualifies after a later payment', () => {
    const s = storeOf(pay('ch_1', 6000, 1), ref('re_1', 'ch_1', 2000, 2), pay('ch_2', 1500, 5));
    expect(decide(s)).toMatchObject({ status: 'qualified', netSpend: 5500, qualifiedAt: at(5) });
    const v = decide(storeOf(pay('ch_1', 6000, 1), ref('re_1', 'ch_1', 2000, 2), pay('ch_2', 500, 5)));
    expect(v.reason).toBe(`A refund took the qualification back; net spend is now 45.00 USD${TARGET}`);
  });

  it('counts only facts inside the inclusive window', () => {
    expect(spend(pay('ch_0', 9000, 0), pay('ch_end', 1, END), pay('ch_pre', 9000, -1))).toBe(9001);
    expect(spend(pay('ch_late', 9000, at(30, 1)), pay('ch_pre', 9000, at(0, -1)))).toBe(0);
    const late = storeOf(pay('ch_1', 6000, 1), ref('re_1', 'ch_1', 6000, 31), dis('dp_1', 'ch_1', 1, 31));
    expect(decide(late).status).toBe('qualified');
    const outside = storeOf(pay('ch_pre', 9000, -1), pay('ch_1', 6000, 1), ref('re_1', 'ch_pre', 9000, 2));
    expect(decide(outside)).toMatchObject({ status: 'qualified', netSpend: 6000 });
  });

  it('ignores failed and pending payments, failed and canceled refunds, and refunds of unknown charges', () => {
    expect(spend(pay('ch_1', 9000, 1, 'failed'), pay('ch_2', 9000, 1, 'pending'))).toBe(0);
    const statuses = ['failed', 'canceled', 'pending', 'requires_action'] as const;
    const spends = statuses.map((st) => spend(pay('ch_1', 6000, 1), ref('re', 'ch_1', 100, 2, st)));
    expect(spends).toEqual([6000, 6000, 5900, 5900]);
    expect(spend(pay('ch_1', 6000, 1), ref('re_x', 'ch_unknown', 6000, 2))).toBe(6000);
  });

  it('never lets one charge lose more than it paid', () => {
    const facts = [pay('ch_1', 3000, 1), pay('ch_2', 3000, 1), ref('re_1', 'ch_1', 3000, 2)];
    expect(spend(...facts, dis('dp_1', 'ch_1', 3000, 3))).toBe(3000);
  });

  it('expires at the end of the window, and keeps unqualified and qualified leads after it', () => {
    const low = storeOf(pay('ch_1', 1000, 1));
    const open = decide(low, { now: END });
    expect(open.status).toBe('pending');
    expect(open.reason).toBe(
      'Net spend 10.00 USD has not exceeded the target of 50.00 USD yet; the 30-day window ends 2025-01-31 00:00 UTC',
    );
    const expired = decide(low, { now: at(30, 1) });
    expect(expired).toMatchObject({ status: 'expired', windowEndsAt: END });
    expect(expired.reason).toBe('The 30-day window ended with net spend 10.00 USD of 50.00 USD');
    const takenBack = storeOf(pay('ch_1', 6000, 1), ref('re_1', 'ch_1', 6000, 2));
    expect(decide(takenBack, { now: at(40) }).status).toBe('unqualified');
    const kept = decide(takenBack, { now: at(40), settings: { refundsUnqualify: false } });
    expect(kept.status).toBe('qualified');
    const lateEvent = decide(storeOf(pay('ch_1', 6000, 1)), { now: at(40), currentStatus: 'expired' });
    expect(lateEvent.status).toBe('qualified');
  });

  it('never changes a rejected lead', () => {
    const v = decide(storeOf(pay('ch_1', 90000, 1)), { currentStatus: 'rejected', now: at(90) });
    expect(v).toMatchObject({ status: 'rejected', netSpend: 90000, qualifiedAt: null });
  });

  it('replays facts by createdAt, ties broken by id', () => {
    const s = storeOf(ref('re_1', 'ch_1', 100, 1), pay('ch_2', 100, 1), pay('ch_1', 100, 1));
    const steps = netSpendHistory(base, referredAt, s).map((step) => `${step.id}:${step.netSpend}`);
    expect(steps).toEqual(['ch_1:100', 'ch_2:200', 're_1:100']);
  });

  it('formats money by the currency exponent and refuses bad settings', () => {
    const money = ['usd', 'JPY', 'kwd', 'eur'].map((currency, i) =>
      formatMoney([5200, 500, 5124, 7][i]!, currency),
    );
    expect(money).toEqual(['52.00 USD', '500 JPY', '5.124 KWD', '0.07 EUR']);
    expect(() => decide(emptyFactStore(), { settings: { targetAmount: 0 } })).toThrow(RangeError);
    expect(() => decide(emptyFactStore(), { settings: { windowDays: 0 } })).toThrow(RangeError);
  });
});

describe('fact store', () => {
  it('keeps the newest version, whatever the order, and never mutates', () => {
    const pending = ref('re_1', 'ch_1', 100, 1, 'pending');
    const done = ref('re_1', 'ch_1', 100, 1, 'succeeded');
    const a = mergeFact(mergeFact(emptyFactStore(), pending, 5), done, 9);
    expect(mergeFact(mergeFact(emptyFactStore(), done, 9), pending, 5)).toEqual(a);
    expect(a.refunds.get('re_1')).toEqual({ ...done, observedAt: 9 });
    expect(mergeFact(a, done, 9)).toBe(a);
    expect(mergeFact(a, pending, 5)).toBe(a);
    const empty = emptyFactStore();
    mergeFact(empty, done, 1);
    expect(empty.refunds.size).toBe(0);
    expect(() => mergeFact(empty, pay('ch_1', -1, 1), 1)).toThrow(RangeError);
  });

  it('lets terminal statuses win at equal observation times', () => {
    const open = dis('dp_1', 'ch_1', 100, 1, 'needs_response');
    const sameSecond = (x: Fact, y: Fact) => mergeFact(mergeFact(emptyFactStore(), x, 7), y, 7);
    for (const end of ['lost', 'won'] as const) {
      const closed = dis('dp_1', 'ch_1', 100, 1, end);
      expect(sameSecond(open, closed).disputes.get('dp_1')?.status).toBe(end);
      expect(sameSecond(closed, open).disputes.get('dp_1')?.status).toBe(end);
    }
  });
});

// Property tests. Offsets are in ms from referredAt, clustered around the window's edges.
const EDGES = [-1, 0, 1, 30 * DAY_MS - 1, 30 * DAY_MS, 30 * DAY_MS + 1];
const offset = fc.oneof(fc.constantFrom(...EDGES), fc.integer({ min: -3 * DAY_MS, max: 33 * DAY_MS }));
const amount = fc.integer({ min: 0, max: 8000 });
const CHARGES = ['ch_a', 'ch_b', 'ch_c', 'ch_d', 'ch_e'];
const charge = fc.constantFrom(...CHARGES, 'ch_unknown');
const payStatus = fc.constantFrom(...(['succeeded', 'succeeded', 'pending', 'failed'] as const));
const REFUNDS: RefundStatus[] = ['succeeded', 'pending', 'requires_action', 'failed', 'canceled'];
const DISPUTES: DisputeStatus[] = ['needs_response', 'under_review', 'lost', 'won', 'warning_closed'];
const [refundStatus, disputeStatus] = [fc.constantFrom(...REFUNDS), fc.constantFrom(...DISPUTES)] as const;
const kind = fc.constantFrom('payment', 'refund', 'dispute');

type Observation = { fact: Fact; observedAt: number };
/** The versions of one fact as Stripe reports them over time; the last one is the canonical (latest) one. */
function lifecycle<S extends string>(make: (status: S, amount: number) => Fact, status: fc.Arbitrary<S>) {
  const steps = fc.array(fc.record({ status, amount, gap: fc.nat(3) }), { minLength: 1, maxLength: 4 });
  return steps.map((list) => {
    const versions: Observation[] = [];
    for (const s of list) {
      const fact = make(s.status, s.amount);
      const prev = versions.at(-1);
      // Two versions share an observation second only when the later one is further along its life.
      const gap = prev && statusRank(fact) <= statusRank(prev.fact) ? Math.max(1, s.gap) : s.gap;
      versions.push({ fact, observedAt: (prev?.observedAt ?? 1_700_000_000) + gap });
    }
    return versions;
  });
}
const life = fc.tuple(kind, fc.nat(4), charge, offset).chain(([k, n, ch, ms]) => {
  const when = at(0, ms);
  if (k === 'refund') return lifecycle((st, amt) => ref(`re_${n}`, ch, amt, when, st), refundStatus);
  if (k === 'dispute') return lifecycle((st, amt) => dis(`dp_${n}`, ch, amt, when, st), disputeStatus);
  return lifecycle((st, amt) => pay(CHARGES[n]!, amt, when, st), payStatus);
});
/** A world of facts: one lifecycle per Stripe id. */
const world = fc.uniqueArray(life, { maxLength: 12, selector: (l) => factId(l[0]!.fact) });
const mergeAll = (obs: readonly Observation[], store = emptyFactStore()) =>
  obs.reduce((s, o) => mergeFact(s, o.fact, o.observedAt), store);
/** Stripe's time order: createdAt, ties broken by id. */
const replayOrder = (a: Observation, b: Observation) =>
  a.fact.createdAt.getTime() - b.fact.createdAt.getTime() || (factId(a.fact) < factId(b.fact) ? -1 : 1);
const latestInOrder = (lives: Observation[][]) => lives.map((l) => l.at(-1)!).sort(replayOrder);
/** Fresh facts (ids tagged) of any kind, for any charge. */
const extraFacts = (when: fc.Arbitrary<Date>, tag: string, charges = charge) =>
  fc.array(
    fc.tuple(kind, charges, amount, when, fc.nat(99)).map(([k, ch, amt, d, n]): Observation => {
      if (k === 'refund') return { fact: ref(`re_${tag}${n}`, ch, amt, d), observedAt: 1 };
      if (k === 'dispute') return { fact: dis(`dp_${tag}${n}`, ch, amt, d), observedAt: 1 };
      return { fact: pay(`ch_${tag}${n}`, amt, d), observedAt: 1 };
    }),
    { maxLength: 6 },
  );
const options = fc.record({
  settings: fc.record({ targetAmount: fc.integer({ min: 1, max: 12000 }), refundsUnqualify: fc.boolean() }),
  now: offset.map((ms) => at(0, ms)),
  currentStatus: fc.constantFrom(
    ...(['pending', 'qualified', 'unqualified', 'expired', 'rejected'] as const),
  ),
});

describe('properties', () => {
  it('(a) any arrival order, duplicates and stale versions give the canonical store and verdict', () => {
    const arrivals = world.chain((lives) => {
      const all = lives.flat();
      const dups = all.length ? fc.array(fc.constantFrom(...all), { maxLength: 8 }) : fc.constant([]);
      const order = dups.chain((d) =>
        fc.shuffledSubarray([...all, ...d], { minLength: all.length + d.length }),
      );
      return fc.tuple(fc.constant(lives), order);
    });
    fc.assert(
      fc.property(arrivals, options, ([lives, arrival], o) => {
        const store = mergeAll(arrival);
        const canonical = mergeAll(latestInOrder(lives));
        expect(store).toEqual(canonical);
        expect(decide(store, o)).toEqual(decide(canonical, o));
      }),
      { numRuns: 300 },
    );
  });

  it('(b) net spend stays within succeeded in-window payments and ignores facts outside the window', () => {
    const days = fc.integer({ min: 1, max: 5 * DAY_MS });
    const outside = days.chain((d) => fc.constantFrom(at(0, -d), at(30, d)));
    fc.assert(
      fc.property(world, extraFacts(outside, 'x'), (lives, extras) => {
        const store = mergeAll(latestInOrder(lives));
        const net = spendOf(store);
        const paid = [...store.payments.values()]
          .filter((p) => p.status === 'succeeded' && p.createdAt >= referredAt && p.createdAt <= END)
          .reduce((sum, p) => sum + p.settledAmount, 0);
        expect(net).toBeGreaterThanOrEqual(0);
        expect(net).toBeLessThanOrEqual(paid);
        expect(spendOf(mergeAll(extras, store))).toBe(net);
      }),
      { numRuns: 300 },
    );
  });

  it('(c) with refunds not unqualifying, crossing the target in replay order qualifies for good', () => {
    // A payment over the target at crossMs guarantees a crossing (an earlier one may come first), and
    // arbitrary facts created after it.
    const crossing = fc.integer({ min: 0, max: 29 * DAY_MS }).chain((crossMs) => {
      const later = fc.integer({ min: crossMs + 1, max: crossMs + 40 * DAY_MS }).map((ms) => at(0, ms));
      return fc.tuple(fc.constant(crossMs), extraFacts(later, 'y', fc.constantFrom(...CHARGES, 'ch_cross')));
    });
    fc.assert(
      fc.property(world, amount, crossing, (lives, amt, [crossMs, after]) => {
        const settings = { targetAmount: amt + 1, refundsUnqualify: false };
        const store = mergeFact(mergeAll(latestInOrder(lives)), pay('ch_cross', amt + 2, at(0, crossMs)), 1);
        const before = decide(store, { settings, now: at(60) });
        // Oracle: the first prefix, in Stripe's time order, whose net spend exceeds the target.
        const all = [...store.payments.values(), ...store.refunds.values(), ...store.disputes.values()];
        const facts = all.map((fact) => ({ fact, observedAt: 1 })).sort(replayOrder);
        const first = facts.findIndex((_, i) => spendOf(mergeAll(facts.slice(0, i + 1))) > amt + 1);
        expect(before).toMatchObject({ status: 'qualified', qualifiedAt: facts[first]!.fact.createdAt });
        const afterwards = decide(mergeAll(after, store), { settings, now: at(60) });
        expect(afterwards).toMatchObject({ status: 'qualified', qualifiedAt: before.qualifiedAt });
      }),
      { numRuns: 200 },
    );
  });
});
