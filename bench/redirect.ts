/**
 * `GET /r/:slug` throughput and latency at 50 connections, against a bare Fastify redirect route in the
 * same run, each server in its own process. Checks afterwards that every redirect was counted as a click.
 * Run `npm run build` first: it measures the built CLI on embedded PGlite.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const KEY = `vch_sk_${'b'.repeat(40)}`;
const CONNECTIONS = 50;

/**
 * On two cores, the load generator and the server fight for CPU; where `taskset` exists, servers run on
 * CPU 0 and this process on CPU 1, so both servers are measured under the same split.
 */
const pinned = spawnSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' }).status === 0;
const onCpu0 = (args: string[]): [string, string[]] =>
  pinned ? ['taskset', ['-c', '0', process.execPath, ...args]] : [process.execPath, args];

type Run = { name: string; rps: number; p50_ms: number; p99_ms: number; redirects: number; errors: number };

async function untilUp(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode}; run it by hand to see why`);
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`${url} did not come up`);
}

async function load(name: string, url: string, amount: number): Promise<Run> {
  // A fixed number of requests, so every redirect sent is known and the click count can be checked exactly.
  const result = await autocannon({ url, connections: CONNECTIONS, amount });
  return {
    name,
    rps: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    redirects: result['3xx'],
    errors: result.errors + result.non2xx - result['3xx'],
  };
}

const BARE = `
const app = require('fastify')();
app.get('/r/:slug', async (req, reply) => reply.redirect('https://shop.example.com/?vouch_ref=' + req.params.slug, 302));
app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
`;

export async function runRedirectBench(
  amount = 150_000,
): Promise<{ bare: Run; vouch: Run; clicks_counted: number }> {
  const bare = spawn(...onCpu0(['-e', BARE]), {
    cwd: ROOT,
    env: { ...process.env, PORT: '39911' },
    stdio: 'ignore',
  });
  let bareRun: Run;
  try {
    await untilUp('http://127.0.0.1:39911/r/warmup', bare);
    bareRun = await load('bare Fastify redirect (baseline)', 'http://127.0.0.1:39911/r/abcdefghjk', amount);
  } finally {
    bare.kill('SIGTERM');
  }

  const dir = mkdtempSync(join(tmpdir(), 'vouch-bench-redirect-'));
  const env = {
    PATH: process.env.PATH,
    PORT: '39912',
    VOUCH_DATA_DIR: dir,
    VOUCH_SANDBOX: 'off',
    VOUCH_BOOTSTRAP_API_KEY: KEY,
    VOUCH_REDIRECT_RATE_LIMIT: '10000000',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const vouch = spawn(...onCpu0(['dist/src/cli/main.js', 'start']), { cwd: ROOT, env, stdio: 'ignore' });
  try {
    const base = 'http://127.0.0.1:39912';
    await untilUp(`${base}/healthz`, vouch);
    const call = async (path: string, body?: object) => {
      const res = await fetch(`${base}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return (await res.json()) as Record<string, unknown>;
    };
    const campaign = await call('/v1/campaigns', {
      name: 'Bench',
      status: 'live',
      destination_url: 'https://shop.example.com/',
    });
    const referrer = await call(`/v1/campaigns/${campaign.id}/referrers`, {
      email: 'bench@example.com',
      first_name: 'Bench',
    });
    const vouchRun = await load('vouch GET /r/:slug', `${base}/r/${referrer.slug}`, amount);
    let counted = 0;
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 200));
      counted = (await call(`/v1/referrers/${referrer.id}`)).clicks_count as number;
      if (counted >= vouchRun.redirects) break;
    }
    return { bare: bareRun, vouch: vouchRun, clicks_counted: counted };
  } finally {
    if (vouch.exitCode === null) {
      vouch.kill('SIGTERM');
      await new Promise((r) => vouch.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const amount = Number(process.argv[2] ?? 150_000);
  const { bare, vouch, clicks_counted } = await runRedirectBench(amount);
  console.log(
    `\nRedirect throughput, ${CONNECTIONS} connections, ${amount} requests each${pinned ? ' (servers on CPU 0, load on CPU 1)' : ''}`,
  );
  console.log(
    `${'server'.padEnd(34)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'redirects'.padStart(10)} ${'errors'.padStart(7)}`,
  );
  for (const r of [bare, vouch]) {
    console.log(
      `${r.name.padEnd(34)} ${String(r.rps).padStart(8)} ${String(r.p50_ms).padStart(7)} ${String(r.p99_ms).padStart(7)} ${String(r.redirects).padStart(10)} ${String(r.errors).padStart(7)}`,
    );
  }
  const ratio = vouch.rps / bare.rps;
  console.log(
    `throughput ratio vouch / bare: ${ratio.toFixed(2)} (target >= 0.5); vouch p99 ${vouch.p99_ms} ms (target < 10)`,
  );
  console.log(`clicks counted after the run drained: ${clicks_counted} of ${vouch.redirects} redirects`);
  console.log(
    JSON.stringify({
      bench: 'redirect',
      connections: CONNECTIONS,
      amount,
      bare,
      vouch,
      ratio: Number(ratio.toFixed(3)),
      clicks_counted,
    }),
  );
  if (clicks_counted !== vouch.redirects) process.exitCode = 1;
}
