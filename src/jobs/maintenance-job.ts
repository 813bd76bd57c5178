import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { createId } from '../domain/ids.js';
import { defineJob } from './job-definition.js';

const KEEP_DAYS = 7;

/** Records that the workers are alive and prunes its own old records. Runs every five minutes. */
export const maintenanceJob = defineJob<Record<string, never>>({
  name: 'maintenance',
  schedule: '*/5 * * * *',
  retryLimit: 2,
  async handle(_data, { database, now }) {
    await database.db.transaction().execute(async (tx) => {
      const cutoff = new Date(now().getTime() - KEEP_DAYS * 86_400_000);
      const pruned = await tx.deleteFrom('maintenance_runs').where('ran_at', '<', cutoff).executeTakeFirst();
      await tx
        .insertInto('maintenance_runs')
        .values({ id: createId('mnt'), ran_at: now(), pruned_rows: Number(pruned.numDeletedRows) })
        .execute();
    });
  },
});

export async function lastMaintenanceAt(database: Database): Promise<Date | null> {
  const row = await sql<{ at: Date | null }>`select max(ran_at) as at from maintenance_runs`.execute(
    database.db,
  );
  return row.rows[0]?.at ?? null;
}
