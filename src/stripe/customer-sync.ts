import Stripe from 'stripe';
import type { CustomerFields } from '../domain/sync-mapping.js';
import type { StripeClient } from './stripe-client.js';

/** What Stripe said when a sync request failed for good, or why it is worth trying again. */
export type RetryNotice = { attempt: number; waitMs: number; status: number | undefined; message: string };

/** A customer object as Stripe sends it (a page or a webhook), as the sync reads it. */
export const customerFields = (c: Stripe.Customer): CustomerFields => ({
  id: c.id,
  name: c.name ?? null,
  email: c.email ?? null,
  description: c.description ?? null,
  phone: c.phone ?? null,
  metadata: { ...(c.metadata ?? {}) },
});

/** One page of customers, newest first, after `startingAfter` (a customer id) when given. */
export async function customersPage(
  client: StripeClient,
  startingAfter: string | null,
  limit = 100,
): Promise<{ customers: CustomerFields[]; hasMore: boolean }> {
  const page = await client.customers.list({
    limit,
    ...(startingAfter ? { starting_after: startingAfter } : {}),
  });
  return { customers: page.data.map(customerFields), hasMore: page.has_more };
}

export async function retrieveCustomer(client: StripeClient, id: string): Promise<CustomerFields | null> {
  const customer = await client.customers.retrieve(id);
  return 'deleted' in customer && customer.deleted ? null : customerFields(customer as Stripe.Customer);
}

/** One customer update; the idempotency key makes a retried or resumed write apply once. */
export async function updateCustomer(
  client: StripeClient,
  id: string,
  params: Stripe.CustomerUpdateParams,
  idempotencyKey: string,
): Promise<void> {
  await client.customers.update(id, params, { idempotencyKey });
}

/** Whether Stripe asks to try again later: rate limited, a server error, or no answer at all. */
function retryable(error: unknown): { status: number | undefined; retryAfterMs: number | undefined } | null {
  if (!(error instanceof Stripe.errors.StripeError)) return null;
  const status = error.statusCode;
  const transient =
    error instanceof Stripe.errors.StripeRateLimitError ||
    error instanceof Stripe.errors.StripeConnectionError ||
    (status !== undefined && status >= 500) ||
    status === 409;
  if (!transient) return null;
  const header = (error.headers as Record<string, string> | undefined)?.['retry-after'];
  const seconds = header ? Number(header) : Number.NaN;
  return { status, retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : undefined };
}

/** A failure worth trying again later (rate limit, server error, no answer), as opposed to a refusal. */
export const isTransient = (error: unknown): boolean => retryable(error) !== null;

/**
 * Runs a Stripe call until it succeeds, waiting between tries on 429, 5xx and lost connections: Stripe's
 * `Retry-After` when it gives one, otherwise 1, 2, 4 ... up to 30 s with jitter. Other errors (a 400, a
 * missing customer) are thrown at once; so is the last error after `maxAttempts`.
 */
export async function withRetries<T>(
  call: () => Promise<T>,
  options: { maxAttempts?: number; onRetry?: (notice: RetryNotice) => void; baseMs?: number } = {},
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 12;
  const base = options.baseMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const transient = retryable(error);
      if (!transient || attempt >= maxAttempts) throw error;
      const backoff = Math.min(30_000, base * 2 ** (attempt - 1));
      const waitMs = transient.retryAfterMs ?? backoff / 2 + Math.random() * (backoff / 2);
      options.onRetry?.({
        attempt,
        waitMs,
        status: transient.status,
        message: error instanceof Error ? error.message : String(error),
      });
      await new Promise((r) => setTimeout(r, waitMs));
    }
  }
}
