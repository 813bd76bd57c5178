import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let campaignId: string;
let jane: { id: string; slug: string; referral_code: string };
let sam: { id: string; slug: string };

beforeAll(async () => {
  t = await startTestApp();
  campaignId = (
    await api(t, 'POST', '/v1/campaigns', {
      name: 'Friends',
      status: 'live',
      allowed_origins: ['https://shop.example.com'],
    })
  ).body.id;
  jane = (
    await api(t, 'POST', `/v1/campaigns/${campaignId}/referrers`, {
      email: 'jane@example.com',
      first_name: 'Jane',
      referral_code: 'JANE-7K2Q',
    })
  ).body;
  sam = (
    await api(t, 'POST', `/v1/campaigns/${campaignId}/referrers`, {
      email: 'sam@example.com',
      first_name: 'Sam',
    })
  ).body;
});
afterAll(async () => t.close());

const signup = (payload: object, key?: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/v1/campaigns/${campaignId}/leads`,
    headers: { authorization: `Bearer ${key ?? t.secretKey}`, ...headers },
    payload,
  });

describe('leads', () => {
  it('are created naming the referrer by code (any case), slug or id, with a timeline', async () => {
    const byCode = await signup({ email: 'Ann@Example.com', first_name: 'Ann', referral_code: 'jane-7k2q' });
    expect(byCode.statusCode).toBe(200);
    const lead = byCode.json();
    expect(lead).toMatchObject({
      object: 'lead',
      referrer_id: jane.id,
      status: 'pending',
      source: 'api',
      rejection_reason: null,
    });
    expect((await signup({ email: 'bob@example.com', referral_slug: jane.slug })).json().referrer_id).toBe(
      jane.id,
    );
    expect((await signup({ email: 'cat@example.com', referrer: sam.id })).json().referrer_id).toBe(sam.id);

    const full = await api(t, 'GET', `/v1/leads/${lead.id}`);
    expect(full.body.timeline).toHaveLength(1);
    expect(full.body.timeline[0]).toMatchObject({ type: 'lead.created', status: 'pending' });
    expect(full.body.timeline[0].message).toContain('Jane');
  });

  it('the same friend twice through the same referrer is one lead', async () => {
    const first = (await signup({ email: 'dan@example.com', referral_code: 'JANE-7K2Q' })).json();
    const second = (await signup({ email: ' DAN@example.com ', referral_code: 'JANE-7K2Q' })).json();
    expect(second.id).toBe(first.id);
    const list = await api(t, 'GET', `/v1/campaigns/${campaignId}/leads?email=dan@example.com`);
    expect(list.body.data).toHaveLength(1);
  });

  it('a friend already referred by someone else is kept as a rejected lead, once', async () => {
    const again = (await signup({ email: 'dan@example.com', referrer: sam.id })).json();
    expect(again).toMatchObject({
      status: 'rejected',
      rejection_reason: 'already_lead',
      referrer_id: sam.id,
    });
    expect((await signup({ email: 'dan@example.com', referrer: sam.id })).json().id).toBe(again.id);
    const timeline = (await api(t, 'GET', `/v1/leads/${again.id}`)).body.timeline;
    expect(timeline[0].message).toMatch(/already referred/);
  });

  it('self-referral is rejected', async () => {
    const self = (await signup({ email: 'JANE@example.com', referral_code: 'JANE-7K2Q' })).json();
    expect(self).toMatchObject({ status: 'rejected', rejection_reason: 'self_referral' });
  });

  it('unknown codes, codes of another campaign and ambiguous references are errors naming the field', async () => {
    const other = (await api(t, 'POST', '/v1/campaigns', { name: 'Other', status: 'live' })).body.id;
    const stranger = (
      await api(t, 'POST', `/v1/campaigns/${other}/referrers`, {
        email: 'x@example.com',
        first_name: 'X',
        referral_code: 'OTHER-1',
      })
    ).body;
    const unknown = await signup({ email: 'e@example.com', referral_code: 'NOPE-0000' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.param).toBe('referral_code');
    expect((await signup({ email: 'e@example.com', referral_code: 'OTHER-1' })).json().error.param).toBe(
      'referral_code',
    );
    expect((await signup({ email: 'e@example.com', referrer: stranger.id })).json().error.param).toBe(
      'referrer',
    );
    expect((await signup({ email: 'e@example.com', referral_slug: stranger.slug })).json().error.param).toBe(
      'referral_slug',
    );
    const two = await signup({ email: 'e@example.com', referral_code: 'JANE-7K2Q', referrer: jane.id });
    expect(two.statusCode).toBe(400);
    expect(two.json().error.param).toBe('referrer');
    expect((await signup({ email: 'not-email', referral_code: 'JANE-7K2Q' })).json().error.param).toBe(
      'email',
    );
  });

  it('referrer counters follow the leads', async () => {
    const r = (await api(t, 'GET', `/v1/referrers/${jane.id}`)).body;
    // Ann, Bob, Dan pending; the self-referral does not count.
    expect(r.referrals_count).toBe(3);
    expect(r.converted_referrals_count).toBe(0);
  });

  it('browser sign-ups use a publishable key from an allowed origin only', async () => {
    const ok = await signup({ email: 'web@example.com', referral_slug: jane.slug }, t.publishableKey, {
      origin: 'https://shop.example.com',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({
      object: 'lead_receipt',
      id: expect.stringMatching(/^rcpt_/),
      status: 'received',
    });
    expect(ok.headers['access-control-allow-origin']).toBe('https://shop.example.com');
    const [stored] = (await api(t, 'GET', `/v1/campaigns/${campaignId}/leads?email=web@example.com`)).body
      .data;
    expect(stored.source).toBe('browser');
    const evil = await signup({ email: 'evil@example.com', referral_slug: jane.slug }, t.publishableKey, {
      origin: 'https://evil.example',
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.code).toBe('origin_not_allowed');
    expect(
      (await api(t, 'GET', `/v1/campaigns/${campaignId}/leads?email=evil@example.com`)).body.data,
    ).toHaveLength(0);
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: `/v1/campaigns/${campaignId}/leads`,
      headers: { origin: 'https://shop.example.com', 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toContain('authorization');
    // A publishable key may create leads but not read them.
    expect(
      (await api(t, 'GET', `/v1/campaigns/${campaignId}/leads`, undefined, t.publishableKey)).status,
    ).toBe(403);
  });

  it('a paused or draft campaign records no leads', async () => {
    await api(t, 'POST', `/v1/campaigns/${campaignId}`, { status: 'paused' });
    const paused = await signup({ email: 'late@example.com', referral_code: 'JANE-7K2Q' });
    expect(paused.statusCode).toBe(409);
    expect(paused.json().error.code).toBe('campaign_paused');
    await api(t, 'POST', `/v1/campaigns/${campaignId}`, { status: 'live' });
  });

  it('sign-ups past the participant limit are rejected leads', async () => {
    const c = (await api(t, 'POST', '/v1/campaigns', { name: 'Tiny', status: 'live', participant_limit: 2 }))
      .body.id;
    const r = (
      await api(t, 'POST', `/v1/campaigns/${c}/referrers`, { email: 'r@example.com', first_name: 'R' })
    ).body;
    const first = await api(t, 'POST', `/v1/campaigns/${c}/leads`, {
      email: 'f1@example.com',
      referrer: r.id,
    });
    expect(first.body.status).toBe('pending');
    const second = await api(t, 'POST', `/v1/campaigns/${c}/leads`, {
      email: 'f2@example.com',
      referrer: r.id,
    });
    expect(second.body).toMatchObject({ status: 'rejected', rejection_reason: 'campaign_limit' });
  });

  it('lists filter by status and referrer', async () => {
    const rejected = await api(t, 'GET', `/v1/campaigns/${campaignId}/leads?status=rejected`);
    expect(rejected.body.data.length).toBe(2);
    const bySam = await api(t, 'GET', `/v1/campaigns/${campaignId}/leads?referrer=${sam.id}`);
    expect(bySam.body.data.every((l: { referrer_id: string }) => l.referrer_id === sam.id)).toBe(true);
  });
});
