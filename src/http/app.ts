import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import {
  DEFAULT_PUBLIC_LIMITS,
  DEFAULT_SESSION_SETTINGS,
  type PublicLimits,
  type SessionSettings,
  type SignInLimits,
} from '../config.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Database } from '../db/database.js';
import { createId } from '../domain/ids.js';
import type { JobQueue } from '../jobs/queue.js';
import { analyticsService } from '../services/analytics.js';
import type { ApiKeysService } from '../services/api-keys.js';
import { auditLogService } from '../services/audit-log.js';
import { campaignOffersService } from '../services/campaign-offers.js';
import { campaignsService } from '../services/campaigns.js';
import { ClickCounter } from '../services/click-counter.js';
import { codePerformanceService } from '../services/code-performance.js';
import { connectionHealth } from '../services/connection-health.js';
import { connectionsService } from '../services/connections.js';
import { emailSendsService } from '../services/email-sends.js';
import { emailSuppressionsService } from '../services/email-suppressions.js';
import { emailTemplatesService } from '../services/email-templates.js';
import { emailsService } from '../services/emails.js';
import { invitesService } from '../services/invites.js';
import { leadsService } from '../services/leads.js';
import { offlineCodesService } from '../services/offline-codes.js';
import { portalService } from '../services/portal.js';
import { promotionCodesService } from '../services/promotion-codes.js';
import { publicSignupsService } from '../services/public-signups.js';
import { SharedRateLimiter } from '../services/rate-limits.js';
import { ReferralLinks } from '../services/referral-links.js';
import { referrersService } from '../services/referrers.js';
import { rewardsService } from '../services/rewards.js';
import { sessionsService } from '../services/sessions.js';
import { setupService } from '../services/setup.js';
import { type InboxWaker, stripeInbox } from '../services/stripe-inbox.js';
import { type OAuthSettings, stripeOAuth } from '../services/stripe-oauth.js';
import { syncsService } from '../services/syncs.js';
import { usersService } from '../services/users.js';
import { webhookEndpointsService } from '../services/webhook-endpoints.js';
import type { DeliveryOptions } from '../services/webhook-sender.js';
import type { StripeGateway } from '../stripe/gateway.js';
import { VERSION } from '../version.js';
import { registerAccessLog } from './access-log.js';
import { clientKey } from './client-windows.js';
import { clientError, frameworkError, registerErrorHandling } from './error-handler.js';
import { registerInputChecks } from './input-checks.js';
import { addErrorCodes, registerErrorResponses } from './openapi/error-responses.js';
import { registerAuth } from './plugins/auth.js';
import { requestLogger } from './request-logger.js';
import { analyticsRoutes } from './routes/analytics.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { auditLogRoutes } from './routes/audit-log.js';
import { campaignRoutes } from './routes/campaigns.js';
import { codePerformanceRoutes } from './routes/code-performance.js';
import { couponRoutes } from './routes/coupons.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { emailRoutes } from './routes/email.js';
import { exportRoutes } from './routes/exports.js';
import { healthRoutes } from './routes/health.js';
import { hostedPageRoutes } from './routes/hosted-pages.js';
import { leadRoutes } from './routes/leads.js';
import { openapiRoutes } from './routes/openapi.js';
import { portalRoutes } from './routes/portal.js';
import { portalSessionRoutes } from './routes/portal-sessions.js';
import { promotionCodeRoutes } from './routes/promotion-codes.js';
import { referralLinkRoutes } from './routes/referral-links.js';
import { referrerBulkRoutes } from './routes/referrer-bulk.js';
import { referrerRoutes } from './routes/referrers.js';
import { rewardRoutes } from './routes/rewards.js';
import { sessionRoutes } from './routes/sessions.js';
import { snippetRoutes } from './routes/snippet.js';
import { stripeConnectionRoutes } from './routes/stripe-connections.js';
import { stripeOAuthRoutes } from './routes/stripe-oauth.js';
import { stripeWebhookRoutes } from './routes/stripe-webhooks.js';
import { syncRoutes } from './routes/syncs.js';
import { teammateRoutes } from './routes/teammates.js';
import { unsubscribeRoutes } from './routes/unsubscribe.js';
import { webhookEndpointRoutes } from './routes/webhook-endpoints.js';

