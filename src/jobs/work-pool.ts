export type PoolKey = string | number;

/**
 * Works through items that a job reads in batches, `size` at a time, and reads the next batch while the
 * last items of the one before are still running, so that the end of a batch never leaves the Stripe budget
 * without requests waiting. `fetch` gets the keys of the items the pool holds (waiting or running) and
 * returns items to do; those it already holds are dropped. When it has nothing new, the pool finishes what
 * it holds and returns. The first error stops it: nothing more starts, what runs finishes, and the error is
 * thrown. Returns how many items ran.
 */
export async function runPool<T>(options: {
  size: number;
  key: (item: T) => PoolKey;
  fetch: (held: ReadonlySet<PoolKey>) => Promise<T[]>;
  run: (item: T) => Promise<void>;
  stopped: () => boolean;
}): Promise<number> {
  const queue: T[] = [];
  const held = new Set<PoolKey>();
  let more = true;
  let failure: { error: unknown } | undefined;
  let fetching: Promise<void> | undefined;
  let ran = 0;

  const refill = () => {
    if (fetching || !more || failure || options.stopped()) return;
    fetching = options
      .fetch(held)
      .then(
        (items) => {
          const fresh = items.filter((item) => !held.has(options.key(item)));
          if (fresh.length === 0) more = false;
          for (const item of fresh) {
            held.add(options.key(item));
            queue.push(item);
          }
        },
        (error: unknown) => {
          failure ??= { error };
        },
      )
      .finally(() => {
        fetching = undefined;
      });
  };

  const worker = async () => {
    for (;;) {
      if (failure || options.stopped()) return;
      // Fewer waiting than there are workers: read ahead now, before the queue runs dry.
      if (queue.length <= options.size) refill();
      const item = queue.shift();
      if (item === undefined) {
        if (!fetching) return;
        await fetching;
        continue;
      }
      try {
        await options.run(item);
        ran++;
      } catch (error) {
        failure ??= { error };
      } finally {
        held.delete(options.key(item));
      }
    }
  };

  await Promise.all(Array.from({ length: Math.max(1, options.size) }, worker));
  if (failure) throw failure.error;
  return ran;
}
