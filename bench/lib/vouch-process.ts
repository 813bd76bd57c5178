/**
 * What the Stripe benches (sync, promotion codes, rewards) share: a database of their own on the Postgres
 * server, the built CLI started as `vouch start` against the emulator in the bench process (on CPU 0 when
 * pinned), its API, and its memory and CPU read from /proc.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { onCpu0 } from './settings.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built CLI measured (VOUCH_BENCH_CLI, relative to the repository: another build to compare with). */
export const VOUCH_CLI = process.env.VOUCH_BENCH_CLI ?? 'dist/src/cli/main.js';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type Json = Record<string, unknown>;

/** A database created for one run and dropped after it (`with (force)`: Vouch may still hold connections). */
export async function benchDatabase(postgresUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const db = new pg.Client({ connectionString: url.toString(), application_name: 'vouch-bench' });
  await db.connect();
  return {
    url: url.toString(),
    db,
    drop: async () => {
      await db.end().catch(() => {});
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export type Vouch = {
  child: ChildProcess;
  pid: number;
  /** The API at `base`, with the bench's secret key: JSON in and out, CSV when the body is a string. */
  api: (method: string, path: string, body?: object | string) => Promise<Json>;
  /** Log lines at warn and above, and the first few of them. */
  lines: () => number;
  logs: string[];
  stop: () => Promise<void>;
};

/**
 * `vouch start` on Postgres, sandbox off, its Stripe calls to `stripeApiBase` with a test-mode budget of
 * `rateLimit` requests a second, logging warnings and errors only.
 */
export async function startVouch(options: {
  port: number;
  key: string;
  databaseUrl: string;
  stripeApiBase: string;
  rateLimit: number;
}): Promise<Vouch> {
  const base = `http://127.0.0.1:${options.port}`;
  const taken = await fetch(`${base}/readyz`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${options.port} is in use (a Vouch left over from an interrupted run?)`);
  const child = spawn(...onCpu0([VOUCH_CLI, 'start']), {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      VOUCH_SECRET: 'b'.repeat(64),
      VOUCH_SANDBOX: 'off',
      STRIPE_API_BASE: options.stripeApiBase,
      STRIPE_RATE_LIMIT_TEST: String(options.rateLimit),
      VOUCH_PUBLIC_URL: base,
      VOUCH_BOOTSTRAP_API_KEY: options.key,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  const api = async (method: string, path: string, body?: object | string): Promise<Json> => {
    const csv = typeof body === 'string';
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${options.key}`,
        ...(body ? { 'content-type': csv ? 'text/csv' : 'application/json' } : {}),
      },
      ...(body ? { body: csv ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as Json;
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`vouch exited with ${child.exitCode}: ${logs.join('\n')}`);
    try {
      // taskset execs node in the same process, so the pid is Vouch's.
      if ((await fetch(`${base}/readyz`)).status === 200)
        return { child, pid: child.pid!, api, lines: () => lines, logs, stop };
    } catch {}
    await sleep(50);
  }
  await stop();
  throw new Error('vouch did not come up');
}

export const mb = (kb: number) => Math.round(kb / 1024);

/** VmRSS and VmHWM (peak) of a process, in kB. */
export function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

/** user + system CPU seconds of a process (Linux clock ticks are 100 a second). */
export const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

/** Runs `task(0 .. total - 1)`, `concurrency` at a time. */
export async function runConcurrent(total: number, concurrency: number, task: (i: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < total) await task(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
