import type { Tx } from '../db/database.js';
import { type ReferrerWithCounts, referrersRepository } from '../db/repositories/referrers.js';
import { type QueuedWrite, syncWritesRepository } from '../db/repositories/sync-writes.js';
import { type SyncPage, syncsRepository } from '../db/repositories/syncs.js';
import type { SyncRow } from '../db/tables.js';
import { referralLink } from '../domain/referral-link.js';
import { readSyncConfig, type SyncConfig } from '../domain/sync-config.js';
import { type CustomerFields, customerUpdate, type ReturnValues } from '../domain/sync-mapping.js';

const NONE = { to: 'none' } as const;

/** The values a referrer's customer should show: link, code and counts. */
export async function returnValues(tx: Tx, referrerId: string, publicUrl: string) {
  const r = await referrersRepository(tx).findById(referrerId);
  if (!r) return undefined;
  return {
    referral_link: referralLink(publicUrl, r.slug),
    referral_code: r.referral_code,
    referrals_count: r.referrals_count,
    converted_count: r.converted_count,
  };
}

/** Queues the customer's write-back, unless it already shows the values: then answers true. */
export function queueWriteBack(
  config: SyncConfig,
  page: SyncPage,
  customer: CustomerFields,
  referrerId: string,
  values: ReturnValues,
): boolean {
  if (!config.write_back) return false;
  const params = customerUpdate(customer, values, config.return);
  if (!params) return true;
  page.writes.set(customer.id, { referrerId, params });
  return false;
}

/**
 * A referrer's counts changed (a new lead, a lead qualified or taken back): every sync writing counts to
 * this campaign's customers queues the new numbers for the referrer's customers. A write already waiting
 * takes the new numbers instead, so a burst of changes becomes one request.
 */
export async function queueCountsWriteBack(
  tx: Tx,
  campaignId: string,
  referrerId: string,
  syncsOf: (campaignId: string) => Promise<SyncRow[]> = (id) => syncsRepository(tx).writingFor(id),
): Promise<void> {
  const syncs = await syncsOf(campaignId);
  let referrer: ReferrerWithCounts | undefined;
  for (const sync of syncs) {
    const config = readSyncConfig(sync.config);
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
    const writes = new Map<string, QueuedWrite>();
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
      if (params) writes.set(c.customer_id, { referrerId, params });
    }
    await syncWritesRepository(tx).queueWrites(sync.id, writes);
  }
}
