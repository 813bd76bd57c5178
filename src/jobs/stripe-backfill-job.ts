import { tasksRepository } from '../db/repositories/tasks.js';
import { defineJob } from './job-definition.js';

const BATCH = 500;

/**
 * Applies a campaign's Stripe settings to the leads it had before they were set or changed (the hosted
 * products cannot): each pending lead gets the same task a new lead gets, and each other lead that is not
 * rejected and has a customer Vouch made or updated gets it too, so that customer takes the current field
 * mapping. Links are unique and customer creation is idempotent, so running it twice changes nothing.
 */
export const stripeBackfillJob = defineJob<{ campaign_id: string }>({
  name: 'stripe-backfill-leads',
  retryLimit: 3,
  async handle(data, { database, now }) {
    let after = '';
    for (;;) {
      const leads = await database.db
        .selectFrom('leads')
        .select('id')
        .where('campaign_id', '=', data.campaign_id)
        .where((eb) =>
          eb.or([
            eb('status', '=', 'pending'),
            eb.and([
              eb('status', '!=', 'rejected'),
              eb.exists(
                eb
                  .selectFrom('customer_links')
                  .select('customer_links.lead_id')
                  .whereRef('customer_links.lead_id', '=', 'leads.id')
                  .where('customer_links.how', 'in', ['created', 'updated']),
              ),
            ]),
          ]),
        )
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute();
      if (leads.length === 0) break;
      const at = now();
      for (const lead of leads)
        await tasksRepository(database.db).enqueue('stripe_lead_customer', lead.id, at);
      after = leads.at(-1)!.id;
    }
  },
});
