/**
 * Qualification latency when Stripe cannot deliver webhooks (no public URL): the connection polls Stripe's
 * Events API. The built CLI on Postgres, the Stripe emulator in this process with Stripe's test-mode rate
 * limit (25 requests a second, 429 beyond), and Vouch's own budget at its default. Each friend's payment is
 * made through the emulator at a fixed rate; latency runs from the moment the payment returns to the lead's
 * `lead.qualified` domain event. Target: p99 under 5 s, no 429.
 * Run `npm run build` first, then `node --import tsx bench/polling.ts [leads] [payments/s]` (200, 10).
 * VOUCH_BENCH_DATABASE_URL names another Postgres server.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import Stripe from 'stripe';
import { startEmulator } from '../emulator/index.js';
import { freePort } from '../src/free-port.js';
import { onCpu0, printSettings } from './lib/settings.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const KEY = `vch_sk_${'p'.repeat(40)}`;
const STRIPE_TEST_LIMIT = 25;
const WAIT_MS = 15_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

const leads = Number(process.argv[2] ?? 200);
const rate = Number(process.argv[3] ?? 10);
const postgresUrl = process.env.VOUCH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const LOG_LEVEL = 'warn';
const server = new URL(postgresUrl);
const settings = printSettings('Qualification in polling mode (bench/polling.ts)', {
  leads,
  payments_per_s: rate,
  stripe_rate_limit: `${STRIPE_TEST_LIMIT} requests/s (test mode), 429 beyond`,
  vouch_request_budget: 'default',
  event_delivery: 'polling, every 2 s (the default)',
  log_level: LOG_LEVEL,
  database: `Postgres at ${server.hostname}:${server.port || 5432}, a database made for the run`,
  sandbox: 'off (the emulator runs in this process)',
});

const name = `vouch_bench_polling_${process.pid}`;
const admin = new pg.Client({ connectionString: postgresUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(postgresUrl);
url.pathname = `/${name}`;
const db = new pg.Client({ connectionString: url.toString() });
const emulator = await startEmulator({ host: '127.0.0.1', port: 0, rateLimit: STRIPE_TEST_LIMIT });
const stripe = new Stripe('sk_test_bench_polling_business', {
  host: '127.0.0.1',
  port: emulator.port,
  protocol: 'http',
  maxNetworkRetries: 5,
});
const port = await freePort('127.0.0.1');
const base = `http://127.0.0.1:${port}`;
let child: ChildProcess | undefined;

async function api(method: string, path: string, body?: object) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${KEY}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** The bench's own Stripe calls (the business and its customers) share the account's limit: wait it out. */
async function patiently<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeRateLimitError) || attempt > 20) throw error;
      await sleep(200);
    }
  }
}

const count = async (sql: string, params: unknown[] = []) =>
  Number((await db.query<{ n: string }>(sql, params)).rows[0]!.n);

