import { sql } from 'kysely';
import type { Executor } from '../database.js';

/** A customer update a sync is to send to Stripe, for the referrer whose values it writes. */
export type QueuedWrite = { referrerId: string; params: object };

/** A sync's write-back queue: customer updates waiting to be sent to Stripe, then marked done or refused. */
export function syncWritesRepository(db: Executor) {
  return {
    /**
     * Queues write-backs, by customer, in one statement: a write already waiting for the customer takes the
     * new parameters instead, so a burst of changes becomes one request.
     */
    async queueWrites(syncId: string, writes: ReadonlyMap<string, QueuedWrite>): Promise<void> {
      if (writes.size === 0) return;
      await db
        .insertInto('sync_writes')
        .values(
          [...writes].map(([customerId, write]) => ({
            sync_id: syncId,
            customer_id: customerId,
            referrer_id: write.referrerId,
            params: JSON.stringify(write.params),
          })),
        )
        .onConflict((oc) =>
          oc
            .columns(['sync_id', 'customer_id'])
            .where('done_at', 'is', null)
            .doUpdateSet((eb) => ({
              params: eb.ref('excluded.params'),
              referrer_id: eb.ref('excluded.referrer_id'),
            })),
        )
        .execute();
    },

    async waitingWrites(syncId: string, limit: number) {
      return db
        .selectFrom('sync_writes')
        .select(['id', 'customer_id', 'referrer_id', 'params', 'attempts'])
        .where('sync_id', '=', syncId)
        .where('done_at', 'is', null)
        .orderBy('id')
        .limit(limit)
        .execute();
    },

    async countWaitingWrites(syncId: string): Promise<number> {
      const row = await db
        .selectFrom('sync_writes')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('sync_id', '=', syncId)
        .where('done_at', 'is', null)
        .executeTakeFirstOrThrow();
      return row.n;
    },

    /**
     * Marks write-backs done (`error` null) or refused (with Stripe's reason) and counts them, in one
     * statement: a crash cannot leave a write done but uncounted, a write already marked done is not counted
     * twice, and the sync's row is updated once for all of them, so write-backs finishing together do not
     * queue on its lock. The rows are found by primary key, whatever the table's statistics say.
     */
    async finishWrites(
      syncId: string,
      writes: ReadonlyArray<{ id: number; error: string | null }>,
      at: Date,
    ): Promise<void> {
      if (writes.length === 0) return;
      const ids = writes.map((w) => w.id);
      const errors = writes.map((w) => w.error);
      await sql`
        with given as (
          select * from unnest(${ids}::bigint[], ${errors}::text[]) as g(id, error)),
        finished as (
          update sync_writes w set done_at = ${at}, last_error = g.error, attempts = w.attempts + 1
          from given g
          where w.id = any(${ids}::bigint[]) and w.id = g.id and w.done_at is null
          returning g.error is null as ok)
        update syncs set
          written = written + (select count(*)::int from finished where ok),
          write_failures = write_failures + (select count(*)::int from finished where not ok),
          updated_at = ${at}
        where id = ${syncId}`.execute(db);
    },
  };
}
