import { createHash, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { processStartTime } from './process-start-time.js';

export class DataDirBusyError extends Error {
  override name = 'DataDirBusyError';
  constructor(
    readonly dir: string,
    readonly pid: number | undefined,
  ) {
    super(
      `The data directory ${dir} is in use by another Vouch process${pid ? ` (pid ${pid})` : ''}. ` +
        'The embedded database allows one process; stop it, or set DATABASE_URL to share a Postgres server.',
    );
  }
}

export type DataDirLockOptions = {
  /**
   * Hold an abstract Unix socket named after the dir, which the kernel frees the moment the process dies.
   * Linux only, and the default there; elsewhere the pid file alone guards the dir.
   */
  socket?: boolean;
};

/**
 * Claims the data dir for this process; resolves to the function that gives it back. A dead owner never
 * blocks: on Linux the claim is an abstract socket the kernel frees when its process dies (even while the
 * process is a zombie); elsewhere `vouch.pid` records the owner's pid and start time, so a pid now used by
 * another process, or by a zombie, counts as free. `vouch.pid` is written in both cases and names the owner.
 */
export async function lockDataDir(
  dir: string,
  options: DataDirLockOptions = {},
): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, PID_FILE);
  const record = `${process.pid}\n${processStartTime(process.pid) ?? ''}\n`;
  const socket = (options.socket ?? process.platform === 'linux') ? await holdDirSocket(dir) : undefined;
  try {
    if (socket) writeAtomically(file, record);
    else await claimPidFile(dir, file, record);
  } catch (error) {
    await socket?.close();
    throw error;
  }
  return async () => {
    if (readText(file) === record) rmSync(file, { force: true });
    await socket?.close();
  };
}

const PID_FILE = 'vouch.pid';

/** The pid in a `vouch.pid` record if that very process still runs: same pid, same start time, no zombie. */
function liveOwner(record: string | undefined): number | undefined {
  const [pidLine, start] = (record ?? '').split('\n');
  const pid = Number(pidLine);
  // A record without a start time (written by an older Vouch) cannot be checked, so it is taken as stale.
  if (!start || !Number.isInteger(pid) || pid <= 0) return undefined;
  return processStartTime(pid) === start ? pid : undefined;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A temporary file next to `file` holding `content`, fully written before anyone can see it as `file`. */
function withTempFile<T>(file: string, content: string, use: (temp: string) => T): T {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, content, { mode: 0o600 });
  try {
    return use(temp);
  } finally {
    rmSync(temp, { force: true });
  }
}

function writeAtomically(file: string, content: string): void {
  withTempFile(file, content, (temp) => renameSync(temp, file));
}

/** Creates `file` with `content` unless it exists; never shows a half-written file. */
function createExclusively(file: string, content: string): boolean {
  return withTempFile(file, content, (temp) => {
    try {
      linkSync(temp, file);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  });
}

/** The pid file alone as the lock: created exclusively; a stale one is removed under a short-lived mutex. */
async function claimPidFile(dir: string, file: string, record: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (createExclusively(file, record)) return;
    const seen = readText(file);
    if (seen === undefined) continue; // its owner just stopped
    const owner = liveOwner(seen);
    if (owner !== undefined) throw new DataDirBusyError(dir, owner);
    if (Date.now() > deadline) throw new Error(`Could not claim the data directory ${dir}`);
    if (!removeIfUnchanged(file, seen)) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Removes a stale pid file, unless another process has replaced it meanwhile. Two processes taking over
 * the same stale file take turns through a mutex directory; false when the other one holds it.
 */
function removeIfUnchanged(file: string, seen: string): boolean {
  const mutex = `${file}.takeover`;
  try {
    mkdirSync(mutex, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Held for a moment only; an old one was left by a process that died holding it.
    const age = Date.now() - (statSync(mutex, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > 5_000) rmSync(mutex, { recursive: true, force: true });
    return false;
  }
  try {
    if (readText(file) === seen) rmSync(file, { force: true });
    return true;
  } finally {
    rmSync(mutex, { recursive: true, force: true });
  }
}

type DirSocket = { close(): Promise<void> };

/** The abstract socket's name: the dir's device and inode, so symlinks and bind mounts give the same name. */
function dirSocketName(dir: string): string {
  const { dev, ino } = statSync(dir, { bigint: true });
  return `\0vouch-data-dir-${createHash('sha256').update(`${dev}:${ino}`).digest('hex')}`;
}

/**
 * Binds the dir's abstract socket (atomic: one process wins); it answers whoever connects with our pid.
 * Undefined where abstract sockets cannot be bound (a sandbox forbidding them): the pid file guards alone.
 */
async function holdDirSocket(dir: string): Promise<DirSocket | undefined> {
  const name = dirSocketName(dir);
  const connections = new Set<Socket>();
  const server = createServer((connection) => {
    connections.add(connection);
    connection.on('close', () => connections.delete(connection));
    connection.on('error', () => {});
    connection.unref();
    connection.end(`${process.pid}\n`);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(name, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') return undefined;
    throw new DataDirBusyError(dir, (await askSocketOwner(name)) ?? liveOwner(readText(join(dir, PID_FILE))));
  }
  server.unref(); // the claim never keeps the process alive
  server.on('error', () => {});
  let closed: Promise<void> | undefined;
  return {
    close() {
      closed ??= new Promise<void>((resolve) => {
        for (const connection of connections) connection.destroy();
        server.close(() => resolve());
      });
      return closed;
    },
  };
}

/** The pid the socket's holder answers with; undefined if it does not answer within two seconds. */
function askSocketOwner(name: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(name);
    const done = (pid: number | undefined) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(pid);
    };
    const timer = setTimeout(() => done(undefined), 2_000);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('end', () => {
      const pid = Number(answer.trim());
      done(Number.isInteger(pid) && pid > 0 ? pid : undefined);
    });
    socket.on('error', () => done(undefined));
  });
}

/** VOUCH_SECRET for embedded mode: generated once and kept (mode 0600) in the data dir. */
export function dataDirSecret(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('hex');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}
