import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StripeEnv, startStripeEnv } from './helpers/stripe-env.js';
import { api } from './helpers/test-app.js';

// Walks the OpenAPI document and sends every operation hostile input, over real HTTP: no answer may be a
// 5xx, every error must come in the one shape with its request id, and the process must stay up.

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; anyOf?: Schema[] };
type Operation = {
  parameters?: Array<{ in: 'path' | 'query'; name: string }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
};
type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };
type Probe = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  label: string;
};

let env: StripeEnv;
let port: number;
const ids: Record<string, string> = {};

/** One request over a fresh socket, with the path sent exactly as given (bad escapes included). */
function send(probe: Probe): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: probe.method.toUpperCase(),
        path: probe.path,
        headers: { authorization: `Bearer ${env.secretKey}`, ...probe.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    req.end(probe.body);
  });
}

const NUL = 'a\u0000b';
const HUGE = 'x'.repeat(900 * 1024);
const DEEP = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;

/** Values that are wrong for almost any field: wrong types, text Postgres cannot hold, huge and deep. */
const HOSTILE_VALUES: Array<[string, string]> = [
  ['nul', JSON.stringify(NUL)],
  ['lone surrogate', '"a\\ud800b"'],
  ['number', '1e308'],
  ['negative', '-1'],
  ['boolean', 'true'],
  ['null', 'null'],
  ['object', '{"nested":{"deeper":[1,"2",null]}}'],
  ['nul key', '{"a\\u0000":"b"}'],
  ['array', '["a",1,{}]'],
];

const HOSTILE_IDS = [
  '%00',
  'a%00b',
  '%E0%A4%A',
  '%ZZ',
  'a'.repeat(64),
  'a'.repeat(101),
  'a'.repeat(5000),
  '..%2F..%2Fetc%2Fpasswd',
  '%F0%9F%98%80',
  "x'%20or%20'1'='1",
  'cmp_00000000000000000000000000',
];

const HOSTILE_QUERY = ['%00', 'a%00b', '-1', 'abc', '1e999', '%E0%A4%A', 'x'.repeat(3000), '%ud800'];

/** A real id for a path parameter, so hostile bodies and queries reach the code behind the lookup. */
function realId(path: string, name: string): string {
  if (name === 'slug') return ids.slug!;
  if (name === 'campaignId') return ids.campaign!;
  if (name === 'event_id') return 'evt_unknown';
  if (name === 'connection_id' || path.startsWith('/v1/stripe/connections')) return ids.connection!;
  if (path.startsWith('/v1/campaigns')) return ids.campaign!;
  if (path.startsWith('/v1/referrers')) return ids.referrer!;
  if (path.startsWith('/v1/leads')) return ids.lead!;
  if (path.startsWith('/v1/api_keys')) return ids.apiKey!;
  if (path.startsWith('/v1/webhook_endpoints')) return ids.endpoint!;
  return 'x_00000000000000000000000000';
}

const fill = (path: string, pick: (name: string) => string) =>
  path.replace(/\{([a-z_]+)\}/g, (_, name: string) => pick(name));

function propertiesOf(schema: Schema | undefined): string[] {
  if (!schema) return [];
  const own = Object.keys(schema.properties ?? {});
  return own.length > 0 ? own : (schema.anyOf ?? []).flatMap((s) => Object.keys(s.properties ?? {}));
}

