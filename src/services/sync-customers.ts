import type { Tx } from '../db/database.js';
import { campaignsRepository } from '../db/repositories/campaigns.js';
import { type ReferrerWithCounts, referrersRepository } from '../db/repositories/referrers.js';
import { type SyncCounts, syncsRepository } from '../db/repositories/syncs.js';
import type { CampaignRow, SyncRow } from '../db/tables.js';
import { normalizeEmail } from '../domain/people.js';
import {
  type CustomerFields,
  customerUpdate,
  type InboundMapping,
  mapCustomer,
  type NameVersion,
  type ReturnMapping,
} from '../domain/sync-mapping.js';
import { insertReferrer } from './referrer-writes.js';

/** A sync's settings as stored (validated by the API). */
export type SyncConfig = {
  inbound: InboundMapping;
  return: ReturnMapping;
  name_version: NameVersion;
  /** Write the return fields to Stripe (off: bring customers in only). */
  write_back: boolean;
  /** This sync's own pace, below the account's budget; null: the budget alone. */
  requests_per_second: number | null;
};

export const readSyncConfig = (sync: SyncRow) => sync.config as unknown as SyncConfig;

const NONE = { to: 'none' } as const;

/** What a sync pass decided for some customers, and whether it must stop (the participant limit). */
export type Outcome = SyncCounts & { stopped: boolean };

const emptyCounts = (): Outcome => ({
  seen: 0,
  created: 0,
  matched: 0,
  skipped: {},
  already_current: 0,
  stopped: false,
});

/**
 * Brings customers into a sync's campaign, in the caller's transaction (the campaign row is locked for the
 * participant count): each is matched to a referrer by Stripe customer id, then by email, or made one;
 * blank mapped fields and the participant limit are recorded as skips; each referrer's return fields are
 * queued for write-back unless the customer already shows them. A dry run decides the same and writes
 * nothing but its counts.
 */
export async function syncCustomers(
  tx: Tx,
  sync: SyncRow,
  customers: CustomerFields[],
  publicUrl: string,
  at: Date,
): Promise<Outcome> {
  const out = emptyCounts();
  if (customers.length === 0) return out;
  const config = readSyncConfig(sync);
  const campaign = await campaignsRepository(tx).lock(sync.campaign_id);
  if (!campaign) return { ...out, stopped: true };
  const syncs = syncsRepository(tx);
  const referrers = referrersRepository(tx);
  const linked = await linkedReferrers(tx, sync, campaign, customers);
  let placesLeft =
    campaign.participant_limit === null
      ? Number.POSITIVE_INFINITY
      : campaign.participant_limit - campaign.participant_count;

  for (const customer of customers) {
    out.seen++;
    let referrerId = linked.get(customer.id);
    const mapped = mapCustomer(customer, config.inbound, config.name_version);
    if (!referrerId && 'skip' in mapped) {
      out.skipped.missing_field = (out.skipped.missing_field ?? 0) + 1;
      if (!sync.dry_run)
        await syncs.recordSkip(sync.id, customer.id, 'missing_field', `${mapped.field} is blank`);
      continue;
    }
    if (!referrerId && 'referrer' in mapped) {
      const byEmail = await referrers.findByEmail(campaign.id, normalizeEmail(mapped.referrer.email));
      if (byEmail) {
        referrerId = byEmail.id;
        if (!sync.dry_run) await link(tx, sync, customer.id, referrerId, at);
      } else if (placesLeft <= 0) {
        out.skipped.participant_limit = (out.skipped.participant_limit ?? 0) + 1;
        if (sync.dry_run) continue;
        await syncs.recordSkip(
          sync.id,
          customer.id,
          'participant_limit',
          `the campaign's limit of ${campaign.participant_limit} participants is reached`,
        );
        out.seen--;
        out.stopped = true;
        return out;
      } else {
        placesLeft--;
        out.created++;
        if (sync.dry_run) continue;
        const inserted = await insertReferrer(
          tx,
          campaign,
          {
            email: mapped.referrer.email,
            first_name: mapped.referrer.first_name,
            last_name: mapped.referrer.last_name,
            metadata: mapped.referrer.metadata,
          },
          'sync',
          at,
        );
        if ('conflict' in inserted) throw new Error(`referrer ${mapped.referrer.email} appeared meanwhile`);
        await campaignsRepository(tx).takePlaces(campaign.id, 1);
        referrerId = inserted.referrer.id;
        await link(tx, sync, customer.id, referrerId, at);
        await queueWriteBack(tx, sync, customer, referrerId, publicUrl, out);
        continue;
      }
    }
    if (!referrerId) continue;
    out.matched++;
    if (!sync.dry_run) await queueWriteBack(tx, sync, customer, referrerId, publicUrl, out);
  }
  return out;
}

