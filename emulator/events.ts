/**
 * Creates Stripe events for state changes and hands them to webhook delivery. An event is made in the
 * account's default API version of the moment (its `api_version`); each endpoint receives it rendered in the
 * version pinned on the endpoint, else in the event's own.
 */
import { snapshot } from './context.js';
import { newId, nowSeconds } from './ids.js';
import type { EventObj } from './shapes.js';
import type { State } from './store.js';
import { renderInVersion, renderPrevious } from './version-render.js';
import type { DeliveryTarget, WebhookDelivery } from './webhook-delivery.js';

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
    if (secret)
      targets.push({ id: endpoint.id, url: endpoint.url, secret, apiVersion: endpoint.api_version });
  }
  return targets;
}

export function createEvent(
  state: State,
  delivery: WebhookDelivery,
  apiVersion: string,
  request: RequestInfo | null,
  type: string,
  object: object,
  previous?: Record<string, unknown>,
): EventObj {
  const current = snapshot(object) as Record<string, unknown>;
  const before = previous ? snapshot(previous) : undefined;
  const dataIn = (version: string): EventObj['data'] => ({
    object: renderInVersion(current, version, state),
    ...(before ? { previous_attributes: renderPrevious(current, before, version, state) } : {}),
  });
  const targets = endpointsFor(state, type);
  const event: EventObj = {
    id: newId('evt'),
    object: 'event',
    api_version: apiVersion,
    created: nowSeconds(),
    data: dataIn(apiVersion),
    livemode: false,
    pending_webhooks: targets.length,
    request: request
      ? { id: request.id, idempotency_key: request.idempotencyKey }
      : { id: null, idempotency_key: null },
    type,
  };
  state.events.set(event.id, event);
  if (targets.length > 0) {
    const payloads = new Map<string, string>();
    const payloadIn = (version: string): string => {
      let payload = payloads.get(version);
      if (payload === undefined) {
        const rendered =
          version === apiVersion ? event : { ...event, api_version: version, data: dataIn(version) };
        payload = JSON.stringify(rendered, null, 2);
        payloads.set(version, payload);
      }
      return payload;
    };
    delivery.dispatch(
      event,
      targets.map((target) => ({ target, payload: payloadIn(target.apiVersion ?? apiVersion) })),
    );
  }
  return event;
}
