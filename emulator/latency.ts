/** How long the emulator waits before it sends an API answer, to act like Stripe's real response times. */
import { seededRandom } from './guards.js';

/** A fixed time in ms, or `[min, max]`: each answer waits a time drawn evenly from that range. */
export type LatencyMs = number | readonly [number, number];

function checkRange(latency: LatencyMs): [number, number] {
  const [min, max] = typeof latency === 'number' ? [latency, latency] : latency;
  if (!Number.isFinite(min) || !Number.isFinite(max) || min < 0 || max < min) {
    throw new RangeError(
      `latency must be ms >= 0, or [min, max] with 0 <= min <= max; got ${String(latency)}`,
    );
  }
  return [min, max];
}

/**
 * The delay of each API answer, drawn from its own seeded sequence: with the same seed and the same order
 * of requests, the same delays (and the fault sequence of `failRate` does not change with it).
 */
export class Latency {
  private range: [number, number];
  private readonly random: () => number;

  constructor(latency: LatencyMs = 0, seed = 1) {
    this.range = checkRange(latency);
    // Another stream than the fault injector's, which uses the seed as it is.
    this.random = seededRandom((seed ^ 0x5bd1e995) >>> 0);
  }

  /** Changes the range; answers already waiting keep their delay. */
  set(latency: LatencyMs): void {
    this.range = checkRange(latency);
  }

  /** The delay of the next answer, in ms (0 when off). */
  next(): number {
    const [min, max] = this.range;
    if (max === 0) return 0;
    return min + this.random() * (max - min);
  }

  /** Waits the next answer's delay; resolves at once when there is none. */
  wait(): Promise<void> | undefined {
    const ms = this.next();
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : undefined;
  }
}
