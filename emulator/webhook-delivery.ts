/**
 * Delivers events to webhook endpoints, signed like Stripe (`Stripe-Signature: t=...,v1=...`),
 * retrying with exponential backoff on non-2xx responses, timeouts and connection errors.
 */
import { createHmac } from 'node:crypto';
import { newId } from './ids.js';

export interface DeliveryAttempt {
  attempt: number;
  at: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface DeliveryRecord {
  id: string;
  eventId: string;
  eventType: string;
  endpointId: string;
  url: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: DeliveryAttempt[];
  nextAttemptAt: string | null;
}

export interface DeliveryTarget {
  id: string;
  url: string;
  secret: string;
  /** The version pinned on the endpoint (null: the event's own). */
  apiVersion?: string | null;
}

export interface WebhookDeliveryOptions {
  retryBaseMs: number;
  maxAttempts: number;
  timeoutMs: number;
  /** Returns the endpoint if it still exists and is enabled (checked before every attempt). */
  resolveTarget(endpointId: string): DeliveryTarget | undefined;
  onError?(message: string): void;
}

export function signPayload(payload: string, secret: string, timestamp: number): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

const MAX_LOG = 5000;

export class WebhookDelivery {
  private readonly log: DeliveryRecord[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly controllers = new Set<AbortController>();
  private closed = false;

  constructor(private readonly opts: WebhookDeliveryOptions) {}

  /** Queue delivery of `event` to the given endpoints, each with its payload; returns immediately. */
  dispatch(event: { id: string; type: string }, sends: { target: DeliveryTarget; payload: string }[]): void {
    if (this.closed) return;
    for (const { target, payload } of sends) {
      const record: DeliveryRecord = {
        id: newId('whd'),
        eventId: event.id,
        eventType: event.type,
        endpointId: target.id,
        url: target.url,
        status: 'pending',
        attempts: [],
        nextAttemptAt: new Date().toISOString(),
      };
      this.log.push(record);
      if (this.log.length > MAX_LOG) this.log.shift();
      this.schedule(record, payload, 0);
    }
  }

  records(): DeliveryRecord[] {
    return this.log.map((r) => ({ ...r, attempts: r.attempts.map((a) => ({ ...a })) }));
  }

  pendingCount(): number {
    return this.log.filter((r) => r.status === 'pending').length;
  }

  /** Resolves once no delivery is pending (or after `timeoutMs`). */
  async idle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.pendingCount() > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const controller of this.controllers) controller.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  private schedule(record: DeliveryRecord, payload: string, delayMs: number): void {
    record.nextAttemptAt = new Date(Date.now() + delayMs).toISOString();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const run = this.attempt(record, payload).finally(() => this.inFlight.delete(run));
      this.inFlight.add(run);
    }, delayMs);
    this.timers.add(timer);
  }

  private async attempt(record: DeliveryRecord, payload: string): Promise<void> {
    if (this.closed) return;
    const target = this.opts.resolveTarget(record.endpointId);
    if (!target) {
      record.status = 'failed';
      record.nextAttemptAt = null;
      return;
    }
    const started = Date.now();
    const signature = signPayload(payload, target.secret, Math.floor(started / 1000));
    const controller = new AbortController();
    this.controllers.add(controller);
    const timeout = setTimeout(() => controller.abort(), this.opts.timeoutMs);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': signature,
        },
        body: payload,
        signal: controller.signal,
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (err) {
      error = controller.signal.aborted ? `timeout after ${this.opts.timeoutMs}ms` : String(err);
    } finally {
      clearTimeout(timeout);
      this.controllers.delete(controller);
    }
    const attempt = record.attempts.length + 1;
    record.attempts.push({
      attempt,
      at: new Date(started).toISOString(),
      status,
      error,
      durationMs: Date.now() - started,
    });
    if (error === null) {
      record.status = 'succeeded';
      record.nextAttemptAt = null;
    } else if (attempt >= this.opts.maxAttempts || this.closed) {
      record.status = 'failed';
      record.nextAttemptAt = null;
      this.opts.onError?.(`webhook ${record.eventId} to ${record.url} failed after ${attempt} attempts`);
    } else {
      this.schedule(record, payload, this.opts.retryBaseMs * 2 ** (attempt - 1));
    }
  }
}
