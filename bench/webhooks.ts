/**
 * Stripe webhooks on the built CLI against Postgres, with the Stripe emulator in this process:
 * 1. End-to-end qualification latency: each friend's payment made through the emulator at a fixed rate, from
 *    the moment `paymentIntents.create` returns to the lead's `lead.qualified` domain event.
 * 2. Durable ingest: signed `customer.updated` events with distinct ids sent to `POST /webhooks/stripe/:id`
 *    at 64 connections, every 200 checked afterwards to be a row in `stripe_events`; against raw single-row
 *    inserts of the same payloads into the same Postgres from a 64-client `pg.Pool`, in the same run.
 * Latency runs first, on an idle queue: the ingest phase leaves its events' processing behind it.
 * Run `npm run build` first, then `node --import tsx bench/webhooks.ts [events] [leads] [payments/s]`
 * (40000, 500, 100). Set VOUCH_BENCH_DATABASE_URL for another Postgres server, and VOUCH_BENCH_VERBOSE=1 for
 * progress on stderr.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import Stripe from 'stripe';
import { type EmulatorHandle, startEmulator } from '../emulator/index.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const KEY = `vch_sk_${'w'.repeat(40)}`;
const PORT = 39_921;
const BASE = `http://127.0.0.1:${PORT}`;
const WEBHOOK_SECRET = `whsec_bench${'w'.repeat(24)}`;
/** How long after the last payment returned the bench waits for the last lead to qualify. */
const WAIT_MS = 10_000;

/** As in bench/redirect.ts: Vouch on CPU 0, this process (load, emulator, pg clients) on CPU 1. */
const pinned = spawnSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' }).status === 0;
const onCpu0 = (args: string[]): [string, string[]] =>
  pinned ? ['taskset', ['-c', '0', process.execPath, ...args]] : [process.execPath, args];

export type WebhooksBenchOptions = {
  postgresUrl?: string;
  /** Signed events sent to Vouch, and rows inserted by the raw baseline. */
  events?: number;
  connections?: number;
  /** Friends paid in the latency phase, one payment each. */
  leads?: number;
  paymentsPerSecond?: number;
};

export type IngestResult = {
  events: number;
  connections: number;
  seconds: number;
  events_per_s: number;
  ok_200: number;
  duplicates: number;
  non_2xx: number;
  errors: number;
  p50_ms: number;
  p99_ms: number;
  rows_in_stripe_events: number;
  /** CPU time of the Vouch process over the phase, in % of one core. */
  vouch_cpu_pct: number;
  /** CPU time of this process (the load generator) over the phase, in % of one core. */
  load_cpu_pct: number;
  /** Transactions committed in Vouch's database per second over the phase (all of Vouch's work). */
  commits_per_s: number;
  /** What Vouch's database sessions were doing, sampled every 50 ms: share of active sessions. */
  db_waits: { what: string; share: number }[];
  raw_rows_per_s: number;
  raw_seconds: number;
  ratio: number;
};

export type LatencyResult = {
  leads: number;
  payments_per_s_target: number;
  payments_per_s_achieved: number;
  payments_ok: number;
  link_seconds: number;
  qualified: number;
  wait_ms: number;
  /** Percentiles over all paid leads; null where they fall on a lead not qualified when the wait ended. */
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
  /** Leads qualified within the 250 ms target. */
  within_250_ms: number;
  /** What a lead not qualified had waited at least, when the wait ended (the shortest such wait). */
  not_qualified_after_ms: number | null;
  /** The payments' events (charge.succeeded, payment_intent.succeeded) received and applied per second. */
  events_received_per_s: number;
  /** Where the time goes, per payment's charge.succeeded: payment returned to event in the inbox, inbox to applied. */
  delivery_p50_ms: number;
  delivery_p99_ms: number;
  apply_p50_ms: number;
  apply_p99_ms: number;
  events_applied_per_s: number;
  events_unprocessed_at_end: number;
  webhook_retries: number;
};

export type WebhooksBenchResult = {
  latency: LatencyResult;
  ingest: IngestResult;
  vouch_log_lines: number;
  vouch_log_samples: string[];
};