export type AppDeps = {
  database: Database;
  logger: Logger;
  apiKeys: ApiKeysService;
  /** Enqueues background work; absent only in tests that need no jobs. */
  queue?: JobQueue;
  /** This process's Stripe inbox worker, woken when a webhook arrives; absent in API-only processes. */
  inboxWorker?: InboxWaker | undefined;
  /** This process's sync runner, woken when a sync starts; absent in API-only processes. */
  syncRunner?: { wake(): void } | undefined;
  /** This process's promotion code runner, woken when codes are queued; absent in API-only processes. */
  promotionCodeRunner?: { wake(): void } | undefined;
  /** This process's task runner (a friend's or a referrer's Stripe customer); absent in API-only processes. */
  taskRunner?: { wake(): void } | undefined;
  /** This process's email runner, woken when a once-off send starts. */
  emailRunner?: { wake(): void } | undefined;
  /** This process's reward runner, woken when a reward is approved or retried. */
  rewardRunner?: { wake(): void } | undefined;
  /** Base of referral links and hosted pages (VOUCH_PUBLIC_URL). */
  publicUrl: string;
  /** Stripe, behind one wall; absent only in tests that never reach Stripe. */
  gateway?: StripeGateway;
  /** Seals stored secrets with VOUCH_SECRET. */
  box?: SecretBox;
  /** Stripe Connect OAuth (client id and platform key); absent: connect by API key only. */
  oauth?: OAuthSettings | undefined;
  /** The migration the code expects; /readyz reports not ready below it. */
  expectedMigration: number;
  bodyLimit: number;
  /** Which reverse proxies to believe about the client address (VOUCH_TRUST_PROXY). */
  trustProxy?: boolean | string;
  /** True when Stripe is the in-process emulator; /readyz says so. */
  sandbox?: boolean;
  /** Requests per minute per client IP on public endpoints, in this process (load shedding). */
  publicRateLimit?: number;
  /** Public sign-ups and wrong API keys per client, shared by every process. */
  publicLimits?: PublicLimits | undefined;
  /** Dashboard sessions: idle and absolute lifetimes. */
  sessions?: SessionSettings | undefined;
  /** Failed sign-ins per account and per client, shared by every process. */
  signInLimits?: SignInLimits | undefined;
  /** Referral-link redirects per minute per client IP (links are shared widely, so this is higher). */
  redirectRateLimit?: number;
  /** How long a resolved referral link is remembered (a campaign change shows after this). */
  linkCacheMs?: number;
  /** How often batched link clicks are written. */
  clickFlushMs?: number;
  /** Outgoing webhooks sent from the API (test pings, replays): where they may go (allowPrivate), timeouts. */
  outgoingWebhooks?: DeliveryOptions;
  now?: () => Date;
};

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

  await app.register(
    healthRoutes({
      database: deps.database,
      expectedMigration: deps.expectedMigration,
      sandbox: deps.sandbox ?? false,
    }),
  );
  const campaigns = campaignsService(deps.database, deps.publicUrl, now);
  const referrers = referrersService(deps.database, deps.publicUrl, now, deps.taskRunner);
  const leads = leadsService(deps.database, now, deps.taskRunner, deps.gateway);
  const clicks = new ClickCounter(deps.database, deps.logger, deps.clickFlushMs);
  app.addHook('onClose', async () => clicks.close());

  await app.register(openapiRoutes());
  await app.register(
    sessionRoutes({
      sessions,
      setup: setupService({ database: deps.database, sessions, limiter, now }),
      trustProxy: deps.trustProxy ?? false,
    }),
  );
  await app.register(
    teammateRoutes({
      users: usersService({ database: deps.database, now }),
      invites: invitesService({ database: deps.database, sessions, limiter, publicUrl: deps.publicUrl, now }),
    }),
  );
  await app.register(auditLogRoutes(auditLogService(deps.database)));
  await app.register(apiKeyRoutes(deps.apiKeys));
  await app.register(campaignRoutes(campaigns));
  await app.register(referrerRoutes(referrers));
  await app.register(
    referrerBulkRoutes({ database: deps.database, campaigns, queue: deps.queue, tasks: deps.taskRunner }),
  );
  const signups = publicSignupsService({
    database: deps.database,
    limiter,
    limits,
    referrers,
    gateway: deps.gateway,
    tasks: deps.taskRunner,
    now,
  });
  await app.register(leadRoutes(leads, campaigns, signups));
  await app.register(exportRoutes(referrers, leads));
  await app.register(analyticsRoutes(analyticsService(deps.database, now)));
  const links = new ReferralLinks(deps.database, deps.linkCacheMs);
  await app.register(
    referralLinkRoutes({
      links,
      clicks,
      publicUrl: deps.publicUrl,
      redirectRateLimit: deps.redirectRateLimit ?? 600,
    }),
  );
  await app.register(snippetRoutes());
  await app.register(dashboardRoutes());
  if (deps.gateway && deps.box) {
    const stripeDeps = {
      database: deps.database,
      gateway: deps.gateway,
      box: deps.box,
      publicUrl: deps.publicUrl,
      now,
    };
    const connections = connectionsService(stripeDeps);
    const inbox = stripeInbox({
      database: deps.database,
      connections,
      worker: deps.inboxWorker,
    });
    await app.register(
      stripeConnectionRoutes({
        database: deps.database,
        connections,
        health: connectionHealth(stripeDeps),
        inbox,
        queue: deps.queue,
      }),
    );
    await app.register(stripeWebhookRoutes(inbox));
    await app.register(
      syncRoutes(
        syncsService({
          database: deps.database,
          gateway: deps.gateway,
          wake: deps.syncRunner ? () => deps.syncRunner?.wake() : undefined,
          now,
        }),
      ),
    );
    const codes = promotionCodesService({
      database: deps.database,
      gateway: deps.gateway,
      wake: deps.promotionCodeRunner ? () => deps.promotionCodeRunner?.wake() : undefined,
      now,
    });
    await app.register(couponRoutes(codes));
    await app.register(promotionCodeRoutes(codes));
    await app.register(stripeOAuthRoutes(stripeOAuth({ ...stripeDeps, connections, settings: deps.oauth })));
  }
  await app.register(
    rewardRoutes(
      rewardsService({
        database: deps.database,
        wake: deps.rewardRunner ? () => deps.rewardRunner?.wake() : undefined,
        now,
      }),
    ),
  );
  await app.register(
    codePerformanceRoutes({
      performance: codePerformanceService(deps.database, deps.gateway),
      offline: offlineCodesService(deps.database, now),
    }),
  );
  const offers = campaignOffersService(deps.database);
  const portal = portalService({
    database: deps.database,
    limiter,
    campaigns,
    referrers,
    offers,
    publicUrl: deps.publicUrl,
    now,
  });
  await app.register(portalSessionRoutes(portal));
  await app.register(portalRoutes({ portal, publicUrl: deps.publicUrl }));
  await app.register(
    hostedPageRoutes({ campaigns, referrers, signups, links, offers, portal, publicUrl: deps.publicUrl }),
  );
  if (deps.box) {
    const webhooks = webhookEndpointsService({
      database: deps.database,
      box: deps.box,
      logger: deps.logger,
      now,
      ...deps.outgoingWebhooks,
    });
    await app.register(webhookEndpointRoutes(webhooks));
    const templates = emailTemplatesService({
      database: deps.database,
      box: deps.box,
      publicUrl: deps.publicUrl,
      now,
    });
    const suppressions = emailSuppressionsService(deps.database);
    await app.register(
      emailRoutes({
        templates,
        suppressions,
        emails: emailsService(deps.database),
        sends: emailSendsService({
          database: deps.database,
          box: deps.box,
          templates,
          now,
          wake: deps.emailRunner ? () => deps.emailRunner?.wake() : undefined,
        }),
      }),
    );
    await app.register(unsubscribeRoutes({ box: deps.box, suppressions }));
  }
  return app;
}
