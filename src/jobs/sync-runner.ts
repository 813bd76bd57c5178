import { isDatabaseUnavailable } from '../db/database-errors.js';
import { GroupWriter } from '../db/group-writer.js';
import { connectionsRepository } from '../db/repositories/connections.js';
import { syncWritesRepository } from '../db/repositories/sync-writes.js';
import { syncsRepository } from '../db/repositories/syncs.js';
import type { SyncRow } from '../db/tables.js';
import { readSyncConfig } from '../domain/sync-config.js';
import { syncCustomers } from '../services/customer-import.js';
import { recordDomainEvent } from '../services/domain-events.js';
import { customersPage, updateCustomer } from '../stripe/customer-pages.js';
import type { StripeGateway } from '../stripe/gateway.js';
import { RateBudget } from '../stripe/rate-budget.js';
import { isTransient, withRetries } from '../stripe/retries.js';
import type { JobContext } from './job-definition.js';
import { LockedRunner, type StopSignal } from './locked-runner.js';
import { runPool } from './work-pool.js';

export type SyncDeps = Pick<JobContext, 'database' | 'logger' | 'now'> & {
  gateway: StripeGateway;
  publicUrl: string;
  /** How long an ongoing sync waits between passes that catch customers its webhooks missed. */
  passIntervalMs?: number;
  /**
   * Write-backs under way at once; default: the account's limit (its budget could start no more in a second)
   * or the sync's own `requests_per_second`, whichever is lower. Each still waits for its turn in the budget.
   */
  writeConcurrency?: number;
};

/** Write-backs read from the queue at a time. */
const WRITE_BATCH = 200;

/** Finished write-backs marked done in one statement at most. */
const FINISH_BATCH = 200;

const ONE_HOUR = 3_600_000;

type CustomerPage = Awaited<ReturnType<typeof customersPage>>;

/** Advisory lock namespace of syncs: one runner per sync across all processes. */
const SYNC_LOCK_SPACE = 727_100;

/**
 * Runs the syncs that have work (a pass under way, write-backs waiting, an ongoing sync due for its next
 * pass), each under a lock named after it; a sync resumes from its stored cursor after a crash.
 */
export class SyncRunner extends LockedRunner {
  constructor(deps: SyncDeps & { pollMs?: number }) {
    const { pollMs, ...rest } = deps;
    super({
      database: rest.database,
      logger: rest.logger,
      lockSpace: SYNC_LOCK_SPACE,
      what: 'sync',
      pollMs,
      due: async () => (await syncsRepository(rest.database.db).due(rest.now())).map((s) => s.id),
      run: (id, signal) => runSync(rest, id, signal),
      onError: async (id, err) => {
        await syncsRepository(rest.database.db).update(id, { last_error: err.message.slice(0, 2000) });
      },
    });
  }
}

/**
 * Works on one sync until it is done, cancelled or `signal` stops it: pages of 100 customers (each page,
 * its referrers, skips and queued write-backs and the cursor commit together, so a crash redoes at most the
 * page; the next page is asked for while one is stored), then the write-backs (each keyed by its row id, so
 * one that reached Stripe before a crash is replayed by Stripe, not applied twice). Everything it needs to
 * resume is in the database.
 */
async function runSync(deps: SyncDeps, syncId: string, signal: StopSignal): Promise<void> {
  const syncs = syncsRepository(deps.database.db);
  let pace: RateBudget | undefined;
  /** The page after the cursor being stored, asked for meanwhile; used if the cursor is then that one. */
  let ahead: { cursor: string; page: Promise<CustomerPage> } | undefined;
  while (!signal.stopped) {
    const sync = await syncs.findById(syncId);
    if (!sync || (sync.status !== 'running' && sync.status !== 'live')) return;
    const connection = await connectionsRepository(deps.database.db).findById(sync.connection_id);
    if (connection?.status !== 'active') {
      await syncs.update(sync.id, {
        status: 'failed',
        last_error: 'The Stripe connection was disconnected.',
        finished_at: deps.now(),
      });
      return;
    }
    const config = readSyncConfig(sync.config);
    if (config.requests_per_second && pace?.limit !== config.requests_per_second)
      pace = new RateBudget(config.requests_per_second);
    const client = deps.gateway.forConnection(connection, 'sync');
    const call = <T>(fn: () => Promise<T>) =>
      withRetries(
        async () => {
          const done = await pace?.acquire();
          try {
            return await fn();
          } finally {
            done?.();
          }
        },
        {
          onRetry: (n) =>
            deps.logger.warn(
              { sync_id: sync.id, status: n.status, attempt: n.attempt, wait_ms: Math.round(n.waitMs) },
              'Stripe asked the sync to slow down or failed; trying again',
            ),
        },
      );

    if (sync.status === 'live') {
      if (sync.next_pass_at && sync.next_pass_at <= deps.now()) {
        await syncs.update(sync.id, {
          status: 'running',
          cursor: null,
          listing_done: false,
          passes: sync.passes + 1,
        });
        continue;
      }
    } else if (!sync.listing_done) {
      const page = await (ahead && ahead.cursor === sync.cursor
        ? ahead.page
        : call(() => customersPage(client, sync.cursor)));
      ahead = undefined;
      const last = page.customers.at(-1)?.id;
      if (page.hasMore && last) {
        ahead = { cursor: last, page: call(() => customersPage(client, last)) };
        // Not needed if this page is not stored (cancelled): its failure is then nobody's.
        ahead.page.catch(() => {});
      }
      await deps.database.db.transaction().execute(async (tx) => {
        const current = await syncsRepository(tx).lock(sync.id);
        // Cancelled, or a page another runner committed meanwhile: nothing to do with this one.
        if (current?.status !== 'running' || current.cursor !== sync.cursor) return;
        const out = await syncCustomers(tx, current, page.customers, deps.publicUrl, deps.now());
        const done = out.stopped || !page.hasMore;
        await syncsRepository(tx).addCounts(sync.id, out, {
          cursor: page.customers.at(-1)?.id ?? sync.cursor,
          listing_done: done,
          ...(done ? { listing_done_at: deps.now() } : {}),
          ...(out.stopped ? { stop_reason: 'participant_limit' } : {}),
        });
      });
      continue;
    }

    const size =
      deps.writeConcurrency ??
      Math.min(deps.gateway.budgetFor(connection).limit, pace?.limit ?? Number.POSITIVE_INFINITY);
    const round = await writeBack(deps, sync, size, signal, (id, params, key) =>
      call(() => updateCustomer(client, id, params, key)),
    );
    if (signal.stopped) return;
    if (round.written > 0 || round.cancelled) continue;
    if (sync.status === 'running') await finishPass(deps, sync);
    return;
  }
}

