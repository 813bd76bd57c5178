/**
 * Start-up time (spawn to /readyz 200), CPU time spent until then, peak resident memory during start-up and
 * resident memory after 5 s idle of `vouch start`: embedded PGlite with the Stripe sandbox (what a user gets
 * by default), first start on an empty data dir and restart, then the Postgres server, against a bare
 * Fastify process measured in the same run. Each row runs 3 times, alternating first start and restart,
 * and prints min to max. Run `npm run build` first: it measures the built CLI (`VOUCH_BENCH_CLI` to measure
 * another build).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from '../src/free-port.js';
import { onCpu0, printSettings, range } from './lib/settings.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const IDLE_MS = 5_000;
const RUNS = 3;
const LOG_LEVEL = 'warn';

type Sample = { startup_ms: number; cpu_ms: number; peak_rss_mb: number; idle_rss_mb: number };
type Row = { name: string; samples: Sample[] };

const statusMb = (pid: number, field: 'VmRSS' | 'VmHWM') => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`));
  return line ? Math.round(Number(line[1]) / 1024) : Number.NaN;
};

/** User and system CPU time of a process, from /proc/<pid>/stat (in clock ticks of 10 ms). */
const cpuMs = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

/**
 * Whether something listens on this local TCP port, read from /proc/net/tcp without connecting: a connect
 * to a port nobody listens on yet can be given that same port as its source and connect to itself, and
 * the TIME-WAIT it leaves would keep the server from binding.
 */
const listening = (port: number) => {
  const local = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .some((line) => {
      const [, , address, , state] = line.split(/\s+/);
      return address?.endsWith(local) && state === '0A'; // 0A: LISTEN
    });
};

async function untilOk(port: number, child: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
    try {
      if (listening(port) && (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`port ${port} not ready in time`);
}

async function measure(args: string[], env: NodeJS.ProcessEnv): Promise<Sample> {
  const port = await freePort('127.0.0.1');
  const started = performance.now();
  const child = spawn(...onCpu0(args), {
    cwd: ROOT,
    env: { PATH: process.env.PATH, VOUCH_SANDBOX_PORT: '0', ...env, PORT: String(port), LOG_LEVEL },
    stdio: 'ignore',
  });
  try {
    await untilOk(port, child);
    const startup_ms = Math.round(performance.now() - started);
    const cpu_ms = cpuMs(child.pid!);
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const idle_rss_mb = statusMb(child.pid!, 'VmRSS');
    return { startup_ms, cpu_ms, peak_rss_mb: statusMb(child.pid!, 'VmHWM'), idle_rss_mb };
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
  }
}

const BARE = `
const app = require('fastify')();
app.get('/readyz', async () => ({ status: 'ready' }));
app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
`;

/** Runs `first` then `again` on fresh state, `RUNS` times, so that the two rows share the machine's noise. */
async function pairs(
  first: Row,
  again: Row,
  fresh: () => Promise<[() => Promise<Sample>, () => Promise<Sample>, () => Promise<void>]>,
) {
  for (let i = 0; i < RUNS; i++) {
    const [start, restart, cleanup] = await fresh();
    try {
      first.samples.push(await start());
      again.samples.push(await restart());
    } finally {
      await cleanup();
    }
  }
}

export async function runStartup(cli: string, postgresUrl?: string): Promise<Row[]> {
  const bare: Row = { name: 'bare fastify (baseline)', samples: [] };
  for (let i = 0; i < RUNS; i++) bare.samples.push(await measure(['-e', BARE], {}));

  const first: Row = { name: 'vouch, PGlite + sandbox, first start', samples: [] };
  const restart: Row = { name: 'vouch, PGlite + sandbox, restart', samples: [] };
  await pairs(first, restart, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vouch-bench-'));
    const env = { VOUCH_DATA_DIR: dir };
    return [
      () => measure([cli, 'start'], env),
      () => measure([cli, 'start'], env),
      async () => rmSync(dir, { recursive: true, force: true }),
    ];
  });
  const rows = [bare, first, restart];
  if (!postgresUrl) return rows;

  const pgFirst: Row = { name: 'vouch, Postgres, empty database', samples: [] };
  const pgRestart: Row = { name: 'vouch, Postgres, restart', samples: [] };
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    await pairs(pgFirst, pgRestart, async () => {
      const name = `vouch_bench_${process.pid}`;
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
      const url = new URL(postgresUrl);
      url.pathname = `/${name}`;
      const env = { DATABASE_URL: url.toString(), VOUCH_SECRET: 'b'.repeat(64) };
      return [
        () => measure([cli, 'start'], env),
        () => measure([cli, 'start'], env),
        async () => void (await admin.query(`drop database if exists ${name} with (force)`)),
      ];
    });
  } finally {
    await admin.end();
  }
  return [...rows, pgFirst, pgRestart];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const postgresUrl = process.env.VOUCH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const cli = resolve(ROOT, process.env.VOUCH_BENCH_CLI ?? 'dist/src/cli/main.js');
  const settings = printSettings('Start-up and idle memory', {
    cli,
    runs: RUNS,
    idle_ms: IDLE_MS,
    log_level: LOG_LEVEL,
    sandbox: 'on in embedded mode (the default), off with DATABASE_URL',
    postgres: new URL(postgresUrl).host,
  });
  const rows = await runStartup(cli, postgresUrl);
  const min = (row: Row, key: keyof Sample) => Math.min(...row.samples.map((s) => s[key]));
  const base = rows[0]!;
  const columns = ['start-up ms', 'x bare', 'CPU ms', 'peak RSS MB', 'idle RSS MB', 'x bare'];
  console.log(`\n${'process'.padEnd(38)} ${columns.map((c) => c.padStart(14)).join(' ')}`);
  for (const row of rows) {
    const of = (key: keyof Sample) => range(row.samples.map((s) => s[key]));
    const ratio = (key: keyof Sample) => (min(row, key) / min(base, key)).toFixed(1);
    const cells = [
      of('startup_ms'),
      ratio('startup_ms'),
      of('cpu_ms'),
      of('peak_rss_mb'),
      of('idle_rss_mb'),
      ratio('idle_rss_mb'),
    ];
    console.log(`${row.name.padEnd(38)} ${cells.map((c) => c.padStart(14)).join(' ')}`);
  }
  console.log('(x bare: the lowest of the runs against the lowest of the bare runs)');
  console.log(JSON.stringify({ bench: 'startup', settings, rows }));
}
