/**
 * The burst: every event body signed with a timestamp of now and posted to `POST /webhooks/stripe/:id` at
 * `connections` connections (autocannon), as fast as Vouch acknowledges them. Then waits until the inbox has
 * applied them all and reads from `stripe_events` when each was received (`received_at`) and applied
 * (`processed_at`): how long the inbox needed to drain, and the rate of the whole, from the first event
 * received to the last applied. Also checks that every 200 is a row and every row was applied.
 */
import autocannon from 'autocannon';
import Stripe from 'stripe';
import { isHandled } from '../../src/stripe/event-translation.js';
import { cpuSeconds, percentile, sleep } from '../lib/measure.js';
import { sampleWaits, type WaitShare } from '../lib/pg-activity.js';
import type { EventBodies } from './event-bodies.js';
import { type VouchUnderTest, WEBHOOK_SECRET } from './vouch-under-test.js';

/** How long the drain may go without applying a single event before the bench gives up on it. */
const STALL_MS = 60_000;

export type BurstResult = {
  events: number;
  connections: number;
  /** From the first request sent to the last 200 received. */
  ack_seconds: number;
  ack_per_s: number;
  ack_p50_ms: number;
  ack_p99_ms: number;
  ok_200: number;
  duplicates: number;
  non_2xx: number;
  errors: number;
  rows: number;
  applied: number;
  dead: number;
  /** Rows that failed at least once (applied on a retry, or dead). */
  failed: number;
  /** Share of the events applied by the time the last one was acknowledged. */
  applied_at_last_ack: number;
  /** The same among the events that need applying (types Vouch records only are applied on receipt). */
  handled: number;
  handled_applied_at_last_ack: number;
  /** From the first event received to the last applied. */
  drain_seconds: number;
  /** From the last acknowledgement to the last event applied. */
  after_last_ack_seconds: number;
  applied_per_s: number;
  /** Per event: received to applied. */
  apply_p50_ms: number;
  apply_p99_ms: number;
  /** CPU of the Vouch process, % of one core, while acknowledging and over the whole drain. */
  vouch_cpu_ack_pct: number;
  vouch_cpu_drain_pct: number;
  /** CPU of the bench process (load, signing) while acknowledging. */
  load_cpu_pct: number;
  db_waits_ack: WaitShare[];
  db_waits_after: WaitShare[];
  leads: number;
  leads_linked: number;
  leads_qualified: number;
  drain_stalled: boolean;
};

async function send(vut: VouchUnderTest, bodies: string[], connections: number) {
  let next = 0;
  let ok = 0;
  let duplicates = 0;
  let firstSentAt = 0;
  let lastOkAt = 0;
  const result = await autocannon({
    url: vut.vouch.base,
    connections,
    amount: bodies.length,
    requests: [
      {
        method: 'POST',
        path: `/webhooks/stripe/${vut.connectionId}`,
        // Built for every request: the next event, signed with a timestamp of now.
        setupRequest: (req) => {
          if (next === 0) firstSentAt = Date.now();
          const payload = bodies[next++ % bodies.length]!;
          const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
          return {
            ...req,
            body: payload,
            headers: { 'content-type': 'application/json', 'stripe-signature': signature },
          };
        },
        onResponse: (status, body) => {
          if (status !== 200) return;
          ok++;
          lastOkAt = Date.now();
          if ((JSON.parse(body) as { duplicate?: boolean }).duplicate) duplicates++;
        },
      },
    ],
  });
  return { result, ok, duplicates, firstSentAt, lastOkAt };
}

/** Waits until nothing in the inbox waits any more; false when it stopped applying for STALL_MS. */
async function drained(vut: VouchUnderTest): Promise<boolean> {
  const waiting = 'select count(*) as n from stripe_events where processed_at is null and dead_at is null';
  let last = Number.POSITIVE_INFINITY;
  let lastChange = Date.now();
  for (;;) {
    const n = await vut.count(waiting);
    if (n === 0) return true;
    if (n < last) [last, lastChange] = [n, Date.now()];
    if (Date.now() - lastChange > STALL_MS) return false;
    await sleep(100);
  }
}

