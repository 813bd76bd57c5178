/** API key check, optional rate limit and optional seeded fault injection. */
import { StripeApiError } from './errors.js';

export function authenticate(authorization: string | undefined): string {
  let key: string | undefined;
  if (authorization?.startsWith('Bearer ')) key = authorization.slice(7).trim();
  else if (authorization?.startsWith('Basic ')) {
    key = Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':')[0];
  }
  if (!key) {
    throw new StripeApiError(401, {
      type: 'invalid_request_error',
      message:
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    });
  }
  if (!/^(sk|rk)_test_\w+$/.test(key)) {
    const masked =
      key.length > 8 ? `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}` : key;
    throw new StripeApiError(401, {
      type: 'invalid_request_error',
      message: `Invalid API Key provided: ${masked}`,
    });
  }
  return key;
}

/** Fixed one-second window: at most `perSecond` requests per window. */
/** At most `perSecond` requests in any sliding second, like Stripe; the rest get 429. */
export class RateLimiter {
  private readonly recent: number[] = [];

  constructor(private readonly perSecond: number) {}

  check(now = Date.now()): void {
    while (this.recent.length > 0 && this.recent[0]! <= now - 1000) this.recent.shift();
    if (this.recent.length >= this.perSecond) {
      throw new StripeApiError(429, {
        type: 'rate_limit_error',
        code: 'rate_limit',
        message:
          'Request rate limit exceeded. You can learn more about rate limits here https://stripe.com/docs/rate-limits.',
      });
    }
    this.recent.push(now);
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

  constructor(
    private readonly rate: number,
    seed: number,
  ) {
    this.random = seededRandom(seed);
  }

  check(): void {
    if (this.rate > 0 && this.random() < this.rate) {
      throw new StripeApiError(500, {
        type: 'api_error',
        message: 'An unexpected error occurred (injected by the emulator failRate option).',
      });
    }
  }
}
