import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import Stripe from 'stripe';
import type { RateBudget } from './rate-budget.js';

export type StripeClient = Stripe;

/** Where Vouch's Stripe calls go: Stripe itself, the sandbox emulator, or any Stripe-compatible server. */
export type StripeTarget = { apiBase: string | undefined; apiKey: string };

export const STRIPE_API_BASE_DEFAULT = 'https://api.stripe.com';

/** How often a request Stripe answered 429 (its rate limit, in use by other traffic) is sent again. */
const RATE_LIMIT_RETRIES = 5;
const rateLimitDelayMs = (attempt: number) => Math.min(500 * 2 ** attempt, 4000) * (0.75 + Math.random() / 2);

/**
 * The one place that constructs the SDK. `apiBase` like `http://127.0.0.1:12111` points it elsewhere;
 * retries on 5xx and network errors are the SDK's (with Stripe's own backoff and idempotency keys). A 429
 * (Stripe's rate limit, taken by other traffic on the account or reached by a request counted late) is sent
 * again here with backoff, through the budget, so a call a person waits on (connecting, picking a coupon)
 * waits a little instead of failing: a 429 means Stripe did nothing, and the repeated request carries the
 * same idempotency key. The budget is told of each 429 and holds its places longer for a while
 * (rate-budget.ts). `lane` names the job the client's calls are for (its turn in the budget).
 */
export function createStripeClient(
  target: StripeTarget,
  options: { maxNetworkRetries?: number; budget?: RateBudget | undefined; lane?: string } = {},
): StripeClient {
  const base = new URL(target.apiBase ?? STRIPE_API_BASE_DEFAULT);
  const protocol = base.protocol === 'http:' ? 'http' : 'https';
  const budget = options.budget;
  // Every request, retries included, waits for its turn in the account's budget and says when its answer is
  // back.
  const inner = Stripe.createNodeHttpClient();
  const httpClient = {
    getClientName: () => inner.getClientName(),
    makeRequest: async (...args: Parameters<typeof inner.makeRequest>) => {
      for (let attempt = 0; ; attempt++) {
        const done = budget ? await budget.acquire(options.lane) : () => {};
        let response: Awaited<ReturnType<typeof inner.makeRequest>>;
        try {
          response = await inner.makeRequest(...args);
        } finally {
          done();
        }
        if (response.getStatusCode() !== 429) return response;
        budget?.rateLimited();
        if (attempt >= RATE_LIMIT_RETRIES) return response;
        (response.getRawResponse() as IncomingMessage).resume();
        await sleep(rateLimitDelayMs(attempt));
      }
    },
  } as unknown as Stripe.HttpClient;
  return new Stripe(target.apiKey, {
    httpClient,
    host: base.hostname,
    port: base.port ? Number(base.port) : protocol === 'http' ? 80 : 443,
    protocol,
    maxNetworkRetries: options.maxNetworkRetries ?? 3,
    timeout: 30_000,
    appInfo: { name: 'Vouch' },
    // Request timings are not sent back to Stripe in headers; the SDK's buffer of them overflows under load.
    telemetry: false,
  });
}
