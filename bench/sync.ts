/**
 * The customer sync on the built CLI against Postgres, with the Stripe emulator in this process:
 * 1. Write-back: every emulated customer synced into a campaign and its referral link written back, with the
 *    emulator limiting requests to `limit` a second and Vouch's budget (STRIPE_RATE_LIMIT_TEST) set to the same
 *    limit. Baseline: the limit itself; the achieved write rate is reported as a share of it, with the 429s
 *    the emulator answered (failed requests) and Vouch's peak memory as the customer count grows.
 * 2. Inbound: the same customers into a second campaign with `write_back: false`, in customers a second,
 *    against the emulator's own list throughput (no limit, one page after another, from this process).
 * Both phases run once per emulator latency (default: answers at once, then after 250 to 400 ms, as Stripe's
 * take), each on a fresh database, emulator and Vouch.
 * Customers are seeded through the SDK before the limit and the latency are set, on a clock 60 days behind, so
 * that they and their `customer.created` events are as old as an existing account's: outside the window
 * Vouch's event reconciliation reads after connecting.
 * Run `npm run build` first, then `node --import tsx bench/sync.ts`. SYNC_BENCH_CUSTOMERS (100000),
 * SYNC_BENCH_RATE_LIMIT (100), SYNC_BENCH_LATENCY_MS (`0,250-400`) and SYNC_BENCH_ROUNDS (1) change the runs;
 * VOUCH_BENCH_DATABASE_URL another Postgres server; VOUCH_BENCH_VERBOSE=1 prints progress on stderr.
 */
import { loadavg } from 'node:os';
import Stripe from 'stripe';
import { startEmulator } from '../emulator/index.js';
import { type LatencySetting, latencySettings } from './lib/latency.js';
import { pinned, printSettings, range } from './lib/settings.js';
import { benchDatabase, mb, memory, startVouch, VOUCH_CLI, type Vouch } from './lib/vouch-process.js';
import {
  type InboundResult,
  inboundPhase,
  listAll,
  progress,
  seed,
  type WriteBackResult,
  writeBackPhase,
} from './sync/phases.js';

const KEY = `vch_sk_${'s'.repeat(40)}`;
const PORT = 39_931;

export type SyncBenchOptions = {
  postgresUrl: string;
  customers: number;
  rateLimit: number;
  latency: LatencySetting;
};

export type SyncBenchResult = {
  latency_ms: string;
  customers: number;
  rate_limit: number;
  seed_seconds: number;
  /** The emulator's own list throughput: all customers read 100 a page, one page after another, no limit. */
  list_customers_per_s: number;
  write_back: WriteBackResult;
  inbound: InboundResult;
  vouch_idle_rss_mb: number;
  vouch_peak_rss_mb: number;
  /**
   * Vouch's event reconciliations (pg-boss `reconcile-stripe-events` jobs, every 5 minutes), from and to in
   * seconds from its start: each reads the account's events of the last 10 minutes.
   */
  reconciliations: Array<[number, number | null]>;
  bench_process_peak_rss_mb: number;
  /** The machine's 1-minute load average over the run, every 5 s: mean and max (2 cores: above 2 is contention). */
  load_average: { mean: number; max: number };
  vouch_log_lines: number;
  vouch_log_samples: string[];
};

