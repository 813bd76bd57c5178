/**
 * Whether a sync's page stays responsive while a big sync runs: the built CLI on Postgres, the Stripe emulator
 * in this process. The page's API calls (the sync, its first page of skipped customers, the campaign's syncs)
 * are asked for together, as the dashboard does, again as soon as they are all answered (a page left open polls
 * once a second; this asks harder). Baseline: the same calls in the same run with no sync running, about the
 * campaign's finished dry run of the same customers (the same counts, the same skips). Then the real sync
 * (write-back on) runs and the same calls go on until it completes; the p95 during it over the baseline's p95
 * is the ratio reported, overall and while it reads customers or writes links back. What Vouch's database
 * connections were doing (pg_stat_activity sampled every 100 ms) is reported for the baseline and each phase.
 * Run `npm run build` first, then `node --import tsx bench/sync-page.ts`. SYNC_PAGE_BENCH_CUSTOMERS (100000),
 * SYNC_PAGE_BENCH_RATE_LIMIT (Vouch's budget, 100 a second as for a live account; the emulator sets none),
 * SYNC_PAGE_BENCH_BASELINE_S (20), SYNC_PAGE_BENCH_CPU_PROF a directory for Vouch's CPU profile (`--cpu-prof`),
 * VOUCH_BENCH_CLI another build, VOUCH_BENCH_DATABASE_URL another Postgres server; VOUCH_BENCH_VERBOSE=1 prints
 * progress on stderr (seeding, then every 10 s of the sync: counts and the page's recent p95).
 */
import { loadavg } from 'node:os';
import Stripe from 'stripe';
import { startEmulator } from '../emulator/index.js';
import { percentile } from './lib/measure.js';
import { sampleWaits, type WaitShare } from './lib/pg-activity.js';
import { printSettings } from './lib/settings.js';
import {
  benchDatabase,
  runConcurrent,
  sleep,
  startVouch,
  VOUCH_CLI,
  type Vouch,
} from './lib/vouch-process.js';

const KEY = `vch_sk_${'p'.repeat(40)}`;
const PORT = 39_941;
const SEED_AGE_MS = 60 * 86_400_000;
const verbose = process.env.VOUCH_BENCH_VERBOSE === '1';
const progress = (message: string) => {
  if (verbose) console.error(`[sync-page ${new Date().toISOString().slice(11, 23)}] ${message}`);
};

type Call = 'sync' | 'skips' | 'syncs';
type Samples = Record<Call, number[]>;
type Figures = { n: number; p50: number; p95: number; p99: number; max: number };

const empty = (): Samples => ({ sync: [], skips: [], syncs: [] });

