import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirBusyError, lockDataDir } from '../src/data-dir.js';
import { processStartTime, procStartTime, psStartTime } from '../src/process-start-time.js';
import { stopStartedInTest, track } from './helpers/started-processes.js';
import { copyTemplateDataDir } from './helpers/test-database.js';
import { onPostgres } from './helpers/test-target.js';
import { runVouch, spawnVouch, vouchEnv } from './helpers/vouch-process.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const onLinux = process.platform === 'linux';

// Everything a test starts is stopped after it, pass or fail, newest first: the processes our children
// started (zombies or not), then our children, which lets the zombies be reaped; then their dirs go.
const dirs: string[] = [];
afterEach(async () => {
  await stopStartedInTest();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vouch-lock-'));
  dirs.push(dir);
  return dir;
}

const pidFile = (dir: string) => join(dir, 'vouch.pid');

/** The state letter of a process (R, S, Z, ...), undefined once it is gone. */
function processState(pid: number): string | undefined {
  if (onLinux) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2)[0];
    } catch {
      return undefined;
    }
  }
  try {
    return execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim()[0];
  } catch {
    return undefined;
  }
}

/** Polls `check` until it gives a value. */
async function until<T>(what: string, check: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Kills a process whose parent does not reap it, and waits until it is a zombie. */
async function killToZombie(pid: number): Promise<void> {
  process.kill(pid, 'SIGKILL');
  await until(`pid ${pid} to be a zombie`, () => (processState(pid) === 'Z' ? true : undefined));
  expect(() => process.kill(pid, 0), 'a zombie still answers kill(pid, 0)').not.toThrow();
}

/**
 * Runs `command` under a shell that then becomes `sleep`, which never reaps it: once killed, it stays a
 * zombie until the test ends. Resolves with its pid and its output so far.
 */
async function startUnreaped(command: string, args: string[], env?: NodeJS.ProcessEnv) {
  const shell = spawn('sh', ['-c', '"$@" & echo "$!"; exec sleep 1000', 'sh', command, ...args], {
    cwd: ROOT,
    env: env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(shell);
  let out = '';
  shell.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  shell.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const pid = await until('the pid of the started process', () => {
    const line = /^(\d+)$/m.exec(out)?.[1];
    return line ? Number(line) : undefined;
  });
  track(pid);
  return { pid, output: () => out };
}

describe('processStartTime', () => {
  const readers = onLinux
    ? [
        ['/proc', procStartTime],
        ['ps', psStartTime],
      ]
    : [['ps', psStartTime]];

  it.each(readers)('from %s: tells a live process, a zombie and a gone one apart', async (_, startTime) => {
    const read = startTime as (pid: number) => string | undefined;
    const { pid } = await startUnreaped('sleep', ['1000']);
    const started = read(pid);
    expect(started).toBeTruthy();
    expect(read(pid)).toBe(started);
    // Another process (pid 1, started long before) reads differently; ps only tells whole seconds, so a process
    // started in the same second as this sleep would not do.
    expect(read(1)).toBeTruthy();
    expect(read(1)).not.toBe(started);

    await killToZombie(pid);
    expect(read(pid)).toBeUndefined();

    const reaped = spawn('true');
    await new Promise((resolve) => reaped.on('exit', resolve));
    expect(read(reaped.pid!)).toBeUndefined();
  });
});

describe.each(onLinux ? [true, false] : [false])('lockDataDir (abstract socket: %s)', (socket) => {
  it('grants one claim at a time, naming the owner, and frees the dir on release', async () => {
    const dir = tempDir();
    const release = await lockDataDir(dir, { socket });
    expect(readFileSync(pidFile(dir), 'utf8').split('\n')[0]).toBe(String(process.pid));

    const refused = await lockDataDir(dir, { socket }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataDirBusyError);
    expect((refused as DataDirBusyError).pid).toBe(process.pid);
    expect((refused as Error).message).toContain(`in use by another Vouch process (pid ${process.pid})`);

    await release();
    expect(existsSync(pidFile(dir))).toBe(false);
    const again = await lockDataDir(dir, { socket });
    await again();
  });

  it('of claims made at the same moment, exactly one wins', async () => {
    const dir = tempDir();
    const claims = await Promise.allSettled(Array.from({ length: 8 }, () => lockDataDir(dir, { socket })));
    const won = claims.filter((c) => c.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const c of claims) if (c.status === 'rejected') expect(c.reason).toBeInstanceOf(DataDirBusyError);
    await (won[0] as PromiseFulfilledResult<() => Promise<void>>).value();
  });

  it.each([
    ['a live pid with another start time (the pid was reused)', `${process.pid}\nsome other start\n`],
    ['a live pid without a start time (an older Vouch)', `${process.pid}\n`],
    ['pid 1', '1\n'],
    ['garbage', 'not a pid'],
  ])('takes over a vouch.pid naming %s', async (_, record) => {
    const dir = tempDir();
    writeFileSync(pidFile(dir), record);
    const release = await lockDataDir(dir, { socket });
    expect(readFileSync(pidFile(dir), 'utf8')).toBe(`${process.pid}\n${processStartTime(process.pid)}\n`);
    await release();
  });

  it('takes over a vouch.pid whose process was killed and is not yet reaped', async () => {
    const dir = tempDir();
    const { pid } = await startUnreaped('sleep', ['1000']);
    writeFileSync(pidFile(dir), `${pid}\n${processStartTime(pid)}\n`);
    await killToZombie(pid);
    const release = await lockDataDir(dir, { socket });
    await release();
  });
});

describe('lockDataDir with the pid file alone', () => {
  it('is refused while the process the vouch.pid names runs, and names it', async () => {
    const dir = tempDir();
    const { pid } = await startUnreaped('sleep', ['1000']);
    writeFileSync(pidFile(dir), `${pid}\n${processStartTime(pid)}\n`);
    await expect(lockDataDir(dir, { socket: false })).rejects.toThrow(`(pid ${pid})`);
  });
});

describe.runIf(!onPostgres())('vouch start on an embedded data dir', () => {
  it('starts again at once after kill -9, ten times in a row, while the killed process is not yet reaped', async () => {
    // The Stripe sandbox is off only to make each start cheaper; the data dir is claimed the same way.
    const env = vouchEnv({ VOUCH_DATA_DIR: copyTemplateDataDir(), VOUCH_SANDBOX: 'off' });
    dirs.push(env.VOUCH_DATA_DIR!);
    // Start 0 finds the dir free; starts 1 to 10 each follow a kill -9 of the one before, not yet reaped.
    for (let start = 0; start <= 10; start++) {
      const vouch = await startUnreaped(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', 'start'],
        env,
      );
      await until('Vouch to start', () => {
        if (vouch.output().includes('Vouch is running')) return true;
        if (processState(vouch.pid) === 'Z' || processState(vouch.pid) === undefined)
          throw new Error(`start ${start} failed:\n${vouch.output()}`);
        return undefined;
      });
      await killToZombie(vouch.pid);
    }
  }, 300_000);

  it('ignores a vouch.pid naming another live process, yet refuses a second start and migrate', async () => {
    const dir = copyTemplateDataDir();
    dirs.push(dir);
    const env = vouchEnv({ VOUCH_DATA_DIR: dir });
    writeFileSync(pidFile(dir), `${process.pid}\n`); // a live process, but not a Vouch holding the dir

    const first = spawnVouch(['start'], env);
    await first.running();

    const second = await runVouch(['start'], env);
    expect(second.code, second.output).toBe(1);
    expect(second.output).toContain(`in use by another Vouch process (pid ${first.child.pid})`);

    const migrate = await runVouch(['migrate'], env);
    expect(migrate.code, migrate.output).toBe(0);
    expect(migrate.stdout).toContain(`Vouch is running (pid ${first.child.pid})`);
    expect(migrate.stdout).not.toContain('Database is at migration');

    first.child.kill('SIGTERM');
    expect(await first.exited(), first.output()).toBe(0);
    expect(existsSync(pidFile(dir)), 'a clean stop removes vouch.pid').toBe(false);
  }, 120_000);
});
