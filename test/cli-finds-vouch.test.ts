import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorHandle, startEmulator } from '../emulator/index.js';
import { lockDataDir } from '../src/data-dir.js';
import { processStartTime } from '../src/process-start-time.js';
import { track } from './helpers/started-processes.js';
import { copyTemplateDataDir } from './helpers/test-database.js';
import { onPostgres } from './helpers/test-target.js';
import { sandboxSdk, sandboxUrl, spawnVouch, type VouchProcess, vouchEnv } from './helpers/vouch-process.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const STACK = /^\s+at /m;

/** Runs the CLI to completion, stdout and stderr apart (what a failure prints on stderr is checked line by line). */
function runCli(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

/** Whether something can listen on 127.0.0.1:port right now. */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Whether a new Vouch could claim the data dir now (claims it and gives it straight back). */
async function dataDirFree(dir: string): Promise<boolean> {
  try {
    await (await lockDataDir(dir))();
    return true;
  } catch {
    return false;
  }
}

// Each test starts `vouch` processes, which take seconds each on a busy machine.
describe.skipIf(onPostgres())('the CLI finds the Vouch it serves (embedded)', { timeout: 60_000 }, () => {
  let dir: string;
  let vouch: VouchProcess;
  let url: string;
  let sandbox: string;
  let decoy: EmulatorHandle;

  beforeAll(async () => {
    // Another Stripe emulator answers where `vouch demo` used to look: 127.0.0.1:$VOUCH_SANDBOX_PORT.
    decoy = await startEmulator({});
    dir = copyTemplateDataDir();
    vouch = spawnVouch(['start'], vouchEnv({ VOUCH_DATA_DIR: dir, VOUCH_SANDBOX_PORT: '0' }));
    url = (await vouch.running())!;
    sandbox = sandboxUrl(vouch.output());
  });
  afterAll(async () => {
    vouch?.child.kill('SIGKILL');
    await decoy?.close();
  });

  const decoyUntouched = async () => {
    expect(decoy.events()).toHaveLength(0);
    expect((await sandboxSdk(decoy.url).customers.list({ limit: 1 })).data).toHaveLength(0);
  };

  it('vouch demo seeds the running Vouch’s sandbox, not what answers on VOUCH_SANDBOX_PORT', async () => {
    const demo = await runCli(
      ['demo'],
      vouchEnv({ VOUCH_DATA_DIR: dir, VOUCH_SANDBOX_PORT: `${decoy.port}` }),
    );
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toContain(`Seeded the sandbox of the Vouch running at ${url}`);
    expect(demo.stdout).toContain(sandbox);
    const seeded = await sandboxSdk(sandbox).customers.search({
      query: "metadata['vouch_demo']:'true'",
      limit: 100,
    });
    expect(seeded.data).toHaveLength(8);
    await decoyUntouched();
  });

  it('vouch demo refuses with a message when no Vouch runs on the data dir', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'vouch-none-'));
    const demo = await runCli(
      ['demo'],
      vouchEnv({ VOUCH_DATA_DIR: empty, VOUCH_SANDBOX_PORT: `${decoy.port}` }),
    );
    expect(demo.code).toBe(1);
    expect(demo.stderr).toContain(`No Vouch is running on the data dir ${empty}`);
    expect(demo.stderr).toContain('--stripe-api-base');
    expect(demo.stderr).not.toMatch(STACK);
    await decoyUntouched();
  });

  it('vouch keys without DATABASE_URL goes through the running Vouch; with none running it refuses, naming the data dir, unless --offline', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'vouch-none-'));
    const stopped = copyTemplateDataDir();
    const [served, refused, offline] = await Promise.all([
      runCli(['keys', 'create', '--name', 'through the socket'], vouchEnv({ VOUCH_DATA_DIR: dir })),
      runCli(['keys', 'create', '--name', 'lost key'], vouchEnv({ VOUCH_DATA_DIR: empty })),
      runCli(
        ['keys', 'create', '--name', 'made offline', '--offline'],
        vouchEnv({ VOUCH_DATA_DIR: stopped }),
      ),
    ]);
    // With a Vouch running on the data dir, the key is made by it, in the database it reads.
    expect(served.code, served.stderr).toBe(0);
    const listed = await fetch(`${url}/v1/api_keys`, {
      headers: { authorization: `Bearer ${served.stdout.trim()}` },
    });
    expect(listed.status).toBe(200);

    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(`No Vouch is running on the data dir ${empty}`);
    expect(refused.stderr).toContain('no key was created');
    expect(refused.stderr).toContain('DATABASE_URL');
    expect(refused.stderr).not.toMatch(STACK);
    expect(existsSync(join(empty, 'pgdata'))).toBe(false); // no embedded database made by mistake

    expect(offline.code, offline.stderr).toBe(0);
    expect(offline.stdout.trim()).toMatch(/^vch_sk_/);
    expect(offline.stderr).toContain('(made offline)');
  });

  it('a second vouch start on a busy PORT or VOUCH_SANDBOX_PORT prints one line naming it, exits 1, frees its data dir', async () => {
    const port = new URL(url).port;
    const sandboxPort = new URL(sandbox).port;
    const [second, third] = [
      mkdtempSync(join(tmpdir(), 'vouch-2-')),
      mkdtempSync(join(tmpdir(), 'vouch-3-')),
    ];
    const [httpTaken, sandboxTaken] = await Promise.all([
      runCli(['start'], vouchEnv({ VOUCH_DATA_DIR: second, PORT: port })),
      runCli(['start'], vouchEnv({ VOUCH_DATA_DIR: third, VOUCH_SANDBOX_PORT: sandboxPort })),
    ]);
    expect(httpTaken.code).toBe(1);
    expect(httpTaken.stderr.trim().split('\n')).toEqual([
      `vouch: PORT ${port} is already in use on 127.0.0.1 (another Vouch, or another program); ` +
        'stop it or set PORT to a free port (0 picks one).',
    ]);
    expect(sandboxTaken.code).toBe(1);
    expect(sandboxTaken.stderr.trim().split('\n')).toEqual([
      `vouch: VOUCH_SANDBOX_PORT ${sandboxPort} is already in use on 127.0.0.1 (another Vouch, or another ` +
        'program); stop it or set VOUCH_SANDBOX_PORT to a free port (0 picks one).',
    ]);
    expect(await dataDirFree(second)).toBe(true);
    expect(await dataDirFree(third)).toBe(true);
    expect((await fetch(`${url}/readyz`)).status).toBe(200); // the first one is unharmed
  });
});

