import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * When the process with this pid started, as a string that tells it apart from a later process given the same
 * pid. Undefined when no such process runs, or when it is a zombie: a killed process that its parent has not yet
 * reaped still answers kill(pid, 0), so a bare pid cannot tell a dead owner from a live one.
 */
export function processStartTime(pid: number): string | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return process.platform === 'linux' ? procStartTime(pid) : psStartTime(pid);
}

let bootId: string | undefined;

/** Linux: the start time in clock ticks after boot (field 22 of /proc/<pid>/stat), with the boot's id. */
export function procStartTime(pid: number): string | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces; fields 3 (state) onwards follow it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const ticks = fields[22 - 3];
  if (!state || !ticks || state === 'Z' || state === 'X') return undefined;
  bootId ??= readBootId();
  return `${bootId}:${ticks}`;
}

function readBootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return 'boot';
  }
}

/** Other Unix systems (macOS): `ps -o stat= -o lstart=`, the state and the start time to the second. */
export function psStartTime(pid: number): string | undefined {
  let out: string;
  try {
    out = execFileSync('ps', ['-o', 'stat=', '-o', 'lstart=', '-p', String(pid)], {
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    // No `ps` at all (Windows): only whether the pid is in use can be known.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return pidInUse(pid) ? 'unknown' : undefined;
    return undefined; // ps exits 1 when there is no such process
  }
  const [state, ...start] = out.trim().split(/\s+/);
  if (!state || state.startsWith('Z') || start.length === 0) return undefined;
  return start.join(' ');
}

function pidInUse(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
