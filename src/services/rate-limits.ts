import type { Database } from '../db/database.js';
import { rateLimitsRepository } from '../db/repositories/rate-limits.js';
import { rateLimited } from '../errors.js';

/** A limit: at most `max` hits per subject in each fixed window of `windowMs`. */
export type Limit = { name: string; max: number; windowMs: number; message: string };

/**
 * Wrong tokens of one-time links (the owner set-up link, invitations) per client. Tokens have 256 random
 * bits, so guessing is hopeless anyway; this keeps it from even costing database reads.
 */
export const WRONG_LINK_TOKENS: Limit = {
  name: 'link-token-failures',
  max: 20,
  windowMs: 15 * 60_000,
  message:
    'Too many wrong set-up or invitation links from this client; wait, and check the link you were given.',
};

const windowStart = (at: number, windowMs: number) => Math.floor(at / windowMs) * windowMs;
const secondsUntil = (until: number, at: number) => Math.max(1, Math.ceil((until - at) / 1000));

/** Keeps at most `size` entries: the oldest are dropped first, so memory stays bounded under any input. */
function remember<V>(map: Map<string, V>, key: string, value: V, size = 100_000): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > size) map.delete(map.keys().next().value!);
}

/**
 * Limits that protect something (sign-ups, wrong API keys), counted in Postgres so that they hold however
 * many processes serve the API: every hit is one upsert, and a process that has seen a subject go over its
 * limit refuses it without a round trip until the window ends. Another process learns of it at that
 * subject's next hit there, so N processes let at most N - 1 hits past the limit.
 */
export class SharedRateLimiter {
  readonly #blocked = new Map<string, number>();

  constructor(
    private readonly database: Database,
    private readonly now: () => number = Date.now,
  ) {}

  /** Refuses (429) when this process already knows `subject` is over `limit`; costs no round trip. */
  check(limit: Limit, subject: string): void {
    const key = `${limit.name}:${subject}`;
    const until = this.#blocked.get(key);
    if (until === undefined) return;
    const at = this.now();
    if (until <= at) {
      this.#blocked.delete(key);
      return;
    }
    throw rateLimited(limit.message, secondsUntil(until, at));
  }

  /**
   * Refuses (429) when `subject` has used up `limit` in this window, in any process: for limits on failures
   * (wrong passwords), where the attempt that would succeed must be refused too once the limit is reached.
   * One read, no hit.
   */
  async refuseIfSpent(limit: Limit, subject: string): Promise<void> {
    this.check(limit, subject);
    const at = this.now();
    const start = windowStart(at, limit.windowMs);
    const key = `${limit.name}:${subject}`;
    const hits = await rateLimitsRepository(this.database.db).count(key, new Date(start));
    if (hits < limit.max) return;
    const until = start + limit.windowMs;
    remember(this.#blocked, key, until);
    throw rateLimited(limit.message, secondsUntil(until, at));
  }

  /** Counts one hit of `subject`, and refuses (429) the hits past the limit in this window. */
  async hit(limit: Limit, subject: string): Promise<void> {
    this.check(limit, subject);
    const at = this.now();
    const start = windowStart(at, limit.windowMs);
    const key = `${limit.name}:${subject}`;
    const hits = await rateLimitsRepository(this.database.db).hit(key, new Date(start));
    if (hits <= limit.max) return;
    const until = start + limit.windowMs;
    remember(this.#blocked, key, until);
    throw rateLimited(limit.message, secondsUntil(until, at));
  }
}

/**
 * Failures counted in this process only, for limits that shed load rather than guard a secret (a forged
 * webhook signature cannot be guessed however many tries it gets); no database round trip per failure. A
 * subject's window starts at its first failure, so `max` failures in a row are always counted together,
 * wherever the clock's minute turns.
 */
export class FailureCounter {
  readonly #counts = new Map<string, { hits: number; until: number }>();

  constructor(
    private readonly limit: Limit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Refuses (429) a subject with too many recent failures. */
  check(subject: string): void {
    const entry = this.#counts.get(subject);
    const at = this.now();
    if (!entry || entry.until <= at || entry.hits < this.limit.max) return;
    throw rateLimited(this.limit.message, secondsUntil(entry.until, at));
  }

  record(subject: string): void {
    const at = this.now();
    const entry = this.#counts.get(subject);
    if (entry && entry.until > at) entry.hits += 1;
    else
      remember(this.#counts, subject, {
        hits: 1,
        until: at + this.limit.windowMs,
      });
  }
}