/** Referrers of the campaign already linked to these customers. */
async function linkedReferrers(tx: Tx, sync: SyncRow, campaign: CampaignRow, customers: CustomerFields[]) {
  const rows = await tx
    .selectFrom('customer_links as l')
    .innerJoin('referrers as r', 'r.id', 'l.referrer_id')
    .select(['l.customer_id', 'l.referrer_id'])
    .where('l.connection_id', '=', sync.connection_id)
    .where(
      'l.customer_id',
      'in',
      customers.map((c) => c.id),
    )
    .where('r.campaign_id', '=', campaign.id)
    .execute();
  return new Map(rows.map((r) => [r.customer_id, r.referrer_id!]));
}

async function link(tx: Tx, sync: SyncRow, customerId: string, referrerId: string, at: Date) {
  await tx
    .insertInto('customer_links')
    .values({
      connection_id: sync.connection_id,
      customer_id: customerId,
      referrer_id: referrerId,
      how: 'sync',
      created_at: at,
    })
    .onConflict((oc) =>
      oc
        .columns(['connection_id', 'customer_id', 'referrer_id'])
        .where('referrer_id', 'is not', null)
        .doNothing(),
    )
    .execute();
}

/** The values a referrer's customer should show: link, code and counts. */
export async function returnValues(tx: Tx, referrerId: string, publicUrl: string) {
  const r = await referrersRepository(tx).findById(referrerId);
  if (!r) return undefined;
  return {
    referral_link: `${publicUrl}/r/${r.slug}`,
    referral_code: r.referral_code,
    referrals_count: r.referrals_count,
    converted_count: r.converted_count,
  };
}

async function queueWriteBack(
  tx: Tx,
  sync: SyncRow,
  customer: CustomerFields,
  referrerId: string,
  publicUrl: string,
  out: Outcome,
) {
  const config = readSyncConfig(sync);
  if (!config.write_back) return;
  const values = await returnValues(tx, referrerId, publicUrl);
  if (!values) return;
  const params = customerUpdate(customer, values, config.return);
  if (!params) {
    out.already_current++;
    return;
  }
  await syncsRepository(tx).queueWrite(sync.id, customer.id, referrerId, params);
}

/**
 * A referrer's counts changed (a new lead, a lead qualified or taken back): every sync writing counts to
 * this campaign's customers queues the new numbers for the referrer's customers. A write already waiting
 * takes the new numbers instead, so a burst of changes becomes one request.
 */
export async function queueCountsWriteBack(tx: Tx, campaignId: string, referrerId: string): Promise<void> {
  const syncs = await syncsRepository(tx).writingFor(campaignId);
  let referrer: ReferrerWithCounts | undefined;
  for (const sync of syncs) {
    const config = readSyncConfig(sync);
    if (!config.write_back) continue;
    // Only the counts changed: the link and the code stay out of this write.
    const mapping = { ...config.return, referral_link: NONE, referral_code: NONE };
    if (mapping.referrals_count.to === 'none' && mapping.converted_count.to === 'none') continue;
    referrer ??= await referrersRepository(tx).findById(referrerId);
    if (!referrer) return;
    const customers = await tx
      .selectFrom('customer_links')
      .select('customer_id')
      .where('connection_id', '=', sync.connection_id)
      .where('referrer_id', '=', referrerId)
      .where('how', '=', 'sync')
      .execute();
    for (const c of customers) {
      // What the customer shows now is not known here, so every mapped count is written.
      const params = customerUpdate(
        { id: c.customer_id, name: null, email: null, description: null, phone: null, metadata: {} },
        {
          referral_link: '',
          referral_code: null,
          referrals_count: referrer.referrals_count,
          converted_count: referrer.converted_count,
        },
        mapping,
      );
      if (params) await syncsRepository(tx).queueWrite(sync.id, c.customer_id, referrerId, params);
    }
  }
}