try {
  child = spawn(...onCpu0(['dist/src/cli/main.js', 'start']), {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: url.toString(),
      VOUCH_SECRET: 'p'.repeat(64),
      VOUCH_SANDBOX: 'off',
      STRIPE_API_BASE: emulator.url,
      VOUCH_BOOTSTRAP_API_KEY: KEY,
      LOG_LEVEL,
    },
    stdio: 'ignore',
  });
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error('vouch did not come up');
    if (
      await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await sleep(50);
  }
  await db.connect();
  // Like Stripe, the emulator refuses a webhook endpoint on 127.0.0.1: Vouch polls.
  const connection = await api('POST', '/v1/stripe/connections', { api_key: 'sk_test_vouch_bench_polling' });
  if (connection.event_delivery !== 'polling') throw new Error(`not polling: ${JSON.stringify(connection)}`);
  const campaign = await api('POST', '/v1/campaigns', {
    name: 'Polling bench',
    status: 'live',
    connection_id: connection.id,
    qualification: { method: 'spend', target_amount: 1000, window_days: 30, refunds_unqualify: true },
  });
  const referrer = await api('POST', `/v1/campaigns/${campaign.id}/referrers`, {
    email: 'referrer@example.com',
    first_name: 'Ref',
  });
  const leadIds: string[] = [];
  for (let i = 0; i < leads; i++)
    leadIds.push(
      (
        await api('POST', `/v1/campaigns/${campaign.id}/leads`, {
          email: `friend${i}@example.com`,
          referrer: referrer.id,
        })
      ).id as string,
    );
  const customers: string[] = [];
  for (let i = 0; i < leads; i++) {
    customers.push((await patiently(() => stripe.customers.create({ email: `friend${i}@example.com` }))).id);
    await sleep(100);
  }
  const links = 'select count(*) as n from customer_links where lead_id is not null';
  for (let until = Date.now() + 120_000; (await count(links)) < leads; await sleep(200))
    if (Date.now() > until) throw new Error('customers were not linked within 2 minutes');
  // The set-up's own traffic is over: from here on, every 429 would be Vouch's (the payments stay at `rate`).
  await sleep(2000);
  const rateLimitedBefore = emulator.rateLimited();

  const paidAt: number[] = [];
  const started = performance.now();
  const payments: Promise<void>[] = [];
  for (let i = 0; i < leads; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    payments.push(
      stripe.paymentIntents
        .create({
          amount: 2000,
          currency: 'usd',
          customer: customers[i]!,
          payment_method: 'pm_card_visa',
          confirm: true,
        })
        .then(() => {
          paidAt[i] = Date.now();
        }),
    );
  }
  await Promise.all(payments);
  const qualified = new Map<string, number>();
  for (const until = Date.now() + WAIT_MS; qualified.size < leads && Date.now() < until; await sleep(100)) {
    const { rows } = await db.query<{ lead_id: string; created_at: Date }>(
      "select lead_id, created_at from domain_events where type = 'lead.qualified' and campaign_id = $1",
      [campaign.id],
    );
    for (const r of rows) qualified.set(r.lead_id, r.created_at.getTime());
  }
  const latencies = leadIds
    .map((id, i) => (qualified.has(id) ? qualified.get(id)! - paidAt[i]! : Number.POSITIVE_INFINITY))
    .sort((a, b) => a - b);
  const rateLimited = emulator.rateLimited() - rateLimitedBefore;
  const health = await api('GET', `/v1/stripe/connections/${connection.id}/health`);
  const result = {
    bench: 'polling',
    settings,
    leads,
    payments_per_s: rate,
    stripe_rate_limit: STRIPE_TEST_LIMIT,
    qualified: qualified.size,
    p50_ms: percentile(latencies, 50),
    p95_ms: percentile(latencies, 95),
    p99_ms: percentile(latencies, 99),
    max_ms: latencies.at(-1) ?? null,
    stripe_429s: rateLimited,
    event_delivery: (health.event_delivery as { mode: string }).mode,
  };
  const ms = (v: number) => (Number.isFinite(v) ? String(Math.round(v)) : `>${WAIT_MS}`);
  console.log(`\nQualification latency in polling mode, ${leads} friends paid at ${rate}/s`);
  console.log('p50 ms   p95 ms   p99 ms   max ms   qualified   Stripe 429s');
  console.log(
    `${ms(result.p50_ms).padStart(6)} ${ms(result.p95_ms).padStart(8)} ${ms(result.p99_ms).padStart(8)} ${ms(result.max_ms ?? Number.NaN).padStart(8)} ${`${result.qualified} of ${leads}`.padStart(11)} ${String(rateLimited).padStart(13)}`,
  );
  console.log('target: p99 < 5000 ms, no 429.');
  console.log(JSON.stringify(result));
  if (qualified.size !== leads || rateLimited > 0) process.exitCode = 1;
} finally {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child?.once('exit', r));
  }
  await emulator.close();
  await db.end().catch(() => {});
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
