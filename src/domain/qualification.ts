import type { DisputeStatus, FactSet, RefundStatus } from './payment-facts.js';

/**
 * Whether a lead has qualified its referrer. The verdict is a pure function of the set of payment facts,
 * the campaign's settings and the clock: the order in which Stripe's events arrived never matters, since
 * facts are replayed in Stripe's own time order (`createdAt`, ties broken by id).
 */

export type VerdictStatus = 'pending' | 'qualified' | 'unqualified' | 'expired' | 'rejected';

export interface QualificationSettings {
  /** Net spend must exceed this (strictly), in minor units; > 0. */
  readonly targetAmount: number;
  /** Attribution window in whole days from `referredAt`; >= 1. */
  readonly windowDays: number;
  /** When on, a refund or dispute that brings net spend to the target or below takes qualification back. */
  readonly refundsUnqualify: boolean;
  /** The account's default currency (ISO code, any case): amounts are in its minor units. */
  readonly currency: string;
}

export interface VerdictInput {
  readonly settings: QualificationSettings;
  readonly referredAt: Date;
  readonly facts: FactSet;
  readonly currentStatus: VerdictStatus;
  readonly now: Date;
}

export interface Verdict {
  readonly status: VerdictStatus;
  /** Net spend over the whole window as known now, in minor units. */
  readonly netSpend: number;
  /** When net spend crossed the target for the qualification in force; null unless `status` is qualified. */
  readonly qualifiedAt: Date | null;
  /** The window's last instant (inclusive). */
  readonly windowEndsAt: Date;
  /** A sentence for the lead's timeline. */
  readonly reason: string;
}

/** One fact that moved net spend, in replay order, and net spend right after it. */
export interface NetSpendStep {
  readonly at: Date;
  readonly kind: 'payment' | 'refund' | 'dispute';
  readonly id: string;
  readonly chargeId: string;
  readonly netSpend: number;
}

export const DAY_MS = 86_400_000;

/** The last instant of the window: `referredAt + windowDays` days, inclusive. */
export function windowEndsAt(referredAt: Date, windowDays: number): Date {
  return new Date(referredAt.getTime() + windowDays * DAY_MS);
}

/** Pending (and requires_action) refunds count; failed and canceled ones gave nothing back. */
export function refundCounts(status: RefundStatus): boolean {
  return status !== 'failed' && status !== 'canceled';
}

/** A dispute costs its amount unless it was won or was an inquiry closed without a chargeback. */
export function disputeIsLoss(status: DisputeStatus): boolean {
  return status !== 'won' && status !== 'warning_closed';
}

// Stripe's zero-decimal and three-decimal currencies; every other currency has two decimals in the API.
const ZERO_DECIMAL = new Set('BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF'.split(' '));
const THREE_DECIMAL = new Set('BHD JOD KWD OMR TND'.split(' '));

/** `5200, 'usd'` → `52.00 USD`; `500, 'jpy'` → `500 JPY`. */
export function formatMoney(amount: number, currency: string): string {
  const code = currency.toUpperCase();
  const decimals = ZERO_DECIMAL.has(code) ? 0 : THREE_DECIMAL.has(code) ? 3 : 2;
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  if (decimals === 0) return `${sign}${abs} ${code}`;
  const unit = 10 ** decimals;
  const fraction = String(abs % unit).padStart(decimals, '0');
  return `${sign}${Math.floor(abs / unit)}.${fraction} ${code}`;
}

