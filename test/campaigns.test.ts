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

describe('campaign settings change field by field', () => {
  const update = (id: string, body: object) => api(t, 'POST', `/v1/campaigns/${id}`, body);
  const refusal = async (id: string, body: object) => {
    const res = await update(id, body);
    expect(res.status, JSON.stringify(body)).toBe(400);
    return res.body.error as { code: string; param: string; message: string };
  };

  it('sending only customers.existing_customer changes it and keeps the rest', async () => {
    const customers = {
      create: 'immediately',
      referrers_to_stripe: true,
      friend_customer: { metadata: { vouch_lead_id: 'lead.id', signup_plan: 'lead.metadata.plan' } },
    };
    const c = (await api(t, 'POST', '/v1/campaigns', { name: 'Field by field', customers })).body;
    expect(c.customers).toMatchObject({ ...customers, existing_customer: 'do_not_create' });
    const res = await update(c.id, { customers: { existing_customer: 'update_existing' } });
    expect(res.status).toBe(200);
    expect(res.body.customers).toEqual({ ...c.customers, existing_customer: 'update_existing' });
    expect((await api(t, 'GET', `/v1/campaigns/${c.id}`)).body.customers).toEqual(res.body.customers);

    const bare = (await api(t, 'POST', '/v1/campaigns', { name: 'No customer settings' })).body;
    const changed = await update(bare.id, { customers: { existing_customer: 'update_existing' } });
    expect(changed.status).toBe(200);
    expect(changed.body.customers).toEqual({ ...bare.customers, existing_customer: 'update_existing' });
  });

  it('rewards need neither budget nor friend spelled out, on create or update', async () => {
    const c = (
      await api(t, 'POST', '/v1/campaigns', {
        name: 'Rewards in part',
        rewards: { referrer: { kind: 'balance_credit', amount: 500, currency: 'USD' } },
      })
    ).body;
    expect(c.rewards).toEqual({
      referrer: { kind: 'balance_credit', amount: 500, currency: 'usd' },
      friend: null,
      max_per_referrer: null,
      budget: null,
      hold_days: 0,
      manual_approval: false,
    });
    const held = await update(c.id, { rewards: { hold_days: 14, referrer: { amount: 800 } } });
    expect(held.body.rewards).toEqual({
      ...c.rewards,
      hold_days: 14,
      referrer: { kind: 'balance_credit', amount: 800, currency: 'usd' },
    });
    const other = (await api(t, 'POST', '/v1/campaigns', { name: 'Rewards later' })).body;
    const friendOnly = await update(other.id, { rewards: { friend: { kind: 'coupon', coupon_id: 'co_1' } } });
    expect(friendOnly.status).toBe(200);
    expect(friendOnly.body.rewards).toMatchObject({
      referrer: null,
      friend: { kind: 'coupon' },
      budget: null,
    });
  });

  it('null removes a member (an optional one returns to its default), and clears qualification or rewards', async () => {
    const c = (
      await api(t, 'POST', '/v1/campaigns', {
        name: 'Removals',
        qualification: { method: 'spend', target_amount: 5000, window_days: 30, refunds_unqualify: false },
        customers: {
          create: 'immediately',
          friend_customer: { metadata: { vouch_lead_id: 'lead.id', plan: 'lead.metadata.plan' } },
        },
        code_rules: { max_redemptions: 5 },
        rewards: { referrer: { kind: 'coupon', coupon_id: 'co_1' }, max_per_referrer: 3 },
      })
    ).body;
    const res = await update(c.id, {
      qualification: { refunds_unqualify: null },
      customers: { create: null, friend_customer: { metadata: { plan: null } } },
      code_rules: { max_redemptions: null },
      rewards: { max_per_referrer: null },
    });
    expect(res.status).toBe(200);
    expect(res.body.qualification).toEqual({ ...c.qualification, refunds_unqualify: true });
    expect(res.body.customers.create).toBe('wait_for_checkout');
    expect(res.body.customers.friend_customer.metadata).toEqual({ vouch_lead_id: 'lead.id' });
    expect(res.body.code_rules.max_redemptions).toBeNull();
    expect(res.body.rewards).toEqual({ ...c.rewards, max_per_referrer: null });
    const cleared = await update(c.id, { qualification: null, rewards: null });
    expect(cleared.body).toMatchObject({ qualification: null, rewards: null });
  });

  it("keeps the campaign's colours for its portal, changed by merge patch and checked", async () => {
    const c = (await api(t, 'POST', '/v1/campaigns', { name: 'Colours' })).body;
    expect(c.branding).toEqual({ accent_color: null, background_color: null, text_color: null });
    const set = await update(c.id, { branding: { accent_color: '#FFD400', background_color: '#10213a' } });
    expect(set.status).toBe(200);
    expect(set.body.branding).toEqual({
      accent_color: '#ffd400',
      background_color: '#10213a',
      text_color: null,
    });
    const patched = await update(c.id, { branding: { background_color: null, text_color: '#222222' } });
    expect(patched.body.branding).toEqual({
      accent_color: '#ffd400',
      background_color: null,
      text_color: '#222222',
    });
    const bad = await update(c.id, { branding: { accent_color: 'red; } body { display: none' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.param).toBe('branding.accent_color');
    expect((await api(t, 'GET', `/v1/campaigns/${c.id}`)).body.branding.accent_color).toBe('#ffd400');
  });

  it('an invalid nested value is named by the path sent', async () => {
    const c = (
      await api(t, 'POST', '/v1/campaigns', {
        name: 'Invalid values',
        qualification: { method: 'spend', target_amount: 5000, window_days: 30 },
      })
    ).body;
    const cases: Array<[object, string, string]> = [
      [{ customers: { existing_customer: 'sometimes' } }, 'customers.existing_customer', 'parameter_invalid'],
      [{ qualification: { window_days: 0 } }, 'qualification.window_days', 'parameter_invalid'],
      [{ rewards: { referrer: { amount: -1 } } }, 'rewards.referrer.amount', 'parameter_invalid'],
      [
        { customers: { friend_customer: { metadata: { phone: 'lead.phone' } } } },
        'customers.friend_customer.metadata.phone',
        'parameter_invalid',
      ],
      [{ customers: { metadata_keys: { lead_id: 'x' } } }, 'customers.metadata_keys', 'parameter_unknown'],
    ];
    for (const [body, param, code] of cases) {
      expect(await refusal(c.id, body), JSON.stringify(body)).toMatchObject({ param, code });
    }
    const key = await refusal(c.id, {
      customers: { friend_customer: { metadata: { 'plan[0]': 'lead.id' } } },
    });
    expect(key.message).toContain('[ or ]');
  });

  it('removing a required member is refused, naming it; a member nothing stores must be sent', async () => {
    const c = (
      await api(t, 'POST', '/v1/campaigns', {
        name: 'Required members',
        qualification: { method: 'spend', target_amount: 5000, window_days: 30 },
      })
    ).body;
    expect(await refusal(c.id, { qualification: { target_amount: null } })).toMatchObject({
      code: 'parameter_invalid',
      param: 'qualification.target_amount',
      message: expect.stringContaining('cannot be removed'),
    });
    expect(
      await refusal(c.id, { customers: { friend_customer: { metadata: { vouch_lead_id: null } } } }),
    ).toMatchObject({
      param: 'customers.friend_customer.metadata',
      message: expect.stringContaining('lead.id'),
    });
    expect(await refusal(c.id, { rewards: { budget: { amount: 10_000 } } })).toMatchObject({
      code: 'parameter_missing',
      param: 'rewards.budget.currency',
      message: expect.stringContaining('Nothing is stored for it yet'),
    });
    expect(await refusal(c.id, { qualification: { method: 'code', target_amount: 100 } })).toMatchObject({
      code: 'parameter_unknown',
      param: 'qualification.target_amount',
    });
    const code = await update(c.id, { qualification: { method: 'code' } });
    expect(code.body.qualification).toEqual({ method: 'code', window_days: 30, refunds_unqualify: true });
    expect((await api(t, 'GET', `/v1/campaigns/${c.id}`)).body.qualification.method).toBe('code');
  });

  it('reads settings stored in the older shape, and patches them', async () => {
    const c = (await api(t, 'POST', '/v1/campaigns', { name: 'Stored long ago' })).body;
    const older = {
      qualification: { method: 'spend', target_amount: 1000, window_days: 30, refunds_unqualify: true },
      customers: {
        create: 'immediately',
        existing_customer: 'update_existing',
        metadata_keys: {
          lead_id: 'vouch_lead',
          referrer_email: 'referred_by',
          referrer_name: null,
          referral_code: 'referral_code',
        },
      },
      codes: {
        rules: { first_time_only: true, max_redemptions: 10, expires_at: null, minimum_amount: null },
        auto_promotion_codes: false,
      },
      rewards: {
        referrer: { kind: 'coupon', coupon_id: 'co_1' },
        friend: null,
        max_per_referrer: null,
        budget: null,
        hold_days: 0,
        manual_approval: false,
      },
    };
    await t.db.database.db
      .updateTable('campaigns')
      .set({ settings: JSON.stringify(older) })
      .where('id', '=', c.id)
      .execute();
    const read = (await api(t, 'GET', `/v1/campaigns/${c.id}`)).body;
    expect(read).toMatchObject({
      qualification: older.qualification,
      code_rules: older.codes.rules,
      rewards: older.rewards,
      customers: {
        create: 'immediately',
        existing_customer: 'update_existing',
        referrers_to_stripe: false,
        friend_customer: {
          metadata: {
            vouch_lead: 'lead.id',
            referred_by: 'referrer.email',
            referral_code: 'referrer.referral_code',
          },
        },
        referrer_customer: {
          metadata: { vouch_referrer_id: 'referrer.id', referral_code: 'referrer.referral_code' },
        },
      },
    });
    const res = await update(c.id, { customers: { create: 'wait_for_checkout' }, rewards: { hold_days: 3 } });
    expect(res.status).toBe(200);
    expect(res.body.customers).toEqual({ ...read.customers, create: 'wait_for_checkout' });
    expect(res.body.rewards).toEqual({ ...read.rewards, hold_days: 3 });
  });
});
