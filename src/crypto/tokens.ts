import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Tokens handed to one person (a session cookie, an invite link, the set-up link): 256 random bits. Only
 * their SHA-256 digest is stored, so a copy of the database opens nothing; they are random and long, so no
 * slow hash is needed.
 */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenDigest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * The CSRF token of a session, derived from its cookie token: a page on another site can make the browser
 * send the cookie but cannot read it, so it cannot know this either. Derived, not stored: the database holds
 * only the cookie token's digest, from which this cannot be made.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update('vouch csrf token\0').update(sessionToken).digest('base64url');
}

/** Compares two secrets in constant time (whatever their lengths, which digests make equal). */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(tokenDigest(given), tokenDigest(expected));
}
