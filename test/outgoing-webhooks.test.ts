import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OutgoingWebhookRunner } from '../src/jobs/outgoing-webhook-runner.js';
import { type ApiClient, injectClient, type RequestBody, type ResponseBody } from './helpers/api-client.js';
import { drained } from './helpers/drained.js';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { api, bearer, eventually } from './helpers/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver.js';

/**
 * Outgoing webhooks end to end: events caused through the API reach a real receiver that verifies them. The
 * receivers listen on 127.0.0.1, so this file allows private delivery (VOUCH_WEBHOOK_ALLOW_PRIVATE); the
 * address guard itself is tested in outgoing-webhook-addresses.test.ts.
 */

const RETRY_MS = 100;
let env: StripeEnv;
let client: ApiClient;
const receivers: WebhookReceiver[] = [];
const endpoints: string[] = [];

beforeAll(async () => {
  env = await startStripeEnv({
    outgoingWebhooks: { maxAttempts: 3, retryDelayMs: (attempt) => RETRY_MS * attempt, allowPrivate: true },
  });
  client = injectClient(env.app, env.secretKey);
});
afterAll(async () => {
  await env.close();
  await Promise.all(receivers.map((r) => r.close()));
});
// Endpoints hear about every campaign: each test removes its own so the next starts clean.
afterEach(async () => {
  for (const id of endpoints.splice(0)) await client.DELETE('/v1/webhook_endpoints/{id}', byId(id));
});

/** The path parameters of an endpoint's or a delivery's operations. */
const byId = (id: string) => ({ params: { path: { id } } });

async function receiver(): Promise<WebhookReceiver> {
  const r = await startWebhookReceiver();
  receivers.push(r);
  return r;
}

/** An endpoint for `r`, whose secret the receiver then verifies with. */
async function endpoint(r: WebhookReceiver, eventTypes: EventType[], description?: string) {
  const res = await client.POST('/v1/webhook_endpoints', {
    body: { url: r.url, event_types: eventTypes, ...(description ? { description } : {}) },
  });
  expect(res.response.status).toBe(200);
  const created = res.data!;
  endpoints.push(created.id);
  r.secret = created.secret;
  return created;
}
type EventType = RequestBody<'/v1/webhook_endpoints', 'post'>['event_types'][number];

async function campaign(extra: Record<string, unknown> = {}) {
  return (
    await api(env, 'POST', '/v1/campaigns', { name: `Hooks ${Math.random()}`, status: 'live', ...extra })
  ).body as { id: string };
}

const referrer = async (campaignId: string, email = `ref${Math.random()}@example.com`) =>
  (await api(env, 'POST', `/v1/campaigns/${campaignId}/referrers`, { email, first_name: 'Jane' })).body;

const deliveries = async (endpointId: string, status?: 'pending' | 'succeeded' | 'failed') => {
  const query = { limit: 100, ...(status ? { status } : {}) };
  const res = await client.GET('/v1/webhook_endpoints/{id}/deliveries', {
    params: { path: { id: endpointId }, query },
  });
  return res.data!.data;
};
const delivery = async (id: string) => (await client.GET('/v1/webhook_deliveries/{id}', byId(id))).data!;

