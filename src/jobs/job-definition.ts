import type { Logger } from 'pino';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Database, Tx } from '../db/database.js';
import type { RetentionSettings } from '../domain/retention.js';
import type { InboxWaker } from '../services/stripe-inbox.js';
import type { StripeGateway } from '../stripe/gateway.js';

export type SendOptions = {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  tx?: Tx;
  startAfterSeconds?: number;
  /** At most one queued job per key (pg-boss singleton). */
  singletonKey?: string;
};

/** What enqueues a job by its name (the queue, in queue.ts). */
export type JobSender = {
  send(name: string, data: object, options?: SendOptions): Promise<string | null>;
};

/** What every job handler receives besides its payload. */
export type JobContext = {
  database: Database;
  logger: Logger;
  now: () => Date;
  /** Present where Stripe is reachable (every `vouch start`); jobs that call Stripe need it. */
  gateway?: StripeGateway | undefined;
  box?: SecretBox | undefined;
  publicUrl?: string | undefined;
  /** Enqueues follow-up work (set by the queue itself). */
  queue?: JobSender | undefined;
  /** This process's Stripe inbox worker, woken when a job puts events in the inbox. */
  inboxWorker?: InboxWaker | undefined;
  /** How long logs are kept (`prune-old-rows`); the defaults when absent. */
  retention?: RetentionSettings | undefined;
};

export type JobDefinition<T extends object = object> = {
  name: string;
  /** Cron expression (UTC) when the job also runs on a schedule. */
  schedule?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  /**
   * Jobs a worker takes per fetch (default 1). Above 1, a failure retries the whole batch, so only jobs
   * that skip work already done may batch.
   */
  batchSize?: number;
  /** Workers per process for this job. */
  concurrency?: number;
  /** How often idle workers look for this job in other processes' enqueues (default 2 s; 0.5 at least). */
  pollingIntervalSeconds?: number;
  handle(data: T, context: JobContext): Promise<void>;
};

/** Keeps the payload type of each definition while letting the registry hold them together. */
export const defineJob = <T extends object>(definition: JobDefinition<T>) =>
  definition as unknown as JobDefinition;
