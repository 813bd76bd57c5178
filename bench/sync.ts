/**
 * The customer sync on the built CLI against Postgres, with the Stripe emulator in this process:
 * 1. Write-back: every emulated customer synced into a campaign and its referral link written back, with the
 *    emulator limiting requests to `limit` a second and Vouch's budget (STRIPE_RATE_LIMIT_TEST) set to the same
 *    limit. Baseline: the limit itself; the achieved write rate is reported as a share of it, with the 429s
 *    the emulator answered (failed requests) and Vouch's peak memory as the customer count grows.
 * 2. Inbound: the same customers into a second campaign with `write_back: false`, in customers a second,
 *    against the emulator's own list throughput (no limit, one page after another, from this process).
 * Customers are seeded through the SDK before the limit is set, on a clock 60 days behind, so that they and
 * their `customer.created` events are as old as an existing account's: outside the window Vouch's event
 * reconciliation reads after connecting.
 * Run `npm run build` first, then `node --import tsx bench/sync.ts`. SYNC_BENCH_CUSTOMERS (100000) and
 * SYNC_BENCH_RATE_LIMIT (100) change the size; VOUCH_BENCH_DATABASE_URL another Postgres server;
 * VOUCH_BENCH_VERBOSE=1 prints progress on stderr.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import Stripe from 'stripe';
import { type EmulatorHandle, startEmulator } from '../emulator/index.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const KEY = `vch_sk_${'s'.repeat(40)}`;
const PORT = 39_931;
const BASE = `http://127.0.0.1:${PORT}`;
/** How far back the seeded customers were created. */
const SEED_AGE_MS = 60 * 86_400_000;
/** Shares of the customers at which Vouch's peak memory is read. */
const CHECKPOINTS = [0.25, 0.5, 1];

/** As in bench/webhooks.ts: Vouch on CPU 0, this process (emulator, polling) on CPU 1. */
const pinned = spawnSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' }).status === 0;
const onCpu0 = (args: string[]): [string, string[]] =>
  pinned ? ['taskset', ['-c', '0', process.execPath, ...args]] : [process.execPath, args];

export type SyncBenchOptions = { postgresUrl?: string; customers?: number; rateLimit?: number };

/** Vouch's peak resident memory (VmHWM) when a share of the customers had been listed or written. */
export type MemoryCheckpoint = { customers: number; peak_rss_mb: number };

export type WriteBackResult = {
  seconds: number;
  listing_seconds: number;
  listed_per_s: number;
  written: number;
  write_failures: number;
  /** First to last write-back done, from the rows' `done_at`. */
  write_seconds: number;
  writes_per_s: number;
  /** writes_per_s over the emulator's limit: the target is at least 0.95. */
  ratio_to_limit: number;
  /** What GET /v1/syncs/:id said when the sync completed. */
  vouch_writes_per_s: number | null;
  /** Requests the emulator answered 429 during the phase. */
  rate_limited: number;
  listed_memory: MemoryCheckpoint[];
  written_memory: MemoryCheckpoint[];
  /** Customers in the emulator whose metadata shows their referral link, and customer.updated events. */
  customers_with_link: number;
  customer_updated_events: number;
  vouch_cpu_pct: number;
  /**
   * The emulator's event loop (this process) over the phase, p99 and max ms: a request waiting there is
   * counted late by the emulator's limit, as if it had arrived late.
   */
  emulator_loop_delay_p99_ms: number;
  emulator_loop_delay_max_ms: number;
};

export type InboundResult = {
  seconds: number;
  customers_per_s: number;
  referrers_created: number;
  /** Highest VmRSS sampled during the phase. */
  peak_rss_mb: number;
  rate_limited: number;
  vouch_cpu_pct: number;
};

