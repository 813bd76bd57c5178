import type { Database } from '../db/database.js';
import { syncWritesRepository } from '../db/repositories/sync-writes.js';
import { syncsRepository } from '../db/repositories/syncs.js';
import type { SyncRow } from '../db/tables.js';
import { createId } from '../domain/ids.js';
import {
  readSyncConfig,
  type SyncConfig,
  type SyncKind,
  type SyncSkipReason,
} from '../domain/sync-config.js';
import {
  checkInboundMapping,
  checkReturnMapping,
  formatName,
  NAME_VERSIONS,
  type NameVersion,
} from '../domain/sync-mapping.js';
import { conflict, invalidParameter, notFound } from '../errors.js';
import { customersPage } from '../stripe/customer-pages.js';
import type { StripeGateway } from '../stripe/gateway.js';
import { campaignConnection } from './campaign-connection.js';

export type NewSync = SyncConfig & { kind: SyncKind; dry_run: boolean };

const rate = (n: number, since: Date | null, until: Date) => {
  if (!since) return null;
  const seconds = (until.getTime() - since.getTime()) / 1000;
  return seconds > 0 ? Number((n / seconds).toFixed(1)) : null;
};

/**
 * How long a sync at work reuses a large count of its waiting write-backs. Counting reads every waiting row
 * (100,000 at the start of a big sync's write-back: tens of ms), and the page asks about the sync at least
 * once a second, several calls at a time; those calls, and any other pages open on it, share one count a
 * second while it is large. Below WAITING_COUNT_EXACT_BELOW a count costs little and is always fresh, so a
 * count of 0 (nothing left to write) is never an old one.
 */
const WAITING_COUNT_MAX_AGE_MS = 1000;
const WAITING_COUNT_EXACT_BELOW = 1000;

