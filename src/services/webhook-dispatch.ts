import type { Database } from '../db/database.js';
import {
  type UndispatchedEvent,
  webhookDeliveriesRepository,
} from '../db/repositories/webhook-deliveries.js';
import { webhookEndpointsRepository } from '../db/repositories/webhook-endpoints.js';
import { createId } from '../domain/ids.js';

/** What an endpoint receives: the same body on every attempt of a delivery. */
export type OutgoingEvent = {
  id: string;
  object: 'event';
  type: string;
  created_at: string;
  data: Record<string, unknown>;
};

/**
 * The event as sent: the ids it concerns, then what it recorded. A referrer in it gets its referral link,
 * built on VOUCH_PUBLIC_URL like the API does.
 */
export function eventPayload(event: UndispatchedEvent, publicUrl: string): OutgoingEvent {
  const data: Record<string, unknown> = { campaign_id: event.campaign_id };
  if (event.referrer_id) data.referrer_id = event.referrer_id;
  if (event.lead_id) data.lead_id = event.lead_id;
  Object.assign(data, event.data);
  const referrer = data.referrer as Record<string, unknown> | undefined;
  if (referrer && typeof referrer.slug === 'string')
    data.referrer = { ...referrer, referral_link: `${publicUrl}/r/${referrer.slug}` };
  return {
    id: event.id,
    object: 'event',
    type: event.type,
    created_at: event.created_at.toISOString(),
    data,
  };
}

/** The exact body sent: keys in a fixed order, whatever order the database kept them in. */
export function serializeEvent(payload: Record<string, unknown>): string {
  const { id, object, type, created_at, data } = payload as OutgoingEvent;
  return JSON.stringify({ id, object, type, created_at, data });
}

/**
 * Turns the oldest undispatched domain events into one delivery per active endpoint subscribed to their
 * type, and marks them dispatched, in one transaction (events another process holds are skipped). Returns
 * how many events it took.
 */
export async function dispatchDomainEvents(
  deps: { database: Database; publicUrl: string; now: () => Date },
  batchSize = 100,
): Promise<number> {
  return deps.database.db.transaction().execute(async (tx) => {
    const deliveries = webhookDeliveriesRepository(tx);
    const events = await deliveries.lockUndispatched(batchSize);
    if (events.length === 0) return 0;
    const endpoints = await webhookEndpointsRepository(tx).active();
    const at = deps.now();
    await deliveries.insertMany(
      events.flatMap((event) =>
        endpoints
          .filter((e) => e.event_types.includes(event.type))
          .map((endpoint) => ({
            id: createId('whd'),
            endpoint_id: endpoint.id,
            event_id: event.id,
            event_type: event.type,
            payload: JSON.stringify(eventPayload(event, deps.publicUrl)),
            next_attempt_at: at,
            created_at: at,
          })),
      ),
    );
    await deliveries.markDispatched(
      events.map((e) => e.id),
      at,
    );
    return events.length;
  });
}
