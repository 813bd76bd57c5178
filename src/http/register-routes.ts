import type { FastifyInstance } from 'fastify';
import type { PublicLimits } from '../config.js';
import { analyticsService } from '../services/analytics.js';
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
import type { SharedRateLimiter } from '../services/rate-limits.js';
import { ReferralLinks } from '../services/referral-links.js';
import { referrersService } from '../services/referrers.js';
import { rewardsService } from '../services/rewards.js';
import type { SessionsService } from '../services/sessions.js';
import { setupService } from '../services/setup.js';
import { stripeInbox } from '../services/stripe-inbox.js';
import { stripeOAuth } from '../services/stripe-oauth.js';
import { syncsService } from '../services/syncs.js';
import { usersService } from '../services/users.js';
import { webhookEndpointsService } from '../services/webhook-endpoints.js';
import type { AppDeps } from './app-deps.js';
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

/** What buildApp made before the routes: shared by auth, sign-ins and the routes. */
export type SharedParts = {
  sessions: SessionsService;
  limiter: SharedRateLimiter;
  limits: PublicLimits;
  now: () => Date;
};

/**
 * Makes the services and registers every route of the API, the hosted pages and the dashboard. Routes that
 * reach Stripe are registered only with a gateway and a secret box; those that seal secrets, only with a box.
 */
export async function registerRoutes(
  app: FastifyInstance,
  deps: AppDeps,
  shared: SharedParts,
): Promise<void> {
  const { sessions, limiter, limits, now } = shared;
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
}
