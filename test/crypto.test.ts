import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../src/crypto/passwords.js';
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

  it('ids made in one millisecond count up by one, and a new millisecond draws new randomness', () => {
    const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
    const value = (id: string) =>
      [...id.slice(-16)].reduce((n, c) => n * 32n + BigInt(ALPHABET.indexOf(c)), 0n);
    const now = Date.now() + 60_000;
    const ids = Array.from({ length: 5000 }, () => createId('req', now));
    for (let i = 1; i < ids.length; i++) expect(value(ids[i]!) - value(ids[i - 1]!)).toBe(1n);
    expect(ids.every((id) => id.slice(4, 14) === ids[0]!.slice(4, 14))).toBe(true);
    const next = Array.from({ length: 1000 }, (_, i) => createId('req', now + 1 + i));
    expect(new Set(next.map((id) => id.slice(-16))).size).toBe(1000);
    expect([...ids, ...next].sort()).toEqual([...ids, ...next]);
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

describe('passwords', () => {
  it('are stored as salted scrypt hashes that say how they were made, and verify only the same password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await hashPassword('correct horse battery staple')).not.toBe(hash);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', hash)).toBe(false);
    expect(await verifyPassword('correct horse battery staple', undefined)).toBe(false);
    expect(await verifyPassword('anything', 'not a hash')).toBe(false);
  });

  it('a hash made with other parameters verifies with its own; absurd ones are refused', async () => {
    const salt = Buffer.from('sixteen byte sal');
    const digest = scryptSync('same words typed again', salt, 32, { N: 1024, r: 8, p: 1 });
    const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');
    const older = `$scrypt$ln=10,r=8,p=1$${b64(salt)}$${b64(digest)}`;
    expect(await verifyPassword('same words typed again', older)).toBe(true);
    expect(await verifyPassword('other words typed', older)).toBe(false);
    expect(await verifyPassword('same words typed again', older.replace('ln=10', 'ln=30'))).toBe(false);
  });

  it('the same password composed differently is the same password', async () => {
    const hash = await hashPassword('caf\u00e9 au lait, s\u2019il vous pla\u00eet');
    expect(await verifyPassword('cafe\u0301 au lait, s\u2019il vous pla\u0131\u0302t', hash)).toBe(false);
    expect(await verifyPassword('cafe\u0301 au lait, s\u2019il vous plai\u0302t', hash)).toBe(true);
  });
});
