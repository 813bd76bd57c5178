import type { Logger } from 'pino';

/**
 * A worker that drains a table that is its own queue, in rounds: work found, it looks again at once; none,
 * it waits `pollMs` or until `wake()` (work arrived in this process). `stop()` finishes the round in
 * progress. Subclasses say what one round does.
 */
export abstract class DrainingWorker {
  readonly #pollMs: number;
  readonly #logger: Logger;
  readonly #what: string;
  #running: Promise<void> | undefined;
  #stopping = false;
  #woken = false;
  #wakeUp: (() => void) | undefined;

  constructor(options: { pollMs: number; logger: Logger; what: string }) {
    this.#pollMs = options.pollMs;
    this.#logger = options.logger;
    this.#what = options.what;
  }

  /** One round; returns how much it did (0: nothing to do now). */
  abstract drain(): Promise<number>;

  protected get stopping(): boolean {
    return this.#stopping;
  }

  start(): void {
    this.#running ??= this.#run();
  }

  /** Looks for work now instead of at the next poll. */
  wake(): void {
    this.#woken = true;
    this.#wakeUp?.();
  }

  /** Finishes the round in progress, then stops. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.wake();
    await this.#running;
  }

  async #run(): Promise<void> {
    while (!this.#stopping) {
      this.#woken = false;
      try {
        // Work found: look again at once. None (or only work others hold): wait for a wake or a poll.
        if ((await this.drain()) === 0 && !this.#woken && !this.#stopping) await this.#idle();
      } catch (err) {
        this.#logger.error({ err }, `${this.#what} round failed; trying again shortly`);
        if (!this.#stopping) await this.#idle();
      }
    }
  }

  #idle(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.#pollMs);
      this.#wakeUp = done;
    });
  }
}
