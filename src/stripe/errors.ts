import Stripe from 'stripe';
import { VouchError } from '../errors.js';

/** Stripe's codes become `stripe_<code>`: lower-case letters, digits and `_` only, whatever Stripe sends. */
const codeOf = (code: string | undefined, fallback: string) =>
  `stripe_${(code ?? fallback)
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .slice(0, 60)}`;

/**
 * A failed Stripe call as Vouch's own error, so that a 404 from Stripe is not taken for a missing Vouch route
 * and an unreadable answer is not a 500:
 * - Stripe refused the request (invalid, 400/404): 400 with `stripe_<Stripe's code>`, its message and param;
 * - the connection's key is refused (401) or lacks a permission (403): 409, with what to do;
 * - Stripe's rate limit still hit after retrying within the budget: 503 with Retry-After;
 * - Stripe down, a 5xx, an answer that is not Stripe's JSON: 502 `stripe_unavailable`;
 * - Stripe not reached at all (network): 502 `stripe_unreachable`.
 * Undefined for anything that is not a Stripe error.
 */
export function translateStripeError(error: unknown): VouchError | undefined {
  if (!(error instanceof Stripe.errors.StripeError)) return undefined;
  const said = error.message.split('\n')[0]!.trim();
  if (error instanceof Stripe.errors.StripeConnectionError)
    return new VouchError(
      502,
      'api_error',
      'stripe_unreachable',
      `Stripe could not be reached: ${said}. Retry shortly; check this server's network if it persists.`,
    );
  if (error instanceof Stripe.errors.StripeAuthenticationError)
    return new VouchError(
      409,
      'invalid_request_error',
      'stripe_authentication_failed',
      `Stripe refused the connection's API key (${said}). It was rolled or deleted: reconnect the account with a current key.`,
    );
  if (error instanceof Stripe.errors.StripePermissionError)
    return new VouchError(
      409,
      'invalid_request_error',
      'stripe_permission_denied',
      `The connection's API key may not do this: ${said} Give the restricted key this permission in Stripe, or use a secret key.`,
    );
  if (error instanceof Stripe.errors.StripeRateLimitError)
    return new VouchError(
      503,
      'api_error',
      'stripe_rate_limited',
      `Stripe's rate limit for this account is in use: ${said} Retry in a moment.`,
      undefined,
      2,
    );
  if (error instanceof Stripe.errors.StripeIdempotencyError)
    return new VouchError(409, 'invalid_request_error', codeOf(error.code, 'idempotency_error'), said);
  const status = error.statusCode ?? 0;
  if (
    error instanceof Stripe.errors.StripeInvalidRequestError ||
    error instanceof Stripe.errors.StripeCardError ||
    (status >= 400 && status < 500)
  ) {
    return new VouchError(
      400,
      'invalid_request_error',
      codeOf(error.code, status === 404 ? 'resource_missing' : 'invalid_request'),
      `Stripe refused the request: ${said}`,
      error.param ?? undefined,
    );
  }
  return new VouchError(
    502,
    'api_error',
    'stripe_unavailable',
    status >= 500
      ? `Stripe answered ${status}: ${said} Retry shortly.`
      : `Stripe's answer could not be read (${said}). Retry shortly.`,
  );
}
