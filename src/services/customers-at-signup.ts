import type { Executor } from '../db/database.js';
import { connectionsRepository } from '../db/repositories/connections.js';
import type { CampaignRow } from '../db/tables.js';
import { customersByEmail } from '../stripe/customers.js';
import type { StripeGateway } from '../stripe/gateway.js';

/** How long a sign-up waits for Stripe's answer before it goes on without it. */
const LOOKUP_TIMEOUT_MS = 3000;

/**
 * The Stripe customers that have this email now, as a sign-up is recorded: customers made later (by the
 * business's checkout, or by an integration that creates the customer together with the lead, in the same
 * second) are then new, and those listed here existed before, whatever Stripe's whole-second timestamps say.
 * Undefined when the campaign has no active connection, or Stripe did not answer in time: the friend's
 * Stripe task then decides by timestamps, as before.
 */
export async function customersAtSignup(
  db: Executor,
  gateway: StripeGateway | undefined,
  campaign: Pick<CampaignRow, 'connection_id'>,
  email: string,
): Promise<string[] | undefined> {
  if (!gateway || !campaign.connection_id) return undefined;
  const connection = await connectionsRepository(db).findById(campaign.connection_id);
  if (connection?.status !== 'active') return undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), LOOKUP_TIMEOUT_MS);
  });
  try {
    const lookup = customersByEmail(gateway.forConnection(connection), email).then((found) =>
      found.map((c) => c.id),
    );
    return await Promise.race([lookup.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
