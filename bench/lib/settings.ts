/**
 * What every benchmark prints before its results: the settings it ran with (log level, pool size, pinning,
 * the machine), so that two figures are only compared when they were measured alike. Also the pinning rule
 * the benches share and a min-to-max summary of repeated rounds.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';

/**
 * On two cores, the load generator and the server fight for CPU; where `taskset` exists, servers run on
 * CPU 0 and the bench process (load, emulator, baseline clients) on CPU 1.
 */
export const pinned =
  availableParallelism() >= 2 &&
  spawnSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' }).status === 0;

/** The command that runs `node <args>` on CPU 0 when pinned, else plain. */
export const onCpu0 = (args: string[]): [string, string[]] =>
  pinned ? ['taskset', ['-c', '0', process.execPath, ...args]] : [process.execPath, args];

export type Settings = Record<string, string | number | boolean | undefined>;

/** The settings a bench ran with, machine facts added; printed and returned for the JSON line. */
export function printSettings(bench: string, settings: Settings): Settings {
  const all: Settings = {
    ...settings,
    pinning: settings.pinning ?? (pinned ? 'servers on CPU 0, load on CPU 1' : 'none'),
    // The machine's CPUs, not this process's: once pinned, it may use only one.
    cpus: `${cpus().length} x ${cpus()[0]?.model.trim() ?? 'unknown'}`,
    node: process.version,
  };
  console.log(`\n${bench}`);
  for (const [name, value] of Object.entries(all))
    if (value !== undefined) console.log(`  ${name.padEnd(20)} ${value}`);
  return all;
}

/** "min to max" of repeated rounds, with `digits` decimals. */
export function range(values: number[], digits = 0): string {
  const lo = Math.min(...values).toFixed(digits);
  const hi = Math.max(...values).toFixed(digits);
  return lo === hi ? lo : `${lo} to ${hi}`;
}
