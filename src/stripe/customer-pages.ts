import type Stripe from 'stripe';
import type { CustomerFields } from '../domain/sync-mapping.js';
import type { StripeClient } from './stripe-client.js';

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
