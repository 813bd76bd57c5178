import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { DEFAULT_PUBLIC_LIMITS, DEFAULT_SESSION_SETTINGS } from '../config.js';
import { createId } from '../domain/ids.js';
import { SharedRateLimiter } from '../services/rate-limits.js';
import { sessionsService } from '../services/sessions.js';
import { VERSION } from '../version.js';
import { registerAccessLog } from './access-log.js';
import type { AppDeps } from './app-deps.js';
import { clientKey } from './client-windows.js';
import { clientError, frameworkError, registerErrorHandling } from './error-handler.js';
import { registerInputChecks } from './input-checks.js';
import { addErrorCodes, registerErrorResponses } from './openapi/error-responses.js';
import { registerAuth } from './plugins/auth.js';
import { registerRoutes } from './register-routes.js';
import { requestLogger } from './request-logger.js';

/** Builds the HTTP API. Everything it talks to is passed in, so tests run the real thing. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.bodyLimit,
    trustProxy: deps.trustProxy ?? false,
    genReqId: () => createId('req'),
    requestIdHeader: false,
    // Fastify's own two lines per request, at info, are replaced by one at debug (access-log.ts).
    logController: new LogController({ disableRequestLogging: true }),
    // Each request's logger is made when the request first logs, not for every request.
    childLoggerFactory: requestLogger,
    // The error handler turns requests away while stopping, in the one error shape.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    ajv: { customOptions: { coerceTypes: false } },
    frameworkErrors: frameworkError,
    clientErrorHandler: clientError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Hooks every request runs take a callback rather than return a promise: no promise per hook and request.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('request-id', request.id);
    done();
  });
  registerAccessLog(app);
  registerErrorHandling(app);
  const operationFacts = registerErrorResponses(app);
  registerInputChecks(app);
  const now = deps.now ?? (() => new Date());
  const limits = deps.publicLimits ?? DEFAULT_PUBLIC_LIMITS;
  // On the app's clock, like the sessions whose sign-ins it counts.
  const limiter = new SharedRateLimiter(deps.database, () => now().getTime());
  const sessions = sessionsService({
    database: deps.database,
    limiter,
    settings: deps.sessions ?? DEFAULT_SESSION_SETTINGS,
    limits: deps.signInLimits,
    now,
  });
  registerAuth(app, {
    apiKeys: deps.apiKeys,
    sessions,
    limiter,
    failuresPerClient: limits.authFailuresPerClient,
  });

  await app.register(rateLimit, {
    global: false,
    max: deps.publicRateLimit ?? 300,
    timeWindow: '1 minute',
    keyGenerator: clientKey,
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
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'vouch_session',
            description: 'A dashboard session (POST /v1/sessions); writes also send the x-csrf-token header',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (document) =>
      'openapiObject' in document
        ? addErrorCodes(document.openapiObject, operationFacts)
        : document.swaggerObject,
  });

  await registerRoutes(app, deps, { sessions, limiter, limits, now });
  return app;
}
