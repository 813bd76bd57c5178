import { sql } from 'kysely';
import type { EmulatorHandle } from '../../emulator/index.js';
import type { Database } from '../../src/db/database.js';

/**
 * What is still to do, one count per kind of background work, as the workers themselves find it: only work
 * that is due now counts (a retry or a hold set for later is not in flight).
 */
const WORK_LEFT = sql<{ what: string; n: number }>`
  select 'Stripe events waiting to be applied' as what, count(*)::int as n from stripe_events
    where processed_at is null and dead_at is null and available_at <= now()
  union all
  select 'queued jobs', count(*)::int from pgboss.job
    where name not like '__pgboss%'
      and (state = 'active' or (state in ('created', 'retry') and start_after <= now()))
  union all
  select 'tasks due or held', count(*)::int from tasks
    where failed_at is null and (available_at <= now() or locked_until > now())
  union all
  select 'domain events not yet dispatched', count(*)::int from domain_events where dispatched_at is null
  union all
  select 'outgoing webhook deliveries due or being sent', count(*)::int from webhook_deliveries d
    join webhook_endpoints e on e.id = d.endpoint_id
    where d.status = 'pending'
      and ((e.status = 'active' and d.next_attempt_at <= now()) or d.locked_until > now())
  union all
  select 'promotion codes to make or switch off', count(*)::int from promotion_codes
    where status in ('pending', 'deactivating')
  union all
  select 'syncs with a pass or write-backs due', count(*)::int from syncs s
    where s.status = 'running'
      or (s.status = 'live' and (s.next_pass_at <= now()
        or exists (select 1 from sync_writes w where w.sync_id = s.id and w.done_at is null)))
  union all
  select 'rewards due', count(*)::int from rewards
    where status in ('held', 'pending', 'reversing') and issue_after <= now()
`;

/** Rows that grow whenever anything moves: two equal readings apart mean nothing moved in between. */
const PROGRESS = sql<{ n: string }>`
  select concat_ws(',',
    (select count(*) from stripe_events where processed_at is not null or dead_at is not null),
    (select count(*) from pgboss.job),
    (select count(*) from domain_events),
    (select count(*) from webhook_attempts),
    (select count(*) from lead_events),
    (select count(*) from reward_events)) as n
`;

async function left(database: Database): Promise<string[]> {
  const { rows } = await WORK_LEFT.execute(database.db);
  return rows.filter((r) => r.n > 0).map((r) => `${r.n} ${r.what}`);
}

const pendingDeliveries = (emulator: EmulatorHandle | undefined) =>
  emulator ? emulator.deliveries().filter((d) => d.status === 'pending').length : 0;

async function progress(database: Database, emulator: EmulatorHandle | undefined): Promise<string> {
  const { rows } = await PROGRESS.execute(database.db);
  return `${rows[0]!.n},${emulator ? emulator.deliveries().length : 0}`;
}

/**
 * Waits until the background work has drained: nothing due in the database (Stripe events, jobs, tasks,
 * outgoing webhooks, promotion codes, syncs, rewards) and, with `emulator`, no webhook on its way from
 * Stripe. It must hold on two readings a poll apart with no progress in between, since finished work can
 * start more (a task's Stripe call sends a webhook). Fails the test when the work is still going after
 * `timeoutMs`. A test asserts that something did not happen only after this, so a slow worker cannot make
 * the assertion pass early.
 */
export async function drained(
  database: Database,
  options: { emulator?: EmulatorHandle; timeoutMs?: number } = {},
): Promise<void> {
  const { emulator, timeoutMs = 20_000 } = options;
  const deadline = Date.now() + timeoutMs;
  let quiet: string | undefined;
  let last: string[] = [];
  while (Date.now() < deadline) {
    // The database, then Stripe's webhooks, then the database again: a webhook answered in between has
    // left its event in the inbox by the second look.
    last = await left(database);
    const inFlight = pendingDeliveries(emulator);
    if (inFlight > 0) last.push(`${inFlight} Stripe webhooks on their way`);
    if (last.length === 0) last = await left(database);
    if (last.length === 0) {
      const now = await progress(database, emulator);
      if (quiet === now) return;
      quiet = now;
    } else {
      quiet = undefined;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Background work did not drain in ${timeoutMs} ms: ${last.join(', ') || 'still moving'}`);
}
