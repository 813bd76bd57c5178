import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const list = (headers: Record<string, string>) =>
  t.app.inject({ method: 'GET', url: '/v1/api_keys', headers });

describe('API key authentication', () => {
  it('a missing key is a 401 that says how to send one', async () => {
    const res = await list({});
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ type: 'authentication_error', code: 'api_key_missing' });
    expect(res.json().error.message).toContain('Authorization: Bearer');
  });

  it('a malformed header, a non-Vouch key and an unknown key are 401s', async () => {
    for (const header of ['Basic abc', 'Bearer sk_test_123', `Bearer vch_sk_${'a'.repeat(40)}`]) {
      const res = await list({ authorization: header });
      expect(res.statusCode, header).toBe(401);
      expect(res.json().error.code).toBe('api_key_invalid');
    }
  });

  it('a secret key is accepted and never echoed back in full', async () => {
    const res = await list(bearer(t.secretKey));
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(t.secretKey);
    expect(res.body).toContain(t.secretKey.slice(-4));
  });

  it('a publishable key on a secret route is a 403', async () => {
    const res = await list(bearer(t.publishableKey));
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ type: 'permission_error', code: 'secret_key_required' });
  });

  it('public endpoints need no key', async () => {
    for (const url of ['/healthz', '/readyz', '/v1/openapi.json']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
    }
  });
});

describe('API keys through the API', () => {
  it('creates a key shown once, stores only its digest, and lists it newest first', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/api_keys',
      headers: bearer(t.secretKey),
      payload: { name: 'billing backend' },
    });
    expect(created.statusCode).toBe(200);
    const key = created.json();
    expect(key.secret).toMatch(/^vch_sk_[A-Za-z0-9]{40}$/);
    expect(key).toMatchObject({ object: 'api_key', kind: 'secret', name: 'billing backend' });

    const stored = await t.db.database.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', key.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(key.secret.slice(7));
    expect(stored.secret_hash).toHaveLength(32);

    const retrieved = await t.app.inject({
      method: 'GET',
      url: `/v1/api_keys/${key.id}`,
      headers: bearer(t.secretKey),
    });
    expect(retrieved.json()).not.toHaveProperty('secret');

    const page = await t.app.inject({
      method: 'GET',
      url: '/v1/api_keys?limit=1',
      headers: bearer(key.secret),
    });
    expect(page.json()).toMatchObject({ object: 'list', has_more: true, data: [{ id: key.id }] });
  });

  it('paginates with starting_after until has_more is false', async () => {
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/v1/api_keys',
        headers: bearer(t.secretKey),
        payload: { name: `k${i}` },
      });
    }
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/v1/api_keys?limit=2${after ? `&starting_after=${after}` : ''}`,
        headers: bearer(t.secretKey),
      });
      const body = res.json() as { data: Array<{ id: string }>; has_more: boolean };
      seen.push(...body.data.map((k) => k.id));
      if (!body.has_more) break;
      after = body.data.at(-1)!.id;
    }
    expect(seen.length).toBeGreaterThanOrEqual(7);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it('a revoked key stops working at once, and revoking is idempotent', async () => {
    const created = (
      await t.app.inject({
        method: 'POST',
        url: '/v1/api_keys',
        headers: bearer(t.secretKey),
        payload: { name: 'temp' },
      })
    ).json();
    expect((await list(bearer(created.secret))).statusCode).toBe(200);

    const revoked = await t.app.inject({
      method: 'POST',
      url: `/v1/api_keys/${created.id}/revoke`,
      headers: bearer(t.secretKey),
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revoked_at).not.toBeNull();

    const after = await list(bearer(created.secret));
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('api_key_invalid');

    const again = await t.app.inject({
      method: 'POST',
      url: `/v1/api_keys/${created.id}/revoke`,
      headers: bearer(t.secretKey),
    });
    expect(again.json().revoked_at).toBe(revoked.json().revoked_at);

    const visible = await t.app.inject({
      method: 'GET',
      url: '/v1/api_keys?limit=100',
      headers: bearer(t.secretKey),
    });
    expect(visible.json().data.map((k: { id: string }) => k.id)).not.toContain(created.id);
    const all = await t.app.inject({
      method: 'GET',
      url: '/v1/api_keys?limit=100&include_revoked=true',
      headers: bearer(t.secretKey),
    });
    expect(all.json().data.map((k: { id: string }) => k.id)).toContain(created.id);
  });

  it('a publishable key can be created and cannot manage keys', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/api_keys',
      headers: bearer(t.secretKey),
      payload: { name: 'website', kind: 'publishable' },
    });
    const key = res.json();
    expect(key.secret).toMatch(/^vch_pk_/);
    const attempt = await t.app.inject({
      method: 'POST',
      url: '/v1/api_keys',
      headers: bearer(key.secret),
      payload: { name: 'x' },
    });
    expect(attempt.statusCode).toBe(403);
  });
});

describe('OpenAPI', () => {
  it('is a 3.1 document generated from the route schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const create = doc.paths['/v1/api_keys'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(['name']);
    expect(create.security).toEqual([{ secretKey: [] }]);
    expect(Object.keys(doc.paths['/v1/api_keys'].get.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401']),
    );
    expect(doc.paths['/readyz']).toBeDefined();
  });
});
