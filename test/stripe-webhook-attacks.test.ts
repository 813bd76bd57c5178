import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pino from 'pino';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../src/db/database.js';
import { loadMigrations } from '../src/db/migrate.js';
import { buildApp } from '../src/http/app.js';
import { apiKeysService } from '../src/services/api-keys.js';
import { StripeGateway } from '../src/stripe/gateway.js';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { api } from './helpers/test-app.js';
import { onPostgres } from './helpers/test-target.js';

// Attacks on POST /webhooks/stripe/{connection}: signed nonsense must be refused for good (a 400 Stripe does
// not retry for days), forged signatures must cost little, and a stalled database must not hang Stripe.
let env: StripeEnv;
let connectionId: string;
let secret: string;

beforeAll(async () => {
  env = await startStripeEnv();
  connectionId = (
    await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_webhook_attacks_key' })
  ).body.id;
  const row = await env.db.database.db
    .selectFrom('connections')
    .select('webhook_secret_sealed')
    .where('id', '=', connectionId)
    .executeTakeFirstOrThrow();
  secret = env.box.decrypt(row.webhook_secret_sealed!);
});
afterAll(async () => env.close());

const now = () => Math.floor(Date.now() / 1000);
const sign = (payload: string, timestamp = now(), key = secret) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret: key, timestamp });

let clients = 0;
function post(
  app: FastifyInstance,
  body: string,
  signature: string,
  options: { ip?: string; id?: string } = {},
) {
  return app.inject({
    method: 'POST',
    url: `/webhooks/stripe/${options.id ?? connectionId}`,
    remoteAddress: options.ip ?? `10.3.0.${++clients % 250}`,
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    payload: body,
  });
}

const event = (fields: Record<string, unknown>) =>
  JSON.stringify({
    id: `evt_${Math.random().toString(36).slice(2)}`,
    object: 'event',
    type: 'customer.created',
    created: now(),
    data: { object: { id: 'cus_attack', object: 'customer' } },
    ...fields,
  });

const stored = (id: string) =>
  env.db.database.db.selectFrom('stripe_events').select('id').where('id', '=', id).executeTakeFirst();

describe('correctly signed but malformed events', () => {
  const cases: Array<[string, string]> = [
    ['no id', event({ id: undefined })],
    ['an empty id', event({ id: '' })],
    ['a created that is not a number', event({ created: 'yesterday' })],
    ['a created far in the future', event({ created: now() + 10 * 365 * 86_400 })],
    ['a negative created', event({ created: -5 })],
    ['a fractional created', event({ created: 1.5 })],
    ['no type', event({ type: undefined })],
    ['no data.object', event({ data: {} })],
    ['a null data.object', event({ data: { object: null } })],
    ['a NUL inside', event({ data: { object: { id: 'cus_\u0000', object: 'customer' } } })],
    ['a NUL in a key', event({ data: { object: { 'id\u0000': 'x', object: 'customer' } } })],
    ['half a surrogate pair', event({}).replace('cus_attack', 'cus_\\ud800')],
    ['a body that is not JSON', 'not json at all'],
    ['a JSON array', '[1, 2, 3]'],
    ['JSON null', 'null'],
  ];
  for (const [what, body] of cases) {
    it(`is refused with a 400 and the reason: ${what}`, async () => {
      const res = await post(env.app, body, sign(body));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'event_malformed', type: 'invalid_request_error' });
      expect(res.json().error.message.length).toBeGreaterThan(30);
    });
  }

  it('a well-formed event still goes in', async () => {
    const body = event({ id: 'evt_attack_fine' });
    expect((await post(env.app, body, sign(body))).statusCode).toBe(200);
    expect(await stored('evt_attack_fine')).toBeDefined();
  });
});

