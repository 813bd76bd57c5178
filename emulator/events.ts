/** Creates Stripe events for state changes and hands them to webhook delivery. */
import { snapshot } from './context.js';
import { newId, nowSeconds } from './ids.js';
import type { EventObj } from './shapes.js';
import type { State } from './store.js';
import type { DeliveryTarget, WebhookDelivery } from './webhook-delivery.js';

export const API_VERSION = '2026-10-28.endive';

export interface RequestInfo {
  id: string;
  idempotencyKey: string | null;
}

export function endpointsFor(state: State, type: string): DeliveryTarget[] {
  const targets: DeliveryTarget[] = [];
  for (const endpoint of state.webhookEndpoints.values()) {
    if (endpoint.status !== 'enabled') continue;
    if (!endpoint.enabled_events.includes('*') && !endpoint.enabled_events.includes(type)) continue;
    const secret = state.webhookSecrets.get(endpoint.id);
    if (secret) targets.push({ id: endpoint.id, url: endpoint.url, secret });
  }
  return targets;
}

export function createEvent(
  state: State,
  delivery: WebhookDelivery,
  request: RequestInfo | null,
  type: string,
  object: object,
  previous?: Record<string, unknown>,
): EventObj {
  const targets = endpointsFor(state, type);
  const event: EventObj = {
    id: newId('evt'),
    object: 'event',
    api_version: API_VERSION,
    created: nowSeconds(),
    data: {
      object: snapshot(object) as Record<string, unknown>,
      ...(previous ? { previous_attributes: snapshot(previous) } : {}),
    },
    livemode: false,
    pending_webhooks: targets.length,
    request: request
      ? { id: request.id, idempotency_key: request.idempotencyKey }
      : { id: null, idempotency_key: null },
    type,
  };
  state.events.set(event.id, event);
  if (targets.length > 0) delivery.dispatch(event, targets);
  return event;
}
