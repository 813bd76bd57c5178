import type { Tx } from '../db/database.js';
import { leadMatchesRepository } from '../db/repositories/lead-matches.js';
import { customerLockKey, paymentFactsRepository } from '../db/repositories/payment-facts.js';
import { syncsRepository } from '../db/repositories/syncs.js';
import type { CustomerLinkHow, SyncRow } from '../db/tables.js';
import {
  canBeNewCustomerOf,
  emailLinkHow,
  emailToMatch,
  leadIdsInMetadata,
} from '../domain/customer-matching.js';
import type { CustomerSeen } from '../domain/event-commands.js';
import type { CustomerFields } from '../domain/sync-mapping.js';
import { type BatchReads, nothingRead } from './batch-reads.js';
import { syncCustomers } from './customer-import.js';
import { linkCustomerToLead } from './customer-linking.js';

/** A connection's ongoing syncs, as read once for a batch of events. */
export type OngoingSyncs = (connectionId: string) => Promise<SyncRow[]>;

/**
 * Within one transaction, each connection's ongoing syncs are read once however many customer events the
 * batch holds (a sync's counts are added in SQL, so the rows read first stay good for the batch).
 */
export function ongoingSyncsOnce(tx: Tx): OngoingSyncs {
  const read = new Map<string, Promise<SyncRow[]>>();
  return (connectionId) => {
    let rows = read.get(connectionId);
    if (!rows) {
      rows = syncsRepository(tx).ongoing(connectionId);
      read.set(connectionId, rows);
    }
    return rows;
  };
}

/** Ongoing syncs of this connection take in a customer created or changed in Stripe within seconds. */
async function enrol(
  tx: Tx,
  connectionId: string,
  fields: CustomerFields,
  publicUrl: string,
  now: Date,
  ongoing: OngoingSyncs,
): Promise<void> {
  const syncs = syncsRepository(tx);
  for (const sync of await ongoing(connectionId)) {
    const out = await syncCustomers(tx, sync, [fields], publicUrl, now);
    await syncs.addCounts(sync.id, out);
  }
}

/**
 * A customer appears (or a checkout completes): link it to the lead whose id Vouch wrote in its metadata,
 * or, for campaigns that wait for the business's own checkout, to the pending lead with the same email
 * (`domain/customer-matching.ts`). Linking re-runs the lead's verdict. `publicUrl` is the base of referral
 * links, which ongoing syncs write back to Stripe; `reads` what its batch did ahead (`batch-reads.ts`).
 */
export async function applyCustomer(
  tx: Tx,
  seen: CustomerSeen,
  now: Date,
  publicUrl: string | undefined,
  ongoing: OngoingSyncs = ongoingSyncsOnce(tx),
  reads: BatchReads = nothingRead(),
): Promise<void> {
  if (seen.syncFields && publicUrl)
    await enrol(tx, seen.connectionId, seen.syncFields, publicUrl, now, ongoing);
  const fromMetadata = leadIdsInMetadata(seen.metadata);
  const email = emailToMatch(seen);
  // Most customer events name no lead and match none by email: nothing to link, nothing to lock.
  if (fromMetadata.length === 0 && !email) return;
  const key = customerLockKey(seen.connectionId, seen.customerId);
  const known = reads.waiting.get(key);
  if (fromMetadata.length === 0 && known?.length === 0) return;
  if (!reads.held.has(key)) await paymentFactsRepository(tx).lockCustomer(seen.connectionId, seen.customerId);
  const matches = leadMatchesRepository(tx);
  const linked: Array<{ leadId: string; how: CustomerLinkHow }> = [];
  for (const leadId of await matches.inConnection(seen.connectionId, fromMetadata))
    linked.push({ leadId, how: 'metadata' });
  if (email) {
    const customer = { customerId: seen.customerId, email, createdAt: seen.createdAt };
    const waiting =
      known ??
      (await matches.waitingForEmails(seen.connectionId, [email]))
        .filter((lead) => canBeNewCustomerOf(lead, customer))
        .map((lead) => lead.id);
    for (const leadId of waiting)
      if (!linked.some((l) => l.leadId === leadId)) linked.push({ leadId, how: emailLinkHow(seen.via) });
  }
  for (const link of linked)
    await linkCustomerToLead(
      tx,
      { connectionId: seen.connectionId, customerId: seen.customerId, ...link },
      seen.cause,
      now,
    );
}
