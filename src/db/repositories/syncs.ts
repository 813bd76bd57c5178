import { type Insertable, sql, type Updateable } from 'kysely';
import type { Executor } from '../database.js';
import { probeEach } from '../probe-each.js';
import type { SyncRow, SyncSkipReason, SyncStanding, SyncsTable } from '../tables.js';
import { type QueuedWrite, syncWritesRepository } from './sync-writes.js';

export type SyncCounts = {
  seen: number;
  created: number;
  matched: number;
  skipped: Partial<Record<SyncSkipReason, number>>;
  already_current: number;
};

/** What one page of a sync decided to record: collected, then written in one statement each. */
export type SyncPage = {
  links: Map<string, string>;
  /** Write-backs to queue, by customer. */
  writes: Map<string, QueuedWrite>;
  skips: Map<string, { reason: SyncSkipReason; detail: string }>;
  /** Customers met for the first time, or whose standing changed; a dry run's would-be referrers' emails. */
  standings: Map<string, { standing: SyncStanding; email: string | null }>;
  /** Customers skipped before that are referrers now: their skips go. */
  unskipped: string[];
};

export function syncsRepository(db: Executor) {
  return {
    async insert(row: Insertable<SyncsTable>): Promise<SyncRow | undefined> {
      return db
        .insertInto('syncs')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
    },

    async findById(id: string): Promise<SyncRow | undefined> {
      return db.selectFrom('syncs').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async lock(id: string): Promise<SyncRow | undefined> {
      return db.selectFrom('syncs').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    },

    async list(campaignId: string, limit: number, startingAfter?: string): Promise<SyncRow[]> {
      let q = db
        .selectFrom('syncs')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (startingAfter) q = q.where('id', '<', startingAfter);
      return q.execute();
    },

    /**
     * How many customers the campaign's latest finished dry run saw: the best guess of a total. A dry run
     * stopped by the participant limit saw what the real run will see before it stops.
     */
    async lastDryRunTotal(campaignId: string): Promise<number | undefined> {
      const row = await db
        .selectFrom('syncs')
        .select('seen')
        .where('campaign_id', '=', campaignId)
        .where('dry_run', '=', true)
        .where('status', 'in', ['completed', 'stopped'])
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return row?.seen;
    },

    /** Syncs a runner should work on now: passes under way, and ongoing syncs due for their next pass. */
    async due(at: Date): Promise<SyncRow[]> {
      return db
        .selectFrom('syncs')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb('status', '=', 'running'),
            eb.and([eb('status', '=', 'live'), eb('next_pass_at', '<=', at)]),
            eb.and([
              eb('status', '=', 'live'),
              eb.exists(
                eb
                  .selectFrom('sync_writes as w')
                  .select('w.id')
                  .whereRef('w.sync_id', '=', 'syncs.id')
                  .where('w.done_at', 'is', null),
              ),
            ]),
          ]),
        )
        .orderBy('id')
        .execute();
    },

    /** Ongoing syncs enrolling new customers of this connection as they appear. */
    async ongoing(connectionId: string): Promise<SyncRow[]> {
      return db
        .selectFrom('syncs')
        .selectAll()
        .where('connection_id', '=', connectionId)
        .where('kind', '=', 'ongoing')
        .where('dry_run', '=', false)
        .where('status', 'in', ['running', 'live'])
        .execute();
    },

    /** The campaign's sync that is running or live, if any (a campaign has one at a time). */
    async findInProgress(campaignId: string): Promise<SyncRow | undefined> {
      return db
        .selectFrom('syncs')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .where('status', 'in', ['running', 'live'])
        .executeTakeFirst();
    },

    /** Syncs that write back to this campaign's customers (running or live, not dry runs). */
    async writingFor(campaignId: string): Promise<SyncRow[]> {
      return db
        .selectFrom('syncs')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .where('dry_run', '=', false)
        .where('status', 'in', ['running', 'live'])
        .execute();
    },

    async update(id: string, changes: Updateable<SyncsTable>): Promise<void> {
      await db
        .updateTable('syncs')
        .set({ ...changes, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
    },

    /** Adds a page's (or one customer's) counts. */
    async addCounts(id: string, c: SyncCounts, changes: Updateable<SyncsTable> = {}): Promise<void> {
      const skipped = Object.entries(c.skipped).reduce(
        (acc, [reason, n]) =>
          sql`jsonb_set(${acc}, ${`{${reason}}`}::text[], to_jsonb(coalesce((${acc}->>${reason})::int, 0) + ${n}::int))`,
        sql`skipped`,
      );
      await db
        .updateTable('syncs')
        .set({
          ...changes,
          seen: sql`seen + ${c.seen}`,
          created: sql`created + ${c.created}`,
          matched: sql`matched + ${c.matched}`,
          already_current: sql`already_current + ${c.already_current}`,
          skipped: skipped as never,
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
    },

    /** Where each of these customers stands in the sync, for those it has met before. */
    async standings(syncId: string, customerIds: string[]): Promise<Map<string, SyncStanding>> {
      if (customerIds.length === 0) return new Map();
      const { rows } = await probeEach<{ customer_id: string; standing: SyncStanding }>(
        customerIds,
        (key) => sql`
          select customer_id, standing from sync_customers where sync_id = ${syncId} and customer_id = ${key}`,
      ).execute(db);
      return new Map(rows.map((r) => [r.customer_id, r.standing]));
    },

    /** Of these normalized emails, those of referrers a dry run would have made on its earlier pages. */
    async plannedEmails(syncId: string, emails: string[]): Promise<Set<string>> {
      if (emails.length === 0) return new Set();
      const { rows } = await probeEach<{ email_normalized: string }>(
        emails,
        (key) => sql`
          select email_normalized from sync_customers where sync_id = ${syncId} and email_normalized = ${key}`,
      ).execute(db);
      return new Set(rows.map((r) => r.email_normalized));
    },

    /**
     * A page's standings and skips, and unless the sync is a dry run its links and queued writes: one
     * statement each.
     */
    async savePage(
      sync: Pick<SyncRow, 'id' | 'connection_id' | 'dry_run'>,
      page: SyncPage,
      at: Date,
    ): Promise<void> {
      if (page.standings.size > 0)
        await db
          .insertInto('sync_customers')
          .values(
            [...page.standings].map(([customerId, s]) => ({
              sync_id: sync.id,
              customer_id: customerId,
              standing: s.standing,
              email_normalized: s.email,
            })),
          )
          .onConflict((oc) =>
            oc
              .columns(['sync_id', 'customer_id'])
              .doUpdateSet((eb) => ({ standing: eb.ref('excluded.standing') })),
          )
          .execute();
      if (page.skips.size > 0)
        await db
          .insertInto('sync_skips')
          .values(
            [...page.skips].map(([customerId, skip]) => ({
              sync_id: sync.id,
              customer_id: customerId,
              ...skip,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['sync_id', 'customer_id']).doUpdateSet((eb) => ({
              reason: eb.ref('excluded.reason'),
              detail: eb.ref('excluded.detail'),
            })),
          )
          .execute();
      if (page.unskipped.length > 0)
        await db
          .deleteFrom('sync_skips')
          .where('sync_id', '=', sync.id)
          .where('customer_id', 'in', page.unskipped)
          .execute();
      if (sync.dry_run) return;
      if (page.links.size > 0)
        await db
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
      await syncWritesRepository(db).queueWrites(sync.id, page.writes);
    },

    async skips(syncId: string, limit: number, startingAfter?: string, reason?: SyncSkipReason) {
      let q = db
        .selectFrom('sync_skips')
        .selectAll()
        .where('sync_id', '=', syncId)
        .orderBy('customer_id')
        .limit(limit + 1);
      if (reason) q = q.where('reason', '=', reason);
      if (startingAfter) q = q.where('customer_id', '>', startingAfter);
      return q.execute();
    },

    /**
     * When the campaign last gained a referrer from a sync, at or after `since`: the newest such referrer
     * (ids sort by creation, so the campaign's index is read from its newest end).
     */
    async lastEnrolledAt(campaignId: string, since: Date): Promise<Date | null> {
      const row = await db
        .selectFrom('referrers')
        .select('created_at')
        .where('campaign_id', '=', campaignId)
        .where('source', '=', 'sync')
        .where('created_at', '>=', since)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.created_at ?? null;
    },
  };
}
