import { sql } from 'kysely';
import type { Executor } from '../database.js';
import type { StripeEventRow } from '../tables.js';

export type InboxEvent = {
  connectionId: string;
  id: string;
  type: string;
  createdAt: Date;
  payload: unknown;
  source: 'webhook' | 'reconciliation';
  /** Set for events no handler applies: they are kept as received, with nothing left to do. */
  processedAt?: Date | undefined;
};

export function stripeEventsRepository(db: Executor) {
  return {
    /** Records an event once; false when it was already in the inbox (a duplicate). */
    async insert(event: InboxEvent): Promise<boolean> {
      const result = await db
        .insertInto('stripe_events')
        .values({
          connection_id: event.connectionId,
          id: event.id,
          type: event.type,
          created_at: event.createdAt,
          payload: JSON.stringify(event.payload),
          source: event.source,
          processed_at: event.processedAt ?? null,
        })
        .onConflict((oc) => oc.columns(['connection_id', 'id']).doNothing())
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    async find(connectionId: string, id: string): Promise<StripeEventRow | undefined> {
      return db
        .selectFrom('stripe_events')
        .selectAll()
        .where('connection_id', '=', connectionId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async markProcessed(connectionId: string, id: string, at: Date): Promise<void> {
      await db
        .updateTable('stripe_events')
        .set({ processed_at: at, last_error: null })
        .where('connection_id', '=', connectionId)
        .where('id', '=', id)
        .execute();
    },

    /** Counts a failed attempt; at `maxAttempts` the event goes to the dead-letter list. */
    async recordFailure(
      connectionId: string,
      id: string,
      message: string,
      maxAttempts: number,
      at: Date,
    ): Promise<{ dead: boolean }> {
      const row = await db
        .updateTable('stripe_events')
        .set({
          attempts: sql`attempts + 1`,
          last_error: message.slice(0, 2000),
          dead_at: sql`case when attempts + 1 >= ${maxAttempts} then ${at}::timestamptz else null end`,
        })
        .where('connection_id', '=', connectionId)
        .where('id', '=', id)
        .returning('dead_at')
        .executeTakeFirst();
      return { dead: row?.dead_at != null };
    },

    async revive(connectionId: string, id: string): Promise<StripeEventRow | undefined> {
      return db
        .updateTable('stripe_events')
        .set({ dead_at: null, attempts: 0, processed_at: null })
        .where('connection_id', '=', connectionId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },

    async listDead(connectionId: string, limit: number, startingAfter?: string): Promise<StripeEventRow[]> {
      let q = db
        .selectFrom('stripe_events')
        .selectAll()
        .where('connection_id', '=', connectionId)
        .where('dead_at', 'is not', null)
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (startingAfter) q = q.where('id', '<', startingAfter);
      return q.execute();
    },

    async counts(connectionId: string): Promise<{ dead: number; waiting: number; processed: number }> {
      const row = await db
        .selectFrom('stripe_events')
        .select([
          sql<number>`count(*) filter (where dead_at is not null)::int`.as('dead'),
          sql<number>`count(*) filter (where dead_at is null and processed_at is null)::int`.as('waiting'),
          sql<number>`count(*) filter (where processed_at is not null)::int`.as('processed'),
        ])
        .where('connection_id', '=', connectionId)
        .executeTakeFirstOrThrow();
      return row;
    },
  };
}
