/**
 * The baseline for the burst, in the same run: the same event bodies inserted one row per statement into
 * `bench_raw (id text primary key, payload jsonb)` of the same database by a `pg.Pool` as large as the
 * burst's connections. What a bare durable write of these events costs on this machine.
 */
import pg from 'pg';
import { runConcurrent } from '../lib/measure.js';

export type RawBaseline = { rows: number; seconds: number; rows_per_s: number };

export async function rawBaseline(
  databaseUrl: string,
  events: { ids: string[]; bodies: string[] },
  connections: number,
): Promise<RawBaseline> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  try {
    await pool.query('create table bench_raw (id text primary key, payload jsonb not null)');
    // Every connection open before timing, as autocannon's are before its first request.
    await Promise.all(Array.from({ length: connections }, () => pool.query('select 1')));
    const started = performance.now();
    await runConcurrent(events.ids.length, connections, async (i) => {
      await pool.query('insert into bench_raw (id, payload) values ($1, $2)', [
        events.ids[i],
        events.bodies[i],
      ]);
    });
    const seconds = (performance.now() - started) / 1000;
    return {
      rows: events.ids.length,
      seconds: Number(seconds.toFixed(2)),
      rows_per_s: Math.round(events.ids.length / seconds),
    };
  } finally {
    await pool.query('drop table if exists bench_raw').catch(() => {});
    await pool.end();
  }
}