/** Syncs of Stripe customers into campaigns: configuration, start, progress, skips, cancel, preview. */
export function syncsService(deps: {
  database: Database;
  gateway: StripeGateway;
  /** Wakes this process's sync runner, when it has one. */
  wake?: (() => void) | undefined;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const repo = syncsRepository(deps.database.db);
  const writes = syncWritesRepository(deps.database.db);

  async function load(id: string): Promise<SyncRow> {
    const row = await repo.findById(id);
    if (!row) throw notFound('sync', id);
    return row;
  }

  const connectionOf = (campaignId: string) => campaignConnection(deps.database.db, campaignId);

  /** Counts of waiting write-backs of syncs at work, by sync id, with when they were asked for. */
  const counted = new Map<string, { at: number; n: Promise<number> }>();

  /**
   * The sync's waiting write-backs: counted afresh once it has ended or when few are left, reused for at
   * most a second while many wait (the clock is the process's own, not `now`, which tests may hold still).
   */
  async function writesWaiting(row: SyncRow): Promise<number> {
    const at = performance.now();
    for (const [id, c] of counted) if (at - c.at >= WAITING_COUNT_MAX_AGE_MS) counted.delete(id);
    const working = row.status === 'running' || row.status === 'live';
    const last = counted.get(row.id);
    if (working && last) {
      const n = await last.n.catch(() => undefined);
      if (n !== undefined && n >= WAITING_COUNT_EXACT_BELOW) return n;
    }
    const entry = { at, n: writes.countWaitingWrites(row.id) };
    if (working) counted.set(row.id, entry);
    else counted.delete(row.id);
    // A failed count is not reused.
    entry.n.catch(() => {
      if (counted.get(row.id) === entry) counted.delete(row.id);
    });
    return entry.n;
  }

  /** How far a sync is, how fast it goes and, when that can be known, how long it has left. */
  async function present(row: SyncRow) {
    const at = row.finished_at ?? now();
    const pending = await writesWaiting(row);
    const skipped = row.skipped as Record<string, number>;
    const customersPerSecond = rate(row.seen, row.started_at, row.listing_done_at ?? at);
    const writesPerSecond = rate(row.written, row.listing_done_at, at);
    // Stripe does not say how many customers there are; an earlier dry run of the campaign does.
    let eta: number | null = null;
    if (row.status === 'running') {
      if (!row.listing_done) {
        const total = await repo.lastDryRunTotal(row.campaign_id);
        if (total !== undefined && customersPerSecond)
          eta = Math.max(0, Math.round((total - row.seen) / customersPerSecond));
      } else if (pending === 0) eta = 0;
      else if (writesPerSecond) eta = Math.round(pending / writesPerSecond);
    }
    const config = readSyncConfig(row.config);
    const lastEnrolled =
      row.kind === 'ongoing' && !row.dry_run
        ? await repo.lastEnrolledAt(row.campaign_id, row.started_at)
        : null;
    return {
      id: row.id,
      object: 'sync' as const,
      campaign_id: row.campaign_id,
      connection_id: row.connection_id,
      kind: row.kind,
      dry_run: row.dry_run,
      status: row.status,
      stop_reason: row.stop_reason,
      inbound: config.inbound,
      return: config.return,
      name_version: config.name_version,
      write_back: config.write_back,
      requests_per_second: config.requests_per_second,
      progress: {
        customers_seen: row.seen,
        referrers_created: row.created,
        already_referrers: row.matched,
        skipped: Object.values(skipped).reduce((a, b) => a + b, 0),
        skipped_by_reason: {
          missing_field: skipped.missing_field ?? 0,
          participant_limit: skipped.participant_limit ?? 0,
        },
        written_back: row.written,
        already_current: row.already_current,
        write_failures: row.write_failures,
        writes_waiting: pending,
        customers_per_second: customersPerSecond,
        writes_per_second: writesPerSecond,
        eta_seconds: eta,
        listing_done: row.listing_done,
      },
      passes: row.passes,
      last_error: row.last_error,
      started_at: row.started_at.toISOString(),
      listing_done_at: row.listing_done_at?.toISOString() ?? null,
      finished_at: row.finished_at?.toISOString() ?? null,
      next_pass_at: row.next_pass_at?.toISOString() ?? null,
      last_enrolled_at: lastEnrolled?.toISOString() ?? null,
    };
  }

  return {
    present,

    async start(campaignId: string, input: NewSync) {
      const inboundProblems = checkInboundMapping(input.inbound);
      if (inboundProblems.length) throw invalidParameter('inbound', inboundProblems.join('; '));
      const returnProblems = checkReturnMapping(input.return);
      if (returnProblems.length) throw invalidParameter('return', returnProblems.join('; '));
      const { campaign, connection } = await connectionOf(campaignId);
      if (campaign.status === 'archived')
        throw conflict('campaign_archived', 'An archived campaign takes no new referrers.');
      const config: SyncConfig = {
        inbound: input.inbound,
        return: input.return,
        name_version: input.name_version,
        write_back: input.write_back,
        requests_per_second: input.requests_per_second,
      };
      const at = now();
      const row = await repo.insert({
        id: createId('syn'),
        campaign_id: campaign.id,
        connection_id: connection.id,
        kind: input.kind,
        dry_run: input.dry_run,
        config: JSON.stringify(config),
        status: 'running',
        listing_done: false,
        passes: 1,
        started_at: at,
        updated_at: at,
      });
      if (!row) {
        const current = await repo.findInProgress(campaign.id);
        throw conflict(
          'sync_in_progress',
          current
            ? `This campaign already has a sync ${current.status} (${current.id}); cancel it first: POST /v1/syncs/${current.id}/cancel.`
            : `This campaign already has a sync in progress; see GET /v1/campaigns/${campaign.id}/syncs.`,
        );
      }
      deps.wake?.();
      return present(row);
    },

    async retrieve(id: string) {
      return present(await load(id));
    },

    async list(campaignId: string, limit: number, startingAfter?: string) {
      const rows = await repo.list(campaignId, limit, startingAfter);
      return {
        data: await Promise.all(rows.slice(0, limit).map(present)),
        hasMore: rows.length > limit,
      };
    },

    async skips(id: string, limit: number, startingAfter?: string, reason?: SyncSkipReason) {
      await load(id);
      const rows = await repo.skips(id, limit, startingAfter, reason);
      return {
        data: rows.slice(0, limit).map((r) => ({
          object: 'sync_skip' as const,
          customer_id: r.customer_id,
          reason: r.reason,
          detail: r.detail,
          created_at: r.created_at.toISOString(),
        })),
        hasMore: rows.length > limit,
      };
    },

    async cancel(id: string) {
      const row = await load(id);
      if (row.status === 'running' || row.status === 'live')
        await repo.update(id, { status: 'cancelled', finished_at: now() });
      return present(await load(id));
    },

    /** The names of a few real customers, formatted with every name version. */
    async preview(campaignId: string, limit: number) {
      const { connection } = await connectionOf(campaignId);
      const page = await customersPage(deps.gateway.forConnection(connection), null, limit);
      return page.customers.map((c) => ({
        customer_id: c.id,
        name: c.name,
        versions: Object.fromEntries(
          NAME_VERSIONS.map((v: NameVersion) => [v, formatName(c.name ?? '', v)]),
        ) as Record<NameVersion, string>,
      }));
    },
  };
}

export type SyncsService = ReturnType<typeof syncsService>;
