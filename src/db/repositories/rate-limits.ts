import { sql } from 'kysely';
import type { Executor } from '../database.js';

export function rateLimitsRepository(db: Executor) {
  return {
    /**
     * Counts one hit of `key` in the fixed window starting at `windowStart` and answers the hits so far in
     * it; a key last hit in an earlier window starts again at one. One statement, so concurrent hits from
     * any number of processes are all counted.
     */
    async hit(key: string, windowStart: Date): Promise<number> {
      const row = await db
        .insertInto('rate_limit_windows')
        .values({ key, window_start: windowStart, hits: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            hits: sql<number>`case when rate_limit_windows.window_start = excluded.window_start
              then rate_limit_windows.hits + 1 else 1 end`,
            window_start: sql<Date>`excluded.window_start`,
          }),
        )
        .returning('hits')
        .executeTakeFirstOrThrow();
      return row.hits;
    },

    /** The hits of `key` in the window starting at `windowStart` (0 when it was last hit in another). */
    async count(key: string, windowStart: Date): Promise<number> {
      const row = await db
        .selectFrom('rate_limit_windows')
        .select('hits')
        .where('key', '=', key)
        .where('window_start', '=', windowStart)
        .executeTakeFirst();
      return row?.hits ?? 0;
    },

    /** Forgets windows that ended before `before`. */
    async prune(before: Date): Promise<number> {
      const result = await db
        .deleteFrom('rate_limit_windows')
        .where('window_start', '<', before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