export async function runBurst(
  vut: VouchUnderTest,
  events: EventBodies,
  connections: number,
  campaign: { id: string; leadIds: string[] },
): Promise<BurstResult> {
  const pid = vut.vouch.child.pid!;
  const cpu0 = cpuSeconds(pid);
  const load0 = process.cpuUsage();
  const stopAckWaits = sampleWaits(vut.db, 'vouch');
  const sent = await send(vut, events.bodies, connections);
  const dbWaitsAck = await stopAckWaits();
  const cpuAck = cpuSeconds(pid) - cpu0;
  const load = process.cpuUsage(load0);
  const stopAfterWaits = sampleWaits(vut.db, 'vouch');
  const complete = await drained(vut);
  const dbWaitsAfter = await stopAfterWaits();
  const cpuAll = cpuSeconds(pid) - cpu0;
  const drainEndedAt = Date.now();

  const { rows } = await vut.db.query<{
    type: string;
    received_at: Date;
    processed_at: Date | null;
    dead: boolean;
    attempts: number;
  }>(
    `select type, received_at, processed_at, dead_at is not null as dead, attempts
       from stripe_events where connection_id = $1 and id = any($2::text[])`,
    [vut.connectionId, events.ids],
  );
  const applied = rows.filter((r) => r.processed_at !== null);
  const firstReceived = rows.reduce((t, r) => Math.min(t, r.received_at.getTime()), Number.POSITIVE_INFINITY);
  // An event recorded without work (a type no handler applies) is applied when it is received.
  const appliedAt = applied.map((r) => Math.max(r.processed_at!.getTime(), r.received_at.getTime()));
  const lastApplied = appliedAt.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
  const lags = applied.map((r, i) => appliedAt[i]! - r.received_at.getTime()).sort((a, b) => a - b);
  const byLastAck = (r: (typeof rows)[number]) =>
    r.processed_at !== null && Math.max(r.processed_at.getTime(), r.received_at.getTime()) <= sent.lastOkAt;
  const handled = rows.filter((r) => isHandled(r.type));
  const drainSeconds = (lastApplied - firstReceived) / 1000;
  const ackSeconds = (sent.lastOkAt - sent.firstSentAt) / 1000;
  const leadsIn = `from leads where campaign_id = $1`;
  return {
    events: events.ids.length,
    connections,
    ack_seconds: Number(ackSeconds.toFixed(2)),
    ack_per_s: Math.round(sent.ok / ackSeconds),
    ack_p50_ms: sent.result.latency.p50,
    ack_p99_ms: sent.result.latency.p99,
    ok_200: sent.ok,
    duplicates: sent.duplicates,
    non_2xx: sent.result.non2xx,
    errors: sent.result.errors,
    rows: rows.length,
    applied: applied.length,
    dead: rows.filter((r) => r.dead).length,
    failed: rows.filter((r) => r.attempts > 0).length,
    applied_at_last_ack: Number((rows.filter(byLastAck).length / rows.length).toFixed(3)),
    handled: handled.length,
    handled_applied_at_last_ack: Number((handled.filter(byLastAck).length / handled.length).toFixed(3)),
    drain_seconds: Number(drainSeconds.toFixed(2)),
    after_last_ack_seconds: Number(((lastApplied - sent.lastOkAt) / 1000).toFixed(2)),
    applied_per_s: Math.round(applied.length / drainSeconds),
    apply_p50_ms: percentile(lags, 50),
    apply_p99_ms: percentile(lags, 99),
    vouch_cpu_ack_pct: Math.round((cpuAck / ackSeconds) * 100),
    vouch_cpu_drain_pct: Math.round((cpuAll / ((drainEndedAt - sent.firstSentAt) / 1000)) * 100),
    load_cpu_pct: Math.round(((load.user + load.system) / 1e6 / ackSeconds) * 100),
    db_waits_ack: dbWaitsAck,
    db_waits_after: dbWaitsAfter,
    leads: campaign.leadIds.length,
    leads_linked: await vut.count(
      `select count(distinct lead_id) as n from customer_links where lead_id in (select id ${leadsIn})`,
      [campaign.id],
    ),
    leads_qualified: await vut.count(`select count(*) as n ${leadsIn} and status = 'qualified'`, [
      campaign.id,
    ]),
    drain_stalled: !complete,
  };
}

/** What is wrong with a burst, as messages; empty when every 200 is a row and every row was applied. */
export function burstProblems(b: BurstResult): string[] {
  const problems: string[] = [];
  if (b.ok_200 !== b.events)
    problems.push(`${b.events - b.ok_200} of ${b.events} events were not answered 200`);
  if (b.duplicates > 0)
    problems.push(`${b.duplicates} events were answered as duplicates, though each was new`);
  if (b.rows !== b.ok_200)
    problems.push(`${b.ok_200} events were acknowledged but ${b.rows} are in stripe_events`);
  if (b.applied !== b.rows)
    problems.push(
      `${b.rows - b.applied} of ${b.rows} recorded events were not applied (${b.dead} dead-lettered` +
        `${b.drain_stalled ? `; the inbox applied nothing for ${STALL_MS / 1000} s` : ''})`,
    );
  return problems;
}
