import type { Logger } from 'pino';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Database } from '../db/database.js';
import type { RetentionSettings } from '../domain/retention.js';
import type { EmailSendOptions } from '../services/email-sender.js';
import type { EmailTransport } from '../services/email-transport.js';
import type { InboxWaker } from '../services/stripe-inbox.js';
import type { DeliveryOptions } from '../services/webhook-sender.js';
import type { StripeGateway } from '../stripe/gateway.js';
import { EmailRunner } from './email-runner.js';
import { EventPoller } from './event-poller.js';
import { OutgoingWebhookRunner } from './outgoing-webhook-runner.js';
import { PromotionCodeRunner } from './promotion-code-runner.js';
import { JobQueue } from './queue.js';
import { jobDefinitions } from './registry.js';
import { type RewardDeps, RewardRunner } from './reward-runner.js';
import { StripeInboxWorker } from './stripe-inbox-worker.js';
import { SyncRunner } from './sync-runner.js';
import { taskDefinitions } from './task-registry.js';
import { TaskRunner } from './task-runner.js';

/** What a process runs: `api` only enqueues; `worker` and `all` also run the background work. */
export type Role = 'api' | 'worker' | 'all';

/** Defaults suit production; tests shorten the waits. */
export type WorkerOptions = {
  /** How often idle runners look for work other processes queued (default: each runner's own). */
  pollMs?: number | undefined;
  /** How often idle job workers look for jobs (default: each job's own, 2 s). */
  jobPollingIntervalSeconds?: number | undefined;
  /** When a Stripe event that failed is tried again. */
  eventRetryDelayMs?: ((attempts: number) => number) | undefined;
  /** The wait before a connection's next event poll after `failures` failures in a row. */
  eventPollDelayMs?: ((failures: number) => number) | undefined;
  /** When a failed task is tried again. */
  taskRetryDelayMs?: ((attempt: number) => number) | undefined;
  rewards?: Pick<RewardDeps, 'maxAttempts' | 'afterStripeCall'> | undefined;
  /** Retry waits and attempts of outgoing webhooks, and whether private addresses may receive them. */
  outgoingWebhooks?: DeliveryOptions | undefined;
};

export type WorkerDeps = {
  database: Database;
  logger: Logger;
  now: () => Date;
  role: Role;
  /** Stripe: the Stripe inbox, syncs, promotion codes, rewards, tasks and event polling need it. */
  gateway?: StripeGateway | undefined;
  /** Opens endpoint signing secrets: outgoing webhooks need it. */
  box?: SecretBox | undefined;
  /** Base of referral links (VOUCH_PUBLIC_URL). */
  publicUrl?: string | undefined;
  /** How long logs are kept; the defaults when absent. */
  retention?: RetentionSettings | undefined;
  /** Where mail goes (SMTP or the local mailbox) and how; absent: mail waits in the outbox. */
  email?: (EmailSendOptions & { transport: EmailTransport }) | undefined;
  options?: WorkerOptions | undefined;
};

type Waker = { wake(): void };

/** This process's workers that the app wakes when it queues work; absent where they do not run. */
export type Wakers = {
  inboxWorker?: InboxWaker | undefined;
  syncRunner?: Waker | undefined;
  promotionCodeRunner?: Waker | undefined;
  rewardRunner?: Waker | undefined;
  taskRunner?: Waker | undefined;
  emailRunner?: Waker | undefined;
};

export type Workers = {
  /** Enqueues jobs (and, once running outside the api role, runs them). */
  queue: JobQueue;
  wakers: Wakers;
  /**
   * Starts the background work: the jobs, schedules and the job queue's maintenance, then the runners
   * (nothing in the api role). Runs once; later calls answer the same promise.
   */
  run(): Promise<void>;
  /** Stops taking work, lets each worker finish its current step, then stops the queue. */
  stop(): Promise<void>;
};

type Worker = { start(): void; stop(): Promise<void> };

/**
 * Prepares the background work of a process without starting it: opens the job queue (every role
 * enqueues) and makes the runners, whose wakers the HTTP app needs. `run` starts it: in `worker` and `all`
 * the jobs and schedules, the runners that call Stripe (when given a gateway and a public URL) and the
 * outgoing webhook runner (when given a secret box and a public URL). A process can so serve requests
 * first; what they enqueue or wake meanwhile waits for `run`.
 */
export async function prepareWorkers(deps: WorkerDeps): Promise<Workers> {
  const { database, logger, now, gateway, box, publicUrl } = deps;
  const options = deps.options ?? {};
  const pollMs = options.pollMs;
  const runs = deps.role !== 'api';
  const base = { database, logger, now };
  const stripe = runs && gateway && publicUrl !== undefined ? { ...base, gateway, publicUrl } : undefined;

  const inboxWorker = stripe
    ? new StripeInboxWorker({ ...stripe, retryDelayMs: options.eventRetryDelayMs, pollMs })
    : undefined;
  const syncRunner = stripe ? new SyncRunner({ ...stripe, pollMs }) : undefined;
  const promotionCodeRunner = stripe ? new PromotionCodeRunner({ ...stripe, pollMs }) : undefined;
  const rewardRunner = stripe ? new RewardRunner({ ...stripe, ...options.rewards, pollMs }) : undefined;
  const taskRunner = stripe
    ? new TaskRunner({
        ...stripe,
        definitions: taskDefinitions,
        pollMs,
        retryDelayMs: options.taskRetryDelayMs,
      })
    : undefined;
  // Stripe events of connections without a webhook endpoint of Vouch's own (no public URL).
  const eventPoller = stripe
    ? new EventPoller({
        ...stripe,
        wake: () => inboxWorker?.wake(),
        pollMs,
        delayMs: options.eventPollDelayMs,
      })
    : undefined;
  const webhookRunner =
    runs && box && publicUrl !== undefined
      ? new OutgoingWebhookRunner({ ...base, ...options.outgoingWebhooks, box, publicUrl, pollMs })
      : undefined;

  const emailRunner =
    runs && box && publicUrl !== undefined && deps.email
      ? new EmailRunner({ ...base, ...deps.email, box, publicUrl, pollMs })
      : undefined;

  const queue = await JobQueue.open({ database, logger, definitions: jobDefinitions });
  const all: Array<Worker | undefined> = [
    inboxWorker,
    syncRunner,
    promotionCodeRunner,
    webhookRunner,
    taskRunner,
    eventPoller,
    rewardRunner,
    emailRunner,
  ];
  const workers = all.filter((w) => w !== undefined);

  let running: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  return {
    queue,
    wakers: { inboxWorker, syncRunner, promotionCodeRunner, rewardRunner, taskRunner, emailRunner },
    run() {
      running ??= (async () => {
        if (!runs || stopping) return;
        await queue.work({
          definitions: jobDefinitions,
          context: { ...base, gateway, box, publicUrl, inboxWorker, retention: deps.retention },
          pollingIntervalSeconds: options.jobPollingIntervalSeconds,
        });
        // Stopped while the queue started: the runners never start.
        if (stopping) return;
        for (const worker of workers) worker.start();
      })();
      return running;
    },
    stop() {
      stopping ??= (async () => {
        await running?.catch(() => {});
        for (const worker of [...workers].reverse()) await worker.stop();
        await queue.stop();
      })();
      return stopping;
    },
  };
}

/** Prepares the background work of a process and starts it at once (see `prepareWorkers`). */
export async function startWorkers(deps: WorkerDeps): Promise<Workers> {
  const workers = await prepareWorkers(deps);
  try {
    await workers.run();
  } catch (error) {
    await workers.stop().catch(() => {});
    throw error;
  }
  return workers;
}
