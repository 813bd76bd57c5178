import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, keyWithRole, teammate } from './helpers/teammates.js';
import { bearer, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ stripe: true });
});
afterAll(async () => t.close());

type Caller = { headers(write: boolean): Record<string, string> };
const byKey = (key: string): Caller => ({ headers: () => bearer(key) });
const bySession = (browser: Browser): Caller => ({ headers: (write) => browser.headers(write) });

function call(caller: Caller, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: caller.headers(method !== 'GET'),
    ...(payload ? { payload } : {}),
  });
}

/** Every method and URL pattern the app answers, read from Fastify's own route tree. */
function registeredRoutes(app: FastifyInstance): Array<{ method: string; url: string }> {
  const routes: Array<{ method: string; url: string }> = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│├└─ ]*?)([^│├└─ ].*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth - 1;
    stack.push(match[2]!);
    for (const method of match[3]?.split(', ') ?? []) routes.push({ method, url: stack.join('') });
  }
  return routes;
}

describe('roles', () => {
  it('a viewer key and a viewer session can write nothing, on any route there is', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const routes = registeredRoutes(t.app).filter(
      (r) => r.url.startsWith('/v1/') && !['GET', 'HEAD', 'OPTIONS'].includes(r.method),
    );
    // The walk covers what the app serves, not a list kept by hand.
    expect(routes.length).toBeGreaterThan(40);
    expect(routes).toContainEqual({ method: 'PATCH', url: '/v1/users/:id' });
    expect(routes).toContainEqual({
      method: 'POST',
      url: '/v1/stripe/connections/:id/events/:event_id/replay',
    });

    const viewers = [byKey(await keyWithRole(t, 'viewer')), bySession(await teammate(t, 'viewer'))];
    const isPublic = (method: string, url: string) => {
      const op = doc.paths[url.replace(/:([a-z_]+)/g, '{$1}')]?.[method.toLowerCase()];
      if (!op) throw new Error(`${method} ${url} is not in the OpenAPI document`);
      return (op.security ?? []).length === 0;
    };
    // A viewer may end their own session; everything else that changes something is refused by role.
    const ownSession = ['DELETE /v1/session', 'POST /v1/session/sign_out_everywhere'];
    const walked: string[] = [];
    for (const { method, url } of routes) {
      const name = `${method} ${url}`;
      if (ownSession.includes(name)) continue;
      const path = url.replace(/:[a-z_]+/g, 'x');
      for (const viewer of viewers) {
        const res = await call(viewer, method as 'POST', path, {});
        expect(res.statusCode, `${name}: ${res.body}`).toBeGreaterThanOrEqual(400);
        if (!isPublic(method, url))
          expect(res.json().error.code, `${name}: ${res.body}`).toBe('role_forbidden');
      }
      walked.push(name);
    }
    expect(walked).toContain('POST /v1/campaigns');
    expect(await t.db.database.db.selectFrom('campaigns').select('id').execute()).toEqual([]);
  });

  it('a viewer reads, but neither the audit log nor invitations', async () => {
    for (const viewer of [byKey(await keyWithRole(t, 'viewer')), bySession(await teammate(t, 'viewer'))]) {
      expect((await call(viewer, 'GET', '/v1/campaigns')).statusCode).toBe(200);
      expect((await call(viewer, 'GET', '/v1/users')).statusCode).toBe(200);
      const audit = await call(viewer, 'GET', '/v1/audit_log');
      expect(audit.statusCode).toBe(403);
      expect(audit.json().error).toMatchObject({ type: 'permission_error', code: 'role_forbidden' });
      expect(audit.json().error.message).toContain('admin role');
      expect((await call(viewer, 'GET', '/v1/invites')).json().error.code).toBe('role_forbidden');
    }
  });

  it('an editor runs campaigns and rewards, but cannot manage keys, Stripe connections or webhooks', async () => {
    for (const editor of [byKey(await keyWithRole(t, 'editor')), bySession(await teammate(t, 'editor'))]) {
      const campaign = await call(editor, 'POST', '/v1/campaigns', { name: 'Editor made' });
      expect(campaign.statusCode).toBe(200);
      const update = await call(editor, 'POST', `/v1/campaigns/${campaign.json().id}`, { name: 'Renamed' });
      expect(update.statusCode).toBe(200);
      // Allowed through to the reward itself, which does not exist.
      expect((await call(editor, 'POST', '/v1/rewards/rwd_missing/approve')).json().error.code).toBe(
        'resource_missing',
      );
      for (const [method, url, body] of [
        ['POST', '/v1/api_keys', { name: 'nope' }],
        ['POST', '/v1/api_keys/key_x/revoke', undefined],
        ['POST', '/v1/stripe/connections', { api_key: 'sk_test_123' }],
        ['POST', '/v1/stripe/connections/conn_x/disconnect', undefined],
        ['POST', '/v1/stripe/oauth/authorize', {}],
        ['POST', '/v1/webhook_endpoints', { url: 'https://example.com/h', event_types: ['lead.created'] }],
      ] as const) {
        const res = await call(editor, method, url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().error.message).toContain('needs the admin role');
      }
    }
  });

  it('an admin manages keys and reads the audit log, but not teammates', async () => {
    const admin = await teammate(t, 'admin');
    const key = await call(bySession(admin), 'POST', '/v1/api_keys', { name: 'by admin' });
    expect(key.statusCode).toBe(200);
    expect((await call(bySession(admin), 'GET', '/v1/audit_log')).statusCode).toBe(200);
    const viewer = await teammate(t, 'viewer');
    const promote = await call(bySession(admin), 'PATCH', `/v1/users/${viewer.user.id}`, { role: 'admin' });
    expect(promote.statusCode).toBe(403);
    expect(promote.json().error.message).toContain('needs the owner role');
    expect(
      (await call(bySession(admin), 'POST', '/v1/invites', { email: 'x@example.com', role: 'viewer' }))
        .statusCode,
    ).toBe(403);
    // Keys are at most admin: no key can manage teammates.
    expect((await call(byKey(t.secretKey), 'GET', '/v1/invites')).statusCode).toBe(403);
  });

  it('an owner manages teammates', async () => {
    const owner = await teammate(t, 'owner');
    const viewer = await teammate(t, 'viewer');
    const promote = await call(bySession(owner), 'PATCH', `/v1/users/${viewer.user.id}`, { role: 'editor' });
    expect(promote.statusCode).toBe(200);
    // At once, for the sessions the teammate already has.
    const campaign = await call(bySession(viewer), 'POST', '/v1/campaigns', { name: 'Now allowed' });
    expect(campaign.statusCode).toBe(200);
  });
});

