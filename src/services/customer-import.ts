import { sql } from 'kysely';
import type { Tx } from '../db/database.js';
import { probeEach } from '../db/probe-each.js';
import { campaignsRepository } from '../db/repositories/campaigns.js';
import { type SyncCounts, type SyncPage, syncsRepository } from '../db/repositories/syncs.js';
import type { CampaignRow, ReferrerRow, SyncRow, SyncSkipReason, SyncStanding } from '../db/tables.js';
import { normalizeEmail } from '../domain/people.js';
import { referralLink } from '../domain/referral-link.js';
import { readSyncConfig } from '../domain/sync-config.js';
import { type CustomerFields, type MappedReferrer, mapCustomer } from '../domain/sync-mapping.js';
import { queueWriteBack, returnValues } from './customer-write-back.js';
import { insertReferrer } from './referrer-writes.js';

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
 * What became of one customer: a referrer made or found (and whether the customer already showed its values;
 * a dry run's would-be referrer keeps its email), or a skip with its detail.
 */
type Decision =
  | { standing: 'created' | 'matched'; current: boolean; plannedEmail?: string }
  | { standing: SyncSkipReason; detail: string };

/**
 * Brings customers into a sync's campaign, in the caller's transaction (the campaign row is locked for the
 * participant count): each is matched to a referrer by Stripe customer id, then by email, or made one;
 * blank mapped fields and the participant limit are recorded as skips (the first customer over the limit
 * stops the pass); each referrer's return fields are queued for write-back unless the customer already
 * shows them. Each customer counts once per sync (see `tally`).
 *
 * A dry run decides exactly the same and records only its counts, skips and standings: the places its
 * earlier pages would have taken are the referrers it counted as created, and the referrers it would have
 * made are found by email from its standings, so a later customer with the same email is already a
 * referrer, as in the real run. The lookups, links, skips and queued writes of the customers given are one
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
  const config = readSyncConfig(sync.config);
  const campaign = await campaignsRepository(tx).lock(sync.campaign_id);
  if (!campaign) return { ...out, stopped: true };
  const syncs = syncsRepository(tx);
  const met = await syncs.standings(
    sync.id,
    customers.map((c) => c.id),
  );
  const linked = await linkedReferrers(tx, sync, campaign, customers);
  const mapped = customers.map((c) => mapCustomer(c, config.inbound, config.name_version));
  const emails = [
    ...new Set(
      mapped.flatMap((m, i) =>
        'referrer' in m && !linked.has(customers[i]!.id) ? [normalizeEmail(m.referrer.email)] : [],
      ),
    ),
  ];
  // Referrers by email: the campaign's, and in a dry run the ones it would have made (no id yet: null).
  const byEmail: Map<string, string | null> = await referrersByEmail(tx, campaign.id, emails);
  if (sync.dry_run)
    for (const email of await syncs.plannedEmails(sync.id, emails))
      if (!byEmail.has(email)) byEmail.set(email, null);
  const page: SyncPage = {
    links: new Map(),
    writes: new Map(),
    skips: new Map(),
    standings: new Map(),
    unskipped: [],
  };
  let placesTaken = 0;
  const placesLeft =
    campaign.participant_limit === null
      ? Number.POSITIVE_INFINITY
      : campaign.participant_limit - campaign.participant_count - (sync.dry_run ? sync.created : 0);

  for (const [i, customer] of customers.entries()) {
    const mappedCustomer = mapped[i]!;
    let referrerId: string | null | undefined = linked.get(customer.id);
    let decision: Decision | undefined;
    if (referrerId === undefined && 'skip' in mappedCustomer) {
      decision = { standing: 'missing_field', detail: `${mappedCustomer.field} is blank` };
    } else if (referrerId === undefined && 'referrer' in mappedCustomer) {
      const email = normalizeEmail(mappedCustomer.referrer.email);
      referrerId = byEmail.get(email);
      if (referrerId !== undefined) {
        if (referrerId !== null) page.links.set(customer.id, referrerId);
      } else if (placesTaken >= placesLeft) {
        decision = {
          standing: 'participant_limit',
          detail: `the campaign's limit of ${campaign.participant_limit} participants is reached`,
        };
      } else if (sync.dry_run) {
        placesTaken++;
        byEmail.set(email, null);
        decision = { standing: 'created', current: false, plannedEmail: email };
      } else {
        placesTaken++;
        const referrer = await createReferrer(tx, campaign, mappedCustomer.referrer, at);
        byEmail.set(email, referrer.id);
        page.links.set(customer.id, referrer.id);
        // A referrer made a moment ago has no referrals yet: nothing to read back.
        const values = {
          referral_link: referralLink(publicUrl, referrer.slug),
          referral_code: referrer.referral_code,
          referrals_count: 0,
          converted_count: 0,
        };
        decision = {
          standing: 'created',
          current: queueWriteBack(config, page, customer, referrer.id, values),
        };
      }
    }
    if (decision === undefined) {
      // Already a referrer; in a dry run perhaps one it would have made, whose values are all new.
      let current = false;
      if (referrerId && config.write_back) {
        const values = await returnValues(tx, referrerId, publicUrl);
        if (values) current = queueWriteBack(config, page, customer, referrerId, values);
      }
      decision = { standing: 'matched', current };
    }
    tally(out, page, customer.id, met.get(customer.id), decision);
    if (decision.standing === 'participant_limit') {
      out.stopped = true;
      break;
    }
  }
  // A dry run takes no place and writes no link and no write-back: only what it decided.
  if (!sync.dry_run && placesTaken > 0) await campaignsRepository(tx).takePlaces(campaign.id, placesTaken);
  await syncs.savePage(sync, page, at);
  return out;
}

const isReferrer = (standing: SyncStanding) => standing === 'created' || standing === 'matched';

/**
 * Counts a customer once per sync: under its standing the first time the sync meets it. An ongoing sync
 * meets its customers again (its own write-backs come back as `customer.updated`, every catch-up pass
 * lists them all): a referrer stays counted as it was, and a skipped customer counts again only when its
 * standing changes, moving from its old count to its new one (a customer given an email joins).
 */
function tally(
  out: Outcome,
  page: SyncPage,
  customerId: string,
  before: SyncStanding | undefined,
  decision: Decision,
): void {
  if (before !== undefined && isReferrer(before)) return;
  if ('detail' in decision)
    page.skips.set(customerId, { reason: decision.standing, detail: decision.detail });
  if (before === decision.standing) return;
  if (before === undefined) out.seen++;
  else {
    count(out, before, -1);
    if (isReferrer(decision.standing)) page.unskipped.push(customerId);
  }
  count(out, decision.standing, 1);
  if ('current' in decision && decision.current) out.already_current++;
  page.standings.set(customerId, {
    standing: decision.standing,
    email: ('plannedEmail' in decision && decision.plannedEmail) || null,
  });
}

function count(out: Outcome, standing: SyncStanding, n: number): void {
  if (standing === 'created') out.created += n;
  else if (standing === 'matched') out.matched += n;
  else out.skipped[standing] = (out.skipped[standing] ?? 0) + n;
}

/** A new referrer for a customer whose email the campaign has not seen (checked by the caller). */
async function createReferrer(
  tx: Tx,
  campaign: CampaignRow,
  person: MappedReferrer,
  at: Date,
): Promise<ReferrerRow> {
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
  return inserted.referrer;
}

/** The campaign's referrers with these normalized emails (one index probe each: see `probeEach`). */
async function referrersByEmail(
  tx: Tx,
  campaignId: string,
  emails: string[],
): Promise<Map<string, string | null>> {
  if (emails.length === 0) return new Map();
  const { rows } = await probeEach<{ id: string; email_normalized: string }>(
    emails,
    (key) => sql`
      select id, email_normalized from referrers where campaign_id = ${campaignId} and email_normalized = ${key}`,
  ).execute(tx);
  return new Map(rows.map((r) => [r.email_normalized, r.id]));
}

/**
 * Referrers of the campaign already linked to these customers: the customers' links (one index probe each:
 * see `probeEach`), then which of their referrers are the campaign's, by primary key.
 */
async function linkedReferrers(tx: Tx, sync: SyncRow, campaign: CampaignRow, customers: CustomerFields[]) {
  const { rows: links } = await probeEach<{ customer_id: string; referrer_id: string }>(
    customers.map((c) => c.id),
    (key) => sql`
      select customer_id, referrer_id from customer_links
      where connection_id = ${sync.connection_id} and customer_id = ${key} and referrer_id is not null`,
  ).execute(tx);
  if (links.length === 0) return new Map<string, string>();
  const ours = await tx
    .selectFrom('referrers')
    .select('id')
    .where('id', 'in', [...new Set(links.map((l) => l.referrer_id))])
    .where('campaign_id', '=', campaign.id)
    .execute();
  const campaignReferrers = new Set(ours.map((r) => r.id));
  return new Map(
    links.flatMap((l) => (campaignReferrers.has(l.referrer_id) ? [[l.customer_id, l.referrer_id]] : [])),
  );
}
