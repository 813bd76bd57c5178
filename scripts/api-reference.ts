/** Writes docs/api-reference.md from the OpenAPI document of the app (`npm run docs:api`). */
import { writeFileSync } from 'node:fs';
import pino from 'pino';
import { SecretBox } from '../src/crypto/secret-box.js';
import { openPglite } from '../src/db/database.js';
import { loadMigrations, migrate } from '../src/db/migrate.js';
import { buildApp } from '../src/http/app.js';
import { type OpenApiDocument, renderReference } from '../src/http/openapi/render-reference.js';
import { apiKeysService } from '../src/services/api-keys.js';
import { StripeGateway } from '../src/stripe/gateway.js';

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
writeFileSync('docs/api-reference.md', renderReference(app.swagger() as unknown as OpenApiDocument));
await app.close();
await database.close();
console.log('wrote docs/api-reference.md');
