/**
 * Promotion codes for every referrer of a campaign, made by the built CLI against Postgres, with the Stripe
 * emulator in this process limiting requests to `limit` a second (Stripe's test mode allows 25) and Vouch's
 * budget (STRIPE_RATE_LIMIT_TEST) set to the same limit. Baseline: the limit itself; the rate at which codes
 * were made is reported as a share of it, with the 429s the emulator answered (failed requests).
 * Run `npm run build` first, then `node --import tsx bench/promotion-codes.ts`. CODES_BENCH_REFERRERS (5000)
 * and CODES_BENCH_RATE_LIMIT (25) change the size; VOUCH_BENCH_DATABASE_URL another Postgres server.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmulator } from '../emulator/index.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const KEY = `vch_sk_${'c'.repeat(40)}`;
const PORT = 39_941;
const BASE = `http://127.0.0.1:${PORT}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function api(method: string, path: string, body?: object | string): Promise<Record<string, unknown>> {
  const csv = typeof body === 'string';
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${KEY}`,
      ...(body ? { 'content-type': csv ? 'text/csv' : 'application/json' } : {}),
    },
    ...(body ? { body: csv ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

async function startVouch(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/src/cli/main.js', 'start'], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`vouch exited with ${child.exitCode}`);
    const ready = await fetch(`${BASE}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return child;
    await sleep(50);
  }
  throw new Error('vouch did not come up');
}

export async function runPromotionCodesBench(opts: {
  postgresUrl: string;
  referrers: number;
  limit: number;
}) {
  const name = `vouch_bench_codes_${process.pid}`;
  const admin = new pg.Client({ connectionString: opts.postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(opts.postgresUrl);
  url.pathname = `/${name}`;
  // Vouch listens on this machine: the emulator delivers to it, as the sandbox does.
  const emulator = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    rateLimit: opts.limit,
    allowPrivateWebhookUrls: true,
  });
  let vouch: ChildProcess | undefined;
  try {
    vouch = await startVouch({
      PATH: process.env.PATH,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATABASE_URL: url.toString(),
      VOUCH_SECRET: 'c'.repeat(64),
      VOUCH_SANDBOX: 'off',
      STRIPE_API_BASE: emulator.url,
      STRIPE_RATE_LIMIT_TEST: String(opts.limit),
      VOUCH_BOOTSTRAP_API_KEY: KEY,
      LOG_LEVEL: 'warn',
    });
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
    const seconds = (Date.now() - started) / 1000;
    const made = emulator.events().filter((e) => e.type === 'promotion_code.created').length;
    const perSecond = made / seconds;
    return {
      bench: 'promotion_codes',
      referrers: opts.referrers,
      limit_per_s: opts.limit,
      seconds: Number(seconds.toFixed(1)),
      codes_made: made,
      active: counts.active ?? 0,
      failed: counts.failed ?? 0,
      codes_per_s: Number(perSecond.toFixed(2)),
      share_of_limit: Number((perSecond / opts.limit).toFixed(3)),
      failed_requests_429: emulator.rateLimited() - limitedBefore,
    };
  } finally {
    if (vouch && vouch.exitCode === null) {
      vouch.kill('SIGTERM');
      await new Promise((r) => vouch!.once('exit', r));
    }
    await emulator.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await runPromotionCodesBench({
    postgresUrl: process.env.VOUCH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    referrers: Number(process.env.CODES_BENCH_REFERRERS ?? 5000),
    limit: Number(process.env.CODES_BENCH_RATE_LIMIT ?? 25),
  });
  console.log(
    '| referrers | limit/s | seconds | codes made | codes/s | share of limit | 429s | failed codes |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(
    `| ${result.referrers} | ${result.limit_per_s} | ${result.seconds} | ${result.codes_made} | ${result.codes_per_s} | ${result.share_of_limit} | ${result.failed_requests_429} | ${result.failed} |`,
  );
  console.log(JSON.stringify(result));
}
