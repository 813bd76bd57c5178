/**
 * The analytics endpoints and the CSV export on Postgres, at the size the dashboard is built for: 10
 * campaigns, 20,000 referrers, 1,000,000 clicks (500,000 hourly rows), 100,000 leads over 90 days (a quarter
 * qualified), 55,000 referred Stripe customers with 80,000 payments and 5,000 refunds, 20,000 rewards issued.
 * The data is made set-based (INSERT ... SELECT generate_series) in a database of its own, created and dropped
 * by the run; payments and refunds go through the same triggers as in production, which keep the revenue day
 * totals; the click day totals are added up as the migration does.
 *
 * Each endpoint is asked `ROUNDS` times through the real app (Fastify's inject, the API key checked, no
 * network), after 3 warm-up requests, and its p50 and p95 are printed beside two baselines measured in the
 * same run on the same pool: `select 1` (one round trip) and `select count(*) from leads` (a plain count over
 * the leads). Then campaigns of 10,000 and 100,000 leads are exported as CSV over a real socket, read as
 * they stream, with the process's resident memory sampled every 20 ms: rows a second, and the peak against
 * the memory before each export (flat: the larger export needs no more than the smaller).
 *
 * `node --import tsx bench/analytics.ts [rounds]` (default 40). VOUCH_BENCH_DATABASE_URL names the Postgres
 * server (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pino from 'pino';
import { openPostgres } from '../src/db/database.js';
import { loadMigrations, migrate } from '../src/db/migrate.js';
import { buildApp } from '../src/http/app.js';
import { apiKeysService } from '../src/services/api-keys.js';
import { createBenchDatabase } from './lib/bench-database.js';
import { percentile } from './lib/measure.js';
import { printSettings } from './lib/settings.js';

const ROUNDS = Number(process.argv[2] ?? 40);
const SERVER = process.env.VOUCH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const EXPORT_LEADS = 100_000;

const settings = printSettings('analytics', { rounds: ROUNDS, server: new URL(SERVER).host });
const bench = await createBenchDatabase(SERVER, `vouch_bench_analytics_${randomBytes(4).toString('hex')}`);
const database = openPostgres(bench.url, 10);

async function timed(label: string, statement: string): Promise<void> {
  const start = performance.now();
  await database.exec(statement);
  console.log(`  ${label}: ${Math.round(performance.now() - start)} ms`);
}

async function seed(): Promise<void> {
  await migrate(database);
  console.log('seeding');
  await timed(
    'campaigns, referrers',
    `insert into connections (id, name, method, mode, stripe_account_id, default_currency, secret_key_sealed,
       key_last4, webhook_setup) values ('conn_b', 'Bench', 'api_key', 'test', 'acct_b', 'usd', 'x', '4242', 'manual');
     insert into campaigns (id, name, status, connection_id)
       select 'cmp_b' || i, 'Campaign ' || i, 'live', 'conn_b' from generate_series(0, 9) as i;
     insert into referrers (id, campaign_id, email, email_normalized, first_name, source, slug, created_at)
       select 'rfr_b' || lpad(i::text, 7, '0'), 'cmp_b' || (i % 10), 'r' || i || '@example.com',
         'r' || i || '@example.com', 'R' || i, 'api', 'b' || i, now() - (i % 2160) * interval '1 hour'
       from generate_series(0, 19999) as i;`,
  );
  await timed(
    '1,000,000 clicks (500,000 hourly rows) and their day totals',
    `insert into clicks (referrer_id, campaign_id, hour, count)
       select 'rfr_b' || lpad(r::text, 7, '0'), 'cmp_b' || (r % 10),
         date_trunc('hour', now()) - ((r * 13 + k * 97) % 2160) * interval '1 hour', 2
       from generate_series(0, 19999) as r, generate_series(0, 24) as k;
     insert into click_days (campaign_id, day, clicks)
       select campaign_id, (hour at time zone 'UTC')::date, sum(count) from clicks group by 1, 2;`,
  );
  await timed(
    '100,000 leads',
    `insert into leads (id, campaign_id, referrer_id, email, email_normalized, source, status, referred_at,
       created_at, qualified_at)
       select 'lead_b' || lpad(i::text, 7, '0'), 'cmp_b' || (r % 10), 'rfr_b' || lpad(r::text, 7, '0'),
         'f' || i || '@example.com', 'f' || i || '@example.com', 'api',
         case when i % 4 = 0 then 'qualified' else 'pending' end, t, t,
         case when i % 4 = 0 then t + interval '1 day' end
       from (select i, (i * 7919) % 20000 as r, now() - (i % 8640) * interval '15 minutes' as t
             from generate_series(0, 99999) as i) as s;`,
  );
  await timed(
    '55,000 customer links, 80,000 payments, 5,000 refunds (revenue day totals by trigger)',
    `insert into customer_links (connection_id, customer_id, lead_id, how)
       select 'conn_b', 'cus_' || i, 'lead_b' || lpad(i::text, 7, '0'), 'created' from generate_series(0, 54999) as i;
     insert into payments (connection_id, charge_id, customer_id, amount, currency, settled_amount, status,
       created_at, observed_at)
       select 'conn_b', 'ch_' || j, 'cus_' || (j % 55000), 1000 + (j % 50) * 100,
         case when j % 5 = 0 then 'eur' else 'usd' end, 1000 + (j % 50) * 100, 'succeeded',
         now() - (j % 2160) * interval '1 hour', 1
       from generate_series(0, 79999) as j;
     insert into refunds (connection_id, refund_id, charge_id, amount, settled_amount, status, created_at, observed_at)
       select 'conn_b', 're_' || j, 'ch_' || (j * 16), 500, 500, 'succeeded', now() - (j % 1000) * interval '1 hour', 1
       from generate_series(0, 4999) as j;`,
  );
  await timed(
    '20,000 rewards issued',
    `insert into rewards (id, campaign_id, lead_id, referrer_id, recipient, connection_id, kind, amount, currency,
       status, issue_after, issued_at)
       select 'rwd_' || l.id, l.campaign_id, l.id, l.referrer_id, 'referrer', 'conn_b', 'balance_credit', 1500,
         'usd', 'issued', l.qualified_at, l.qualified_at
       from leads l where l.status = 'qualified' and l.id < 'lead_b0080000';`,
  );
  // What autovacuum does after such a load: statistics, and the visibility map index-only scans rely on.
  await timed('vacuum analyze', 'vacuum analyze');
}

await seed();
if (process.env.VOUCH_BENCH_SEED_ONLY) {
  console.log(`seeded ${bench.url}; drop it when done`);
  await database.close();
  process.exit(0);
}
const apiKeys = apiKeysService(database);
const app = await buildApp({
  database,
  logger: pino({ level: 'silent' }),
  apiKeys,
  publicUrl: 'http://vouch.bench',
  bodyLimit: 1024 * 1024,
  expectedMigration: loadMigrations().at(-1)!.version,
});
await app.ready();
const key = (await apiKeys.create({ name: 'bench', kind: 'secret' })).secret;

type Row = { case: string; p50_ms: number; p95_ms: number; p95_vs_count: number; p95_vs_select1: number };

async function sample(run: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

const query = (statement: string) => async () => {
  await sql.raw(statement).execute(database.db);
};
const get = (url: string) => async () => {
  const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
};

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
const last90 = `from=${day(89)}&to=${day(0)}`;
const year = `from=${day(365)}&to=${day(0)}`;
const cases: [string, () => Promise<void>][] = [
  ['summary, all campaigns, 90 days', get(`/v1/analytics/summary?${last90}`)],
  ['summary, one campaign, 90 days', get(`/v1/analytics/summary?campaign_id=cmp_b3&${last90}`)],
  ['timeseries by day, all, 90 days', get(`/v1/analytics/timeseries?${last90}`)],
  ['timeseries by day, one, 90 days', get(`/v1/analytics/timeseries?campaign_id=cmp_b3&${last90}`)],
  ['timeseries by week, all, 366 days', get(`/v1/analytics/timeseries?interval=week&${year}`)],
  ['top referrers, all, 90 days', get(`/v1/analytics/top_referrers?${last90}`)],
  ['top referrers, one, 90 days', get(`/v1/analytics/top_referrers?campaign_id=cmp_b3&${last90}`)],
];

const select1 = await sample(query('select 1'));
const count = await sample(query('select count(*) from leads'));
const p = (times: number[], q: number) => Math.round(percentile(times, q) * 10) / 10;
const rows: Row[] = [];
const row = (name: string, times: number[]) => {
  rows.push({
    case: name,
    p50_ms: p(times, 50),
    p95_ms: p(times, 95),
    p95_vs_count: Math.round((percentile(times, 95) / percentile(count, 95)) * 100) / 100,
    p95_vs_select1: Math.round(percentile(times, 95) / percentile(select1, 95)),
  });
};
row('baseline: select 1', select1);
row('baseline: select count(*) from leads', count);
for (const [name, run] of cases) row(name, await sample(run));
console.table(rows);

// The export: campaigns of their own with 10,000 and 100,000 leads, each read over a socket as it streams.
// Flat memory means the larger export peaks no higher above the memory before it than the smaller one does.
const SIZES = [EXPORT_LEADS / 10, EXPORT_LEADS];
for (const size of SIZES) {
  await timed(
    `${size.toLocaleString()} leads to export`,
    `insert into campaigns (id, name, status) values ('cmp_export${size}', 'Export', 'live');
     insert into referrers (id, campaign_id, email, email_normalized, first_name, source, slug)
       values ('rfr_export${size}', 'cmp_export${size}', 'x@example.com', 'x@example.com', 'X', 'api', 'export${size}');
     insert into leads (id, campaign_id, referrer_id, email, email_normalized, first_name, last_name, source,
       referred_at, created_at)
       select 'lead_x${size}_' || lpad(i::text, 7, '0'), 'cmp_export${size}', 'rfr_export${size}',
         'friend' || i || '@example.com', 'friend' || i || '@example.com', 'Friend', 'Number ' || i, 'api', now(), now()
       from generate_series(1, ${size}) as i;`,
  );
  await database.exec('vacuum analyze leads');
}
const address = await app.listen({ host: '127.0.0.1', port: 0 });
const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

async function exportOnce(size: number) {
  await new Promise((r) => setTimeout(r, 500));
  const idleRss = process.memoryUsage().rss;
  let peakRss = idleRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const start = performance.now();
  const res = await fetch(`${address}/v1/campaigns/cmp_export${size}/leads/export`, {
    headers: { authorization: `Bearer ${key}` },
  });
  let lines = 0;
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const b of chunk) if (b === 10) lines++;
  }
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  const exported = lines - 1;
  if (exported !== size) {
    console.error(`exported ${exported} rows, expected ${size}`);
    process.exitCode = 1;
  }
  return {
    rows: exported,
    seconds: Math.round(seconds * 100) / 100,
    rows_per_s: Math.round(exported / seconds),
    mb: mb(bytes),
    rss_before_mb: mb(idleRss),
    peak_rss_mb: mb(peakRss),
    peak_over_before_mb: mb(peakRss - idleRss),
  };
}

// A first small export warms the code paths up, so neither measured one pays for that.
await exportOnce(SIZES[0]!);
const exports = [];
for (const size of SIZES) exports.push(await exportOnce(size));
console.table(exports);
await app.close();
await database.close();
await bench.drop();
console.log(JSON.stringify({ bench: 'analytics', settings, endpoints: rows, exports }));
