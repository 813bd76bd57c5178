import type { SecretBox } from '../crypto/secret-box.js';
import type { Database } from '../db/database.js';
import { connectionsRepository } from '../db/repositories/connections.js';
import type { ConnectionRow } from '../db/tables.js';
import { type EventDelivery, eventDelivery } from '../domain/event-delivery.js';
import { createId } from '../domain/ids.js';
import type { Actor } from '../domain/roles.js';
import { conflict, invalidParameter, notFound, VouchError } from '../errors.js';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  inspectKey,
  StripeKeyError,
} from '../stripe/connect.js';
import type { StripeGateway } from '../stripe/gateway.js';
import { SUBSCRIBED_EVENTS } from '../stripe/webhook-events.js';
import { type AuditEvent, recordAudit } from './audit-log.js';

export type Connection = {
  id: string;
  object: 'stripe_connection';
  name: string;
  method: 'api_key' | 'oauth';
  mode: 'test' | 'live';
  stripe_account_id: string;
  default_currency: string;
  key_last4: string;
  status: 'active' | 'disconnected';
  /** How events reach Vouch: its webhook endpoint, polling Stripe's Events API, or both. */
  event_delivery: EventDelivery;
  webhook: {
    setup: 'automatic' | 'manual' | 'none';
    url: string;
    endpoint_id: string | null;
    secret_configured: boolean;
    /** Why there is no endpoint of Vouch's own (Stripe's refusal), when there is none. */
    error: string | null;
    /** What to subscribe the endpoint to, when it is set up by hand. */
    events: string[];
  };
  last_event_at: string | null;
  created_at: string;
  disconnected_at: string | null;
};

export type ConnectionsDeps = {
  database: Database;
  gateway: StripeGateway;
  box: SecretBox;
  publicUrl: string;
  now?: () => Date;
};

export const webhookUrl = (publicUrl: string, connectionId: string) =>
  `${publicUrl}/webhooks/stripe/${connectionId}`;

export function toConnection(row: ConnectionRow, publicUrl: string): Connection {
  return {
    id: row.id,
    object: 'stripe_connection',
    name: row.name,
    method: row.method,
    mode: row.mode,
    stripe_account_id: row.stripe_account_id,
    default_currency: row.default_currency,
    key_last4: row.key_last4,
    status: row.status,
    event_delivery: eventDelivery(row),
    webhook: {
      setup: row.webhook_setup,
      url: webhookUrl(publicUrl, row.id),
      endpoint_id: row.webhook_endpoint_id,
      secret_configured: row.webhook_secret_sealed !== null,
      error: row.webhook_setup === 'automatic' ? null : row.webhook_error,
      events: [...SUBSCRIBED_EVENTS],
    },
    last_event_at: row.last_event_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
    disconnected_at: row.disconnected_at?.toISOString() ?? null,
  };
}

const WHSEC = /^whsec_[A-Za-z0-9]{16,}$/;

/** How long a process keeps a connection's opened webhook secrets (or that there is no such connection). */
export const SECRETS_TTL_MS = 2000;
/** A failed signature may read a connection's secrets afresh at most this often. */
const FRESH_READ_INTERVAL_MS = 1000;

export type WebhookSecrets = {
  connection: ConnectionRow;
  secrets: string[];
  /** True when the secrets came from memory rather than the database. */
  remembered: boolean;
};

