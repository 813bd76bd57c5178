import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { connectionsRepository } from '../db/repositories/connections.js';
import { stripeEventsRepository } from '../db/repositories/stripe-events.js';
import { eventDelivery, nextPollDelayMs } from '../domain/event-delivery.js';
import { eventsAfter } from '../stripe/connect.js';
import { translateStripeError } from '../stripe/errors.js';
import { isHandled } from '../stripe/event-translation.js';
import type { StripeGateway } from '../stripe/gateway.js';

export type PollDeps = {
  database: Database;
  gateway: StripeGateway;
  logger: Logger;
  now: () => Date;
  /** Wakes this process's inbox worker when events were added. */
  wake?: (() => void) | undefined;
  /** The wait before the next poll after `failures` failures in a row (default `nextPollDelayMs`). */
  delayMs?: ((failures: number) => number) | undefined;
};

/** On a first poll, events created this long before the connection was made are read too (clock skew). */
const FIRST_POLL_OVERLAP_MS = 60_000;

/** What went wrong, in words an owner can act on (Stripe's refusal, or that Stripe could not be reached). */
function describe(error: unknown): string {
  return translateStripeError(error)?.message ?? (error instanceof Error ? error.message : String(error));
}

/**
 * One poll of a connection's events (Stripe's Events API, from the cursor on) into the inbox: the same rows
 * and the same dedupe as webhooks, so nothing downstream knows which brought an event. Records the outcome
 * on the connection (cursor, when, last error, failures in a row) and when the next poll is due. Answers how
 * many events were new.
 */
export async function pollEvents(deps: PollDeps, connectionId: string): Promise<number> {
  const connections = connectionsRepository(deps.database.db);
  const connection = await connections.findById(connectionId);
  if (connection?.status !== 'active' || eventDelivery(connection) === 'webhooks') return 0;
  const at = deps.now();
  try {
    const since = new Date(connection.created_at.getTime() - FIRST_POLL_OVERLAP_MS);
    const found = await eventsAfter(deps.gateway.forConnection(connection), connection.events_cursor, since);
    let added = 0;
    const inbox = stripeEventsRepository(deps.database.db);
    for (const event of found.events) {
      if (!event.storable) {
        deps.logger.warn(
          { connection_id: connection.id, event_id: event.id },
          'Stripe event cannot be stored',
        );
        continue;
      }
      const inserted = await inbox.insert({
        connectionId: connection.id,
        id: event.id,
        type: event.type,
        createdAt: new Date(event.created * 1000),
        payload: event.payload,
        source: 'polling',
        processedAt: isHandled(event.type) ? undefined : at,
      });
      if (inserted) added += 1;
    }
    await connections.update(connection.id, {
      events_cursor: found.cursor,
      events_polled_at: at,
      events_poll_error: null,
      events_poll_failures: 0,
      events_poll_due_at: new Date(at.getTime() + (deps.delayMs ?? nextPollDelayMs)(0)),
    });
    if (added > 0) {
      deps.wake?.();
      await connections.touchLastEvent(connection.id, at);
    }
    return added;
  } catch (error) {
    const failures = connection.events_poll_failures + 1;
    await connections.update(connection.id, {
      events_poll_error: describe(error).slice(0, 1000),
      events_poll_failures: failures,
      events_poll_due_at: new Date(at.getTime() + (deps.delayMs ?? nextPollDelayMs)(failures)),
    });
    deps.logger.warn({ err: error, connection_id: connection.id, failures }, 'polling Stripe events failed');
    return 0;
  }
}
