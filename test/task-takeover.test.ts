import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorHandle, startEmulator } from '../emulator/index.js';
import { freePort } from '../src/free-port.js';
import { sdkFor } from './helpers/stripe-env.js';
import { eventually } from './helpers/test-app.js';
import { onPostgres } from './helpers/test-target.js';
import {
  callVouch,
  processDatabase,
  spawnVouch,
  type VouchProcess,
  vouchEnv,
} from './helpers/vouch-process.js';

/**
 * A worker killed with SIGKILL while it creates a friend's Stripe customer: another worker (on Postgres) or
 * the restarted process (embedded) takes the task over within its lease, seconds later, not at a job
 * queue's expiry minutes later. Stripe sits behind a proxy that holds the first customer creation, so the
 * kill lands exactly inside it.
 */

const KEY = `vch_sk_${'t'.repeat(40)}`;
let emulator: EmulatorHandle;
let proxy: Server;
let proxyUrl: string;
let dir: string;
let database: { url: string | undefined; drop(): Promise<void> };
let holdNext = true;
let held: () => void;
const creationHeld = new Promise<void>((resolve) => {
  held = resolve;
});
const processes: VouchProcess[] = [];

beforeAll(async () => {
  emulator = await startEmulator({});
  const target = new URL(emulator.url);
  proxy = createServer((req, res) => {
    if (holdNext && req.method === 'POST' && req.url === '/v1/customers') {
      holdNext = false;
      held();
      return; // never answered: the worker is killed while it waits
    }
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'vouch-takeover-'));
  database = await processDatabase('vouch_k');
}, 60_000);

afterAll(async () => {
  for (const p of processes) p.child.kill('SIGKILL');
  proxy.closeAllConnections();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  await emulator.close();
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

function start(port: number): VouchProcess {
  const p = spawnVouch(
    ['start'],
    vouchEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      VOUCH_DATA_DIR: dir,
      VOUCH_SECRET: 's'.repeat(64),
      VOUCH_SANDBOX: 'off',
      STRIPE_API_BASE: proxyUrl,
      VOUCH_BOOTSTRAP_API_KEY: KEY,
    }),
  );
  processes.push(p);
  return p;
}

describe('a worker killed in the middle of a task', () => {
  it("leaves the friend's Stripe customer to another worker within seconds, made once", async () => {
    const port = await freePort('127.0.0.1');
    const first = start(port);
    const base = (await first.running(60_000))!;
    const call = (method: string, path: string, body?: object) => callVouch(base, KEY, method, path, body);
    const connection = await call('POST', '/v1/stripe/connections', { api_key: 'sk_test_takeover_key' });
    expect(connection.id).toMatch(/^conn_/);
    const campaign = await call('POST', '/v1/campaigns', {
      name: 'Takeover',
      status: 'live',
      connection_id: connection.id,
      customers: {
        create: 'immediately',
        existing_customer: 'do_not_create',
        friend_customer: { metadata: { vouch_lead_id: 'lead.id' } },
      },
    });
    const referrer = await call('POST', `/v1/campaigns/${campaign.id}/referrers`, {
      email: 'jane@example.com',
      first_name: 'Jane',
    });
    const lead = await call('POST', `/v1/campaigns/${campaign.id}/leads`, {
      email: 'waiting.friend@example.com',
      referrer: referrer.id,
    });
    await creationHeld;
    // On a server a second worker is running when the first dies; embedded, the one process restarts.
    let secondBase: string | undefined;
    if (onPostgres()) secondBase = await start(await freePort('127.0.0.1')).running(60_000);
    first.child.kill('SIGKILL');
    await first.exited();
    secondBase ??= await start(port).running(60_000);
    const timeline = async () =>
      (await callVouch(secondBase!, KEY, 'GET', `/v1/leads/${lead.id}`)).timeline as Array<{ type: string }>;
    // A job queue would hold the dead worker's job until it expires (15 minutes): the test would time out.
    await eventually(async () => (await timeline()).some((e) => e.type === 'lead.customer_linked'), 25_000);
    const customers = await sdkFor(emulator, 'sk_test_takeover_key').customers.list({
      email: 'waiting.friend@example.com',
    });
    expect(customers.data).toHaveLength(1);
  }, 120_000);
});
