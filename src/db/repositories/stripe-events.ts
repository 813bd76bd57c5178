import { sql } from 'kysely';
import type { Executor } from '../database.js';
import type { StripeEventRow } from '../tables.js';

export type InboxEvent = {
  connectionId: string;
  id: string;
  type: string;
  createdAt: Date;
  /** The event as JSON text: a webhook's verified body is stored as received, never parsed twice. */
  payload: string;
  source: 'webhook' | 'reconciliation' | 'polling';
  /** Set for events no handler applies: they are kept as received, with nothing left to do. */
  processedAt?: Date | undefined;
};

/** An event in the inbox, by its key. */
export type EventKey = { connectionId: string; id: string };

/** An event's key as one string, for sets and maps: Stripe ids are unique per account, not across them. */
export const eventKeyText = (k: EventKey) => `${k.connectionId} ${k.id}`;

/** A waiting event's key. */
export const keyOfPending = (e: PendingEvent): EventKey => ({ connectionId: e.connection_id, id: e.id });

/** What the worker needs of a waiting event. */
export type PendingEvent = Pick<StripeEventRow, 'connection_id' | 'id' | 'type' | 'payload' | 'attempts'>;

function byConnection(keys: EventKey[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const k of keys) grouped.set(k.connectionId, [...(grouped.get(k.connectionId) ?? []), k.id]);
  return grouped;
}

/** Which events of an inbox a list shows. */
export type InboxStatus = 'all' | 'dead' | 'waiting' | 'processed';

export function stripeEventsRepository(db: Executor) {
  return {
    /** Records an event once; false when it was already in the inbox (a duplicate). */
    async insert(event: InboxEvent): Promise<boolean> {
      return (await this.insertMany([event]))[0]!;
    },

    /**
     * Records events in one statement; for each, whether it is new. An event twice in the list is new
     * once, at its first place.
     */
    async insertMany(events: InboxEvent[]): Promise<boolean[]> {
      const firsts = new Map<string, InboxEvent>();
      for (const e of events) if (!firsts.has(eventKeyText(e))) firsts.set(eventKeyText(e), e);
      const rows = await db
        .insertInto('stripe_events')
        .values(
          [...firsts.values()].map((event) => ({
            connection_id: event.connectionId,
            id: event.id,
            type: event.type,
            created_at: event.createdAt,
            payload: event.payload,
            source: event.source,
            processed_at: event.processedAt ?? null,
          })),
        )
        .onConflict((oc) => oc.columns(['connection_id', 'id']).doNothing())
        .returning(['connection_id', 'id'])
        .execute();
      const inserted = new Set(rows.map((r) => eventKeyText({ connectionId: r.connection_id, id: r.id })));
      return events.map((e) => firsts.get(eventKeyText(e)) === e && inserted.has(eventKeyText(e)));
    },

    async find(connectionId: string, id: string): Promise<StripeEventRow | undefined> {
      return db
        .selectFrom('stripe_events')
        .selectAll()
        .where('connection_id', '=', connectionId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Events waiting to be applied whose time has come, oldest first. */
    async pending(limit: number, at: Date): Promise<PendingEvent[]> {
      return db
        .selectFrom('stripe_events')
        .select(['connection_id', 'id', 'type', 'payload', 'attempts'])
        .where('processed_at', 'is', null)
        .where('dead_at', 'is', null)
        .where('available_at', '<=', at)
        .orderBy('available_at')
        .limit(limit)
        .execute();
    },

    /**
     * Inside the transaction that applies them: locks those of `keys` still waiting. Events another worker
     * holds are skipped (it is applying them); those it finished are no longer waiting.
     */
    async lockPending(keys: EventKey[]): Promise<EventKey[]> {
      const locked: EventKey[] = [];
      for (const [connectionId, ids] of byConnection(keys)) {
        // By key alone, so the primary key finds them; the state is checked on the locked rows.
        const rows = await db
          .selectFrom('stripe_events')
          .select(['id', 'processed_at', 'dead_at'])
          .where('connection_id', '=', connectionId)
          .where('id', '=', sql<string>`any(${ids}::text[])`)
          .forUpdate()
          .skipLocked()
          .execute();
        for (const r of rows) if (!r.processed_at && !r.dead_at) locked.push({ connectionId, id: r.id });
      }
      return locked;
    },

    async markProcessed(keys: EventKey[], at: Date): Promise<void> {
      for (const [connectionId, ids] of byConnection(keys)) {
        await db
          .updateTable('stripe_events')
          .set({ processed_at: at, last_error: null })
          .where('connection_id', '=', connectionId)
          .where('id', '=', sql<string>`any(${ids}::text[])`)
          .execute();
      }
    },

    /**
     * Counts a failed attempt and puts the event back after its backoff; at `maxAttempts` it goes to the
     * dead-letter list instead.
     */
    async recordFailure(
      connectionId: string,
      id: string,
      message: string,
      maxAttempts: number,
      at: Date,
      retryAt: Date,
    ): Promise<{ dead: boolean }> {
      const row = await db
        .updateTable('stripe_events')
        .set({
          attempts: sql`attempts + 1`,
          last_error: message.slice(0, 2000),
          dead_at: sql`case when attempts + 1 >= ${maxAttempts} then ${at}::timestamptz else null end`,
          available_at: retryAt,
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
        .set({ dead_at: null, attempts: 0, processed_at: null, available_at: new Date() })
        .where('connection_id', '=', connectionId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },

    /** A connection's inbox, newest first: every event, or the dead, waiting or processed ones. */
    async list(
      connectionId: string,
      status: InboxStatus,
      limit: number,
      startingAfter?: string,
    ): Promise<StripeEventRow[]> {
      let q = db
        .selectFrom('stripe_events')
        .selectAll()
        .where('connection_id', '=', connectionId)
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (status === 'dead') q = q.where('dead_at', 'is not', null);
      if (status === 'waiting') q = q.where('dead_at', 'is', null).where('processed_at', 'is', null);
      if (status === 'processed') q = q.where('processed_at', 'is not', null);
      if (startingAfter) q = q.where('id', '<', startingAfter);
      return q.execute();
    },

    /**
     * Dead letters about these customers, newest first: events whose object is one of them, or belongs to one
     * of them (a charge, an invoice, a checkout session of the customer). Dead letters are few and indexed.
     */
    async deadConcerning(
      customers: Array<{ connection_id: string; customer_id: string }>,
      limit: number,
    ): Promise<StripeEventRow[]> {
      if (customers.length === 0) return [];
      return db
        .selectFrom('stripe_events')
        .selectAll()
        .where('dead_at', 'is not', null)
        .where((eb) =>
          eb.or(
            customers.map((c) =>
              eb.and([
                eb('connection_id', '=', c.connection_id),
                eb.or([
                  eb(sql`payload->'data'->'object'->>'customer'`, '=', c.customer_id),
                  eb(sql`payload->'data'->'object'->>'id'`, '=', c.customer_id),
                ]),
              ]),
            ),
          ),
        )
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
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
