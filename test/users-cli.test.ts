import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../src/crypto/passwords.js';
import { tokenDigest } from '../src/crypto/tokens.js';
import { type Database, openPglite } from '../src/db/database.js';
import { track } from './helpers/started-processes.js';
import { PASSWORD } from './helpers/teammates.js';
import { copyTemplateDataDir, createTestDatabase, type TestDatabase } from './helpers/test-database.js';
import { onPostgres } from './helpers/test-target.js';
import { processDatabase, spawnVouch, type VouchProcess, vouchEnv } from './helpers/vouch-process.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

let t: TestDatabase;
let env: NodeJS.ProcessEnv;
let dataDir: string | undefined;
beforeAll(async () => {
  t = await createTestDatabase();
  dataDir = onPostgres() ? undefined : copyTemplateDataDir();
  env = dataDir
    ? vouchEnv({ VOUCH_DATA_DIR: dataDir, VOUCH_SANDBOX: 'off' })
    : vouchEnv({ DATABASE_URL: t.url, VOUCH_SECRET: 'test-secret-'.padEnd(40, 'x'), VOUCH_SANDBOX: 'off' });
});
afterAll(async () => t.close());

/** Runs the CLI with `input` piped to its stdin, as `printf '%s\n' "$PASSWORD" | vouch ...` does. */
function runCli(args: string[], input: string, cliEnv = env) {
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      env: cliEnv,
      stdio: ['pipe', 'pipe', 'pipe'],
    }),
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdin.end(input);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

/**
 * The database the CLI wrote to, opened while no Vouch process has it: on PGlite the data dir (closed again
 * before the next command), on Postgres the test's own connection.
 */
async function inDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  if (!dataDir) return fn(t.database);
  const database = await openPglite(join(dataDir, 'pgdata'));
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

describe('vouch users (offline, or on DATABASE_URL)', { timeout: 60_000 }, () => {
  const offline = () => (dataDir ? ['--offline'] : []);

  it('create makes a teammate with the piped password, recorded as done at the command line', async () => {
    const made = await runCli(
      ['users', 'create', '--email', 'Root@Example.com', '--role', 'owner', '--name', 'Ro Ot', ...offline()],
      `${PASSWORD}\n`,
    );
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('Created owner root@example.com');
    expect(made.stdout + made.stderr).not.toContain(PASSWORD);
    await inDatabase(async (database) => {
      const user = await database.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      expect(user).toMatchObject({ email: 'root@example.com', name: 'Ro Ot', role: 'owner' });
      expect(await verifyPassword(PASSWORD, user.password_hash)).toBe(true);
      const audit = await database.db.selectFrom('audit_log').selectAll().execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_kind: 'cli', actor_id: 'cli', action: 'teammate.created' });
      expect(JSON.stringify(audit)).not.toContain(PASSWORD);
    });
  });

  it('refuses a short password and changes nothing', async () => {
    const short = await runCli(
      ['users', 'create', '--email', 'x@example.com', '--role', 'viewer', ...offline()],
      'short\n',
    );
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('at least 10 characters');
    const taken = await runCli(
      ['users', 'create', '--email', 'root@example.com', '--role', 'viewer', ...offline()],
      `${PASSWORD}\n`,
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('exists already');
    await inDatabase(async (database) => {
      expect(await database.db.selectFrom('users').select('email').execute()).toEqual([
        { email: 'root@example.com' },
      ]);
    });
  });

  it('reset-password sets the new password and ends every session of the teammate', async () => {
    await inDatabase(async (database) => {
      const user = await database.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
      const now = new Date();
      await database.db
        .insertInto('sessions')
        .values({
          id: tokenDigest('a session from before'),
          user_id: user.id,
          created_at: now,
          last_seen_at: now,
          expires_at: new Date(now.getTime() + 60 * 60_000),
        })
        .execute();
    });
    const next = 'a brand new passphrase';
    const reset = await runCli(
      ['users', 'reset-password', '--email', 'root@example.com', ...offline()],
      `${next}\n`,
    );
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toContain('1 session(s) ended');
    await inDatabase(async (database) => {
      const user = await database.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      expect(await verifyPassword(next, user.password_hash)).toBe(true);
      expect(await verifyPassword(PASSWORD, user.password_hash)).toBe(false);
      const sessions = await database.db.selectFrom('sessions').select('revoked_at').execute();
      expect(sessions.every((s) => s.revoked_at !== null)).toBe(true);
      const last = await database.db
        .selectFrom('audit_log')
        .selectAll()
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(last).toMatchObject({
        actor_kind: 'cli',
        action: 'teammate.password_reset',
        object_id: user.id,
      });
    });
    const unknown = await runCli(
      ['users', 'reset-password', '--email', 'nobody@example.com', ...offline()],
      `${next}\n`,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('nobody@example.com');
  });
});

/**
 * With Vouch running, the commands act through it: on the embedded database through its admin socket in the
 * data dir (the process holds the database, so nothing else may open it), on Postgres directly, where the
 * running Vouch reads what they wrote. Either way the running Vouch signs the teammate in at once.
 */
