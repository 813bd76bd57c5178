/** API key check, restricted-key permissions, optional rate limit and optional seeded fault injection. */
import { StripeApiError } from './errors.js';
import type { State } from './store.js';

/** Stripe's key masking: the first 8 and last 4 characters, stars in between. */
export function maskKey(key: string): string {
  return key.length > 8
    ? `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`
    : key;
}

/** The key from a `Bearer` or `Basic` Authorization header, if any. */
export function keyFromHeader(authorization: string | undefined): string | undefined {
  if (authorization?.startsWith('Bearer ')) return authorization.slice(7).trim() || undefined;
  if (authorization?.startsWith('Basic ')) {
    return Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':')[0] || undefined;
  }
  return undefined;
}

export function isTestKey(key: string): boolean {
  return /^(sk|rk)_test_\w+$/.test(key);
}

export function authenticate(authorization: string | undefined): string {
  const key = keyFromHeader(authorization);
  if (!key) {
    throw new StripeApiError(401, {
      type: 'invalid_request_error',
      message:
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    });
  }
  if (!isTestKey(key)) {
    throw new StripeApiError(401, {
      type: 'invalid_request_error',
      message: `Invalid API Key provided: ${maskKey(key)}`,
    });
  }
  return key;
}

/** 401 for an OAuth access token that was deauthorized. */
export function checkNotRevoked(state: State, key: string): void {
  if (!state.oauthTokens.get(key)?.revoked) return;
  throw new StripeApiError(401, {
    type: 'invalid_request_error',
    code: 'api_key_expired',
    message: `Expired API Key provided: ${maskKey(key)}. Platform access may have been revoked.`,
  });
}

/** 403 when a restricted (`rk_`) key calls a route that needs a permission restricted keys lack. */
export function checkPermission(state: State, key: string, permission: string | undefined): void {
  if (!permission || !key.startsWith('rk_')) return;
  throw new StripeApiError(403, {
    type: 'invalid_request_error',
    message: `The provided key '${maskKey(key)}' does not have the required permissions for this endpoint on account '${state.accountId}'. Having the '${permission}' permission would allow this request to continue.`,
  });
}

/**
 * At most `perSecond` requests in any sliding second, like Stripe; the rest get 429. 0 turns it off.
 * Accepted request times are kept oldest first in `times`; those before `head` have left the window.
 * Advancing `head` and compacting only when it passes half the array keeps each check O(1) amortised.
 */
export class RateLimiter {
  private times: number[] = [];
  private head = 0;
  private perSecond = 0;
  private limited = 0;
  private passed = 0;

  constructor(perSecond = 0) {
    this.set(perSecond);
  }

  /** Changes the limit; the requests of the last second still count. 0 turns the limiter off. */
  set(perSecond: number): void {
    if (!Number.isFinite(perSecond) || perSecond < 0) {
      throw new RangeError(`rate limit must be a finite number >= 0, got ${perSecond}`);
    }
    this.perSecond = perSecond;
    if (perSecond === 0) {
      this.times = [];
      this.head = 0;
    }
  }

  /** Requests answered 429 so far. */
  get rejected(): number {
    return this.limited;
  }

  /** Requests let through so far (all of them while there is no limit): what Stripe would have counted. */
  get accepted(): number {
    return this.passed;
  }

  check(now = performance.now()): void {
    if (this.perSecond === 0) {
      this.passed++;
      return;
    }
    const times = this.times;
    let head = this.head;
    while (head < times.length && (times[head] ?? 0) <= now - 1000) head++;
    if (head >= 1024 && head * 2 >= times.length) {
      times.splice(0, head);
      head = 0;
    }
    this.head = head;
    if (times.length - head >= this.perSecond) {
      this.limited++;
      throw new StripeApiError(429, {
        type: 'rate_limit_error',
        code: 'rate_limit',
        message:
          'Request rate limit exceeded. You can learn more about rate limits here https://stripe.com/docs/rate-limits.',
      });
    }
    times.push(now);
    this.passed++;
  }
}

/** mulberry32: small deterministic PRNG so a seed gives the same fault sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class FaultInjector {
  private readonly random: () => number;
  private rate: number;
  private pathPrefix: string | undefined;

  constructor(rate: number, seed: number) {
    this.rate = rate;
    this.random = seededRandom(seed);
  }

  /** Changes the fault rate, optionally only for paths that start with `pathPrefix` (e.g. `/v1/refunds`). */
  set(rate: number, pathPrefix?: string): void {
    this.rate = rate;
    this.pathPrefix = pathPrefix;
  }

  check(path: string): void {
    if (this.pathPrefix !== undefined && !path.startsWith(this.pathPrefix)) return;
    if (this.rate > 0 && this.random() < this.rate) {
      throw new StripeApiError(500, {
        type: 'api_error',
        message: 'An unexpected error occurred (injected by the emulator failRate option).',
      });
    }
  }
}