async function finishPass(deps: SyncDeps, sync: SyncRow): Promise<void> {
  const at = deps.now();
  const status = sync.stop_reason
    ? 'stopped'
    : sync.kind === 'ongoing' && !sync.dry_run
      ? 'live'
      : 'completed';
  await deps.database.db.transaction().execute(async (tx) => {
    const syncs = syncsRepository(tx);
    if (status === 'live')
      await syncs.update(sync.id, {
        status,
        next_pass_at: new Date(at.getTime() + (deps.passIntervalMs ?? ONE_HOUR)),
      });
    else await syncs.update(sync.id, { status, finished_at: at });
    // An ongoing sync's hourly catch-up passes are routine: only its first pass says it is done.
    if (status !== 'live' || sync.passes === 1)
      await recordDomainEvent(tx, {
        type: 'sync.completed',
        campaign_id: sync.campaign_id,
        at,
        data: {
          sync_id: sync.id,
          status,
          kind: sync.kind,
          dry_run: sync.dry_run,
          stop_reason: sync.stop_reason,
          customers_seen: sync.seen,
          referrers_created: sync.created,
          already_referrers: sync.matched,
        },
      });
  });
  deps.logger.info({ sync_id: sync.id, kind: sync.kind, dry_run: sync.dry_run }, 'sync pass finished');
}

type Write = { id: number; customer_id: string; params: unknown };

/**
 * Writes back the sync's queued customer updates, `size` at a time, reading the queue ahead as it goes (see
 * work-pool.ts); stops reading when the sync is no longer running or live (cancelled). Says how many
 * writes it made or recorded as refused.
 */
async function writeBack(
  deps: SyncDeps,
  sync: SyncRow,
  size: number,
  signal: StopSignal,
  update: (customerId: string, params: never, idempotencyKey: string) => Promise<void>,
): Promise<{ written: number; cancelled: boolean }> {
  const syncs = syncsRepository(deps.database.db);
  const queue = syncWritesRepository(deps.database.db);
  let cancelled = false;
  // The write-backs under way (as many as the budget allows in a second) finish together: those finished
  // while one statement marks others done wait for the next, so the bookkeeping takes one connection and
  // updates the sync's row once per statement, leaving the pool to the API and the other workers.
  const finished = new GroupWriter<{ id: number; error: string | null }, void>(
    async (items) => {
      await queue.finishWrites(sync.id, items, deps.now());
      return items.map(() => undefined);
    },
    { maxInFlight: 1, maxBatch: FINISH_BATCH, failsAll: isDatabaseUnavailable },
  );
  const written = await runPool<Write>({
    size,
    key: (w) => w.id,
    stopped: () => signal.stopped || cancelled,
    fetch: async (held) => {
      const current = await syncs.findById(sync.id);
      cancelled = current?.status !== 'running' && current?.status !== 'live';
      return cancelled ? [] : queue.waitingWrites(sync.id, WRITE_BATCH + held.size);
    },
    run: async (w) => {
      let error: string | null = null;
      try {
        await update(w.customer_id, w.params as never, `vouch-sync-write-${w.id}`);
      } catch (err) {
        // Still failing after the retries: stays queued for the next round. Refused by Stripe (a deleted
        // customer, say): recorded with the reason, never silently dropped.
        if (isTransient(err)) throw err;
        error = (err as Error).message;
      }
      await finished.add({ id: w.id, error });
    },
  });
  return { written, cancelled };
}
