import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Database, Tx } from '../db/database.js';
import { connectionsRepository } from '../db/repositories/connections.js';
import { chargeLockKey } from '../db/repositories/payment-facts.js';
import {
  type EventKey,
  eventKeyText,
  keyOfPending,
  type PendingEvent,
  stripeEventsRepository,
} from '../db/repositories/stripe-events.js';
import type { ConnectionRow } from '../db/tables.js';
import type { EventCommand, PaymentSeen } from '../domain/event-commands.js';
import { applyCouponDeleted, applyPromotionCodeSwitchedOff } from '../services/apply-code-change.js';
import { applyCustomer, type OngoingSyncs, ongoingSyncsOnce } from '../services/apply-customer.js';
import { applyCheckout, applyInvoice } from '../services/apply-order.js';
import {
  applyDispute,
  applyPayment,
  applyPaymentsStoredAhead,
  applyRefund,
  storedAhead,
} from '../services/apply-payment.js';
import { type BatchReads, readAhead } from '../services/batch-reads.js';
import { translateEvent } from '../stripe/event-translation.js';
import { inSdkVersion, storedEvent } from '../stripe/event-version.js';
import type { StripeGateway } from '../stripe/gateway.js';

/** Attempts before an event goes to the dead-letter list. */
export const MAX_EVENT_ATTEMPTS = 5;

/** Backoff after the nth failed attempt: 2, 4, 8, 16 s (at most 10 minutes). */
export const defaultRetryDelayMs = (attempts: number) => Math.min(600, 2 ** Math.max(1, attempts)) * 1000;

/** What applying events needs; a job's context has it all. */
export type ApplyDeps = {
  database: Database;
  logger: Logger;
  now: () => Date;
  /** Reads from Stripe what events leave out; absent where Stripe is not reachable. */
  gateway?: StripeGateway | undefined;
  /** Base of referral links, for what ongoing syncs write back to Stripe. */
  publicUrl?: string | undefined;
  /** How long after its nth failure an event is tried again. */
  retryDelayMs?: (attempts: number) => number;
};

type Ready = { key: EventKey; row: PendingEvent; commands: EventCommand[] };

/**
 * Applies waiting inbox events. Each is read in the SDK's version and translated into commands first
 * (`src/stripe/event-translation.ts`, which reads from Stripe outside any transaction); then the batch's
 * commands are applied by their services in one transaction that also marks the events processed, so an
 * event counts exactly once and a batch costs one commit. Events another worker holds are skipped. When the
 * batch fails, each event is applied on its own, and one that fails is tried again after a backoff or, after
 * MAX_EVENT_ATTEMPTS, dead-lettered with its error. `known` are the events' connections when the caller has
 * them. Returns how many were applied here.
 */
export async function applyStripeEvents(
  deps: ApplyDeps,
  rows: PendingEvent[],
  known?: Map<string, ConnectionRow>,
): Promise<number> {
  if (rows.length === 0) return 0;
  const ready: Ready[] = [];
  const connections = known ?? (await connectionsOf(deps.database, rows));
  for (const row of rows) {
    try {
      const connection = connections.get(row.connection_id);
      if (!connection) throw new Error(`connection ${row.connection_id} is gone`);
      const client = deps.gateway?.forConnection(connection);
      const event = await inSdkVersion(storedEvent(row.payload), client);
      const commands = await translateEvent(event, { connection, gateway: deps.gateway });
      ready.push({ key: keyOfPending(row), row, commands });
    } catch (error) {
      await recordFailure(deps, row, error);
    }
  }
  if (ready.length === 0) return 0;
  try {
    return await applyTogether(deps, ready);
  } catch (error) {
    if (ready.length === 1) {
      await recordFailure(deps, ready[0]!.row, error);
      return 0;
    }
  }
  let applied = 0;
  for (const one of ready) {
    try {
      applied += await applyTogether(deps, [one]);
    } catch (error) {
      await recordFailure(deps, one.row, error);
    }
  }
  return applied;
}

