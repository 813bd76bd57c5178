/**
 * Rewards issued through Stripe by the built CLI against Postgres, with the Stripe emulator in this process
 * limiting requests to `limit` a second and Vouch's budget (STRIPE_RATE_LIMIT_TEST) set to the same limit.
 * `leads` friends, each referred by their own referrer, qualify by paying (the campaign makes their Stripe
 * customers itself); each qualification gives the referrer a balance credit (a customer made for the referrer
 * by email, then a customer balance transaction: 3 requests) and the friend a one-time promotion code under a
 * coupon (1 request). Rewards wait for approval; once the limit and the latency are set, all are approved at
 * once (one UPDATE of their rows: the API approves one reward a request, which is not what is measured).
 * Baseline: the limit itself; the Stripe requests the emulator counted from the runner's first request to
 * the last reward issued (`issued_at`) are reported as a share of it, with the rewards issued a second and
 * the 429s the emulator answered. Runs once per emulator latency (default:
 * answers at once, then after 250 to 400 ms, as Stripe's take), each on a fresh database, emulator and Vouch.
 * Run `npm run build` first, then `node --import tsx bench/rewards.ts`. REWARDS_BENCH_LEADS (500),
 * REWARDS_BENCH_RATE_LIMIT (100), REWARDS_BENCH_LATENCY_MS (`0,250-400`) and REWARDS_BENCH_ROUNDS (1) change
 * the runs; VOUCH_BENCH_DATABASE_URL another Postgres server.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import Stripe from 'stripe';
import { startEmulator } from '../emulator/index.js';
import { type LatencySetting, latencySettings } from './lib/latency.js';
import { printSettings, range } from './lib/settings.js';
import {
  benchDatabase,
  runConcurrent,
  sleep,
  startVouch,
  VOUCH_CLI,
  type Vouch,
} from './lib/vouch-process.js';

const KEY = `vch_sk_${'r'.repeat(40)}`;
const PORT = 39_951;

/** Waits until `sql` (one row, column n) reaches `target`, or fails after `timeoutMs`. */
async function until(db: pg.Client, sql: string, params: unknown[], target: number, timeoutMs: number) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const n = Number((await db.query<{ n: string }>(sql, params)).rows[0]!.n);
    if (n >= target) return;
    if (performance.now() > deadline) throw new Error(`only ${n} of ${target}: ${sql}`);
    await sleep(200);
  }
}

