import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, eventually, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let campaignId: string;
beforeAll(async () => {
  t = await startTestApp({ jobs: true });
  campaignId = (await api(t, 'POST', '/v1/campaigns', { name: 'Referrers', status: 'live' })).body.id;
});
afterAll(async () => t.close());

const join = (payload: object, campaign = campaignId) =>
  api(t, 'POST', `/v1/campaigns/${campaign}/referrers`, payload);

describe('referrers', () => {
  it('join with a unique link, trimmed email, no code unless asked', async () => {
    const res = await join({
      email: '  Jane.Doe@Example.com ',
      first_name: ' Jane ',
      last_name: 'Doe',
      metadata: { plan: 'pro' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      object: 'referrer',
      campaign_id: campaignId,
      email: 'Jane.Doe@Example.com',
      first_name: 'Jane',
      last_name: 'Doe',
      metadata: { plan: 'pro' },
      source: 'api',
      referral_code: null,
      referrals_count: 0,
      converted_referrals_count: 0,
      clicks_count: 0,
    });
    expect(res.body.referral_link).toBe(`http://vouch.test/r/${res.body.slug}`);
    expect(res.body.slug).toMatch(/^[a-z0-9]{10}$/);
  });

  it('one email joins once per campaign, whatever its case', async () => {
    const dup = await join({ email: 'jane.doe@EXAMPLE.com', first_name: 'J' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'referrer_exists', param: 'email' });
    const other = (await api(t, 'POST', '/v1/campaigns', { name: 'Other' })).body.id;
    expect((await join({ email: 'jane.doe@example.com', first_name: 'Jane' }, other)).status).toBe(200);
  });

  it('refuses malformed emails and codes, naming the field', async () => {
    expect((await join({ email: 'not-an-email', first_name: 'X' })).body.error.param).toBe('email');
    expect((await join({ email: 'x@example.com' })).body.error).toMatchObject({
      code: 'parameter_missing',
      param: 'first_name',
    });
    expect(
      (await join({ email: 'x@example.com', first_name: 'X', referral_code: 'no spaces' })).body.error.param,
    ).toBe('referral_code');
  });

  it('codes are human-friendly, unambiguous and unique per campaign regardless of case', async () => {
    const generated = await join({
      email: 'zoe@example.com',
      first_name: 'Zoë',
      generate_referral_code: true,
    });
    expect(generated.body.referral_code).toMatch(/^ZOE-[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}$/);
    const chosen = await join({ email: 'sam@example.com', first_name: 'Sam', referral_code: 'SAM-2024' });
    expect(chosen.body.referral_code).toBe('SAM-2024');
    const clash = await join({ email: 'sam2@example.com', first_name: 'Sam', referral_code: 'sam-2024' });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({ code: 'referral_code_taken', param: 'referral_code' });
    const update = await api(t, 'POST', `/v1/referrers/${generated.body.id}`, { referral_code: 'Sam-2024' });
    expect(update.status).toBe(409);
  });

  it('a code is generated for one referrer on request, and kept when it exists', async () => {
    const r = (await join({ email: 'max@example.com', first_name: 'Max' })).body;
    const first = await api(t, 'POST', `/v1/referrers/${r.id}/referral_code`);
    expect(first.body.referral_code).toMatch(/^MAX-/);
    const second = await api(t, 'POST', `/v1/referrers/${r.id}/referral_code`);
    expect(second.body.referral_code).toBe(first.body.referral_code);
  });

  it('new referrers get codes when the campaign says so', async () => {
    const auto = (await api(t, 'POST', '/v1/campaigns', { name: 'Auto', auto_referral_codes: true })).body.id;
    const r = await join({ email: 'ann@example.com', first_name: 'Ann' }, auto);
    expect(r.body.referral_code).toMatch(/^ANN-/);
  });

  it('a job gives every referrer without a code one', async () => {
    const c = (await api(t, 'POST', '/v1/campaigns', { name: 'Bulk codes' })).body.id;
    for (let i = 0; i < 25; i++) await join({ email: `p${i}@example.com`, first_name: `Pat` }, c);
    await join({ email: 'keep@example.com', first_name: 'Kim', referral_code: 'KEEP-ME' }, c);
    const job = await api(t, 'POST', `/v1/campaigns/${c}/referral_codes`);
    expect(job.status).toBe(202);
    expect(job.body).toMatchObject({ object: 'job', referrers_without_code: 25 });
    await eventually(
      async () =>
        (await api(t, 'GET', `/v1/campaigns/${c}/referrers?has_referral_code=false`)).body.data.length === 0,
    );
    const all = (await api(t, 'GET', `/v1/campaigns/${c}/referrers?limit=100`)).body.data as Array<{
      referral_code: string;
    }>;
    const codes = all.map((r) => r.referral_code.toUpperCase());
    expect(new Set(codes).size).toBe(26);
    expect(codes).toContain('KEEP-ME');
  });

  it('metadata merges on update and an empty string removes a key', async () => {
    const r = (await join({ email: 'meta@example.com', first_name: 'Meta', metadata: { a: '1', b: '2' } }))
      .body;
    const updated = await api(t, 'POST', `/v1/referrers/${r.id}`, {
      metadata: { b: '', c: '3' },
      last_name: 'Data',
    });
    expect(updated.body).toMatchObject({ metadata: { a: '1', c: '3' }, last_name: 'Data' });
    expect(updated.body.metadata).not.toHaveProperty('b');
  });

  it('joining past the participant limit is refused with a clear error', async () => {
    const c = (await api(t, 'POST', '/v1/campaigns', { name: 'Small', participant_limit: 2 })).body.id;
    expect((await join({ email: 'one@example.com', first_name: 'One' }, c)).status).toBe(200);
    expect((await join({ email: 'two@example.com', first_name: 'Two' }, c)).status).toBe(200);
    const third = await join({ email: 'three@example.com', first_name: 'Three' }, c);
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('participant_limit_reached');
    expect(third.body.error.message).toContain('(2)');
    expect((await api(t, 'GET', `/v1/campaigns/${c}`)).body.participants_count).toBe(2);
  });

  it('lists filter by email and code presence', async () => {
    const byEmail = await api(t, 'GET', `/v1/campaigns/${campaignId}/referrers?email=JANE.DOE@example.com`);
    expect(byEmail.body.data).toHaveLength(1);
    const withCode = await api(
      t,
      'GET',
      `/v1/campaigns/${campaignId}/referrers?has_referral_code=true&limit=100`,
    );
    expect(withCode.body.data.every((r: { referral_code: string | null }) => r.referral_code !== null)).toBe(
      true,
    );
  });
});
