import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../database.js';
import type {
  DomainEventsTable,
  WebhookAttemptRow,
  WebhookAttemptsTable,
  WebhookDeliveriesTable,
  WebhookDeliveryRow,
  WebhookDeliveryStatus,
} from '../tables.js';

export type UndispatchedEvent = Pick<
  Selectable<DomainEventsTable>,
  'id' | 'type' | 'campaign_id' | 'lead_id' | 'referrer_id' | 'data' | 'created_at'
>;

export type DeliveryChanges = {
  status: WebhookDeliveryStatus;
  next_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at?: Date | undefined;
};

export function webhookDeliveriesRepository(db: Executor) {
  return {
    /**
     * Inside the dispatching transaction: the oldest domain events without deliveries yet, locked; events
     * another process is dispatching are skipped.
     */
    async lockUndispatched(limit: number): Promise<UndispatchedEvent[]> {
      return db
        .selectFrom('domain_events')
        .select(['id', 'type', 'campaign_id', 'lead_id', 'referrer_id', 'data', 'created_at'])
        .where('dispatched_at', 'is', null)
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
    },

    async markDispatched(ids: string[], at: Date): Promise<void> {
      if (ids.length === 0) return;
      await db.updateTable('domain_events').set({ dispatched_at: at }).where('id', 'in', ids).execute();
    },

    /** Adds deliveries; one already made for the same endpoint and event is kept as it is. */
    async insertMany(rows: Insertable<WebhookDeliveriesTable>[]): Promise<void> {
      // In chunks: a statement takes at most 65,535 parameters.
      for (let i = 0; i < rows.length; i += 1000) {
        await db
          .insertInto('webhook_deliveries')
          .values(rows.slice(i, i + 1000))
          .onConflict((oc) => oc.columns(['endpoint_id', 'event_id']).doNothing())
          .execute();
      }
    },

    async insert(row: Insertable<WebhookDeliveriesTable>): Promise<WebhookDeliveryRow> {
      return db.insertInto('webhook_deliveries').values(row).returningAll().executeTakeFirstOrThrow();
    },

    /**
     * Takes up to `limit` deliveries due now, to active endpoints, that no sender holds, and holds them until
     * `lockedUntil`. One statement: two processes never take the same delivery.
     */
    async claimDue(now: Date, lockedUntil: Date, limit: number): Promise<WebhookDeliveryRow[]> {
      const due = db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
        .select('d.id')
        .where('d.status', '=', 'pending')
        .where('d.next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('d.locked_until', 'is', null), eb('d.locked_until', '<=', now)]))
        .where('e.status', '=', 'active')
        .orderBy('d.next_attempt_at')
        .limit(limit)
        .forUpdate('d')
        .skipLocked();
      return db
        .updateTable('webhook_deliveries')
        .set({ locked_until: lockedUntil })
        .where('id', 'in', due)
        .returningAll()
        .execute();
    },

    /** Holds one delivery for a replay or test; undefined when a sender holds it now (or it is gone). */
    async claim(id: string, now: Date, lockedUntil: Date): Promise<WebhookDeliveryRow | undefined> {
      return db
        .updateTable('webhook_deliveries')
        .set({ locked_until: lockedUntil })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .returningAll()
        .executeTakeFirst();
    },

    /** Counts the attempt, stores its outcome and releases the delivery; false when it was deleted meanwhile. */
    async recordAttempt(
      id: string,
      changes: DeliveryChanges,
      attempt: Omit<Insertable<WebhookAttemptsTable>, 'delivery_id'>,
    ): Promise<boolean> {
      const updated = await db
        .updateTable('webhook_deliveries')
        .set({ ...changes, attempts: sql`attempts + 1`, locked_until: null })
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst();
      if (!updated) return false;
      await db
        .insertInto('webhook_attempts')
        .values({ ...attempt, delivery_id: id })
        .execute();
      return true;
    },

    async findById(id: string): Promise<WebhookDeliveryRow | undefined> {
      return db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** An endpoint's delivery log, newest first. */
    async list(query: {
      endpointId: string;
      limit: number;
      startingAfter?: string | undefined;
      status?: WebhookDeliveryStatus | undefined;
      eventType?: string | undefined;
    }): Promise<WebhookDeliveryRow[]> {
      let q = db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('endpoint_id', '=', query.endpointId)
        .orderBy('id', 'desc')
        .limit(query.limit + 1);
      if (query.startingAfter) q = q.where('id', '<', query.startingAfter);
      if (query.status) q = q.where('status', '=', query.status);
      if (query.eventType) q = q.where('event_type', '=', query.eventType);
      return q.execute();
    },

    /** A delivery's attempts, oldest first. */
    async attempts(deliveryId: string): Promise<WebhookAttemptRow[]> {
      return db
        .selectFrom('webhook_attempts')
        .selectAll()
        .where('delivery_id', '=', deliveryId)
        .orderBy('id')
        .execute();
    },
  };
}
