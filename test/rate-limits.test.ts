import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, bearer, startTestApp, type TestApp } from './helpers/test-app.js';

// Two apps on one database are two API processes sharing a Postgres server: limits that protect something
// must hold across them, not multiply.
let a: TestApp;
let b: TestApp;
let campaignId: string;
let referrers: string[];
const limits = { signupsPerClient: 3, signupsPerReferrer: 4, authFailuresPerClient: 5 };

beforeAll(async () => {
  a = await startTestApp({ publicLimits: limits });
  b = await startTestApp({ publicLimits: limits, sharedDb: a.db });
  campaignId = (
    await api(a, 'POST', '/v1/campaigns', {
      name: 'Limits',
      status: 'live',
      allowed_origins: ['https://shop.example.com'],
    })
  ).body.id;
  referrers = [];
  for (const n of [1, 2, 3]) {
    const body = { email: `r${n}@example.com`, first_name: `R${n}` };
    referrers.push((await api(a, 'POST', `/v1/campaigns/${campaignId}/referrers`, body)).body.id);
  }
});
afterAll(async () => {
  await b.close();
  await a.close();
});

let emails = 0;
const signup = (t: TestApp, key: string, ip: string, referrer = referrers[0]!) =>
  t.app.inject({
    method: 'POST',
    url: `/v1/campaigns/${campaignId}/leads`,
    remoteAddress: ip,
    headers: { ...bearer(key), origin: 'https://shop.example.com' },
    payload: { email: `f${emails++}@example.com`, referrer },
  });

describe('limits shared by every process', () => {
  it('browser sign-ups per client hold across two processes, with the error readable by the shop', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t = i % 2 === 0 ? a : b;
      statuses.push((await signup(t, t.publishableKey, '10.0.0.1', referrers[i % 2])).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
    const limited = await signup(b, b.publishableKey, '10.0.0.1');
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['access-control-allow-origin']).toBe('https://shop.example.com');
    // Another client is not affected.
    expect((await signup(a, a.publishableKey, '10.0.0.2', referrers[1])).statusCode).toBe(200);
  });

  it('sign-ups per referrer hold across clients and processes (a stranger rotating addresses)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t = i % 2 === 0 ? a : b;
      statuses.push((await signup(t, t.publishableKey, `10.1.0.${i}`, referrers[2])).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    const leads = await api(a, 'GET', `/v1/campaigns/${campaignId}/leads?referrer=${referrers[2]}&limit=100`);
    expect(leads.body.data).toHaveLength(4);
  });

  it('a server using the secret key is not limited', async () => {
    for (let i = 0; i < 8; i++) {
      const res = await signup(a, a.secretKey, '10.0.0.1', referrers[2]);
      expect(res.statusCode, `sign-up ${i}`).toBe(200);
    }
  });

  it('wrong API keys are limited per client across processes, then refused whatever key is sent', async () => {
    const wrong = `vch_sk_${'x'.repeat(40)}`;
    const get = (t: TestApp, key: string, ip: string) =>
      t.app.inject({ method: 'GET', url: '/v1/campaigns', remoteAddress: ip, headers: bearer(key) });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await get(i % 2 === 0 ? a : b, wrong, '10.9.9.9')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Past the limit the right key does not help: a guesser cannot tell a hit from a miss.
    for (const t of [a, b]) expect((await get(t, t.secretKey, '10.9.9.9')).statusCode).toBe(429);
    // Others, and requests without any key, are not counted against anyone.
    expect((await get(a, a.secretKey, '10.9.9.8')).statusCode).toBe(200);
    const missing = await a.app.inject({ method: 'GET', url: '/v1/campaigns', remoteAddress: '10.9.9.7' });
    expect(missing.statusCode).toBe(401);
  });
});
