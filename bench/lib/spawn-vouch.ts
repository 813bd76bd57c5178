/**
 * The built CLI (`dist/src/cli/main.js start`) as a bench measures it: spawned on CPU 0 when the benches pin
 * (settings.ts), its log lines counted and the first few kept, ready once `/readyz` answers 200.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sleep } from './measure.js';
import { onCpu0 } from './settings.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type VouchProcess = {
  child: ChildProcess;
  /** Vouch's pid (taskset execs node in the same process). */
  pid: number;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** The first log lines (at most `keepLines`, each cut at 400 characters). */
  logs: string[];
  /** How many log lines it has written so far. */
  lines(): number;
  /** SIGTERM, then waits for the process to exit. */
  stop(): Promise<void>;
};

export type StartOptions = {
  port: number;
  /** The whole environment of the process (PORT is added). */
  env: NodeJS.ProcessEnv;
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** The CLI started, relative to the repository (the build's by default). */
  cli?: string;
  keepLines?: number;
  /** How long to wait for /readyz. */
  timeoutMs?: number;
};

export async function startVouch(options: StartOptions): Promise<VouchProcess> {
  const base = `http://127.0.0.1:${options.port}`;
  const child = spawn(
    ...onCpu0([...(options.nodeArgs ?? []), options.cli ?? 'dist/src/cli/main.js', 'start']),
    {
      cwd: ROOT,
      env: { ...options.env, PORT: String(options.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const logs: string[] = [];
  let lines = 0;
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      lines++;
      if (logs.length < (options.keepLines ?? 20)) logs.push(line.slice(0, 400));
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  const until = Date.now() + (options.timeoutMs ?? 30_000);
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`vouch exited with ${child.exitCode}:\n${logs.join('\n')}`);
    try {
      if ((await fetch(`${base}/readyz`)).status === 200)
        return { child, pid: child.pid!, base, logs, lines: () => lines, stop };
    } catch {}
    await sleep(50);
  }
  await stop();
  throw new Error(`vouch did not answer 200 on ${base}/readyz within ${options.timeoutMs ?? 30_000} ms`);
}
