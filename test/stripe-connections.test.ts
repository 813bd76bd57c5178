import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, injectClient, type ResponseBody } from './helpers/api-client.js';
import { drained } from './helpers/drained.js';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { eventually } from './helpers/test-app.js';

type Connection = ResponseBody<'/v1/stripe/connections/{id}', 'get'>;

let env: StripeEnv;
let client: ApiClient;
let connection: Connection;

/** The path parameters of a connection's operations. */
const conn = (id: string) => ({ params: { path: { id } } });

beforeAll(async () => {
  env = await startStripeEnv();
  client = injectClient(env.app, env.secretKey);
  const { data, response } = await client.POST('/v1/stripe/connections', {
    body: { api_key: 'sk_test_vouch_connection_key', name: 'Main' },
  });
  expect(response.status).toBe(200);
  connection = data!;
});
afterAll(async () => env.close());

const inbox = () =>
  env.db.database.db
    .selectFrom('stripe_events')
    .selectAll()
    .where('connection_id', '=', connection.id)
    .execute();

async function webhookSecret(): Promise<string> {
  const row = await env.db.database.db
    .selectFrom('connections')
    .select('webhook_secret_sealed')
    .where('id', '=', connection.id)
    .executeTakeFirstOrThrow();
  return env.box.decrypt(row.webhook_secret_sealed!);
}

function post(body: string, signature: string | undefined, id = connection.id) {
  return env.app.inject({
    method: 'POST',
    url: `/webhooks/stripe/${id}`,
    headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) },
    payload: body,
  });
}

const eventBody = (id: string, type = 'customer.created') =>
  JSON.stringify({
    id,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: 'cus_x', object: 'customer' } },
  });

describe('connecting Stripe', () => {
  it('checks the key, seals it, and creates one webhook endpoint for all the events Vouch needs', async () => {
    expect(connection).toMatchObject({
      object: 'stripe_connection',
      mode: 'test',
      default_currency: 'usd',
      status: 'active',
      key_last4: '_key',
    });
    expect(connection.webhook).toMatchObject({
      setup: 'automatic',
      url: `${env.baseUrl}/webhooks/stripe/${connection.id}`,
      secret_configured: true,
    });
    const endpoints = await env.stripe.webhookEndpoints.list();
    const ours = endpoints.data.find((e) => e.id === connection.webhook.endpoint_id);
    expect(ours?.url).toBe(connection.webhook.url);
    expect(ours?.enabled_events).toEqual(
      expect.arrayContaining([
        'charge.succeeded',
        'charge.refunded',
        'customer.created',
        'checkout.session.completed',
      ]),
    );
    const stored = await env.db.database.db
      .selectFrom('connections')
      .selectAll()
      .where('id', '=', connection.id)
      .executeTakeFirstOrThrow();
    expect(stored.secret_key_sealed).not.toContain('sk_test');
    expect(stored.webhook_secret_sealed).not.toContain('whsec_');
    const { data } = await client.GET('/v1/stripe/connections/{id}', conn(connection.id));
    expect(JSON.stringify(data)).not.toContain('sk_test_vouch');
  });

  it('refuses a key Stripe refuses, and a second connection of the same account', async () => {
    const bad = await client.POST('/v1/stripe/connections', {
      body: { api_key: 'sk_live_not_accepted_here' },
    });
    expect(bad.response.status).toBe(400);
    expect(bad.error?.error).toMatchObject({ param: 'api_key' });
    expect(bad.error?.error.message).toContain('401');
    const twice = await client.POST('/v1/stripe/connections', {
      body: { api_key: 'sk_test_another_key_same_account' },
    });
    expect(twice.response.status).toBe(409);
    expect(twice.error?.error.code).toBe('already_connected');
    const malformed = await client.POST('/v1/stripe/connections', { body: { api_key: 'pk_test_123456789' } });
    expect(malformed.error?.error.param).toBe('api_key');
    const oauth = await client.POST('/v1/stripe/oauth/authorize', { body: {} });
    expect(oauth.response.status).toBe(409);
    expect(oauth.error?.error.code).toBe('oauth_not_configured');
  });
});

