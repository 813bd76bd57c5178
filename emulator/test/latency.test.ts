import Stripe from 'stripe';
import { describe, expect, it, vi } from 'vitest';
import { startEmulator } from '../index.js';
import { Latency } from '../latency.js';
import { startTestEnv } from './helpers.js';

/** `latencyMs`: each answer waits, like Stripe's, after the request was counted and carried out. */

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('emulator latency', () => {
  it('draws each delay from the range, the same sequence for the same seed', () => {
    const draws = (seed: number) => {
      const latency = new Latency([250, 400], seed);
      return Array.from({ length: 200 }, () => latency.next());
    };
    expect(draws(3)).toEqual(draws(3));
    expect(draws(3)).not.toEqual(draws(4));
    expect(draws(3).every((ms) => ms >= 250 && ms <= 400)).toBe(true);
    // Spread over the range, not stuck at one end.
    expect(Math.min(...draws(3))).toBeLessThan(270);
    expect(Math.max(...draws(3))).toBeGreaterThan(380);
    expect(new Latency(300).next()).toBe(300);
    expect(new Latency().next()).toBe(0);
    expect(() => new Latency([400, 250])).toThrow(RangeError);
    expect(() => new Latency(-1)).toThrow(RangeError);
    expect(() => new Latency([0, Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });

  it('refuses a bad range at start and at runtime', async () => {
    await expect(startEmulator({ latencyMs: [10, 5] })).rejects.toThrow(RangeError);
    const { emulator } = await startTestEnv();
    try {
      expect(() => emulator.setLatency(-3)).toThrow(RangeError);
    } finally {
      await emulator.close();
    }
  });

  it('counts a request when it arrives, then holds its answer', async () => {
    const { emulator, stripe } = await startTestEnv({ rateLimit: 1, latencyMs: [300, 400] });
    // Only the emulator's answer delay runs on setTimeout here; the HTTP stack uses Node's own timers.
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      let answered = false;
      const first = stripe.customers.list().finally(() => {
        answered = true;
      });
      while (emulator.requests() < 1) await nextTurn();
      // Counted and carried out, its answer waiting on a timer that has not run.
      expect(answered).toBe(false);
      // The limit already holds the first request, so the second is refused as it arrives.
      const second = stripe.customers.list().catch((error: unknown) => error);
      while (emulator.rateLimited() < 1) await nextTurn();
      await vi.advanceTimersByTimeAsync(400);
      expect((await first).object).toBe('list');
      expect(await second).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
      expect(emulator.requests()).toBe(1);
    } finally {
      vi.useRealTimers();
      await emulator.close();
    }
  });

  it('answers at once again after setLatency(0)', async () => {
    const { emulator, stripe } = await startTestEnv({ latencyMs: 300 });
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      emulator.setLatency(0);
      // No timer is advanced: the answer cannot be waiting on one.
      expect((await stripe.customers.list()).object).toBe('list');
    } finally {
      vi.useRealTimers();
      await emulator.close();
    }
  });
});
