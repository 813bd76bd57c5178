import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('campaigns', () => {
  it('are created as drafts with defaults, retrieved and listed newest first', async () => {
    const a = await api(t, 'POST', '/v1/campaigns', { name: 'Spring referrals' });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({
      object: 'campaign',
      name: 'Spring referrals',
      status: 'draft',
      destination_url: null,
      participant_limit: null,
      participants_count: 0,
      allowed_origins: [],
      cookie_days: 30,
      auto_referral_codes: false,
      join_url: `http://vouch.test/join/${a.body.id}`,
    });
    expect(a.body.id).toMatch(/^cmp_/);
    const b = await api(t, 'POST', '/v1/campaigns', {
      name: 'Partners',
      status: 'live',
      destination_url: 'https://shop.example.com/welcome?src=ref',
      participant_limit: 100,
      allowed_origins: ['https://shop.example.com', 'http://localhost:8080/'],
      cookie_days: 60,
      auto_referral_codes: true,
    });
    expect(b.body.allowed_origins).toEqual(['https://shop.example.com', 'http://localhost:8080']);
    expect((await api(t, 'GET', `/v1/campaigns/${a.body.id}`)).body.name).toBe('Spring referrals');
    const list = await api(t, 'GET', '/v1/campaigns?limit=1');
    expect(list.body).toMatchObject({ has_more: true, data: [{ id: b.body.id }] });
    const live = await api(t, 'GET', '/v1/campaigns?status=live');
    expect(live.body.data.map((c: { id: string }) => c.id)).toEqual([b.body.id]);
  });

  it('refuses bad settings, naming the field', async () => {
    const cases: Array<[object, string]> = [
      [{ name: '' }, 'name'],
      [{ name: 'x', destination_url: 'ftp://example.com' }, 'destination_url'],
      [{ name: 'x', allowed_origins: ['https://shop.example.com/path'] }, 'allowed_origins[0]'],
      [{ name: 'x', participant_limit: 0 }, 'participant_limit'],
      [{ name: 'x', cookie_days: 1000 }, 'cookie_days'],
      [{ name: 'x', status: 'archived' }, 'status'],
      [{ name: 'x', budget: 5 }, 'budget'],
    ];
    for (const [payload, param] of cases) {
      const res = await api(t, 'POST', '/v1/campaigns', payload);
      expect(res.status, JSON.stringify(payload)).toBe(400);
      expect(res.body.error.param, JSON.stringify(payload)).toBe(param);
    }
  });

  it('update changes only what is sent, and guards status changes', async () => {
    const c = (await api(t, 'POST', '/v1/campaigns', { name: 'Updatable', cookie_days: 10 })).body;
    const live = await api(t, 'POST', `/v1/campaigns/${c.id}`, { status: 'live', name: 'Renamed' });
    expect(live.body).toMatchObject({ status: 'live', name: 'Renamed', cookie_days: 10 });
    expect((await api(t, 'POST', `/v1/campaigns/${c.id}`, { status: 'paused' })).body.status).toBe('paused');
    const back = await api(t, 'POST', `/v1/campaigns/${c.id}`, { status: 'draft' });
    expect(back.status).toBe(409);
    expect(back.body.error).toMatchObject({ code: 'invalid_status_change', param: 'status' });
    const unknown = await api(t, 'POST', `/v1/campaigns/${c.id}`, { budget: 5 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'parameter_unknown', param: 'budget' });
    const cleared = await api(t, 'POST', `/v1/campaigns/${c.id}`, { destination_url: null });
    expect(cleared.body.destination_url).toBeNull();
  });

  it('archiving is final and the archived campaign cannot be changed', async () => {
    const c = (await api(t, 'POST', '/v1/campaigns', { name: 'Old', status: 'live' })).body;
    const archived = await api(t, 'POST', `/v1/campaigns/${c.id}/archive`);
    expect(archived.body).toMatchObject({ status: 'archived' });
    expect(archived.body.archived_at).not.toBeNull();
    const again = await api(t, 'POST', `/v1/campaigns/${c.id}/archive`);
    expect(again.body.archived_at).toBe(archived.body.archived_at);
    const change = await api(t, 'POST', `/v1/campaigns/${c.id}`, { name: 'New' });
    expect(change.status).toBe(409);
    expect(change.body.error.code).toBe('campaign_archived');
    const join = await api(t, 'POST', `/v1/campaigns/${c.id}/referrers`, {
      email: 'a@example.com',
      first_name: 'A',
    });
    expect(join.status).toBe(409);
    expect(join.body.error.code).toBe('campaign_archived');
  });

  it('an unknown campaign is a 404 everywhere', async () => {
    for (const [method, url] of [
      ['GET', '/v1/campaigns/cmp_nope'],
      ['POST', '/v1/campaigns/cmp_nope/archive'],
      ['GET', '/v1/campaigns/cmp_nope/referrers'],
      ['GET', '/v1/campaigns/cmp_nope/leads'],
    ] as const) {
      const res = await api(t, method, url);
      expect(res.status, url).toBe(404);
      expect(res.body.error.code).toBe('resource_missing');
    }
  });
});
