import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { api, bearer, eventually } from './helpers/test-app.js';

// Attacks on the public surface: what a publishable key (in every visitor's hands) and the hosted pages let a
// stranger learn or do.
let env: StripeEnv;
let connectionId: string;
let address = 0;
const nextAddress = () => `10.7.${Math.floor(++address / 250)}.${address % 250}`;

beforeAll(async () => {
  env = await startStripeEnv();
  connectionId = (await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_public_signups' }))
    .body.id;
});
afterAll(async () => env.close());

async function campaign(extra: object = {}) {
  const body = {
    name: `Public ${Math.random()}`,
    status: 'live',
    allowed_origins: ['https://shop.example.com'],
    ...extra,
  };
  return (await api(env, 'POST', '/v1/campaigns', body)).body;
}

async function referrer(campaignId: string, email: string) {
  const body = { email, first_name: 'Rita', generate_referral_code: true };
  return (await api(env, 'POST', `/v1/campaigns/${campaignId}/referrers`, body)).body;
}

/** A browser sign-up with a publishable key, from its own address. */
function browserSignup(campaignId: string, body: object, key = env.publishableKey) {
  return env.app.inject({
    method: 'POST',
    url: `/v1/campaigns/${campaignId}/leads`,
    remoteAddress: nextAddress(),
    headers: { ...bearer(key), origin: 'https://shop.example.com' },
    payload: body,
  });
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
function postPage(url: string, fields: Record<string, string>) {
  return env.app.inject({
    method: 'POST',
    url,
    remoteAddress: nextAddress(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form(fields),
  });
}

const leadsOf = async (campaignId: string, email?: string) =>
  (
    await api(
      env,
      'GET',
      `/v1/campaigns/${campaignId}/leads?limit=100${email ? `&email=${encodeURIComponent(email)}` : ''}`,
    )
  ).body.data;

describe('a publishable key reveals nothing private', () => {
  it('answers a known email exactly as a new one, and stores no junk lead', async () => {
    const c = await campaign();
    const jane = await referrer(c.id, 'jane@example.com');
    const max = await referrer(c.id, 'max@example.com');
    // The shop's server records a paying friend with private details.
    const known = await api(env, 'POST', `/v1/campaigns/${c.id}/leads`, {
      email: 'victim@example.com',
      first_name: 'Victoria',
      last_name: 'Private',
      metadata: { plan: 'enterprise' },
      referrer: jane.id,
    });
    expect(known.status).toBe(200);

    // A stranger with the public key, a public code and a guessed email.
    const probe = await browserSignup(c.id, {
      email: 'victim@example.com',
      referral_code: max.referral_code,
    });
    const fresh = await browserSignup(c.id, {
      email: 'nobody@example.com',
      referral_code: max.referral_code,
    });
    for (const res of [probe, fresh]) {
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        object: 'lead_receipt',
        id: expect.stringMatching(/^rcpt_[0-9a-z]{26}$/),
        status: 'received',
      });
    }
    expect(probe.body).not.toMatch(/Victoria|Private|enterprise|qualified|pending|lead_[0-9a-z]{26}|rfr_/);
    // The probe stored nothing: still one lead for that email, Jane's, untouched.
    const victim = await leadsOf(c.id, 'victim@example.com');
    expect(victim).toHaveLength(1);
    expect(victim[0]).toMatchObject({ referrer_id: jane.id, first_name: 'Victoria', status: 'pending' });

    // A repeat of the new friend gives the same receipt and no second lead.
    const repeat = await browserSignup(c.id, {
      email: 'Nobody@Example.com',
      referral_code: max.referral_code,
    });
    expect(repeat.json().id).toBe(fresh.json().id);
    expect(await leadsOf(c.id, 'nobody@example.com')).toHaveLength(1);
    // A self-referral is kept (rejected) once, however often it is sent, and answered like the rest.
    for (let i = 0; i < 3; i++) {
      const self = await browserSignup(c.id, { email: 'max@example.com', referral_code: max.referral_code });
      expect(Object.keys(self.json()).sort()).toEqual(['id', 'object', 'status']);
    }
    const selfLeads = await leadsOf(c.id, 'max@example.com');
    expect(selfLeads).toHaveLength(1);
    expect(selfLeads[0]).toMatchObject({ status: 'rejected', rejection_reason: 'self_referral' });
  });

  it('receipts are not ordered by time, so they do not tell an old lead from a new one', async () => {
    const c = await campaign();
    const r = await referrer(c.id, 'order@example.com');
    const ids: string[] = [];
    for (let i = 0; i < 8; i++)
      ids.push((await browserSignup(c.id, { email: `o${i}@example.com`, referrer: r.id })).json().id);
    expect(new Set(ids).size).toBe(8);
    expect([...ids].sort()).not.toEqual(ids);
  });

  it('a key limited to campaigns is refused for the others, and the limit is checked when it is made', async () => {
    const mine = await campaign();
    const other = await campaign();
    const r1 = await referrer(mine.id, 'k1@example.com');
    const r2 = await referrer(other.id, 'k2@example.com');
    const key = await api(env, 'POST', '/v1/api_keys', {
      name: 'shop',
      kind: 'publishable',
      campaign_ids: [mine.id],
    });
    expect(key.status).toBe(200);
    expect(key.body.campaign_ids).toEqual([mine.id]);
    const ok = await browserSignup(mine.id, { email: 'a@example.com', referrer: r1.id }, key.body.secret);
    expect(ok.statusCode).toBe(200);
    const refused = await browserSignup(
      other.id,
      { email: 'b@example.com', referrer: r2.id },
      key.body.secret,
    );
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('campaign_not_allowed');
    expect(await leadsOf(other.id)).toHaveLength(0);

    const secretLimited = await api(env, 'POST', '/v1/api_keys', {
      name: 'x',
      kind: 'secret',
      campaign_ids: [mine.id],
    });
    expect(secretLimited.status).toBe(400);
    expect(secretLimited.body.error.param).toBe('campaign_ids');
    const unknown = await api(env, 'POST', '/v1/api_keys', {
      name: 'x',
      kind: 'publishable',
      campaign_ids: ['cmp_00000000000000000000000000'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.param).toBe('campaign_ids');
  });

  it('a browser on an origin outside allowed_origins is refused', async () => {
    const c = await campaign();
    const r = await referrer(c.id, 'origin@example.com');
    const res = await env.app.inject({
      method: 'POST',
      url: `/v1/campaigns/${c.id}/leads`,
      remoteAddress: nextAddress(),
      headers: { ...bearer(env.publishableKey), origin: 'https://evil.example' },
      payload: { email: 'x@example.com', referrer: r.id },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('origin_not_allowed');
    expect(await leadsOf(c.id)).toHaveLength(0);
  });
});

describe('strangers cannot use up a campaign', () => {
  async function pay(email: string, amount: number) {
    const customer = await env.stripe.customers.create({ email, name: 'Real Friend' });
    await env.stripe.paymentIntents.create({
      amount,
      currency: 'usd',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    return customer.id;
  }
  const lead = async (id: string) => (await api(env, 'GET', `/v1/leads/${id}`)).body;
  const count = async (id: string) => (await api(env, 'GET', `/v1/campaigns/${id}`)).body.participants_count;

  it('fake public sign-ups take no places; the real friend and a real referrer still get in', async () => {
    const c = await campaign({
      participant_limit: 5,
      connection_id: connectionId,
      qualification: { method: 'spend', target_amount: 1000, window_days: 30, refunds_unqualify: true },
    });
    expect(c.participant_limit_counts).toBe('verified');
    const owner = await referrer(c.id, 'owner@example.com');
    expect(await count(c.id)).toBe(1);
    // Four fakes through the public key and the hosted invite page.
    for (let i = 0; i < 2; i++) {
      const res = await browserSignup(c.id, {
        email: `fake${i}@example.com`,
        referral_code: owner.referral_code,
      });
      expect(res.statusCode).toBe(200);
      const page = await postPage(`/invite/${owner.slug}`, {
        email: `fake-page${i}@example.com`,
        first_name: 'F',
      });
      expect(page.statusCode).toBe(200);
    }
    expect(await count(c.id)).toBe(1);

    // A real person can still join on the hosted page (it answered 409 once the fakes had filled it).
    const joined = await postPage(`/join/${c.id}`, {
      email: 'real.referrer@example.com',
      first_name: 'Real',
    });
    expect(joined.statusCode).toBe(200);
    expect(joined.body).toContain('/r/');
    // And the real friend signs up, pays, and qualifies: then they (and the referrer who joined on the page,
    // once a friend of theirs pays) hold places.
    const realReferrer = (await api(env, 'GET', `/v1/campaigns/${c.id}/referrers?limit=100`)).body.data.find(
      (r: { email: string }) => r.email === 'real.referrer@example.com',
    );
    expect(await count(c.id)).toBe(1);
    await browserSignup(c.id, { email: 'real.friend@example.com', referrer: realReferrer.id });
    const [friend] = await leadsOf(c.id, 'real.friend@example.com');
    expect(friend.status).toBe('pending');
    await pay('real.friend@example.com', 2000);
    await eventually(async () => (await lead(friend.id)).status === 'qualified');
    expect(await count(c.id)).toBe(3);
    const events = (await lead(friend.id)).timeline.map((e: { type: string }) => e.type);
    expect(events).toContain('lead.place_taken');
  });

  it('a full campaign lets a paying public friend wait for a place instead of qualifying', async () => {
    const c = await campaign({
      participant_limit: 2,
      connection_id: connectionId,
      qualification: { method: 'spend', target_amount: 1000, window_days: 30, refunds_unqualify: true },
    });
    const r = await referrer(c.id, 'full.owner@example.com');
    const early = await browserSignup(c.id, { email: 'early@example.com', referrer: r.id });
    expect(early.statusCode).toBe(200);
    // The business itself records a friend: that takes the last place at once.
    await api(env, 'POST', `/v1/campaigns/${c.id}/leads`, { email: 'direct@example.com', referrer: r.id });
    expect(await count(c.id)).toBe(2);
    const [waiting] = await leadsOf(c.id, 'early@example.com');
    await pay('early@example.com', 5000);
    await eventually(async () =>
      (await lead(waiting.id)).timeline.some((e: { type: string }) => e.type === 'lead.waiting_for_place'),
    );
    expect((await lead(waiting.id)).status).toBe('pending');
    expect(await count(c.id)).toBe(2);
    // A new public sign-up on a full campaign is turned away, the same for every email.
    const page = await postPage(`/invite/${r.slug}`, { email: 'late@example.com', first_name: 'L' });
    expect(page.body).toContain('This program is full');
    expect(await leadsOf(c.id, 'late@example.com')).toHaveLength(0);
  });

  it('with participant_limit_counts all, public sign-ups take a place at once (the old rule)', async () => {
    const c = await campaign({ participant_limit: 3, participant_limit_counts: 'all' });
    const r = await referrer(c.id, 'all.owner@example.com');
    await browserSignup(c.id, { email: 'all1@example.com', referrer: r.id });
    await browserSignup(c.id, { email: 'all2@example.com', referrer: r.id });
    expect(await count(c.id)).toBe(3);
    await browserSignup(c.id, { email: 'all3@example.com', referrer: r.id });
    const [third] = await leadsOf(c.id, 'all3@example.com');
    expect(third).toMatchObject({ status: 'rejected', rejection_reason: 'campaign_limit' });
  });
});
