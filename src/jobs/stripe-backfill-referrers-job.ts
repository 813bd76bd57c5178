import { tasksRepository } from '../db/repositories/tasks.js';
import { defineJob } from './job-definition.js';

const BATCH = 500;

/**
 * Sends a campaign's earlier referrers to Stripe once it sends referrers there (`referrers_to_stripe`), or
 * gives their customers a changed mapping: each referrer not removed gets the task a new referrer gets. A
 * referrer sent before is not sent again (see the task), so running it twice changes nothing.
 */
export const stripeBackfillReferrersJob = defineJob<{ campaign_id: string }>({
  name: 'stripe-backfill-referrers',
  retryLimit: 3,
  async handle(data, { database, now }) {
    let after = '';
    for (;;) {
      const referrers = await database.db
        .selectFrom('referrers')
        .select('id')
        .where('campaign_id', '=', data.campaign_id)
        .where('removed_at', 'is', null)
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute();
      if (referrers.length === 0) break;
      const at = now();
      for (const referrer of referrers)
        await tasksRepository(database.db).enqueue('stripe_referrer_customer', referrer.id, at);
      after = referrers.at(-1)!.id;
    }
  },
});
