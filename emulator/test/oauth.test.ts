import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, expectStripeError, startTestEnv, type TestEnv } from './helpers.js';

const CLIENT_ID = 'ca_emulatorPlatform123';
const REDIRECT = 'http://127.0.0.1:9/oauth/callback?from=test';

describe('Connect OAuth', () => {
  let env: TestEnv;
  let accountId: string;
  beforeAll(async () => {
    env = await startTestEnv();
    accountId = (await env.stripe.accounts.retrieveCurrent()).id;
  });
  afterAll(async () => {
    await env.emulator.close();
  });

  /** `stripe.oauth.authorizeUrl()` always builds https://<host>/..., so swap in the emulator's origin. */
  const authorize = async (extra: Record<string, string> = {}) => {
    const sdkUrl = env.stripe.oauth.authorizeUrl({
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT,
      state: 'csrf-123',
      ...extra,
    });
    return fetch(sdkUrl.replace(/^https:\/\/[^/]+/, env.emulator.url), { redirect: 'manual' });
  };
  const codeFrom = async (res: Response) => {
    expect(res.status).toBe(302);
    return new URL(res.headers.get('location') ?? '').searchParams.get('code') ?? '';
  };
  const post = (path: string, body: Record<string, string>, key?: string) =>
    fetch(`${env.emulator.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body: new URLSearchParams(body).toString(),
    });

  it('auto-approves, exchanges the code with stripe.oauth.token and the token is an API key', async () => {
    const res = await authorize();
    const location = new URL(res.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe('http://127.0.0.1:9/oauth/callback');
    expect(location.searchParams.get('from')).toBe('test');
    expect(location.searchParams.get('state')).toBe('csrf-123');
    expect(location.searchParams.get('scope')).toBe('read_write');
    const code = await codeFrom(res);
    expect(code).toMatch(/^ac_/);
    const token = await env.stripe.oauth.token({ grant_type: 'authorization_code', code });
    expect(token).toMatchObject({
      token_type: 'bearer',
      stripe_user_id: accountId,
      scope: 'read_write',
      livemode: false,
    });
    expect(token.access_token).toMatch(/^sk_test_/);
    expect(token.refresh_token).toMatch(/^rt_/);
    expect(token.stripe_publishable_key).toMatch(/^pk_test_/);
    const connected = clientFor(env.emulator, token.access_token ?? '');
    expect((await connected.accounts.retrieveCurrent()).id).toBe(accountId);
    const customer = await connected.customers.create({ email: 'connected@example.com' });
    expect((await env.stripe.customers.retrieve(customer.id)).id).toBe(customer.id);

    const reused = await expectStripeError(
      env.stripe.oauth.token({ grant_type: 'authorization_code', code }),
    );
    expect(reused).toBeInstanceOf(Stripe.errors.StripeInvalidGrantError);
    expect(reused.statusCode).toBe(400);
    const unknown = await post(
      '/oauth/token',
      { grant_type: 'authorization_code', code: 'ac_nope' },
      'sk_test_x',
    );
    expect(unknown.status).toBe(400);
    const body = (await unknown.json()) as Record<string, unknown>;
    expect(body).toEqual({ error: 'invalid_grant', error_description: expect.stringContaining('ac_nope') });
  });

  it('accepts the secret key as client_secret and refuses requests without one', async () => {
    const code = await codeFrom(await authorize());
    const missing = await post('/oauth/token', { grant_type: 'authorization_code', code });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: 'invalid_client' });
    const ok = await post('/oauth/token', {
      grant_type: 'authorization_code',
      code,
      client_secret: 'sk_test_platform',
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ stripe_user_id: accountId, token_type: 'bearer' });
  });

  it('redirects a denial with access_denied and rejects bad requests with 400', async () => {
    const denied = await authorize({ deny: 'true' });
    expect(denied.status).toBe(302);
    const params = new URL(denied.headers.get('location') ?? '').searchParams;
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('error_description')).toBeTruthy();
    expect(params.get('state')).toBe('csrf-123');
    expect(params.get('code')).toBeNull();
    const badClient = await fetch(
      `${env.emulator.url}/oauth/authorize?response_type=code&client_id=pk_test_x&redirect_uri=${encodeURIComponent(REDIRECT)}`,
      { redirect: 'manual' },
    );
    expect(badClient.status).toBe(400);
    expect(await badClient.json()).toMatchObject({ error: 'invalid_client' });
    const noRedirect = await fetch(
      `${env.emulator.url}/oauth/authorize?response_type=code&client_id=${CLIENT_ID}&scope=read_write`,
      { redirect: 'manual' },
    );
    expect(noRedirect.status).toBe(400);
    expect(await noRedirect.json()).toMatchObject({
      error: 'invalid_request',
      error_description: expect.stringContaining('redirect_uri'),
    });
  });

  it('deauthorizes: the issued tokens stop working, the platform key keeps working', async () => {
    const code = await codeFrom(await authorize());
    const token = await env.stripe.oauth.token({ grant_type: 'authorization_code', code });
    const refreshed = await env.stripe.oauth.token({
      grant_type: 'refresh_token',
      refresh_token: token.refresh_token ?? '',
    });
    expect(refreshed.access_token).not.toBe(token.access_token);
    const connected = clientFor(env.emulator, token.access_token ?? '');
    await connected.customers.list();
    const result = await env.stripe.oauth.deauthorize({ client_id: CLIENT_ID, stripe_user_id: accountId });
    expect(result).toMatchObject({ stripe_user_id: accountId });
    for (const key of [token.access_token, refreshed.access_token]) {
      const err = await expectStripeError(clientFor(env.emulator, key ?? '').customers.list());
      expect(err).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
      expect(err.statusCode).toBe(401);
      expect(err.code).toBe('api_key_expired');
    }
    const refreshAgain = await expectStripeError(
      env.stripe.oauth.token({ grant_type: 'refresh_token', refresh_token: token.refresh_token ?? '' }),
    );
    expect(refreshAgain).toBeInstanceOf(Stripe.errors.StripeInvalidGrantError);
    const again = await expectStripeError(
      env.stripe.oauth.deauthorize({ client_id: CLIENT_ID, stripe_user_id: accountId }),
    );
    expect(again).toBeInstanceOf(Stripe.errors.StripeInvalidClientError);
    expect((await env.stripe.customers.list()).object).toBe('list');
  });
});
