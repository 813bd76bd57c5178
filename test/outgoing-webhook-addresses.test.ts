import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SecretBox } from '../src/crypto/secret-box.js';
import { OutgoingWebhookRunner } from '../src/jobs/outgoing-webhook-runner.js';
import { postWebhook, type ResolveHost } from '../src/services/webhook-request.js';
import { api, eventually, startTestApp, type TestApp } from './helpers/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver.js';

/**
 * Outgoing webhooks cannot reach inside: with the address guard on (the default), an endpoint URL that points
 * at the network Vouch runs in is refused when saved, and an endpoint that gets there anyway (changed in the
 * database, or a name that resolves inside when the delivery is sent) is refused at delivery with no
 * connection made. The receiver listens on 127.0.0.1: anything it gets is a connection the guard let through.
 */

let t: TestApp;
/** This test's receiver: what it gets is what the guard let through. */
let receiver: WebhookReceiver;
/** The same box startTestApp seals endpoint secrets with. */
const box = new SecretBox('d'.repeat(64));

beforeAll(async () => {
  t = await startTestApp({ stripe: true });
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  receiver = await startWebhookReceiver();
});
// Endpoints hear about every event: each test removes its own, pass or fail, so the next starts clean.
afterEach(async () => {
  await receiver.close();
  await t.db.database.db.deleteFrom('webhook_endpoints').execute();
});

const NOT_PUBLIC = /^Not sent: the endpoint's address is not public\. .*VOUCH_WEBHOOK_ALLOW_PRIVATE=true/;

async function endpoint(url: string, eventTypes = ['referrer.created']) {
  const res = await api(t, 'POST', '/v1/webhook_endpoints', { url, event_types: eventTypes });
  expect(res.status).toBe(200);
  return res.body as { id: string; secret: string };
}

/** Points an endpoint somewhere behind the API's back, as a database edit or an older version could. */
async function moveInDatabase(id: string, url: string) {
  await t.db.database.db.updateTable('webhook_endpoints').set({ url }).where('id', '=', id).execute();
}

async function referrerCreated() {
  const c = (await api(t, 'POST', '/v1/campaigns', { name: `Guard ${Math.random()}`, status: 'live' })).body;
  const email = `g${Math.random()}@example.com`;
  const res = await api(t, 'POST', `/v1/campaigns/${c.id}/referrers`, { email, first_name: 'Gail' });
  expect(res.status).toBe(200);
}

const deliveriesOf = async (endpointId: string) =>
  (await api(t, 'GET', `/v1/webhook_endpoints/${endpointId}/deliveries`)).body.data as Array<{
    id: string;
    status: string;
    attempt_count: number;
    last_status_code: number | null;
    last_error: string | null;
  }>;

function runner(options: { allowPrivate: boolean; resolveHost: ResolveHost }) {
  return new OutgoingWebhookRunner({
    database: t.db.database,
    box,
    logger: pino({ level: 'silent' }),
    now: () => new Date(),
    publicUrl: 'http://vouch.test',
    pollMs: 20,
    maxAttempts: 1,
    ...options,
  });
}