describe('vouch users against a running Vouch', { timeout: 60_000 }, () => {
  let vouch: VouchProcess;
  let url: string;
  let runningEnv: NodeJS.ProcessEnv;
  let database: Awaited<ReturnType<typeof processDatabase>>;
  const EMAIL = 'live@example.com';

  beforeAll(async () => {
    database = await processDatabase('vouch_users_cli');
    runningEnv = vouchEnv({
      ...(database.url
        ? { DATABASE_URL: database.url, VOUCH_SECRET: 'test-secret-'.padEnd(40, 'x') }
        : { VOUCH_DATA_DIR: copyTemplateDataDir() }),
      VOUCH_SANDBOX: 'off',
      // Failed sign-ins, limited as the environment says (checked last).
      VOUCH_SIGNIN_LIMIT_PER_ACCOUNT: '2',
      VOUCH_SIGNIN_LIMIT_WINDOW_MINUTES: '1',
    });
    vouch = spawnVouch(['start'], runningEnv);
    url = (await vouch.running())!;
  });
  afterAll(async () => {
    if (vouch) {
      vouch.child.kill('SIGTERM');
      await vouch.exited();
    }
    await database?.drop();
  });

  const signInThere = (email: string, password: string) =>
    fetch(`${url}/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;
  const getThere = (path: string, cookie: string) => fetch(`${url}${path}`, { headers: { cookie } });

  it('create makes a teammate who signs in to the running Vouch at once', async () => {
    const made = await runCli(
      ['users', 'create', '--email', EMAIL, '--role', 'admin'],
      `${PASSWORD}\n`,
      runningEnv,
    );
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain(`Created admin ${EMAIL}`);

    const signedIn = await signInThere(EMAIL, PASSWORD);
    expect(signedIn.status).toBe(200);
    const session = (await signedIn.json()) as { user: { id: string } };
    const cookie = cookieOf(signedIn);
    const user = await getThere(`/v1/users/${session.user.id}`, cookie);
    expect(await user.json()).toMatchObject({ email: EMAIL, role: 'admin', name: 'live' });
    const audit = (await (await getThere('/v1/audit_log', cookie)).json()) as { data: unknown[] };
    expect(audit.data).toEqual([
      expect.objectContaining({
        action: 'teammate.created',
        actor: expect.objectContaining({ kind: 'cli' }),
      }),
    ]);
  });

  it('reset-password sets the password there and ends the sessions the running Vouch holds', async () => {
    const before = cookieOf(await signInThere(EMAIL, PASSWORD));
    expect((await getThere('/v1/session', before)).status).toBe(200);
    const next = 'a brand new passphrase';
    const reset = await runCli(['users', 'reset-password', '--email', EMAIL], `${next}\n`, runningEnv);
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toMatch(/[1-9]\d* session\(s\) ended/);

    expect((await getThere('/v1/session', before)).status).toBe(401);
    expect((await signInThere(EMAIL, PASSWORD)).status).toBe(401);
    expect((await signInThere(EMAIL, next)).status).toBe(200);
  });

  it('limits failed sign-ins as VOUCH_SIGNIN_LIMIT_PER_ACCOUNT and _WINDOW_MINUTES say', async () => {
    for (let i = 0; i < 2; i++)
      expect((await signInThere('ghost@example.com', 'wrong password')).status).toBe(401);
    const refused = await signInThere('ghost@example.com', 'wrong password');
    expect(refused.status).toBe(429);
    // The window is a minute: it ends within one.
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
  });
});

describe('the set-up link at start-up', { timeout: 60_000 }, () => {
  it('is logged once, at warn, while no one can sign in, and lets the owner be created from afar', async () => {
    // A database with no one in it: another of the server's, or another data dir.
    const fresh = onPostgres() ? await createTestDatabase() : undefined;
    try {
      const vouch = spawnVouch(
        ['start'],
        fresh
          ? vouchEnv({
              DATABASE_URL: fresh.url,
              VOUCH_SECRET: 'test-secret-'.padEnd(40, 'x'),
              VOUCH_SANDBOX: 'off',
            })
          : vouchEnv({ VOUCH_DATA_DIR: copyTemplateDataDir(), VOUCH_SANDBOX: 'off' }),
      );
      const url = (await vouch.running())!;
      const lines = vouch.output().split('\n');
      const setupLines = lines.filter((l) => l.includes('/dashboard/setup?token='));
      expect(setupLines).toHaveLength(1);
      const line = JSON.parse(setupLines[0]!) as { level: number; msg: string };
      expect(line.level).toBe(40);
      const token = /token=([A-Za-z0-9_-]+)/.exec(line.msg)![1]!;

      // A proxied request is not local, so it takes the token.
      const proxied = { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.5' };
      const body = { email: 'owner@example.com', name: 'Owner', password: PASSWORD };
      const refused = await fetch(`${url}/v1/setup`, {
        method: 'POST',
        headers: proxied,
        body: JSON.stringify(body),
      });
      expect(refused.status).toBe(403);
      const created = await fetch(`${url}/v1/setup`, {
        method: 'POST',
        headers: proxied,
        body: JSON.stringify({ ...body, token }),
      });
      expect(created.status).toBe(200);
      expect(created.headers.get('set-cookie')).toMatch(/^vouch_session=/);

      vouch.child.kill('SIGTERM');
      expect(await vouch.exited()).toBe(0);
      expect(
        vouch
          .output()
          .split('\n')
          .filter((l) => l.includes(token)),
      ).toHaveLength(1);
    } finally {
      await fresh?.close();
    }
  });
});
