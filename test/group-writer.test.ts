import { describe, expect, it } from 'vitest';
import { GroupWriter } from '../src/db/group-writer.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('GroupWriter', () => {
  it('writes an item alone when idle, and what arrives meanwhile together, each getting its own result', async () => {
    const batches: number[][] = [];
    const writer = new GroupWriter<number, number>(
      async (items) => {
        batches.push(items);
        await tick();
        return items.map((n) => n * 10);
      },
      { maxInFlight: 1, maxBatch: 4 },
    );
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => writer.add(n)));
    expect(results).toEqual([10, 20, 30, 40, 50, 60]);
    expect(batches).toEqual([[1], [2, 3, 4, 5], [6]]);
  });

  it('retries a failed batch item by item, so only the bad item fails', async () => {
    const writer = new GroupWriter<number, string>(
      async (items) => {
        await tick();
        if (items.includes(13)) throw new Error('thirteen');
        return items.map(String);
      },
      { maxInFlight: 1, maxBatch: 10 },
    );
    const outcomes = await Promise.allSettled([1, 12, 13, 14].map((n) => writer.add(n)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[2] as PromiseRejectedResult).reason.message).toBe('thirteen');
    expect((outcomes[3] as PromiseFulfilledResult<string>).value).toBe('14');
  });
});