describe('webhook ingestion', () => {
  it('takes signed events from Stripe over HTTP into the inbox and processes each once', async () => {
    const customer = await env.stripe.customers.create({ email: 'first@example.com' });
    await eventually(async () =>
      (await inbox()).some(
        (e) =>
          e.type === 'customer.created' &&
          (e.payload as { data: { object: { id: string } } }).data.object.id === customer.id &&
          e.processed_at !== null,
      ),
    );
    const { data } = await client.GET('/v1/stripe/connections/{id}', conn(connection.id));
    expect(data?.last_event_at).not.toBeNull();
  });

  it('answers a duplicate 200 and changes nothing', async () => {
    const body = eventBody('evt_duplicate_1');
    const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: await webhookSecret() });
    const first = await post(body, header);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ received: true, duplicate: false });
    const second = await post(body, header);
    expect(second.json()).toMatchObject({ received: true, duplicate: true });
    expect((await inbox()).filter((e) => e.id === 'evt_duplicate_1')).toHaveLength(1);
  });

  it('records a burst of deliveries once each, and an event that cannot be stored fails alone', async () => {
    const secret = await webhookSecret();
    const sign = (body: string) => Stripe.webhooks.generateTestHeaderString({ payload: body, secret });
    const distinct = Array.from({ length: 20 }, (_, i) => eventBody(`evt_burst_${i}`));
    const same = eventBody('evt_burst_same');
    // Valid JSON that Postgres refuses to store as jsonb (a NUL character): refused, as Stripe should not retry it.
    const bad = eventBody('evt_burst_bad').replace('"cus_x"', '"cus_\\u0000"');
    const bodies = [...distinct, same, same, same, same, same, bad];
    // Sent together, they are written in shared statements (several events per insert).
    const results = await Promise.all(bodies.map((b) => post(b, sign(b))));
    const answers = results.map((r) => ({ status: r.statusCode, body: r.json() }));
    expect(answers.slice(0, 20).every((a) => a.status === 200 && a.body.duplicate === false)).toBe(true);
    const sameAnswers = answers.slice(20, 25);
    expect(sameAnswers.every((a) => a.status === 200)).toBe(true);
    expect(sameAnswers.filter((a) => a.body.duplicate === false)).toHaveLength(1);
    expect(answers[25]!.status).toBe(400);
    expect(answers[25]!.body.error.code).toBe('event_malformed');
    const ids = (await inbox()).map((e) => e.id);
    for (let i = 0; i < 20; i++) expect(ids).toContain(`evt_burst_${i}`);
    expect(ids.filter((id) => id === 'evt_burst_same')).toHaveLength(1);
    expect(ids).not.toContain('evt_burst_bad');
  });

  it('refuses bad and stale signatures, and acknowledges types it does not use', async () => {
    const body = eventBody('evt_sig_1');
    const secret = await webhookSecret();
    expect((await post(body, undefined)).json().error.code).toBe('signature_missing');
    const wrong = Stripe.webhooks.generateTestHeaderString({
      payload: body,
      secret: 'whsec_wrongwrongwrongwrong',
    });
    const refused = await post(body, wrong);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('signature_invalid');
    const stale = Stripe.webhooks.generateTestHeaderString({
      payload: body,
      secret,
      timestamp: Math.floor(Date.now() / 1000) - 301,
    });
    expect((await post(body, stale)).json().error.code).toBe('signature_invalid');
    const tampered = Stripe.webhooks.generateTestHeaderString({ payload: body, secret });
    expect((await post(body.replace('cus_x', 'cus_y'), tampered)).statusCode).toBe(400);
    const other = eventBody('evt_unused_type', 'payout.paid');
    const ignored = await post(other, Stripe.webhooks.generateTestHeaderString({ payload: other, secret }));
    expect(ignored.json()).toMatchObject({ received: true, ignored: true });
    expect((await inbox()).map((e) => e.id)).not.toContain('evt_sig_1');
    expect((await post(body, tampered, 'conn_nope')).statusCode).toBe(404);
  });

  it('accepts both secrets while a rotated secret settles in', async () => {
    const old = await webhookSecret();
    const rotated = await client.POST('/v1/stripe/connections/{id}/webhook_secret', {
      ...conn(connection.id),
      body: { secret: 'whsec_rotatedrotatedrotated123' },
    });
    expect(rotated.response.status).toBe(200);
    for (const [id, secret] of [
      ['evt_rot_old', old],
      ['evt_rot_new', 'whsec_rotatedrotatedrotated123'],
    ] as const) {
      const body = eventBody(id);
      expect(
        (await post(body, Stripe.webhooks.generateTestHeaderString({ payload: body, secret }))).statusCode,
        id,
      ).toBe(200);
    }
    const refused = await client.POST('/v1/stripe/connections/{id}/webhook_secret', {
      ...conn(connection.id),
      body: { secret: 'nope' },
    });
    expect(refused.error?.error.param).toBe('secret');
    await client.POST('/v1/stripe/connections/{id}/webhook_secret', {
      ...conn(connection.id),
      body: { secret: old },
    });
  });
});

