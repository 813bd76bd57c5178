/**
 * Start-up time (spawn to /readyz 200) and resident memory at idle of `vouch start`, on embedded
 * PGlite (first start with an empty data dir, and a restart) and on the Postgres server, against a bare
 * Fastify process measured in the same run. Run `npm run build` first: it measures the built CLI.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const IDLE_MS = 5_000;

type Sample = { name: string; startup_ms: number; idle_rss_mb: number };

const rssMb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return line ? Math.round(Number(line[1]) / 1024) : Number.NaN;
};

async function untilOk(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url} not ready in time`);
}

async function measure(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  path: string,
): Promise<Sample> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, VOUCH_SANDBOX_PORT: '0', ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    await untilOk(`http://127.0.0.1:${port}${path}`, child);
    const startup = performance.now() - started;
    await new Promise((r) => setTimeout(r, IDLE_MS));
    return { name, startup_ms: Math.round(startup), idle_rss_mb: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const BARE = `
const app = require('fastify')();
app.get('/readyz', async () => ({ status: 'ready' }));
app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
`;

export async function runStartup(postgresUrl?: string): Promise<Sample[]> {
  const samples: Sample[] = [];
  samples.push(await measure('bare fastify (baseline)', ['-e', BARE], {}, 39_901, '/readyz'));
  const cli = ['dist/src/cli/main.js', 'start'];
  const dir = mkdtempSync(join(tmpdir(), 'vouch-bench-'));
  try {
    samples.push(
      await measure('vouch, PGlite, empty data dir', cli, { VOUCH_DATA_DIR: dir }, 39_902, '/readyz'),
    );
    samples.push(await measure('vouch, PGlite, restart', cli, { VOUCH_DATA_DIR: dir }, 39_903, '/readyz'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (postgresUrl) {
    const name = `vouch_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString(), VOUCH_SECRET: 'b'.repeat(64) };
    try {
      samples.push(await measure('vouch, Postgres, empty database', cli, env, 39_904, '/readyz'));
      samples.push(await measure('vouch, Postgres, restart', cli, env, 39_905, '/readyz'));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
  return samples;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const postgresUrl = process.env.VOUCH_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const samples = await runStartup(postgresUrl);
  const base = samples[0]!;
  console.log(
    `\n${'process'.padEnd(34)} ${'start-up ms'.padStart(12)} ${'x bare'.padStart(8)} ${'idle RSS MB'.padStart(12)} ${'x bare'.padStart(8)}`,
  );
  for (const s of samples) {
    console.log(
      `${s.name.padEnd(34)} ${String(s.startup_ms).padStart(12)} ${(s.startup_ms / base.startup_ms).toFixed(1).padStart(8)} ${String(s.idle_rss_mb).padStart(12)} ${(s.idle_rss_mb / base.idle_rss_mb).toFixed(1).padStart(8)}`,
    );
  }
  console.log(JSON.stringify({ bench: 'startup', samples }));
}