describe('outgoing webhooks', () => {
  it('deliver lead.rejected when a referral does not count, to endpoints that subscribe to it', async () => {
    const r = await receiver();
    const e = await endpoint(r, ['lead.rejected', 'lead.expired']);
    const c = await campaign();
    const jane = await referrer(c.id, 'rejecting.jane@example.com');
    const self = (
      await api(env, 'POST', `/v1/campaigns/${c.id}/leads`, {
        email: 'rejecting.jane@example.com',
        referrer: jane.id,
      })
    ).body;
    expect(self.status).toBe('rejected');
    await eventually(async () =>
      (await deliveries(e.id)).some((d: { status: string }) => d.status === 'succeeded'),
    );
    const [got] = r.forCampaign(c.id);
    expect(got!.event.type).toBe('lead.rejected');
    expect(got!.event.data).toMatchObject({ lead_id: self.id, lead: { rejection_reason: 'self_referral' } });
  });

  it('deliver referrer.created and lead.created, signed and verified with the documented method', async () => {
    const r = await receiver();
    const e = await endpoint(r, ['referrer.created', 'lead.created'], 'CRM');
    expect(e.secret).toMatch(/^whsec_/);
    const c = await campaign({ auto_referral_codes: true });
    const jane = await referrer(c.id, 'jane@example.com');
    const lead = (
      await api(env, 'POST', `/v1/campaigns/${c.id}/leads`, {
        email: 'friend@example.com',
        referrer: jane.id,
      })
    ).body;
    // A rejected lead (a self-referral) is not a new lead: no event.
    await api(env, 'POST', `/v1/campaigns/${c.id}/leads`, { email: 'jane@example.com', referrer: jane.id });
    await eventually(async () => {
      const log = await deliveries(e.id);
      return log.length === 2 && log.every((d: { status: string }) => d.status === 'succeeded');
    });
    await drained(env.db.database);

    // Sent side by side: they may arrive in either order.
    const got = r.forCampaign(c.id).sort((a, b) => a.event.id.localeCompare(b.event.id));
    expect(got.map((g) => g.event.type)).toEqual(['referrer.created', 'lead.created']);
    for (const g of got) {
      expect(g.verified).toBe(true);
      expect(g.headers['vouch-event-id']).toBe(g.event.id);
      expect(g.headers['user-agent']).toMatch(/^Vouch-Webhooks\//);
      expect(g.headers['content-type']).toBe('application/json');
      expect(g.headers['vouch-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(Object.keys(g.event)).toEqual(['id', 'object', 'type', 'created_at', 'data']);
      expect(g.event).toMatchObject({ object: 'event', id: expect.stringMatching(/^dev_/) });
    }
    const [created, leadCreated] = got;
    // The referrer in the event is the referrer as the API showed it when it was created.
    expect(created!.event.data).toEqual({ campaign_id: c.id, referrer_id: jane.id, referrer: jane });
    expect(Object.keys(created!.event.data.referrer)).toEqual(Object.keys(jane));
    expect(jane.referral_code).toBeTruthy();
    expect(lead).toMatchObject({ email: 'friend@example.com', status: 'pending', source: 'api' });
    // So is the lead.
    expect(leadCreated!.event.data).toEqual({
      campaign_id: c.id,
      referrer_id: jane.id,
      lead_id: lead.id,
      lead,
    });
    expect(Object.keys(leadCreated!.event.data.lead)).toEqual(Object.keys(lead));

    const log = await deliveries(e.id);
    expect(log.map((d) => d.event_type)).toEqual(['lead.created', 'referrer.created']);
    for (const d of log)
      expect(d).toMatchObject({ status: 'succeeded', attempt_count: 1, last_status_code: 200 });
    const one = await delivery(log[1]!.id);
    expect(one.event).toEqual(created!.event);
    expect(one.attempts).toEqual([
      expect.objectContaining({
        object: 'webhook_attempt',
        trigger: 'automatic',
        status_code: 200,
        error: null,
      }),
    ]);
    expect(one.delivered_at).not.toBeNull();
  });

  it('only active endpoints subscribed to the type get an event, and none get the past', async () => {
    const [subscribed, other, disabled] = [await receiver(), await receiver(), await receiver()];
    await endpoint(subscribed, ['referrer.created']);
    const e2 = await endpoint(other, ['lead.qualified', 'lead.created']);
    const e3 = await endpoint(disabled, ['referrer.created']);
    const off = await client.POST('/v1/webhook_endpoints/{id}', {
      ...byId(e3.id),
      body: { status: 'disabled' },
    });
    expect(off.data?.status).toBe('disabled');
    const c = await campaign();
    await referrer(c.id);
    await eventually(() => subscribed.forCampaign(c.id).length === 1);
    await drained(env.db.database);
    expect(other.forCampaign(c.id)).toEqual([]);
    expect(disabled.forCampaign(c.id)).toEqual([]);
    expect(await deliveries(e2.id)).toEqual([]);
    expect(await deliveries(e3.id)).toEqual([]);

    // Enabled again: it gets what happens from now on, not what happened while it was off.
    await client.POST('/v1/webhook_endpoints/{id}', { ...byId(e3.id), body: { status: 'active' } });
    const later = await referrer(c.id);
    await eventually(() => disabled.forCampaign(c.id).length === 1);
    expect(disabled.forCampaign(c.id)[0]!.event.data.referrer_id).toBe(later.id);
  });

  it('retry after failures with backoff until the receiver accepts, logging every attempt', async () => {
    const r = await receiver();
    r.respond = (n) => (n <= 2 ? 500 : 200);
    const e = await endpoint(r, ['referrer.created']);
    const c = await campaign();
    await referrer(c.id);
    await eventually(async () => (await deliveries(e.id))[0]?.status === 'succeeded');
    const [d] = await deliveries(e.id);
    const full = await delivery(d!.id);
    expect(full).toMatchObject({
      status: 'succeeded',
      attempt_count: 3,
      last_status_code: 200,
      last_error: null,
    });
    const attempts = full.attempts ?? [];
    expect(attempts.map((a) => a.status_code)).toEqual([500, 500, 200]);
    // The receiver is on a private address: the log keeps its status, never its words.
    expect(attempts[0]?.error).toBe('The endpoint answered 500');
    const times = attempts.map((a) => Date.parse(a.attempted_at));
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(RETRY_MS);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(2 * RETRY_MS);
    // The same event each time, each time signed.
    const got = r.forCampaign(c.id);
    expect(got).toHaveLength(3);
    expect(new Set(got.map((g) => g.raw.toString())).size).toBe(1);
    expect(got.every((g) => g.verified)).toBe(true);
  });

  it('give up after the last attempt; a replay on request delivers it again as a new attempt', async () => {
    const r = await receiver();
    r.respond = () => 503;
    const e = await endpoint(r, ['referrer.created']);
    const c = await campaign();
    await referrer(c.id);
    await eventually(async () => (await deliveries(e.id))[0]?.status === 'failed');
    await drained(env.db.database);
    const failed = (await deliveries(e.id, 'failed'))[0]!;
    expect(failed).toMatchObject({ attempt_count: 3, next_attempt_at: null, last_status_code: 503 });
    expect(r.forCampaign(c.id)).toHaveLength(3);
    expect(await deliveries(e.id, 'succeeded')).toEqual([]);

    r.respond = () => 200;
    const replayed = await client.POST('/v1/webhook_deliveries/{id}/replay', byId(failed.id));
    expect(replayed.response.status).toBe(200);
    expect(replayed.data).toMatchObject({ status: 'succeeded', attempt_count: 4, last_status_code: 200 });
    expect(replayed.data?.attempts?.at(-1)).toMatchObject({ trigger: 'replay', status_code: 200 });
    expect(r.forCampaign(c.id)).toHaveLength(4);
    expect(r.forCampaign(c.id).at(-1)!.event.id).toBe(failed.event_id);

    // A delivery that succeeded is sent again too.
    const again = await client.POST('/v1/webhook_deliveries/{id}/replay', byId(failed.id));
    expect(again.data).toMatchObject({ status: 'succeeded', attempt_count: 5 });
    expect(r.forCampaign(c.id)).toHaveLength(5);
    expect(r.forCampaign(c.id).every((g) => g.verified)).toBe(true);

    const missing = await client.POST(
      '/v1/webhook_deliveries/{id}/replay',
      byId('whd_0000000000000000000000000z'),
    );
    expect(missing.response.status).toBe(404);
    expect(missing.error?.error.code).toBe('resource_missing');
  });

  it('deliver lead.qualified when a Stripe payment qualifies the lead', async () => {
    const r = await receiver();
    const e = await endpoint(r, ['lead.qualified']);
    const conn = (await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_outgoing_hooks' }))
      .body;
    const c = await campaign({
      connection_id: conn.id,
      qualification: { method: 'spend', target_amount: 1000, window_days: 30, refunds_unqualify: true },
    });
    const jane = await referrer(c.id);
    const lead = (
      await api(env, 'POST', `/v1/campaigns/${c.id}/leads`, { email: 'payer@example.com', referrer: jane.id })
    ).body;
    const customer = await env.stripe.customers.create({ email: 'payer@example.com' });
    await eventually(async () =>
      (await api(env, 'GET', `/v1/leads/${lead.id}`)).body.timeline.some(
        (t: { type: string }) => t.type === 'lead.customer_linked',
      ),
    );
    const intent = await env.stripe.paymentIntents.create({
      amount: 2500,
      currency: 'usd',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    await eventually(async () => (await deliveries(e.id))[0]?.status === 'succeeded');
    const [got] = r.forCampaign(c.id);
    expect(got!.verified).toBe(true);
    expect(got!.event).toMatchObject({
      type: 'lead.qualified',
      data: {
        campaign_id: c.id,
        referrer_id: jane.id,
        lead_id: lead.id,
        net_spend: 2500,
        stripe_object: intent.latest_charge,
      },
    });
    expect(r.forCampaign(c.id)).toHaveLength(1);
  });

  it('sign with the new secret after a rotation: the old one no longer verifies, and a ping shows it', async () => {
    const r = await receiver();
    const e = await endpoint(r, ['sync.completed']);
    const test = () => client.POST('/v1/webhook_endpoints/{id}/test', byId(e.id));
    const ping = await test();
    expect(ping.data).toMatchObject({ event_type: 'ping', status: 'succeeded', attempt_count: 1 });
    expect(ping.data?.attempts).toEqual([expect.objectContaining({ trigger: 'test', status_code: 200 })]);
    expect(r.received.at(-1)!.event).toMatchObject({ type: 'ping', data: { endpoint_id: e.id } });

    // Without any body, which the route takes as `{}` (a client may not send one).
    const rotated = (
      await env.app.inject({
        method: 'POST',
        url: `/v1/webhook_endpoints/${e.id}/rotate_secret`,
        headers: bearer(env.secretKey),
      })
    ).json() as ResponseBody<'/v1/webhook_endpoints/{id}/rotate_secret', 'post'>;
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(e.secret);
    expect(rotated.previous_secret_expires_at).toBeNull();
    // The receiver still holds the old secret: the signature does not verify and it refuses the ping.
    const refused = (await test()).data!;
    expect(refused).toMatchObject({ status: 'failed', last_status_code: 400 });
    expect(r.received.at(-1)!.verified).toBe(false);
    r.secret = rotated.secret;
    const replayed = await client.POST('/v1/webhook_deliveries/{id}/replay', byId(refused.id));
    expect(replayed.data).toMatchObject({ status: 'succeeded', attempt_count: 2 });

    // With an overlap, both secrets sign until it ends.
    const overlap = (
      await client.POST('/v1/webhook_endpoints/{id}/rotate_secret', {
        ...byId(e.id),
        body: { previous_secret_valid_hours: 24 },
      })
    ).data!;
    expect(Date.parse(overlap.previous_secret_expires_at!)).toBeGreaterThan(Date.now() + 23 * 3600_000);
    await test();
    expect(r.received.at(-1)!.verified).toBe(true); // still the previous secret
    expect(String(r.received.at(-1)!.headers['vouch-signature']).match(/v1=/g)).toHaveLength(2);
    r.secret = overlap.secret;
    await test();
    expect(r.received.at(-1)!.verified).toBe(true);
  });

  it('never send the same delivery twice from two runners', async () => {
    const second = new OutgoingWebhookRunner({
      database: env.db.database,
      box: env.box,
      logger: pino({ level: 'silent' }),
      now: () => new Date(),
      publicUrl: env.baseUrl,
      pollMs: 20,
      allowPrivate: true,
    });
    second.start();
    try {
      const r = await receiver();
      const e = await endpoint(r, ['referrer.created']);
      const c = await campaign();
      for (let i = 0; i < 12; i++) await referrer(c.id);
      await eventually(
        async () => (await deliveries(e.id)).filter((d) => d.status === 'succeeded').length === 12,
      );
      await drained(env.db.database);
      const ids = r.forCampaign(c.id).map((g) => g.event.id);
      expect(ids).toHaveLength(12);
      expect(new Set(ids).size).toBe(12);
      const log = await deliveries(e.id);
      expect(log).toHaveLength(12);
      expect(log.every((d) => d.attempt_count === 1)).toBe(true);
    } finally {
      await second.stop();
    }
  });
});

describe('webhook endpoints API', () => {
  it('validates what it is given and shows the secret only once', async () => {
    // Bodies the types refuse, sent anyway to see the server refuse them too.
    const bad = async (body: object) =>
      (await client.POST('/v1/webhook_endpoints', { body: body as never })).error!.error;
    expect(await bad({ url: 'ftp://example.com/hook', event_types: ['lead.created'] })).toMatchObject({
      code: 'parameter_invalid',
      param: 'url',
    });
    expect((await bad({ url: 'https://user:pw@example.com/', event_types: ['lead.created'] })).param).toBe(
      'url',
    );
    expect((await bad({ url: 'https://example.com/', event_types: [] })).param).toBe('event_types');
    expect((await bad({ url: 'https://example.com/', event_types: ['lead.exploded'] })).param).toMatch(
      /^event_types/,
    );
    expect((await bad({ url: 'https://example.com/', event_types: ['lead.created'], colour: 1 })).param).toBe(
      'colour',
    );

    const created = (
      await client.POST('/v1/webhook_endpoints', {
        body: {
          url: 'https://crm.example.com/vouch',
          event_types: ['lead.created', 'lead.created', 'reward.issued'],
          description: 'CRM',
        },
      })
    ).data!;
    expect(created).toMatchObject({
      object: 'webhook_endpoint',
      url: 'https://crm.example.com/vouch',
      event_types: ['lead.created', 'reward.issued'],
      status: 'active',
      description: 'CRM',
    });
    const id = created.id;
    expect(id).toMatch(/^whe_/);
    const stored = await env.db.database.db
      .selectFrom('webhook_endpoints')
      .select('secret_sealed')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.secret_sealed).not.toContain(created.secret.slice(6));
    expect(env.box.decrypt(stored.secret_sealed)).toBe(created.secret);

    const fetched = (await client.GET('/v1/webhook_endpoints/{id}', byId(id))).data!;
    expect(fetched).not.toHaveProperty('secret');
    const listed = (await client.GET('/v1/webhook_endpoints')).data!;
    expect(listed.data.find((x) => x.id === id)).toEqual(fetched);
    expect(listed.data.every((x) => !('secret' in x))).toBe(true);

    const changed = (
      await client.POST('/v1/webhook_endpoints/{id}', {
        ...byId(id),
        body: { url: 'https://crm.example.com/v2', event_types: ['sync.completed'], description: null },
      })
    ).data!;
    expect(changed).toMatchObject({ url: 'https://crm.example.com/v2', event_types: ['sync.completed'] });
    expect(changed.description).toBeNull();

    const publishable = await injectClient(env.app, env.publishableKey).GET('/v1/webhook_endpoints');
    expect(publishable.response.status).toBe(403);

    expect((await client.DELETE('/v1/webhook_endpoints/{id}', byId(id))).data).toEqual({
      id,
      object: 'webhook_endpoint',
      deleted: true,
    });
    expect((await client.GET('/v1/webhook_endpoints/{id}', byId(id))).response.status).toBe(404);
    const log = await client.GET('/v1/webhook_endpoints/{id}/deliveries', byId(id));
    expect(log.response.status).toBe(404);
    expect((await client.POST('/v1/webhook_endpoints/{id}/test', byId(id))).response.status).toBe(404);
  });

  it('refuses to test or replay through a disabled endpoint', async () => {
    const r = await receiver();
    const e = await endpoint(r, ['lead.created']);
    const ping = (await client.POST('/v1/webhook_endpoints/{id}/test', byId(e.id))).data!;
    await client.POST('/v1/webhook_endpoints/{id}', { ...byId(e.id), body: { status: 'disabled' } });
    const test = await client.POST('/v1/webhook_endpoints/{id}/test', byId(e.id));
    expect(test.response.status).toBe(409);
    expect(test.error?.error.code).toBe('webhook_endpoint_disabled');
    const replay = await client.POST('/v1/webhook_deliveries/{id}/replay', byId(ping.id));
    expect(replay.response.status).toBe(409);
  });
});
