import type { Tx } from '../db/database.js';
import { campaignsRepository } from '../db/repositories/campaigns.js';
import { leadsRepository } from '../db/repositories/leads.js';
import type { LeadStatus } from '../db/tables.js';
import { createId } from '../domain/ids.js';

const WAITING = 'lead.waiting_for_place';

/**
 * Under `participant_limit_counts: verified`, a friend who signed up on a public surface takes a place only
 * once Stripe vouches for them: at their first payment. Their referrer takes one then too, when the referrer
 * also joined on a public page and holds none yet. Answers whether the lead holds a place now; false means
 * the campaign is full, and the lead waits (it cannot qualify) until a place frees up and it pays again or
 * its verdict is run again. Called inside the verdict's transaction, with the lead's row locked.
 */
export async function takePlaceOnPayment(
  tx: Tx,
  lead: { id: string; campaign_id: string; referrer_id: string; status: LeadStatus },
  now: Date,
): Promise<boolean> {
  // The campaign first, then the referrer: the order every other place-taking path locks them in.
  const campaign = await campaignsRepository(tx).lock(lead.campaign_id);
  const referrer = await tx
    .selectFrom('referrers')
    .select(['counted', 'removed_at'])
    .where('id', '=', lead.referrer_id)
    .forUpdate()
    .executeTakeFirst();
  const referrerNeedsPlace = referrer !== undefined && !referrer.counted && referrer.removed_at === null;
  const needed = referrerNeedsPlace ? 2 : 1;
  const leads = leadsRepository(tx);
  if (!campaign || !(await campaignsRepository(tx).takePlaces(campaign.id, needed))) {
    const told = await tx
      .selectFrom('lead_events')
      .select('id')
      .where('lead_id', '=', lead.id)
      .where('type', '=', WAITING)
      .executeTakeFirst();
    if (!told) {
      await leads.addEvent({
        id: createId('lev'),
        lead_id: lead.id,
        type: WAITING,
        message:
          `The friend paid, but the campaign's participant limit (${campaign?.participant_limit}) is reached: ` +
          'the referral counts once a place frees up.',
        status: lead.status,
        data: JSON.stringify({ participant_limit: campaign?.participant_limit ?? null }),
        created_at: now,
      });
    }
    return false;
  }
  await tx.updateTable('leads').set({ counted: true }).where('id', '=', lead.id).execute();
  if (referrerNeedsPlace)
    await tx.updateTable('referrers').set({ counted: true }).where('id', '=', lead.referrer_id).execute();
  if (campaign.participant_limit === null) return true;
  await leads.addEvent({
    id: createId('lev'),
    lead_id: lead.id,
    type: 'lead.place_taken',
    message: referrerNeedsPlace
      ? 'The friend paid: they and their referrer now hold places under the participant limit.'
      : 'The friend paid: they now hold a place under the participant limit.',
    status: lead.status,
    data: JSON.stringify({ places: needed }),
    created_at: now,
  });
  return true;
}