/** Every 50th customer has no email: the sync skips it, so the skips list has pages to show. */
async function seed(stripe: Stripe, count: number): Promise<number> {
  const realNow = Date.now;
  // As old as an existing account's customers: outside the events Vouch reconciles after connecting.
  Date.now = () => realNow() - SEED_AGE_MS;
  const started = performance.now();
  try {
    await runConcurrent(count, 32, async (i) => {
      await stripe.customers.create({
        name: `Person${i} Surname${i}`,
        ...(i % 50 === 0 ? {} : { email: `person${i}@example.com` }),
      });
      if ((i + 1) % 10_000 === 0 && i + 1 < count)
        progress(`${i + 1} customers seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    });
  } finally {
    Date.now = realNow;
  }
  return (performance.now() - started) / 1000;
}

/** Asks the page's calls together, again and again, until `done()`; each call's time in ms by phase. */
async function pollPage(
  vouch: Vouch,
  campaignId: string,
  syncId: string,
  done: (sync: Record<string, unknown>) => boolean,
  onRound?: (sync: Record<string, unknown>, all: Samples) => void,
): Promise<{ listing: Samples; writing: Samples; all: Samples }> {
  const listing = empty();
  const writing = empty();
  const all = empty();
  const timed = async (call: Call, path: string) => {
    const started = performance.now();
    const body = await vouch.api('GET', path);
    return { call, ms: performance.now() - started, body };
  };
  for (;;) {
    const answers = await Promise.all([
      timed('sync', `/v1/syncs/${syncId}`),
      timed('skips', `/v1/syncs/${syncId}/skips?limit=20`),
      timed('syncs', `/v1/campaigns/${campaignId}/syncs?limit=20`),
    ]);
    const sync = answers[0].body;
    const phase = (sync.progress as { listing_done: boolean }).listing_done ? writing : listing;
    for (const a of answers) {
      all[a.call].push(a.ms);
      phase[a.call].push(a.ms);
    }
    onRound?.(sync, all);
    if (done(sync)) return { listing, writing, all };
  }
}

function figures(samples: number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Number(n.toFixed(1));
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

const merged = (s: Samples) => [...s.sync, ...s.skips, ...s.syncs];

async function main() {
  const customers = Number(process.env.SYNC_PAGE_BENCH_CUSTOMERS ?? 100_000);
  const rateLimit = Number(process.env.SYNC_PAGE_BENCH_RATE_LIMIT ?? 100);
  const baselineSeconds = Number(process.env.SYNC_PAGE_BENCH_BASELINE_S ?? 20);
  const postgresUrl = process.env.VOUCH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const cpuProfileDir = process.env.SYNC_PAGE_BENCH_CPU_PROF;
  const settings = printSettings("A sync's page during a sync (bench/sync-page.ts)", {
    customers,
    'Vouch budget /s': rateLimit,
    'baseline s': baselineSeconds,
    'CPU profile': cpuProfileDir,
    vouch: `${VOUCH_CLI}, Postgres, LOG_LEVEL=warn, default pool`,
    emulator: 'in the bench process, no limit, answers at once',
  });
  const loads: number[] = [];
  const loadSampler = setInterval(() => loads.push(loadavg()[0]!), 5000).unref();
  const database = await benchDatabase(postgresUrl, `vouch_bench_sync_page_${process.pid}`);
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0, allowPrivateWebhookUrls: true });
  const stripe = new Stripe('sk_test_bench_sync_page', {
    host: '127.0.0.1',
    port: emulator.port,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
  });
  let vouch: Vouch | undefined;
  try {
    const seedSeconds = await seed(stripe, customers);
    progress(`${customers} customers seeded in ${seedSeconds.toFixed(1)} s`);
    vouch = await startVouch({
      port: PORT,
      key: KEY,
      databaseUrl: database.url,
      stripeApiBase: emulator.url,
      rateLimit,
      ...(cpuProfileDir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] } : {}),
    });
    const connection = await vouch.api('POST', '/v1/stripe/connections', { api_key: 'sk_test_page_bench' });
    const campaign = await vouch.api('POST', '/v1/campaigns', {
      name: 'Sync page bench',
      status: 'live',
      connection_id: connection.id,
    });
    const campaignId = campaign.id as string;
    const finished = (s: Record<string, unknown>) => s.status !== 'running';

    // The dry run first: the baseline asks about it once it is done, with no sync running.
    const dry = await vouch.api('POST', `/v1/campaigns/${campaignId}/syncs`, { dry_run: true });
    while (!finished(await vouch.api('GET', `/v1/syncs/${dry.id}`))) await sleep(500);
    progress('dry run done');
    const baselineUntil = performance.now() + baselineSeconds * 1000;
    const stopBaselineWaits = sampleWaits(database.db, 'vouch', 100, 8);
    const baseline = await pollPage(
      vouch,
      campaignId,
      dry.id as string,
      () => performance.now() > baselineUntil,
    );
    const waits: Record<string, WaitShare[]> = { baseline: await stopBaselineWaits() };
    progress(`baseline: ${baseline.all.sync.length} rounds`);

    const startedAt = performance.now();
    const real = await vouch.api('POST', `/v1/campaigns/${campaignId}/syncs`, {});
    let stopWaits = sampleWaits(database.db, 'vouch', 100, 8);
    let reading = true;
    let reported = startedAt;
    let reportedRounds = 0;
    const during = await pollPage(vouch, campaignId, real.id as string, finished, (sync, all) => {
      const p = sync.progress as Record<string, number | boolean>;
      if (reading && p.listing_done) {
        reading = false;
        const stopReadingWaits = stopWaits;
        stopWaits = sampleWaits(database.db, 'vouch', 100, 8);
        void stopReadingWaits().then((w) => {
          waits.reading = w;
        });
        progress(
          `read ${p.customers_seen} customers in ${((performance.now() - startedAt) / 1000).toFixed(0)} s`,
        );
      }
      const now = performance.now();
      if (now - reported < 10_000) return;
      const recent = all.sync.slice(reportedRounds).sort((a, b) => a - b);
      progress(
        `${((now - startedAt) / 1000).toFixed(0)} s: ${p.customers_seen} read, ${p.written_back} written back, ${p.writes_waiting} waiting; ${recent.length} rounds, GET sync p95 ${percentile(recent, 95).toFixed(0)} ms, max ${(recent.at(-1) ?? 0).toFixed(0)} ms`,
      );
      reported = now;
      reportedRounds = all.sync.length;
    });
    const syncSeconds = (performance.now() - startedAt) / 1000;
    waits[reading ? 'reading' : 'writing'] = await stopWaits();
    const last = await vouch.api('GET', `/v1/syncs/${real.id}`);
    const p = last.progress as Record<string, number>;
    progress(`sync ${last.status} in ${syncSeconds.toFixed(0)} s`);
    if (last.status !== 'completed') throw new Error(`the sync ended ${last.status}: ${last.last_error}`);

    const base = figures(merged(baseline.all));
    const rows: Array<[string, Figures]> = [
      ['baseline (no sync)', base],
      ['during the sync', figures(merged(during.all))],
      ['  reading customers', figures(merged(during.listing))],
      ['  writing back', figures(merged(during.writing))],
      ['during: GET sync', figures(during.all.sync)],
      ['during: GET skips', figures(during.all.skips)],
      ['during: GET syncs', figures(during.all.syncs)],
      ['baseline: GET sync', figures(baseline.all.sync)],
      ['baseline: GET skips', figures(baseline.all.skips)],
      ['baseline: GET syncs', figures(baseline.all.syncs)],
    ];
    console.log(
      `\n${'calls'.padEnd(22)} ${['n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'p95 ratio'].map((h) => h.padStart(9)).join(' ')}`,
    );
    for (const [name, f] of rows)
      console.log(
        `${name.padEnd(22)} ${[f.n, f.p50, f.p95, f.p99, f.max, (f.p95 / base.p95).toFixed(2)].map((v) => String(v).padStart(9)).join(' ')}`,
      );
    const result = {
      bench: 'sync-page',
      settings,
      seed_seconds: Number(seedSeconds.toFixed(1)),
      sync_seconds: Number(syncSeconds.toFixed(1)),
      sync: {
        customers_seen: p.customers_seen,
        referrers_created: p.referrers_created,
        skipped: p.skipped,
        written_back: p.written_back,
      },
      baseline: base,
      during: figures(merged(during.all)),
      reading: figures(merged(during.listing)),
      writing: figures(merged(during.writing)),
      by_call: Object.fromEntries(
        (['sync', 'skips', 'syncs'] as const).map((c) => [
          c,
          { baseline: figures(baseline.all[c]), during: figures(during.all[c]) },
        ]),
      ),
      p95_ratio: Number((figures(merged(during.all)).p95 / base.p95).toFixed(2)),
      database_waits: waits,
      load_average: {
        mean: Number((loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length)).toFixed(2)),
        max: Math.max(0, ...loads),
      },
    };
    for (const [phase, shares] of Object.entries(waits)) {
      console.log(`\nVouch's active database connections, ${phase} (wait, query: share of samples)`);
      for (const w of shares) console.log(`  ${w.share.toFixed(2)}  ${w.what}`);
    }
    console.log(
      `\n${p.customers_seen} customers, ${p.referrers_created} referrers, ${p.skipped} skipped, ${p.written_back} written back in ${result.sync_seconds} s; p95 of the page's calls ${result.during.p95} ms during the sync, ${base.p95} ms without: ${result.p95_ratio}x`,
    );
    console.log(JSON.stringify(result));
  } finally {
    clearInterval(loadSampler);
    await vouch?.stop();
    await emulator.close();
    await database.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
