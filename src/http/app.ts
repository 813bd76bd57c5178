import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { createId } from '../domain/ids.js';
import type { ApiKeysService } from '../services/api-keys.js';
import { registerErrorHandling } from './error-handler.js';
import { registerAuth } from './plugins/auth.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { healthRoutes } from './routes/health.js';
import { openapiRoutes } from './routes/openapi.js';

export type AppDeps = {
  database: Database;
  logger: Logger;
  apiKeys: ApiKeysService;
  /** The migration the code expects; /readyz reports not ready below it. */
  expectedMigration: number;
  bodyLimit: number;
  /** True when Stripe is the in-process emulator; /readyz says so. */
  sandbox?: boolean;
  /** Requests per minute per client IP on public endpoints. */
  publicRateLimit?: number;
};

export const VERSION = '0.1.0';

/** Builds the HTTP API. Everything it talks to is passed in, so tests run the real thing. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.bodyLimit,
    genReqId: () => createId('req'),
    requestIdHeader: false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('request-id', request.id);
  });
  registerErrorHandling(app);
  registerAuth(app, deps.apiKeys);

  await app.register(rateLimit, {
    global: false,
    max: deps.publicRateLimit ?? 300,
    timeWindow: '1 minute',
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Vouch API',
        version: VERSION,
        description: 'Self-hosted, Stripe-native referral engine. Errors share one shape: {"error": {...}}.',
      },
      components: {
        securitySchemes: {
          secretKey: { type: 'http', scheme: 'bearer', description: 'Secret key, vch_sk_...' },
          publishableKey: { type: 'http', scheme: 'bearer', description: 'Publishable key, vch_pk_...' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  await app.register(
    healthRoutes({
      database: deps.database,
      expectedMigration: deps.expectedMigration,
      sandbox: deps.sandbox ?? false,
    }),
  );
  await app.register(openapiRoutes());
  await app.register(apiKeyRoutes(deps.apiKeys));
  return app;
}
