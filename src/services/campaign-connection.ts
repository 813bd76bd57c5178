import type { Executor } from '../db/database.js';
import { campaignsRepository } from '../db/repositories/campaigns.js';
import { connectionsRepository } from '../db/repositories/connections.js';
import type { CampaignRow, ConnectionRow } from '../db/tables.js';
import { conflict, notFound } from '../errors.js';

/** A campaign and its Stripe connection, for work that needs Stripe; clear errors when there is none. */
export async function campaignConnection(
  db: Executor,
  campaignId: string,
): Promise<{ campaign: CampaignRow; connection: ConnectionRow }> {
  const campaign = await campaignsRepository(db).findById(campaignId);
  if (!campaign) throw notFound('campaign', campaignId);
  if (!campaign.connection_id)
    throw conflict(
      'no_stripe_connection',
      'This campaign has no Stripe connection; set connection_id on the campaign first.',
    );
  const connection = await connectionsRepository(db).findById(campaign.connection_id);
  if (connection?.status !== 'active')
    throw conflict('connection_disconnected', "The campaign's Stripe connection is disconnected.");
  return { campaign, connection };
}
