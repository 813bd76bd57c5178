import { expireLeadsJob } from './expire-leads-job.js';
import { foldAnalyticsJob } from './fold-analytics-job.js';
import { generateReferralCodesJob } from './generate-referral-codes-job.js';
import type { JobDefinition } from './job-definition.js';
import { maintenanceJob } from './maintenance-job.js';
import { pruneOldRowsJob } from './prune-old-rows-job.js';
import { reconcileAllJob, reconcileStripeEventsJob } from './reconcile-stripe-events-job.js';
import { stripeBackfillJob } from './stripe-backfill-job.js';
import { stripeBackfillReferrersJob } from './stripe-backfill-referrers-job.js';

/** Every job Vouch runs. A later capability adds its job here and nowhere else. */
export const jobDefinitions: JobDefinition[] = [
  maintenanceJob,
  pruneOldRowsJob,
  generateReferralCodesJob,
  reconcileStripeEventsJob,
  reconcileAllJob,
  expireLeadsJob,
  foldAnalyticsJob,
  stripeBackfillJob,
  stripeBackfillReferrersJob,
];
