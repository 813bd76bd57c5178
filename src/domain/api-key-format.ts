import { createHash, randomBytes } from 'node:crypto';

export type ApiKeyKind = 'secret' | 'publishable';

const PREFIX: Record<ApiKeyKind, string> = { secret: 'vch_sk_', publishable: 'vch_pk_' };
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KEY_PATTERN = /^vch_(sk|pk)_[A-Za-z0-9]{32,128}$/;

/** A new key with 40 base62 characters (about 238 bits of entropy). */
export function generateApiKey(kind: ApiKeyKind): string {
  const chars: string[] = [];
  while (chars.length < 40) {
    for (const byte of randomBytes(64)) {
      // 248 = 4 * 62: rejecting larger bytes keeps every character equally likely.
      if (byte < 248 && chars.length < 40) chars.push(BASE62[byte % 62]!);
    }
  }
  return PREFIX[kind] + chars.join('');
}

/** The kind a well-formed key claims, or undefined for anything that is not a Vouch key. */
export function apiKeyKind(key: string): ApiKeyKind | undefined {
  const match = KEY_PATTERN.exec(key);
  if (!match) return undefined;
  return match[1] === 'sk' ? 'secret' : 'publishable';
}

/**
 * Keys are random and long, so one SHA-256 is enough to make the stored digest useless to a thief
 * (no dictionary to try), and lookups stay one indexed equality match.
 */
export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}
