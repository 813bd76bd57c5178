import Stripe from 'stripe';
import type { StripeClient } from './stripe-client.js';

export type StripeCustomer = { id: string; email: string | null; createdAt: Date };

/** Customers whose email is exactly this one after normalisation (Stripe's own filter is case-sensitive). */
export async function customersByEmail(client: StripeClient, email: string): Promise<StripeCustomer[]> {
  const found = new Map<string, StripeCustomer>();
  for (const variant of new Set([email, email.toLowerCase()])) {
    for await (const c of client.customers.list({ email: variant, limit: 100 })) {
      if ((c.email ?? '').trim().toLowerCase() === email.trim().toLowerCase()) {
        found.set(c.id, { id: c.id, email: c.email ?? null, createdAt: new Date(c.created * 1000) });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** Creates the friend's customer once: the idempotency key is derived from the lead id. */
export async function createCustomer(
  client: StripeClient,
  input: { idempotencyKey: string; email: string; name: string | null; metadata: Record<string, string> },
): Promise<string> {
  const customer = await client.customers.create(
    { email: input.email, ...(input.name ? { name: input.name } : {}), metadata: input.metadata },
    { idempotencyKey: input.idempotencyKey },
  );
  return customer.id;
}

/** Adds Vouch's keys to a customer's metadata; Stripe merges, so the business's own keys stay. */
export async function addMetadata(
  client: StripeClient,
  customerId: string,
  metadata: Record<string, string>,
): Promise<void> {
  await client.customers.update(customerId, { metadata });
}

/**
 * Writes what the campaign's mapping gives now onto a customer Vouch made or updated earlier: the metadata
 * (Stripe merges it, so keys no longer mapped and the business's own keys stay) and, on a customer Vouch
 * made, the name.
 */
export async function rewriteCustomer(
  client: StripeClient,
  customerId: string,
  fields: { name: string | null; metadata: Record<string, string> },
  withName: boolean,
): Promise<void> {
  await client.customers.update(customerId, {
    metadata: fields.metadata,
    ...(withName && fields.name ? { name: fields.name } : {}),
  });
}

/** Whether the account has this customer (and it is not deleted). */
export async function customerExists(client: StripeClient, customerId: string): Promise<boolean> {
  try {
    const customer = await client.customers.retrieve(customerId);
    return !('deleted' in customer && customer.deleted);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return false;
    throw error;
  }
}
