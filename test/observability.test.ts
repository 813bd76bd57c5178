import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { bearer, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let logs = '';
beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs += chunk.toString();
      done();
    },
  });
  t = await startTestApp({ publicRateLimit: 3, logger: createLogger('trace', sink) });
});
afterAll(async () => t.close());

describe('logs', () => {
  it('carry each request with its id and never an API key', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/api_keys',
      headers: bearer(t.secretKey),
      payload: { name: 'logged' },
    });
    const secret = created.json().secret as string;
    await t.app.inject({ method: 'GET', url: '/v1/api_keys', headers: bearer(secret) });
    await t.app.inject({
      method: 'GET',
      url: '/v1/api_keys',
      headers: { authorization: 'Bearer vch_sk_wrongwrongwrongwrongwrongwrongwrong' },
    });
    expect(logs).toContain(created.headers['request-id'] as string);
    expect(logs).not.toContain(t.secretKey.slice(7));
    expect(logs).not.toContain(secret.slice(7));
    expect(logs).not.toContain('wrongwrongwrong');
  });

  it('redact secret-looking fields a caller logs by mistake', () => {
    let line = '';
    const logger = createLogger(
      'info',
      new Writable({
        write(chunk, _enc, done) {
          line += chunk.toString();
          done();
        },
      }),
    );
    logger.info(
      { secret: 'whsec_abc', connection: { apiKey: 'sk_live_x' }, headers: { authorization: 'Bearer y' } },
      'x',
    );
    expect(line).not.toMatch(/whsec_abc|sk_live_x|Bearer y/);
    expect(line).toContain('[redacted]');
  });
});

describe('public endpoints', () => {
  it('are rate-limited per client, answering 429 in the error shape', async () => {
    const statuses: number[] = [];
    let last:
      | {
          statusCode: number;
          json(): { error: { type: string; code: string } };
          headers: Record<string, unknown>;
        }
      | undefined;
    for (let i = 0; i < 5; i++) {
      last = await t.app.inject({ method: 'GET', url: '/v1/openapi.json' });
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(last!.json().error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limited' });
    expect(last!.headers['retry-after']).toBeDefined();
  });
});
