import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, bearer, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let campaignId: string;
let referrerId: string;
beforeAll(async () => {
  t = await startTestApp({ publicRateLimit: 3 });
  campaignId = (
    await api(t, 'POST', '/v1/campaigns', {
      name: 'Limits',
      status: 'live',
      allowed_origins: ['https://shop.example.com'],
    })
  ).body.id;
  referrerId = (
    await api(t, 'POST', `/v1/campaigns/${campaignId}/referrers`, { email: 'r@example.com', first_name: 'R' })
  ).body.id;
});
afterAll(async () => t.close());

const signup = (i: number, key: string) =>
  t.app.inject({
    method: 'POST',
    url: `/v1/campaigns/${campaignId}/leads`,
    headers: { ...bearer(key), origin: 'https://shop.example.com' },
    payload: { email: `f${i}@example.com`, referrer: referrerId },
  });

describe('rate limits on the sign-up endpoint', () => {
  it('limit browsers (publishable key) per IP, with the error readable by the allowed origin', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await signup(i, t.publishableKey)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await signup(9, t.publishableKey);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(limited.headers['access-control-allow-origin']).toBe('https://shop.example.com');
  });

  it('do not limit a server using the secret key', async () => {
    for (let i = 10; i < 20; i++) expect((await signup(i, t.secretKey)).statusCode).toBe(200);
  });
});
