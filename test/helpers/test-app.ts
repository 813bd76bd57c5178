import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { loadMigrations } from '../../src/db/migrate.js';
import { buildApp } from '../../src/http/app.js';
import { apiKeysService } from '../../src/services/api-keys.js';
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
  options: { bodyLimit?: number; publicRateLimit?: number; logger?: Logger } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const apiKeys = apiKeysService(db.database);
  const app = await buildApp({
    database: db.database,
    logger: options.logger ?? pino({ level: 'silent' }),
    apiKeys,
    publicUrl: 'http://vouch.test',
    clickFlushMs: 50,
    expectedMigration: loadMigrations().at(-1)!.version,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    ...(options.publicRateLimit ? { publicRateLimit: options.publicRateLimit } : {}),
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
      await db.close();
    },
  };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
