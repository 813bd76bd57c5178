/**
 * Throughput of the Stripe emulator vs a bare Fastify route, in the same process and run.
 * - emulator: `stripe.customers.create` through the official SDK (form body, auth, idempotency, events).
 * - bare: a Fastify POST route returning a small JSON body, hit with keep-alive node:http requests.
 * Run: `npx tsx bench/emulator-throughput.ts [--requests 3000] [--concurrency 16]`. Targets 127.0.0.1 only.
 */
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import Stripe from 'stripe';
import { startEmulator } from '../emulator/index.js';
import { pinned, printSettings, type Settings } from './lib/settings.js';

export interface EmulatorThroughputOptions {
  requests?: number;
  concurrency?: number;
}

export interface EmulatorThroughputResult {
  bench: 'emulator-throughput';
  settings?: Settings;
  requests: number;
  concurrency: number;
  emulator_rps: number;
  bare_fastify_rps: number;
  ratio: number;
}

async function runConcurrent(
  total: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      await task(i);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (performance.now() - started) / 1000;
}

async function benchEmulator(total: number, concurrency: number): Promise<number> {
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
  try {
    const stripe = new Stripe('sk_test_bench', {
      host: emulator.host,
      port: emulator.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    await runConcurrent(Math.min(200, total), concurrency, async (i) => {
      await stripe.customers.create({ email: `warm${i}@example.com` });
    });
    const seconds = await runConcurrent(total, concurrency, async (i) => {
      await stripe.customers.create({ email: `bench${i}@example.com`, metadata: { i: String(i) } });
    });
    return total / seconds;
  } finally {
    await emulator.close();
  }
}

async function benchBareFastify(total: number, concurrency: number): Promise<number> {
  const app = Fastify({ logger: false });
  app.post('/v1/customers', async () => ({ id: 'cus_bench', object: 'customer', livemode: false }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const body = JSON.stringify({ email: 'bench@example.com' });
  const post = () =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/v1/customers',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  try {
    await runConcurrent(Math.min(200, total), concurrency, post);
    const seconds = await runConcurrent(total, concurrency, post);
    return total / seconds;
  } finally {
    agent.destroy();
    await app.close();
  }
}

export async function runEmulatorThroughput(
  opts: EmulatorThroughputOptions = {},
): Promise<EmulatorThroughputResult> {
  const requests = opts.requests ?? 3000;
  const concurrency = opts.concurrency ?? 16;
  const emulatorRps = await benchEmulator(requests, concurrency);
  const bareRps = await benchBareFastify(requests, concurrency);
  return {
    bench: 'emulator-throughput',
    requests,
    concurrency,
    emulator_rps: Math.round(emulatorRps),
    bare_fastify_rps: Math.round(bareRps),
    ratio: Number((emulatorRps / bareRps).toFixed(3)),
  };
}

function argValue(name: string): number | undefined {
  const idx = process.argv.indexOf(`--${name}`);
  const raw = idx >= 0 ? process.argv[idx + 1] : undefined;
  return raw ? Number(raw) : undefined;
}

async function main(): Promise<void> {
  const requests = argValue('requests') ?? 3000;
  const concurrency = argValue('concurrency') ?? 16;
  const settings = printSettings('Stripe emulator throughput (bench/emulator-throughput.ts)', {
    requests_per_target: requests,
    concurrency,
    warmup_requests: Math.min(200, requests),
    process: 'emulator, bare route and their clients all in this one process',
    pinning: pinned ? 'this process on CPU 1' : 'none',
  });
  const result = { ...(await runEmulatorThroughput({ requests, concurrency })), settings };
  const rows: [string, string][] = [
    ['emulator (SDK customers.create) req/s', String(result.emulator_rps)],
    ['bare Fastify POST req/s', String(result.bare_fastify_rps)],
    ['ratio emulator / bare', String(result.ratio)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('');
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  console.log(JSON.stringify(result));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
