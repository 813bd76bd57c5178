/**
 * The steady phase: qualification latency at a fixed payment rate. Friends referred in a campaign that
 * qualifies at 10.00 USD; each friend's Stripe customer created through the emulator and linked by Vouch
 * (all linked, no event or task waiting, before the first payment); then each friend pays 20.00 USD once
 * (`paymentIntents.create`, `confirm: true`) at `rate` payments a second, and the emulator delivers the
 * events. Latency runs from the moment the create call returns to the lead's `lead.qualified` domain event.
 */
import { percentile, runConcurrent, sleep } from '../lib/measure.js';
import { campaignWithFriends } from './campaign.js';
import type { VouchUnderTest } from './vouch-under-test.js';

/** How long after the last payment the bench waits for the last lead to qualify. */
const WAIT_MS = 10_000;

export type SteadyResult = {
  leads: number;
  payments_per_s_target: number;
  /** Payments started per second, and returned per second (from the first started to the last returned). */
  payments_per_s_started: number;
  payments_per_s_returned: number;
  payments_ok: number;
  link_seconds: number;
  qualified: number;
  wait_ms: number;
  /** Over all paid leads; null where they fall on a lead not qualified when the wait ended. */
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
  within_250_ms: number;
  /** What a lead not qualified had waited at least when the wait ended (the shortest such wait). */
  not_qualified_after_ms: number | null;
  /** The payments' charge.succeeded events received, and applied, per second while payments were made. */
  charges_arriving_per_s: number;
  charges_applied_per_s: number;
  /** charge.succeeded events received but not yet applied when the last payment returned. */
  charges_waiting_at_last_payment: number;
  /** Per payment's charge.succeeded: payment returned to event in the inbox, inbox to applied. */
  delivery_p50_ms: number;
  delivery_p99_ms: number;
  apply_p50_ms: number;
  apply_p99_ms: number;
  events_unapplied_at_end: number;
  webhook_retries: number;
};

async function linkCustomers(vut: VouchUnderTest, emails: string[], leadIds: string[]): Promise<string[]> {
  const customerIds: string[] = [];
  await runConcurrent(emails.length, 8, async (i) => {
    customerIds[i] = (await vut.stripe.customers.create({ email: emails[i]! })).id;
  });
  const linked = 'select count(*) as n from customer_links where lead_id = any($1::text[])';
  // Idle: no event waiting in the inbox, no task (the friends' sign-ups ask for one each).
  const busy = `select (select count(*) from stripe_events where processed_at is null and dead_at is null)
                     + (select count(*) from tasks) as n`;
  const until = Date.now() + 60_000 + emails.length * 20;
  while ((await vut.count(linked, [leadIds])) < leadIds.length || (await vut.count(busy)) > 0) {
    if (Date.now() > until) throw new Error(`the friends' customers were not all linked in time`);
    await sleep(20);
  }
  return customerIds;
}

