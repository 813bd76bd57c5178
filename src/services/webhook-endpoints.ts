import type { Logger } from 'pino';
import type { SecretBox } from '../crypto/secret-box.js';
import { generateEndpointSecret } from '../crypto/webhook-signature.js';
import type { Database } from '../db/database.js';
import { webhookDeliveriesRepository } from '../db/repositories/webhook-deliveries.js';
import { webhookEndpointsRepository } from '../db/repositories/webhook-endpoints.js';
import type {
  WebhookAttemptRow,
  WebhookDeliveryRow,
  WebhookDeliveryStatus,
  WebhookEndpointRow,
  WebhookEndpointStatus,
} from '../db/tables.js';
import { auditData } from '../domain/accounts.js';
import { createId } from '../domain/ids.js';
import { readEventBody } from '../domain/outgoing-events.js';
import { type OutgoingEventType, PING_EVENT_TYPE } from '../domain/outgoing-webhooks.js';
import type { Actor } from '../domain/roles.js';
import { checkWebhookUrl } from '../domain/webhook-address.js';
import { conflict, invalidParameter, notFound } from '../errors.js';
import { type AuditEvent, recordAudit } from './audit-log.js';
import type { OutgoingEvent } from './webhook-dispatch.js';
import { type DeliveryOptions, webhookSender } from './webhook-sender.js';

export type NewEndpoint = { url: string; event_types: OutgoingEventType[]; description?: string | null };
export type EndpointChanges = Partial<NewEndpoint> & { status?: WebhookEndpointStatus };

const HOUR_MS = 60 * 60 * 1000;

