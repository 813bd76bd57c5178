import PgBoss from 'pg-boss';
import pino, { type Logger } from 'pino';
import { type Database, transactionExecutor } from '../db/database.js';
import { VouchError } from '../errors.js';
import type { JobContext, JobDefinition, JobSender, SendOptions } from './job-definition.js';

const QUEUE_SCHEMA_LOCK_KEY = 727_002;

export type QueueRole = 'producer' | 'worker';

/**
 * The job queue, in the same Postgres as the data (pg-boss). Producers only enqueue; workers also run
 * handlers and the schedules.
 */
export class JobQueue implements JobSender {
  readonly #workers = new Map<string, string[]>();

  private constructor(
    private readonly boss: PgBoss,
    private readonly logger: Logger,
  ) {}

  static async start(options: {
    database: Database;
    logger: Logger;
    role: QueueRole;
    definitions: JobDefinition[];
    context: JobContext;
    pollingIntervalSeconds?: number;
  }): Promise<JobQueue> {
    const { database, logger, role, definitions, context } = options;
    const isWorker = role === 'worker';
    const boss = new PgBoss({
      db: database.queueExecutor as PgBoss.Db,
      schema: 'pgboss',
      supervise: isWorker,
      schedule: isWorker,
      migrate: true,
    });
    boss.on('error', (err) => logger.error({ err }, 'job queue error'));
    // pg-boss creates its schema and its queues' partitions without guarding against another process doing
    // the same at once (a second process fails, or deadlocks); one process at a time does both.
    await database.withLock(QUEUE_SCHEMA_LOCK_KEY, async () => {
      await boss.start();
      for (const def of definitions) {
        await boss.createQueue(def.name, {
          name: def.name,
          retryLimit: def.retryLimit ?? 5,
          retryDelay: def.retryDelaySeconds ?? 5,
          retryBackoff: def.retryBackoff ?? true,
          expireInSeconds: def.expireInSeconds ?? 15 * 60,
        });
      }
    });
    const queue = new JobQueue(boss, logger);
    if (isWorker) {
      for (const def of definitions) {
        await queue.#work(def, context, options.pollingIntervalSeconds ?? def.pollingIntervalSeconds ?? 2);
        if (def.schedule) await boss.schedule(def.name, def.schedule, {}, { tz: 'UTC' });
      }
    }
    return queue;
  }

  /**
   * Creates the queue's schema and queues, then stops: a database prepared ahead of time (the embedded
   * template made by the build) starts with them in place.
   */
  static async install(database: Database, definitions: JobDefinition[]): Promise<void> {
    const logger = pino({ level: 'silent' });
    const context = { database, logger, now: () => new Date() };
    const queue = await JobQueue.start({ database, logger, role: 'producer', definitions, context });
    await queue.stop();
  }

  async #work(def: JobDefinition, context: JobContext, pollingIntervalSeconds: number): Promise<void> {
    for (let i = 0; i < (def.concurrency ?? 1); i++)
      await this.#startWorker(def, context, pollingIntervalSeconds);
  }

  async #startWorker(def: JobDefinition, context: JobContext, pollingIntervalSeconds: number): Promise<void> {
    let workerId = '';
    workerId = await this.boss.work<object>(
      def.name,
      { pollingIntervalSeconds, batchSize: def.batchSize ?? 1 },
      async (jobs) => {
        // A worker that found a job looks again at once: a backlog drains without waiting for polls.
        if (jobs.length > 0 && workerId) setImmediate(() => this.boss.notifyWorker(workerId));
        let failure: unknown;
        for (const job of jobs) {
          const log = this.logger.child({ job: def.name, job_id: job.id });
          const started = Date.now();
          try {
            await def.handle(job.data ?? {}, { ...context, logger: log, queue: this });
            log.debug({ ms: Date.now() - started }, 'job done');
          } catch (err) {
            log.warn({ err }, 'job failed; it will be retried while retries remain');
            failure ??= err;
          }
        }
        // The queue retries a failed batch whole: batched jobs must be safe to run again (see batchSize).
        if (failure) throw failure;
      },
    );
    this.#workers.set(def.name, [...(this.#workers.get(def.name) ?? []), workerId]);
  }

  /**
   * Wakes this process's workers for `name` now instead of at their next poll: a webhook received here is
   * processed at once. Other processes still find the job at their next poll.
   */
  notify(name: string): void {
    for (const id of this.#workers.get(name) ?? []) this.boss.notifyWorker(id);
  }

  async send(name: string, data: object, options: SendOptions = {}): Promise<string | null> {
    return this.boss.send(name, data, {
      ...(options.tx ? { db: transactionExecutor(options.tx) as PgBoss.Db } : {}),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    });
  }

  async getJob(name: string, id: string) {
    return this.boss.getJobById(name, id);
  }

  /** Stops taking new jobs and waits (up to `timeoutMs`) for running ones to finish. */
  async stop(timeoutMs = 30_000): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs });
  }
}

/** The queue, or the 503 a caller gets when this process was built without one. */
export function requireQueue(
  queue: JobQueue | undefined,
  message = 'This server cannot enqueue jobs.',
): JobQueue {
  if (!queue) throw new VouchError(503, 'api_error', 'queue_unavailable', message);
  return queue;
}
