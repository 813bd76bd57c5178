import { sql } from 'kysely';
import { reevaluateLead } from '../services/lead-verdicts.js';
import { defineJob } from './job-definition.js';

/**
 * Every minute: leads whose attribution window has closed without qualifying become expired (the verdict
 * decides; this only finds the candidates).
 */
export const expireLeadsJob = defineJob<Record<string, never>>({
  name: 'expire-leads',
  schedule: '* * * * *',
  retryLimit: 2,
  async handle(_data, { database, now }) {
    const at = now();
    const due = await database.db
      .selectFrom('leads as l')
      .innerJoin('campaigns as c', 'c.id', 'l.campaign_id')
      .select('l.id')
      .where('l.status', '=', 'pending')
      .where(sql<boolean>`c.settings ? 'qualification'`)
      .where(
        sql<boolean>`l.referred_at + make_interval(days => (c.settings->'qualification'->>'window_days')::int) < ${at}`,
      )
      .limit(1000)
      .execute();
    for (const lead of due) {
      await database.db
        .transaction()
        .execute((tx) => reevaluateLead(tx, lead.id, { type: 'window_closed' }, at));
    }
  },
});
