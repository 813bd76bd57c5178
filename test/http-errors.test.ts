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
});
