/**
 * Promotion codes for every referrer of a campaign, made by the built CLI against Postgres, with the Stripe
 * emulator in this process limiting requests to `limit` a second and Vouch's budget (STRIPE_RATE_LIMIT_TEST)
 * set to the same limit. Baseline: the limit itself; the rate at which codes were made (first to last, from
 * the rows' `updated_at`) is reported as a share of it, with the 429s the emulator answered (failed
 * requests). Runs once per emulator latency (default: answers at once, then after 250 to 400 ms, as
 * Stripe's take), each on a fresh database, emulator and Vouch.
 * Run `npm run build` first, then `node --import tsx bench/promotion-codes.ts`. CODES_BENCH_REFERRERS (5000),
 * CODES_BENCH_RATE_LIMIT (100), CODES_BENCH_LATENCY_MS (`0,250-400`) and CODES_BENCH_ROUNDS (1) change the
 * runs; VOUCH_BENCH_DATABASE_URL another Postgres server.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../emulator/index.js';
import { type LatencySetting, latencySettings } from './lib/latency.js';
import { printSettings, range } from './lib/settings.js';
import { benchDatabase, sleep, startVouch, VOUCH_CLI, type Vouch } from './lib/vouch-process.js';

const KEY = `vch_sk_${'c'.repeat(40)}`;
const PORT = 39_941;

export async function runPromotionCodesBench(opts: {
  postgresUrl: string;
  referrers: number;
  limit: number;
  latency: LatencySetting;
}) {
  const database = await benchDatabase(opts.postgresUrl, `vouch_bench_codes_${process.pid}`);
  // Vouch listens on this machine: the emulator delivers to it, as the sandbox does.
  const emulator = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    rateLimit: opts.limit,
    latencyMs: opts.latency.latencyMs,
    allowPrivateWebhookUrls: true,
  });
  let vouch: Vouch | undefined;
  try {
    vouch = await startVouch({
      port: PORT,
      key: KEY,
      databaseUrl: database.url,
      stripeApiBase: emulator.url,
      rateLimit: opts.limit,
    });
    const { api } = vouch;
    const connection = await api('POST', '/v1/stripe/connections', { api_key: 'sk_test_bench_codes' });
    const campaign = await api('POST', '/v1/campaigns', {
      name: 'Codes bench',
      status: 'live',
      connection_id: connection.id,
    });
    const rows = Array.from({ length: opts.referrers }, (_, i) => `p${i}@example.com,Person,CODE-${i}`);
    for (let i = 0; i < rows.length; i += 10_000)
      await api(
        'POST',
        `/v1/campaigns/${campaign.id}/referrers/import`,
        `email,first_name,referral_code\n${rows.slice(i, i + 10_000).join('\n')}\n`,
      );
    await api('POST', `/v1/campaigns/${campaign.id}/coupon`, { percent_off: 10 });
    // Let the connection's own start-up calls (webhook set-up, reconciliation) leave the last second.
    await sleep(1500);
    const limitedBefore = emulator.rateLimited();
    // The emulator's event loop (this process): a request waiting there is counted late, as if it had
    // arrived late.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const started = Date.now();
    await api('POST', `/v1/campaigns/${campaign.id}/promotion_codes`, {});
    let counts: Record<string, number> = {};
    for (;;) {
      const progress = await api('GET', `/v1/campaigns/${campaign.id}/promotion_codes/progress`);
      counts = progress.counts as Record<string, number>;
      if (counts.pending === 0) break;
      if (process.env.VOUCH_BENCH_VERBOSE)
        process.stderr.write(`${counts.active} made, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      await sleep(500);
    }
    loop.disable();
    const { rows: span } = await database.db.query<{ n: string; first: Date; last: Date }>(
      `select count(*) as n, min(updated_at) as first, max(updated_at) as last
         from promotion_codes where campaign_id = $1 and status = 'active'`,
      [campaign.id],
    );
    const s = span[0]!;
    const seconds = (s.last.getTime() - s.first.getTime()) / 1000;
    const perSecond = (Number(s.n) - 1) / seconds;
    return {
      latency_ms: opts.latency.label,
      referrers: opts.referrers,
      limit_per_s: opts.limit,
      seconds: Number(seconds.toFixed(1)),
      codes_made: emulator.events().filter((e) => e.type === 'promotion_code.created').length,
      active: counts.active ?? 0,
      failed: counts.failed ?? 0,
      codes_per_s: Number(perSecond.toFixed(2)),
      share_of_limit: Number((perSecond / opts.limit).toFixed(3)),
      failed_requests_429: emulator.rateLimited() - limitedBefore,
      emulator_loop_delay_p99_ms: Math.round(loop.percentile(99) / 1e6),
      emulator_loop_delay_max_ms: Math.round(loop.max / 1e6),
    };
  } finally {
    await vouch?.stop();
    await emulator.close();
    await database.drop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const referrers = Number(process.env.CODES_BENCH_REFERRERS ?? 5000);
  const limit = Number(process.env.CODES_BENCH_RATE_LIMIT ?? 100);
  const latencies = latencySettings(process.env.CODES_BENCH_LATENCY_MS);
  const rounds = Number(process.env.CODES_BENCH_ROUNDS ?? 1);
  const postgresUrl = process.env.VOUCH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const settings = printSettings('Promotion codes (bench/promotion-codes.ts)', {
    referrers,
    'rate limit /s': limit,
    'emulator latency': latencies.map((l) => l.label).join(', '),
    rounds,
    vouch: `${VOUCH_CLI}, Postgres, LOG_LEVEL=warn, default pool`,
  });
  console.log(
    '\n| latency | referrers | limit/s | seconds | codes made | codes/s | share of limit | 429s | failed codes |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const runs: Awaited<ReturnType<typeof runPromotionCodesBench>>[] = [];
  for (const latency of latencies) {
    for (let round = 0; round < rounds; round++) {
      const r = await runPromotionCodesBench({ postgresUrl, referrers, limit, latency });
      runs.push(r);
      console.log(
        `| ${r.latency_ms} | ${r.referrers} | ${r.limit_per_s} | ${r.seconds} | ${r.codes_made} | ${r.codes_per_s} | ${r.share_of_limit} | ${r.failed_requests_429} | ${r.failed} |`,
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
  console.log(JSON.stringify({ bench: 'promotion_codes', settings, runs }));
  if (runs.some((r) => r.codes_made !== referrers || r.failed > 0)) process.exitCode = 1;
}
