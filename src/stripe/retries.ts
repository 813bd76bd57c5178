import Stripe from 'stripe';

/** What Stripe said when a request failed for good, or why it is worth trying again. */
export type RetryNotice = { attempt: number; waitMs: number; status: number | undefined; message: string };

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
