/**
 * What the Stripe benches (sync, promotion codes, rewards) share: a database of their own on the Postgres
 * server, the built CLI started as `vouch start` against the emulator in the bench process (on CPU 0 when
 * pinned), its API, and its memory and CPU read from /proc.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { startVouch as startVouchProcess, type VouchProcess } from './spawn-vouch.js';

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

export type Vouch = VouchProcess & {
  /** The API at `base`, with the bench's secret key: JSON in and out, CSV when the body is a string. */
  api: (method: string, path: string, body?: object | string) => Promise<Json>;
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
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Added to (or overriding) the environment below. */
  env?: NodeJS.ProcessEnv;
}): Promise<Vouch> {
  const base = `http://127.0.0.1:${options.port}`;
  const taken = await fetch(`${base}/readyz`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${options.port} is in use (a Vouch left over from an interrupted run?)`);
  const vouch = await startVouchProcess({
    port: options.port,
    cli: VOUCH_CLI,
    ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      VOUCH_SECRET: 'b'.repeat(64),
      VOUCH_SANDBOX: 'off',
      STRIPE_API_BASE: options.stripeApiBase,
      STRIPE_RATE_LIMIT_TEST: String(options.rateLimit),
      VOUCH_PUBLIC_URL: base,
      VOUCH_BOOTSTRAP_API_KEY: options.key,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
  });
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
  return { ...vouch, api };
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
