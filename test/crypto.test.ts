import { describe, expect, it } from 'vitest';
import { SecretBox } from '../src/crypto/secret-box.js';
import { apiKeyKind, generateApiKey, hashApiKey } from '../src/domain/api-key-format.js';
import { createId, isId } from '../src/domain/ids.js';

describe('secret box', () => {
  const box = new SecretBox('a'.repeat(64));

  it('round-trips and never stores the plaintext', () => {
    const sealed = box.encrypt('sk_test_abc123');
    expect(sealed).not.toContain('sk_test');
    expect(box.decrypt(sealed)).toBe('sk_test_abc123');
    expect(box.encrypt('same')).not.toBe(box.encrypt('same'));
  });

  it('refuses a tampered value and a different VOUCH_SECRET', () => {
    const sealed = box.encrypt('whsec_123');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => box.decrypt(parts.join('.'))).toThrow(/could not be decrypted/);
    expect(() => new SecretBox('b'.repeat(64)).decrypt(sealed)).toThrow(/VOUCH_SECRET/);
  });
});

describe('ids and keys', () => {
  it('ids carry their prefix and sort by creation', () => {
    const ids = Array.from({ length: 500 }, () => createId('key'));
    expect(ids.every((id) => isId('key', id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(500);
  });

  it('keys are high-entropy, typed by prefix, and hashed', () => {
    const a = generateApiKey('secret');
    const b = generateApiKey('publishable');
    expect(apiKeyKind(a)).toBe('secret');
    expect(apiKeyKind(b)).toBe('publishable');
    expect(apiKeyKind('vch_sk_short')).toBeUndefined();
    expect(hashApiKey(a).equals(hashApiKey(a))).toBe(true);
    const many = new Set(Array.from({ length: 1000 }, () => generateApiKey('secret')));
    expect(many.size).toBe(1000);
  });
});
