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
    // 100 places, each held from its start to a second and 5 ms after its answer 3 ms later.
    expect(999 / span).toBeGreaterThan(98);
    // Spread out: never more than 20 starts in 100 ms.
    const sorted = [...stamps].sort((a, b) => a - b);
    const crowded = sorted.filter((s, i) => i >= 20 && s - sorted[i - 20]! < 100);
    expect(crowded).toEqual([]);
  });

  it('never lets Stripe count more than the limit when answers come back late', async () => {
    // Every 37th request is held up for 900 ms and counted at the very end of it, the others at their start:
    // a budget counting starts alone would overflow in the second after each delay.
    const late = (i: number) => i % 37 === 0;
    const { stamps } = await run(
      new RateBudget(100),
      2000,
      16,
      (i) => (late(i) ? 900 : 2),
      (i) => (late(i) ? 1 : 0),
    );
    expect(stamps).toHaveLength(2000);
    expect(busiestSecond(stamps)).toBeLessThanOrEqual(100);
  });

  it('holds a place until a second after the answer, and a slow one no longer than maxHoldMs', async () => {
    const budget = new RateBudget(2, { marginMs: 10, maxHoldMs: 100 });
    const quick = await budget.acquire();
    await budget.acquire(); // never answered
    let third = false;
    void budget.acquire().then(() => {
      third = true;
    });
    await vi.advanceTimersByTimeAsync(50);
    quick(); // answered at 50 ms: its place is free at 1060 ms, the unanswered one's at 1110 ms
    await vi.advanceTimersByTimeAsync(1000);
    expect(third).toBe(false);
    await vi.advanceTimersByTimeAsync(15);
    expect(third).toBe(true);
    let fourth = false;
    void budget.acquire().then(() => {
      fourth = true;
    });
    await vi.advanceTimersByTimeAsync(35);
    expect(fourth).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(fourth).toBe(true);
  });
});
