import { type DeleteResult, type Expression, sql } from 'kysely';
import type { Executor } from '../database.js';

const ctid = sql<string>`ctid`.as('ctid');

/**
 * `ctid = any(array(...))`: the batch is picked (and locked) first, then its rows are removed by their
 * physical address, a TID scan; `id in (select ...)` may instead be planned as a join over the whole table.
 * The rows are locked, so their addresses cannot change in between.
 */
const inBatch = (batch: Expression<unknown>) => sql<boolean>`ctid = any(array(${batch}))`;

const deleted = (result: DeleteResult) => Number(result.numDeletedRows);

/**
 * One batch of pruning per call: each is a single short statement that picks at most `limit` rows through a
 * partial index (`0010_retention.sql`), skips rows another transaction holds (`for update skip locked`) and
 * says how many rows it removed. Only finished rows are picked; the callers loop until a batch comes back short.
 */
export function retentionRepository(db: Executor) {
  return {
    /** Inbox events applied (or ignored) before `cutoff` that Stripe created before it too. */
    async deleteProcessedStripeEvents(cutoff: Date, limit: number): Promise<number> {
      const batch = db
        .selectFrom('stripe_events')
        .select(ctid)
        .where('processed_at', 'is not', null)
        .where('processed_at', '<', cutoff)
        .where('created_at', '<', cutoff)
        .where('dead_at', 'is', null)
        .orderBy('processed_at')
        .limit(limit)
        .forUpdate()
        .skipLocked();
      return deleted(await db.deleteFrom('stripe_events').where(inBatch(batch)).executeTakeFirst());
    },

    /**
     * Dead letters never replayed, dead-lettered before `deadCutoff`, of events Stripe created before
     * `windowCutoff`. A replayed one is no longer dead (`revive` clears `dead_at`).
     */
    async deleteDeadStripeEvents(deadCutoff: Date, windowCutoff: Date, limit: number): Promise<number> {
      const batch = db
        .selectFrom('stripe_events')
        .select(ctid)
        .where('dead_at', 'is not', null)
        .where('dead_at', '<', deadCutoff)
        .where('processed_at', 'is', null)
        .where('created_at', '<', windowCutoff)
        .orderBy('dead_at')
        .limit(limit)
        .forUpdate()
        .skipLocked();
      return deleted(await db.deleteFrom('stripe_events').where(inBatch(batch)).executeTakeFirst());
    },

    /** Domain events recorded before `cutoff` whose deliveries were made. */
    async deleteDispatchedDomainEvents(cutoff: Date, limit: number): Promise<number> {
      const batch = db
        .selectFrom('domain_events')
        .select(ctid)
        .where('dispatched_at', 'is not', null)
        .where('created_at', '<', cutoff)
        .orderBy('created_at')
        .limit(limit)
        .forUpdate()
        .skipLocked();
      return deleted(await db.deleteFrom('domain_events').where(inBatch(batch)).executeTakeFirst());
    },

    /**
     * Deliveries that succeeded or failed, made before `cutoff` and not attempted since (a replay keeps one a
     * while longer), that no sender holds now. Their attempts go with them (`on delete cascade`).
     */
    async deleteFinishedDeliveries(cutoff: Date, now: Date, limit: number): Promise<number> {
      const batch = db
        .selectFrom('webhook_deliveries as d')
        .select(sql<string>`d.ctid`.as('ctid'))
        .where('d.status', '<>', 'pending')
        .where('d.created_at', '<', cutoff)
        .where((eb) => eb.or([eb('d.locked_until', 'is', null), eb('d.locked_until', '<=', now)]))
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('webhook_attempts as a')
                .select(sql`1`.as('one'))
                .whereRef('a.delivery_id', '=', 'd.id')
                .where('a.attempted_at', '>=', cutoff),
            ),
          ),
        )
        .orderBy('d.created_at')
        .limit(limit)
        .forUpdate()
        .skipLocked();
      return deleted(await db.deleteFrom('webhook_deliveries').where(inBatch(batch)).executeTakeFirst());
    },

    /**
     * Mails made before `cutoff` that are no longer to be sent (not pending, not held by a sender), and with
     * them their attempts (deleted by the foreign key's cascade). Picked oldest first through the outbox's
     * creation index.
     */
    async deleteFinishedEmails(cutoff: Date, now: Date, limit: number): Promise<number> {
      const batch = db
        .selectFrom('email_outbox')
        .select(sql<string>`ctid`.as('ctid'))
        .where('created_at', '<', cutoff)
        .where('status', '<>', 'pending')
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .orderBy('created_at')
        .limit(limit)
        .forUpdate()
        .skipLocked();
      return deleted(await db.deleteFrom('email_outbox').where(inBatch(batch)).executeTakeFirst());
    },

    /**
     * Rolls hourly click rows before `cutoff` up into their UTC day's midnight row, in one statement: the
     * hourly rows are deleted and their counts added to the day's row, so every sum over a referrer or a
     * campaign stays the same. Midnight rows are the days' totals and are left as they are.
     * Returns how many hourly rows were rolled up.
     */
    async rollUpHourlyClicks(cutoff: Date, limit: number): Promise<number> {
      // The condition is written exactly as the partial index's predicate, so the planner uses the index.
      const result = await sql<{ moved: number }>`
        with moved as (
          delete from clicks where ctid = any(array(
            select ctid from clicks
            where hour < ${cutoff}
              and (hour at time zone 'UTC') <> date_trunc('day', hour at time zone 'UTC')
            order by hour
            limit ${limit}
            for update skip locked
          ))
          returning referrer_id, campaign_id, hour, count
        ), added as (
          insert into clicks (referrer_id, hour, campaign_id, count)
          select referrer_id, date_trunc('day', hour at time zone 'UTC') at time zone 'UTC', min(campaign_id),
            sum(count)::int
          from moved
          group by referrer_id, date_trunc('day', hour at time zone 'UTC')
          on conflict (referrer_id, hour) do update set count = clicks.count + excluded.count
          returning 1
        )
        select count(*)::int as moved from moved`.execute(db);
      return result.rows[0]?.moved ?? 0;
    },
  };
}
