import { defineJob } from './job-definition.js';
import { stripeLeadCustomerJob } from './stripe-lead-customer-job.js';

const BATCH = 500;

/**
 * Applies a campaign's Stripe settings to the leads it had before they were set (the hosted products
 * cannot): each pending lead gets the same job a new lead gets. Links are unique and customer creation is
 * idempotent, so running it twice changes nothing.
 */
export const stripeBackfillJob = defineJob<{ campaign_id: string }>({
  name: 'stripe-backfill-leads',
  retryLimit: 3,
  async handle(data, { database, queue }) {
    if (!queue) throw new Error('this job needs the queue');
    let after = '';
    for (;;) {
      const leads = await database.db
        .selectFrom('leads')
        .select('id')
        .where('campaign_id', '=', data.campaign_id)
        .where('status', '=', 'pending')
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute();
      if (leads.length === 0) break;
      for (const lead of leads)
        await queue.send(stripeLeadCustomerJob.name, { lead_id: lead.id }, { singletonKey: lead.id });
      after = leads.at(-1)!.id;
    }
    queue.notify(stripeLeadCustomerJob.name);
  },
});
