import { referrersRepository } from '../db/repositories/referrers.js';
import { assignGeneratedCode } from '../services/referrer-writes.js';
import { defineJob } from './job-definition.js';

const BATCH = 200;

/**
 * Gives every referrer of a campaign without a code a generated one. Each referrer is its own short
 * transaction and only referrers still without a code are read, so a retried or restarted job picks up
 * where it stopped and never changes a code twice.
 */
export const generateReferralCodesJob = defineJob<{ campaign_id: string }>({
  name: 'generate-referral-codes',
  retryLimit: 5,
  async handle(data, { database, logger }) {
    let after: string | undefined;
    let done = 0;
    for (;;) {
      const batch = await referrersRepository(database.db).withoutCode(data.campaign_id, after, BATCH);
      if (batch.length === 0) break;
      for (const referrer of batch) {
        await database.db.transaction().execute((tx) => assignGeneratedCode(tx, referrer));
        done += 1;
      }
      after = batch.at(-1)!.id;
    }
    logger.info({ campaign_id: data.campaign_id, codes: done }, 'referral codes generated');
  },
});
