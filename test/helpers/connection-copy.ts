import type { SecretBox } from '../../src/crypto/secret-box.js';
import type { Database } from '../../src/db/database.js';
import { connectionsRepository } from '../../src/db/repositories/connections.js';
import type { ConnectionRow } from '../../src/db/tables.js';
import { createId } from '../../src/domain/ids.js';
import { connectionsService } from '../../src/services/connections.js';
import type { StripeGateway } from '../../src/stripe/gateway.js';

/**
 * A new active connection with the key and account of `template` (a real connection, disconnected), without
 * a webhook endpoint: a test gets rows of its own under the same Stripe account. One connection of an account
 * is active at a time, so the caller retires it (`retireConnection`) before the next copy.
 */
export async function copyConnection(database: Database, template: ConnectionRow): Promise<ConnectionRow> {
  const at = new Date();
  const connection = await connectionsRepository(database.db).insert({
    id: createId('conn'),
    name: template.name,
    method: template.method,
    mode: template.mode,
    stripe_account_id: template.stripe_account_id,
    default_currency: template.default_currency,
    secret_key_sealed: template.secret_key_sealed,
    key_last4: template.key_last4,
    webhook_setup: 'manual',
    webhook_endpoint_id: null,
    webhook_secret_sealed: null,
    previous_webhook_secret_sealed: null,
    reconciled_until: at,
    created_at: at,
    updated_at: at,
  });
  if (!connection) throw new Error('an earlier test left its connection of this account active');
  return connection;
}

/** Disconnects a copy, so the account can have another. */
export async function retireConnection(database: Database, connectionId: string): Promise<void> {
  await connectionsRepository(database.db).update(connectionId, {
    status: 'disconnected',
    disconnected_at: new Date(),
  });
}

/**
 * A real connection for `apiKey`, disconnected again, to copy from: connecting creates its webhook endpoint
 * and disconnecting removes it, so nothing reaches Vouch by webhook.
 */
export async function templateConnection(
  database: Database,
  stripe: { gateway: StripeGateway; box: SecretBox },
  apiKey: string,
): Promise<ConnectionRow> {
  const connections = connectionsService({ database, ...stripe, publicUrl: 'http://127.0.0.1:9' });
  const connected = await connections.connect({ api_key: apiKey });
  await connections.disconnect(connected.id);
  return (await connectionsRepository(database.db).findById(connected.id))!;
}
