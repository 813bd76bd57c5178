import Stripe from 'stripe';
import { findUnstorable } from '../db/storable-text.js';
import { describeStripeError, type StripeGateway } from './gateway.js';
import type { StripeClient } from './stripe-client.js';
import { SUBSCRIBED_EVENTS } from './webhook-events.js';

export type KeyInspection = { accountId: string; mode: 'test' | 'live'; defaultCurrency: string };

export class StripeKeyError extends Error {
  override name = 'StripeKeyError';
}

/** Checks a key with a live call and reads what Vouch needs to know about the account. */
export async function inspectKey(gateway: StripeGateway, apiKey: string): Promise<KeyInspection> {
  const mode = /^(sk|rk)_live_/.test(apiKey) ? 'live' : 'test';
  try {
    const account = await gateway.forKey(apiKey, 1).accounts.retrieveCurrent();
    return {
      accountId: account.id,
      mode,
      defaultCurrency: (account.default_currency ?? 'usd').toLowerCase(),
    };
  } catch (error) {
    // Only a refusal of the key is about the key; anything else (Stripe unreachable, a 5xx, its rate limit
    // still in use after retries) is reported as what it is.
    if (describeStripeError(error).status === 401)
      throw new StripeKeyError(
        'Stripe refused this API key (401): check that it is complete and not rolled or deleted.',
      );
    throw error;
  }
}

/**
 * Whether Vouch's webhook endpoint was made. `forbidden`: the key may not manage endpoints (set one up by
 * hand); `refused`: Stripe would not take it (typically a URL it cannot reach from the internet, such as
 * localhost), or could not be asked; events are then pulled from Stripe instead.
 */
export type EndpointOutcome =
  | { created: true; id: string; secret: string }
  | { created: false; why: 'forbidden' | 'refused'; reason: string };

/**
 * Creates the one webhook endpoint for a connection, pinned to the API version this SDK reads, so every
 * webhook arrives in the shape Vouch expects whatever the account's default version. Never throws for a
 * refusal: connecting must not fail because Stripe cannot reach this server.
 */
export async function createWebhookEndpoint(client: StripeClient, url: string): Promise<EndpointOutcome> {
  try {
    const endpoint = await client.webhookEndpoints.create({
      url,
      enabled_events: [...SUBSCRIBED_EVENTS],
      api_version: Stripe.API_VERSION as Stripe.WebhookEndpointCreateParams.ApiVersion,
      description: 'Vouch referrals (created automatically; do not edit)',
      metadata: { created_by: 'vouch' },
    });
    if (!endpoint.secret)
      return { created: false, why: 'refused', reason: 'Stripe did not return the endpoint secret' };
    return { created: true, id: endpoint.id, secret: endpoint.secret };
  } catch (error) {
    const info = describeStripeError(error);
    if (info.status === 403 || info.status === 401)
      return { created: false, why: 'forbidden', reason: info.message };
    return {
      created: false,
      why: 'refused',
      reason: info.status ? `Stripe answered ${info.status}: ${info.message}` : info.message,
    };
  }
}

export async function deleteWebhookEndpoint(client: StripeClient, id: string): Promise<void> {
  try {
    await client.webhookEndpoints.del(id);
  } catch (error) {
    if (describeStripeError(error).status !== 404) throw error;
  }
}

export type EndpointState =
  | { exists: false }
  | { exists: true; enabled: boolean; url: string; events: string[] };

export async function webhookEndpointState(client: StripeClient, id: string): Promise<EndpointState> {
  try {
    const endpoint = await client.webhookEndpoints.retrieve(id);
    return {
      exists: true,
      enabled: endpoint.status === 'enabled',
      url: endpoint.url,
      events: endpoint.enabled_events,
    };
  } catch (error) {
    if (describeStripeError(error).status === 404) return { exists: false };
    throw error;
  }
}

/**
 * One event read from Stripe's Events API, with its JSON; `storable` is false for one holding text Postgres
 * cannot keep (a NUL character), which the inbox must skip.
 */
export type PolledEvent = { id: string; type: string; created: number; payload: string; storable: boolean };

/**
 * Events of the subscribed types created at or after `since`, oldest first, each with its JSON. The list is
 * held as compact JSON strings (not parsed objects) while it is reversed: a busy account's ten minutes can
 * be tens of thousands of events.
 */
export async function* eventsSince(client: StripeClient, since: Date): AsyncGenerator<PolledEvent> {
  const collected: PolledEvent[] = [];
  for await (const event of client.events.list({
    created: { gte: Math.floor(since.getTime() / 1000) },
    types: [...SUBSCRIBED_EVENTS],
    limit: 100,
  })) {
    collected.push({
      id: event.id,
      type: event.type,
      created: event.created,
      payload: JSON.stringify(event),
      storable: findUnstorable(event) === undefined,
    });
  }
  // Stripe lists newest first; processing oldest first keeps timelines in the order things happened.
  collected.reverse();
  yield* collected;
}

/** What one poll of the Events API found: events newer than the cursor, oldest first, and the new cursor. */
export type PolledEvents = {
  events: PolledEvent[];
  /** The newest event seen (unchanged when none is newer). */
  cursor: string | null;
};

/**
 * Events of the subscribed types newer than `cursor` (an event id), oldest first: pages of `ending_before`
 * walk from the cursor towards the present. Without a cursor, or when Stripe no longer has the cursor's
 * event, those created since `since`. One call per 100 events, all of them within the connection's budget.
 */
export async function eventsAfter(
  client: StripeClient,
  cursor: string | null,
  since: Date,
): Promise<PolledEvents> {
  const types = [...SUBSCRIBED_EVENTS];
  const row = (event: Stripe.Event) => ({
    id: event.id,
    type: event.type,
    created: event.created,
    payload: JSON.stringify(event),
    storable: findUnstorable(event) === undefined,
  });
  if (cursor) {
    try {
      const events: PolledEvents['events'] = [];
      let before = cursor;
      for (;;) {
        // A failed poll is tried again at the next poll: no retries inside one.
        const page = await client.events.list(
          { types, limit: 100, ending_before: before },
          { maxNetworkRetries: 0 },
        );
        // Each page is newest first; the page just newer than `before` comes back first.
        const oldestFirst = [...page.data].reverse();
        events.push(...oldestFirst.map(row));
        if (!page.has_more || page.data.length === 0) break;
        before = page.data[0]!.id;
      }
      return { events, cursor: events.at(-1)?.id ?? cursor };
    } catch (error) {
      if (describeStripeError(error).status !== 404) throw error;
      // The cursor's event is gone (older than Stripe keeps, or another account): read by time instead.
    }
  }
  const events: PolledEvents['events'] = [];
  for await (const event of eventsSince(client, since)) events.push(event);
  return { events, cursor: events.at(-1)?.id ?? cursor };
}
