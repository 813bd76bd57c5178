import Stripe from 'stripe';
import { findUnstorable } from '../db/storable-text.js';

/** How far a webhook's signed timestamp may be from this server's clock, either way (Stripe's default). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** The parts of a Stripe event the inbox stores and routes on. */
/** A signed event read from its body: its key fields, and the whole parsed event for applying it. */
export type CheckedEvent = { id: string; type: string; created: number; event: Record<string, unknown> };

/** Why a webhook was refused: its signature, or (signed correctly) its content. */
export type WebhookRefusal = { reason: 'signature' | 'malformed'; message: string };

/** The `t=` of a Stripe-Signature header, read as Stripe's SDK reads it (the last one wins). */
function signedAt(header: string): number | undefined {
  let timestamp: number | undefined;
  for (const part of header.split(',')) {
    const [key, value] = part.split('=', 2);
    if (key?.trim() === 't') timestamp = /^\d{1,12}$/.test(value?.trim() ?? '') ? Number(value) : Number.NaN;
  }
  return timestamp === undefined || Number.isNaN(timestamp) ? undefined : timestamp;
}

/**
 * Checks a webhook's signature on the raw body against each secret in turn (constant-time comparison, any of
 * the header's v1 signatures), so a rotated secret keeps working while Stripe switches over. The signed time
 * must be within the tolerance of now in both directions: a stale one could be a replay, a future one a
 * replay stored up for later.
 */
export function checkSignature(
  rawBody: Buffer,
  header: string,
  secrets: string[],
  nowSeconds = Math.floor(Date.now() / 1000),
): WebhookRefusal | undefined {
  const timestamp = signedAt(header);
  if (timestamp === undefined)
    return { reason: 'signature', message: 'The Stripe-Signature header has no valid timestamp (t=).' };
  if (Math.abs(nowSeconds - timestamp) > WEBHOOK_TOLERANCE_SECONDS) {
    return {
      reason: 'signature',
      message: `The signed timestamp is more than ${WEBHOOK_TOLERANCE_SECONDS} s from this server's clock.`,
    };
  }
  let last = 'No webhook secret is configured';
  for (const secret of secrets) {
    try {
      Stripe.webhooks.signature!.verifyHeader(
        rawBody,
        header,
        secret,
        WEBHOOK_TOLERANCE_SECONDS,
        undefined,
        nowSeconds * 1000,
      );
      return undefined;
    } catch (error) {
      last = (error as Error).message.split('\n')[0] ?? 'signature mismatch';
    }
  }
  return { reason: 'signature', message: last };
}

/** The earliest `created` Vouch takes (Stripe did not exist before) and how far ahead of now it may be. */
const EARLIEST_CREATED = Date.UTC(2010, 0, 1) / 1000;
const FUTURE_SLACK_SECONDS = 3600;

/**
 * Reads a correctly signed body as a Stripe event, or says what is wrong with it: Stripe would retry a 5xx
 * for days, so anything Vouch cannot store or route is refused with a 400 and its reason.
 */
export function parseEvent(
  rawBody: Buffer,
  nowSeconds = Math.floor(Date.now() / 1000),
): CheckedEvent | WebhookRefusal {
  const malformed = (message: string): WebhookRefusal => ({ reason: 'malformed', message });
  let event: unknown;
  try {
    event = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return malformed('The body is not JSON.');
  }
  if (event === null || typeof event !== 'object' || Array.isArray(event))
    return malformed('The body is not a JSON object.');
  const { id, type, created, data } = event as Record<string, unknown>;
  if (typeof id !== 'string' || id.length === 0 || id.length > 255)
    return malformed('The event has no id (a string of at most 255 characters).');
  if (typeof type !== 'string' || type.length === 0 || type.length > 100)
    return malformed('The event has no type.');
  if (typeof created !== 'number' || !Number.isInteger(created))
    return malformed('The event has no created time (whole seconds since 1970).');
  if (created < EARLIEST_CREATED || created > nowSeconds + FUTURE_SLACK_SECONDS)
    return malformed(`The event's created time (${created}) is not a plausible time.`);
  const object = data !== null && typeof data === 'object' ? (data as { object?: unknown }).object : null;
  if (object === null || typeof object !== 'object' || Array.isArray(object))
    return malformed('The event has no data.object.');
  const bad = findUnstorable(event);
  if (bad !== undefined)
    return malformed(`The event holds text that cannot be stored (a NUL character) at ${bad || 'a key'}.`);
  return { id, type, created, event: event as Record<string, unknown> };
}
