import type { Database } from '../db/database.js';
import { isDatabaseUnavailable } from '../db/database-errors.js';
import { GroupWriter } from '../db/group-writer.js';
import { connectionsRepository } from '../db/repositories/connections.js';
import {
  type InboxEvent,
  type PendingEvent,
  stripeEventsRepository,
} from '../db/repositories/stripe-events.js';
import { VouchError } from '../errors.js';
import { isHandled } from '../stripe/event-translation.js';
import { checkSignature, parseEvent } from '../stripe/webhook-check.js';
import { isSubscribed } from '../stripe/webhook-events.js';
import type { ConnectionsService } from './connections.js';
import { FailureCounter } from './rate-limits.js';

/** This process's inbox worker: told when events arrive here, instead of finding them at its next poll. */
export type InboxWaker = {
  wake(): void;
  /** Events just recorded in the inbox by this process, handed over parsed so they are applied at once. */
  arrived(events: PendingEvent[]): void;
};

export type Receipt = { received: true; duplicate: boolean; ignored: boolean };

/**
 * Webhooks: verify the signature on the raw bytes, record the event in the inbox, and only then
 * acknowledge. The inbox row is also the event's place in the processing queue (stripe-inbox-worker.ts), so
 * one insert makes it both durable and due. A duplicate changes nothing; a type Vouch does not use is
 * acknowledged and dropped.
 */
export function stripeInbox(deps: {
  database: Database;
  connections: ConnectionsService;
  /** This process's inbox worker, when it runs one. */
  worker?: InboxWaker | undefined;
  /** Failed checks per client per minute before the client is refused outright (default 60). */
  failuresPerClient?: number | undefined;
}) {
  // Webhooks arriving together are recorded together: one statement and one commit for many events.
  const writer = new GroupWriter<InboxEvent, boolean>(
    (events) => stripeEventsRepository(deps.database.db).insertMany(events),
    { maxInFlight: 2, maxBatch: 200, failsAll: isDatabaseUnavailable },
  );
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

  /**
   * Failed checks (bad signatures, unknown connections) per client, in this process: past the limit a client
   * is refused before any work. Per process on purpose: a signature cannot be guessed however many tries it
   * gets, so this only sheds load, and it costs no database round trip.
   */
  const failures = new FailureCounter({
    name: 'stripe-webhook-failures',
    max: deps.failuresPerClient ?? 60,
    windowMs: 60_000,
    message: 'Too many webhooks with failed signature checks from this client; retry later.',
  });

  async function secretsFor(connectionId: string, client: string) {
    try {
      return await deps.connections.webhookSecrets(connectionId);
    } catch (error) {
      if (error instanceof VouchError && error.status === 404) failures.record(client);
      throw error;
    }
  }

  return {
    async receive(
      connectionId: string,
      rawBody: Buffer,
      signature: string | undefined,
      client = 'unknown',
    ): Promise<Receipt> {
      failures.check(client);
      if (!signature) {
        throw new VouchError(
          400,
          'invalid_request_error',
          'signature_missing',
          'The Stripe-Signature header is missing.',
        );
      }
      let found = await secretsFor(connectionId, client);
      if (found.secrets.length === 0) {
        throw new VouchError(
          400,
          'invalid_request_error',
          'webhook_secret_missing',
          `This connection has no webhook signing secret yet; set it with POST /v1/stripe/connections/${connectionId}/webhook_secret.`,
        );
      }
      let refusal = checkSignature(rawBody, signature, found.secrets);
      // Remembered secrets may be stale (a rotation in another process): check on fresh ones once more. The
      // connection reads them again at most once a second, so failures cost no round trip each.
      if (refusal && found.remembered) {
        found = await deps.connections.webhookSecrets(connectionId, true);
        refusal = checkSignature(rawBody, signature, found.secrets);
      }
      if (refusal) {
        failures.record(client);
        throw new VouchError(
          400,
          'invalid_request_error',
          'signature_invalid',
          `The webhook signature does not verify: ${refusal.message}`,
        );
      }
      const event = parseEvent(rawBody);
      if ('reason' in event) {
        throw new VouchError(
          400,
          'invalid_request_error',
          'event_malformed',
          `The event is signed but cannot be used: ${event.message}`,
        );
      }
      const { connection } = found;
      if (!isSubscribed(event.type)) return { received: true, duplicate: false, ignored: true };
      const needsWork = isHandled(event.type);
      const inserted = await writer.add({
        connectionId: connection.id,
        id: event.id,
        type: event.type,
        createdAt: new Date(event.created * 1000),
        payload: rawBody.toString('utf8'),
        source: 'webhook',
        processedAt: needsWork ? undefined : new Date(),
      });
      if (inserted) {
        if (needsWork)
          deps.worker?.arrived([
            {
              connection_id: connection.id,
              id: event.id,
              type: event.type,
              payload: event.event,
              attempts: 0,
            },
          ]);
        await touchLastEvent(connection.id);
      }
      return { received: true, duplicate: !inserted, ignored: false };
    },

    /** Puts a dead-lettered event back in the inbox's queue, once its cause is fixed. */
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
      deps.worker?.wake();
      return row;
    },
  };
}

export type StripeInbox = ReturnType<typeof stripeInbox>;