/** Connecting Stripe accounts: key check, automatic webhook endpoint (or manual set-up), disconnecting. */
export function connectionsService(deps: ConnectionsDeps) {
  const now = deps.now ?? (() => new Date());
  const repo = connectionsRepository(deps.database.db);
  const present = (row: ConnectionRow) => toConnection(row, deps.publicUrl);

  /**
   * Writes a connection row and its audit entry in one transaction (the Stripe calls before it cannot be
   * part of one). The account, mode and last four of the key are recorded; the key never is.
   */
  async function audited(
    actor: Actor | undefined,
    action: string,
    write: (r: ReturnType<typeof connectionsRepository>) => Promise<ConnectionRow | undefined>,
  ): Promise<ConnectionRow | undefined> {
    return deps.database.db.transaction().execute(async (tx) => {
      const row = await write(connectionsRepository(tx));
      if (!row) return undefined;
      const event: AuditEvent = {
        action,
        objectType: 'stripe_connection',
        objectId: row.id,
        data: {
          stripe_account_id: row.stripe_account_id,
          mode: row.mode,
          method: row.method,
          key_last4: row.key_last4,
          webhook_setup: row.webhook_setup,
        },
      };
      await recordAudit(tx, actor, event, now());
      return row;
    });
  }
  /**
   * Webhook secrets, opened once per SECRETS_TTL_MS rather than read and decrypted for every event.
   * This process forgets an entry when it changes the connection; a change made by another process shows
   * within the TTL, and a signature that fails on remembered secrets is checked again on fresh ones.
   */
  const secretsCache = new Map<string, { loadedAt: number; value: WebhookSecrets | VouchError }>();

  async function load(id: string): Promise<ConnectionRow> {
    const row = await repo.findById(id);
    if (!row) throw notFound('Stripe connection', id);
    return row;
  }

  return {
    load,

    /**
     * Connects an account by API key: the key is checked with a live call and sealed; one webhook endpoint
     * is created for all campaigns. A key that may not create endpoints gets manual set-up instructions; an
     * endpoint Stripe refuses (this server has no public URL) leaves the connection polling Stripe's events.
     * Connecting an account that was disconnected brings its connection back (same id): its campaigns and
     * ongoing syncs resume, and the events missed meanwhile are recovered.
     */
    async connect(
      input: {
        api_key: string;
        name?: string | undefined;
        method?: 'api_key' | 'oauth';
      },
      actor?: Actor,
    ): Promise<Connection> {
      let inspection: Awaited<ReturnType<typeof inspectKey>>;
      try {
        inspection = await inspectKey(deps.gateway, input.api_key);
      } catch (error) {
        if (error instanceof StripeKeyError) throw invalidParameter('api_key', error.message);
        throw error;
      }
      const existing = await repo.findActiveByAccount(inspection.accountId, inspection.mode);
      if (existing) {
        throw conflict(
          'already_connected',
          `Stripe account ${inspection.accountId} (${inspection.mode} mode) is already connected as ${existing.id}.`,
          'api_key',
        );
      }
      const previous = await repo.findDisconnectedByAccount(inspection.accountId, inspection.mode);
      const id = previous?.id ?? createId('conn');
      const at = now();
      const endpoint = await createWebhookEndpoint(
        deps.gateway.forKey(input.api_key),
        webhookUrl(deps.publicUrl, id),
      );
      const fields = {
        name: input.name ?? previous?.name ?? `Stripe ${inspection.accountId} (${inspection.mode})`,
        method: input.method ?? 'api_key',
        mode: inspection.mode,
        stripe_account_id: inspection.accountId,
        default_currency: inspection.defaultCurrency,
        secret_key_sealed: deps.box.encrypt(input.api_key),
        key_last4: input.api_key.slice(-4),
        webhook_setup: endpoint.created ? 'automatic' : endpoint.why === 'forbidden' ? 'manual' : 'none',
        webhook_error: endpoint.created ? null : endpoint.reason,
        webhook_endpoint_id: endpoint.created ? endpoint.id : null,
        webhook_secret_sealed: endpoint.created ? deps.box.encrypt(endpoint.secret) : null,
        previous_webhook_secret_sealed: null,
        events_poll_error: null,
        events_poll_failures: 0,
        events_poll_due_at: null,
        reconcile_error: null,
        reconcile_failures: 0,
        updated_at: at,
      } as const;
      // Back as it was: the polling cursor and reconciliation mark stay, so the gap is read from Stripe.
      const row = previous
        ? await audited(actor, 'stripe_connection.reconnected', (r) => r.reactivate(previous.id, fields))
        : await audited(actor, 'stripe_connection.connected', (r) =>
            r.insert({ id, ...fields, reconciled_until: at, created_at: at }),
          );
      if (row) deps.gateway.forget(row.id);
      if (!row) {
        if (endpoint.created) await deleteWebhookEndpoint(deps.gateway.forKey(input.api_key), endpoint.id);
        throw conflict(
          'already_connected',
          `Stripe account ${inspection.accountId} was connected at the same time.`,
          'api_key',
        );
      }
      return present(row);
    },

    async retrieve(id: string): Promise<Connection> {
      return present(await load(id));
    },

    async list(limit: number, startingAfter?: string) {
      const rows = await repo.list(limit, startingAfter);
      return { data: rows.slice(0, limit).map(present), hasMore: rows.length > limit };
    },

    /** Manual set-up and rotation: the new secret is used from now on, the previous one still accepted. */
    async setWebhookSecret(id: string, secret: string, actor?: Actor): Promise<Connection> {
      if (!WHSEC.test(secret))
        throw invalidParameter('secret', 'must be the endpoint signing secret from Stripe, whsec_...');
      const current = await load(id);
      if (current.status !== 'active')
        throw conflict('connection_disconnected', 'This connection is disconnected.');
      const row = await audited(actor, 'stripe_connection.webhook_secret_set', (r) =>
        r.update(id, {
          webhook_secret_sealed: deps.box.encrypt(secret),
          previous_webhook_secret_sealed: current.webhook_secret_sealed,
          updated_at: now(),
        }),
      );
      secretsCache.delete(id);
      return present(row!);
    },

    /** Stops traffic both ways: the endpoint is removed from Stripe and events are refused; data stays. */
    async disconnect(id: string, actor?: Actor): Promise<Connection> {
      const current = await load(id);
      if (current.status === 'disconnected') return present(current);
      if (current.webhook_endpoint_id) {
        try {
          await deleteWebhookEndpoint(deps.gateway.forConnection(current), current.webhook_endpoint_id);
        } catch {
          // A key already revoked in Stripe cannot delete the endpoint; disconnecting must still work.
        }
      }
      deps.gateway.forget(id);
      secretsCache.delete(id);
      const at = now();
      const row = await audited(actor, 'stripe_connection.disconnected', (r) =>
        r.update(id, { status: 'disconnected', disconnected_at: at, updated_at: at }),
      );
      return present(row!);
    },

    /**
     * The secrets a webhook for this connection may be signed with; refuses disconnected ones. `fresh`
     * reads them from the database even when remembered.
     */
    async webhookSecrets(id: string, fresh = false): Promise<WebhookSecrets> {
      const cached = secretsCache.get(id);
      const age = cached ? Date.now() - cached.loadedAt : Number.POSITIVE_INFINITY;
      if (cached && age < (fresh ? FRESH_READ_INTERVAL_MS : SECRETS_TTL_MS)) {
        if (cached.value instanceof VouchError) throw cached.value;
        return cached.value;
      }
      const connection = await repo.findById(id);
      const remember = (value: WebhookSecrets | VouchError) => {
        if (secretsCache.size > 10_000) secretsCache.clear();
        secretsCache.set(id, { loadedAt: Date.now(), value });
      };
      if (!connection) {
        const error = notFound('Stripe connection', id, 'connection_id');
        remember(error);
        throw error;
      }
      if (connection.status !== 'active') {
        throw new VouchError(
          410,
          'invalid_request_error',
          'connection_disconnected',
          'This Stripe connection was disconnected.',
        );
      }
      const secrets = [connection.webhook_secret_sealed, connection.previous_webhook_secret_sealed]
        .filter((s): s is string => s !== null)
        .map((s) => deps.box.decrypt(s));
      const value = { connection, secrets, remembered: false };
      remember({ ...value, remembered: true });
      return value;
    },
  };
}

export type ConnectionsService = ReturnType<typeof connectionsService>;
