/**
 * Webhook endpoints; the `whsec_` secret is returned only by create, like Stripe. Creating, updating and
 * deleting need `rak_webhook_write`, which restricted (`rk_`) keys lack: they get a 403. A URL Stripe could
 * not reach is refused (webhook-urls.ts); `api_version` pins the version events are rendered in for it.
 */
import { apiVersionParam } from '../api-versions.js';
import { type RouteDef, route } from '../context.js';
import { invalidParam } from '../errors.js';
import { newId, nowSeconds, randomToken } from '../ids.js';
import { paginate } from '../list.js';
import { mustGet } from '../lookups.js';
import { bool, mergeMetadata, metadata, nullableStr, reqStr, str, strArr } from '../params.js';
import type { WebhookEndpointObj } from '../shapes.js';
import { newestFirst } from '../store.js';
import { checkWebhookUrl } from '../webhook-urls.js';

function checkEvents(events: string[] | undefined): string[] {
  if (!events || events.length === 0)
    throw invalidParam('enabled_events', 'Missing required param: enabled_events.', 'parameter_missing');
  return events;
}

function withoutSecret(endpoint: WebhookEndpointObj): WebhookEndpointObj {
  const { secret: _secret, ...rest } = endpoint;
  return rest;
}

const routes: RouteDef[] = [
  route('POST', '/v1/webhook_endpoints', ({ ctx, body }) => {
    const apiVersion = str(body, 'api_version');
    const endpoint = {
      id: newId('we'),
      object: 'webhook_endpoint',
      api_version: apiVersion ? apiVersionParam(apiVersion) : null,
      application: null,
      created: nowSeconds(),
      description: nullableStr(body, 'description') ?? null,
      enabled_events: checkEvents(strArr(body, 'enabled_events')),
      livemode: false,
      metadata: mergeMetadata({}, metadata(body)),
      status: 'enabled',
      url: checkWebhookUrl(reqStr(body, 'url'), ctx.options.allowPrivateWebhookUrls),
    } satisfies WebhookEndpointObj;
    const secret = `whsec_${randomToken(32)}`;
    ctx.state.webhookEndpoints.set(endpoint.id, endpoint);
    ctx.state.webhookSecrets.set(endpoint.id, secret);
    return { ...endpoint, secret };
  }),
  route('GET', '/v1/webhook_endpoints/:id', ({ ctx, params }) =>
    withoutSecret(mustGet(ctx, 'webhookEndpoints', 'webhook endpoint', params.id ?? '')),
  ),
  route('POST', '/v1/webhook_endpoints/:id', ({ ctx, params, body }) => {
    const endpoint = mustGet(ctx, 'webhookEndpoints', 'webhook endpoint', params.id ?? '');
    const e = endpoint;
    {
      const url = str(body, 'url');
      if (url !== undefined) e.url = checkWebhookUrl(url, ctx.options.allowPrivateWebhookUrls);
      const events = strArr(body, 'enabled_events');
      if (events !== undefined) e.enabled_events = checkEvents(events);
      const disabled = bool(body, 'disabled');
      if (disabled !== undefined) e.status = disabled ? 'disabled' : 'enabled';
      const description = nullableStr(body, 'description');
      if (description !== undefined) e.description = description;
      if (body.metadata !== undefined) e.metadata = mergeMetadata(e.metadata, metadata(body));
    }
    return withoutSecret(e);
  }),
  route('DELETE', '/v1/webhook_endpoints/:id', ({ ctx, params }) => {
    const endpoint = mustGet(ctx, 'webhookEndpoints', 'webhook endpoint', params.id ?? '');
    ctx.state.webhookEndpoints.delete(endpoint.id);
    ctx.state.webhookSecrets.delete(endpoint.id);
    return { id: endpoint.id, object: 'webhook_endpoint', deleted: true };
  }),
  route('GET', '/v1/webhook_endpoints', ({ ctx, body }) =>
    paginate(
      newestFirst(ctx.state.webhookEndpoints).map(withoutSecret),
      body,
      '/v1/webhook_endpoints',
      'webhook endpoint',
    ),
  ),
];

/** Reading and listing is allowed to restricted keys; every change needs the write permission. */
export const webhookEndpointRoutes: RouteDef[] = routes.map((r) =>
  r.method === 'GET' ? r : { ...r, permission: 'rak_webhook_write' },
);
