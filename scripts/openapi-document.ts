/** The OpenAPI document of the app as it serves it, built on an empty in-memory database. */
import pino from 'pino';
import { SecretBox } from '../src/crypto/secret-box.js';
import { openPglite } from '../src/db/database.js';
import { loadMigrations, migrate } from '../src/db/migrate.js';
import { buildApp } from '../src/http/app.js';
import type { OpenApiDocument } from '../src/http/openapi/render-reference.js';
import { apiKeysService } from '../src/services/api-keys.js';
import { StripeGateway } from '../src/stripe/gateway.js';

export async function openApiDocument(): Promise<OpenApiDocument> {
  const database = await openPglite(undefined);
  await migrate(database);
  const app = await buildApp({
    database,
    logger: pino({ level: 'silent' }),
    apiKeys: apiKeysService(database),
    // Never called: present so the Stripe routes are part of the document.
    gateway: new StripeGateway(new SecretBox('d'.repeat(64)), undefined),
    box: new SecretBox('d'.repeat(64)),
    publicUrl: 'http://localhost:3000',
    expectedMigration: loadMigrations().at(-1)!.version,
    bodyLimit: 1024 * 1024,
  });
  await app.ready();
  // A copy through JSON: the document exactly as GET /v1/openapi.json sends it.
  const doc = JSON.parse(JSON.stringify(app.swagger())) as OpenApiDocument;
  await app.close();
  await database.close();
  return doc;
}
