import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateBudget } from '../src/stripe/rate-budget.js';

/**
 * The per-account Stripe request budget, on fake timers: Stripe counts each request at some moment between
 * its start and its answer, and must never count more than the limit in any second, however late some
 * answers come back.
 */

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Most in any window of a second (Stripe's count), over stamps in ms. */
function busiestSecond(stamps: number[]): number {
  const sorted = [...stamps].sort((a, b) => a - b);
  let most = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while (sorted[to]! - sorted[from]! >= 1000) from++;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

/**
 * `requests` requests from `callers` callers one after another, each answered `latency(i)` ms after it
 * starts and counted by "Stripe" at `where(i)` (0 = at its start, 1 = when answered) of that time.
 */
async function run(
  budget: RateBudget,
  requests: number,
  callers: number,
  latency: (i: number) => number,
  where: (i: number) => number,
) {
  const stamps: number[] = [];
  let next = 0;
  const caller = async () => {
    while (next < requests) {
      const i = next++;
      const done = await budget.acquire();
      const started = performance.now();
      const took = latency(i);
      stamps.push(started + took * where(i));
      await new Promise((r) => setTimeout(r, took));
      done();
    }
  };
  const all = Promise.all(Array.from({ length: callers }, caller));
  await vi.runAllTimersAsync();
  await all;
  return { stamps, seconds: performance.now() / 1000 };
}

describe('RateBudget', () => {
  it('keeps close to the limit with quick answers, starts spread out', async () => {
    const { stamps } = await run(
      new RateBudget(100),
      1000,
      8,
      () => 3,
      () => 0.5,
    );
    expect(busiestSecond(stamps)).toBeLessThanOrEqual(100);
    const span = (Math.max(...stamps) - Math.min(...stamps)) / 1000;
    // 100 places, each held from its start to a second and 10 ms after its answer 3 ms later.
    expect(999 / span).toBeGreaterThan(97);
    // Spread: never more than a few starts in 20 ms.
    const sorted = [...stamps].sort((a, b) => a - b);
    const crowded = sorted.filter((s, i) => i >= 3 && s - sorted[i - 3]! < 20);
    expect(crowded).toEqual([]);
  });

  it('never lets Stripe count more than the limit when answers come back late', async () => {
    // Every 37th request stalls for 300 ms and is counted at the very end of its stall, the others at
    // their start: a budget counting starts alone would overflow the second after each stall.
    const stall = (i: number) => i % 37 === 0;
    const { stamps } = await run(
      new RateBudget(100),
      2000,
      16,
      (i) => (stall(i) ? 300 : 2),
      (i) => (stall(i) ? 1 : 0),
    );
    expect(stamps).toHaveLength(2000);
    expect(busiestSecond(stamps)).toBeLessThanOrEqual(100);
  });

  it('waits for an answer before reusing a place when every place is in flight', async () => {
    const budget = new RateBudget(3);
    const dones = [await budget.acquire(), await budget.acquire()];
    // The schedule spaces starts 333 ms apart: the third is due a little later.
    let third = false;
    const t = budget.acquire().then((done) => {
      third = true;
      return done;
    });
    await vi.advanceTimersByTimeAsync(400);
    expect(third).toBe(true);
    dones.push(await t);
    let fourth = false;
    void budget.acquire().then(() => {
      fourth = true;
    });
    // Three in flight: nothing frees a place however long it waits.
    await vi.advanceTimersByTimeAsync(5000);
    expect(fourth).toBe(false);
    dones[0]!();
    await vi.advanceTimersByTimeAsync(1000);
    expect(fourth).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(fourth).toBe(true);
  });
});