const verbose = process.env.VOUCH_BENCH_VERBOSE === '1';
const progress = (message: string) => {
  if (verbose) console.error(`[webhooks ${new Date().toISOString().slice(11, 23)}] ${message}`);
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Nearest-rank percentile of an ascending list. */
const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function runConcurrent(total: number, concurrency: number, task: (i: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < total) await task(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** user + system CPU seconds of a process (Linux clock ticks are 100 a second). */
const cpuSeconds = (pid: number) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
};

/** A `customer.updated` event as Stripe sends it: about 1 KB of JSON. */
function customerEvent(id: string, n: number, created: number): string {
  return JSON.stringify({
    id,
    object: 'event',
    api_version: '2026-10-28.endive',
    created,
    data: {
      object: {
        id: `cus_bench${n}`,
        object: 'customer',
        address: { city: 'Lyon', country: 'FR', line1: '1 rue de la Paix', postal_code: '69001' },
        balance: 0,
        created: created - 86_400,
        currency: 'usd',
        default_source: null,
        delinquent: false,
        description: 'Benchmark customer',
        email: `customer${n}@example.com`,
        invoice_prefix: 'BENCH01',
        invoice_settings: { custom_fields: null, default_payment_method: null, footer: null },
        livemode: false,
        metadata: { plan: 'pro', seats: '5', source: 'bench' },
        name: `Customer ${n}`,
        phone: '+33123456789',
        preferred_locales: ['fr', 'en'],
        shipping: null,
        tax_exempt: 'none',
        test_clock: null,
      },
      previous_attributes: { name: `Old name ${n}`, metadata: { plan: 'basic' } },
    },
    livemode: false,
    pending_webhooks: 1,
    request: { id: `req_bench${n}`, idempotency_key: null },
    type: 'customer.updated',
  });
}

type Json = Record<string, unknown>;
type Vouch = { child: ChildProcess; logs: string[]; lines: () => number };

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

/** Vouch's API over node:http; `from` is the loopback source address (lead sign-ups are limited per IP). */
function api(method: string, path: string, body?: object, from = '127.0.0.1'): Promise<Json> {
  const payload = body ? JSON.stringify(body) : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: PORT,
        path,
        method,
        agent,
        localAddress: from,
        headers: {
          authorization: `Bearer ${KEY}`,
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((res.statusCode ?? 500) >= 300)
            reject(new Error(`${method} ${path}: ${res.statusCode} ${text}`));
          else resolve(JSON.parse(text) as Json);
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function startVouch(env: NodeJS.ProcessEnv): Promise<Vouch> {
  const taken = await fetch(`${BASE}/readyz`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${PORT} is in use (a Vouch left over from an interrupted run?)`);
  // VOUCH_BENCH_NODE_ARGS: extra node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=prof`.
  const nodeArgs = (process.env.VOUCH_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(...onCpu0([...nodeArgs, 'dist/src/cli/main.js', 'start']), {
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

async function rawBaseline(url: string, rows: number, connections: number) {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  try {
    await pool.query('create table bench_raw (id text primary key, payload jsonb not null)');
    // All connections open before timing, as autocannon's are before its first request.
    await Promise.all(Array.from({ length: connections }, () => pool.query('select 1')));
    const now = Math.floor(Date.now() / 1000);
    const started = performance.now();
    await runConcurrent(rows, connections, async (i) => {
      const id = `evt_raw${String(i).padStart(8, '0')}`;
      await pool.query('insert into bench_raw (id, payload) values ($1, $2)', [
        id,
        customerEvent(id, i, now),
      ]);
    });
    const seconds = (performance.now() - started) / 1000;
    return { seconds, rowsPerS: rows / seconds };
  } finally {
    await pool.query('drop table if exists bench_raw').catch(() => {});
    await pool.end();
  }
}

/** Samples what Vouch's sessions wait on (pg_stat_activity) until stopped; returns shares, largest first. */
function sampleWaits(db: pg.Client) {
  const counts = new Map<string, number>();
  let total = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await db.query<{ wait: string | null; query: string }>(
        `select coalesce(wait_event_type || ':' || wait_event, 'running') as wait, query
           from pg_stat_activity where application_name = 'vouch' and state = 'active'`,
      );
      for (const r of rows) {
        const what = `${r.wait} ${r.query.replace(/\s+/g, ' ').trim().slice(0, 70)}`;
        counts.set(what, (counts.get(what) ?? 0) + 1);
        total++;
      }
      await sleep(50);
    }
  })();
  return async () => {
    running = false;
    await loop;
    return [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([what, n]) => ({ what, share: Number((n / total).toFixed(2)) }));
  };
}

async function ingest(connectionId: string, events: number, connections: number) {
  let next = 0;
  let duplicates = 0;
  let ok = 0;
  const started = performance.now();
  const result = await autocannon({
    url: BASE,
    connections,
    amount: events,
    requests: [
      {
        method: 'POST',
        path: `/webhooks/stripe/${connectionId}`,
        // Built for every request: a fresh event id, signed with a timestamp of now.
        setupRequest: (req) => {
          const n = next++;
          const id = `evt_bench${String(n).padStart(8, '0')}`;
          const payload = customerEvent(id, n, Math.floor(Date.now() / 1000));
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
          if ((JSON.parse(body) as { duplicate?: boolean }).duplicate) duplicates++;
        },
      },
    ],
  });
  return { result, seconds: (performance.now() - started) / 1000, ok, duplicates };
}

type LatencyContext = {
  db: pg.Client;
  stripe: Stripe;
  emulator: EmulatorHandle;
  connectionId: string;
  leadCount: number;
  rate: number;
};

/** Transactions committed in this database so far (the statistics lag by up to half a second). */
async function commits(db: pg.Client): Promise<number> {
  await sleep(600);
  return count(db, 'select xact_commit as n from pg_stat_database where datname = current_database()');
}

async function count(db: pg.Client, sql: string, params: unknown[] = []): Promise<number> {
  return Number((await db.query<{ n: string }>(sql, params)).rows[0]!.n);
}

async function qualificationLatency(ctx: LatencyContext): Promise<LatencyResult> {
  const { db, stripe, emulator, connectionId, leadCount, rate } = ctx;
  const campaign = await api('POST', '/v1/campaigns', {
    name: 'Webhooks bench',
    status: 'live',
    connection_id: connectionId,
    qualification: { method: 'spend', target_amount: 1000, window_days: 30, refunds_unqualify: true },
  });
  const campaignId = campaign.id as string;
  const referrer = await api('POST', `/v1/campaigns/${campaignId}/referrers`, {
    email: 'referrer@example.com',
    first_name: 'Ref',
  });
  // Sign-ups with the secret key are not rate-limited.
  const leadIds: string[] = [];
  await runConcurrent(leadCount, 8, async (i) => {
    const lead = await api(
      'POST',
      `/v1/campaigns/${campaignId}/leads`,
      { email: `friend${i}@example.com`, referrer: referrer.id },
      '127.0.0.1',
    );
    leadIds[i] = lead.id as string;
  });

  // One customer at a time, each waited for until linked, so the latency phase starts on an idle queue.
  const customerIds: string[] = [];
  const linkStarted = performance.now();
  for (let i = 0; i < leadCount; i++) {
    customerIds[i] = (await stripe.customers.create({ email: `friend${i}@example.com` })).id;
    const until = performance.now() + 10_000;
    const links = 'select count(*) as n from customer_links where connection_id = $1 and lead_id is not null';
    while ((await count(db, links, [connectionId])) <= i) {
      if (performance.now() > until) throw new Error(`customer ${i} was not linked within 10 s`);
      await sleep(2);
    }
  }
  const linkSeconds = (performance.now() - linkStarted) / 1000;
  progress(`${leadCount} customers linked in ${linkSeconds.toFixed(1)} s`);

  const retries = () => emulator.deliveries().reduce((n, d) => n + Math.max(0, d.attempts.length - 1), 0);
  const retriesBefore = retries();
  const t0: number[] = [];
  let paymentsOk = 0;
  const payStartedAt = Date.now();
  const payStarted = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < leadCount; i++) {
    const wait = payStarted + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(
      stripe.paymentIntents
        .create({
          amount: 2000,
          currency: 'usd',
          customer: customerIds[i]!,
          payment_method: 'pm_card_visa',
          confirm: true,
        })
        .then(
          () => {
            t0[i] = Date.now();
            paymentsOk++;
          },
          () => {},
        ),
    );
  }
  const paySeconds = (performance.now() - payStarted) / 1000;
  await Promise.all(inFlight);
  const payEndedAt = Date.now();
  progress(`${paymentsOk} payments in ${paySeconds.toFixed(1)} s`);

  const qualifiedAt = new Map<string, number>();
  const waitUntil = Date.now() + WAIT_MS;
  for (;;) {
    const { rows } = await db.query<{ lead_id: string; created_at: Date }>(
      "select lead_id, created_at from domain_events where type = 'lead.qualified' and campaign_id = $1",
      [campaignId],
    );
    for (const r of rows) qualifiedAt.set(r.lead_id, r.created_at.getTime());
    if (qualifiedAt.size >= leadCount || Date.now() > waitUntil) break;
    await sleep(100);
  }
  const waitEnded = Date.now();
  progress(`qualified ${qualifiedAt.size} of ${leadCount}`);

  // Not qualified when the wait ended: its latency is only known to be above what it had waited.
  const latencies = leadIds
    .map((id, i) => {
      const at = qualifiedAt.get(id);
      return at === undefined || t0[i] === undefined ? Number.POSITIVE_INFINITY : at - t0[i]!;
    })
    .sort((a, b) => a - b);
  const waitedAtLeast = leadIds
    .map((id, i) => (qualifiedAt.has(id) ? Number.POSITIVE_INFINITY : waitEnded - (t0[i] ?? payEndedAt)))
    .reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  // The payments' events: how many were applied by the time the last payment returned, and after the wait.
  const ofPayments = `from stripe_events where type in ('charge.succeeded', 'payment_intent.succeeded')`;
  const received = await count(db, `select count(*) as n ${ofPayments}`);
  const applied = await count(db, `select count(*) as n ${ofPayments} and processed_at <= $1`, [
    new Date(payEndedAt),
  ]);
  const unprocessed = await count(db, `select count(*) as n ${ofPayments} and processed_at is null`);
  const seconds = (payEndedAt - payStartedAt) / 1000;
  const paidAt = new Map(customerIds.map((c, i) => [c, t0[i]]));
  const { rows: charges } = await db.query<{
    customer: string;
    received_at: Date;
    processed_at: Date | null;
  }>(
    `select payload->'data'->'object'->>'customer' as customer, received_at, processed_at
       from stripe_events where type = 'charge.succeeded'`,
  );
  const delivery: number[] = [];
  const apply: number[] = [];
  for (const c of charges) {
    const paid = paidAt.get(c.customer);
    if (paid !== undefined) delivery.push(c.received_at.getTime() - paid);
    if (c.processed_at) apply.push(c.processed_at.getTime() - c.received_at.getTime());
  }
  delivery.sort((a, b) => a - b);
  apply.sort((a, b) => a - b);
  return {
    leads: leadCount,
    payments_per_s_target: rate,
    payments_per_s_achieved: Math.round((leadCount - 1) / paySeconds),
    payments_ok: paymentsOk,
    link_seconds: Number(linkSeconds.toFixed(1)),
    qualified: qualifiedAt.size,
    wait_ms: WAIT_MS,
    p50_ms: finite(percentile(latencies, 50)),
    p95_ms: finite(percentile(latencies, 95)),
    p99_ms: finite(percentile(latencies, 99)),
    max_ms: finite(latencies.at(-1) ?? Number.NaN),
    within_250_ms: latencies.filter((v) => v < 250).length,
    not_qualified_after_ms: finite(waitedAtLeast),
    events_received_per_s: Math.round(received / seconds),
    delivery_p50_ms: percentile(delivery, 50),
    delivery_p99_ms: percentile(delivery, 99),
    apply_p50_ms: percentile(apply, 50),
    apply_p99_ms: percentile(apply, 99),
    events_applied_per_s: Math.round(applied / seconds),
    events_unprocessed_at_end: unprocessed,
    webhook_retries: retries() - retriesBefore,
  };
}

export async function runWebhooksBench(opts: WebhooksBenchOptions = {}): Promise<WebhooksBenchResult> {
  const postgresUrl = opts.postgresUrl ?? 'postgres://postgres@127.0.0.1:5432/test';
  const events = opts.events ?? 40_000;
  const connections = opts.connections ?? 64;
  const leadCount = opts.leads ?? 500;
  const rate = opts.paymentsPerSecond ?? 100;

  const name = `vouch_bench_webhooks_${process.pid}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const db = new pg.Client({ connectionString: url.toString(), application_name: 'vouch-bench' });
  // Vouch listens on this machine: the emulator delivers to it, as the sandbox does.
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0, allowPrivateWebhookUrls: true });
  const stripe = new Stripe('sk_test_bench_business', {
    host: '127.0.0.1',
    port: emulator.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  let vouch: Vouch | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = () => {
    cleaning ??= (async () => {
      const child = vouch?.child;
      if (child && child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      agent.destroy();
      await emulator.close();
      await db.end().catch(() => {});
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    })();
    return cleaning;
  };
  // Interrupted: stop the server and drop the database rather than leave them behind.
  const interrupted = () => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    vouch = await startVouch({
      PATH: process.env.PATH,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATABASE_URL: url.toString(),
      VOUCH_SECRET: 'w'.repeat(64),
      VOUCH_SANDBOX: 'off',
      STRIPE_API_BASE: emulator.url,
      VOUCH_PUBLIC_URL: BASE,
      VOUCH_BOOTSTRAP_API_KEY: KEY,
      LOG_LEVEL: 'warn',
    });
    await db.connect();
    const connection = await api('POST', '/v1/stripe/connections', {
      api_key: 'sk_test_vouch_bench_webhooks',
    });
    const connectionId = connection.id as string;
    // The endpoint's own secret is returned to Vouch only; ours becomes current, and Stripe's stays valid.
    await api('POST', `/v1/stripe/connections/${connectionId}/webhook_secret`, { secret: WEBHOOK_SECRET });

    const latency = await qualificationLatency({ db, stripe, emulator, connectionId, leadCount, rate });
    const raw = await rawBaseline(url.toString(), events, connections);
    progress(`raw baseline: ${Math.round(raw.rowsPerS)} rows/s`);
    const cpuBefore = cpuSeconds(vouch.child.pid!);
    const loadBefore = process.cpuUsage();
    const commitsBefore = await commits(db);
    const stopSampling = sampleWaits(db);
    const run = await ingest(connectionId, events, connections);
    const dbWaits = await stopSampling();
    const cpu = cpuSeconds(vouch.child.pid!) - cpuBefore;
    const load = process.cpuUsage(loadBefore);
    const commitCount = (await commits(db)) - commitsBefore;
    progress(`ingest: ${run.ok} 200s in ${run.seconds.toFixed(1)} s`);
    const rows = await count(
      db,
      "select count(*) as n from stripe_events where connection_id = $1 and id like 'evt_bench%'",
      [connectionId],
    );
    const eventsPerS = run.ok / run.seconds;
    return {
      latency,
      ingest: {
        events,
        connections,
        seconds: Number(run.seconds.toFixed(2)),
        events_per_s: Math.round(eventsPerS),
        ok_200: run.ok,
        duplicates: run.duplicates,
        non_2xx: run.result.non2xx,
        errors: run.result.errors,
        p50_ms: run.result.latency.p50,
        p99_ms: run.result.latency.p99,
        rows_in_stripe_events: rows,
        vouch_cpu_pct: Math.round((cpu / run.seconds) * 100),
        load_cpu_pct: Math.round(((load.user + load.system) / 1e6 / run.seconds) * 100),
        commits_per_s: Math.round(commitCount / run.seconds),
        db_waits: dbWaits,
        raw_rows_per_s: Math.round(raw.rowsPerS),
        raw_seconds: Number(raw.seconds.toFixed(2)),
        ratio: Number((eventsPerS / raw.rowsPerS).toFixed(3)),
      },
      vouch_log_lines: vouch.lines(),
      vouch_log_samples: vouch.logs.slice(0, 5),
    };
  } finally {
    await cleanup();
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  const events = Number(process.argv[2] ?? 40_000);
  const leads = Number(process.argv[3] ?? 500);
  const paymentsPerSecond = Number(process.argv[4] ?? 100);
  const postgresUrl = process.env.VOUCH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const r = await runWebhooksBench({ postgresUrl, events, leads, paymentsPerSecond });
  const runtime = Math.round((performance.now() - started) / 1000);
  const { ingest: i, latency: l } = r;
  const ms = (v: number | null) => (v === null ? `>${l.not_qualified_after_ms}` : String(v));
  const where = pinned ? ' (Vouch on CPU 0, load, emulator and pg clients on CPU 1)' : '';

  console.log(`\nQualification latency, ${l.leads} friends paid at ${l.payments_per_s_target}/s${where}`);
  console.log(
    `${'payments/s'.padStart(10)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'qualified'.padStart(12)} ${'< 250 ms'.padStart(9)}`,
  );
  console.log(
    `${String(l.payments_per_s_achieved).padStart(10)} ${ms(l.p50_ms).padStart(8)} ${ms(l.p95_ms).padStart(8)} ${ms(l.p99_ms).padStart(8)} ${ms(l.max_ms).padStart(8)} ${`${l.qualified} of ${l.leads}`.padStart(12)} ${String(l.within_250_ms).padStart(9)}`,
  );
  console.log(
    `p99 target < 250 ms. Events received ${l.events_received_per_s}/s, applied ${l.events_applied_per_s}/s during the payments; ` +
      `${l.events_unprocessed_at_end} not applied ${l.wait_ms / 1000} s after the last; webhook retries ${l.webhook_retries}`,
  );
  console.log(
    `charge.succeeded: payment returned to event in the inbox p50 ${l.delivery_p50_ms} ms, p99 ${l.delivery_p99_ms} ms; ` +
      `inbox to applied p50 ${l.apply_p50_ms} ms, p99 ${l.apply_p99_ms} ms`,
  );

  console.log(`\nDurable ingest of signed events, ${i.connections} connections, ${i.events} events each`);
  console.log(
    `${'writer'.padEnd(38)} ${'per s'.padStart(7)} ${'seconds'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}`,
  );
  console.log(
    `${'raw insert, pg.Pool of 64 (baseline)'.padEnd(38)} ${String(i.raw_rows_per_s).padStart(7)} ${String(i.raw_seconds).padStart(8)} ${'-'.padStart(7)} ${'-'.padStart(7)}`,
  );
  console.log(
    `${'vouch POST /webhooks/stripe/:id'.padEnd(38)} ${String(i.events_per_s).padStart(7)} ${String(i.seconds).padStart(8)} ${String(i.p50_ms).padStart(7)} ${String(i.p99_ms).padStart(7)}`,
  );
  console.log(
    `ratio vouch / raw: ${i.ratio.toFixed(2)} (target >= 0.5); 200s ${i.ok_200} (duplicates ${i.duplicates}), ` +
      `non-2xx ${i.non_2xx}, errors ${i.errors}; rows in stripe_events ${i.rows_in_stripe_events}; ` +
      `CPU: vouch ${i.vouch_cpu_pct}%, load generator ${i.load_cpu_pct}%; commits ${i.commits_per_s}/s`,
  );
  for (const w of i.db_waits) console.log(`  vouch db sessions: ${Math.round(w.share * 100)}% ${w.what}`);
  for (const line of r.vouch_log_samples) console.log(`  vouch log: ${line}`);
  console.log(`runtime ${runtime} s, vouch log lines (warn and above) ${r.vouch_log_lines}`);
  console.log(JSON.stringify({ bench: 'webhooks', ...r, runtime_s: runtime }));
  // Every 200 must be a row: an acknowledged event that is not durable is a bug, not a slow result.
  if (i.rows_in_stripe_events !== i.ok_200 || i.duplicates !== 0) process.exitCode = 1;
}
