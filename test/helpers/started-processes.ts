import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeEach } from 'vitest';

/**
 * Every process a test file starts, stopped by pid whether the test passed, failed or timed out: those
 * started in a test after it, those started in a `beforeAll` after the file, and any left when this test
 * process exits. A Vouch left running would hold its data dir and port and fail the next test.
 */

type Started = { pid: number; child: ChildProcess | undefined };

/** How long a process gets to stop on SIGTERM before it is killed. */
const GRACE_MS = 3_000;

const running = new Map<number, Started>();
const ofFile: Started[] = [];
let ofTest: Started[] | undefined;

/**
 * Registers a started process (or a pid that the test started through another process) to be stopped at
 * teardown. Returns the child, for chaining.
 */
export function track<T extends ChildProcess | number>(started: T): T {
  const child: ChildProcess | undefined = typeof started === 'number' ? undefined : started;
  const pid = child ? child.pid : (started as number);
  if (pid === undefined) return started;
  const entry: Started = { pid, child };
  running.set(pid, entry);
  (ofTest ?? ofFile).push(entry);
  return started;
}

const gone = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // gone already
  }
}

/**
 * Stops our own children with SIGTERM, then SIGKILL if they are still there after the grace period; a pid
 * we did not spawn ourselves gets SIGKILL at once (nothing here can see it exit). Newest first, so a
 * process started through a child goes before that child.
 */
async function stop(list: Started[]): Promise<void> {
  for (const started of list.splice(0).reverse()) {
    running.delete(started.pid);
    const { child, pid } = started;
    if (!child) {
      signal(pid, 'SIGKILL');
      continue;
    }
    if (gone(child)) continue;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signal(pid, 'SIGTERM');
    const timer = setTimeout(() => signal(pid, 'SIGKILL'), GRACE_MS);
    await exited;
    clearTimeout(timer);
  }
}

/** Stops the processes the running test started; its file may call it first, before removing their dirs. */
export function stopStartedInTest(): Promise<void> {
  return stop(ofTest ?? []);
}

beforeEach(() => {
  ofTest = [];
});
afterEach(async () => {
  await stopStartedInTest();
  ofTest = undefined;
});
afterAll(() => stop(ofFile));
process.on('exit', () => {
  for (const pid of running.keys()) signal(pid, 'SIGKILL');
});