export async function runRewardsBench(opts: {
  postgresUrl: string;
  leads: number;
  limit: number;
  latency: LatencySetting;
}) {
  const { leads, limit } = opts;
  const database = await benchDatabase(opts.postgresUrl, `vouch_bench_rewards_${process.pid}`);
  const { db } = database;
  // No limit and no latency while the leads qualify; both are set before the rewards are approved.
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0, allowPrivateWebhookUrls: true });
  const stripe = new Stripe('sk_test_bench_rewards', {
    host: '127.0.0.1',
    port: emulator.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  let vouch: Vouch | undefined;
  try {
    vouch = await startVouch({
      port: PORT,
      key: KEY,
      databaseUrl: database.url,
      stripeApiBase: emulator.url,
      rateLimit: limit,
    });
    const { api } = vouch;
    const connection = await api('POST', '/v1/stripe/connections', { api_key: 'sk_test_bench_rewards' });
    await stripe.coupons.create({ id: 'BENCH10', percent_off: 10, duration: 'once' });
    const campaign = await api('POST', '/v1/campaigns', {
      name: 'Rewards bench',
      status: 'live',
      connection_id: connection.id,
      qualification: { method: 'spend', target_amount: 1000, window_days: 30, refunds_unqualify: true },
      customers: { create: 'immediately' },
      rewards: {
        referrer: { kind: 'balance_credit', amount: 500, currency: 'usd' },
        friend: { kind: 'promotion_code', coupon_id: 'BENCH10' },
        manual_approval: true,
      },
    });
    const campaignId = campaign.id as string;
    const referrers = Array.from({ length: leads }, (_, i) => `giver${i}@example.com,Giver,GIVE-${i}`);
    await api(
      'POST',
      `/v1/campaigns/${campaignId}/referrers/import`,
      `email,first_name,referral_code\n${referrers.join('\n')}\n`,
    );
    await runConcurrent(leads, 8, async (i) => {
      await api('POST', `/v1/campaigns/${campaignId}/leads`, {
        email: `friend${i}@example.com`,
        referral_code: `GIVE-${i}`,
      });
    });
    const links = `select count(*) as n from customer_links k join leads l on l.id = k.lead_id
                    where l.campaign_id = $1`;
    await until(db, links, [campaignId], leads, 120_000);
    const { rows: customers } = await db.query<{ customer_id: string }>(
      'select k.customer_id from customer_links k join leads l on l.id = k.lead_id where l.campaign_id = $1',
      [campaignId],
    );
    await runConcurrent(customers.length, 8, async (i) => {
      await stripe.paymentIntents.create({
        amount: 2000,
        currency: 'usd',
        customer: customers[i]!.customer_id,
        payment_method: 'pm_card_visa',
        confirm: true,
      });
    });
    const waiting = `select count(*) as n from rewards where campaign_id = $1 and status = 'pending_approval'`;
    await until(db, waiting, [campaignId], 2 * leads, 120_000);

    emulator.setRateLimit(limit);
    emulator.setLatency(opts.latency.latencyMs);
    // Let the set-up's own calls leave the last second.
    await sleep(1500);
    const limitedBefore = emulator.rateLimited();
    // The emulator's event loop (this process): a request waiting there is counted late, as if it had
    // arrived late.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const requestsBefore = emulator.requests();
    // Approved all at once, as POST /v1/rewards/{id}/approve would one by one (that is not what is measured
    // here): the runner finds them at its next poll, and the clock starts with its first Stripe request.
    const approved = await db.query(
      `update rewards set status = 'pending', updated_at = now()
        where campaign_id = $1 and status = 'pending_approval'`,
      [campaignId],
    );
    const rewards = approved.rowCount ?? 0;
    while (emulator.requests() === requestsBefore) await sleep(5);
    const started = new Date();
    const settled = `select count(*) as n from rewards
                      where campaign_id = $1 and status not in ('pending_approval', 'pending', 'held')`;
    await until(db, settled, [campaignId], rewards, 600_000 + rewards * 2000);
    loop.disable();
    const requests = emulator.requests() - requestsBefore;
    const { rows } = await db.query<{ issued: string; failed: string; first: Date; last: Date }>(
      `select count(*) filter (where status = 'issued') as issued,
              count(*) filter (where status = 'failed') as failed,
              min(issued_at) as first, max(issued_at) as last
         from rewards where campaign_id = $1`,
      [campaignId],
    );
    const r = rows[0]!;
    const seconds = (r.last.getTime() - started.getTime()) / 1000;
    const requestsPerSecond = requests / seconds;
    return {
      latency_ms: opts.latency.label,
      leads,
      rewards,
      limit_per_s: limit,
      seconds: Number(seconds.toFixed(1)),
      issued: Number(r.issued),
      failed: Number(r.failed),
      rewards_per_s: Number((Number(r.issued) / seconds).toFixed(2)),
      stripe_requests: requests,
      requests_per_s: Number(requestsPerSecond.toFixed(2)),
      share_of_limit: Number((requestsPerSecond / limit).toFixed(3)),
      failed_requests_429: emulator.rateLimited() - limitedBefore,
      emulator_loop_delay_p99_ms: Math.round(loop.percentile(99) / 1e6),
      emulator_loop_delay_max_ms: Math.round(loop.max / 1e6),
      vouch_log_lines: vouch.lines(),
    };
  } finally {
    await vouch?.stop();
    await emulator.close();
    await database.drop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const leads = Number(process.env.REWARDS_BENCH_LEADS ?? 500);
  const limit = Number(process.env.REWARDS_BENCH_RATE_LIMIT ?? 100);
  const latencies = latencySettings(process.env.REWARDS_BENCH_LATENCY_MS);
  const rounds = Number(process.env.REWARDS_BENCH_ROUNDS ?? 1);
  const postgresUrl = process.env.VOUCH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const settings = printSettings('Rewards (bench/rewards.ts)', {
    leads,
    rewards: `${2 * leads} (balance credit for the referrer, promotion code for the friend)`,
    'rate limit /s': limit,
    'emulator latency': latencies.map((l) => l.label).join(', '),
    rounds,
    vouch: `${VOUCH_CLI}, Postgres, LOG_LEVEL=warn, default pool`,
  });
  console.log(
    '\n| latency | rewards | limit/s | seconds | Stripe requests | requests/s | share of limit | rewards/s | 429s | failed rewards |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const runs: Awaited<ReturnType<typeof runRewardsBench>>[] = [];
  for (const latency of latencies) {
    for (let round = 0; round < rounds; round++) {
      const r = await runRewardsBench({ postgresUrl, leads, limit, latency });
      runs.push(r);
      console.log(
        `| ${r.latency_ms} | ${r.rewards} | ${r.limit_per_s} | ${r.seconds} | ${r.stripe_requests} | ${r.requests_per_s} | ${r.share_of_limit} | ${r.rewards_per_s} | ${r.failed_requests_429} | ${r.failed} |`,
      );
    }
  }
  for (const latency of latencies) {
    const mine = runs.filter((r) => r.latency_ms === latency.label);
    console.log(
      `${latency.label}: share of the limit ${range(
        mine.map((r) => r.share_of_limit),
        3,
      )}, 429s ${range(mine.map((r) => r.failed_requests_429))}, emulator event loop delay max ${range(
        mine.map((r) => r.emulator_loop_delay_max_ms),
      )} ms`,
    );
  }
  console.log(JSON.stringify({ bench: 'rewards', settings, runs }));
  if (runs.some((r) => r.issued !== r.rewards)) process.exitCode = 1;
}