export async function runSteady(vut: VouchUnderTest, leadCount: number, rate: number): Promise<SteadyResult> {
  const emails = Array.from({ length: leadCount }, (_, i) => `friend${i}@example.com`);
  const campaign = await campaignWithFriends(vut, 'Steady', 1000, emails);
  const linkStarted = performance.now();
  const customerIds = await linkCustomers(vut, emails, campaign.leadIds);
  const linkSeconds = (performance.now() - linkStarted) / 1000;

  const t0: number[] = [];
  let paymentsOk = 0;
  const payStartedAt = Date.now();
  const payStarted = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < leadCount; i++) {
    const wait = payStarted + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    const pay = vut.stripe.paymentIntents.create({
      amount: 2000,
      currency: 'usd',
      customer: customerIds[i]!,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    inFlight.push(
      pay.then(
        () => {
          t0[i] = Date.now();
          paymentsOk++;
        },
        () => {},
      ),
    );
  }
  const paySeconds = (performance.now() - payStarted) / 1000;
  await Promise.all(inFlight);
  const payEndedAt = Date.now();

  const qualifiedAt = new Map<string, number>();
  const waitUntil = Date.now() + WAIT_MS;
  for (;;) {
    const { rows } = await vut.db.query<{ lead_id: string; created_at: Date }>(
      "select lead_id, created_at from domain_events where type = 'lead.qualified' and campaign_id = $1",
      [campaign.id],
    );
    for (const r of rows) qualifiedAt.set(r.lead_id, r.created_at.getTime());
    if (qualifiedAt.size >= leadCount || Date.now() > waitUntil) break;
    await sleep(100);
  }
  const waitEnded = Date.now();

  // A lead not qualified when the wait ended is only known to be slower than what it had waited.
  const latencies = campaign.leadIds
    .map((id, i) => {
      const at = qualifiedAt.get(id);
      return at === undefined || t0[i] === undefined ? Number.POSITIVE_INFINITY : at - t0[i]!;
    })
    .sort((a, b) => a - b);
  const waitedAtLeast = campaign.leadIds
    .map((id, i) => (qualifiedAt.has(id) ? Number.POSITIVE_INFINITY : waitEnded - (t0[i] ?? payEndedAt)))
    .reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  const finite = (v: number) => (Number.isFinite(v) ? v : null);

  const paidAt = new Map(customerIds.map((c, i) => [c, t0[i]]));
  const { rows: charges } = await vut.db.query<{
    customer: string;
    received_at: Date;
    processed_at: Date | null;
  }>(
    `select payload->'data'->'object'->>'customer' as customer, received_at, processed_at
       from stripe_events where type = 'charge.succeeded'`,
  );
  const delivery: number[] = [];
  const apply: number[] = [];
  let arrived = 0;
  let appliedInWindow = 0;
  let waitingAtEnd = 0;
  for (const c of charges) {
    const paid = paidAt.get(c.customer);
    if (paid === undefined) continue;
    const received = c.received_at.getTime();
    const processed = c.processed_at?.getTime() ?? Number.POSITIVE_INFINITY;
    delivery.push(received - paid);
    if (c.processed_at) apply.push(processed - received);
    if (received <= payEndedAt) arrived++;
    if (processed <= payEndedAt) appliedInWindow++;
    if (received <= payEndedAt && processed > payEndedAt) waitingAtEnd++;
  }
  delivery.sort((a, b) => a - b);
  apply.sort((a, b) => a - b);
  const windowSeconds = (payEndedAt - payStartedAt) / 1000;
  const retries = vut.emulator
    .deliveries()
    .filter((d) => d.attempts[0] && Date.parse(d.attempts[0].at) >= payStartedAt)
    .reduce((n, d) => n + Math.max(0, d.attempts.length - 1), 0);
  return {
    leads: leadCount,
    payments_per_s_target: rate,
    payments_per_s_started: Math.round((leadCount - 1) / paySeconds),
    payments_per_s_returned: Math.round(paymentsOk / windowSeconds),
    payments_ok: paymentsOk,
    link_seconds: Number(linkSeconds.toFixed(1)),
    qualified: qualifiedAt.size,
    wait_ms: WAIT_MS,
    p50_ms: finite(percentile(latencies, 50)),
    p95_ms: finite(percentile(latencies, 95)),
    p99_ms: finite(percentile(latencies, 99)),
    max_ms: finite(latencies.at(-1) ?? Number.NaN),
    within_250_ms: latencies.filter((v) => v < 250).length,
    not_qualified_after_ms: finite(waitedAtLeast),
    charges_arriving_per_s: Math.round(arrived / windowSeconds),
    charges_applied_per_s: Math.round(appliedInWindow / windowSeconds),
    charges_waiting_at_last_payment: waitingAtEnd,
    delivery_p50_ms: percentile(delivery, 50),
    delivery_p99_ms: percentile(delivery, 99),
    apply_p50_ms: percentile(apply, 50),
    apply_p99_ms: percentile(apply, 99),
    events_unapplied_at_end: await vut.count(
      'select count(*) as n from stripe_events where processed_at is null and dead_at is null',
    ),
    webhook_retries: retries,
  };
}