function checkDate(date: Date, name: string): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${name} must be a valid date`);
  return ms;
}

function checkSettings(settings: QualificationSettings): void {
  if (!Number.isSafeInteger(settings.targetAmount) || settings.targetAmount <= 0) {
    throw new RangeError(`targetAmount must be a positive integer, got ${settings.targetAmount}`);
  }
}

function checkWindow(windowDays: number): void {
  if (!Number.isSafeInteger(windowDays) || windowDays < 1) {
    throw new RangeError(`windowDays must be an integer of at least 1, got ${windowDays}`);
  }
}

interface Movement {
  readonly at: number;
  readonly kind: NetSpendStep['kind'];
  readonly id: string;
  readonly chargeId: string;
  readonly amount: number;
}

function compareMovements(a: Movement, b: Movement): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The facts that count, created inside the window, in Stripe's time order (`createdAt`, then id). */
function movements(windowDays: number, referredAt: Date, facts: FactSet): Movement[] {
  checkWindow(windowDays);
  const start = checkDate(referredAt, 'referredAt');
  const end = start + windowDays * DAY_MS;
  const inWindow = (at: number) => at >= start && at <= end;
  const list: Movement[] = [];
  for (const [id, p] of facts.payments) {
    const at = p.createdAt.getTime();
    if (p.status === 'succeeded' && inWindow(at))
      list.push({ at, kind: 'payment', id, chargeId: id, amount: p.settledAmount });
  }
  for (const [id, r] of facts.refunds) {
    const at = r.createdAt.getTime();
    if (refundCounts(r.status) && inWindow(at))
      list.push({ at, kind: 'refund', id, chargeId: r.chargeId, amount: r.settledAmount });
  }
  for (const [id, d] of facts.disputes) {
    const at = d.createdAt.getTime();
    if (disputeIsLoss(d.status) && inWindow(at))
      list.push({ at, kind: 'dispute', id, chargeId: d.chargeId, amount: d.settledAmount });
  }
  return list.sort(compareMovements);
}

/**
 * Replays the window's facts in Stripe's time order and returns net spend after each. A charge adds its
 * settled amount less its counted refunds and disputes, never less than zero; a refund or dispute of a
 * charge not paid inside the window adds nothing.
 */
export function netSpendHistory(
  settings: Pick<QualificationSettings, 'windowDays'>,
  referredAt: Date,
  facts: FactSet,
): NetSpendStep[] {
  const charges = new Map<string, { paid: number; lost: number }>();
  const contribution = (c: { paid: number; lost: number }) => Math.max(0, c.paid - c.lost);
  let net = 0;
  return movements(settings.windowDays, referredAt, facts).map((m) => {
    const charge = charges.get(m.chargeId) ?? { paid: 0, lost: 0 };
    net -= contribution(charge);
    const next =
      m.kind === 'payment' ? { ...charge, paid: m.amount } : { ...charge, lost: charge.lost + m.amount };
    charges.set(m.chargeId, next);
    net += contribution(next);
    return { at: new Date(m.at), kind: m.kind, id: m.id, chargeId: m.chargeId, netSpend: net };
  });
}

/** Net spend over the whole window: succeeded payments less their refunds and disputes, all inside it. */
export function netSpend(
  settings: Pick<QualificationSettings, 'windowDays'>,
  referredAt: Date,
  facts: FactSet,
): number {
  return netSpendHistory(settings, referredAt, facts).at(-1)?.netSpend ?? 0;
}

/** Decides a lead's status from its facts. `rejected` is final; `now` only decides expiry. */
export function decideVerdict(input: VerdictInput): Verdict {
  const { settings, referredAt, facts, currentStatus } = input;
  checkSettings(settings);
  const now = checkDate(input.now, 'now');
  const history = netSpendHistory(settings, referredAt, facts);
  const net = history.at(-1)?.netSpend ?? 0;
  const ends = windowEndsAt(referredAt, settings.windowDays);
  const money = (amount: number) => formatMoney(amount, settings.currency);
  const target = money(settings.targetAmount);
  const verdict = (status: VerdictStatus, reason: string, qualifiedAt: Date | null = null): Verdict => ({
    status,
    netSpend: net,
    qualifiedAt,
    windowEndsAt: ends,
    reason,
  });

  if (currentStatus === 'rejected') {
    return verdict('rejected', 'The lead was rejected; its payments no longer change its status');
  }

  let above = false;
  let firstUp: NetSpendStep | undefined;
  let lastUp: NetSpendStep | undefined;
  let lastDown: NetSpendStep | undefined;
  for (const step of history) {
    const nowAbove = step.netSpend > settings.targetAmount;
    if (nowAbove && !above) {
      firstUp ??= step;
      lastUp = step;
    }
    if (!nowAbove && above) lastDown = step;
    above = nowAbove;
  }

  if (firstUp !== undefined && lastUp !== undefined && (above || !settings.refundsUnqualify)) {
    const qualifiedAt = settings.refundsUnqualify ? lastUp.at : firstUp.at;
    if (above)
      return verdict('qualified', `Net spend ${money(net)} exceeds the target of ${target}`, qualifiedAt);
    return verdict(
      'qualified',
      `Net spend reached ${money(firstUp.netSpend)}, exceeding the target of ${target}; ` +
        'later refunds and disputes do not take the qualification back',
      qualifiedAt,
    );
  }
  if (lastDown !== undefined) {
    const what = `A ${lastDown.kind}`;
    if (lastDown.netSpend === net) {
      return verdict(
        'unqualified',
        `${what} brought net spend to ${money(net)}, at or below the target of ${target}`,
      );
    }
    return verdict(
      'unqualified',
      `${what} took the qualification back; net spend is now ${money(net)}, at or below the target of ${target}`,
    );
  }
  const days = `${settings.windowDays}-day window`;
  if (now > ends.getTime()) {
    return verdict('expired', `The ${days} ended with net spend ${money(net)} of ${target}`);
  }
  const endText = `${ends.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return verdict(
    'pending',
    `Net spend ${money(net)} has not exceeded the target of ${target} yet; the ${days} ends ${endText}`,
  );
}
