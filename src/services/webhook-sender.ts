import type { Logger } from 'pino';
import type { SecretBox } from '../crypto/secret-box.js';
import { SIGNATURE_HEADER, signatureHeader } from '../crypto/webhook-signature.js';
import type { Database } from '../db/database.js';
import { webhookDeliveriesRepository } from '../db/repositories/webhook-deliveries.js';
import { webhookEndpointsRepository } from '../db/repositories/webhook-endpoints.js';
import type { WebhookAttemptTrigger, WebhookDeliveryRow, WebhookEndpointRow } from '../db/tables.js';
import { afterAttempt, DEFAULT_MAX_ATTEMPTS, defaultRetryDelayMs } from '../domain/outgoing-webhooks.js';
import { serializeEvent } from './webhook-dispatch.js';
import { type AttemptResult, postWebhook, type ResolveHost, systemResolver } from './webhook-request.js';

export const USER_AGENT = 'Vouch-Webhooks/1';

export type DeliveryOptions = {
  /** How long an endpoint has to answer (default 10 s). */
  timeoutMs?: number | undefined;
  /** Automatic attempts before a delivery is marked failed (default 8). */
  maxAttempts?: number | undefined;
  /** The wait after the n-th failed attempt (default: 30 s, four times longer each time, at most 12 h). */
  retryDelayMs?: ((attempt: number) => number) | undefined;
  /**
   * Deliver to loopback, private and unique-local addresses too (VOUCH_WEBHOOK_ALLOW_PRIVATE); default
   * false: public addresses only. See src/domain/webhook-address.ts.
   */
  allowPrivate?: boolean | undefined;
  /** Resolves endpoint host names at each attempt (default: the system resolver). */
  resolveHost?: ResolveHost | undefined;
};

export type SenderDeps = DeliveryOptions & {
  database: Database;
  box: SecretBox;
  logger: Logger;
  now: () => Date;
};

export type { AttemptResult };

/** Sends deliveries to endpoints, signed, and records each attempt with what comes next. */
export function webhookSender(deps: SenderDeps) {
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const maxAttempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const retryDelayMs = deps.retryDelayMs ?? defaultRetryDelayMs;
  const request = {
    timeoutMs,
    policy: { allowPrivate: deps.allowPrivate ?? false },
    resolveHost: deps.resolveHost ?? systemResolver,
  };
  /** How long a sender holds a delivery: well past the timeout, so a live sender never loses it. */
  const lockMs = timeoutMs + 50_000;

  /** The secrets that sign now: the current one, and a rotated one until it expires. */
  function secretsOf(endpoint: WebhookEndpointRow, at: Date): string[] {
    const secrets = [deps.box.decrypt(endpoint.secret_sealed)];
    if (
      endpoint.previous_secret_sealed &&
      endpoint.previous_secret_expires_at &&
      endpoint.previous_secret_expires_at > at
    )
      secrets.push(deps.box.decrypt(endpoint.previous_secret_sealed));
    return secrets;
  }

  /** One attempt of a delivery this process holds: sends it, then records the outcome and releases it. */
  async function attempt(
    delivery: WebhookDeliveryRow,
    endpoint: WebhookEndpointRow,
    trigger: WebhookAttemptTrigger,
  ): Promise<AttemptResult> {
    const attemptedAt = deps.now();
    const body = serializeEvent(delivery.payload);
    const timestamp = Math.floor(attemptedAt.getTime() / 1000);
    const result = await postWebhook(
      endpoint.url,
      body,
      {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(body, secretsOf(endpoint, attemptedAt), timestamp),
        'vouch-event-id': delivery.event_id,
      },
      request,
    );
    const attempts = delivery.attempts + 1;
    const next = afterAttempt({
      trigger,
      ok: result.ok,
      current: { status: delivery.status, nextAttemptAt: delivery.next_attempt_at },
      attempts,
      maxAttempts,
      retryDelayMs,
      now: deps.now(),
    });
    await deps.database.db.transaction().execute((tx) =>
      webhookDeliveriesRepository(tx).recordAttempt(
        delivery.id,
        {
          status: next.status,
          next_attempt_at: next.nextAttemptAt,
          last_status_code: result.statusCode,
          last_error: result.error,
          ...(result.ok ? { delivered_at: deps.now() } : {}),
        },
        {
          trigger,
          attempted_at: attemptedAt,
          status_code: result.statusCode,
          error: result.error,
          duration_ms: result.durationMs,
        },
      ),
    );
    if (!result.ok)
      deps.logger.warn(
        {
          delivery_id: delivery.id,
          endpoint_id: endpoint.id,
          event_type: delivery.event_type,
          attempt: attempts,
          status_code: result.statusCode,
          next_status: next.status,
        },
        'webhook delivery attempt failed',
      );
    return result;
  }

  return {
    lockMs,
    attempt,

    /** Takes the deliveries due now (up to `limit`) and sends them, `concurrency` at a time. */
    async sendDue(limit: number, concurrency: number): Promise<number> {
      const at = deps.now();
      const claimed = await webhookDeliveriesRepository(deps.database.db).claimDue(
        at,
        new Date(at.getTime() + lockMs),
        limit,
      );
      if (claimed.length === 0) return 0;
      const endpoints = new Map(
        (
          await webhookEndpointsRepository(deps.database.db).findMany([
            ...new Set(claimed.map((d) => d.endpoint_id)),
          ])
        ).map((e) => [e.id, e]),
      );
      let next = 0;
      const worker = async () => {
        while (next < claimed.length) {
          const delivery = claimed[next++]!;
          const endpoint = endpoints.get(delivery.endpoint_id);
          if (!endpoint) continue;
          // A delivery whose attempt could not be recorded is released by its lease and tried again.
          await attempt(delivery, endpoint, 'automatic').catch((err) =>
            deps.logger.error({ err, delivery_id: delivery.id }, 'webhook delivery attempt could not run'),
          );
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
      return claimed.length;
    },
  };
}

export type WebhookSender = ReturnType<typeof webhookSender>;