function probesFor(path: string, method: string, op: Operation): Probe[] {
  const probes: Probe[] = [];
  const json = { 'content-type': 'application/json' };
  const withIds = fill(path, (name) => realId(path, name));
  const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
  const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const takesBody = Boolean(op.requestBody);
  const base = (label: string, extra: Partial<Probe>): Probe => ({ method, path: withIds, label, ...extra });

  for (const bad of HOSTILE_IDS)
    for (const name of pathParams)
      probes.push({
        method,
        path: fill(path, (n) => (n === name ? bad : realId(path, n))),
        label: `path ${name}=${bad.slice(0, 20)}`,
        ...(takesBody ? { headers: json, body: '{}' } : {}),
      });
  for (const name of [...queryParams, 'unknown_parameter'])
    for (const bad of HOSTILE_QUERY)
      probes.push(base(`query ${name}=${bad.slice(0, 20)}`, { path: `${withIds}?${name}=${bad}` }));
  probes.push(base('query repeated', { path: `${withIds}?limit=1&limit=2` }));

  if (takesBody || method !== 'get') {
    probes.push(base('no body', {}));
    probes.push(base('empty object', { headers: json, body: '{}' }));
    probes.push(base('invalid JSON', { headers: json, body: '{"a": ' }));
    probes.push(base('JSON array', { headers: json, body: '[1,2]' }));
    probes.push(base('JSON string', { headers: json, body: '"x"' }));
    probes.push(base('text/plain', { headers: { 'content-type': 'text/plain' }, body: 'hello' }));
    probes.push(base('xml', { headers: { 'content-type': 'application/xml' }, body: '<a>b</a>' }));
    probes.push(
      base('form', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' }),
    );
    probes.push(base('csv', { headers: { 'content-type': 'text/csv' }, body: 'email\n\u0000x@example.com' }));
    probes.push(base('over the body limit', { headers: json, body: JSON.stringify({ a: HUGE + HUGE }) }));
    probes.push(base('unknown field', { headers: json, body: '{"unknown_field":1}' }));
    probes.push(base('deep nesting', { headers: json, body: `{"a":${DEEP}}` }));
  }
  const schema = op.requestBody?.content['application/json']?.schema;
  const fields = propertiesOf(schema);
  for (const field of fields)
    for (const [label, value] of HOSTILE_VALUES)
      probes.push(base(`${field}=${label}`, { headers: json, body: `{"${field}":${value}}` }));
  // The heavy ones once per operation, in its first field: a string of almost 1 MB and deep nesting.
  if (fields[0]) {
    const field = fields[0];
    probes.push(
      base(`${field}=1 MB string`, { headers: json, body: `{"${field}":${JSON.stringify(HUGE)}}` }),
    );
    probes.push(base(`${field}=deep nesting`, { headers: json, body: `{"${field}":${DEEP}}` }));
  }
  return probes;
}

function check(probe: Probe, answer: Answer): string | undefined {
  const where = `${probe.method.toUpperCase()} ${probe.path.slice(0, 80)} [${probe.label}]`;
  if (answer.status >= 500) return `${where}: ${answer.status} ${answer.body.slice(0, 200)}`;
  if (answer.status < 400) return undefined;
  const type = String(answer.headers['content-type'] ?? '');
  if (type.startsWith('text/html')) return undefined; // hosted pages answer errors as pages
  let parsed: { error?: { type?: string; code?: string; message?: string; request_id?: string } };
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    return `${where}: ${answer.status} is not JSON: ${answer.body.slice(0, 120)}`;
  }
  const error = parsed.error;
  const keys = Object.keys(parsed);
  if (keys.length !== 1 || !error?.type || !error.code || !error.message || !error.request_id)
    return `${where}: ${answer.status} is not the one error shape: ${answer.body.slice(0, 160)}`;
  if (answer.headers['request-id'] !== error.request_id)
    return `${where}: the request-id header does not match the body`;
  return undefined;
}

beforeAll(async () => {
  env = await startStripeEnv({
    publicLimits: {
      signupsPerClient: 1_000_000,
      signupsPerReferrer: 1_000_000,
      authFailuresPerClient: 1_000_000,
    },
    publicRateLimit: 1_000_000,
  });
  port = Number(new URL(env.baseUrl).port);
  ids.connection = (await api(env, 'POST', '/v1/stripe/connections', { api_key: 'sk_test_hostile' })).body.id;
  ids.campaign = (
    await api(env, 'POST', '/v1/campaigns', {
      name: 'Hostile',
      status: 'live',
      connection_id: ids.connection,
    })
  ).body.id;
  const referrer = (
    await api(env, 'POST', `/v1/campaigns/${ids.campaign}/referrers`, {
      email: 'target@example.com',
      first_name: 'Target',
    })
  ).body;
  ids.referrer = referrer.id;
  ids.slug = referrer.slug;
  ids.lead = (
    await api(env, 'POST', `/v1/campaigns/${ids.campaign}/leads`, {
      email: 'friend@example.com',
      referrer: referrer.id,
    })
  ).body.id;
  ids.apiKey = (await api(env, 'POST', '/v1/api_keys', { name: 'victim key' })).body.id;
  ids.endpoint = (
    await api(env, 'POST', '/v1/webhook_endpoints', {
      url: 'https://hooks.example.com/vouch',
      event_types: ['lead.created'],
    })
  ).body.id;
}, 60_000);
afterAll(async () => env.close());

describe('hostile input on every operation', () => {
  it('never gets a 5xx, always the one error shape, and the process stays up', async () => {
    const doc = JSON.parse((await send({ method: 'get', path: '/v1/openapi.json', label: 'doc' })).body);
    const probes: Probe[] = [];
    for (const [path, methods] of Object.entries<Record<string, Operation>>(doc.paths))
      for (const [method, op] of Object.entries(methods)) probes.push(...probesFor(path, method, op));
    // The hosted pages are left out of the document; they take the same treatment.
    for (const path of ['/join/{campaignId}', '/invite/{slug}']) {
      const op: Operation = {
        parameters: [{ in: 'path', name: path.includes('slug') ? 'slug' : 'campaignId' }],
      };
      for (const method of ['get', 'post']) probes.push(...probesFor(path, method, op));
    }
    for (const [label, encoded] of [
      ['nul', 'a%00b%40example.com'],
      ['lone surrogate', 'a%ED%A0%80b%40example.com'],
      ['bad escape', 'a%E0%A4%A'],
    ])
      for (const page of [`/join/${ids.campaign}`, `/invite/${ids.slug}`])
        probes.push({
          method: 'post',
          path: page,
          label: `form email=${label}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `email=${encoded}&first_name=x`,
        });
    expect(probes.length).toBeGreaterThan(1500);

    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < probes.length) {
        const probe = probes[next++]!;
        const problem = check(probe, await send(probe));
        if (problem) failures.push(problem);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(failures.slice(0, 30)).toEqual([]);
    expect((await send({ method: 'get', path: '/healthz', label: 'alive' })).status).toBe(200);
  }, 120_000);
});
