import { connectionsRepository } from '../db/repositories/connections.js';
import { stripeEventsRepository } from '../db/repositories/stripe-events.js';
import { eventsSince } from '../stripe/connect.js';
import { translateStripeError } from '../stripe/errors.js';
import { isHandled } from '../stripe/event-translation.js';
import { defineJob } from './job-definition.js';

/** Stripe keeps events for 30 days; looking back a little before the cursor covers clock skew. */
const OVERLAP_MS = 5 * 60_000;
const RETENTION_MS = 30 * 86_400_000;

/**
 * Reads the connection's events from Stripe since the last reconciliation and puts any the webhook never
 * delivered (endpoint down, disabled, deleted) into the inbox. The inbox's key makes a second copy of an
 * event a no-op, so nothing is ever processed twice.
 */
export const reconcileStripeEventsJob = defineJob<{ connection_id: string }>({
  name: 'reconcile-stripe-events',
  retryLimit: 3,
  async handle(data, { database, logger, now, gateway, inboxWorker }) {
    if (!gateway) throw new Error('reconciliation needs the Stripe gateway');
    const found = await connectionsRepository(database.db).findById(data.connection_id);
    if (found?.status !== 'active') return;
    const connection = found;
    const client = gateway.forConnection(connection);
    const started = now();
    const floor = started.getTime() - RETENTION_MS;
    const since = new Date(
      Math.max(floor, (connection.reconciled_until ?? connection.created_at).getTime() - OVERLAP_MS),
    );
    let recovered = 0;
    try {
      recovered = await recover();
    } catch (error) {
      // Kept for health: a run that fails every time (a key that may not read events) is a problem to show.
      await connectionsRepository(database.db).update(connection.id, {
        reconcile_error: (translateStripeError(error)?.message ?? (error as Error).message).slice(0, 1000),
        reconcile_failures: connection.reconcile_failures + 1,
      });
      throw error;
    }
    await connectionsRepository(database.db).update(connection.id, {
      reconciled_until: started,
      reconcile_error: null,
      reconcile_failures: 0,
    });
    logger.info(
      { connection_id: connection.id, recovered, since: since.toISOString() },
      'Stripe events reconciled',
    );

    async function recover(): Promise<number> {
      let added = 0;
      for await (const event of eventsSince(client, since)) {
        if (!event.storable) continue;
        const inserted = await stripeEventsRepository(database.db).insert({
          connectionId: connection.id,
          id: event.id,
          type: event.type,
          createdAt: new Date(event.created * 1000),
          payload: event.payload,
          source: 'reconciliation',
          processedAt: isHandled(event.type) ? undefined : new Date(),
        });
        if (inserted) added += 1;
        // Applied while the rest is read, not after the whole month.
        if (inserted && isHandled(event.type)) inboxWorker?.wake();
      }
      return added;
    }
  },
});

/** Every few minutes: reconcile each active connection. */
export const reconcileAllJob = defineJob<Record<string, never>>({
  name: 'reconcile-all-connections',
  schedule: '*/5 * * * *',
  retryLimit: 1,
  async handle(_data, { database, queue }) {
    if (!queue) return;
    for (const connection of await connectionsRepository(database.db).listActive()) {
      await queue.send(
        reconcileStripeEventsJob.name,
        { connection_id: connection.id },
        { singletonKey: connection.id },
      );
    }
  },
});
