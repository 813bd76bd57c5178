import { tasksRepository } from '../db/repositories/tasks.js';
import type { TaskRow } from '../db/tables.js';
import { DrainingWorker } from './draining-worker.js';
import type { JobContext } from './job-definition.js';
import type { TaskDefinition } from './task-definition.js';

export type TaskRunnerOptions = JobContext & {
  definitions: TaskDefinition[];
  /** How long a taken task is held without a heartbeat: a dead holder's task is free again after this. */
  leaseMs?: number | undefined;
  /** Tasks run at once by this process (default 4). */
  concurrency?: number | undefined;
  /** How often an idle runner looks for tasks other processes asked for (default 1 s). */
  pollMs?: number | undefined;
  /** The wait after the n-th failed attempt (default 5 s, doubling, at most 10 minutes). */
  retryDelayMs?: ((attempt: number) => number) | undefined;
};

const DEFAULT_LEASE_MS = 10_000;
const defaultRetryDelay = (attempt: number) => Math.min(5_000 * 2 ** (attempt - 1), 10 * 60_000);

/**
 * Runs tasks a person waits on (a friend's Stripe customer). Each is taken with a short lease that a
 * heartbeat renews while it runs, so a process killed mid-task frees it within the lease (seconds) rather
 * than at a job queue's expiry (minutes). Failures are retried with backoff and then kept with their error.
 */
export class TaskRunner extends DrainingWorker {
  readonly #options: TaskRunnerOptions;
  readonly #definitions: Map<string, TaskDefinition>;
  readonly #leaseMs: number;
  readonly #running = new Set<string>();

  constructor(options: TaskRunnerOptions) {
    super({ pollMs: options.pollMs ?? 1000, logger: options.logger, what: 'task' });
    this.#options = options;
    this.#definitions = new Map(options.definitions.map((d) => [d.kind, d]));
    this.#leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  async drain(): Promise<number> {
    const { database, now } = this.#options;
    const concurrency = this.#options.concurrency ?? 4;
    const repo = tasksRepository(database.db);
    const at = now();
    const claimed = await repo.claimDue(at, new Date(at.getTime() + this.#leaseMs), concurrency);
    if (claimed.length === 0) return 0;
    for (const task of claimed) this.#running.add(task.id);
    const heartbeat = setInterval(() => {
      const until = new Date(now().getTime() + this.#leaseMs);
      repo.renew([...this.#running], until).catch((err) => {
        this.#options.logger.warn({ err }, 'task leases could not be renewed');
      });
    }, this.#leaseMs / 4);
    try {
      await Promise.all(claimed.map((task) => this.#run(task)));
    } finally {
      clearInterval(heartbeat);
    }
    return claimed.length;
  }

  async #run(task: TaskRow): Promise<void> {
    const { database, logger, now } = this.#options;
    const repo = tasksRepository(database.db);
    const log = logger.child({ task: task.kind, subject: task.subject_id });
    const definition = this.#definitions.get(task.kind);
    try {
      if (!definition) throw new Error(`no handler for task kind ${task.kind}`);
      await definition.handle(task.subject_id, { ...this.#options, logger: log });
      await repo.complete(task);
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      const attempt = task.attempts + 1;
      const giveUp = attempt >= (definition?.maxAttempts ?? 8);
      const retryAt = giveUp
        ? null
        : new Date(now().getTime() + (this.#options.retryDelayMs ?? defaultRetryDelay)(attempt));
      log.warn({ err: error, attempt, give_up: giveUp }, 'task failed');
      await repo.fail(task, error.message, retryAt, now()).catch((e) => {
        log.error({ err: e }, 'task failure could not be recorded; its lease will free it');
      });
      if (giveUp) await definition?.onGiveUp?.(task.subject_id, error, this.#options).catch(() => {});
    } finally {
      this.#running.delete(task.id);
    }
  }
}
