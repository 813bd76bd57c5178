import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { api } from './helpers/test-app.js';

let env: StripeEnv;
beforeAll(async () => {
  env = await startStripeEnv({ oauth: true });
});
afterAll(async () => env.close());

/** Plays the account owner: opens Stripe's page and follows its redirect back to Vouch. */
async function approve(url: string) {
  const atStripe = await fetch(url, { redirect: 'manual' });
  expect(atStripe.status).toBe(302);
  const back = new URL(atStripe.headers.get('location')!);
  expect(back.origin + back.pathname).toBe(`${env.baseUrl}/stripe/oauth/callback`);
  return env.app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
}

describe('connecting by Stripe Connect OAuth', () => {
  it('sends the owner to Stripe and connects the account they approve', async () => {
    const link = await api(env, 'POST', '/v1/stripe/oauth/authorize', { name: 'Via OAuth' });
    expect(link.status).toBe(200);
    expect(link.body.url.startsWith(`${env.emulator.url}/oauth/authorize?`)).toBe(true);
    const url = new URL(link.body.url);
    expect(url.searchParams.get('client_id')).toBe('ca_test_platform');
    expect(url.searchParams.get('redirect_uri')).toBe(`${env.baseUrl}/stripe/oauth/callback`);

    const denied = await approve(`${link.body.url}&deny=true`);
    expect(denied.statusCode).toBe(400);
    expect(denied.body).toContain('not connected');
    expect((await api(env, 'GET', '/v1/stripe/connections')).body.data).toHaveLength(0);

    const page = await approve(link.body.url);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    const connections = (await api(env, 'GET', '/v1/stripe/connections')).body.data;
    expect(connections).toHaveLength(1);
    expect(connections[0]).toMatchObject({
      method: 'oauth',
      name: 'Via OAuth',
      status: 'active',
      webhook: { setup: 'automatic' },
    });
    expect(page.body).toContain(connections[0].id);
    expect(page.body).toContain(`<a href="/dashboard/settings/stripe/${connections[0].id}">`);
  });

  it('refuses a forged or missing state', async () => {
    for (const query of ['code=ac_x&state=forged', 'code=ac_x']) {
      const res = await env.app.inject({ method: 'GET', url: `/stripe/oauth/callback?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.body).toContain('not issued by this Vouch');
    }
  });
});
