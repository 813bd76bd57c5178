import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  computeSignature,
  generateEndpointSecret,
  parseSignatureHeader,
  signatureHeader,
  verifySignature,
} from '../src/crypto/webhook-signature.js';
import { afterAttempt, defaultRetryDelayMs } from '../src/domain/outgoing-webhooks.js';

const secret = 'whsec_test_secret_for_signatures';
const body = '{"id":"dev_1","object":"event","type":"lead.created","data":{"email":"zoë@example.com"}}';
const t = 1_750_000_000;

describe('outgoing webhook signatures', () => {
  it('sign HMAC-SHA256 of "<t>.<body>" with the whole secret, as the docs say', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(computeSignature(body, secret, t)).toBe(expected);
    expect(computeSignature(Buffer.from(body), secret, t)).toBe(expected);
    expect(signatureHeader(body, [secret], t)).toBe(`t=${t},v1=${expected}`);
  });

  it('verify a good signature within the tolerance, and nothing else', () => {
    const header = signatureHeader(body, [secret], t);
    expect(verifySignature(header, body, secret, { nowSeconds: t + 10 })).toBe(true);
    expect(verifySignature(header, Buffer.from(body), secret, { nowSeconds: t - 10 })).toBe(true);
    // Another secret, another body, an old or future timestamp, a broken or missing header.
    expect(verifySignature(header, body, 'whsec_other', { nowSeconds: t })).toBe(false);
    expect(verifySignature(header, body.replace('zoë', 'zoe'), secret, { nowSeconds: t })).toBe(false);
    expect(verifySignature(header, body, secret, { nowSeconds: t + 301 })).toBe(false);
    expect(verifySignature(header, body, secret, { nowSeconds: t - 301 })).toBe(false);
    expect(verifySignature(header, body, secret, { nowSeconds: t + 3000, toleranceSeconds: 3600 })).toBe(
      true,
    );
    expect(verifySignature(`t=${t}`, body, secret, { nowSeconds: t })).toBe(false);
    expect(verifySignature(header.replace('v1=', 'v0='), body, secret, { nowSeconds: t })).toBe(false);
    expect(verifySignature(undefined, body, secret, { nowSeconds: t })).toBe(false);
    expect(verifySignature('', body, secret, { nowSeconds: t })).toBe(false);
    // The timestamp is signed: moving it breaks the signature.
    const moved = header.replace(`t=${t}`, `t=${t + 1}`);
    expect(verifySignature(moved, body, secret, { nowSeconds: t })).toBe(false);
  });

  it('carry one v1 per secret while a rotated secret still signs; either verifies', () => {
    const header = signatureHeader(body, ['whsec_new', 'whsec_old'], t);
    expect(parseSignatureHeader(header)?.signatures).toHaveLength(2);
    expect(verifySignature(header, body, 'whsec_new', { nowSeconds: t })).toBe(true);
    expect(verifySignature(header, body, 'whsec_old', { nowSeconds: t })).toBe(true);
    expect(verifySignature(header, body, 'whsec_neither', { nowSeconds: t })).toBe(false);
  });

  it('make secrets that differ, with the whsec_ prefix', () => {
    const a = generateEndpointSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    expect(generateEndpointSecret()).not.toBe(a);
  });
});

describe('outgoing webhook retries', () => {
  it('wait 30 s, then four times longer each time, at most 12 h: 8 attempts span about a day', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7].map(defaultRetryDelayMs);
    expect(waits.slice(0, 3)).toEqual([30_000, 120_000, 480_000]);
    expect(waits.at(-1)).toBe(12 * 3600_000);
    const hours = waits.reduce((a, b) => a + b, 0) / 3600_000;
    expect(hours).toBeGreaterThan(20);
    expect(hours).toBeLessThan(25);
  });

  const now = new Date('2025-01-01T00:00:00Z');
  const base = {
    current: { status: 'pending' as const, nextAttemptAt: now },
    maxAttempts: 3,
    retryDelayMs: (n: number) => n * 1000,
    now,
  };

  it('retry a failed automatic attempt after its wait, and fail it after the last', () => {
    expect(afterAttempt({ ...base, trigger: 'automatic', ok: false, attempts: 2 })).toEqual({
      status: 'pending',
      nextAttemptAt: new Date(now.getTime() + 2000),
    });
    expect(afterAttempt({ ...base, trigger: 'automatic', ok: false, attempts: 3 })).toEqual({
      status: 'failed',
      nextAttemptAt: null,
    });
    expect(afterAttempt({ ...base, trigger: 'automatic', ok: true, attempts: 3 }).status).toBe('succeeded');
  });

  it('let a replay succeed a delivery, and leave it as it was when the replay fails', () => {
    const failed = { status: 'failed' as const, nextAttemptAt: null };
    expect(afterAttempt({ ...base, current: failed, trigger: 'replay', ok: true, attempts: 9 }).status).toBe(
      'succeeded',
    );
    expect(afterAttempt({ ...base, current: failed, trigger: 'replay', ok: false, attempts: 9 })).toEqual(
      failed,
    );
    expect(afterAttempt({ ...base, trigger: 'replay', ok: false, attempts: 1 })).toEqual(base.current);
    expect(afterAttempt({ ...base, trigger: 'test', ok: false, attempts: 1 }).status).toBe('failed');
  });
});
