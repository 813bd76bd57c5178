import type { Tx } from '../db/database.js';
import { campaignsRepository } from '../db/repositories/campaigns.js';
import { type ReferrerWithCounts, referrersRepository } from '../db/repositories/referrers.js';
import { type SyncCounts, syncsRepository } from '../db/repositories/syncs.js';
import type { CampaignRow, SyncRow, SyncSkipReason } from '../db/tables.js';
import { normalizeEmail } from '../domain/people.js';
import {
  type CustomerFields,
  customerUpdate,
  type InboundMapping,
  mapCustomer,
  type NameVersion,
  type ReturnMapping,
  type ReturnValues,
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

/** What one page decided to write: collected, then written in one statement each. */
type PageWrites = {
  links: Map<string, string>;
  writes: Map<string, { referrerId: string; params: object }>;
  skips: Map<string, { reason: SyncSkipReason; detail: string }>;
  placesTaken: number;
};

/**
 * Brings customers into a sync's campaign, in the caller's transaction (the campaign row is locked for the
 * participant count): each is matched to a referrer by Stripe customer id, then by email, or made one;
 * blank mapped fields and the participant limit are recorded as skips; each referrer's return fields are
 * queued for write-back unless the customer already shows them. A dry run decides the same and writes
 * nothing but its counts. The lookups, links, skips and queued writes of the customers given are one
 * statement each; only new referrers are inserted one by one (each draws its own slug and code).
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
  const linked = await linkedReferrers(tx, sync, campaign, customers);
  const mapped = customers.map((c) => mapCustomer(c, config.inbound, config.name_version));
  const byEmail = await referrersByEmail(
    tx,
    campaign.id,
    mapped.flatMap((m, i) => ('referrer' in m && !linked.has(customers[i]!.id) ? [m.referrer.email] : [])),
  );
  const page: PageWrites = { links: new Map(), writes: new Map(), skips: new Map(), placesTaken: 0 };
  let placesLeft =
    campaign.participant_limit === null
      ? Number.POSITIVE_INFINITY
      : campaign.participant_limit - campaign.participant_count;

  for (const [i, customer] of customers.entries()) {
    out.seen++;
    let referrerId = linked.get(customer.id);
    const mappedCustomer = mapped[i]!;
    if (!referrerId && 'skip' in mappedCustomer) {
      out.skipped.missing_field = (out.skipped.missing_field ?? 0) + 1;
      page.skips.set(customer.id, { reason: 'missing_field', detail: `${mappedCustomer.field} is blank` });
      continue;
    }
    if (!referrerId && 'referrer' in mappedCustomer) {
      const person = mappedCustomer.referrer;
      const email = normalizeEmail(person.email);
      referrerId = byEmail.get(email);
      if (referrerId) {
        page.links.set(customer.id, referrerId);
      } else if (placesLeft <= 0) {
        out.skipped.participant_limit = (out.skipped.participant_limit ?? 0) + 1;
        if (sync.dry_run) continue;
        page.skips.set(customer.id, {
          reason: 'participant_limit',
          detail: `the campaign's limit of ${campaign.participant_limit} participants is reached`,
        });
        out.seen--;
        out.stopped = true;
        break;
      } else {
        placesLeft--;
        out.created++;
        if (sync.dry_run) continue;
        const inserted = await insertReferrer(
          tx,
          campaign,
          {
            email: person.email,
            first_name: person.first_name,
            last_name: person.last_name,
            metadata: person.metadata,
          },
          'sync',
          at,
        );
        if ('conflict' in inserted) throw new Error(`referrer ${person.email} appeared meanwhile`);
        const referrer = inserted.referrer;
        page.placesTaken++;
        byEmail.set(email, referrer.id);
        page.links.set(customer.id, referrer.id);
        // A referrer made a moment ago has no referrals yet: nothing to read back.
        const values = {
          referral_link: `${publicUrl}/r/${referrer.slug}`,
          referral_code: referrer.referral_code,
          referrals_count: 0,
          converted_count: 0,
        };
        queueWriteBack(config, page, customer, referrer.id, values, out);
        continue;
      }
    }
    if (!referrerId) continue;
    out.matched++;
    if (sync.dry_run || !config.write_back) continue;
    const values = await returnValues(tx, referrerId, publicUrl);
    if (values) queueWriteBack(config, page, customer, referrerId, values, out);
  }
  if (!sync.dry_run) await writePage(tx, sync, campaign.id, page, at);
  return out;
}

/** The campaign's referrers with these emails, by normalized email. */
async function referrersByEmail(tx: Tx, campaignId: string, emails: string[]): Promise<Map<string, string>> {
  const normalized = [...new Set(emails.map(normalizeEmail))];
  if (normalized.length === 0) return new Map();
  const rows = await tx
    .selectFrom('referrers')
    .select(['id', 'email_normalized'])
    .where('campaign_id', '=', campaignId)
    .where('email_normalized', 'in', normalized)
    .execute();
  return new Map(rows.map((r) => [r.email_normalized, r.id]));
}

/** The places a page took, its links, skips and queued writes: one statement each. */
async function writePage(tx: Tx, sync: SyncRow, campaignId: string, page: PageWrites, at: Date) {
  if (page.placesTaken > 0) await campaignsRepository(tx).takePlaces(campaignId, page.placesTaken);
  if (page.links.size > 0)
    await tx
      .insertInto('customer_links')
      .values(
        [...page.links].map(([customerId, referrerId]) => ({
          connection_id: sync.connection_id,
          customer_id: customerId,
          referrer_id: referrerId,
          how: 'sync' as const,
          created_at: at,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['connection_id', 'customer_id', 'referrer_id'])
          .where('referrer_id', 'is not', null)
          .doNothing(),
      )
      .execute();
  if (page.skips.size > 0)
    await tx
      .insertInto('sync_skips')
      .values(
        [...page.skips].map(([customerId, skip]) => ({ sync_id: sync.id, customer_id: customerId, ...skip })),
      )
      .onConflict((oc) =>
        oc.columns(['sync_id', 'customer_id']).doUpdateSet((eb) => ({
          reason: eb.ref('excluded.reason'),
          detail: eb.ref('excluded.detail'),
        })),
      )
      .execute();
  if (page.writes.size > 0)
    await tx
      .insertInto('sync_writes')
      .values(
        [...page.writes].map(([customerId, write]) => ({
          sync_id: sync.id,
          customer_id: customerId,
          referrer_id: write.referrerId,
          params: JSON.stringify(write.params),
        })),
      )
      // A write already waiting for the customer takes the new parameters instead.
      .onConflict((oc) =>
        oc
          .columns(['sync_id', 'customer_id'])
          .where('done_at', 'is', null)
          .doUpdateSet((eb) => ({
            params: eb.ref('excluded.params'),
            referrer_id: eb.ref('excluded.referrer_id'),
          })),
      )
      .execute();
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

/** Queues the customer's write-back, unless it already shows the values. */
function queueWriteBack(
  config: SyncConfig,
  page: PageWrites,
  customer: CustomerFields,
  referrerId: string,
  values: ReturnValues,
  out: Outcome,
): void {
  if (!config.write_back) return;
  const params = customerUpdate(customer, values, config.return);
  if (!params) {
    out.already_current++;
    return;
  }
  page.writes.set(customer.id, { referrerId, params });
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