/**
 * `npm start` as a user runs it: the start script from package.json, run by npm, on the sources instead of
 * the build (`node dist/src/cli/main.js` becomes `node --import tsx <root>/src/cli/main.ts`).
 */
function npmStart(dataDir: string, onTestFinished: (fn: () => void) => void) {
  const script = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }
  ).scripts.start;
  if (!script.includes('node dist/src/cli/main.js start'))
    throw new Error(`unexpected start script: ${script}`);
  const tsx = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const pkg = mkdtempSync(join(tmpdir(), 'vouch-npm-'));
  writeFileSync(
    join(pkg, 'package.json'),
    JSON.stringify({
      name: 'vouch-npm-start',
      private: true,
      scripts: {
        start: script.replace(
          'node dist/src/cli/main.js',
          `node --import ${tsx} ${join(ROOT, 'src/cli/main.ts')}`,
        ),
      },
    }),
  );
  const npm = spawn('npm', ['start'], {
    cwd: pkg,
    env: vouchEnv({ VOUCH_DATA_DIR: dataDir, VOUCH_SANDBOX: 'off', npm_config_update_notifier: 'false' }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, as a terminal gives it
  });
  // Killed afterwards, pass or fail, by its process group: that holds the Vouch it started, even an orphan.
  onTestFinished(() => {
    try {
      process.kill(-npm.pid!, 'SIGKILL');
    } catch {
      // the group is gone already
    }
  });
  let out = '';
  npm.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  npm.stderr.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<void>((resolve) => npm.on('exit', () => resolve()));
  return {
    npm,
    output: () => out,
    exited,
    async running(): Promise<{ port: number; pid: number }> {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const line = out.split('\n').find((l) => l.includes('Vouch is running'));
        if (line) {
          const pid = Number(readFileSync(join(dataDir, 'vouch.pid'), 'utf8').split('\n')[0]);
          return { port: Number(new URL((JSON.parse(line) as { url: string }).url).port), pid };
        }
        if (Date.now() > deadline || npm.exitCode !== null) throw new Error(`Vouch did not start:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

/** Whether the process runs (a zombie, dead but not yet reaped by whoever adopted it, does not). */
const alive = (pid: number) => processStartTime(pid) !== undefined;

// The three run side by side: each waits mostly for its own Vouch to start.
describe.skipIf(onPostgres())('stopping npm start stops Vouch', { timeout: 60_000, concurrent: true }, () => {
  it('SIGTERM to the npm process: when npm exits, Vouch has stopped, its port and data dir are free', async ({
    expect,
    onTestFinished,
  }) => {
    const dir = copyTemplateDataDir();
    const run = npmStart(dir, onTestFinished);
    const { port, pid } = await run.running();
    expect(pid).not.toBe(run.npm.pid);
    run.npm.kill('SIGTERM');
    await run.exited;
    expect(alive(pid), run.output()).toBe(false);
    expect(await portFree(port)).toBe(true);
    expect(await dataDirFree(dir)).toBe(true);
    expect(run.output()).toContain('"msg":"stopped"');
  });

  it('Ctrl-C (SIGINT to the whole group, which npm forwards again) stops Vouch once, cleanly', async ({
    expect,
    onTestFinished,
  }) => {
    const dir = copyTemplateDataDir();
    const run = npmStart(dir, onTestFinished);
    const { pid } = await run.running();
    process.kill(-run.npm.pid!, 'SIGINT');
    await run.exited;
    expect(alive(pid)).toBe(false);
    expect(run.output()).toContain('"msg":"stopped"');
    expect(run.output()).not.toContain('second signal');
  });

  it('npm killed outright: Vouch notices its parent is gone and stops', async ({
    expect,
    onTestFinished,
  }) => {
    const dir = copyTemplateDataDir();
    const run = npmStart(dir, onTestFinished);
    const { port, pid } = await run.running();
    run.npm.kill('SIGKILL');
    await run.exited;
    const deadline = Date.now() + 15_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(alive(pid)).toBe(false);
    expect(await portFree(port)).toBe(true);
    expect(await dataDirFree(dir)).toBe(true);
  });
});
