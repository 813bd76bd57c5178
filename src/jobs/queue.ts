import PgBoss from 'pg-boss';
import pino, { type Logger } from 'pino';
import { type Database, transactionExecutor } from '../db/database.js';
import { VouchError } from '../errors.js';
import type { JobContext, JobDefinition, JobSender, SendOptions } from './job-definition.js';

const QUEUE_SCHEMA_LOCK_KEY = 727_002;

export type QueueRole = 'producer' | 'worker';

/**
 * The job queue, in the same Postgres as the data (pg-boss). Opening it makes what enqueueing needs (the
 * queue's schema and queues); `work` then runs handlers, schedules and pg-boss's maintenance, in a second
 * pg-boss instance on the same database, so that a process can serve requests before its background work
 * has started.
 */
export class JobQueue implements JobSender {
  readonly #workers = new Map<string, string[]>();
  #runner: PgBoss | undefined;
  #starting: Promise<void> | undefined;

  private constructor(
    private readonly boss: PgBoss,
    private readonly database: Database,
    private readonly logger: Logger,
  ) {}

  /** Opens the queue for enqueueing: creates or upgrades its schema and creates the missing queues. */
  static async open(options: {
    database: Database;
    logger: Logger;
    definitions: JobDefinition[];
  }): Promise<JobQueue> {
    const { database, logger, definitions } = options;
    const boss = new PgBoss({
      db: database.queueExecutor as PgBoss.Db,
      schema: 'pgboss',
      supervise: false,
      schedule: false,
      migrate: true,
    });
    boss.on('error', (err) => logger.error({ err }, 'job queue error'));
    // pg-boss creates its schema and its queues' partitions without guarding against another process doing
    // the same at once (a second process fails, or deadlocks); one process at a time does both.
    await database.withLock(QUEUE_SCHEMA_LOCK_KEY, async () => {
      await boss.start();
      // One read instead of a call per queue: a restart finds them all (an existing queue is never changed).
      const existing = new Set((await boss.getQueues()).map((queue) => queue.name));
      for (const def of definitions) {
        if (existing.has(def.name)) continue;
        await boss.createQueue(def.name, {
          name: def.name,
          retryLimit: def.retryLimit ?? 5,
          retryDelay: def.retryDelaySeconds ?? 5,
          retryBackoff: def.retryBackoff ?? true,
          expireInSeconds: def.expireInSeconds ?? 15 * 60,
        });
      }
    });
    return new JobQueue(boss, database, logger);
  }

  /** Opens the queue and, for the worker role, runs the jobs and schedules at once. */
  static async start(options: {
    database: Database;
    logger: Logger;
    role: QueueRole;
    definitions: JobDefinition[];
    context: JobContext;
    pollingIntervalSeconds?: number;
  }): Promise<JobQueue> {
    const queue = await JobQueue.open(options);
    if (options.role === 'worker') await queue.work(options);
    return queue;
  }

  /**
   * Creates the queue's schema and queues, then stops: a database prepared ahead of time (the embedded
   * template made by the build) starts with them in place.
   */
  static async install(database: Database, definitions: JobDefinition[]): Promise<void> {
    const queue = await JobQueue.open({ database, logger: pino({ level: 'silent' }), definitions });
    await queue.stop();
  }

  /**
   * Runs this process's workers for every job, the schedules and pg-boss's maintenance (supervision and
   * cron), until `stop`.
   */
  async work(options: {
    definitions: JobDefinition[];
    context: JobContext;
    pollingIntervalSeconds?: number | undefined;
  }): Promise<void> {
    if (this.#runner) throw new Error('The job queue already works');
    const runner = new PgBoss({
      db: this.database.queueExecutor as PgBoss.Db,
      schema: 'pgboss',
      supervise: true,
      schedule: true,
      migrate: false,
    });
    runner.on('error', (err) => this.logger.error({ err }, 'job queue error'));
    this.#runner = runner;
    this.#starting = (async () => {
      // Its cron creates a queue of pg-boss's own: under the same lock as the rest of the schema.
      await this.database.withLock(QUEUE_SCHEMA_LOCK_KEY, () => runner.start());
      for (const def of options.definitions) {
        const interval = options.pollingIntervalSeconds ?? def.pollingIntervalSeconds ?? 2;
        await this.#work(runner, def, options.context, interval);
        if (def.schedule) await runner.schedule(def.name, def.schedule, {}, { tz: 'UTC' });
      }
    })();
    await this.#starting;
  }

  async #work(
    runner: PgBoss,
    def: JobDefinition,
    context: JobContext,
    pollingIntervalSeconds: number,
  ): Promise<void> {
    for (let i = 0; i < (def.concurrency ?? 1); i++)
      await this.#startWorker(runner, def, context, pollingIntervalSeconds);
  }

  async #startWorker(
    runner: PgBoss,
    def: JobDefinition,
    context: JobContext,
    pollingIntervalSeconds: number,
  ): Promise<void> {
    let workerId = '';
    workerId = await runner.work<object>(
      def.name,
      { pollingIntervalSeconds, batchSize: def.batchSize ?? 1 },
      async (jobs) => {
        // A worker that found a job looks again at once: a backlog drains without waiting for polls.
        if (jobs.length > 0 && workerId) setImmediate(() => runner.notifyWorker(workerId));
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
   * Enqueues a job. One that can run now (sent outside a transaction, not delayed) wakes this process's
   * workers for it instead of waiting for their next poll; other processes find it at theirs. One sent in a
   * transaction exists only once that commits, so it waits for the poll.
   */
  async send(name: string, data: object, options: SendOptions = {}): Promise<string | null> {
    const id = await this.boss.send(name, data, {
      ...(options.tx ? { db: transactionExecutor(options.tx) as PgBoss.Db } : {}),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    });
    if (id !== null && !options.tx && !options.startAfterSeconds)
      for (const worker of this.#workers.get(name) ?? []) this.#runner?.notifyWorker(worker);
    return id;
  }

  async getJob(name: string, id: string) {
    return this.boss.getJobById(name, id);
  }

  /** Stops taking new jobs and waits (up to `timeoutMs`) for running ones to finish. */
  async stop(timeoutMs = 30_000): Promise<void> {
    const options = { graceful: true, wait: true, close: false, timeout: timeoutMs };
    // A stop while the workers start waits for them to have started (or failed to), then stops them.
    await this.#starting?.catch(() => {});
    await this.#runner?.stop(options);
    await this.boss.stop(options);
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
