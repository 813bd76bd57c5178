import type { SecretBox } from '../crypto/secret-box.js';
import type { Database } from '../db/database.js';
import { connectionsRepository } from '../db/repositories/connections.js';
import { stripeEventsRepository } from '../db/repositories/stripe-events.js';
import type { ConnectionRow } from '../db/tables.js';
import { type EventDelivery, eventDelivery } from '../domain/event-delivery.js';
import type { Actor } from '../domain/roles.js';
import { notFound } from '../errors.js';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  type EndpointState,
  inspectKey,
  StripeKeyError,
  webhookEndpointState,
} from '../stripe/connect.js';
import { translateStripeError } from '../stripe/errors.js';
import type { StripeGateway } from '../stripe/gateway.js';
import { SUBSCRIBED_EVENTS } from '../stripe/webhook-events.js';
import { recordAudit } from './audit-log.js';
import { type Connection, toConnection, webhookUrl } from './connections.js';

export type Problem = { code: string; severity: 'error' | 'warning' | 'info'; message: string };

export type Health = {
  object: 'stripe_connection_health';
  connection_id: string;
  healthy: boolean;
  api_key_works: boolean;
  webhook: {
    setup: 'automatic' | 'manual' | 'none';
    url: string;
    exists: boolean | null;
    enabled: boolean | null;
    secret_configured: boolean;
    /** Why there is no endpoint of Vouch's own, in Stripe's words. */
    error: string | null;
  };
  /** How events arrive, and how polling (when it runs) and reconciliation are doing. */
  event_delivery: {
    mode: EventDelivery;
    polled_at: string | null;
    /** Seconds since the last successful poll, while polling runs. */
    lag_seconds: number | null;
    poll_error: string | null;
    poll_failures: number;
    reconcile_error: string | null;
    reconcile_failures: number;
  };
  last_event_at: string | null;
  reconciled_until: string | null;
  events: { processed: number; waiting: number; dead: number };
  problems: Problem[];
};

/** A failing poll this many times in a row is a problem to show, not a blip. */
const FAILURES_TO_REPORT = 3;
/** Polling this far behind (seconds since the last good poll) is worth a warning. */
const POLL_LAG_WARNING_S = 60;

const howToMoveToWebhooks = (id: string, url: string) =>
  `To receive webhooks instead, give Vouch a public https address (VOUCH_PUBLIC_URL) and call ` +
  `POST /v1/stripe/connections/${id}/webhook; or forward with the Stripe CLI ` +
  `(stripe listen --forward-to ${url}) and send the signing secret it prints to ` +
  `POST /v1/stripe/connections/${id}/webhook_secret.`;