async function applyTogether(deps: ApplyDeps, ready: Ready[]): Promise<number> {
  return deps.database.db.transaction().execute(async (tx) => {
    // The event itself was made durable when it was received; what applying it writes may be lost in a
    // server crash only together with its processed mark (the WAL is flushed in order), and it is then
    // simply applied again. So this commit does not wait for its own flush to disk.
    await sql`set local synchronous_commit = off`.execute(tx);
    const events = stripeEventsRepository(tx);
    const locked = await events.lockPending(ready.map((r) => r.key));
    const now = deps.now();
    const ongoing = ongoingSyncsOnce(tx);
    const held = new Set(locked.map(eventKeyText));
    const commands = ready.filter((r) => held.has(eventKeyText(r.key))).flatMap((r) => r.commands);
    const reads = await readAhead(tx, commands);
    for (let i = 0; i < commands.length; ) {
      const run = paymentsStoredAheadFrom(commands, i, reads);
      if (run.length > 0) await applyPaymentsStoredAhead(tx, run, now, reads);
      else await applyCommand(tx, commands[i]!, now, deps.publicUrl, ongoing, reads);
      i += Math.max(1, run.length);
    }
    await events.markProcessed(locked, now);
    return locked.length;
  });
}

/** The consecutive payments from `start` that were stored up front, each charge once. */
function paymentsStoredAheadFrom(commands: EventCommand[], start: number, reads: BatchReads): PaymentSeen[] {
  const run: PaymentSeen[] = [];
  const charges = new Set<string>();
  for (let i = start; i < commands.length; i++) {
    const command = commands[i]!;
    if (command.kind !== 'payment_seen' || !storedAhead(command, reads)) break;
    const charge = chargeLockKey(command.connectionId, command.chargeId);
    if (charges.has(charge)) break;
    charges.add(charge);
    run.push(command);
  }
  return run;
}

/** Applies one command with the service for its kind, inside the batch's transaction. */
async function applyCommand(
  tx: Tx,
  command: EventCommand,
  now: Date,
  publicUrl: string | undefined,
  ongoing: OngoingSyncs,
  reads: BatchReads,
) {
  switch (command.kind) {
    case 'payment_seen':
      return applyPayment(tx, command, now, reads);
    case 'refund_seen':
      return applyRefund(tx, command, now);
    case 'dispute_seen':
      return applyDispute(tx, command, now);
    case 'customer_seen':
      return applyCustomer(tx, command, now, publicUrl, ongoing, reads);
    case 'checkout_completed':
      return applyCheckout(tx, command, now);
    case 'invoice_paid':
      return applyInvoice(tx, command, now);
    case 'coupon_deleted':
      return applyCouponDeleted(tx, command, now);
    case 'promotion_code_switched_off':
      return applyPromotionCodeSwitchedOff(tx, command, now);
  }
}

/** The connections of these events, by id. */
export async function connectionsOf(
  database: Database,
  rows: PendingEvent[],
): Promise<Map<string, ConnectionRow>> {
  const ids = [...new Set(rows.map((r) => r.connection_id))];
  const found = await connectionsRepository(database.db).findByIds(ids);
  return new Map(found.map((c) => [c.id, c]));
}

async function recordFailure(deps: ApplyDeps, row: PendingEvent, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const at = deps.now();
  const delay = (deps.retryDelayMs ?? defaultRetryDelayMs)(row.attempts + 1);
  const { dead } = await stripeEventsRepository(deps.database.db).recordFailure(
    row.connection_id,
    row.id,
    message,
    MAX_EVENT_ATTEMPTS,
    at,
    new Date(at.getTime() + delay),
  );
  const log = { event_id: row.id, type: row.type, attempts: row.attempts + 1, err: error };
  if (dead) deps.logger.error(log, 'Stripe event dead-lettered; replay it once fixed');
  else deps.logger.warn(log, 'Stripe event failed; it will be tried again');
}
