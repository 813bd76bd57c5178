/**
 * `GET /r/:slug` throughput and latency against a bare Fastify route answering the same kind of 302 (no
 * logging), each server in its own process. Both stay up for the whole run and are loaded one at a time, in
 * timed rounds that alternate the order (bare then Vouch, Vouch then bare, ...), so that a slow spell of the
 * machine hits both sides; each round's ratio is printed, and the min to max over rounds.
 *
 * Vouch runs as `npm start` would (LOG_LEVEL unset unless set for the bench, embedded PGlite) with two
 * changes: the Stripe sandbox is off, and the per-client redirect limit is raised, as all the load comes from
 * one address. Every click must be counted: after the run drains, the referrer's `clicks_count` must equal
 * the redirects it answered (exit code 1 otherwise). autocannon ends a run by dropping its connections, so a
 * request in flight then may or may not have reached the server. For the last second of each round, each
 * connection therefore moves on to a second referrer's link once its request in flight is answered, and the
 * round ends only when every connection has moved (it runs on past its length, if need be, until they have):
 * only the first referrer's clicks are checked, and they are exact.
 *
 * Run `npm run build` first, then `node --import tsx bench/redirect.ts [seconds per round] [rounds]` (10, 3).
 * VOUCH_BENCH_NODE_ARGS: node flags for Vouch (e.g. `--cpu-prof --cpu-prof-dir=prof`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { freePort } from '../src/free-port.js';
import { onCpu0, printSettings, range } from './lib/settings.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const KEY = `vch_sk_${'b'.repeat(40)}`;
const CONNECTIONS = 50;
const WARMUP_S = 3;
const TAIL_S = 1;
/** How long a round may run past its length for every connection to move to the tail link. */
const GRACE_S = 10;
const REDIRECT_LIMIT = 10_000_000;
const nodeArgs = (process.env.VOUCH_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

const BARE = `
const app = require('fastify')();
app.get('/r/:slug', async (req, reply) => reply.redirect('https://shop.example.com/?vouch_ref=' + req.params.slug, 302));
app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
`;

type Side = 'bare' | 'vouch';
type Round = {
  side: Side;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  /** Redirects answered for the checked link, before the last second. */
  redirects: number;
  /** Redirects answered for the second link in the last second (not checked: some are cut off). */
  tail_redirects: number;
  errors: number;
  /** The server's CPU time per answered request (user + system), which other load on the machine moves less. */
  cpu_us_per_request: number | null;
  /** Connections still on the checked link when the round ended (0 unless GRACE_S ran out). */
  unsettled: number;
  seconds: number;
};

/** Waits for `url` to answer; a first start of embedded PGlite on a busy machine can take a while. */
async function untilUp(url: string, child: ChildProcess): Promise<void> {
  for (const until = Date.now() + 120_000; Date.now() < until; ) {
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

/** CPU time a process has used, in ms (Linux: /proc, in ticks of 10 ms); null where /proc is missing. */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * Loads `base + path` for `seconds`, moving each connection to `tailPath` for the last TAIL_S seconds; ends
 * once every connection has moved (at most GRACE_S later).
 */
async function load(
  side: Side,
  server: { base: string; pid: number | undefined },
  path: string,
  tailPath: string,
  seconds: number,
): Promise<Round> {
  const cpuBefore = cpuMs(server.pid);
  const started = Date.now();
  const tailFrom = started + (seconds - TAIL_S) * 1000;
  const endFrom = started + seconds * 1000;
  const moved = new Set<unknown>();
  let redirects = 0;
  let tail = 0;
  const opts = { url: `${server.base}${path}`, connections: CONNECTIONS, duration: seconds + GRACE_S };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
    // autocannon stops at its next one-second tick, so every round measures whole seconds.
    const stopWhenSettled = () => {
      if (moved.size === CONNECTIONS && Date.now() >= endFrom) instance.stop();
    };
    setTimeout(stopWhenSettled, endFrom - started);
    instance.on('response', (client, status) => {
      const redirect = status >= 300 && status < 400;
      if (moved.has(client)) {
        if (redirect) tail += 1;
        return;
      }
      if (redirect) redirects += 1;
      if (Date.now() >= tailFrom) {
        // One request in flight per connection: from here on, this connection asks for the tail link only.
        client.setRequests([{ method: 'GET', path: tailPath }]);
        moved.add(client);
        stopWhenSettled();
      }
    });
  });
  const cpuAfter = cpuMs(server.pid);
  const answered = result.requests.total;
  return {
    side,
    rps: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    redirects,
    tail_redirects: tail,
    // autocannon counts timeouts among errors, and 3xx among non-2xx.
    errors: result.errors + result.non2xx - result['3xx'],
    cpu_us_per_request:
      cpuBefore === null || cpuAfter === null ? null : Math.round(((cpuAfter - cpuBefore) * 1000) / answered),
    unsettled: CONNECTIONS - moved.size,
    seconds: result.duration,
  };
}

type Link = { id: string; slug: string };
type Vouch = {
  child: ChildProcess;
  base: string;
  links: [Link, Link];
  clicks: (id: string) => Promise<number>;
};

/** Starts the built CLI in `dir` and makes a live campaign with two referrers: the checked link and the tail. */
async function startVouch(port: number, dir: string): Promise<Vouch> {
  const env = {
    PATH: process.env.PATH,
    PORT: String(port),
    VOUCH_DATA_DIR: dir,
    VOUCH_SANDBOX: 'off',
    VOUCH_BOOTSTRAP_API_KEY: KEY,
    VOUCH_REDIRECT_RATE_LIMIT: String(REDIRECT_LIMIT),
    ...(process.env.LOG_LEVEL ? { LOG_LEVEL: process.env.LOG_LEVEL } : {}),
  };
  const child = spawn(...onCpu0([...nodeArgs, 'dist/src/cli/main.js', 'start']), {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  await untilUp(`${base}/healthz`, child);
  const call = async (path: string, body?: object) => {
    const res = await fetch(`${base}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const campaign = await call('/v1/campaigns', {
    name: 'Bench',
    status: 'live',
    destination_url: 'https://shop.example.com/',
  });
  const link = async (name: string): Promise<Link> => {
    const referrer = await call(`/v1/campaigns/${campaign.id}/referrers`, {
      email: `${name}@example.com`,
      first_name: name,
    });
    return { id: referrer.id as string, slug: referrer.slug as string };
  };
  const links: [Link, Link] = [await link('checked'), await link('tail')];
  const clicks = async (id: string) => (await call(`/v1/referrers/${id}`)).clicks_count as number;
  return { child, base, links, clicks };
}

/** Polls until `id` shows `expected` clicks (the counter writes once a second), or 10 s have passed. */
async function drainedClicks(vouch: Vouch, id: string, expected: number): Promise<number> {
  let counted = 0;
  for (const until = Date.now() + 10_000; Date.now() < until; ) {
    counted = await vouch.clicks(id);
    if (counted >= expected) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return counted;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const seconds = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 3);
const settings = printSettings('Referral link redirect (bench/redirect.ts)', {
  log_level: process.env.LOG_LEVEL ?? 'unset (info, the default)',
  database: 'embedded PGlite',
  sandbox: 'off',
  redirect_rate_limit: `${REDIRECT_LIMIT} per minute per client`,
  connections: CONNECTIONS,
  round_s: seconds,
  rounds,
  order: 'alternating, bare first in odd rounds; both servers up, one under load at a time',
  warmup_s: WARMUP_S,
  ...(nodeArgs.length > 0 ? { node_args: nodeArgs.join(' ') } : {}),
});

// Free ports, not fixed ones: another bench may be running on the same machine.
const barePort = await freePort('127.0.0.1');
const bare = spawn(...onCpu0(['-e', BARE]), {
  cwd: ROOT,
  env: { ...process.env, PORT: String(barePort) },
  stdio: 'ignore',
});
const dir = mkdtempSync(join(tmpdir(), 'vouch-bench-redirect-'));
let vouch: Vouch | undefined;
try {
  await untilUp(`http://127.0.0.1:${barePort}/r/warmup`, bare);
  vouch = await startVouch(await freePort('127.0.0.1'), dir);
  const servers: Record<Side, { base: string; pid: number | undefined }> = {
    bare: { base: `http://127.0.0.1:${barePort}`, pid: bare.pid },
    vouch: { base: vouch.base, pid: vouch.child.pid },
  };
  const [checked, tail] = vouch.links;
  const run = (side: Side, s: number) =>
    load(side, servers[side], `/r/${checked.slug}`, `/r/${tail.slug}`, s);

  await run('bare', WARMUP_S);
  // Every redirect of the checked link counts, the warm-up's too.
  const warmup = await run('vouch', WARMUP_S);
  let sent = warmup.redirects;
  let unsettled = warmup.unsettled;
  const results: { bare: Round; vouch: Round; ratio: number; cpu_ratio: number | null }[] = [];
  for (let i = 0; i < rounds; i++) {
    const order: Side[] = i % 2 === 0 ? ['bare', 'vouch'] : ['vouch', 'bare'];
    const got = {} as Record<Side, Round>;
    for (const side of order) got[side] = await run(side, seconds);
    const { bare: b, vouch: v } = got;
    sent += v.redirects;
    unsettled += v.unsettled;
    // The bare route's CPU per request over Vouch's: the throughput ratio if the server were the bottleneck.
    const cpu =
      b.cpu_us_per_request && v.cpu_us_per_request ? b.cpu_us_per_request / v.cpu_us_per_request : null;
    results.push({ bare: b, vouch: v, ratio: round3(v.rps / b.rps), cpu_ratio: cpu && round3(cpu) });
  }
  const counted = await drainedClicks(vouch, checked.id, sent);

  const head = [
    'round',
    'bare req/s',
    'p99 ms',
    'CPU us/req',
    'vouch req/s',
    'p50 ms',
    'p99 ms',
    'CPU us/req',
  ];
  const rows = results.map(({ bare: b, vouch: v, ratio, cpu_ratio }, i) => [
    ...[i + 1, b.rps, b.p99_ms, b.cpu_us_per_request ?? '-', v.rps, v.p50_ms, v.p99_ms],
    ...[
      v.cpu_us_per_request ?? '-',
      `${b.seconds}/${v.seconds}`,
      ratio,
      cpu_ratio ?? '-',
      b.errors + v.errors,
    ],
  ]);
  console.log('');
  for (const row of [[...head, 'seconds', 'ratio', 'CPU ratio', 'errors'], ...rows])
    console.log(row.map((cell, i) => String(cell).padStart(i === 0 ? 5 : 11)).join(' '));
  const ratios = results.map((r) => r.ratio);
  const cpuRatios = results.flatMap((r) => (r.cpu_ratio === null ? [] : [r.cpu_ratio]));
  const p99s = results.map((r) => r.vouch.p99_ms);
  console.log(
    `ratio vouch / bare: ${range(ratios, 2)} (target >= 0.6); vouch p99 ${range(p99s)} ms (target < 10)`,
  );
  if (cpuRatios.length > 0) console.log(`CPU per request, bare / vouch: ${range(cpuRatios, 2)}`);
  console.log(`clicks counted after the run drained: ${counted} of ${sent} redirects of the checked link`);
  if (unsettled > 0)
    console.log(`${unsettled} connections were still on the checked link when a round ended: not exact`);
  console.log(
    JSON.stringify({
      bench: 'redirect',
      settings,
      rounds: results,
      ratio_min: Math.min(...ratios),
      ratio_max: Math.max(...ratios),
      vouch_p99_max_ms: Math.max(...p99s),
      redirects: sent,
      clicks_counted: counted,
      unsettled,
    }),
  );
  if (counted !== sent) process.exitCode = 1;
} finally {
  bare.kill('SIGTERM');
  const child = vouch?.child;
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
}
