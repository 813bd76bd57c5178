import type { Executor } from '../db/database.js';
import { campaignsRepository } from '../db/repositories/campaigns.js';
import { connectionsRepository } from '../db/repositories/connections.js';
import type { LeadRow } from '../db/tables.js';
import type { Money } from '../domain/api-shapes.js';
import { readSettings } from '../domain/campaign-settings.js';
import { explainFacts, netByCurrency } from '../domain/fact-explanation.js';
import type { LeadProgress, LinkedCustomer } from '../domain/lead.js';
import { windowEndsAt } from '../domain/qualification.js';
import { verdictOf } from './lead-verdicts.js';
import { REJECTION_MESSAGES } from './lead-writes.js';

export type { LeadProgress, LinkedCustomer } from '../domain/lead.js';

const NO_CUSTOMER =
  'No Stripe customer is linked to this lead yet, so no payment counts. Customers are linked when they have ' +
  "the friend's email (as the campaign's customers settings say), check out through the referral, or use " +
  "the referrer's code; a friend who paid under another email can be linked by hand with " +
  'POST /v1/leads/{id}/customers.';

export async function leadProgress(
  db: Executor,
  lead: LeadRow,
  now: Date,
): Promise<{ progress: LeadProgress; customers: LinkedCustomer[] }> {
  const links = await db
    .selectFrom('customer_links')
    .select(['connection_id', 'customer_id', 'how', 'created_at'])
    .where('lead_id', '=', lead.id)
    .orderBy('created_at')
    .execute();
  const customers = links.map((l) => ({
    id: l.customer_id,
    connection_id: l.connection_id,
    how: l.how,
    linked_at: l.created_at.toISOString(),
  }));
  const campaign = await campaignsRepository(db).findById(lead.campaign_id);
  const connection = campaign?.connection_id
    ? await connectionsRepository(db).findById(campaign.connection_id)
    : undefined;
  const currency = connection?.default_currency ?? 'usd';
  const rules = campaign ? readSettings(campaign.settings).qualification : undefined;
  const base = { holds_place: lead.counted, paid_by_currency: [] as Money[] };
  if (!rules) {
    return {
      customers,
      progress: {
        ...base,
        method: null,
        target: null,
        net_spend: { amount: 0, currency },
        remaining: null,
        window: null,
        explanation:
          'The campaign has no qualification rules yet: set qualification on the campaign to follow spend.',
      },
    };
  }
  const { verdict, facts, referredAt } = await verdictOf(db, lead, rules, currency, now);
  const outcomes = explainFacts(rules.window_days, referredAt, facts);
  const ends = windowEndsAt(referredAt, rules.window_days);
  const target = rules.method === 'spend' ? { amount: rules.target_amount, currency } : null;
  const net = lead.status === 'rejected' ? 0 : verdict.netSpend;
  let explanation = verdict.reason;
  if (lead.status === 'rejected')
    explanation = lead.rejection_reason ? REJECTION_MESSAGES[lead.rejection_reason] : verdict.reason;
  else if (customers.length === 0) explanation = NO_CUSTOMER.replace('{id}', lead.id);
  else if (!lead.counted && verdict.status === 'qualified')
    explanation = `${verdict.reason}; but the campaign's participant limit is reached, so it counts once a place frees up`;
  return {
    customers,
    progress: {
      ...base,
      method: rules.method,
      target,
      net_spend: { amount: net, currency },
      paid_by_currency: lead.status === 'rejected' ? [] : netByCurrency(outcomes),
      remaining:
        target && lead.status === 'pending'
          ? { amount: Math.max(0, target.amount - net + 1), currency }
          : null,
      window: {
        starts_at: referredAt.toISOString(),
        ends_at: ends.toISOString(),
        open: now.getTime() <= ends.getTime(),
      },
      explanation: explanation.endsWith('.') ? explanation : `${explanation}.`,
    },
  };
}