export type SyncBenchResult = {
  customers: number;
  rate_limit: number;
  seed_seconds: number;
  /** The emulator's own list throughput: all customers read 100 a page, one page after another, no limit. */
  list_customers_per_s: number;
  write_back: WriteBackResult;
  inbound: InboundResult;
  vouch_idle_rss_mb: number;
  vouch_peak_rss_mb: number;
  /** When Vouch's resident memory was highest (sampled every 100 ms), in seconds from its start. */
  vouch_peak_rss_at_s: number;
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

const verbose = process.env.VOUCH_BENCH_VERBOSE === '1';
const progress = (message: string) => {
  if (verbose) console.error(`[sync ${new Date().toISOString().slice(11, 23)}] ${message}`);
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (kb: number) => Math.round(kb / 1024);

/** VmRSS and VmHWM (peak) of a process, in kB. */
function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

/** user + system CPU seconds of a process (Linux clock ticks are 100 a second). */
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

async function runConcurrent(total: number, concurrency: number, task: (i: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < total) await task(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

type Json = Record<string, unknown>;
type Vouch = { child: ChildProcess; logs: string[]; lines: () => number };

async function api(method: string, path: string, body?: object): Promise<Json> {
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: { authorization: `Bearer ${KEY}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as Json;
}

async function startVouch(env: NodeJS.ProcessEnv): Promise<Vouch> {
  const taken = await fetch(`${BASE}/readyz`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${PORT} is in use (a Vouch left over from an interrupted run?)`);
  const child = spawn(...onCpu0(['dist/src/cli/main.js', 'start']), {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // LOG_LEVEL=warn: every line is a warning or an error; the first few are reported.
  const logs: string[] = [];
  let lines = 0;
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      lines++;
      if (logs.length < 20) logs.push(line.slice(0, 400));
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`vouch exited with ${child.exitCode}: ${logs.join('\n')}`);
    try {
      if ((await fetch(`${BASE}/readyz`)).status === 200) return { child, logs, lines: () => lines };
    } catch {}
    await sleep(50);
  }
  throw new Error('vouch did not come up');
}

/** Creates the customers through the SDK, with this process's clock (so the emulator's) `SEED_AGE_MS` behind. */
async function seed(stripe: Stripe, count: number): Promise<number> {
  const realNow = Date.now;
  Date.now = () => realNow() - SEED_AGE_MS;
  const started = performance.now();
  try {
    await runConcurrent(count, 32, async (i) => {
      await stripe.customers.create({
        name: `Person${i} Surname${i}`,
        email: `person${i}@example.com`,
        metadata: { plan: i % 3 === 0 ? 'pro' : 'basic' },
      });
    });
  } finally {
    Date.now = realNow;
  }
  return (performance.now() - started) / 1000;
}

/** Reads every customer 100 a page, one page after another; returns how many and the seconds it took. */
async function listAll(stripe: Stripe, keep?: (c: Stripe.Customer) => boolean) {
  const started = performance.now();
  let seen = 0;
  let kept = 0;
  for await (const c of stripe.customers.list({ limit: 100 })) {
    seen++;
    if (keep?.(c)) kept++;
  }
  return { seen, kept, seconds: (performance.now() - started) / 1000 };
}

type SyncView = {
  status: string;
  last_error: string | null;
  started_at: string;
  listing_done_at: string | null;
  finished_at: string | null;
  progress: {
    customers_seen: number;
    referrers_created: number;
    written_back: number;
    write_failures: number;
    writes_waiting: number;
    writes_per_second: number | null;
  };
};

/**
 * Polls a sync until it is no longer running (or `deadline`), reading Vouch's VmHWM whenever the customers
 * listed and written pass a checkpoint, and its VmRSS every 100 ms.
 */
async function follow(syncId: string, pid: number, customers: number, deadline: number) {
  const listed: MemoryCheckpoint[] = [];
  const written: MemoryCheckpoint[] = [];
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, memory(pid).rss);
  }, 100);
  const mark = (into: MemoryCheckpoint[], done: number) => {
    for (const share of CHECKPOINTS.slice(into.length)) {
      if (done < Math.round(share * customers)) break;
      into.push({ customers: Math.round(share * customers), peak_rss_mb: mb(memory(pid).hwm) });
    }
  };
  let lastLog = 0;
  try {
    for (;;) {
      const view = (await api('GET', `/v1/syncs/${syncId}`)) as unknown as SyncView;
      mark(listed, view.progress.customers_seen);
      mark(written, view.progress.written_back);
      if (verbose && performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        const p = view.progress;
        progress(
          `${view.status}: seen ${p.customers_seen}, written ${p.written_back}, waiting ${p.writes_waiting}, ` +
            `rss ${mb(memory(pid).rss)} MB, hwm ${mb(memory(pid).hwm)} MB`,
        );
      }
      if (view.status !== 'running') return { view, listed, written, peakRssKb: peakRss };
      if (performance.now() > deadline) throw new Error(`sync ${syncId} still running at the deadline`);
      await sleep(250);
    }
  } finally {
    clearInterval(sampler);
  }
}

const seconds = (from: string, to: string | null) => (to ? (Date.parse(to) - Date.parse(from)) / 1000 : 0);

type Phase = {
  pid: number;
  emulator: EmulatorHandle;
  customers: number;
  limit: number;
  connectionId: string;
};

async function writeBackPhase(ctx: Phase, db: pg.Client, stripe: Stripe): Promise<WriteBackResult> {
  const { pid, emulator, customers, limit, connectionId } = ctx;
  const campaign = await api('POST', '/v1/campaigns', {
    name: 'Sync bench, write-back',
    status: 'live',
    connection_id: connectionId,
  });
  const limitedBefore = emulator.rateLimited();
  const cpuBefore = cpuSeconds(pid);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  const sync = await api('POST', `/v1/campaigns/${campaign.id}/syncs`, {
    kind: 'one_time',
    return: { referral_link: { to: 'metadata', key: 'referral_link' } },
  });
  // Listing at the limit, then writing at the limit; three times that and two minutes is a stuck sync.
  const expected = customers / (limit * 100) + customers / limit;
  const followed = await follow(sync.id as string, pid, customers, started + (3 * expected + 120) * 1000);
  loop.disable();
  const cpu = cpuSeconds(pid) - cpuBefore;
  const elapsed = (performance.now() - started) / 1000;
  const rateLimited = emulator.rateLimited() - limitedBefore;
  const { view } = followed;
  if (view.status !== 'completed')
    throw new Error(`write-back sync ended ${view.status}: ${view.last_error}`);
  const { rows } = await db.query<{ n: string; first: Date; last: Date }>(
    `select count(*) as n, min(done_at) as first, max(done_at) as last
       from sync_writes where sync_id = $1 and last_error is null`,
    [sync.id],
  );
  const w = rows[0]!;
  const writeSeconds = (w.last.getTime() - w.first.getTime()) / 1000;
  const writesPerS = (Number(w.n) - 1) / writeSeconds;
  // What the customers show now: read with the limit off, then set again for the next phase.
  emulator.setRateLimit(0);
  const check = await listAll(stripe, (c) => c.metadata?.referral_link?.startsWith(`${BASE}/r/`) ?? false);
  emulator.setRateLimit(limit);
  const listingSeconds = seconds(view.started_at, view.listing_done_at);
  return {
    seconds: Number(elapsed.toFixed(1)),
    listing_seconds: Number(listingSeconds.toFixed(1)),
    listed_per_s: Math.round(view.progress.customers_seen / listingSeconds),
    written: view.progress.written_back,
    write_failures: view.progress.write_failures,
    write_seconds: Number(writeSeconds.toFixed(1)),
    writes_per_s: Number(writesPerS.toFixed(2)),
    ratio_to_limit: Number((writesPerS / limit).toFixed(3)),
    vouch_writes_per_s: view.progress.writes_per_second,
    rate_limited: rateLimited,
    listed_memory: followed.listed,
    written_memory: followed.written,
    customers_with_link: check.kept,
    customer_updated_events: emulator.events().filter((e) => e.type === 'customer.updated').length,
    vouch_cpu_pct: Math.round((cpu / elapsed) * 100),
    emulator_loop_delay_p99_ms: Math.round(loop.percentile(99) / 1e6),
    emulator_loop_delay_max_ms: Math.round(loop.max / 1e6),
  };
}

async function inboundPhase(ctx: Phase): Promise<InboundResult> {
  const { pid, emulator, customers, connectionId } = ctx;
  const campaign = await api('POST', '/v1/campaigns', {
    name: 'Sync bench, inbound only',
    status: 'live',
    connection_id: connectionId,
  });
  const limitedBefore = emulator.rateLimited();
  const cpuBefore = cpuSeconds(pid);
  const started = performance.now();
  const sync = await api('POST', `/v1/campaigns/${campaign.id}/syncs`, {
    kind: 'one_time',
    write_back: false,
  });
  const followed = await follow(sync.id as string, pid, customers, started + 1_800_000);
  const cpu = cpuSeconds(pid) - cpuBefore;
  const elapsed = (performance.now() - started) / 1000;
  const { view } = followed;
  if (view.status !== 'completed') throw new Error(`inbound sync ended ${view.status}: ${view.last_error}`);
  const listing = seconds(view.started_at, view.listing_done_at);
  return {
    seconds: Number(listing.toFixed(1)),
    customers_per_s: Math.round(view.progress.customers_seen / listing),
    referrers_created: view.progress.referrers_created,
    peak_rss_mb: mb(followed.peakRssKb),
    rate_limited: emulator.rateLimited() - limitedBefore,
    vouch_cpu_pct: Math.round((cpu / elapsed) * 100),
  };
}

export async function runSyncBench(opts: SyncBenchOptions = {}): Promise<SyncBenchResult> {
  const postgresUrl = opts.postgresUrl ?? 'postgres://postgres@127.0.0.1:5432/test';
  const customers = opts.customers ?? 100_000;
  const limit = opts.rateLimit ?? 100;
  const loads: number[] = [];
  const loadSampler = setInterval(() => loads.push(loadavg()[0]!), 5000).unref();

  const name = `vouch_bench_sync_${process.pid}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const db = new pg.Client({ connectionString: url.toString(), application_name: 'vouch-bench' });
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
  const cleanups: Array<() => void> = [];
  const cleanup = () => {
    cleaning ??= (async () => {
      for (const stop of cleanups) stop();
      const child = vouch?.child;
      if (child && child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      await emulator.close();
      await db.end().catch(() => {});
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
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

    vouch = await startVouch({
      PATH: process.env.PATH,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATABASE_URL: url.toString(),
      VOUCH_SECRET: 's'.repeat(64),
      VOUCH_SANDBOX: 'off',
      STRIPE_API_BASE: emulator.url,
      STRIPE_RATE_LIMIT_TEST: String(limit),
      VOUCH_PUBLIC_URL: BASE,
      VOUCH_BOOTSTRAP_API_KEY: KEY,
      LOG_LEVEL: 'warn',
    });
    await db.connect();
    const pid = vouch.child.pid!;
    // taskset execs node in the same process, so the pid is Vouch's.
    const idle = memory(pid).rss;
    const vouchStarted = Date.now();
    let peak = { rss: idle, at: 0 };
    const peakSampler = setInterval(() => {
      const rss = memory(pid).rss;
      if (rss > peak.rss) peak = { rss, at: (Date.now() - vouchStarted) / 1000 };
    }, 100);
    cleanups.push(() => clearInterval(peakSampler));
    const connection = await api('POST', '/v1/stripe/connections', { api_key: 'sk_test_vouch_bench_sync' });
    const ctx: Phase = { pid, emulator, customers, limit, connectionId: connection.id as string };

    const writeBack = await writeBackPhase(ctx, db, stripe);
    progress(`write-back: ${writeBack.writes_per_s} writes/s, ${writeBack.rate_limited} 429s`);
    const inbound = await inboundPhase(ctx);
    progress(`inbound: ${inbound.customers_per_s} customers/s`);
    const { rows: jobs } = await db.query<{ started_on: Date | null; completed_on: Date | null }>(
      `select started_on, completed_on from pgboss.job
        where name = 'reconcile-stripe-events' and started_on is not null order by started_on`,
    );
    const since = (d: Date | null) => (d ? Math.round((d.getTime() - vouchStarted) / 1000) : null);
    return {
      customers,
      rate_limit: limit,
      seed_seconds: Number(seedSeconds.toFixed(1)),
      list_customers_per_s: Math.round(listed.seen / listed.seconds),
      write_back: writeBack,
      inbound,
      vouch_idle_rss_mb: mb(idle),
      vouch_peak_rss_mb: mb(memory(pid).hwm),
      vouch_peak_rss_at_s: Math.round(peak.at),
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
  const postgresUrl = process.env.VOUCH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const r = await runSyncBench({ postgresUrl, customers, rateLimit });
  const runtime = Math.round((performance.now() - started) / 1000);
  const { write_back: w, inbound: i } = r;
  const where = pinned ? ' (Vouch on CPU 0, emulator on CPU 1)' : '';
  const memoryLine = (points: MemoryCheckpoint[]) =>
    points.map((p) => `${p.customers.toLocaleString('en')}: ${p.peak_rss_mb} MB`).join(', ');

  console.log(`\nCustomer sync, ${customers} customers, emulator limit ${rateLimit} requests/s${where}`);
  console.log(
    `${'phase'.padEnd(34)} ${'per s'.padStart(9)} ${'x limit'.padStart(8)} ${'seconds'.padStart(8)} ${'429s'.padStart(6)}`,
  );
  console.log(
    `${'emulator limit (baseline)'.padEnd(34)} ${String(rateLimit).padStart(9)} ${'1.00'.padStart(8)} ${'-'.padStart(8)} ${'-'.padStart(6)}`,
  );
  console.log(
    `${'write-back, customers.update'.padEnd(34)} ${w.writes_per_s.toFixed(1).padStart(9)} ${w.ratio_to_limit.toFixed(3).padStart(8)} ${String(w.write_seconds).padStart(8)} ${String(w.rate_limited).padStart(6)}`,
  );
  console.log(
    `${'write-back sync, listing customers'.padEnd(34)} ${String(w.listed_per_s).padStart(9)} ${'-'.padStart(8)} ${String(w.listing_seconds).padStart(8)} ${'-'.padStart(6)}`,
  );
  console.log(
    `${'inbound only (write_back: false)'.padEnd(34)} ${String(i.customers_per_s).padStart(9)} ${'-'.padStart(8)} ${String(i.seconds).padStart(8)} ${String(i.rate_limited).padStart(6)}`,
  );
  console.log(
    `${'emulator list, no limit (reading)'.padEnd(34)} ${String(r.list_customers_per_s).padStart(9)} ${'-'.padStart(8)} ${'-'.padStart(8)} ${'-'.padStart(6)}`,
  );
  console.log(
    `write rate / limit: ${w.ratio_to_limit.toFixed(3)} (target >= 0.95); failed requests: ${w.rate_limited} 429s, ` +
      `${w.write_failures} write failures (target 0); emulator event loop delay p99 ${w.emulator_loop_delay_p99_ms} ms, ` +
      `max ${w.emulator_loop_delay_max_ms} ms; written ${w.written} of ${customers}, ` +
      `customers showing their link ${w.customers_with_link}, customer.updated events ${w.customer_updated_events}`,
  );
  console.log(
    `Vouch peak RSS (VmHWM; target < 300 MB, flat): idle ${r.vouch_idle_rss_mb} MB; customers listed ${memoryLine(w.listed_memory)}; ` +
      `written ${memoryLine(w.written_memory)}; inbound phase ${i.peak_rss_mb} MB`,
  );
  console.log(
    `inbound: ${i.customers_per_s} customers/s = ${(i.customers_per_s / r.list_customers_per_s).toFixed(2)} of the emulator's ` +
      `list throughput, ${(i.customers_per_s / (rateLimit * 100)).toFixed(2)} of the ${rateLimit * 100}/s the limit allows ` +
      `at 100 a page; Vouch CPU ${i.vouch_cpu_pct}% (write-back phase ${w.vouch_cpu_pct}%)`,
  );
  for (const line of r.vouch_log_samples) console.log(`  vouch log: ${line}`);
  console.log(
    `Vouch peak RSS ${r.vouch_peak_rss_mb} MB at ${r.vouch_peak_rss_at_s} s; event reconciliations (from-to s): ` +
      `${r.reconciliations.map(([a, b]) => `${a}-${b ?? '?'}`).join(', ') || 'none'}`,
  );
  console.log(
    `seeding ${r.seed_seconds} s; bench process (emulator) peak RSS ${r.bench_process_peak_rss_mb} MB; ` +
      `load average mean ${r.load_average.mean}, max ${r.load_average.max}; runtime ${runtime} s, vouch log lines (warn and above) ${r.vouch_log_lines}`,
  );
  console.log(JSON.stringify({ bench: 'sync', ...r, runtime_s: runtime }));
  // Every customer must be a referrer and show its link, written once: anything less is a bug.
  const complete =
    w.written === customers && w.customers_with_link === customers && i.referrers_created === customers;
  if (!complete || w.customer_updated_events !== customers) process.exitCode = 1;
}