/** One run: a fresh database, emulator and Vouch; seeding, then the write-back and inbound phases. */
export async function runSyncBench(opts: SyncBenchOptions): Promise<SyncBenchResult> {
  const { customers, rateLimit: limit } = opts;
  const loads: number[] = [];
  const loadSampler = setInterval(() => loads.push(loadavg()[0]!), 5000).unref();
  const database = await benchDatabase(opts.postgresUrl, `vouch_bench_sync_${process.pid}`);
  // Vouch listens on this machine: the emulator delivers to it, as the sandbox does.
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0, allowPrivateWebhookUrls: true });
  const stripe = new Stripe('sk_test_bench_sync', {
    host: '127.0.0.1',
    port: emulator.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  let vouch: Vouch | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = () => {
    cleaning ??= (async () => {
      await vouch?.stop();
      await emulator.close();
      await database.drop();
    })();
    return cleaning;
  };
  const interrupted = () => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    const seedSeconds = await seed(stripe, customers);
    progress(`${customers} customers seeded in ${seedSeconds.toFixed(1)} s`);
    const listed = await listAll(stripe);
    if (listed.seen !== customers) throw new Error(`listed ${listed.seen} customers, not ${customers}`);
    progress(`listed in ${listed.seconds.toFixed(1)} s`);
    emulator.setRateLimit(limit);
    emulator.setLatency(opts.latency.latencyMs);

    vouch = await startVouch({
      port: PORT,
      key: KEY,
      databaseUrl: database.url,
      stripeApiBase: emulator.url,
      rateLimit: limit,
    });
    const { pid } = vouch;
    const idle = memory(pid).rss;
    const vouchStarted = Date.now();
    const connection = await vouch.api('POST', '/v1/stripe/connections', {
      api_key: 'sk_test_vouch_bench_sync',
    });
    const ctx = {
      vouch,
      emulator,
      customers,
      limit,
      latencyMs: opts.latency.latencyMs,
      connectionId: connection.id as string,
      linkBase: `http://127.0.0.1:${PORT}`,
    };
    const writeBack = await writeBackPhase(ctx, database.db, stripe);
    progress(`write-back: ${writeBack.writes_per_s} writes/s, ${writeBack.rate_limited} 429s`);
    const inbound = await inboundPhase(ctx);
    progress(`inbound: ${inbound.customers_per_s} customers/s`);
    const { rows: jobs } = await database.db.query<{ started_on: Date | null; completed_on: Date | null }>(
      `select started_on, completed_on from pgboss.job
        where name = 'reconcile-stripe-events' and started_on is not null order by started_on`,
    );
    const since = (d: Date | null) => (d ? Math.round((d.getTime() - vouchStarted) / 1000) : null);
    return {
      latency_ms: opts.latency.label,
      customers,
      rate_limit: limit,
      seed_seconds: Number(seedSeconds.toFixed(1)),
      list_customers_per_s: Math.round(listed.seen / listed.seconds),
      write_back: writeBack,
      inbound,
      vouch_idle_rss_mb: mb(idle),
      vouch_peak_rss_mb: mb(memory(pid).hwm),
      reconciliations: jobs.map((j) => [since(j.started_on)!, since(j.completed_on)]),
      bench_process_peak_rss_mb: mb(memory(process.pid).hwm),
      load_average: {
        mean: Number((loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length)).toFixed(2)),
        max: Math.max(0, ...loads),
      },
      vouch_log_lines: vouch.lines(),
      vouch_log_samples: vouch.logs.slice(0, 5),
    };
  } finally {
    clearInterval(loadSampler);
    await cleanup();
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  const customers = Number(process.env.SYNC_BENCH_CUSTOMERS ?? 100_000);
  const rateLimit = Number(process.env.SYNC_BENCH_RATE_LIMIT ?? 100);
  const latencies = latencySettings(process.env.SYNC_BENCH_LATENCY_MS);
  const rounds = Number(process.env.SYNC_BENCH_ROUNDS ?? 1);
  const postgresUrl = process.env.VOUCH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const settings = printSettings('Customer sync (bench/sync.ts)', {
    customers,
    'rate limit /s': rateLimit,
    'emulator latency': latencies.map((l) => l.label).join(', '),
    rounds,
    vouch: `${VOUCH_CLI}, Postgres, LOG_LEVEL=warn, default pool`,
    emulator: 'in the bench process',
  });
  const runs: SyncBenchResult[] = [];
  const head = [
    'latency',
    'writes/s',
    'x limit',
    'write s',
    '429s',
    'failed',
    'listed/s',
    'inbound/s',
    'RSS MB',
  ];
  console.log(`\n${head.map((h, i) => (i === 0 ? h.padEnd(12) : h.padStart(9))).join(' ')}`);
  for (const latency of latencies) {
    for (let round = 0; round < rounds; round++) {
      const r = await runSyncBench({ postgresUrl, customers, rateLimit, latency });
      runs.push(r);
      const { write_back: w, inbound: i } = r;
      const cells = [
        w.writes_per_s.toFixed(1),
        w.share_of_limit.toFixed(3),
        w.write_seconds,
        w.rate_limited,
        w.write_failures,
        w.listed_per_s,
        i.customers_per_s,
        r.vouch_peak_rss_mb,
      ];
      console.log(`${r.latency_ms.padEnd(12)} ${cells.map((c) => String(c).padStart(9)).join(' ')}`);
      for (const line of r.vouch_log_samples) console.log(`  vouch log: ${line}`);
    }
  }
  console.log('\nshare of the limit (write-back writes/s / limit), min to max over rounds:');
  for (const latency of latencies) {
    const mine = runs.filter((r) => r.latency_ms === latency.label);
    const shares = mine.map((r) => r.write_back.share_of_limit);
    const limited = mine.map((r) => r.write_back.rate_limited + r.inbound.rate_limited);
    const loop = mine.map((r) => r.write_back.emulator_loop_delay_max_ms);
    console.log(
      `  ${latency.label.padEnd(12)} ${range(shares, 3)}; 429s ${range(limited)}; ` +
        `emulator event loop delay max ${range(loop)} ms`,
    );
  }
  const runtime = Math.round((performance.now() - started) / 1000);
  console.log(`runtime ${runtime} s${pinned ? '' : ' (unpinned)'}`);
  console.log(JSON.stringify({ bench: 'sync', settings, runs, runtime_s: runtime }));
  // Every customer must be a referrer and show its link, written once: anything less is a bug.
  const complete = runs.every(
    ({ write_back: w, inbound: i }) =>
      w.written === customers &&
      w.customers_with_link === customers &&
      w.customer_updated_events === customers &&
      i.referrers_created === customers,
  );
  if (!complete) process.exitCode = 1;
}
