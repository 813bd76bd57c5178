import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Stripe from 'stripe';
import { type EmulatorHandle, startEmulator } from '../../emulator/index.js';
import { openPostgres } from '../../src/db/database.js';
import { freePort } from '../../src/free-port.js';
import { track } from './started-processes.js';
import { databaseUrlFor, testDatabaseUrl } from './test-target.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type VouchProcess = {
  child: ChildProcess;
  output(): string;
  stdout(): string;
  /** Resolves with the API URL once the process logs that it is running. */
  running(timeoutMs?: number): Promise<string | undefined>;
  exited(timeoutMs?: number): Promise<number | null>;
};

/** The environment a Vouch process gets in tests: only what we set, nothing inherited by accident. */
export function vouchEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: '0',
    VOUCH_SANDBOX_PORT: '0',
    LOG_LEVEL: 'info',
  };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

/**
 * Runs the `vouch` CLI from the sources, as a user would run the built one. The process is stopped at
 * teardown, pass or fail (see started-processes.ts).
 */
export function spawnVouch(args: string[], env: NodeJS.ProcessEnv): VouchProcess {
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let out = '';
  let stdout = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    stdout += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    stdout: () => stdout,
    running(timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Vouch did not start in time:\n${out}`)), timeoutMs);
        const check = () => {
          for (const line of out.split('\n')) {
            if (!line.includes('Vouch is running')) continue;
            clearTimeout(timer);
            child.stdout!.off('data', check);
            resolve((JSON.parse(line) as { url?: string }).url);
            return;
          }
        };
        child.stdout!.on('data', check);
        void exit.then((code) => {
          clearTimeout(timer);
          reject(new Error(`Vouch exited with ${code} before starting:\n${out}`));
        });
        check();
      });
    },
    async exited(timeoutMs = 30_000) {
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`Vouch did not exit in time:\n${out}`)), timeoutMs).unref(),
      );
      return Promise.race([exit, timeout]);
    },
  };
}

/** Runs a CLI command to completion. */
export async function runVouch(args: string[], env: NodeJS.ProcessEnv) {
  const p = spawnVouch(args, env);
  const code = await p.exited(60_000);
  return { code, output: p.output(), stdout: p.stdout() };
}

/**
 * The database a spawned Vouch uses: a new database on the Postgres server under test, or (on PGlite) none,
 * so Vouch embeds PGlite in its data dir.
 */
export async function processDatabase(
  prefix: string,
): Promise<{ url: string | undefined; drop(): Promise<void> }> {
  const server = testDatabaseUrl();
  if (!server) return { url: undefined, async drop() {} };
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = openPostgres(server, 1);
  await admin.exec(`create database ${name}`);
  return {
    url: databaseUrlFor(server, name),
    async drop() {
      await admin.exec(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

/** Calls a spawned Vouch's API with a secret key; a string body is sent as CSV. */
export async function callVouch(
  base: string,
  key: string,
  method: string,
  path: string,
  body?: object | string,
) {
  const csv = typeof body === 'string';
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body ? { 'content-type': csv ? 'text/csv' : 'application/json' } : {}),
    },
    ...(body ? { body: csv ? body : JSON.stringify(body) } : {}),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON, read field by field by the tests
  return (await res.json()) as any;
}

/** The sandbox URL a `vouch start` in sandbox mode printed. */
export function sandboxUrl(output: string): string {
  const line = output.split('\n').find((l) => l.includes('SANDBOX MODE'));
  if (!line) throw new Error(`no sandbox line in:\n${output}`);
  return (JSON.parse(line) as { sandbox_url: string }).sandbox_url;
}

/** The Stripe SDK pointed at a sandbox (or any emulator) URL. */
export const sandboxSdk = (apiBase: string) => {
  const url = new URL(apiBase);
  return new Stripe('sk_test_from_the_test', {
    host: url.hostname,
    port: Number(url.port),
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
  });
};

/**
 * What the kill-and-resume tests run a real `vouch start` in: a Stripe emulator, a data dir and a database of
 * their own, and the environment that points the process at them with a bootstrap key.
 */
export type ResumeFixture = {
  emulator: EmulatorHandle;
  /** The environment of a `vouch start` on a free port, with `extra` added. */
  env(extra?: Record<string, string | undefined>): Promise<NodeJS.ProcessEnv>;
  /** Calls the process's API with the bootstrap key. */
  call(base: string, method: string, path: string, body?: object | string): ReturnType<typeof callVouch>;
  close(): Promise<void>;
};

export async function startResumeFixture(name: string, key: string): Promise<ResumeFixture> {
  const emulator = await startEmulator({});
  const dir = mkdtempSync(join(tmpdir(), `vouch-${name}-`));
  const database = await processDatabase(`vouch_${name.replaceAll('-', '_')}`);
  return {
    emulator,
    async env(extra = {}) {
      return vouchEnv({
        PORT: String(await freePort('127.0.0.1')),
        HOST: '127.0.0.1',
        DATABASE_URL: database.url,
        VOUCH_DATA_DIR: dir,
        VOUCH_SECRET: 's'.repeat(64),
        VOUCH_SANDBOX: 'off',
        STRIPE_API_BASE: emulator.url,
        VOUCH_BOOTSTRAP_API_KEY: key,
        ...extra,
      });
    },
    call: (base, method, path, body) => callVouch(base, key, method, path, body),
    async close() {
      await emulator.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
