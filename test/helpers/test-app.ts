import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import type { PublicLimits, SessionSettings, SignInLimits } from '../../src/config.js';
import { SecretBox } from '../../src/crypto/secret-box.js';
import { loadMigrations } from '../../src/db/migrate.js';
import { buildApp } from '../../src/http/app.js';
import { startWorkers } from '../../src/jobs/workers.js';
import { apiKeysService } from '../../src/services/api-keys.js';
import { StripeGateway } from '../../src/stripe/gateway.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export type TestApp = {
  app: FastifyInstance;
  db: TestDatabase;
  secretKey: string;
  publishableKey: string;
  close(): Promise<void>;
};

/** The real HTTP app on this file's own database, with one secret and one publishable key. */
export async function startTestApp(
  options: {
    bodyLimit?: number;
    publicRateLimit?: number;
    redirectRateLimit?: number;
    logger?: Logger;
    jobs?: boolean;
    /** Mount the Stripe routes (with a gateway that is never called). */
    stripe?: boolean;
    publicLimits?: PublicLimits;
    /** Another app's database: two apps on one database behave as two processes sharing a Postgres. */
    sharedDb?: TestDatabase;
    /** The app's clock (sessions, expiries), for tests that move time on. */
    now?: () => Date;
    trustProxy?: boolean | string;
    sessions?: SessionSettings;
    signInLimits?: SignInLimits;
  } = {},
): Promise<TestApp> {
  const db = options.sharedDb ?? (await createTestDatabase());
  const apiKeys = apiKeysService(db.database);
  const logger = options.logger ?? pino({ level: 'silent' });
  // Without a gateway or a secret box, the workers are the job queue alone.
  const workers = options.jobs
    ? await startWorkers({
        database: db.database,
        logger,
        now: () => new Date(),
        role: 'worker',
        options: { jobPollingIntervalSeconds: 0.5 },
      })
    : undefined;
  const app = await buildApp({
    database: db.database,
    logger,
    apiKeys,
    ...(workers ? { queue: workers.queue } : {}),
    ...(options.stripe
      ? {
          gateway: new StripeGateway(new SecretBox('d'.repeat(64)), undefined),
          box: new SecretBox('d'.repeat(64)),
        }
      : {}),
    ...(options.redirectRateLimit ? { redirectRateLimit: options.redirectRateLimit } : {}),
    publicUrl: 'http://vouch.test',
    clickFlushMs: 50,
    linkCacheMs: 100,
    expectedMigration: loadMigrations().at(-1)!.version,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    ...(options.publicRateLimit ? { publicRateLimit: options.publicRateLimit } : {}),
    ...(options.publicLimits ? { publicLimits: options.publicLimits } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    ...(options.sessions ? { sessions: options.sessions } : {}),
    ...(options.signInLimits ? { signInLimits: options.signInLimits } : {}),
  });
  await app.ready();
  const secret = await apiKeys.create({ name: 'test secret', kind: 'secret' });
  const publishable = await apiKeys.create({ name: 'test publishable', kind: 'publishable' });
  return {
    app,
    db,
    secretKey: secret.secret,
    publishableKey: publishable.secret,
    async close() {
      await app.close();
      await workers?.stop();
      if (!options.sharedDb) await db.close();
    },
  };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** A JSON API call with the secret key (or `key`), answering the status and the parsed body. */
export async function api(
  t: TestApp,
  method: 'GET' | 'POST' | 'OPTIONS' | 'DELETE',
  url: string,
  payload?: object,
  key = t.secretKey,
) {
  const res = await t.app.inject({ method, url, headers: bearer(key), ...(payload ? { payload } : {}) });
  // biome-ignore lint/suspicious/noExplicitAny: tests read response fields freely
  return { status: res.statusCode, body: (res.body ? res.json() : undefined) as any, headers: res.headers };
}

/** Polls until `check` holds (jobs and batched writes finish in the background). */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
}
