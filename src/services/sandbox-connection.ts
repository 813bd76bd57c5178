import type { Logger } from 'pino';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Database } from '../db/database.js';
import { connectionsRepository } from '../db/repositories/connections.js';
import { inspectKey, webhookEndpointState } from '../stripe/connect.js';
import type { StripeGateway } from '../stripe/gateway.js';
import { SANDBOX_API_KEY } from '../stripe/sandbox.js';
import { connectionHealth } from './connection-health.js';
import { connectionsService, webhookUrl } from './connections.js';

/**
 * In sandbox mode Vouch connects itself to the emulator, so a trial needs no Stripe account and no set-up;
 * when the URL Vouch answers at changed since the last start, its webhook endpoint is recreated.
 */
export async function ensureSandboxConnection(deps: {
  database: Database;
  gateway: StripeGateway;
  box: SecretBox;
  publicUrl: string;
  logger: Logger;
}): Promise<void> {
  const { accountId } = await inspectKey(deps.gateway, SANDBOX_API_KEY);
  const existing = await connectionsRepository(deps.database.db).findActiveByAccount(accountId, 'test');
  if (!existing) {
    const connection = await connectionsService(deps).connect({ api_key: SANDBOX_API_KEY, name: 'Sandbox' });
    deps.logger.info({ connection_id: connection.id }, 'connected to the Stripe sandbox');
    return;
  }
  const state = existing.webhook_endpoint_id
    ? await webhookEndpointState(deps.gateway.forConnection(existing), existing.webhook_endpoint_id)
    : { exists: false as const };
  if (!state.exists || state.url !== webhookUrl(deps.publicUrl, existing.id) || !state.enabled) {
    await connectionHealth(deps).repairWebhook(existing.id);
    deps.logger.info({ connection_id: existing.id }, 'sandbox webhook endpoint recreated');
  }
}
