import { type AddressInfo, connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ bodyLimit: 2048 });
});
afterAll(async () => t.close());

type ErrorBody = {
  error: { type: string; code: string; message: string; param?: string; request_id: string };
};

function expectErrorShape(
  res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
) {
  expect(res.statusCode).toBe(status);
  const body = res.json() as ErrorBody;
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.request_id).toMatch(/^req_[0-9a-z]{26}$/);
  expect(res.headers['request-id']).toBe(body.error.request_id);
  expect(body.error.message.length).toBeGreaterThan(10);
  return body.error;
}

describe('one error shape for bad input', () => {
  it('invalid JSON is a 400 invalid_json', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/api_keys',
      headers: { ...bearer(t.secretKey), 'content-type': 'application/json' },
      payload: '{"name": "x",',
    });
    const error = expectErrorShape(res, 400);
    expect(error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_json' });
  });

  it('an empty JSON body says to send an object', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/api_keys',
      headers: { ...bearer(t.secretKey), 'content-type': 'application/json' },
      payload: '',
    });
    expect(expectErrorShape(res, 400).code).toBe('invalid_json');
  });

  it('a wrong content type is a 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/api_keys',
      headers: { ...bearer(t.secretKey), 'content-type': 'text/csv' },
      payload: 'name\nx',
    });
    const error = expectErrorShape(res, 415);
    expect(error.code).toBe('unsupported_media_type');
    expect(error.message).toContain('application/json');
  });

  it('an unknown field is named in param', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/api_keys',
      headers: bearer(t.secretKey),
      payload: { name: 'ok', colour: 'blue' },
    });
    const error = expectErrorShape(res, 400);
    expect(error).toMatchObject({ code: 'parameter_unknown', param: 'colour' });
  });

  it('a missing required field is named in param', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/api_keys',
      headers: bearer(t.secretKey),
      payload: {},
    });
    expect(expectErrorShape(res, 400)).toMatchObject({ code: 'parameter_missing', param: 'name' });
  });

  it('a field of the wrong kind says what is accepted', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/api_keys',
      headers: bearer(t.secretKey),
      payload: { name: 'x', kind: 'admin' },
    });
    const error = expectErrorShape(res, 400);
    expect(error).toMatchObject({ code: 'parameter_invalid', param: 'kind' });
    expect(error.message).toMatch(/secret.*publishable/);
  });

  it('an oversized body is a 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/api_keys',
      headers: bearer(t.secretKey),
      payload: { name: 'x'.repeat(5000) },
    });
    expect(expectErrorShape(res, 413).code).toBe('body_too_large');
  });

  it('bad pagination parameters are 400s naming the parameter', async () => {
    for (const [query, param] of [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=ten', 'limit'],
      ['starting_after=garbage', 'starting_after'],
      ['starting_after=cmp_01m7z4h91t42tc48nchenhga5e', 'starting_after'],
      ['page=2', 'page'],
    ] as const) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/v1/api_keys?${query}`,
        headers: bearer(t.secretKey),
      });
      expect(expectErrorShape(res, 400).param, query).toBe(param);
    }
  });

  it('an unknown route is a 404 in the same shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/nothing-here', headers: bearer(t.secretKey) });
    expect(expectErrorShape(res, 404).code).toBe('route_not_found');
  });

  it('an unknown object is a 404 resource_missing', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/v1/api_keys/key_nope',
      headers: bearer(t.secretKey),
    });
    expect(expectErrorShape(res, 404)).toMatchObject({
      code: 'resource_missing',
      message: "No such API key: 'key_nope'",
    });
  });

  it('a request id is on every response, success included', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['request-id']).toMatch(/^req_/);
  });

  it('hostile input gets a 4xx in the error shape, never a 5xx', async () => {
    const nasty: Array<{ payload: string; type?: string }> = [
      { payload: '{"__proto__": {"admin": true}, "name": "x"}' },
      { payload: '{"constructor": {"prototype": {"admin": true}}, "name": "x"}' },
      { payload: `${'['.repeat(5000)}${']'.repeat(5000)}` },
      { payload: '{"name": 1e999}' },
      { payload: '{"name": ["a"]}' },
      { payload: '{"name": null}' },
      { payload: '"just a string"' },
      { payload: 'null' },
      { payload: Buffer.from([0xff, 0xfe, 0x00, 0x7b]).toString('latin1') },
      { payload: '<name>x</name>', type: 'application/xml' },
      { payload: 'name=x', type: 'application/x-www-form-urlencoded' },
    ];
    for (const { payload, type } of nasty) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/api_keys',
        headers: { ...bearer(t.secretKey), 'content-type': type ?? 'application/json' },
        payload,
      });
      expect(res.statusCode, payload.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, payload.slice(0, 40)).toBeLessThan(500);
      expect(res.json().error.request_id).toMatch(/^req_/);
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('unknown query parameters are refused everywhere, single-object GETs and body-less POSTs included', async () => {
    const key = (
      await t.app.inject({ method: 'GET', url: '/v1/api_keys', headers: bearer(t.secretKey) })
    ).json().data[0].id;
    for (const [method, url] of [
      ['GET', `/v1/api_keys/${key}?expand=secret`],
      ['GET', '/v1/openapi.json?x=1'],
      ['POST', '/v1/api_keys/key_nope/revoke?force=true'],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: bearer(t.secretKey) });
      expect(expectErrorShape(res, 400), url).toMatchObject({ code: 'parameter_unknown' });
    }
    // A body sent to an endpoint that takes none is refused too, not ignored.
    const res = await t.app.inject({
      method: 'POST',
      url: `/v1/api_keys/${key}/revoke`,
      headers: bearer(t.secretKey),
      payload: { revoke_all: true },
    });
    expect(expectErrorShape(res, 400)).toMatchObject({ code: 'parameter_unknown', param: 'revoke_all' });
    const still = await t.app.inject({
      method: 'GET',
      url: `/v1/api_keys/${key}`,
      headers: bearer(t.secretKey),
    });
    expect(still.json().revoked_at).toBeNull();
  });

  it('text Postgres cannot store is a 400 naming where it was', async () => {
    for (const [url, param] of [
      ['/v1/api_keys/%00', 'id'],
      ['/v1/api_keys?starting_after=key_%00', 'starting_after'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url, headers: bearer(t.secretKey) });
      expect(expectErrorShape(res, 400), url).toMatchObject({ code: 'parameter_invalid', param });
    }
    for (const [payload, param] of [
      ['{"name": "a\\u0000b"}', 'name'],
      ['{"name": "a\\ud800b"}', 'name'],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/api_keys',
        headers: { ...bearer(t.secretKey), 'content-type': 'application/json' },
        payload,
      });
      expect(expectErrorShape(res, 400), payload).toMatchObject({ code: 'parameter_invalid', param });
    }
  });
});

describe('what the HTTP server refuses before any route, in the one shape', () => {
  let port: number;
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });

  /** Sends raw bytes and reads the answer's status, headers and body. */
  function raw(text: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(text));
      let data = '';
      socket.on('data', (d: Buffer) => {
        data += d.toString('latin1');
      });
      socket.on('error', reject);
      socket.on('close', () => {
        const [head = '', body = ''] = data.split('\r\n\r\n');
        const [statusLine = '', ...lines] = head.split('\r\n');
        const headers = Object.fromEntries(
          lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
        );
        resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
      });
    });
  }

  const expectShape = (
    res: { status: number; headers: Record<string, string>; body: string },
    status: number,
  ) => {
    expect(res.status).toBe(status);
    const body = JSON.parse(res.body.includes('{') ? res.body.slice(res.body.indexOf('{')) : res.body);
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.request_id).toMatch(/^req_/);
    expect(res.headers['request-id']).toBe(body.error.request_id);
    return body.error as { code: string };
  };

  it('a URL with a broken escape is a 400 invalid_url', async () => {
    const res = await raw('GET /v1/api_keys/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(expectShape(res, 400).code).toBe('invalid_url');
  });

  it('an over-long path id is a 414', async () => {
    const res = await raw(
      `GET /v1/api_keys/${'a'.repeat(500)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    );
    expect(expectShape(res, 414).code).toBe('uri_too_long');
  });

  it('over-large headers are a 431', async () => {
    const res = await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(expectShape(res, 431).code).toBe('headers_too_large');
  });

  it('a request that is not HTTP is a 400', async () => {
    const res = await raw('HELLO THERE\r\n\r\n');
    expect(expectShape(res, 400).code).toBe('bad_request');
  });
});
