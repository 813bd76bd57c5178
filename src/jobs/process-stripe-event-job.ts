import { connectionsRepository } from '../db/repositories/connections.js';
import { stripeEventsRepository } from '../db/repositories/stripe-events.js';
import { handlers, type StripeEventPayload } from '../stripe/handlers/registry.js';
import { defineJob } from './job-definition.js';

/** Attempts before an event goes to the dead-letter list (each retried by the queue with backoff). */
export const MAX_EVENT_ATTEMPTS = 5;

/**
 * Applies one inbox event in one transaction. An event already processed is skipped, so a retried job or a
 * replay never applies it twice; after MAX_EVENT_ATTEMPTS failures it is dead-lettered with its error.
 */
export const processStripeEventJob = defineJob<{ connection_id: string; event_id: string }>({
  name: 'process-stripe-event',
  retryLimit: MAX_EVENT_ATTEMPTS,
  retryDelaySeconds: 2,
  retryBackoff: true,
  // A webhook taken by an API-only process is picked up by a worker process within half a second.
  pollingIntervalSeconds: 0.5,
  // Events of different customers apply in parallel; those of one customer or charge queue on a lock.
  concurrency: 4,
  // Safe to batch: an event already processed is skipped, so retrying a batch redoes nothing.
  batchSize: 10,
  async handle(data, { database, logger, now, gateway }) {
    const events = stripeEventsRepository(database.db);
    const row = await events.find(data.connection_id, data.event_id);
    if (!row || row.processed_at || row.dead_at) return;
    try {
      const connection = await connectionsRepository(database.db).findById(row.connection_id);
      if (!connection) throw new Error(`connection ${row.connection_id} is gone`);
      const event = row.payload as unknown as StripeEventPayload;
      const handler = handlers[row.type];
      // Reads from Stripe (settled amounts) happen before the transaction, never while holding it.
      const prepared = handler?.prepare ? await handler.prepare({ connection, event, gateway }) : undefined;
      await database.db.transaction().execute(async (tx) => {
        if (handler) await handler.apply({ tx, connection, event, gateway, now: now(), prepared });
        await stripeEventsRepository(tx).markProcessed(row.connection_id, row.id, now());
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const { dead } = await events.recordFailure(
        row.connection_id,
        row.id,
        message,
        MAX_EVENT_ATTEMPTS,
        now(),
      );
      if (dead) {
        logger.error(
          { event_id: row.id, type: row.type, err: error },
          'Stripe event dead-lettered; replay it once fixed',
        );
        return;
      }
      throw error;
    }
  },
});
