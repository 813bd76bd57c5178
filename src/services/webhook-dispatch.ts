import type { Database } from '../db/database.js';
import {
  type UndispatchedEvent,
  webhookDeliveriesRepository,
} from '../db/repositories/webhook-deliveries.js';
import { webhookEndpointsRepository } from '../db/repositories/webhook-endpoints.js';
import { createId } from '../domain/ids.js';
import { outgoingEventDataSchemas } from '../domain/outgoing-events.js';
import { OUTGOING_EVENT_TYPES, type OutgoingEventType } from '../domain/outgoing-webhooks.js';
import { referralLink } from '../domain/referral-link.js';

/** What an endpoint receives: the same body on every attempt of a delivery. */
export type OutgoingEvent = {
  id: string;
  object: 'event';
  type: string;
  created_at: string;
  data: Record<string, unknown>;
};

const isEventType = (type: string): type is OutgoingEventType =>
  (OUTGOING_EVENT_TYPES as readonly string[]).includes(type);

/**
 * What an event carries, shaped by its type's schema: the object as the API shows it, its members in the
 * API's order. An event an older version recorded without a member added since goes out as recorded.
 */
function shapeData(type: string, data: Record<string, unknown>): Record<string, unknown> {
  if (!isEventType(type)) return data;
  const parsed = outgoingEventDataSchemas[type].safeParse(data);
  return parsed.success ? parsed.data : data;
}

/** A referrer gets its referral link, built on VOUCH_PUBLIC_URL like the API does. */
function withReferralLink(recorded: Record<string, unknown>, publicUrl: string): Record<string, unknown> {
  const referrer = recorded.referrer as Record<string, unknown> | undefined;
  if (!referrer || typeof referrer.slug !== 'string') return recorded;
  return { ...recorded, referrer: { ...referrer, referral_link: referralLink(publicUrl, referrer.slug) } };
}

/** The event as sent: the ids it concerns, then what it recorded. */
export function eventPayload(event: UndispatchedEvent, publicUrl: string): OutgoingEvent {
  const recorded: Record<string, unknown> = { campaign_id: event.campaign_id };
  if (event.referrer_id) recorded.referrer_id = event.referrer_id;
  if (event.lead_id) recorded.lead_id = event.lead_id;
  Object.assign(recorded, event.data);
  return {
    id: event.id,
    object: 'event',
    type: event.type,
    created_at: event.created_at.toISOString(),
    data: shapeData(event.type, withReferralLink(recorded, publicUrl)),
  };
}

/** The exact body sent: keys in a fixed order, whatever order the database kept them in. */
export function serializeEvent(payload: Record<string, unknown>): string {
  const { id, object, type, created_at, data } = payload as OutgoingEvent;
  return JSON.stringify({ id, object, type, created_at, data: shapeData(type, data) });
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
