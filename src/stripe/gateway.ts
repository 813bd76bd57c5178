import Stripe from 'stripe';
import type { SecretBox } from '../crypto/secret-box.js';
import type { ConnectionRow } from '../db/tables.js';
import { RateBudget } from './rate-budget.js';
import { createStripeClient, type StripeClient } from './stripe-client.js';

/** Requests per second Vouch allows itself per Stripe account: Stripe's limits are 25 in test, 100 live. */
export type RateLimits = { test: number; live: number };
export const DEFAULT_RATE_LIMITS: RateLimits = { test: 25, live: 100 };

/** The background jobs that take turns in an account's budget, each in its own lane. */
export type JobLane = 'sync' | 'promotion_codes' | 'rewards';

/**
 * The wall around Stripe: one SDK client per connection, built from its sealed key, pointed at Stripe, the
 * sandbox or STRIPE_API_BASE. Nothing outside src/stripe/ talks to Stripe.
 */
export class StripeGateway {
  /** By connection id and lane. */
  #clients = new Map<string, { sealed: string; client: StripeClient }>();
  #budgets = new Map<string, RateBudget>();

  constructor(
    private readonly box: SecretBox,
    readonly apiBase: string | undefined,
    readonly rateLimits: RateLimits = DEFAULT_RATE_LIMITS,
  ) {}

  /** The request budget of a Stripe account in one mode, shared by every call this process makes to it. */
  budgetFor(connection: Pick<ConnectionRow, 'stripe_account_id' | 'mode'>): RateBudget {
    const key = `${connection.stripe_account_id}:${connection.mode}`;
    let budget = this.#budgets.get(key);
    if (!budget) {
      budget = new RateBudget(this.rateLimits[connection.mode]);
      this.#budgets.set(key, budget);
    }
    return budget;
  }

  /** A client for an API key not yet stored (connecting). */
  forKey(apiKey: string, maxNetworkRetries = 2): StripeClient {
    return createStripeClient({ apiBase: this.apiBase, apiKey }, { maxNetworkRetries });
  }

  /**
   * The connection's client. Calls go through the account's budget: ahead of the jobs' calls, or, with a
   * `lane` (`'sync'`, `'rewards'`, ...), taking turns with the other jobs (see rate-budget.ts).
   */
  forConnection(
    connection: Pick<ConnectionRow, 'id' | 'secret_key_sealed' | 'stripe_account_id' | 'mode'>,
    lane?: JobLane,
  ): StripeClient {
    const key = `${connection.id}:${lane ?? ''}`;
    const cached = this.#clients.get(key);
    if (cached && cached.sealed === connection.secret_key_sealed) return cached.client;
    const client = createStripeClient(
      { apiBase: this.apiBase, apiKey: this.box.decrypt(connection.secret_key_sealed) },
      { maxNetworkRetries: 3, budget: this.budgetFor(connection), ...(lane ? { lane } : {}) },
    );
    this.#clients.set(key, { sealed: connection.secret_key_sealed, client });
    return client;
  }

  forget(connectionId: string): void {
    for (const key of this.#clients.keys()) if (key.startsWith(`${connectionId}:`)) this.#clients.delete(key);
  }
}

export type StripeErrorInfo = { status: number | undefined; type: string | undefined; message: string };

/** What a failed Stripe call said, without the SDK's types leaking out of this folder. */
export function describeStripeError(error: unknown): StripeErrorInfo {
  if (error instanceof Stripe.errors.StripeError) {
    return { status: error.statusCode, type: error.type, message: error.message };
  }
  return {
    status: undefined,
    type: undefined,
    message: error instanceof Error ? error.message : String(error),
  };
}
