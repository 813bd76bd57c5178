import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { api, eventually } from './helpers/test-app.js';

/** Syncing a business's Stripe customers in as referrers, through the emulator and the real API. */

let env: StripeEnv;
let connectionId: string;

beforeAll(async () => {
  env = await startStripeEnv();
  connectionId = (await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_syncs_key' })).body.id;
});
afterAll(async () => env.close());

async function campaign(extra: Record<string, unknown> = {}) {
  return (
    await api(env, 'POST', '/v1/campaigns', {
      name: `Sync ${Math.random()}`,
      status: 'live',
      connection_id: connectionId,
      ...extra,
    })
  ).body as { id: string };
}

const sync = async (id: string) => (await api(env, 'GET', `/v1/syncs/${id}`)).body;
const finished = (id: string, status = 'completed') =>
  eventually(async () => (await sync(id)).status === status, 30_000);
const referrers = async (campaignId: string) =>
  (await api(env, 'GET', `/v1/campaigns/${campaignId}/referrers?limit=100`)).body.data as Array<{
    id: string;
    email: string;
    first_name: string;
    last_name: string | null;
    referral_link: string;
    referral_code: string | null;
    metadata: Record<string, string>;
  }>;

/** Fresh customers for one test: a tag in metadata keeps each test's customers apart in the checks. */
async function customers(tag: string, list: Array<Record<string, unknown>>) {
  const made = [];
  for (const c of list)
    made.push(await env.stripe.customers.create({ ...c, metadata: { ...(c.metadata as object), tag } }));
  return made;
}

/** Name and email, plus a metadata key and the phone into the referrer's metadata. */
const MAPPED = {
  first_name: 'name',
  email: 'email',
  'metadata.plan': 'metadata.plan',
  'metadata.tel': 'phone',
};

describe('syncing Stripe customers as referrers', () => {
  it('maps fields, formats names, writes every return target back and merges metadata', async () => {
    const c = await campaign({ auto_referral_codes: true });
    const [jane, zoe] = await customers('map', [
      {
        name: '  Jane   Doe ',
        email: 'jane.map@example.com',
        description: 'old',
        phone: '+33100000000',
        metadata: { plan: 'pro', region: 'eu' },
      },
      { name: 'Zoë Ærø Smith', email: 'zoe.map@example.com', metadata: { plan: 'basic', region: 'eu' } },
    ]);
    const preview = await api(env, 'GET', `/v1/campaigns/${c.id}/syncs/name_preview?limit=20`);
    const versions = preview.body.data.find(
      (p: { customer_id: string }) => p.customer_id === jane!.id,
    ).versions;
    expect(versions).toEqual({
      original: 'Jane Doe',
      v1: 'Jane',
      v2: 'Jane Doe',
      v3: 'Jane Doe',
      v4: 'Jane D',
      v5: 'Jane Do',
    });

    const started = await api(env, 'POST', `/v1/campaigns/${c.id}/syncs`, {
      inbound: MAPPED,
      name_version: 'v4',
      return: {
        referral_link: { to: 'metadata', key: 'vouch_link' },
        referral_code: { to: 'description' },
        referrals_count: { to: 'metadata', key: 'vouch_referrals' },
        converted_count: { to: 'none' },
      },
    });
    expect(started.status).toBe(202);
    await finished(started.body.id);
    const done = await sync(started.body.id);
    const completedEvents = await env.db.database.db
      .selectFrom('domain_events')
      .select('data')
      .where('type', '=', 'sync.completed')
      .where('campaign_id', '=', c.id)
      .execute();
    expect(completedEvents.map((e) => e.data)).toEqual([
      expect.objectContaining({ sync_id: started.body.id, status: 'completed', kind: 'one_time' }),
    ]);
    const ours = (await referrers(c.id)).filter((r) => r.email.endsWith('.map@example.com'));
    expect(ours).toHaveLength(2);
    const janeRef = ours.find((r) => r.email === 'jane.map@example.com')!;
    expect(janeRef).toMatchObject({ first_name: 'Jane D', metadata: { plan: 'pro', tel: '+33100000000' } });
    expect(ours.find((r) => r.email === 'zoe.map@example.com')!.first_name).toBe('Zoë Æ');
    expect(done.progress).toMatchObject({
      written_back: done.progress.customers_seen - done.progress.skipped,
    });

    const after = await env.stripe.customers.retrieve(jane!.id);
    expect(after).toMatchObject({
      description: janeRef.referral_code,
      metadata: {
        plan: 'pro',
        region: 'eu',
        tag: 'map',
        vouch_link: janeRef.referral_link,
        vouch_referrals: '0',
      },
    });
    expect(((await env.stripe.customers.retrieve(zoe!.id)) as { name: string }).name).toBe('Zoë Ærø Smith');

    // A second sync finds them all current: no referrer made twice, no write repeated.
    const again = await api(env, 'POST', `/v1/campaigns/${c.id}/syncs`, {
      inbound: MAPPED,
      name_version: 'v4',
      return: started.body.return,
    });
    await finished(again.body.id);
    const second = await sync(again.body.id);
    expect(second.progress.referrers_created).toBe(0);
    expect(second.progress.written_back).toBe(0);
    expect(second.progress.already_current).toBeGreaterThanOrEqual(2);
    expect((await referrers(c.id)).filter((r) => r.email.endsWith('.map@example.com'))).toHaveLength(2);
  });

  it('dry-runs, skips blank fields with the reason, and stops at the participant limit', async () => {
    const c = await campaign({ participant_limit: 3 });
    const existing = (
      await api(env, 'POST', `/v1/campaigns/${c.id}/referrers`, {
        email: 'known.lim@example.com',
        first_name: 'K',
      })
    ).body;
    // Stripe lists newest first: the blank ones are met first, then Cy and Bob fill the two places left, and
    // Ann finds none: the sync stops there, before Known.
    await customers('limit', [
      { name: 'Known', email: 'known.lim@example.com' },
      { name: 'Ann Lim', email: 'ann.lim@example.com' },
      { name: 'Bob Lim', email: 'bob.lim@example.com' },
      { name: 'Cy Lim', email: 'cy.lim@example.com' },
      { name: '   ', email: 'noname.lim@example.com' },
      { name: 'No Mail' },
    ]);

    const dry = await api(env, 'POST', `/v1/campaigns/${c.id}/syncs`, { dry_run: true });
    await finished(dry.body.id, 'stopped');
    const plan = await sync(dry.body.id);
    expect(plan.stop_reason).toBe('participant_limit');
    expect((await referrers(c.id)).map((r) => r.id)).toEqual([existing.id]);

    const real = await api(env, 'POST', `/v1/campaigns/${c.id}/syncs`, {});
    await finished(real.body.id, 'stopped');
    const stopped = await sync(real.body.id);
    expect(stopped.stop_reason).toBe('participant_limit');
    expect((await referrers(c.id)).length).toBe(3);
    expect(stopped.progress).toMatchObject({
      customers_seen: 5,
      referrers_created: 2,
      already_referrers: 0,
      skipped: 3,
      skipped_by_reason: { missing_field: 2, participant_limit: 1 },
    });
    const { customers_seen, referrers_created, already_referrers, skipped, skipped_by_reason } =
      stopped.progress;
    expect(plan.progress).toMatchObject({
      customers_seen,
      referrers_created,
      already_referrers,
      skipped,
      skipped_by_reason,
    });
    const skips = (await api(env, 'GET', `/v1/syncs/${real.body.id}/skips?limit=100`)).body.data;
    expect(skips.map((s: { reason: string }) => s.reason)).toContain('participant_limit');
    const blank = skips.filter((s: { reason: string }) => s.reason === 'missing_field');
    expect(blank.length).toBe(2);
    expect(blank.map((s: { detail: string }) => s.detail).join(' ')).toMatch(/name is blank|email is blank/);
    expect((await api(env, 'GET', `/v1/syncs/${dry.body.id}/skips?limit=100`)).body.data).toEqual(
      skips.map((s: { created_at: string }) => ({ ...s, created_at: expect.any(String) })),
    );
    // One reason at a time, paged by customer id within it.
    const firstBlank = await api(env, 'GET', `/v1/syncs/${real.body.id}/skips?reason=missing_field&limit=1`);
    expect(firstBlank.body).toMatchObject({ has_more: true, data: [blank[0]] });
    const nextBlank = await api(
      env,
      'GET',
      `/v1/syncs/${real.body.id}/skips?reason=missing_field&limit=1&starting_after=${blank[0].customer_id}`,
    );
    expect(nextBlank.body).toMatchObject({ has_more: false, data: [blank[1]] });
    const full = await api(env, 'GET', `/v1/syncs/${real.body.id}/skips?reason=participant_limit`);
    expect(full.body.data.map((s: { reason: string }) => s.reason)).toEqual(['participant_limit']);
    expect((await api(env, 'GET', `/v1/syncs/${real.body.id}/skips?reason=bogus`)).status).toBe(400);
    // A one-time sync has no enrolment to report.
    expect(stopped.last_enrolled_at).toBeNull();
    const refused = await api(env, 'POST', `/v1/campaigns/${c.id}/syncs`, {
      return: { referral_link: { to: 'none' } },
    });
    expect(refused.status).toBe(400);
  });

  it('rides out a 429 storm without dropping a customer', async () => {
    const c = await campaign();
    const made = await customers('storm', [
      { name: 'S One', email: 's1.storm@example.com' },
      { name: 'S Two', email: 's2.storm@example.com' },
      { name: 'S Three', email: 's3.storm@example.com' },
    ]);
    env.emulator.setRateLimit(1);
    const before = env.emulator.rateLimited();
    const started = await api(env, 'POST', `/v1/campaigns/${c.id}/syncs`, {});
    await eventually(() => env.emulator.rateLimited() > before + 2, 20_000);
    env.emulator.setRateLimit(0);
    await finished(started.body.id);
    for (const m of made) {
      const after = await env.stripe.customers.retrieve(m.id);
      expect((after as { metadata: Record<string, string> }).metadata.vouch_referral_link).toMatch(/\/r\//);
    }
    expect((await sync(started.body.id)).progress.write_failures).toBe(0);
  });

  it('an ongoing sync enrols new customers through webhooks and writes changed counts back', async () => {
    const c = await campaign();
    const started = await api(env, 'POST', `/v1/campaigns/${c.id}/syncs`, {
      kind: 'ongoing',
      return: {
        referral_link: { to: 'metadata', key: 'link' },
        referrals_count: { to: 'metadata', key: 'referrals' },
      },
    });
    await finished(started.body.id, 'live');
    const before = (await sync(started.body.id)).last_enrolled_at;
    const fresh = await env.stripe.customers.create({ name: 'Olga New', email: 'olga.ongoing@example.com' });
    await eventually(async () => (await referrers(c.id)).some((r) => r.email === 'olga.ongoing@example.com'));
    // The page of an ongoing sync says when it last enrolled someone: Olga, just now.
    const enrolled = (await referrers(c.id)).find((r) => r.email === 'olga.ongoing@example.com')!;
    const lastEnrolment = (await sync(started.body.id)).last_enrolled_at;
    expect(lastEnrolment).toBe((enrolled as unknown as { created_at: string }).created_at);
    expect(lastEnrolment).not.toBe(before);
    await eventually(async () => {
      const cus = (await env.stripe.customers.retrieve(fresh.id)) as { metadata: Record<string, string> };
      return cus.metadata.link?.includes('/r/') === true && cus.metadata.referrals === '0';
    });
    const olga = (await referrers(c.id)).find((r) => r.email === 'olga.ongoing@example.com')!;
    await api(env, 'POST', `/v1/campaigns/${c.id}/leads`, {
      email: 'friend.ongoing@example.com',
      referrer: olga.id,
    });
    await eventually(async () => {
      const cus = (await env.stripe.customers.retrieve(fresh.id)) as { metadata: Record<string, string> };
      return cus.metadata.referrals === '1';
    });
    const cancelled = await api(env, 'POST', `/v1/syncs/${started.body.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
  });
});