describe('signature timestamps', () => {
  it('a timestamp too far in the future is refused like a stale one', async () => {
    const body = event({ id: 'evt_attack_future' });
    for (const timestamp of [now() + 301, now() + 86_400, now() - 301]) {
      const res = await post(env.app, body, sign(body, timestamp));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('signature_invalid');
    }
    const absurd = `t=${'9'.repeat(30)},v1=${'0'.repeat(64)}`;
    expect((await post(env.app, body, absurd)).json().error.code).toBe('signature_invalid');
    expect(await stored('evt_attack_future')).toBeUndefined();
    // Within the tolerance either way is fine (clocks drift).
    expect((await post(env.app, body, sign(body, now() + 60))).statusCode).toBe(200);
  });
});

describe('failed signature checks', () => {
  it('are throttled per client: past the limit it is refused before any check', async () => {
    const body = event({ id: 'evt_attack_throttled' });
    const forged = sign(body, now(), 'whsec_forgedforgedforgedforged');
    const ip = '10.4.4.4';
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++) statuses.push((await post(env.app, body, forged, { ip })).statusCode);
    expect(statuses.slice(0, 60).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(60)).toEqual([429, 429]);
    // Even a correct signature from that client waits; Stripe's own addresses are not affected.
    const limited = await post(env.app, body, sign(body), { ip });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await post(env.app, body, sign(body), { ip: '10.4.4.5' })).statusCode).toBe(200);
  });

  it('unknown connections count as failures too', async () => {
    const body = event({});
    const ip = '10.4.5.5';
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++)
      statuses.push((await post(env.app, body, sign(body), { ip, id: `conn_${i}` })).statusCode);
    expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
    expect(statuses[60]).toBe(429);
  });
});

describe.runIf(onPostgres())('on a Postgres server', () => {
  it('forged signatures cost no database round trip each: they are answered while the tables are locked', async () => {
    const body = event({ id: 'evt_attack_locked' });
    // Secrets are remembered after a good delivery.
    expect((await post(env.app, body, sign(body))).statusCode).toBe(200);
    const locker = openPostgres(env.db.url!, 1);
    const forged = sign(body, now(), 'whsec_forgedforgedforgedforged');
    try {
      await locker.db.transaction().execute(async (tx) => {
        await sql`lock table connections in access exclusive mode`.execute(tx);
        // Any read of the connection now waits for this transaction (and so would this test, until it timed
        // out); forged signatures are answered without one.
        const answers = await Promise.all(
          Array.from({ length: 20 }, (_, i) => post(env.app, body, forged, { ip: `10.5.0.${i}` })),
        );
        expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(400));
      });
    } finally {
      await locker.close();
    }
  });

  it('a stalled database answers 503 within the statement timeout instead of hanging', async () => {
    // A second API process on the same database, with a short statement timeout.
    const database = openPostgres(env.db.url!, 2, { statementTimeoutMs: 500 });
    const app = await buildApp({
      database,
      logger: pino({ level: 'silent' }),
      apiKeys: apiKeysService(database),
      gateway: new StripeGateway(env.box, env.emulator.url),
      box: env.box,
      publicUrl: env.baseUrl,
      expectedMigration: loadMigrations().at(-1)!.version,
      bodyLimit: 1024 * 1024,
    });
    const locker = openPostgres(env.db.url!, 1);
    const body = event({ id: 'evt_attack_stalled' });
    try {
      // Secrets remembered first, so only the insert meets the lock.
      const warm = event({});
      expect((await post(app, warm, sign(warm))).statusCode).toBe(200);
      await locker.db.transaction().execute(async (tx) => {
        await sql`lock table stripe_events in access exclusive mode`.execute(tx);
        // Without a statement timeout this would wait for the lock, and the test would time out.
        const res = await post(app, body, sign(body));
        expect(res.statusCode).toBe(503);
        expect(res.json().error.code).toBe('database_unavailable');
        expect(res.headers['retry-after']).toBeDefined();
      });
      // Stripe retries, and the event goes in once the database answers again.
      expect((await post(app, body, sign(body))).statusCode).toBe(200);
      expect(await stored('evt_attack_stalled')).toBeDefined();
    } finally {
      await app.close();
      await locker.close();
      await database.close();
    }
  });
});
