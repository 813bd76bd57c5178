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
    const info = describeStripeError(error);
    throw new StripeKeyError(
      info.status === 401
        ? 'Stripe refused this API key (401): check that it is complete and not rolled or deleted.'
        : `Stripe could not be reached with this key: ${info.message}`,
    );
  }
}

export type EndpointOutcome =
  | { created: true; id: string; secret: string }
  | { created: false; reason: string };

/** Creates the one webhook endpoint for a connection; a key without the permission gets manual setup. */
export async function createWebhookEndpoint(client: StripeClient, url: string): Promise<EndpointOutcome> {
  try {
    const endpoint = await client.webhookEndpoints.create({
      url,
      enabled_events: [...SUBSCRIBED_EVENTS],
      description: 'Vouch referrals (created automatically; do not edit)',
      metadata: { created_by: 'vouch' },
    });
    if (!endpoint.secret) return { created: false, reason: 'Stripe did not return the endpoint secret' };
    return { created: true, id: endpoint.id, secret: endpoint.secret };
  } catch (error) {
    const info = describeStripeError(error);
    if (info.status === 403 || info.status === 401) return { created: false, reason: info.message };
    throw error;
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
 * Events of the subscribed types created at or after `since`, oldest first, each with its JSON. The list is
 * held as compact JSON strings (not parsed objects) while it is reversed: a busy account's ten minutes can
 * be tens of thousands of events.
 */
export async function* eventsSince(
  client: StripeClient,
  since: Date,
): AsyncGenerator<{ id: string; type: string; created: number; payload: string }> {
  const collected: Array<{ id: string; type: string; created: number; payload: string }> = [];
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
    });
  }
  // Stripe lists newest first; processing oldest first keeps timelines in the order things happened.
  collected.reverse();
  yield* collected;
}
