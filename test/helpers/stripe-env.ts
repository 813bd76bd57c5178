import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import Stripe from 'stripe';
import { type EmulatorHandle, startEmulator } from '../../emulator/index.js';
import type { PublicLimits } from '../../src/config.js';
import { SecretBox } from '../../src/crypto/secret-box.js';
import { loadMigrations } from '../../src/db/migrate.js';
import type { RewardRow } from '../../src/db/tables.js';
import { freePort } from '../../src/free-port.js';
import { buildApp } from '../../src/http/app.js';
import { startWorkers } from '../../src/jobs/workers.js';
import { apiKeysService } from '../../src/services/api-keys.js';
import { smtpTransport } from '../../src/services/email-transport.js';
import type { DeliveryOptions } from '../../src/services/webhook-sender.js';
import { StripeGateway } from '../../src/stripe/gateway.js';
import type { TestApp } from './test-app.js';
import { createTestDatabase } from './test-database.js';

export type StripeEnv = TestApp & {
  emulator: EmulatorHandle;
  /** The SDK on the emulator, for the test's own actions as "the business" or "the customer". */
  stripe: Stripe;
  box: SecretBox;
  baseUrl: string;
};

export const sdkFor = (emulator: EmulatorHandle, key = 'sk_test_business') =>
  new Stripe(key, {
    host: '127.0.0.1',
    port: emulator.port,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
  });

/**
 * The real app listening on 127.0.0.1 (so the emulator can deliver webhooks to it), with job workers and
 * the Stripe gateway pointed at an in-process emulator.
 */
export async function startStripeEnv(
  options: {
    webhookRetryBaseMs?: number;
    oauth?: boolean;
    /** When an event that failed is tried again (default: after 2, 4, 8, 16 s). */
    eventRetryDelayMs?: (attempts: number) => number;
    /** Stripe requests per second per account (default 25 in test mode, as Stripe allows). */
    stripeRateLimit?: number;
    /** Emulator's own limit (429s beyond it); off by default. */
    emulatorRateLimit?: number;
    /**
     * Whether the emulator accepts webhook endpoints on 127.0.0.1, where this app listens (default true).
     * false: it refuses them like Stripe, so Vouch gets no webhook endpoint and no webhooks.
     */
    emulatorAllowsPrivateWebhooks?: boolean;
    /** The emulated account's default Stripe API version (default: the SDK's). */
    emulatorApiVersion?: string;
    /**
     * Outgoing webhooks, for the runner and the API's pings and replays: retry waits and attempts (default:
     * 50 ms doubling, 8 attempts), and `allowPrivate: true` to deliver to receivers on 127.0.0.1 (default:
     * public addresses only, as in production).
     */
    outgoingWebhooks?: DeliveryOptions;
    /** Runs between a reward's Stripe call and its commit (a crash there, when it throws). */
    afterRewardStripeCall?: (reward: RewardRow) => Promise<void> | void;
    /** Limits on strangers (default: the production defaults). */
    publicLimits?: PublicLimits;
    /** Requests per minute per client on public endpoints, in this process (default 300). */
    publicRateLimit?: number;
    /** An SMTP server the email runner sends the outbox to (default: none, mail waits in the outbox). */
    smtpUrl?: string;
  } = {},
): Promise<StripeEnv> {
  const emulator = await startEmulator({
    webhookRetryBaseMs: options.webhookRetryBaseMs ?? 50,
    webhookMaxAttempts: 4,
    allowPrivateWebhookUrls: options.emulatorAllowsPrivateWebhooks ?? true,
    ...(options.emulatorApiVersion ? { defaultApiVersion: options.emulatorApiVersion } : {}),
    ...(options.emulatorRateLimit ? { rateLimit: options.emulatorRateLimit } : {}),
  });
  const db = await createTestDatabase();
  const logger = pino({ level: 'silent' });
  const box = new SecretBox('t'.repeat(64));
  const rate = options.stripeRateLimit ?? 1000;
  const gateway = new StripeGateway(box, emulator.url, { test: rate, live: rate });
  const port = await freePort('127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  const apiKeys = apiKeysService(db.database);
  const workers = await startWorkers({
    database: db.database,
    logger,
    now: () => new Date(),
    role: 'all',
    gateway,
    box,
    publicUrl: baseUrl,
    options: {
      pollMs: 100,
      jobPollingIntervalSeconds: 0.5,
      eventRetryDelayMs: options.eventRetryDelayMs,
      eventPollDelayMs: (failures) => (failures === 0 ? 300 : 200 * failures),
      taskRetryDelayMs: () => 200,
      rewards: { maxAttempts: 2, afterStripeCall: options.afterRewardStripeCall },
      outgoingWebhooks: { retryDelayMs: (attempt) => 50 * 2 ** (attempt - 1), ...options.outgoingWebhooks },
    },
    ...(options.smtpUrl
      ? {
          email: {
            transport: smtpTransport(options.smtpUrl, 5000),
            from: 'Acme Referrals <referrals@acme.test>',
            timeoutMs: 5000,
            retryDelayMs: () => 200,
          },
        }
      : {}),
  });
  const app: FastifyInstance = await buildApp({
    database: db.database,
    logger,
    apiKeys,
    queue: workers.queue,
    ...workers.wakers,
    gateway,
    box,
    ...(options.oauth ? { oauth: { clientId: 'ca_test_platform', platformKey: 'sk_test_platform' } } : {}),
    publicUrl: baseUrl,
    ...(options.outgoingWebhooks ? { outgoingWebhooks: options.outgoingWebhooks } : {}),
    clickFlushMs: 50,
    linkCacheMs: 100,
    expectedMigration: loadMigrations().at(-1)!.version,
    bodyLimit: 1024 * 1024,
    ...(options.publicLimits ? { publicLimits: options.publicLimits } : {}),
    ...(options.publicRateLimit ? { publicRateLimit: options.publicRateLimit } : {}),
  });
  await app.listen({ port, host: '127.0.0.1' });
  const secret = await apiKeys.create({ name: 'test secret', kind: 'secret' });
  const publishable = await apiKeys.create({ name: 'test publishable', kind: 'publishable' });
  return {
    app,
    db,
    emulator,
    stripe: sdkFor(emulator),
    box,
    baseUrl,
    secretKey: secret.secret,
    publishableKey: publishable.secret,
    async close() {
      // A slow step is named, so that a close that runs out of time says what it waited for.
      await timed('app', () => app.close());
      await timed('workers', () => workers.stop());
      await timed('emulator', () => emulator.close());
      await timed('database', () => db.close());
    },
  };
}

/** Runs one step of a close, telling stderr when it took longer than 5 s. */
async function timed(step: string, run: () => Promise<unknown>): Promise<void> {
  const started = Date.now();
  const slow = setTimeout(
    () => process.stderr.write(`closing the test environment: ${step} still running after 5 s\n`),
    5000,
  );
  try {
    await run();
  } finally {
    clearTimeout(slow);
    const ms = Date.now() - started;
    if (ms > 5000) process.stderr.write(`closing the test environment: ${step} took ${ms} ms\n`);
  }
}
