import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateBudget } from '../src/stripe/rate-budget.js';

/**
 * The per-account Stripe request budget, on fake timers: Stripe counts each request when it arrives, a little
 * after its start, and must never count more than the limit in any second, however late the answers come
 * back; after a 429 the budget also copes with requests counted as late as their answer.
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
 * starts and counted by "Stripe" `counted(i)` ms after its start (never after its answer).
 */
async function run(
  budget: RateBudget,
  requests: number,
  callers: number,
  latency: (i: number) => number,
  counted: (i: number) => number,
  lane?: string,
) {
  const stamps: number[] = [];
  let next = 0;
  const caller = async () => {
    while (next < requests) {
      const i = next++;
      const done = await budget.acquire(lane);
      const started = performance.now();
      const took = latency(i);
      stamps.push(started + Math.min(took, counted(i)));
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
      () => 1.5,
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

  it('stays under the limit and above 0.9 of it when answers take 250 to 400 ms', async () => {
    // Stripe's latency: counted on arrival, up to 50 ms (the transit) after the start, answered much later.
    const { stamps } = await run(
      new RateBudget(100),
      3000,
      100,
      (i) => 250 + ((i * 37) % 151),
      (i) => (i * 13) % 51,
    );
    expect(busiestSecond(stamps)).toBeLessThanOrEqual(100);
    const span = (Math.max(...stamps) - Math.min(...stamps)) / 1000;
    // A place is held 1,055 ms from the start (transit, a second and the margin), not answer + a second.
    expect(2999 / span).toBeGreaterThan(90);
  });

  it('never lets Stripe count more than the limit when some requests are counted as late as their answer', async () => {
    // Every 37th request is held up for 900 ms on its way (a stall) and counted at the very end of it, the
    // others at their start: a budget counting from the start alone would overflow in the second after.
    const late = (i: number) => i % 37 === 0;
    const { stamps } = await run(
      new RateBudget(100),
      2000,
      16,
      (i) => (late(i) ? 900 : 2),
      (i) => (late(i) ? 900 : 0),
    );
    expect(stamps).toHaveLength(2000);
    expect(busiestSecond(stamps)).toBeLessThanOrEqual(100);
  });

  it('holds a place until a second after its answer, or after its start and the transit if sooner', async () => {
    const budget = new RateBudget(2, { transitMs: 40, marginMs: 10 });
    // 16 answers in 300 ms: the usual answer time becomes 340 ms (with the transit).
    await run(
      budget,
      16,
      2,
      () => 300,
      () => 0,
    );
    await vi.advanceTimersByTimeAsync(2000);
    const at = performance.now();
    const since = () => performance.now() - at;
    const starts: number[] = [];
    const next = () =>
      budget.acquire().then((done) => {
        starts.push(Math.round(since()));
        return done;
      });
    const quick = await next();
    const usual = await next();
    const third = next();
    const fourth = next();
    await vi.advanceTimersByTimeAsync(20);
    quick(); // 20 ms: its place is free a second (and 10 ms) after its answer, at 1030 ms
    await vi.advanceTimersByTimeAsync(180);
    usual(); // 200 ms, usual: free a second after the transit, at 1050 ms
    await vi.advanceTimersByTimeAsync(1000);
    const slow = await third;
    await fourth;
    expect(starts).toEqual([0, 0, 1030, 1050]);
    // Slower than usual (answered 1,070 ms after its start): held until a second after its answer.
    await vi.advanceTimersByTimeAsync(900);
    const answeredAt = since();
    slow();
    const fifth = next();
    await vi.advanceTimersByTimeAsync(5000);
    await fifth;
    expect(starts[4]).toBe(answeredAt + 1010);
  });

  it('after a 429, copes with requests counted late but answered in the usual time', async () => {
    // Answers take 250 to 400 ms after the count. Every 37th request waits 140 ms on its way, is counted
    // then and answered 250 ms later: 390 ms in all, a usual time, so the rule alone lets Stripe count too
    // many...
    const late = (i: number) => i % 37 === 0;
    const latency = (i: number) => (late(i) ? 390 : 250 + ((i * 37) % 151));
    const counted = (i: number) => (late(i) ? 140 : 0);
    const plain = await run(new RateBudget(100), 3000, 100, latency, counted);
    expect(busiestSecond(plain.stamps)).toBeGreaterThan(100);
    // ...so once Stripe has answered 429, a place is held until a second after its answer less the quickest
    // answer time seen (250 ms, less the 50 ms transit): counted at least that long before its answer.
    const cautious = new RateBudget(100, { cautiousMs: 600_000 });
    cautious.rateLimited();
    const { stamps } = await run(cautious, 3000, 100, latency, counted);
    expect(stamps).toHaveLength(3000);
    expect(busiestSecond(stamps)).toBeLessThanOrEqual(100);
    // Still well above the 0.77 of the limit that holding each place until a second after its answer allows.
    const span = (Math.max(...stamps) - Math.min(...stamps)) / 1000;
    expect(2999 / span).toBeGreaterThan(85);
  });

  it('holds places longer for a while after a 429, then goes back', async () => {
    const budget = new RateBudget(1, { transitMs: 50, marginMs: 0, cautiousMs: 5000 });
    // 16 answers in 200 or 300 ms: usual up to 350 ms, and every answer comes at least 150 ms after its count.
    await run(
      budget,
      16,
      1,
      (i) => (i % 2 ? 300 : 200),
      () => 0,
    );
    await vi.advanceTimersByTimeAsync(2000);
    /** Starts a request answered in 300 ms, and says how long after its start the next one could start. */
    const gap = async () => {
      const done = await budget.acquire();
      const started = performance.now();
      await vi.advanceTimersByTimeAsync(300);
      done();
      let nextStart = 0;
      const next = budget.acquire().then((d) => {
        nextStart = performance.now();
        return d;
      });
      await vi.advanceTimersByTimeAsync(2000);
      (await next)();
      await vi.advanceTimersByTimeAsync(2000);
      return nextStart - started;
    };
    budget.rateLimited();
    // Cautious: a second after its answer less the 150 ms.
    expect(await gap()).toBe(1150);
    await vi.advanceTimersByTimeAsync(5000);
    // Then a second after the transit again.
    expect(await gap()).toBe(1050);
  });

  it('serves calls without a lane first, then the jobs in turn', async () => {
    const budget = new RateBudget(1000);
    const order: string[] = [];
    const ask = (lane: string | undefined, name: string) =>
      budget.acquire(lane).then((done) => {
        order.push(name);
        done();
      });
    // The first takes the only start due at once (a burst of 100 at 1,000 a second: use them up first).
    await Promise.all(Array.from({ length: 100 }, () => budget.acquire().then((done) => done())));
    const asked = [
      ...Array.from({ length: 4 }, (_, i) => ask('sync', `sync${i}`)),
      ...Array.from({ length: 2 }, (_, i) => ask('rewards', `rewards${i}`)),
      ask(undefined, 'person'),
    ];
    await vi.runAllTimersAsync();
    await Promise.all(asked);
    expect(order).toEqual(['person', 'rewards0', 'sync0', 'rewards1', 'sync1', 'sync2', 'sync3']);
  });
});
