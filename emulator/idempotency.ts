/** `Idempotency-Key` store: replays the first response; a reused key with other params is an error. */
import { StripeApiError } from './errors.js';

export interface StoredResponse {
  fingerprint: string;
  status: number;
  payload: string;
}

const MAX_KEYS = 20_000;

export class IdempotencyStore {
  private readonly entries = new Map<string, StoredResponse>();

  /** Returns the stored response for a replay, throws for a mismatch, undefined for a new key. */
  check(scope: string, key: string, fingerprint: string): StoredResponse | undefined {
    const found = this.entries.get(`${scope}:${key}`);
    if (!found) return undefined;
    if (found.fingerprint !== fingerprint) {
      throw new StripeApiError(400, {
        type: 'idempotency_error',
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      });
    }
    return found;
  }

  save(scope: string, key: string, response: StoredResponse): void {
    this.entries.set(`${scope}:${key}`, response);
    if (this.entries.size > MAX_KEYS) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