/** What a permission, key or reachability error needs done: the words of the fix, not just the symptom. */
function fixFor(error: string | null): string {
  if (!error) return '';
  if (/permission|restricted/i.test(error))
    return ' Give the restricted key read access to Events in Stripe (or connect with a secret key); Vouch resumes by itself.';
  if (/rolled|deleted|refused the connection's API key/i.test(error))
    return ' Connect the account again with a current key.';
  return ' Vouch keeps trying; check that Stripe is reachable from this server.';
}

/** How events reach Vouch, and what is wrong with that. */
function deliveryProblems(row: ConnectionRow, mode: EventDelivery, url: string, now: Date): Problem[] {
  const problems: Problem[] = [];
  if (row.webhook_setup === 'none') {
    problems.push({
      code: 'polling_events',
      severity: 'info',
      message:
        `Stripe would not take Vouch's webhook endpoint (${row.webhook_error ?? 'no reason given'}), so Vouch ` +
        `reads this account's events from Stripe every few seconds instead; referrals qualify a few seconds ` +
        `later than with webhooks. ${howToMoveToWebhooks(row.id, url)}`,
    });
  }
  if (row.webhook_setup === 'manual' && !row.webhook_secret_sealed) {
    problems.push({
      code: 'webhook_secret_missing',
      severity: 'warning',
      message:
        `This key may not create webhook endpoints, so Vouch reads events from Stripe every few seconds. For ` +
        `webhooks, add an endpoint in Stripe for ${url} with the listed events, then send its signing secret ` +
        `to POST /v1/stripe/connections/${row.id}/webhook_secret.`,
    });
  }
  if (mode !== 'webhooks' && row.events_poll_failures >= FAILURES_TO_REPORT) {
    problems.push({
      code: 'event_polling_failing',
      severity: 'error',
      message:
        `Reading events from Stripe failed ${row.events_poll_failures} times in a row: ` +
        `${row.events_poll_error}.${fixFor(row.events_poll_error)}`,
    });
  } else if (mode !== 'webhooks') {
    const since = (row.events_polled_at ?? row.updated_at).getTime();
    const lag = Math.round((now.getTime() - since) / 1000);
    if (lag > POLL_LAG_WARNING_S) {
      problems.push({
        code: 'event_polling_behind',
        severity: 'warning',
        message: `Events were last read from Stripe ${lag} s ago; is a worker process running?`,
      });
    }
  }
  if (row.reconcile_failures >= 2) {
    problems.push({
      code: 'reconciliation_failing',
      severity: 'error',
      message:
        `Recovering missed events from Stripe failed ${row.reconcile_failures} times in a row: ` +
        `${row.reconcile_error}.${fixFor(row.reconcile_error)}`,
    });
  }
  return problems;
}

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
        } catch (error) {
          keyWorks = false;
          problems.push(
            error instanceof StripeKeyError
              ? {
                  code: 'api_key_rejected',
                  severity: 'error',
                  message: `${error.message} Connect again with a working key.`,
                }
              : {
                  code: 'stripe_unavailable',
                  severity: 'error',
                  message: translateStripeError(error)?.message ?? 'Stripe could not be reached.',
                },
          );
        }
        if (keyWorks) state = await endpointState(row).catch(() => null);
      }
      const mode = eventDelivery(row);
      if (row.status === 'active') problems.push(...deliveryProblems(row, mode, url, now()));
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
          error: row.webhook_setup === 'automatic' ? null : row.webhook_error,
        },
        event_delivery: {
          mode,
          polled_at: row.events_polled_at?.toISOString() ?? null,
          lag_seconds:
            mode === 'webhooks' || row.status !== 'active'
              ? null
              : Math.round((now().getTime() - (row.events_polled_at ?? row.updated_at).getTime()) / 1000),
          poll_error: row.events_poll_error,
          poll_failures: row.events_poll_failures,
          reconcile_error: row.reconcile_error,
          reconcile_failures: row.reconcile_failures,
        },
        last_event_at: row.last_event_at?.toISOString() ?? null,
        reconciled_until: row.reconciled_until?.toISOString() ?? null,
        events,
        problems,
      };
    },

    /** Creates the webhook endpoint anew (deleted, disabled or pointing elsewhere), keeping the old secret valid. */
    async repairWebhook(id: string, actor?: Actor): Promise<Connection> {
      const row = await load(id);
      const client = deps.gateway.forConnection(row);
      if (row.webhook_endpoint_id) await deleteWebhookEndpoint(client, row.webhook_endpoint_id);
      const endpoint = await createWebhookEndpoint(client, webhookUrl(deps.publicUrl, row.id));
      const at = now();
      const updated = await deps.database.db.transaction().execute(async (tx) => {
        const written = await connectionsRepository(tx).update(row.id, {
          webhook_setup: endpoint.created ? 'automatic' : endpoint.why === 'forbidden' ? 'manual' : 'none',
          webhook_error: endpoint.created ? null : endpoint.reason,
          webhook_endpoint_id: endpoint.created ? endpoint.id : null,
          ...(endpoint.created
            ? {
                webhook_secret_sealed: deps.box.encrypt(endpoint.secret),
                previous_webhook_secret_sealed: row.webhook_secret_sealed,
              }
            : {}),
          updated_at: at,
        });
        const data = {
          webhook_setup: written!.webhook_setup,
          webhook_endpoint_id: written!.webhook_endpoint_id,
        };
        const event = {
          action: 'stripe_connection.webhook_recreated',
          objectType: 'stripe_connection',
          objectId: id,
          data,
        };
        await recordAudit(tx, actor, event, at);
        return written;
      });
      return toConnection(updated!, deps.publicUrl);
    },
  };
}

export type ConnectionHealth = ReturnType<typeof connectionHealth>;