describe('API key roles', () => {
  it('keys made before roles, and keys made without one, are admin; publishable keys are viewer', async () => {
    const list = await call(byKey(t.secretKey), 'GET', '/v1/api_keys?limit=100');
    const byName = Object.fromEntries(
      (list.json().data as Array<{ name: string; role: string }>).map((k) => [k.name, k.role]),
    );
    expect(byName).toMatchObject({ 'test secret': 'admin', 'test publishable': 'viewer' });
  });

  it('a key gets the role asked for, and acts with it', async () => {
    const created = await call(byKey(t.secretKey), 'POST', '/v1/api_keys', {
      name: 'reporting',
      role: 'viewer',
    });
    expect(created.json()).toMatchObject({ kind: 'secret', role: 'viewer' });
    const viewer = byKey(created.json().secret);
    expect((await call(viewer, 'GET', '/v1/api_keys')).statusCode).toBe(200);
    expect((await call(viewer, 'POST', '/v1/campaigns', { name: 'x' })).json().error.code).toBe(
      'role_forbidden',
    );
  });

  it('a publishable key has no role to give', async () => {
    const res = await call(byKey(t.secretKey), 'POST', '/v1/api_keys', {
      name: 'site',
      kind: 'publishable',
      role: 'admin',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.param).toBe('role');
  });

  it('a publishable key still records browser sign-ups, whatever roles say', async () => {
    const campaign = await call(byKey(t.secretKey), 'POST', '/v1/campaigns', {
      name: 'Live',
      status: 'live',
      allowed_origins: ['https://shop.example'],
    });
    const referrer = await call(byKey(t.secretKey), 'POST', `/v1/campaigns/${campaign.json().id}/referrers`, {
      email: 'ref@example.com',
      first_name: 'Ref',
    });
    const signup = await t.app.inject({
      method: 'POST',
      url: `/v1/campaigns/${campaign.json().id}/leads`,
      headers: { ...bearer(t.publishableKey), origin: 'https://shop.example' },
      payload: { email: 'friend@example.com', referrer: referrer.json().id },
    });
    expect(signup.statusCode, signup.body).toBe(200);
    expect(signup.json().object).toBe('lead_receipt');
  });
});
