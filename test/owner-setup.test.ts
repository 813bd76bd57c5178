import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSetupToken } from '../src/services/setup.js';
import { PASSWORD, setCookie } from './helpers/teammates.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/** Two servers, each on a database of its own with no one in it yet. */
let remote: TestApp;
let local: TestApp;
beforeAll(async () => {
  [remote, local] = await Promise.all([startTestApp(), startTestApp()]);
});
afterAll(async () => Promise.all([remote.close(), local.close()]));

const owner = { email: 'Owner@Example.com', name: 'Olga Owner', password: PASSWORD };
const setup = (t: TestApp, body: object, options: { remoteAddress?: string; headers?: object } = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/v1/setup',
    payload: body,
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    ...(options.headers ? { headers: options.headers as Record<string, string> } : {}),
  });
const needed = async (t: TestApp) =>
  (await t.app.inject({ method: 'GET', url: '/v1/setup' })).json() as { object: string; needed: boolean };

describe('creating the first owner', () => {
  it('from another machine takes the set-up link; a wrong or missing token creates no one', async () => {
    expect(await needed(remote)).toEqual({ object: 'setup', needed: true });
    const away = { remoteAddress: '203.0.113.7' };

    const without = await setup(remote, owner, away);
    expect(without.statusCode).toBe(403);
    expect(without.json().error).toMatchObject({ type: 'permission_error', code: 'setup_token_required' });
    const wrong = await setup(remote, { ...owner, token: 'x'.repeat(43) }, away);
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('setup_token_invalid');
    // From this machine, but forwarded by a proxy Vouch was not told to trust: a stranger behind it.
    const proxied = await setup(remote, owner, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(proxied.json().error.code).toBe('setup_token_required');
    expect(await needed(remote)).toEqual({ object: 'setup', needed: true });

    const token = (await issueSetupToken(remote.db.database))!;
    const done = await setup(remote, { ...owner, token }, away);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      object: 'session',
      user: { email: 'owner@example.com', name: 'Olga Owner', role: 'owner' },
    });
    // Signed in at once.
    const cookie = setCookie(done.headers)!;
    const me = await remote.app.inject({ method: 'GET', url: '/v1/session', headers: { cookie } });
    expect(me.json().user.role).toBe('owner');
    expect(await needed(remote)).toEqual({ object: 'setup', needed: false });

    const stored = await remote.db.database.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$/);
    expect(stored.password_hash).not.toContain(PASSWORD);
    expect(await remote.db.database.db.selectFrom('setup_tokens').selectAll().execute()).toEqual([]);
  });

  it('works once: neither the used link nor this machine makes a second owner', async () => {
    const token = await issueSetupToken(remote.db.database);
    expect(token).toBeUndefined();
    const again = await setup(remote, { ...owner, email: 'second@example.com' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('setup_done');
    const users = await remote.db.database.db.selectFrom('users').select('email').execute();
    expect(users).toEqual([{ email: 'owner@example.com' }]);
  });

  it('on the server itself needs no token; two at once make one owner', async () => {
    const [a, b] = await Promise.all([
      setup(local, { ...owner, email: 'a@example.com' }),
      setup(local, { ...owner, email: 'b@example.com' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const users = await local.db.database.db.selectFrom('users').select(['email', 'role']).execute();
    expect(users).toHaveLength(1);
    expect(users[0]!.role).toBe('owner');
  });

  it('refuses a short password, naming it', async () => {
    const res = await setup(local, { ...owner, password: 'short' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'parameter_invalid', param: 'password' });
  });
});
