import { describe, expect, it } from 'vitest';
import { runPool } from '../src/jobs/work-pool.js';

/** The pool the Stripe jobs work through their rows with: every row once, `size` at a time, reading ahead. */

/** A table of rows to do, read like the jobs read theirs: the first `limit` not done, in order. */
function table(count: number) {
  const done = new Set<number>();
  const runs: number[] = [];
  let running = 0;
  let most = 0;
  const readsWhileRunning: number[] = [];
  return {
    done,
    runs,
    most: () => most,
    readsWhileRunning,
    fetch: async (limit: number) => {
      readsWhileRunning.push(running);
      return Array.from({ length: count }, (_, i) => i)
        .filter((i) => !done.has(i))
        .slice(0, limit);
    },
    run: async (i: number, fail?: number) => {
      running++;
      most = Math.max(most, running);
      runs.push(i);
      try {
        await new Promise((resolve) => setImmediate(resolve));
        if (i === fail) throw new Error(`row ${i} failed`);
        done.add(i);
      } finally {
        running--;
      }
    },
  };
}

describe('runPool', () => {
  it('does every row once, at most `size` at a time, reading the next rows before the last are done', async () => {
    const rows = table(50);
    const ran = await runPool<number>({
      size: 4,
      key: (i) => i,
      stopped: () => false,
      fetch: (held) => rows.fetch(6 + held.size),
      run: (i) => rows.run(i),
    });
    expect(ran).toBe(50);
    expect(rows.runs.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(rows.most()).toBe(4);
    // Read ahead: rows were read while others were still running, not only between batches.
    expect(rows.readsWhileRunning.some((n) => n > 0)).toBe(true);
  });

  it('stops at the first failure: nothing more starts, the running rows finish, the error is thrown', async () => {
    const rows = table(50);
    await expect(
      runPool<number>({
        size: 3,
        key: (i) => i,
        stopped: () => false,
        fetch: (held) => rows.fetch(6 + held.size),
        run: (i) => rows.run(i, 4),
      }),
    ).rejects.toThrow('row 4 failed');
    // Row 4 started with 3 in flight at most; only rows up to two after it could already be under way.
    expect(Math.max(...rows.runs)).toBeLessThanOrEqual(6);
    expect(rows.done.size).toBe(rows.runs.length - 1);
  });

  it('returns 0 when there is nothing to do, and stops starting rows once stopped', async () => {
    const empty = table(0);
    expect(
      await runPool<number>({
        size: 3,
        key: (i) => i,
        stopped: () => false,
        fetch: (held) => empty.fetch(6 + held.size),
        run: (i) => empty.run(i),
      }),
    ).toBe(0);
    const rows = table(50);
    const ran = await runPool<number>({
      size: 2,
      key: (i) => i,
      stopped: () => rows.done.size >= 10,
      fetch: (held) => rows.fetch(6 + held.size),
      run: (i) => rows.run(i),
    });
    expect(ran).toBeGreaterThanOrEqual(10);
    expect(ran).toBeLessThanOrEqual(11);
    expect(rows.done.size).toBe(ran);
  });
});
