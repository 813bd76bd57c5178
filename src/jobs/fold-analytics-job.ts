import { sql } from 'kysely';
import { defineJob } from './job-definition.js';

/**
 * Every minute: the day totals' appended changes are folded into one row per key (`fold_analytics()`, see
 * 0019_analytics_appends.sql), so the overview reads a few rows a day however busy the day was. The sums are
 * the same before and after; folding only keeps the rows few.
 */
export const foldAnalyticsJob = defineJob<Record<string, never>>({
  name: 'fold-analytics',
  schedule: '* * * * *',
  retryLimit: 2,
  async handle(_data, { database, logger }) {
    const { rows } = await sql<{ rows: number }>`select fold_analytics() as rows`.execute(database.db);
    logger.debug({ rows: rows[0]?.rows ?? 0 }, 'analytics day totals folded');
  },
});
