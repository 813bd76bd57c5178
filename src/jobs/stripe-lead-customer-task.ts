import { campaignsRepository } from '../db/repositories/campaigns.js';
import { connectionsRepository } from '../db/repositories/connections.js';
import { customerLinksRepository } from '../db/repositories/customer-links.js';
import { leadsRepository } from '../db/repositories/leads.js';
import { paymentFactsRepository } from '../db/repositories/payment-facts.js';
import { referrersRepository } from '../db/repositories/referrers.js';
import type { CustomerLinkHow } from '../db/tables.js';
import { DEFAULT_CUSTOMER_RULES, readSettings } from '../domain/campaign-settings.js';
import { friendCustomerFields, referrerRecord } from '../domain/customer-fields.js';
import { createId } from '../domain/ids.js';
import { splitByReferral } from '../domain/people.js';
import { recordDomainEvent } from '../services/domain-events.js';
import { reevaluateLead } from '../services/lead-verdicts.js';
import { toLead } from '../services/lead-view.js';
import { addMetadata, createCustomer, customersByEmail, rewriteCustomer } from '../stripe/customers.js';
import type { JobContext } from './job-definition.js';
import type { TaskDefinition } from './task-definition.js';

async function link(
  context: JobContext,
  connectionId: string,
  leadId: string,
  customerId: string,
  how: CustomerLinkHow,
  message: string,
) {
  const now = context.now();
  await context.database.db.transaction().execute(async (tx) => {
    await paymentFactsRepository(tx).lockCustomer(connectionId, customerId);
    if (!(await customerLinksRepository(tx).linkLead(connectionId, customerId, leadId, how, now))) return;
    const lead = await leadsRepository(tx).findById(leadId);
    await leadsRepository(tx).addEvent({
      id: createId('lev'),
      lead_id: leadId,
      type: 'lead.customer_linked',
      message,
      status: lead!.status,
      data: JSON.stringify({ stripe_object: customerId, how }),
      created_at: now,
    });
    await reevaluateLead(tx, leadId, { type: `customer.${how}`, stripeObject: customerId }, now);
  });
}

/**
 * Sends a new friend to Stripe as the campaign says: create the customer at once, or wait for the
 * business's checkout; and when customers with that email exist already, do not create (the lead is
 * rejected: an existing customer is no referral), create a duplicate (only the new one counts), or
 * update the existing one. Run again for an earlier lead, it rewrites the customers Vouch made or updated
 * for it with the current mapping. Safe to retry: creation uses an idempotency key from the lead id, and
 * links are unique.
 */
export const stripeLeadCustomerTask: TaskDefinition = {
  kind: 'stripe_lead_customer',
  async handle(leadId, context) {
    const { database, gateway, now } = context;
    if (!gateway) throw new Error('this task needs the Stripe gateway');
    const lead = await leadsRepository(database.db).findById(leadId);
    if (!lead || lead.status === 'rejected') return;
    const campaign = await campaignsRepository(database.db).findById(lead.campaign_id);
    if (!campaign?.connection_id) return;
    const connection = await connectionsRepository(database.db).findById(campaign.connection_id);
    if (connection?.status !== 'active') return;
    const referrer = await referrersRepository(database.db).findById(lead.referrer_id);
    const rules = readSettings(campaign.settings).customers ?? DEFAULT_CUSTOMER_RULES;
    const client = gateway.forConnection(connection);
    const fields = friendCustomerFields(
      rules.friend_customer,
      lead,
      referrerRecord(referrer!, context.publicUrl),
    );
    const { metadata } = fields;

    // The customers Vouch made or updated for this friend before get what the mapping says now, so a changed
    // mapping reaches earlier leads (POST /v1/campaigns/{id}/leads/send_to_stripe), whatever their status.
    const written = (await customerLinksRepository(database.db).customersOfLead(lead.id)).filter(
      (c) => c.connection_id === connection.id && (c.how === 'created' || c.how === 'updated'),
    );
    for (const c of written) await rewriteCustomer(client, c.customer_id, fields, c.how === 'created');
    if (lead.status !== 'pending') return;

    const all = await customersByEmail(client, lead.email);
    const { existing, newer } = splitByReferral(all, lead);

    if (existing.length > 0 && rules.existing_customer === 'do_not_create') {
      await database.db.transaction().execute(async (tx) => {
        const held = await tx
          .selectFrom('leads')
          .select('counted')
          .where('id', '=', lead.id)
          .where('status', '=', 'pending')
          .forUpdate()
          .executeTakeFirst();
        if (!held) return;
        await tx
          .updateTable('leads')
          .set({
            status: 'rejected',
            rejection_reason: 'existing_customer',
            counted: false,
            updated_at: now(),
          })
          .where('id', '=', lead.id)
          .execute();
        if (held.counted) await campaignsRepository(tx).releasePlaces(campaign.id, 1);
        await leadsRepository(tx).addEvent({
          id: createId('lev'),
          lead_id: lead.id,
          type: 'lead.rejected',
          message: `Rejected: ${lead.email} was already a Stripe customer (${existing.map((c) => c.id).join(', ')}) before the referral, and the campaign does not refer existing customers.`,
          status: 'rejected',
          data: JSON.stringify({ stripe_object: existing[0]!.id, reason: 'existing_customer' }),
          created_at: now(),
        });
        await recordDomainEvent(tx, {
          type: 'lead.rejected',
          campaign_id: campaign.id,
          lead_id: lead.id,
          referrer_id: lead.referrer_id,
          data: { lead: toLead((await leadsRepository(tx).findById(lead.id))!) },
          at: now(),
        });
      });
      return;
    }
    if (existing.length > 0 && rules.existing_customer === 'update_existing') {
      for (const customer of existing) {
        if (!written.some((c) => c.customer_id === customer.id))
          await addMetadata(client, customer.id, metadata);
        await link(
          context,
          connection.id,
          lead.id,
          customer.id,
          'updated',
          `Existing Stripe customer ${customer.id} is this friend; Vouch added its metadata.`,
        );
      }
      return;
    }
    // No earlier customer, or a duplicate is wanted: only customers created since the referral count.
    for (const customer of newer) {
      await link(
        context,
        connection.id,
        lead.id,
        customer.id,
        'matched_email',
        `Stripe customer ${customer.id} is this friend (same email).`,
      );
    }
    if (newer.length === 0 && rules.create === 'immediately') {
      const customerId = await createCustomer(client, {
        idempotencyKey: `vouch:lead-customer:${lead.id}`,
        email: fields.email,
        name: fields.name,
        metadata,
      });
      await link(
        context,
        connection.id,
        lead.id,
        customerId,
        'created',
        `Vouch created Stripe customer ${customerId} for this friend.`,
      );
    }
  },
  async onGiveUp(leadId, error, { database, now }) {
    const lead = await leadsRepository(database.db).findById(leadId);
    if (!lead) return;
    await leadsRepository(database.db).addEvent({
      id: createId('lev'),
      lead_id: leadId,
      type: 'lead.customer_failed',
      message: `Vouch could not send this friend to Stripe after several attempts: ${error.message}`,
      status: lead.status,
      data: JSON.stringify({ error: error.message }),
      created_at: now(),
    });
  },
};
