import { sql } from 'kysely';
import type { Tx } from '../db/database.js';
import type { LeadStatus } from '../db/tables.js';
import type { FactOutcome, NotCountedReason } from '../domain/fact-explanation.js';
import { createId } from '../domain/ids.js';
import { formatMoney } from '../domain/qualification.js';
import type { EventWrites } from './event-writes.js';

const FACT_EVENT_TYPES = [
  'lead.payment_counted',
  'lead.payment_not_counted',
  'lead.refund_counted',
  'lead.refund_not_counted',
  'lead.dispute_counted',
  'lead.dispute_not_counted',
] as const;

const typeOf = (o: FactOutcome) => `lead.${o.kind}_${o.counted ? 'counted' : 'not_counted'}`;

const day = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function reasonText(reason: NotCountedReason, o: FactOutcome, window: { start: Date; end: Date }): string {
  switch (reason) {
    case 'before_referral':
      return `it was made ${day(o.at)}, before the referral (${day(window.start)})`;
    case 'after_window':
      return `it was made ${day(o.at)}, after the attribution window closed (${day(window.end)})`;
    case 'failed':
      return 'the payment failed';
    case 'pending':
      return 'the payment is still pending; it counts once it succeeds';
    case 'refund_failed':
      return 'the refund failed or was cancelled, so nothing was given back';
    case 'dispute_won':
      return 'the dispute was won (or closed without a chargeback), so nothing was lost';
    case 'charge_not_counted':
      return `its charge ${o.chargeId} does not count for this lead`;
  }
}

/** One sentence per fact: what it was, and what it did to net spend or why it did nothing. */
function describe(
  o: FactOutcome,
  currency: string,
  target: number | null,
  window: { start: Date; end: Date },
): string {
  const settled = formatMoney(o.settledAmount, currency);
  const own =
    o.amount !== undefined && o.currency && o.currency.toLowerCase() !== currency.toLowerCase()
      ? `${formatMoney(o.amount, o.currency)} (${settled} settled)`
      : settled;
  const what =
    o.kind === 'payment'
      ? `Charge ${o.id} of ${own}`
      : o.kind === 'refund'
        ? `Refund ${o.id} of ${own} (charge ${o.chargeId})`
        : `Dispute ${o.id} of ${own} (charge ${o.chargeId})`;
  if (!o.counted) return `${what} not counted: ${reasonText(o.reason!, o, window)}.`;
  const net = formatMoney(o.netSpendAfter ?? 0, currency);
  const of = target !== null ? ` of the ${formatMoney(target, currency)} target` : '';
  return `${what} counted: net spend ${net}${of}.`;
}

/** Per lead, the facts already on its timeline with their outcome (`type:stripe_object`), in one read. */
export async function recordedFacts(tx: Tx, leadIds: string[]): Promise<Map<string, Set<string>>> {
  const recorded = new Map<string, Set<string>>(leadIds.map((id) => [id, new Set()]));
  if (leadIds.length === 0) return recorded;
  const rows = await tx
    .selectFrom('lead_events')
    .select(['lead_id', 'type', 'data'])
    .where(sql<boolean>`lead_id = any(${leadIds}::text[])`)
    .where('type', 'in', [...FACT_EVENT_TYPES])
    .execute();
  for (const r of rows)
    recorded.get(r.lead_id)?.add(`${r.type}:${(r.data as { stripe_object?: string }).stripe_object}`);
  return recorded;
}

/**
 * Puts each Stripe fact considered for a lead on its timeline once per outcome: counted (with the running
 * total) or not counted (with why). A fact whose outcome changes later (a pending payment that succeeds) is
 * recorded again with the new outcome. `recorded` is the lead's from `recordedFacts`, kept up to date here.
 */
export function recordFactOutcomes(
  writes: EventWrites,
  lead: { id: string; status: LeadStatus },
  outcomes: FactOutcome[],
  recorded: Set<string>,
  context: { currency: string; target: number | null; window: { start: Date; end: Date }; now: Date },
): void {
  for (const o of outcomes) {
    const type = typeOf(o);
    if (recorded.has(`${type}:${o.id}`)) continue;
    recorded.add(`${type}:${o.id}`);
    writes.leadEvent({
      id: createId('lev'),
      lead_id: lead.id,
      type,
      message: describe(o, context.currency, context.target, context.window),
      status: lead.status,
      data: JSON.stringify({
        stripe_object: o.id,
        charge: o.chargeId,
        amount: o.amount ?? null,
        currency: o.currency ?? null,
        settled_amount: o.settledAmount,
        counted: o.counted,
        reason: o.reason ?? null,
        net_spend: o.netSpendAfter ?? null,
      }),
      created_at: context.now,
    });
  }
}
