import { expireLeadsJob } from './expire-leads-job.js';
import { generateReferralCodesJob } from './generate-referral-codes-job.js';
import type { JobDefinition } from './job-definition.js';
import { maintenanceJob } from './maintenance-job.js';
import { reconcileAllJob, reconcileStripeEventsJob } from './reconcile-stripe-events-job.js';
import { stripeBackfillJob } from './stripe-backfill-job.js';
import { stripeLeadCustomerJob } from './stripe-lead-customer-job.js';
import { stripeReferrerCustomerJob } from './stripe-referrer-customer-job.js';

/** Every job Vouch runs. A later capability adds its job here and nowhere else. */
export const jobDefinitions: JobDefinition[] = [
  maintenanceJob,
  generateReferralCodesJob,
  reconcileStripeEventsJob,
  reconcileAllJob,
  expireLeadsJob,
  stripeLeadCustomerJob,
  stripeBackfillJob,
  stripeReferrerCustomerJob,
];