describe('webhook endpoint URLs that point inside', () => {
  const inside = [
    ['http://127.0.0.1:8080/', /127\.0\.0\.1, a loopback address.*VOUCH_WEBHOOK_ALLOW_PRIVATE=true/],
    ['http://localhost:5432/', /localhost, a host name that only means something inside/],
    ['http://10.0.0.5/hook', /10\.0\.0\.5, a private network address/],
    ['http://172.16.3.4/', /private network address/],
    ['http://192.168.1.1/', /private network address/],
    ['http://100.64.0.1/', /private network address/],
    ['http://169.254.169.254/latest/meta-data/', /link-local address.*never delivers there/],
    ['http://[fe80::1]/', /link-local address/],
    ['http://[fd00::1]/', /unique-local/],
    ['http://0.0.0.0:3000/', /the unspecified address/],
    ['http://[::]/', /the unspecified address/],
    ['http://[::1]/', /loopback/],
    ['http://224.0.0.1/', /multicast/],
    ['http://255.255.255.255/', /broadcast/],
    ['http://240.0.0.1/', /reserved/],
    ['http://[::ffff:127.0.0.1]/', /loopback/],
    ['http://2130706433/', /127\.0\.0\.1, a loopback address/],
    ['http://0x7f.1/', /127\.0\.0\.1, a loopback address/],
    ['http://127.1/', /127\.0\.0\.1, a loopback address/],
    ['http://metadata.google.internal/computeMetadata/v1/', /cloud metadata service/],
    ['http://metadata/', /cloud metadata service/],
    ['http://instance-data/latest/', /cloud metadata service/],
    ['https://user:pw@hooks.example.com/', /user name or password/],
    ['ftp://hooks.example.com/', /http:\/\/ or https:\/\//],
    ['file:///etc/passwd', /http:\/\/ or https:\/\//],
  ] as const;

  it('are refused when an endpoint is created, saying why and how to allow private ones', async () => {
    for (const [url, why] of inside) {
      const res = await api(t, 'POST', '/v1/webhook_endpoints', { url, event_types: ['lead.created'] });
      expect([url, res.status, res.body.error.code, res.body.error.param]).toEqual([
        url,
        400,
        'parameter_invalid',
        'url',
      ]);
      expect([url, res.body.error.message]).toEqual([url, expect.stringMatching(why)]);
    }
    const listed = (await api(t, 'GET', '/v1/webhook_endpoints?limit=100')).body.data;
    expect(listed).toEqual([]);
  });

  it('are refused when an endpoint URL is changed, which keeps its URL', async () => {
    const e = await endpoint('https://hooks.example.com/vouch');
    for (const [url, why] of inside) {
      const res = await api(t, 'POST', `/v1/webhook_endpoints/${e.id}`, { url });
      expect([url, res.status, res.body.error.param]).toEqual([url, 400, 'url']);
      expect([url, res.body.error.message]).toEqual([url, expect.stringMatching(why)]);
    }
    expect((await api(t, 'GET', `/v1/webhook_endpoints/${e.id}`)).body.url).toBe(
      'https://hooks.example.com/vouch',
    );
    const fine = await api(t, 'POST', `/v1/webhook_endpoints/${e.id}`, {
      url: 'http://93.184.216.34:8080/x',
    });
    expect(fine.status).toBe(200);
  });
});

describe('deliveries to addresses that are not public', () => {
  it('are refused for an endpoint moved inside in the database: pings and replays connect to nothing', async () => {
    const e = await endpoint('https://hooks.example.com/vouch');
    await moveInDatabase(e.id, receiver.url);
    const ping = await api(t, 'POST', `/v1/webhook_endpoints/${e.id}/test`);
    expect(ping.body).toMatchObject({ status: 'failed', attempt_count: 1, last_status_code: null });
    expect(ping.body.last_error).toMatch(NOT_PUBLIC);
    expect(ping.body.attempts).toEqual([expect.objectContaining({ trigger: 'test', status_code: null })]);

    for (const url of [
      `http://localhost:${receiver.port}/vouch-events`,
      `http://[::ffff:127.0.0.1]:${receiver.port}/vouch-events`,
      `http://2130706433:${receiver.port}/vouch-events`,
    ]) {
      await moveInDatabase(e.id, url);
      const replay = await api(t, 'POST', `/v1/webhook_deliveries/${ping.body.id}/replay`);
      expect([url, replay.body.attempts.at(-1)]).toEqual([
        url,
        expect.objectContaining({
          trigger: 'replay',
          status_code: null,
          error: expect.stringMatching(NOT_PUBLIC),
        }),
      ]);
    }
    // Every attempt is in the log (each answer came after it was recorded): none reached the receiver.
    expect((await api(t, 'GET', `/v1/webhook_deliveries/${ping.body.id}`)).body.attempt_count).toBe(4);
    expect(receiver.received).toEqual([]);
  });

  it('are refused when a public-looking name resolves inside at send time (DNS rebinding)', async () => {
    const asked: string[] = [];
    const rebinding: ResolveHost = async (hostname) => {
      asked.push(hostname);
      return [{ address: '127.0.0.1', family: 4 }];
    };
    // Public when saved (names are not resolved then); inside when the runner sends.
    const e = await endpoint(`http://hooks.example.com:${receiver.port}/vouch-events`);
    const guarded = runner({ allowPrivate: false, resolveHost: rebinding });
    guarded.start();
    try {
      await referrerCreated();
      await eventually(async () => (await deliveriesOf(e.id))[0]?.attempt_count === 1);
    } finally {
      await guarded.stop();
    }
    const [d] = await deliveriesOf(e.id);
    expect(d).toMatchObject({ status: 'failed', last_status_code: null });
    expect(d!.last_error).toMatch(NOT_PUBLIC);
    expect(asked).toContain('hooks.example.com');
    expect(receiver.received).toEqual([]);
  });

  it('are refused when any one of the addresses a name resolves to is inside', async () => {
    const result = await postWebhook(
      `http://hooks.example.com:${receiver.port}/vouch-events`,
      '{}',
      {},
      {
        timeoutMs: 2000,
        policy: { allowPrivate: false },
        resolveHost: async () => [
          { address: '127.0.0.1', family: 4 },
          { address: '93.184.216.34', family: 4 },
        ],
      },
    );
    expect(result).toMatchObject({ ok: false, statusCode: null, error: expect.stringMatching(NOT_PUBLIC) });
    expect(receiver.received).toEqual([]);
  });

  it('go to exactly the resolved address when private delivery is allowed, keeping the host name', async () => {
    const e = await endpoint(`http://hooks.example.com:${receiver.port}/vouch-events`);
    receiver.secret = e.secret;
    const allowed = runner({
      allowPrivate: true,
      resolveHost: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    allowed.start();
    try {
      await referrerCreated();
      await eventually(async () => (await deliveriesOf(e.id))[0]?.status === 'succeeded');
    } finally {
      await allowed.stop();
    }
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ verified: true, event: { type: 'referrer.created' } });
    expect(receiver.received[0]!.headers.host).toBe(`hooks.example.com:${receiver.port}`);
  });

  it('that fail to connect say so without naming the cause, so ports cannot be told apart', async () => {
    const closed = await startWebhookReceiver();
    await closed.close();
    const result = await postWebhook(
      `http://127.0.0.1:${closed.port}/`,
      '{}',
      {},
      {
        timeoutMs: 2000,
        policy: { allowPrivate: true },
        resolveHost: async () => [],
      },
    );
    expect(result).toMatchObject({
      ok: false,
      statusCode: null,
      error: 'Could not deliver: no connection to the endpoint, or it closed the connection before answering',
    });
  });
});
