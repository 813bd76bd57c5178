import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, eventually, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let campaignId: string;
let slug: string;
let referrerId: string;
let marker: { id: string; slug: string };

beforeAll(async () => {
  t = await startTestApp();
  campaignId = (
    await api(t, 'POST', '/v1/campaigns', {
      name: 'Links',
      status: 'live',
      destination_url: 'https://shop.example.com/landing?utm_source=friends&vouch_ref=old',
      allowed_origins: ['https://shop.example.com'],
      cookie_days: 45,
    })
  ).body.id;
  const r = (
    await api(t, 'POST', `/v1/campaigns/${campaignId}/referrers`, {
      email: 'jane@example.com',
      first_name: 'Jane',
    })
  ).body;
  slug = r.slug;
  referrerId = r.id;
  marker = (
    await api(t, 'POST', `/v1/campaigns/${campaignId}/referrers`, {
      email: 'marker@example.com',
      first_name: 'Marker',
    })
  ).body;
});
afterAll(async () => t.close());

const follow = (s: string) => t.app.inject({ method: 'GET', url: `/r/${s}` });

const clicksOf = async (id: string): Promise<number> =>
  (await api(t, 'GET', `/v1/referrers/${id}`)).body.clicks_count;

/**
 * Clicks are counted in memory and written in batches, in order. A click on a referrer that only this
 * clicks, once it shows, means every click recorded before it has been written too (or failed and been
 * written with it): nothing earlier is still to come.
 */
let markerClicks = 0;
async function clicksWritten(): Promise<void> {
  const expected = ++markerClicks;
  expect((await follow(marker.slug)).statusCode).toBe(302);
  await eventually(async () => (await clicksOf(marker.id)) >= expected);
}

describe('referral link redirect', () => {
  it('302s to the destination with vouch_ref, keeping its other parameters', async () => {
    const res = await follow(slug);
    expect(res.statusCode).toBe(302);
    const location = new URL(res.headers.location as string);
    expect(location.origin + location.pathname).toBe('https://shop.example.com/landing');
    expect(location.searchParams.get('utm_source')).toBe('friends');
    expect(location.searchParams.getAll('vouch_ref')).toEqual([slug]);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('counts every click once the batch is written', async () => {
    await eventually(async () => (await clicksOf(referrerId)) >= 1); // the earlier test's click
    const before = await clicksOf(referrerId);
    expect(before).toBe(1);
    await Promise.all(Array.from({ length: 40 }, () => follow(slug)));
    await eventually(async () => (await clicksOf(referrerId)) >= before + 40);
    await clicksWritten();
    expect(await clicksOf(referrerId)).toBe(before + 40);
  });

  it('lands on the hosted friend page when the campaign has no destination', async () => {
    const c = (await api(t, 'POST', '/v1/campaigns', { name: 'Hosted', status: 'live' })).body.id;
    const r = (
      await api(t, 'POST', `/v1/campaigns/${c}/referrers`, { email: 'h@example.com', first_name: 'H' })
    ).body;
    const res = await follow(r.slug);
    expect(res.headers.location).toBe(`http://vouch.test/invite/${r.slug}?vouch_ref=${r.slug}`);
  });

  it('an unknown or malformed slug answers a small 404 page', async () => {
    for (const s of ['zzzzzzzzzz', 'NOT-A-SLUG', 'a'.repeat(64)]) {
      const res = await follow(s);
      expect(res.statusCode, s).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.body).toContain('not valid');
      expect(res.body.length).toBeLessThan(3000);
    }
  });

  it('a paused campaign still redirects but counts nothing; an archived one is gone', async () => {
    const c = (
      await api(t, 'POST', '/v1/campaigns', {
        name: 'Pausable',
        status: 'live',
        destination_url: 'https://p.example.com/',
      })
    ).body.id;
    const r = (
      await api(t, 'POST', `/v1/campaigns/${c}/referrers`, { email: 'p@example.com', first_name: 'P' })
    ).body;
    await api(t, 'POST', `/v1/campaigns/${c}`, { status: 'paused' });
    // The link cache keeps a campaign's status for 100 ms: past that, the redirect sees it paused.
    await new Promise((res) => setTimeout(res, 150));
    expect((await follow(r.slug)).statusCode).toBe(302);
    await clicksWritten();
    expect(await clicksOf(r.id)).toBe(0);
    await api(t, 'POST', `/v1/campaigns/${c}/archive`);
    await eventually(async () => (await follow(r.slug)).statusCode === 404);
  });
});

describe('referral link rate limit', () => {
  it('answers 429 past the per-client limit, counting no click for it, and leaves other clients alone', async () => {
    const limited = await startTestApp({ redirectRateLimit: 3, sharedDb: t.db });
    const r = (
      await api(t, 'POST', `/v1/campaigns/${campaignId}/referrers`, {
        email: 'l@example.com',
        first_name: 'L',
      })
    ).body;
    const from = (ip: string) =>
      limited.app.inject({ method: 'GET', url: `/r/${r.slug}`, remoteAddress: ip });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await from('10.7.0.1'));
    expect(answers.map((a) => a.statusCode)).toEqual([302, 302, 302, 429, 429]);
    // A redirect goes without the x-ratelimit-* headers (a browser never reads them); a 429 has them.
    expect(answers[0]!.headers['x-ratelimit-remaining']).toBeUndefined();
    const refused = answers[4]!;
    expect(refused.json().error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limited' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['x-ratelimit-limit']).toBe('3');
    expect((await from('10.7.0.2')).statusCode).toBe(302);
    // Closing the app writes the clicks it counted.
    await limited.close();
    expect(await clicksOf(r.id)).toBe(4);
  });
});

describe('referral link lookup for the browser', () => {
  it('tells the snippet the campaign and cookie lifetime, for allowed origins only', async () => {
    const ok = await t.app.inject({
      method: 'GET',
      url: `/v1/referrals/${slug}`,
      headers: { origin: 'https://shop.example.com' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({
      object: 'referral_link',
      slug,
      campaign_id: campaignId,
      campaign_status: 'live',
      cookie_days: 45,
      referrer_first_name: 'Jane',
    });
    expect(ok.headers['access-control-allow-origin']).toBe('https://shop.example.com');
    const evil = await t.app.inject({
      method: 'GET',
      url: `/v1/referrals/${slug}`,
      headers: { origin: 'https://evil.example' },
    });
    expect(evil.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/v1/referrals/zzzzzzzzzz' })).statusCode).toBe(404);
  });
});
