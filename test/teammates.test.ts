import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, PASSWORD, setCookie, signIn, teammate } from './helpers/teammates.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let clock = Date.now();
const DAY = 24 * 60 * 60_000;
let t: TestApp;
let owner: Browser;
beforeAll(async () => {
  t = await startTestApp({ now: () => new Date(clock) });
  owner = await teammate(t, 'owner');
});
afterAll(async () => t.close());

const asOwner = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, who = owner) =>
  t.app.inject({ method, url, headers: who.headers(method !== 'GET'), ...(payload ? { payload } : {}) });
const whoAmI = (b: Browser) => t.app.inject({ method: 'GET', url: '/v1/session', headers: b.headers() });
const invite = async (email: string, role = 'editor') => {
  const res = await asOwner('POST', '/v1/invites', { email, role });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; url: string; email: string; role: string; expires_at: string };
};
const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;
const accept = (token: string, name = 'New Person', password = PASSWORD) =>
  t.app.inject({ method: 'POST', url: '/v1/invites/accept', payload: { token, name, password } });

describe('the last owner', () => {
  it('cannot be demoted or removed; with a second owner, either can go', async () => {
    const demote = await asOwner('PATCH', `/v1/users/${owner.user.id}`, { role: 'admin' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('last_owner');
    expect((await asOwner('DELETE', `/v1/users/${owner.user.id}`)).json().error.code).toBe('last_owner');

    const second = await teammate(t, 'admin');
    expect((await asOwner('PATCH', `/v1/users/${second.user.id}`, { role: 'owner' })).statusCode).toBe(200);
    // Both owners demote each other at once: one of them stays an owner.
    const [a, b] = await Promise.all([
      asOwner('PATCH', `/v1/users/${second.user.id}`, { role: 'admin' }),
      asOwner('PATCH', `/v1/users/${owner.user.id}`, { role: 'admin' }, second),
    ]);
    // The loser is refused by the lock (409 last_owner) or, when the winner committed before it was even
    // checked, because its caller is no longer an owner (403 role_forbidden).
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    expect(won.statusCode).toBe(200);
    expect([
      [409, 'last_owner'],
      [403, 'role_forbidden'],
    ]).toContainEqual([lost.statusCode, lost.json().error.code]);
    const owners = await t.db.database.db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'owner')
      .execute();
    expect(owners).toHaveLength(1);
    // Put things back as the rest of the file expects: `owner` is an owner.
    if (owners[0]!.id !== owner.user.id) {
      await asOwner('PATCH', `/v1/users/${owner.user.id}`, { role: 'owner' }, second);
      await asOwner('PATCH', `/v1/users/${second.user.id}`, { role: 'admin' });
    }
  });
});

describe('teammates', () => {
  it('are listed newest first, without their password hashes', async () => {
    const res = await asOwner('GET', '/v1/users?limit=100');
    expect(res.statusCode).toBe(200);
    const users = res.json().data as Array<Record<string, unknown>>;
    expect(users.map((u) => u.email)).toContain(owner.user.email);
    expect(JSON.stringify(users)).not.toContain('scrypt');
    expect(users.map((u) => u.id)).toEqual([...users.map((u) => u.id)].sort().reverse());
  });

  it('are retrieved one by one by any role, without their password hashes; an unknown id is 404', async () => {
    const viewer = await teammate(t, 'viewer');
    const res = await t.app.inject({
      method: 'GET',
      url: `/v1/users/${owner.user.id}`,
      headers: viewer.headers(),
    });
    expect(res.statusCode, res.body).toBe(200);
    const listed = (await asOwner('GET', '/v1/users?limit=100')).json().data;
    expect(res.json()).toEqual(listed.find((u: { id: string }) => u.id === owner.user.id));
    expect(res.json()).toMatchObject({ object: 'user', email: owner.user.email, role: 'owner' });
    expect(res.body).not.toContain('scrypt');
    const missing = await asOwner('GET', '/v1/users/usr_missing');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'resource_missing', param: 'id' });
    const anonymous = await t.app.inject({ method: 'GET', url: `/v1/users/${owner.user.id}` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('a removed teammate is signed out everywhere at once', async () => {
    const leaving = await teammate(t, 'editor');
    const other = await signIn(t.app, leaving.user.email);
    const removed = await asOwner('DELETE', `/v1/users/${leaving.user.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ id: leaving.user.id, object: 'user' });
    for (const b of [leaving, other]) expect((await whoAmI(b)).statusCode).toBe(401);
    expect((await asOwner('DELETE', `/v1/users/${leaving.user.id}`)).statusCode).toBe(404);
    expect((await asOwner('GET', `/v1/users/${leaving.user.id}`)).statusCode).toBe(404);
  });
});

describe('invitations', () => {
  it('make a teammate with the invited role, once, and sign them in', async () => {
    const made = await invite('New.Person@Example.com', 'editor');
    expect(made).toMatchObject({ object: 'invite', email: 'new.person@example.com', role: 'editor' });
    expect(made.url).toMatch(/^http:\/\/vouch\.test\/dashboard\/invite\?token=[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(made.expires_at) - clock).toBe(7 * DAY);
    // The link is shown once: the list and the database hold no token.
    const open = await asOwner('GET', '/v1/invites');
    expect(open.json().data.map((i: { id: string }) => i.id)).toContain(made.id);
    expect(open.body).not.toContain(tokenOf(made.url));
    const rows = await t.db.database.db.selectFrom('invites').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(tokenOf(made.url));

    const lookup = await t.app.inject({
      method: 'GET',
      url: `/v1/invites/lookup?token=${tokenOf(made.url)}`,
    });
    expect(lookup.json()).toEqual({
      object: 'invite',
      email: 'new.person@example.com',
      role: 'editor',
      expires_at: made.expires_at,
    });

    const [first, second] = await Promise.all([accept(tokenOf(made.url)), accept(tokenOf(made.url), 'Twin')]);
    const statuses = [first.statusCode, second.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const ok = first.statusCode === 200 ? first : second;
    expect(ok.json().user).toMatchObject({ email: 'new.person@example.com', role: 'editor' });
    const me = await t.app.inject({
      method: 'GET',
      url: '/v1/session',
      headers: { cookie: setCookie(ok.headers)! },
    });
    expect(me.json().user.email).toBe('new.person@example.com');
    const again = await accept(tokenOf(made.url));
    expect(again.json().error.code).toBe('invite_accepted');
    expect((await asOwner('GET', '/v1/invites')).json().data.map((i: { id: string }) => i.id)).not.toContain(
      made.id,
    );
    const people = await t.db.database.db
      .selectFrom('users')
      .select('email')
      .where('email', '=', 'new.person@example.com')
      .execute();
    expect(people).toHaveLength(1);
  });

  it('a withdrawn invitation no longer works', async () => {
    const made = await invite('withdrawn@example.com');
    const revoked = await asOwner('DELETE', `/v1/invites/${made.id}`);
    expect(revoked.statusCode).toBe(200);
    const res = await accept(tokenOf(made.url));
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('invite_revoked');
  });

  it('an invitation expires after 7 days', async () => {
    const made = await invite('late@example.com');
    clock += 7 * DAY + 1000;
    const res = await accept(tokenOf(made.url));
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('invite_expired');
    // A week on, the owner's session has ended too.
    owner = await signIn(t.app, owner.user.email);
    expect((await asOwner('GET', '/v1/invites')).json().data.map((i: { id: string }) => i.id)).not.toContain(
      made.id,
    );
  });

  it('a new invitation for the same email replaces the open one', async () => {
    const first = await invite('twice@example.com', 'viewer');
    const second = await invite('twice@example.com', 'admin');
    expect((await accept(tokenOf(first.url))).json().error.code).toBe('invite_revoked');
    const joined = await accept(tokenOf(second.url));
    expect(joined.json().user.role).toBe('admin');
  });

  it('an unknown link is a 404, and a teammate cannot be invited again', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/v1/invites/lookup?token=${'A'.repeat(43)}` });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'invite_invalid', param: 'token' });
    const dup = await asOwner('POST', '/v1/invites', { email: owner.user.email, role: 'viewer' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('user_exists');
  });

  it('accepting takes a password of at least 10 characters', async () => {
    const made = await invite('weak@example.com');
    const res = await accept(tokenOf(made.url), 'Weak', 'short');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.param).toBe('password');
  });
});
