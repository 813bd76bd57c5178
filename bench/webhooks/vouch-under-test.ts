/**
 * What both phases measure: the built CLI on a Postgres database of its own, its Stripe account an emulator
 * in this process delivering webhooks to it, one connection made through the API with a webhook secret of
 * the bench's own (so the bench can sign events itself), and the bench's own connection to the database.
 */
import pg from 'pg';
import Stripe from 'stripe';
import { type EmulatorHandle, startEmulator } from '../../emulator/index.js';
import { freePort } from '../../src/free-port.js';
import { type BenchDatabase, createBenchDatabase } from '../lib/bench-database.js';
import { startVouch, type VouchProcess } from '../lib/spawn-vouch.js';

const KEY = `vch_sk_${'w'.repeat(40)}`;
export const WEBHOOK_SECRET = `whsec_bench${'w'.repeat(24)}`;

export type Json = Record<string, unknown>;

export type VouchUnderTest = {
  vouch: VouchProcess;
  emulator: EmulatorHandle;
  /** The business's SDK client on the emulator. */
  stripe: Stripe;
  /** The bench's own connection to Vouch's database. */
  db: pg.Client;
  databaseUrl: string;
  connectionId: string;
  /** Vouch's API with the secret key; throws on a status of 300 or more. */
  api(method: string, path: string, body?: object): Promise<Json>;
  count(sql: string, params?: unknown[]): Promise<number>;
  close(): Promise<void>;
};

export type VouchSettings = { logLevel: string; poolSize: string | undefined; nodeArgs: string[] };

export async function startVouchUnderTest(
  serverUrl: string,
  settings: VouchSettings,
): Promise<VouchUnderTest> {
  const database: BenchDatabase = await createBenchDatabase(serverUrl, `vouch_bench_webhooks_${process.pid}`);
  // Vouch listens on this machine: the emulator delivers to it, as the sandbox does.
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0, allowPrivateWebhookUrls: true });
  const stripe = new Stripe('sk_test_bench_business', {
    host: '127.0.0.1',
    port: emulator.port,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
  });
  const db = new pg.Client({ connectionString: database.url, application_name: 'vouch-bench' });
  let vouch: VouchProcess | undefined;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await vouch?.stop();
      await emulator.close();
      await db.end().catch(() => {});
      await database.drop();
    })();
    return closing;
  };
  try {
    const port = await freePort('127.0.0.1');
    vouch = await startVouch({
      port,
      nodeArgs: settings.nodeArgs,
      env: {
        PATH: process.env.PATH,
        HOST: '127.0.0.1',
        DATABASE_URL: database.url,
        DATABASE_POOL_SIZE: settings.poolSize,
        VOUCH_SECRET: 'w'.repeat(64),
        VOUCH_SANDBOX: 'off',
        STRIPE_API_BASE: emulator.url,
        VOUCH_PUBLIC_URL: `http://127.0.0.1:${port}`,
        VOUCH_BOOTSTRAP_API_KEY: KEY,
        LOG_LEVEL: settings.logLevel,
      },
    });
    await db.connect();
    const base = vouch.base;
    const api = async (method: string, path: string, body?: object): Promise<Json> => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${KEY}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return JSON.parse(text) as Json;
    };
    const connection = await api('POST', '/v1/stripe/connections', {
      api_key: 'sk_test_vouch_bench_webhooks',
    });
    const connectionId = connection.id as string;
    // The endpoint's own secret is known to Vouch only; ours becomes current, and the emulator's stays valid.
    await api('POST', `/v1/stripe/connections/${connectionId}/webhook_secret`, { secret: WEBHOOK_SECRET });
    const count = async (sql: string, params: unknown[] = []) =>
      Number((await db.query<{ n: string }>(sql, params)).rows[0]!.n);
    return { vouch, emulator, stripe, db, databaseUrl: database.url, connectionId, api, count, close };
  } catch (error) {
    await close();
    throw error;
  }
}
