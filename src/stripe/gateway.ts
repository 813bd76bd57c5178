import Stripe from 'stripe';
import type { SecretBox } from '../crypto/secret-box.js';
import type { ConnectionRow } from '../db/tables.js';
import { createStripeClient, type StripeClient } from './stripe-client.js';

/**
 * The wall around Stripe: one SDK client per connection, built from its sealed key, pointed at Stripe, the
 * sandbox or STRIPE_API_BASE. Nothing outside src/stripe/ talks to Stripe.
 */
export class StripeGateway {
  #clients = new Map<string, { sealed: string; client: StripeClient }>();

  constructor(
    private readonly box: SecretBox,
    readonly apiBase: string | undefined,
  ) {}

  /** A client for an API key not yet stored (connecting). */
  forKey(apiKey: string, maxNetworkRetries = 2): StripeClient {
    return createStripeClient({ apiBase: this.apiBase, apiKey }, { maxNetworkRetries });
  }

  forConnection(connection: Pick<ConnectionRow, 'id' | 'secret_key_sealed'>): StripeClient {
    const cached = this.#clients.get(connection.id);
    if (cached && cached.sealed === connection.secret_key_sealed) return cached.client;
    const client = this.forKey(this.box.decrypt(connection.secret_key_sealed), 3);
    this.#clients.set(connection.id, { sealed: connection.secret_key_sealed, client });
    return client;
  }

  forget(connectionId: string): void {
    this.#clients.delete(connectionId);
  }

  /**
   * Checks a webhook's signature on the raw body (constant-time, 300 s tolerance, any of the header's v1
   * signatures) against each secret in turn, so a rotated secret keeps working while Stripe switches over.
   */
  verifyWebhook(rawBody: Buffer, signature: string, secrets: string[]): Stripe.Event {
    let lastError: unknown;
    for (const secret of secrets) {
      try {
        return Stripe.webhooks.constructEvent(rawBody, signature, secret, 300);
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError ?? new Error('No webhook secret is configured');
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
