import type { Logger } from 'pino';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Database } from '../db/database.js';
import { dispatchDomainEvents } from '../services/webhook-dispatch.js';
import { type DeliveryOptions, type WebhookSender, webhookSender } from '../services/webhook-sender.js';
import { DrainingWorker } from './draining-worker.js';

export type OutgoingWebhookRunnerOptions = DeliveryOptions & {
  database: Database;
  box: SecretBox;
  logger: Logger;
  now: () => Date;
  /** Base of referral links in payloads (VOUCH_PUBLIC_URL). */
  publicUrl: string;
  /** How often an idle runner looks for new events and deliveries due (default 1 s). */
  pollMs?: number | undefined;
  /** Deliveries sent at once by this process (default 8). */
  concurrency?: number | undefined;
};

const EVENT_BATCH = 100;
const DELIVERY_BATCH = 50;

/**
 * Outgoing webhooks, in every worker process. Each round turns new domain events into deliveries (one per
 * subscribed active endpoint, under SKIP LOCKED so processes split the events) and sends the deliveries
 * that are due, each held by a lease so that no two processes send the same attempt. Work found: it looks
 * again at once; none: it waits `pollMs` or a wake.
 */
export class OutgoingWebhookRunner extends DrainingWorker {
  readonly #options: OutgoingWebhookRunnerOptions;
  readonly #sender: WebhookSender;

  constructor(options: OutgoingWebhookRunnerOptions) {
    super({ pollMs: options.pollMs ?? 1000, logger: options.logger, what: 'outgoing webhook' });
    this.#options = options;
    this.#sender = webhookSender(options);
  }

  /** One round: dispatches new events and sends the deliveries due; returns how much it did. */
  async drain(): Promise<number> {
    const dispatched = await dispatchDomainEvents(this.#options, EVENT_BATCH);
    if (this.stopping) return dispatched;
    const sent = await this.#sender.sendDue(DELIVERY_BATCH, this.#options.concurrency ?? 8);
    return dispatched + sent;
  }
}
