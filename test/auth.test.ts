import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, injectClient } from './helpers/api-client.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let client: ApiClient;
beforeAll(async () => {
  t = await startTestApp();
  client = injectClient(t.app, t.secretKey);
});
afterAll(async () => t.close());

/** The key list with `key`, or with the Authorization header given as it is. */
const list = (auth: { key?: string; header?: string }) =>
  injectClient(t.app, auth.key).GET('/v1/api_keys', {
    ...(auth.header ? { headers: { authorization: auth.header } } : {}),
  });
const keyPath = (id: string) => ({ params: { path: { id } } });

describe('API key authentication', () => {
  it('a missing key is a 401 that says how to send one', async () => {
    const res = await list({});
    expect(res.response.status).toBe(401);
    expect(res.error?.error).toMatchObject({ type: 'authentication_error', code: 'api_key_missing' });
    expect(res.error?.error.message).toContain('Authorization: Bearer');
  });

  it('a malformed header, a non-Vouch key and an unknown key are 401s', async () => {
    for (const header of ['Basic abc', 'Bearer sk_test_123', `Bearer vch_sk_${'a'.repeat(40)}`]) {
      const res = await list({ header });
      expect(res.response.status, header).toBe(401);
      expect(res.error?.error.code).toBe('api_key_invalid');
    }
  });

  it('a secret key is accepted and never echoed back in full', async () => {
    const res = await list({ key: t.secretKey });
    expect(res.response.status).toBe(200);
    const body = JSON.stringify(res.data);
    expect(body).not.toContain(t.secretKey);
    expect(body).toContain(t.secretKey.slice(-4));
  });

  it('a publishable key on a secret route is a 403', async () => {
    const res = await list({ key: t.publishableKey });
    expect(res.response.status).toBe(403);
    expect(res.error?.error).toMatchObject({ type: 'permission_error', code: 'secret_key_required' });
  });

  it('public endpoints need no key', async () => {
    const anonymous = injectClient(t.app);
    expect((await anonymous.GET('/healthz')).data).toEqual({ status: 'ok' });
    expect((await anonymous.GET('/readyz')).data).toMatchObject({ status: 'ready' });
    // Not part of the document it serves, so not in the typed client.
    const res = await t.app.inject({ method: 'GET', url: '/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
  });
});

describe('API keys through the API', () => {
  it('creates a key shown once, stores only its digest, and lists it newest first', async () => {
    const created = await client.POST('/v1/api_keys', { body: { name: 'billing backend' } });
    expect(created.response.status).toBe(200);
    const key = created.data!;
    expect(key.secret).toMatch(/^vch_sk_[A-Za-z0-9]{40}$/);
    expect(key).toMatchObject({ object: 'api_key', kind: 'secret', name: 'billing backend' });

    const stored = await t.db.database.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', key.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(key.secret.slice(7));
    expect(stored.secret_hash).toHaveLength(32);

    const retrieved = await client.GET('/v1/api_keys/{id}', keyPath(key.id));
    expect(retrieved.data).not.toHaveProperty('secret');

    const page = await injectClient(t.app, key.secret).GET('/v1/api_keys', {
      params: { query: { limit: 1 } },
    });
    expect(page.data).toMatchObject({ object: 'list', has_more: true, data: [{ id: key.id }] });
  });

  it('paginates with starting_after until has_more is false', async () => {
    for (let i = 0; i < 5; i++) await client.POST('/v1/api_keys', { body: { name: `k${i}` } });
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const { data } = await client.GET('/v1/api_keys', {
        params: { query: { limit: 2, ...(after ? { starting_after: after } : {}) } },
      });
      seen.push(...data!.data.map((k) => k.id));
      if (!data!.has_more) break;
      after = data!.data.at(-1)!.id;
    }
    expect(seen.length).toBeGreaterThanOrEqual(7);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it('a revoked key stops working at once, and revoking is idempotent', async () => {
    const created = (await client.POST('/v1/api_keys', { body: { name: 'temp' } })).data!;
    expect((await list({ key: created.secret })).response.status).toBe(200);

    const revoked = await client.POST('/v1/api_keys/{id}/revoke', keyPath(created.id));
    expect(revoked.response.status).toBe(200);
    expect(revoked.data?.revoked_at).not.toBeNull();

    const after = await list({ key: created.secret });
    expect(after.response.status).toBe(401);
    expect(after.error?.error.code).toBe('api_key_invalid');

    const again = await client.POST('/v1/api_keys/{id}/revoke', keyPath(created.id));
    expect(again.data?.revoked_at).toBe(revoked.data?.revoked_at);

    const visible = await client.GET('/v1/api_keys', { params: { query: { limit: 100 } } });
    expect(visible.data?.data.map((k) => k.id)).not.toContain(created.id);
    const all = await client.GET('/v1/api_keys', {
      params: { query: { limit: 100, include_revoked: 'true' } },
    });
    expect(all.data?.data.map((k) => k.id)).toContain(created.id);
  });

  it('a publishable key can be created and cannot manage keys', async () => {
    const res = await client.POST('/v1/api_keys', { body: { name: 'website', kind: 'publishable' } });
    const key = res.data!;
    expect(key.secret).toMatch(/^vch_pk_/);
    const attempt = await injectClient(t.app, key.secret).POST('/v1/api_keys', { body: { name: 'x' } });
    expect(attempt.response.status).toBe(403);
  });
});

describe('OpenAPI', () => {
  it('is a 3.1 document generated from the route schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const create = doc.paths['/v1/api_keys'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(['name']);
    expect(create.security).toEqual([{ secretKey: [] }, { sessionCookie: [] }]);
    expect(create['x-role']).toBe('admin');
    expect(Object.keys(doc.paths['/v1/api_keys'].get.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401']),
    );
    expect(doc.paths['/readyz']).toBeDefined();
  });
});
