import { setTimeout as sleep } from 'node:timers/promises';
import { portalSessionsRepository } from '../db/repositories/portal-sessions.js';
import { rateLimitsRepository } from '../db/repositories/rate-limits.js';
import { retentionRepository } from '../db/repositories/retention.js';
import { sessionsRepository } from '../db/repositories/sessions.js';
import { DEFAULT_RETENTION, retentionCutoffs } from '../domain/retention.js';
import { defineJob } from './job-definition.js';

/** A run stops after this long and leaves the rest to the next one (a first run may find months of rows). */
const RUN_BUDGET_MS = 10 * 60_000;

export type PruneCounts = {
  stripe_events: number;
  dead_stripe_events: number;
  domain_events: number;
  webhook_deliveries: number;
  hourly_clicks_rolled_up: number;
  emails: number;
  rate_limit_windows: number;
  ended_sessions: number;
  ended_portal_sessions: number;
};

/**
 * Every hour: removes old, finished log rows in small batches (see `RetentionSettings` for what is kept how
 * long) and rolls old hourly clicks up into days. Each batch is one short statement outside any transaction,
 * with a pause between batches, so webhooks, redirects and workers never wait behind it. Rows with work left
 * (events to apply or replay, domain events to dispatch, deliveries to send) are never touched; payment facts,
 * customer links and lead timelines are history and are not pruned at all.
 */
export const pruneOldRowsJob = defineJob<Record<string, never>>({
  name: 'prune-old-rows',
  schedule: '23 * * * *',
  retryLimit: 1,
  expireInSeconds: 30 * 60,
  async handle(_data, { database, logger, now, retention }) {
    const settings = retention ?? DEFAULT_RETENTION;
    const at = now();
    const cutoffs = retentionCutoffs(settings, at);
    const repository = retentionRepository(database.db);
    const started = Date.now();
    let outOfTime = false;

    /** Runs one batch after another until one comes back short (nothing left) or the run's time is up. */
    async function inBatches(batch: (limit: number) => Promise<number>): Promise<number> {
      let total = 0;
      for (;;) {
        const done = await batch(settings.batchSize);
        total += done;
        if (done < settings.batchSize) return total;
        if (Date.now() - started > RUN_BUDGET_MS) {
          outOfTime = true;
          return total;
        }
        if (settings.pauseMs > 0) await sleep(settings.pauseMs);
      }
    }

    const counts: PruneCounts = {
      stripe_events: await inBatches((n) => repository.deleteProcessedStripeEvents(cutoffs.stripeEvents, n)),
      dead_stripe_events: await inBatches((n) =>
        repository.deleteDeadStripeEvents(cutoffs.deadStripeEvents, cutoffs.stripeEvents, n),
      ),
      domain_events: await inBatches((n) => repository.deleteDispatchedDomainEvents(cutoffs.domainEvents, n)),
      webhook_deliveries: await inBatches((n) =>
        repository.deleteFinishedDeliveries(cutoffs.deliveries, at, n),
      ),
      hourly_clicks_rolled_up: await inBatches((n) => repository.rollUpHourlyClicks(cutoffs.clicks, n)),
      emails: await inBatches((n) => repository.deleteFinishedEmails(cutoffs.emails, at, n)),
      // Rate limit counters are an hour at most; a day later they are only clutter.
      rate_limit_windows: await rateLimitsRepository(database.db).prune(new Date(at.getTime() - 86_400_000)),
      // Sessions that ended a day ago are of no use: their cookies are refused either way.
      ended_sessions: await sessionsRepository(database.db).prune(new Date(at.getTime() - 86_400_000)),
      ended_portal_sessions: await portalSessionsRepository(database.db).prune(
        new Date(at.getTime() - 86_400_000),
      ),
    };

    if (counts.dead_stripe_events > 0)
      logger.warn(
        {
          dead_stripe_events: counts.dead_stripe_events,
          dead_before: cutoffs.deadStripeEvents.toISOString(),
        },
        'dead-lettered Stripe events never replayed were pruned',
      );
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    if (total > 0 || outOfTime)
      logger.info({ ...counts, more_left: outOfTime, ms: Date.now() - started }, 'old rows pruned');
  },
});
