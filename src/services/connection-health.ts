import type { SecretBox } from '../crypto/secret-box.js';
import type { Database } from '../db/database.js';
import { connectionsRepository } from '../db/repositories/connections.js';
import { stripeEventsRepository } from '../db/repositories/stripe-events.js';
import type { ConnectionRow } from '../db/tables.js';
import { notFound } from '../errors.js';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  type EndpointState,
  inspectKey,
  StripeKeyError,
  webhookEndpointState,
} from '../stripe/connect.js';
import type { StripeGateway } from '../stripe/gateway.js';
import { SUBSCRIBED_EVENTS } from '../stripe/webhook-events.js';
import { type Connection, toConnection, webhookUrl } from './connections.js';

export type Problem = { code: string; severity: 'error' | 'warning' | 'info'; message: string };

export type Health = {
  object: 'stripe_connection_health';
  connection_id: string;
  healthy: boolean;
  api_key_works: boolean;
  webhook: {
    setup: 'automatic' | 'manual';
    url: string;
    exists: boolean | null;
    enabled: boolean | null;
    secret_configured: boolean;
  };
  last_event_at: string | null;
  reconciled_until: string | null;
  events: { processed: number; waiting: number; dead: number };
  problems: Problem[];
};

/** The troubleshooting checks a help page would ask a user to make, answered by the product. */
export function connectionHealth(deps: {
  database: Database;
  gateway: StripeGateway;
  box: SecretBox;
  publicUrl: string;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const repo = connectionsRepository(deps.database.db);

  async function load(id: string): Promise<ConnectionRow> {
    const row = await repo.findById(id);
    if (!row) throw notFound('Stripe connection', id);
    return row;
  }

  async function endpointState(row: ConnectionRow): Promise<EndpointState | null> {
    if (!row.webhook_endpoint_id) return null;
    return webhookEndpointState(deps.gateway.forConnection(row), row.webhook_endpoint_id);
  }

  return {
    async check(id: string): Promise<Health> {
      const row = await load(id);
      const url = webhookUrl(deps.publicUrl, row.id);
      const problems: Problem[] = [];
      const repair = `POST /v1/stripe/connections/${row.id}/webhook`;
      let keyWorks = row.status === 'active';
      let state: EndpointState | null = null;
      if (row.status !== 'active') {
        problems.push({
          code: 'disconnected',
          severity: 'error',
          message:
            'This connection is disconnected: Vouch neither reads from nor writes to this Stripe account.',
        });
      } else {
        try {
          await inspectKey(deps.gateway, deps.box.decrypt(row.secret_key_sealed));
          state = await endpointState(row);
        } catch (error) {
          keyWorks = false;
          problems.push({
            code: 'api_key_rejected',
            severity: 'error',
            message: `${error instanceof StripeKeyError ? error.message : 'Stripe could not be reached.'} Connect again with a working key.`,
          });
        }
      }
      if (keyWorks && row.webhook_setup === 'automatic') {
        if (state && !state.exists) {
          problems.push({
            code: 'webhook_missing',
            severity: 'error',
            message: `The webhook endpoint Vouch created was deleted in Stripe. Recreate it with ${repair}; events missed meanwhile are recovered by reconciliation.`,
          });
        } else if (state?.exists && !state.enabled) {
          problems.push({
            code: 'webhook_disabled',
            severity: 'error',
            message: `The webhook endpoint is disabled in Stripe (Developers → Webhooks): enable it there or recreate it with ${repair}. Reconciliation recovers the events it missed.`,
          });
        } else if (state?.exists) {
          if (state.url !== url) {
            problems.push({
              code: 'webhook_url_changed',
              severity: 'error',
              message: `The endpoint posts to ${state.url} but this Vouch answers at ${url} (VOUCH_PUBLIC_URL changed?). Recreate it with ${repair}.`,
            });
          }
          const missing = SUBSCRIBED_EVENTS.filter(
            (e) => !state.events.includes(e) && !state.events.includes('*'),
          );
          if (missing.length) {
            problems.push({
              code: 'webhook_events_missing',
              severity: 'warning',
              message: `The endpoint is not subscribed to ${missing.join(', ')}. Recreate it with ${repair}.`,
            });
          }
        }
      }
      if (row.status === 'active' && !row.webhook_secret_sealed) {
        problems.push({
          code: 'webhook_secret_missing',
          severity: 'error',
          message: `Add a webhook endpoint in Stripe for ${url} with the listed events, then send its signing secret to POST /v1/stripe/connections/${row.id}/webhook_secret.`,
        });
      }
      const events = await stripeEventsRepository(deps.database.db).counts(row.id);
      if (events.dead > 0) {
        problems.push({
          code: 'events_dead_lettered',
          severity: 'error',
          message: `${events.dead} Stripe events failed repeatedly. See GET /v1/stripe/connections/${row.id}/events?status=dead and replay them once the cause is fixed.`,
        });
      }
      if (
        row.status === 'active' &&
        !row.last_event_at &&
        now().getTime() - row.created_at.getTime() > 3_600_000
      ) {
        problems.push({
          code: 'no_events_yet',
          severity: 'info',
          message:
            'No event has arrived from Stripe in the first hour; check that the webhook endpoint exists and is enabled.',
        });
      }
      return {
        object: 'stripe_connection_health',
        connection_id: row.id,
        healthy: !problems.some((p) => p.severity === 'error'),
        api_key_works: keyWorks,
        webhook: {
          setup: row.webhook_setup,
          url,
          exists: state ? state.exists : null,
          enabled: state?.exists ? state.enabled : null,
          secret_configured: row.webhook_secret_sealed !== null,
        },
        last_event_at: row.last_event_at?.toISOString() ?? null,
        reconciled_until: row.reconciled_until?.toISOString() ?? null,
        events,
        problems,
      };
    },

    /** Creates the webhook endpoint anew (deleted, disabled or pointing elsewhere), keeping the old secret valid. */
    async repairWebhook(id: string): Promise<Connection> {
      const row = await load(id);
      const client = deps.gateway.forConnection(row);
      if (row.webhook_endpoint_id) await deleteWebhookEndpoint(client, row.webhook_endpoint_id);
      const endpoint = await createWebhookEndpoint(client, webhookUrl(deps.publicUrl, row.id));
      const updated = await repo.update(row.id, {
        webhook_setup: endpoint.created ? 'automatic' : 'manual',
        webhook_endpoint_id: endpoint.created ? endpoint.id : null,
        ...(endpoint.created
          ? {
              webhook_secret_sealed: deps.box.encrypt(endpoint.secret),
              previous_webhook_secret_sealed: row.webhook_secret_sealed,
            }
          : {}),
        updated_at: now(),
      });
      return toConnection(updated!, deps.publicUrl);
    },
  };
}

export type ConnectionHealth = ReturnType<typeof connectionHealth>;
