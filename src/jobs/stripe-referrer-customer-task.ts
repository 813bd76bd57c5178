import { campaignsRepository } from '../db/repositories/campaigns.js';
import { connectionsRepository } from '../db/repositories/connections.js';
import { referrersRepository } from '../db/repositories/referrers.js';
import { DEFAULT_CUSTOMER_RULES, readSettings } from '../domain/campaign-settings.js';
import { referrerCustomerFields, referrerRecord } from '../domain/customer-fields.js';
import { addMetadata, createCustomer, customersByEmail, rewriteCustomer } from '../stripe/customers.js';
import type { TaskDefinition } from './task-definition.js';

/**
 * Makes a referrer a Stripe customer when the campaign asks (`customers.referrers_to_stripe`): an existing
 * customer with the email is linked (and, with update_existing, given Vouch's metadata) unless the campaign
 * wants duplicates; otherwise one is created with an idempotency key from the referrer id. A referrer sent
 * before is not sent again: the customers Vouch made or updated for them take the current mapping. Referrers
 * are never qualified: the link only says which customer the person referring is.
 */
export const stripeReferrerCustomerTask: TaskDefinition = {
  kind: 'stripe_referrer_customer',
  async handle(referrerId, { database, gateway, now, publicUrl }) {
    if (!gateway) throw new Error('this task needs the Stripe gateway');
    const referrer = await referrersRepository(database.db).findById(referrerId);
    if (!referrer) return;
    const campaign = await campaignsRepository(database.db).findById(referrer.campaign_id);
    const rules = campaign
      ? (readSettings(campaign.settings).customers ?? DEFAULT_CUSTOMER_RULES)
      : undefined;
    if (!campaign?.connection_id || !rules?.referrers_to_stripe) return;
    const connection = await connectionsRepository(database.db).findById(campaign.connection_id);
    if (connection?.status !== 'active') return;
    const client = gateway.forConnection(connection);
    const fields = referrerCustomerFields(rules.referrer_customer, referrerRecord(referrer, publicUrl));
    const { metadata } = fields;

    // Sent before: the customers Vouch made or updated get what the mapping says now (applying a changed
    // mapping to earlier referrers); nothing is created or linked again.
    const linked = await database.db
      .selectFrom('customer_links')
      .select(['customer_id', 'how'])
      .where('connection_id', '=', connection.id)
      .where('referrer_id', '=', referrer.id)
      .execute();
    if (linked.length > 0) {
      for (const c of linked)
        if (c.how === 'created' || c.how === 'updated')
          await rewriteCustomer(client, c.customer_id, fields, c.how === 'created');
      return;
    }

    const existing =
      rules.existing_customer === 'create_duplicate' ? [] : await customersByEmail(client, referrer.email);
    const customerIds = existing.map((c) => c.id);
    if (rules.existing_customer === 'update_existing')
      for (const id of customerIds) await addMetadata(client, id, metadata);
    if (customerIds.length === 0) {
      customerIds.push(
        await createCustomer(client, {
          idempotencyKey: `vouch:referrer-customer:${referrer.id}`,
          email: fields.email,
          name: fields.name,
          metadata,
        }),
      );
    }
    const how =
      existing.length > 0
        ? rules.existing_customer === 'update_existing'
          ? 'updated'
          : 'matched_email'
        : 'created';
    for (const customerId of customerIds) {
      await database.db
        .insertInto('customer_links')
        .values({
          connection_id: connection.id,
          customer_id: customerId,
          lead_id: null,
          referrer_id: referrer.id,
          how,
          created_at: now(),
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  },
};
