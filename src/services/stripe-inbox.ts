import type { Database } from '../db/database.js';
import { connectionsRepository } from '../db/repositories/connections.js';
import { stripeEventsRepository } from '../db/repositories/stripe-events.js';
import { VouchError } from '../errors.js';
import { processStripeEventJob } from '../jobs/process-stripe-event-job.js';
import { type JobQueue, requireQueue } from '../jobs/queue.js';
import type { StripeGateway } from '../stripe/gateway.js';
import { hasHandler } from '../stripe/handlers/registry.js';
import { isSubscribed } from '../stripe/webhook-events.js';
import type { ConnectionsService } from './connections.js';

export type Receipt = { received: true; duplicate: boolean; ignored: boolean };

/**
 * Webhooks: verify the signature on the raw bytes, record the event in the inbox and enqueue its
 * processing in one transaction, and only then acknowledge. A duplicate changes nothing; a type Vouch
 * does not use is acknowledged and dropped.
 */
export function stripeInbox(deps: {
  database: Database;
  gateway: StripeGateway;
  connections: ConnectionsService;
  queue: JobQueue | undefined;
}) {
  const touched = new Map<string, number>();
  /**
   * `last_event_at` is for humans (health): written at most once a second per connection and outside the
   * event's transaction, so concurrent webhooks never queue on the connection row.
   */
  async function touchLastEvent(connectionId: string): Promise<void> {
    const at = Date.now();
    if (at - (touched.get(connectionId) ?? 0) < 1000) return;
    touched.set(connectionId, at);
    await connectionsRepository(deps.database.db).touchLastEvent(connectionId, new Date(at));
  }

  return {
    async receive(connectionId: string, rawBody: Buffer, signature: string | undefined): Promise<Receipt> {
      const { connection, secrets } = await deps.connections.webhookSecrets(connectionId);
      if (!signature) {
        throw new VouchError(
          400,
          'invalid_request_error',
          'signature_missing',
          'The Stripe-Signature header is missing.',
        );
      }
      if (secrets.length === 0) {
        throw new VouchError(
          400,
          'invalid_request_error',
          'webhook_secret_missing',
          'This connection has no webhook signing secret yet; set it with POST /v1/stripe/connections/{id}/webhook_secret.',
        );
      }
      let event: { id: string; type: string; created: number };
      try {
        event = deps.gateway.verifyWebhook(rawBody, signature, secrets);
      } catch (error) {
        throw new VouchError(
          400,
          'invalid_request_error',
          'signature_invalid',
          `The webhook signature does not verify: ${(error as Error).message}`,
        );
      }
      if (!isSubscribed(event.type)) return { received: true, duplicate: false, ignored: true };
      const queue = requireQueue(deps.queue, 'This server cannot take events now.');
      const needsWork = hasHandler(event.type);
      const inserted = await deps.database.db.transaction().execute(async (tx) => {
        const fresh = await stripeEventsRepository(tx).insert({
          connectionId: connection.id,
          id: event.id,
          type: event.type,
          createdAt: new Date(event.created * 1000),
          payload: JSON.parse(rawBody.toString('utf8')),
          source: 'webhook',
          processedAt: needsWork ? undefined : new Date(),
        });
        if (fresh && needsWork) {
          await queue.send(
            processStripeEventJob.name,
            { connection_id: connection.id, event_id: event.id },
            { tx },
          );
        }
        return fresh;
      });
      if (inserted) {
        if (needsWork) queue.notify(processStripeEventJob.name);
        await touchLastEvent(connection.id);
      }
      return { received: true, duplicate: !inserted, ignored: false };
    },

    /** Puts a dead-lettered event back in the queue, once its cause is fixed. */
    async replay(connectionId: string, eventId: string) {
      const row = await stripeEventsRepository(deps.database.db).revive(connectionId, eventId);
      if (!row)
        throw new VouchError(
          404,
          'invalid_request_error',
          'resource_missing',
          `No such event: '${eventId}'`,
          'event_id',
        );
      const queue = requireQueue(deps.queue);
      await queue.send(processStripeEventJob.name, { connection_id: connectionId, event_id: eventId });
      queue.notify(processStripeEventJob.name);
      return row;
    },
  };
}

export type StripeInbox = ReturnType<typeof stripeInbox>;