function presentEndpoint(row: WebhookEndpointRow, at: Date) {
  const previousValid = row.previous_secret_expires_at && row.previous_secret_expires_at > at;
  return {
    id: row.id,
    object: 'webhook_endpoint' as const,
    url: row.url,
    description: row.description,
    event_types: row.event_types as OutgoingEventType[],
    status: row.status,
    previous_secret_expires_at: previousValid ? row.previous_secret_expires_at!.toISOString() : null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

const presentAttempt = (row: WebhookAttemptRow) => ({
  object: 'webhook_attempt' as const,
  trigger: row.trigger,
  attempted_at: row.attempted_at.toISOString(),
  status_code: row.status_code,
  error: row.error,
  duration_ms: row.duration_ms,
});

function presentDelivery(row: WebhookDeliveryRow, attempts?: WebhookAttemptRow[]) {
  return {
    id: row.id,
    object: 'webhook_delivery' as const,
    endpoint_id: row.endpoint_id,
    event_id: row.event_id,
    event_type: row.event_type,
    status: row.status,
    attempt_count: row.attempts,
    next_attempt_at: row.next_attempt_at?.toISOString() ?? null,
    last_status_code: row.last_status_code,
    last_error: row.last_error,
    delivered_at: row.delivered_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
    event: readEventBody(row.payload as Record<string, unknown>),
    ...(attempts ? { attempts: attempts.map(presentAttempt) } : {}),
  };
}

/** Webhook endpoints of the business, their delivery log, replays and test pings. */
export function webhookEndpointsService(
  deps: DeliveryOptions & { database: Database; box: SecretBox; logger: Logger; now: () => Date },
) {
  const db = deps.database.db;
  const endpoints = webhookEndpointsRepository(db);
  const deliveries = webhookDeliveriesRepository(deps.database.db);
  const sender = webhookSender(deps);
  const unique = (types: OutgoingEventType[]) => [...new Set(types)];
  const policy = { allowPrivate: deps.allowPrivate ?? false };

  /** Refuses a URL the sender would refuse to deliver to, saying why (and how to allow a private one). */
  function checkUrl(url: string): string {
    const verdict = checkWebhookUrl(url, policy);
    if (!verdict.ok) throw invalidParameter('url', `Invalid url: ${verdict.reason}`);
    return url;
  }

  /** Runs a change of endpoints and its audit entry in one transaction. */
  async function audited<T>(
    actor: Actor | undefined,
    at: Date,
    change: (repo: ReturnType<typeof webhookEndpointsRepository>) => Promise<T>,
    event: (result: T) => AuditEvent,
  ): Promise<T> {
    return db.transaction().execute(async (tx) => {
      const result = await change(webhookEndpointsRepository(tx));
      await recordAudit(tx, actor, event(result), at);
      return result;
    });
  }

  async function load(id: string): Promise<WebhookEndpointRow> {
    const row = await endpoints.findById(id);
    if (!row) throw notFound('webhook endpoint', id);
    return row;
  }

  function refuseDisabled(endpoint: WebhookEndpointRow) {
    if (endpoint.status !== 'active')
      throw conflict(
        'webhook_endpoint_disabled',
        `The webhook endpoint ${endpoint.id} is disabled; enable it first (POST /v1/webhook_endpoints/${endpoint.id} with "status": "active").`,
      );
  }

  async function retrieveDelivery(id: string) {
    const row = await deliveries.findById(id);
    if (!row) throw notFound('webhook delivery', id);
    return presentDelivery(row, await deliveries.attempts(id));
  }

  return {
    async create(input: NewEndpoint, actor?: Actor) {
      const secret = generateEndpointSecret();
      const at = deps.now();
      const row = await audited(
        actor,
        at,
        (repo) =>
          repo.insert({
            id: createId('whe'),
            url: checkUrl(input.url),
            description: input.description ?? null,
            event_types: unique(input.event_types),
            secret_sealed: deps.box.encrypt(secret),
            created_at: at,
            updated_at: at,
          }),
        (r) => ({
          action: 'webhook_endpoint.created',
          objectType: 'webhook_endpoint',
          objectId: r.id,
          data: auditData({ url: r.url, event_types: r.event_types, description: r.description }),
        }),
      );
      return { ...presentEndpoint(row, at), secret };
    },

    async list(limit: number, startingAfter?: string) {
      const rows = await endpoints.list(limit, startingAfter);
      const at = deps.now();
      return { data: rows.slice(0, limit).map((r) => presentEndpoint(r, at)), hasMore: rows.length > limit };
    },

    async retrieve(id: string) {
      return presentEndpoint(await load(id), deps.now());
    },

    async update(id: string, changes: EndpointChanges, actor?: Actor) {
      await load(id);
      const at = deps.now();
      const row = await audited(
        actor,
        at,
        async (repo) => {
          const updated = await repo.update(id, {
            ...(changes.url !== undefined ? { url: checkUrl(changes.url) } : {}),
            ...(changes.description !== undefined ? { description: changes.description } : {}),
            ...(changes.event_types !== undefined ? { event_types: unique(changes.event_types) } : {}),
            ...(changes.status !== undefined ? { status: changes.status } : {}),
            updated_at: at,
          });
          if (!updated) throw notFound('webhook endpoint', id);
          return updated;
        },
        () => ({
          action: 'webhook_endpoint.updated',
          objectType: 'webhook_endpoint',
          objectId: id,
          data: auditData({ ...changes }),
        }),
      );
      return presentEndpoint(row, at);
    },

    /** Deletes the endpoint and its delivery log; to stop deliveries but keep the log, disable it. */
    async remove(id: string, actor?: Actor) {
      await audited(
        actor,
        deps.now(),
        async (repo) => {
          if (!(await repo.delete(id))) throw notFound('webhook endpoint', id);
        },
        () => ({ action: 'webhook_endpoint.deleted', objectType: 'webhook_endpoint', objectId: id }),
      );
      return { id, object: 'webhook_endpoint' as const, deleted: true as const };
    },

    /**
     * A new secret signs from now on, shown once. The previous one also signs (a second `v1`) for
     * `previousValidHours`, so receivers can switch without losing a delivery; 0 drops it at once.
     */
    async rotateSecret(id: string, previousValidHours: number, actor?: Actor) {
      const current = await load(id);
      const secret = generateEndpointSecret();
      const at = deps.now();
      const row = await audited(
        actor,
        at,
        async (repo) => {
          const updated = await repo.update(id, {
            secret_sealed: deps.box.encrypt(secret),
            previous_secret_sealed: previousValidHours > 0 ? current.secret_sealed : null,
            previous_secret_expires_at:
              previousValidHours > 0 ? new Date(at.getTime() + previousValidHours * HOUR_MS) : null,
            updated_at: at,
          });
          if (!updated) throw notFound('webhook endpoint', id);
          return updated;
        },
        () => ({
          action: 'webhook_endpoint.secret_rotated',
          objectType: 'webhook_endpoint',
          objectId: id,
          data: { previous_secret_valid_hours: previousValidHours },
        }),
      );
      return { ...presentEndpoint(row, at), secret };
    },

    async deliveries(query: {
      endpointId: string;
      limit: number;
      startingAfter?: string | undefined;
      status?: WebhookDeliveryStatus | undefined;
      eventType?: string | undefined;
    }) {
      await load(query.endpointId);
      const rows = await deliveries.list(query);
      return {
        data: rows.slice(0, query.limit).map((r) => presentDelivery(r)),
        hasMore: rows.length > query.limit,
      };
    },

    retrieveDelivery,

    /** Sends a delivery again now, whatever its status, as one more attempt in its log. */
    async replay(id: string) {
      const existing = await deliveries.findById(id);
      if (!existing) throw notFound('webhook delivery', id);
      const endpoint = await load(existing.endpoint_id);
      refuseDisabled(endpoint);
      const at = deps.now();
      const delivery = await deliveries.claim(id, at, new Date(at.getTime() + sender.lockMs));
      if (!delivery)
        throw conflict(
          'webhook_delivery_in_progress',
          `The delivery ${id} is being sent right now; look at its attempts in a few seconds.`,
        );
      await sender.attempt(delivery, endpoint, 'replay');
      return retrieveDelivery(id);
    },

    /** Sends a `ping` event to the endpoint now (tried once; it shows in the delivery log). */
    async test(endpointId: string) {
      const endpoint = await load(endpointId);
      refuseDisabled(endpoint);
      const at = deps.now();
      const eventId = createId('dev', at.getTime());
      const payload: OutgoingEvent = {
        id: eventId,
        object: 'event',
        type: PING_EVENT_TYPE,
        created_at: at.toISOString(),
        data: { endpoint_id: endpoint.id },
      };
      const delivery = await deliveries.insert({
        id: createId('whd'),
        endpoint_id: endpoint.id,
        event_id: eventId,
        event_type: PING_EVENT_TYPE,
        payload: JSON.stringify(payload),
        locked_until: new Date(at.getTime() + sender.lockMs),
        created_at: at,
      });
      await sender.attempt(delivery, endpoint, 'test');
      return retrieveDelivery(delivery.id);
    },
  };
}

export type WebhookEndpointsService = ReturnType<typeof webhookEndpointsService>;
