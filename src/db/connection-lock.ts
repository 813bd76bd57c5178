/**
 * A first-come, first-served lock. PGlite is one connection: a transaction must own it from BEGIN to
 * COMMIT, so every caller (queries, transactions, the job queue) takes this lock first.
 */
export class ConnectionLock {
  #held = false;
  #waiters: Array<() => void> = [];

  constructor(private readonly timeoutMs: number) {}

  async acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== grant);
        reject(
          new Error(
            `Waited more than ${this.timeoutMs} ms for the embedded database; a transaction may be ` +
              'querying outside its own transaction handle',
          ),
        );
      }, this.timeoutMs);
      this.#waiters.push(grant);
    });
  }

  release(): void {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#held = false;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }
}
