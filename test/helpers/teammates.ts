import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/domain/roles.js';
import { usersService } from '../../src/services/users.js';
import type { TestApp } from './test-app.js';

export const PASSWORD = 'correct horse battery staple';

/** A dashboard session as a browser holds it: the cookie, and the CSRF token the page keeps in memory. */
export type Browser = {
  cookie: string;
  csrf: string;
  user: { id: string; email: string; role: Role };
  /** The headers of a request from the dashboard: the cookie, and for a write the CSRF token too. */
  headers(write?: boolean): Record<string, string>;
};

/** The `name=value` of the Set-Cookie a response sets, or undefined. */
export function setCookie(headers: Record<string, unknown>): string | undefined {
  const raw = [headers['set-cookie'] ?? []].flat().map(String)[0];
  return raw?.split(';')[0];
}

/**
 * Signs in through the API, as the dashboard does, from a browser of its own: each sign-in comes from another
 * address, so tests that sign many people in stay under the per-client limits of the sign-in endpoint.
 */
export async function signIn(app: FastifyInstance, email: string, password = PASSWORD): Promise<Browser> {
  const remoteAddress = `10.${[...randomBytes(3)].join('.')}`;
  const res = await app.inject({
    method: 'POST',
    url: '/v1/sessions',
    payload: { email, password },
    remoteAddress,
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = setCookie(res.headers)!;
  const body = res.json() as { csrf_token: string; user: Browser['user'] };
  return {
    cookie,
    csrf: body.csrf_token,
    user: body.user,
    headers: (write = false) => ({ cookie, ...(write ? { 'x-csrf-token': body.csrf_token } : {}) }),
  };
}

/** A teammate with `role`, made as an operator would (`vouch users create`), signed in. */
export async function teammate(t: TestApp, role: Role, email?: string): Promise<Browser> {
  const address = email ?? `${role}-${randomBytes(4).toString('hex')}@example.com`;
  await usersService({ database: t.db.database }).create(
    { email: address, name: `A ${role}`, role, password: PASSWORD },
    { kind: 'cli', id: 'cli', label: 'test operator' },
  );
  return signIn(t.app, address);
}

/** A secret key with `role`, made through the API with the test app's admin key. */
export async function keyWithRole(t: TestApp, role: 'viewer' | 'editor' | 'admin'): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/api_keys',
    headers: { authorization: `Bearer ${t.secretKey}` },
    payload: { name: `${role} key`, role },
  });
  if (res.statusCode !== 200) throw new Error(`key creation failed: ${res.body}`);
  return (res.json() as { secret: string }).secret;
}
