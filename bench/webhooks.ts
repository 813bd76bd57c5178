/**
 * Stripe webhooks on the built CLI against Postgres, with Vouch's Stripe account an emulator in this process.
 * Two phases (bench/webhooks/), the steady one first, on an idle inbox:
 * - steady: friends pay at a fixed rate through the emulator, which delivers the signed events; latency from
 *   each payment to its lead's `lead.qualified`, split into delivery and applying.
 * - burst: realistic signed events (2 to 3 KB, the mix of types Vouch subscribes to, a tenth of them from
 *   referred friends) posted at 64 connections; how fast Vouch acknowledges them and how fast it applies
 *   them, against raw single-row inserts of the same bodies in the same run. Exit code 1 unless every 200 is
 *   a row and every row was applied.
 *
 * `npm run build`, then `node --import tsx bench/webhooks.ts [options]`:
 *   --phase steady|burst|both   (both)       --events N       burst events (20000)
 *   --connections N             (64)         --leads N        steady friends, one payment each (500)
 *   --rate N                    payments a second in the steady phase (100)
 * The older positional form `[events] [leads] [payments/s]` still works. Environment: LOG_LEVEL (warn) and
 * DATABASE_POOL_SIZE (Vouch's default) for Vouch; VOUCH_BENCH_DATABASE_URL another Postgres server;
 * VOUCH_BENCH_NODE_ARGS node flags for Vouch (e.g. `--cpu-prof`); VOUCH_BENCH_VERBOSE=1 progress on stderr.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { printSettings } from './lib/settings.js';
import { type BurstResult, burstProblems, runBurst } from './webhooks/burst.js';
import { campaignWithFriends } from './webhooks/campaign.js';
import {
  EVENTS_PER_CUSTOMER,
  type EventBodies,
  makeEventBodies,
  REFERRED_EVERY,
} from './webhooks/event-bodies.js';
import { type RawBaseline, rawBaseline } from './webhooks/raw-baseline.js';
import { printBurst, printSteady } from './webhooks/report.js';
import { runSteady, type SteadyResult } from './webhooks/steady.js';
import { startVouchUnderTest } from './webhooks/vouch-under-test.js';

const started = performance.now();
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    phase: { type: 'string', default: 'both' },
    events: { type: 'string' },
    connections: { type: 'string', default: '64' },
    leads: { type: 'string' },
    rate: { type: 'string' },
  },
});
const number = (name: string, value: string | undefined, fallback: number) => {
  const n = Number(value ?? fallback);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--${name} must be a whole number above 0, not ${value}`);
  return n;
};
const phase = values.phase;
if (!['steady', 'burst', 'both'].includes(phase)) throw new Error(`--phase must be steady, burst or both`);
const events = number('events', values.events ?? positionals[0], 20_000);
const leads = number('leads', values.leads ?? positionals[1], 500);
const rate = number('rate', values.rate ?? positionals[2], 100);
const connections = number('connections', values.connections, 64);
const steadyOn = phase !== 'burst';
const burstOn = phase !== 'steady';
const logLevel = process.env.LOG_LEVEL || 'warn';
const poolSize = process.env.DATABASE_POOL_SIZE || undefined;
const serverUrl = process.env.VOUCH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const nodeArgs = (process.env.VOUCH_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const loadAverage = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
const progress = (message: string) => {
  if (process.env.VOUCH_BENCH_VERBOSE === '1')
    console.error(`[webhooks ${new Date().toISOString().slice(11, 23)}] ${message}`);
};

const vut = await startVouchUnderTest(serverUrl, { logLevel, poolSize, nodeArgs });
// Interrupted: stop Vouch and drop the database rather than leave them behind.
const interrupted = () => void vut.close().finally(() => process.exit(130));
process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
let steady: SteadyResult | undefined;
let bodies: EventBodies | undefined;
let raw: RawBaseline | undefined;
let burst: BurstResult | undefined;
try {
  let burstCampaign: { id: string; leadIds: string[] } | undefined;
  if (burstOn) {
    // The referred friends sign up before their customers exist, as friends do.
    const friends = Math.ceil((events / EVENTS_PER_CUSTOMER / REFERRED_EVERY) * 1.1);
    const emails = Array.from({ length: friends }, (_, i) => `burst.friend${i}@example.com`);
    burstCampaign = await campaignWithFriends(vut, 'Burst', 5000, emails);
    bodies = await makeEventBodies(events, emails);
    progress(`${events} event bodies made in ${bodies.seconds} s`);
  }
  const settings = printSettings('Stripe webhooks (bench/webhooks.ts, version 2: acknowledged and applied)', {
    phases: phase,
    LOG_LEVEL: logLevel,
    DATABASE_POOL_SIZE: poolSize ?? '10 (default)',
    'burst events': burstOn ? events : undefined,
    connections: burstOn ? connections : undefined,
    'event body mean B': bodies?.mean_bytes,
    'referred customers': bodies ? `${bodies.referred_customers} of ${bodies.customers}` : undefined,
    'steady friends': steadyOn ? leads : undefined,
    'payments/s': steadyOn ? rate : undefined,
    postgres: new URL(serverUrl).host,
    'load average': loadAverage(),
  });
  if (bodies) console.log(`  ${'event types'.padEnd(20)} ${JSON.stringify(bodies.types)}`);
  if (steadyOn) {
    steady = await runSteady(vut, leads, rate);
    progress(`steady: ${steady.qualified} of ${leads} qualified`);
    printSteady(steady);
  }
  if (bodies && burstCampaign) {
    raw = await rawBaseline(vut.databaseUrl, bodies, connections);
    progress(`raw baseline: ${raw.rows_per_s} rows/s`);
    burst = await runBurst(vut, bodies, connections, burstCampaign);
    printBurst(burst, raw, bodies);
  }
  const runtime = Math.round((performance.now() - started) / 1000);
  for (const line of vut.vouch.logs.slice(0, 5)) console.log(`  vouch log: ${line}`);
  console.log(
    `runtime ${runtime} s, load average at the end ${loadAverage()}, ` +
      `vouch log lines (${logLevel} and above) ${vut.vouch.lines()}`,
  );
  const { ids: _ids, bodies: _bodies, ...made } = bodies ?? { ids: [], bodies: [] };
  console.log(
    JSON.stringify({
      bench: 'webhooks',
      version: 2,
      settings,
      ...(steady ? { steady } : {}),
      ...(bodies ? { event_bodies: made, raw, burst } : {}),
      ...(burst && raw
        ? {
            ratios: {
              applied_raw: Number((burst.applied_per_s / raw.rows_per_s).toFixed(3)),
              ack_raw: Number((burst.ack_per_s / raw.rows_per_s).toFixed(3)),
            },
          }
        : {}),
      vouch_log_lines: vut.vouch.lines(),
      vouch_log_samples: vut.vouch.logs.slice(0, 5),
      runtime_s: runtime,
      load_average_end: loadAverage(),
    }),
  );
  // An acknowledged event that is not durable, or never applied, is a bug, not a slow result.
  const problems = burst ? burstProblems(burst) : [];
  for (const p of problems) console.error(`webhooks bench: ${p}`);
  if (problems.length > 0) process.exitCode = 1;
} finally {
  await vut.close();
  process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
}
