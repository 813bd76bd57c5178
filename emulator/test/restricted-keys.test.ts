import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, expectStripeError, startTestEnv, type TestEnv } from './helpers.js';

const RK = 'rk_test_restrictedKey1234567890abcd';

describe('restricted keys', () => {
  let env: TestEnv;
  let restricted: Stripe;
  let accountId: string;
  beforeAll(async () => {
    env = await startTestEnv();
    restricted = clientFor(env.emulator, RK);
    accountId = (await env.stripe.accounts.retrieveCurrent()).id;
  });
  afterAll(async () => {
    await env.emulator.close();
  });

  const expectPermissionError = (err: Stripe.errors.StripeError) => {
    expect(err).toBeInstanceOf(Stripe.errors.StripePermissionError);
    expect(err.statusCode).toBe(403);
    expect(err.raw).toMatchObject({ type: 'invalid_request_error' });
    const masked = `rk_test_${'*'.repeat(RK.length - 12)}abcd`;
    expect(err.message).toBe(
      `The provided key '${masked}' does not have the required permissions for this endpoint on account '${accountId}'. Having the 'rak_webhook_write' permission would allow this request to continue.`,
    );
  };

  it('work like secret keys for ordinary calls', async () => {
    const customer = await restricted.customers.create({ email: 'rk@example.com' });
    expect((await restricted.customers.retrieve(customer.id)).id).toBe(customer.id);
    expect((await restricted.accounts.retrieveCurrent()).id).toBe(accountId);
  });

  it('cannot create, update or delete webhook endpoints but can list and read them', async () => {
    expectPermissionError(
      await expectStripeError(
        restricted.webhookEndpoints.create({ url: 'http://127.0.0.1:9/h', enabled_events: ['*'] }),
      ),
    );
    expect((await env.stripe.webhookEndpoints.list()).data).toHaveLength(0);
    const endpoint = await env.stripe.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/h',
      enabled_events: ['customer.created'],
    });
    expectPermissionError(
      await expectStripeError(restricted.webhookEndpoints.update(endpoint.id, { disabled: true })),
    );
    expectPermissionError(await expectStripeError(restricted.webhookEndpoints.del(endpoint.id)));
    const listed = await restricted.webhookEndpoints.list();
    expect(listed.data.map((e) => [e.id, e.status])).toEqual([[endpoint.id, 'enabled']]);
    expect((await restricted.webhookEndpoints.retrieve(endpoint.id)).url).toBe('http://127.0.0.1:9/h');
    await env.stripe.webhookEndpoints.update(endpoint.id, { disabled: true });
    expect((await env.stripe.webhookEndpoints.del(endpoint.id)).deleted).toBe(true);
  });

  it('still rejects live and malformed keys with 401', async () => {
    const err = await expectStripeError(clientFor(env.emulator, 'rk_live_abcdefgh1234').customers.list());
    expect(err.statusCode).toBe(401);
    expect(err.message).toBe('Invalid API Key provided: rk_live_********1234');
  });
});
