import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../src/crypto/secret-box.js';
import { loadMigrations } from '../src/db/migrate.js';
import { freePort } from '../src/free-port.js';
import { buildApp } from '../src/http/app.js';
import { apiKeysService } from '../src/services/api-keys.js';
import { translateStripeError } from '../src/stripe/errors.js';
import { StripeGateway } from '../src/stripe/gateway.js';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { api, bearer } from './helpers/test-app.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

// What Stripe says (or fails to say) becomes Vouch's own answer: never a 404 that reads as a missing route,
// never a 500, and "could not be reached" only when it could not be.

describe('Stripe errors as Vouch errors', () => {
  it('maps each kind of Stripe failure to a status and code of its own', () => {
    const cases: Array<[Stripe.errors.StripeError, number, string]> = [
      [
        new Stripe.errors.StripeInvalidRequestError({
          message: 'No such coupon: nope',
          code: 'resource_missing',
          param: 'coupon',
          statusCode: 404,
        } as never),
        400,
        'stripe_resource_missing',
      ],
      [
        new Stripe.errors.StripeInvalidRequestError({ message: 'Bad', statusCode: 400 } as never),
        400,
        'stripe_invalid_request',
      ],
      [
        new Stripe.errors.StripeAPIError({ message: 'Oops', statusCode: 500 } as never),
        502,
        'stripe_unavailable',
      ],
      [
        new Stripe.errors.StripeAPIError({ message: 'Invalid JSON received from the Stripe API' } as never),
        502,
        'stripe_unavailable',
      ],
      [
        new Stripe.errors.StripeConnectionError({ message: 'ECONNREFUSED' } as never),
        502,
        'stripe_unreachable',
      ],
      [
        new Stripe.errors.StripeRateLimitError({ message: 'Too many', statusCode: 429 } as never),
        503,
        'stripe_rate_limited',
      ],
      [
        new Stripe.errors.StripeAuthenticationError({ message: 'Invalid API Key', statusCode: 401 } as never),
        409,
        'stripe_authentication_failed',
      ],
      [
        new Stripe.errors.StripePermissionError({ message: 'No access', statusCode: 403 } as never),
        409,
        'stripe_permission_denied',
      ],
    ];
    for (const [error, status, code] of cases) {
      const mapped = translateStripeError(error)!;
      expect({ status: mapped.status, code: mapped.code }, error.message).toEqual({ status, code });
    }
    expect(translateStripeError(cases[0]![0])!.param).toBe('coupon');
    expect(translateStripeError(new Error('not Stripe'))).toBeUndefined();
  });
});

describe('connecting through a Stripe that misbehaves', () => {
  let db: TestDatabase;
  let fake: Server;
  let answer: { status: number; type: string; body: string };
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    fake = createServer((_req, res) => {
      res.writeHead(answer.status, { 'content-type': answer.type });
      res.end(answer.body);
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', () => resolve()));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await new Promise<void>((resolve) => fake.close(() => resolve()));
    await db.close();
  });

  async function appFor(stripeBase: string) {
    const box = new SecretBox('e'.repeat(64));
    const apiKeys = apiKeysService(db.database);
    const app = await buildApp({
      database: db.database,
      logger: pino({ level: 'silent' }),
      apiKeys,
      gateway: new StripeGateway(box, stripeBase),
      box,
      publicUrl: 'http://vouch.test',
      expectedMigration: loadMigrations().at(-1)!.version,
      bodyLimit: 1024 * 1024,
    });
    apps.push(app);
    const key = await apiKeys.create({ name: 'errors', kind: 'secret' });
    return (apiKey: string) =>
      app.inject({
        method: 'POST',
        url: '/v1/stripe/connections',
        headers: bearer(key.secret),
        payload: { api_key: apiKey },
      });
  }

  it('an answer that is not Stripe JSON is a 502 stripe_unavailable, not a 500', async () => {
    const connect = await appFor(`http://127.0.0.1:${(fake.address() as AddressInfo).port}`);
    answer = { status: 502, type: 'text/html', body: '<html><body>Bad gateway</body></html>' };
    const res = await connect('sk_test_misbehaving');
    expect(res.statusCode).toBe(502);
    expect(res.json().error.code).toBe('stripe_unavailable');
    answer = { status: 200, type: 'text/html', body: '<html>not json</html>' };
    const garbled = await connect('sk_test_misbehaving');
    expect(garbled.statusCode).toBe(502);
    expect(garbled.json().error.code).toBe('stripe_unavailable');
  });

  it("Stripe's 404 is Stripe's refusal (a 400 with its code), not a missing Vouch route", async () => {
    const connect = await appFor(`http://127.0.0.1:${(fake.address() as AddressInfo).port}`);
    answer = {
      status: 404,
      type: 'application/json',
      body: JSON.stringify({
        error: { type: 'invalid_request_error', message: 'Unrecognized request URL (GET: /v1/account).' },
      }),
    };
    const res = await connect('sk_test_misbehaving');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toMatch(/^stripe_/);
    expect(res.json().error.message).toContain('Unrecognized request URL');
  });

  it('"could not be reached" is said only when nothing answered', async () => {
    const connect = await appFor(`http://127.0.0.1:${await freePort('127.0.0.1')}`);
    const res = await connect('sk_test_unreachable');
    expect(res.statusCode).toBe(502);
    expect(res.json().error.code).toBe('stripe_unreachable');
    expect(res.json().error.message).toContain('could not be reached');
  });
});

describe('connecting to the emulator', () => {
  let env: StripeEnv;
  beforeAll(async () => {
    env = await startStripeEnv();
  });
  afterAll(async () => env.close());

  it('a key Stripe does not know is refused as such, whatever its length', async () => {
    const res = await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_123' });
    expect(res.status).not.toBe(500);
    if (res.status !== 200) expect(res.body.error.message).not.toContain('must be a Stripe secret');
    if (res.status === 200) await api(env, 'POST', `/v1/stripe/connections/${res.body.id}/disconnect`);
  });

  it('connecting right after other traffic on the account waits its turn instead of failing', async () => {
    env.emulator.setRateLimit(2);
    try {
      // Other traffic takes the account's limit...
      await Promise.allSettled(Array.from({ length: 6 }, () => env.stripe.customers.list({ limit: 1 })));
      const res = await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_busy_account' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(env.emulator.rateLimited()).toBeGreaterThan(0);
    } finally {
      env.emulator.setRateLimit(0);
    }
  });
});
