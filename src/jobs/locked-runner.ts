import type { JobContext } from './job-definition.js';

export type StopSignal = { stopped: boolean };

export type LockedWork = Pick<JobContext, 'database' | 'logger'> & {
  /** Advisory lock namespace: one runner per item across all processes. */
  lockSpace: number;
  /** What the items are, for log lines ("sync", "promotion codes of campaign"). */
  what: string;
  pollMs?: number | undefined;
  /** Ids of the items that have work now. */
  due(): Promise<string[]>;
  /** Works on one item until it has no more work or `signal` stops it. */
  run(id: string, signal: StopSignal): Promise<void>;
  /** Records a failed step where the item's owner can see it. */
  onError?(id: string, error: Error): Promise<void>;
};

/**
 * Polls for items with work and runs each under an advisory lock named after it, so across processes
 * exactly one works on an item; a process that dies drops its locks with its connection and another (or
 * the restarted one) resumes from what the item stored, within a poll.
 */
export class LockedRunner {
  readonly #work: LockedWork;
  readonly #pollMs: number;
  readonly #active = new Map<string, Promise<void>>();
  readonly #signal: StopSignal = { stopped: false };
  #timer: NodeJS.Timeout | undefined;
  #looking: Promise<void> | undefined;

  constructor(work: LockedWork) {
    this.#work = work;
    this.#pollMs = work.pollMs ?? 1000;
  }

  start(): void {
    this.#schedule(0);
  }

  /** Looks for work now (this process just queued some). */
  wake(): void {
    if (!this.#signal.stopped) this.#schedule(0);
  }

  /** Stops taking work and waits for each running item to finish its current step. */
  async stop(): Promise<void> {
    this.#signal.stopped = true;
    clearTimeout(this.#timer);
    await this.#looking;
    await Promise.all(this.#active.values());
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#looking = this.#look().finally(() => {
        if (!this.#signal.stopped) this.#schedule(this.#pollMs);
      });
    }, ms);
    this.#timer.unref?.();
  }

  async #look(): Promise<void> {
    const work = this.#work;
    try {
      for (const id of await work.due()) {
        if (this.#active.has(id) || this.#signal.stopped) continue;
        const run = work.database
          .tryWithLock(work.lockSpace, id, () => work.run(id, this.#signal))
          .catch(async (err) => {
            work.logger.error({ err, id }, `${work.what} step failed; it resumes at the next poll`);
            await work.onError?.(id, err as Error).catch(() => {});
          })
          .then(() => undefined)
          .finally(() => this.#active.delete(id));
        this.#active.set(id, run);
      }
    } catch (err) {
      work.logger.error({ err }, `looking for ${work.what} work failed; trying again shortly`);
    }
  }
}
