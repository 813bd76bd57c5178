/**
 * The customer sync bench's steps: seeding the emulator, reading it back, following a sync through Vouch's
 * API, and its two phases (write-back, then inbound only).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type pg from 'pg';
import type Stripe from 'stripe';
import type { EmulatorHandle, LatencyMs } from '../../emulator/index.js';
import { cpuSeconds, mb, memory, runConcurrent, sleep, type Vouch } from '../lib/vouch-process.js';

/** How far back the seeded customers were created. */
const SEED_AGE_MS = 60 * 86_400_000;
/** Shares of the customers at which Vouch's peak memory is read. */
const CHECKPOINTS = [0.25, 0.5, 1];

const verbose = process.env.VOUCH_BENCH_VERBOSE === '1';
export const progress = (message: string) => {
  if (verbose) console.error(`[sync ${new Date().toISOString().slice(11, 23)}] ${message}`);
};

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
  /** writes_per_s over the emulator's limit: the share of the limit the write-back used. */
  share_of_limit: number;
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

/** Creates the customers through the SDK, with this process's clock (so the emulator's) `SEED_AGE_MS` behind. */
export async function seed(stripe: Stripe, count: number): Promise<number> {
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
export async function listAll(stripe: Stripe, keep?: (c: Stripe.Customer) => boolean) {
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
async function follow(vouch: Vouch, syncId: string, customers: number, deadline: number) {
  const { pid } = vouch;
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
      const view = (await vouch.api('GET', `/v1/syncs/${syncId}`)) as unknown as SyncView;
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

export type Phase = {
  vouch: Vouch;
  emulator: EmulatorHandle;
  customers: number;
  limit: number;
  /** The emulator's answer delay during the phases. */
  latencyMs: LatencyMs;
  connectionId: string;
  /** Where Vouch's referral links point: a customer showing a link that starts here was written. */
  linkBase: string;
};

export async function writeBackPhase(ctx: Phase, db: pg.Client, stripe: Stripe): Promise<WriteBackResult> {
  const { vouch, emulator, customers, limit, connectionId } = ctx;
  const campaign = await vouch.api('POST', '/v1/campaigns', {
    name: 'Sync bench, write-back',
    status: 'live',
    connection_id: connectionId,
  });
  const limitedBefore = emulator.rateLimited();
  const cpuBefore = cpuSeconds(vouch.pid);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  const sync = await vouch.api('POST', `/v1/campaigns/${campaign.id}/syncs`, {
    kind: 'one_time',
    return: { referral_link: { to: 'metadata', key: 'referral_link' } },
  });
  // Listing at the limit, then writing at the limit; three times that and two minutes is a stuck sync.
  const expected = customers / (limit * 100) + customers / limit;
  const followed = await follow(vouch, sync.id as string, customers, started + (3 * expected + 120) * 1000);
  loop.disable();
  const cpu = cpuSeconds(vouch.pid) - cpuBefore;
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
  // What the customers show now: read with the limit and the latency off, then set again.
  emulator.setRateLimit(0);
  emulator.setLatency(0);
  const written = (c: Stripe.Customer) =>
    c.metadata?.referral_link?.startsWith(`${ctx.linkBase}/r/`) ?? false;
  const check = await listAll(stripe, written);
  emulator.setRateLimit(limit);
  emulator.setLatency(ctx.latencyMs);
  const listingSeconds = seconds(view.started_at, view.listing_done_at);
  return {
    seconds: Number(elapsed.toFixed(1)),
    listing_seconds: Number(listingSeconds.toFixed(1)),
    listed_per_s: Math.round(view.progress.customers_seen / listingSeconds),
    written: view.progress.written_back,
    write_failures: view.progress.write_failures,
    write_seconds: Number(writeSeconds.toFixed(1)),
    writes_per_s: Number(writesPerS.toFixed(2)),
    share_of_limit: Number((writesPerS / limit).toFixed(3)),
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

export async function inboundPhase(ctx: Phase): Promise<InboundResult> {
  const { vouch, emulator, customers, connectionId } = ctx;
  const campaign = await vouch.api('POST', '/v1/campaigns', {
    name: 'Sync bench, inbound only',
    status: 'live',
    connection_id: connectionId,
  });
  const limitedBefore = emulator.rateLimited();
  const cpuBefore = cpuSeconds(vouch.pid);
  const started = performance.now();
  const sync = await vouch.api('POST', `/v1/campaigns/${campaign.id}/syncs`, {
    kind: 'one_time',
    write_back: false,
  });
  const followed = await follow(vouch, sync.id as string, customers, started + 1_800_000);
  const cpu = cpuSeconds(vouch.pid) - cpuBefore;
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
