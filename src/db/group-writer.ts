type Waiting<T, R> = { item: T; resolve: (result: R) => void; reject: (error: unknown) => void };

/**
 * Group commit in the application: callers each write one item and wait for it to be durable; items that
 * arrive while `maxInFlight` writes are running go together in the next one. An idle writer writes an item
 * at once (no added latency); a busy one writes many rows per statement and per commit, which is what
 * lets a burst of webhooks through at the database's commit rate times the batch size.
 *
 * `write` takes a batch and returns one result per item, in order. When a batch fails, its items are
 * written one at a time, so one bad item fails alone.
 */
export class GroupWriter<T, R> {
  #waiting: Waiting<T, R>[] = [];
  #inFlight = 0;

  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    private readonly options: {
      maxInFlight: number;
      maxBatch: number;
      /** Failures that would fail each item again (the database is unavailable): no one-by-one retry. */
      failsAll?: (error: unknown) => boolean;
    },
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#waiting.push({ item, resolve, reject });
      this.#next();
    });
  }

  #next(): void {
    while (this.#inFlight < this.options.maxInFlight && this.#waiting.length > 0) {
      const batch = this.#waiting.splice(0, this.options.maxBatch);
      this.#inFlight++;
      void this.#run(batch).finally(() => {
        this.#inFlight--;
        this.#next();
      });
    }
  }

  async #run(batch: Waiting<T, R>[]): Promise<void> {
    let results: R[];
    try {
      results = await this.write(batch.map((w) => w.item));
    } catch (error) {
      if (batch.length === 1 || this.options.failsAll?.(error)) for (const w of batch) w.reject(error);
      else await this.#oneByOne(batch);
      return;
    }
    for (const [i, w] of batch.entries()) w.resolve(results[i]!);
  }

  async #oneByOne(batch: Waiting<T, R>[]): Promise<void> {
    for (const w of batch) {
      try {
        w.resolve((await this.write([w.item]))[0]!);
      } catch (error) {
        w.reject(error);
      }
    }
  }
}
