/** What a server's connections wait on, sampled from `pg_stat_activity` while a bench runs. */
import type pg from 'pg';
import { sleep } from './measure.js';

export type WaitShare = { what: string; share: number };

/**
 * Samples the active connections of `applicationName` in the client's own database (other databases on the
 * server may run their own) every `everyMs` until the returned function is called; it resolves to the
 * `top` most frequent "wait event + query" pairs, as shares of all samples.
 */
export function sampleWaits(db: pg.Client, applicationName: string, everyMs = 50, top = 4) {
  const counts = new Map<string, number>();
  let total = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await db.query<{ wait: string; query: string }>(
        `select coalesce(wait_event_type || ':' || wait_event, 'running') as wait, query
           from pg_stat_activity
          where application_name = $1 and state = 'active' and datname = current_database()`,
        [applicationName],
      );
      for (const r of rows) {
        const what = `${r.wait} ${r.query.replace(/\s+/g, ' ').trim().slice(0, 70)}`;
        counts.set(what, (counts.get(what) ?? 0) + 1);
        total++;
      }
      await sleep(everyMs);
    }
  })();
  return async (): Promise<WaitShare[]> => {
    running = false;
    await loop;
    return [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([what, n]) => ({ what, share: Number((n / total).toFixed(2)) }));
  };
}
