import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './helpers/test-app.js';
import { copyTemplateDataDir, createTestDatabase, type TestDatabase } from './helpers/test-database.js';
import { onPostgres } from './helpers/test-target.js';
import { runVouch, spawnVouch, vouchEnv } from './helpers/vouch-process.js';

let t: TestDatabase;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  t = await createTestDatabase();
  env = onPostgres()
    ? vouchEnv({ DATABASE_URL: t.url, VOUCH_SECRET: 'test-secret-'.padEnd(40, 'x') })
    : vouchEnv({ VOUCH_DATA_DIR: copyTemplateDataDir() });
});
afterAll(async () => t.close());

const auth = (key: string) => ({ authorization: `Bearer ${key}` });

/** Whether a new connection to the port is refused (nothing listens there any more). */
const refused = (port: number, host: string) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

/** Two starts of the CLI from its sources, one after the other, each with its own first-run work. */
const START_TWICE_MS = 60_000;

describe('vouch start', () => {
  it(
    'serves /readyz, keeps data across a restart, and stops cleanly on SIGTERM',
    async () => {
      const first = spawnVouch(['start'], env);
      const url = await first.running();
      expect((await fetch(`${url}/readyz`)).status).toBe(200);

      // With the embedded database the CLI reaches the running server; on Postgres it goes to the database.
      const created = await runVouch(['keys', 'create', '--name', 'restart check'], env);
      expect(created.code, created.output).toBe(0);
      const key = created.stdout.trim();
      expect(key).toMatch(/^vch_sk_/);
      expect((await fetch(`${url}/v1/api_keys`, { headers: auth(key) })).status).toBe(200);

      first.child.kill('SIGTERM');
      expect(await first.exited(), first.output()).toBe(0);

      const second = spawnVouch(['start'], env);
      const url2 = await second.running();
      const ready = await fetch(`${url2}/readyz`);
      expect(ready.status).toBe(200);
      const list = await fetch(`${url2}/v1/api_keys`, { headers: auth(key) });
      expect(list.status).toBe(200);
      expect(((await list.json()) as { data: Array<{ name: string }> }).data.map((k) => k.name)).toContain(
        'restart check',
      );
      second.child.kill('SIGINT');
      expect(await second.exited(), second.output()).toBe(0);
    },
    START_TWICE_MS,
  );

  it('finishes a request in flight when told to stop, then exits 0', async () => {
    const bootstrap = `vch_sk_${'B'.repeat(40)}`;
    // At debug, Vouch logs a request when its headers are in.
    const p = spawnVouch(['start'], { ...env, VOUCH_BOOTSTRAP_API_KEY: bootstrap, LOG_LEVEL: 'debug' });
    const url = new URL((await p.running())!);

    const body = JSON.stringify({ name: 'sent during shutdown' });
    const socket = connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (d: Buffer) => chunks.push(d));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    socket.write(
      `POST /v1/api_keys HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${bootstrap}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n` +
        body.slice(0, 5),
    );
    // The request is in flight once Vouch has its headers (it still waits for the rest of the body).
    await eventually(() => /"url":"\/v1\/api_keys","msg":"request received"/.test(p.output()));
    p.child.kill('SIGTERM');
    await eventually(() => refused(Number(url.port), url.hostname));

    // Shutting down: no new connections are accepted...
    await expect(fetch(`${url.origin}/healthz`)).rejects.toThrow();
    // ...but the request already in flight completes.
    socket.write(body.slice(5));
    await closed;
    const response = Buffer.concat(chunks).toString();
    expect(response).toMatch(/^HTTP\/1.1 200/);
    expect(response).toContain('sent during shutdown');
    expect(await p.exited(), p.output()).toBe(0);
  });

  it('ensures the bootstrap key exists, so an automated deploy can call the API at once', async () => {
    const bootstrap = `vch_sk_${'C'.repeat(40)}`;
    const p = spawnVouch(['start', '--role', 'api'], { ...env, VOUCH_BOOTSTRAP_API_KEY: bootstrap });
    const url = await p.running();
    expect((await fetch(`${url}/v1/api_keys`, { headers: auth(bootstrap) })).status).toBe(200);
    p.child.kill('SIGTERM');
    expect(await p.exited(), p.output()).toBe(0);
  });

  it('runs the worker role without an HTTP server', async () => {
    const p = spawnVouch(['start', '--role', 'worker'], env);
    expect(await p.running()).toBeUndefined();
    expect(p.output()).toContain('"role":"worker"');
    p.child.kill('SIGTERM');
    expect(await p.exited(), p.output()).toBe(0);
  });
});

describe('configuration errors stop start-up with a message naming the variable', () => {
  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ LOG_LEVEL: 'chatty' }, 'LOG_LEVEL'],
    [{ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }, 'VOUCH_SECRET'],
  ])('%o', async (bad, variable) => {
    const { code, output } = await runVouch(
      ['start'],
      vouchEnv({ VOUCH_DATA_DIR: '/nonexistent/never-used', ...bad }),
    );
    expect(code).toBe(78);
    expect(output).toContain(`${variable}:`);
    expect(output).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
  });
});

describe.runIf(!onPostgres())('embedded database', () => {
  it('refuses a second process on the same data dir, naming the first', async () => {
    const dir = copyTemplateDataDir();
    const first = spawnVouch(['start'], vouchEnv({ VOUCH_DATA_DIR: dir }));
    await first.running();
    const second = await runVouch(['start'], vouchEnv({ VOUCH_DATA_DIR: dir }));
    expect(second.code).toBe(1);
    expect(second.output).toContain(`in use by another Vouch process (pid ${first.child.pid})`);
    first.child.kill('SIGTERM');
    expect(await first.exited(), first.output()).toBe(0);
  });
});
