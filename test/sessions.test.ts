import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, setCookie, signIn, teammate } from './helpers/teammates.js';
import { bearer, startTestApp, type TestApp } from './helpers/test-app.js';

/** The app's clock: tests move it on to reach idle and absolute expiry. */
let clock = Date.now();
const HOUR = 60 * 60_000;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    now: () => new Date(clock),
    trustProxy: true,
    signInLimits: { perAccount: 3, perClient: 5, windowMs: 5 * 60_000 },
  });
});
afterAll(async () => t.close());

const signInAttempt = (email: string, password: string, remoteAddress = '192.0.2.10') =>
  t.app.inject({ method: 'POST', url: '/v1/sessions', payload: { email, password }, remoteAddress });

const whoAmI = (cookie: string) => t.app.inject({ method: 'GET', url: '/v1/session', headers: { cookie } });

describe('signing in', () => {
  it('answers the session with its CSRF token and lifetimes, and sets a fresh cookie every time', async () => {
    const first = await teammate(t, 'editor');
    const res = await signInAttempt(first.user.email, PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ object: 'session', user: { email: first.user.email, role: 'editor' } });
    expect(body.csrf_token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(Date.parse(body.expires_at) - clock).toBe(7 * 24 * HOUR);
    expect(Date.parse(body.idle_expires_at) - clock).toBe(12 * HOUR);
    // A new random session at every sign-in: the earlier cookie is another session.
    expect(setCookie(res.headers)).not.toBe(first.cookie);
    expect((await whoAmI(first.cookie)).json().user.email).toBe(first.user.email);
    // Only a digest of the cookie's token is stored.
    const token = setCookie(res.headers)!.split('=')[1]!;
    const rows = await t.db.database.db.selectFrom('sessions').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('answers the same error for an unknown email and a wrong password', async () => {
    const known = await teammate(t, 'viewer');
    const wrongPassword = await signInAttempt(known.user.email, 'not the password at all', '192.0.2.20');
    const unknownEmail = await signInAttempt('nobody@example.com', PASSWORD, '192.0.2.20');
    for (const res of [wrongPassword, unknownEmail]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const strip = (body: { error: { request_id: string } }) => ({ ...body.error, request_id: undefined });
    expect(strip(wrongPassword.json())).toEqual(strip(unknownEmail.json()));
    expect(wrongPassword.json().error).toMatchObject({
      type: 'authentication_error',
      code: 'sign_in_failed',
    });
  });

  it('compares emails trimmed and case-insensitively', async () => {
    const known = await teammate(t, 'viewer');
    const res = await signInAttempt(`  ${known.user.email.toUpperCase()} `, PASSWORD, '192.0.2.21');
    expect(res.statusCode).toBe(200);
  });

  it('refuses an account after its failed sign-ins, even with the right password, from any client', async () => {
    const target = await teammate(t, 'admin');
    for (let i = 0; i < 3; i++) {
      const res = await signInAttempt(target.user.email, `wrong password ${i}`, `198.51.100.${i + 1}`);
      expect(res.statusCode).toBe(401);
    }
    const locked = await signInAttempt(target.user.email, PASSWORD, '198.51.100.99');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limited' });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Other accounts are not affected.
    const other = await teammate(t, 'viewer');
    expect((await signInAttempt(other.user.email, PASSWORD, '198.51.100.99')).statusCode).toBe(200);
  });

  it('refuses a client after its failed sign-ins, whatever account it tries', async () => {
    const client = '203.0.113.50';
    for (let i = 0; i < 5; i++) {
      const res = await signInAttempt(`someone${i}@example.com`, 'wrong password', client);
      expect(res.statusCode).toBe(401);
    }
    const known = await teammate(t, 'viewer');
    expect((await signInAttempt(known.user.email, PASSWORD, client)).statusCode).toBe(429);
    expect((await signInAttempt(known.user.email, PASSWORD, '203.0.113.51')).statusCode).toBe(200);
  });

  it('counts failures in windows of the configured length', async () => {
    // At the start of a window of five minutes (and of the default fifteen, which must not apply).
    clock = Math.ceil((clock + 1) / HOUR) * HOUR;
    const target = await teammate(t, 'editor');
    for (let i = 0; i < 3; i++) {
      expect(
        (await signInAttempt(target.user.email, 'wrong password', `198.51.100.${i + 20}`)).statusCode,
      ).toBe(401);
    }
    clock += 60_000;
    const locked = await signInAttempt(target.user.email, PASSWORD, '198.51.100.30');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('240');
    clock += 240_000;
    expect((await signInAttempt(target.user.email, PASSWORD, '198.51.100.30')).statusCode).toBe(200);
  });
});

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, for the whole site, lasting the session, and Secure only over https', async () => {
    const user = await teammate(t, 'viewer');
    const plain = await signInAttempt(user.user.email, PASSWORD, '192.0.2.30');
    const cookie = String(plain.headers['set-cookie']);
    expect(cookie).toMatch(/^vouch_session=[A-Za-z0-9_-]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain(`Max-Age=${7 * 24 * 3600}`);
    expect(cookie).not.toContain('Secure');

    // Behind a TLS-terminating proxy that VOUCH_TRUST_PROXY believes.
    const secure = await t.app.inject({
      method: 'POST',
      url: '/v1/sessions',
      payload: { email: user.user.email, password: PASSWORD },
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '192.0.2.31' },
    });
    expect(String(secure.headers['set-cookie'])).toContain('; Secure');
  });

  it('is not Secure from a forwarded https header when no proxy is trusted', async () => {
    const untrusting = await startTestApp({ sharedDb: t.db });
    try {
      const user = await teammate(untrusting, 'viewer');
      const res = await untrusting.app.inject({
        method: 'POST',
        url: '/v1/sessions',
        payload: { email: user.user.email, password: PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie'])).not.toContain('Secure');
    } finally {
      await untrusting.close();
    }
  });

  it('a cookie Vouch never made is a 401 that clears it', async () => {
    const res = await whoAmI(`vouch_session=${'x'.repeat(43)}`);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('session_expired');
    expect(String(res.headers['set-cookie'])).toContain('vouch_session=; Max-Age=0');
    const none = await t.app.inject({ method: 'GET', url: '/v1/session' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('session_missing');
  });
});

describe('CSRF', () => {
  it('a signed-in write needs the x-csrf-token of its own session', async () => {
    const editor = await teammate(t, 'editor');
    const other = await teammate(t, 'editor');
    const create = (headers: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/v1/campaigns', headers, payload: { name: 'Spring' } });

    const without = await create(editor.headers());
    expect(without.statusCode).toBe(403);
    expect(without.json().error).toMatchObject({ type: 'permission_error', code: 'csrf_token_invalid' });
    const foreign = await create({ cookie: editor.cookie, 'x-csrf-token': other.csrf });
    expect(foreign.json().error.code).toBe('csrf_token_invalid');
    expect((await create(editor.headers(true))).statusCode).toBe(200);
    // Reading needs no token.
    expect(
      (await t.app.inject({ method: 'GET', url: '/v1/campaigns', headers: editor.headers() })).statusCode,
    ).toBe(200);
    const campaigns = await t.db.database.db.selectFrom('campaigns').select('name').execute();
    expect(campaigns.map((c) => c.name)).toEqual(['Spring']);
  });

  it('a request with an API key needs none, even from a browser that also holds a session cookie', async () => {
    const viewer = await teammate(t, 'viewer');
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/campaigns',
      headers: { ...bearer(t.secretKey), cookie: viewer.cookie },
      payload: { name: 'By key' },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('expiry', () => {
  it('a session unused for longer than the idle timeout ends', async () => {
    const user = await teammate(t, 'viewer');
    clock += 11 * HOUR;
    const used = await whoAmI(user.cookie);
    expect(used.statusCode).toBe(200);
    expect(Date.parse(used.json().idle_expires_at) - clock).toBe(12 * HOUR);
    clock += 12 * HOUR + 1000;
    const idle = await whoAmI(user.cookie);
    expect(idle.statusCode).toBe(401);
    expect(idle.json().error.code).toBe('session_expired');
  });

  it('a session in use ends at its absolute lifetime', async () => {
    const user = await teammate(t, 'viewer');
    const started = clock;
    while (clock + 10 * HOUR < started + 7 * 24 * HOUR) {
      clock += 10 * HOUR;
      expect((await whoAmI(user.cookie)).statusCode).toBe(200);
    }
    clock = started + 7 * 24 * HOUR;
    expect((await whoAmI(user.cookie)).statusCode).toBe(401);
  });
});

describe('signing out', () => {
  it('ends this session only, and clears its cookie', async () => {
    const user = await teammate(t, 'viewer');
    const elsewhere = await signIn(t.app, user.user.email);
    const withoutToken = await t.app.inject({
      method: 'DELETE',
      url: '/v1/session',
      headers: user.headers(),
    });
    expect(withoutToken.json().error.code).toBe('csrf_token_invalid');
    const out = await t.app.inject({ method: 'DELETE', url: '/v1/session', headers: user.headers(true) });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ object: 'sign_out', sessions_ended: 1 });
    expect(String(out.headers['set-cookie'])).toContain('vouch_session=; Max-Age=0');
    expect((await whoAmI(user.cookie)).statusCode).toBe(401);
    expect((await whoAmI(elsewhere.cookie)).statusCode).toBe(200);
  });

  it('everywhere ends every session of the teammate, and no one else’s', async () => {
    const user = await teammate(t, 'viewer');
    const phone = await signIn(t.app, user.user.email);
    const laptop = await signIn(t.app, user.user.email);
    const colleague = await teammate(t, 'viewer');
    const out = await t.app.inject({
      method: 'POST',
      url: '/v1/session/sign_out_everywhere',
      headers: phone.headers(true),
    });
    expect(out.json()).toEqual({ object: 'sign_out', sessions_ended: 3 });
    for (const ended of [user, phone, laptop]) expect((await whoAmI(ended.cookie)).statusCode).toBe(401);
    expect((await whoAmI(colleague.cookie)).statusCode).toBe(200);
  });

  it('the session routes are for sessions: an API key gets a 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/session', headers: bearer(t.secretKey) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('session_missing');
  });
});
