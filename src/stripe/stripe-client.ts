import Stripe from 'stripe';
import type { RateBudget } from './rate-budget.js';

export type StripeClient = Stripe;

/** Where Vouch's Stripe calls go: Stripe itself, the sandbox emulator, or any Stripe-compatible server. */
export type StripeTarget = { apiBase: string | undefined; apiKey: string };

export const STRIPE_API_BASE_DEFAULT = 'https://api.stripe.com';

/**
 * The one place that constructs the SDK. `apiBase` like `http://127.0.0.1:12111` points it elsewhere;
 * retries on 429/5xx and network errors are the SDK's (with Stripe's own backoff and idempotency keys).
 */
export function createStripeClient(
  target: StripeTarget,
  options: { maxNetworkRetries?: number; budget?: RateBudget | undefined } = {},
): StripeClient {
  const base = new URL(target.apiBase ?? STRIPE_API_BASE_DEFAULT);
  const protocol = base.protocol === 'http:' ? 'http' : 'https';
  const budget = options.budget;
  let httpClient: Stripe.HttpClient | undefined;
  if (budget) {
    // Every request, retries included, waits for its turn in the account's budget and holds its place
    // until its answer is back.
    const inner = Stripe.createNodeHttpClient();
    httpClient = {
      getClientName: () => inner.getClientName(),
      makeRequest: async (...args: Parameters<typeof inner.makeRequest>) => {
        const done = await budget.acquire();
        try {
          return await inner.makeRequest(...args);
        } finally {
          done();
        }
      },
    } as unknown as Stripe.HttpClient;
  }
  return new Stripe(target.apiKey, {
    ...(httpClient ? { httpClient } : {}),
    host: base.hostname,
    port: base.port ? Number(base.port) : protocol === 'http' ? 80 : 443,
    protocol,
    maxNetworkRetries: options.maxNetworkRetries ?? 3,
    timeout: 30_000,
    appInfo: { name: 'Vouch' },
  });
}