describe('health and reconciliation', () => {
  it('reports a disabled endpoint with what to do, and recovers the events it missed', async () => {
    const healthOf = async (id: string) =>
      (await client.GET('/v1/stripe/connections/{id}/health', conn(id))).data!;
    expect(await healthOf(connection.id)).toMatchObject({ healthy: true, api_key_works: true });
    await env.stripe.webhookEndpoints.update(connection.webhook.endpoint_id!, { disabled: true });
    const health = await healthOf(connection.id);
    expect(health.healthy).toBe(false);
    expect(health.problems.map((p) => p.code)).toContain('webhook_disabled');
    expect(health.problems[0]?.message).toContain('enable it');

    const missed = await env.stripe.customers.create({ email: 'missed@example.com' });
    await drained(env.db.database, { emulator: env.emulator });
    const hasMissed = async () =>
      (await inbox()).some(
        (e) =>
          (e.payload as { data: { object: { id: string } } }).data.object.id === missed.id &&
          e.processed_at !== null,
      );
    expect(await hasMissed()).toBe(false);

    const job = await client.POST('/v1/stripe/connections/{id}/reconcile', conn(connection.id));
    expect(job.response.status).toBe(202);
    expect(job.data).toMatchObject({ object: 'job', name: expect.any(String) });
    await eventually(hasMissed);
    const recovered = (await inbox()).find(
      (e) => (e.payload as { data: { object: { id: string } } }).data.object.id === missed.id,
    );
    expect(recovered?.source).toBe('reconciliation');

    // Reconciling again finds nothing new: no event is taken twice.
    const before = (await inbox()).length;
    await client.POST('/v1/stripe/connections/{id}/reconcile', conn(connection.id));
    await drained(env.db.database, { emulator: env.emulator });
    expect((await inbox()).length).toBe(before);

    const repaired = await client.POST('/v1/stripe/connections/{id}/webhook', conn(connection.id));
    expect(repaired.data?.webhook.endpoint_id).not.toBe(connection.webhook.endpoint_id);
    connection = repaired.data!;
    expect((await healthOf(connection.id)).healthy).toBe(true);
  });

  it('disconnecting removes the endpoint in Stripe and refuses further events', async () => {
    const done = await client.POST('/v1/stripe/connections/{id}/disconnect', conn(connection.id));
    expect(done.data).toMatchObject({ status: 'disconnected' });
    const endpoints = await env.stripe.webhookEndpoints.list();
    expect(endpoints.data.map((e) => e.id)).not.toContain(connection.webhook.endpoint_id);
    const body = eventBody('evt_after_disconnect');
    const res = await post(
      body,
      Stripe.webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_whatever_whatever' }),
    );
    expect(res.statusCode).toBe(410);
    expect((await inbox()).length).toBeGreaterThan(0); // the data already synced stays
  });

  it('a restricted key that may not create endpoints gets manual set-up, then works with the secret given', async () => {
    const res = await client.POST('/v1/stripe/connections', {
      body: { api_key: 'rk_test_restricted_key_1234' },
    });
    expect(res.response.status).toBe(200);
    const manual = res.data!;
    expect(manual.webhook).toMatchObject({
      setup: 'manual',
      endpoint_id: null,
      secret_configured: false,
      url: `${env.baseUrl}/webhooks/stripe/${manual.id}`,
    });
    expect(manual.webhook.events).toContain('charge.refunded');
    const health = (await client.GET('/v1/stripe/connections/{id}/health', conn(manual.id))).data!;
    expect(health.problems.map((p) => p.code)).toContain('webhook_secret_missing');
    const body = eventBody('evt_manual_1');
    const signed = Stripe.webhooks.generateTestHeaderString({
      payload: body,
      secret: 'whsec_manualmanualmanual12',
    });
    expect((await post(body, signed, manual.id)).json().error.code).toBe('webhook_secret_missing');
    await client.POST('/v1/stripe/connections/{id}/webhook_secret', {
      ...conn(manual.id),
      body: { secret: 'whsec_manualmanualmanual12' },
    });
    expect((await post(body, signed, manual.id)).statusCode).toBe(200);
    expect((await client.GET('/v1/stripe/connections/{id}/health', conn(manual.id))).data?.healthy).toBe(
      true,
    );
  });
});
