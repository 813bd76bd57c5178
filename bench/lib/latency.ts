/** The emulator latencies a Stripe bench runs with: `0,250-400` means once without and once with 250 to 400 ms. */
import type { LatencyMs } from '../../emulator/index.js';

export type LatencySetting = { label: string; latencyMs: LatencyMs };

/** `0,250-400` (the default: Stripe answers in hundreds of ms, the emulator at once) into settings. */
export function latencySettings(value = '0,250-400'): LatencySetting[] {
  return value.split(',').map((part) => {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!match) throw new Error(`latency "${part}" is not ms (300) or a range (250-400)`);
    const min = Number(match[1]);
    const max = Number(match[2] ?? match[1]);
    return { label: min === max ? `${min} ms` : `${min}-${max} ms`, latencyMs: [min, max] };
  });
}
