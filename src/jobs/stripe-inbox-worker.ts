import {
  eventKeyText,
  keyOfPending,
  type PendingEvent,
  stripeEventsRepository,
} from '../db/repositories/stripe-events.js';
import type { InboxWaker } from '../services/stripe-inbox.js';
import { serialKey } from '../stripe/event-translation.js';
import { type ApplyDeps, applyStripeEvents, connectionsOf } from './apply-stripe-events.js';
import { DrainingWorker } from './draining-worker.js';

export type InboxWorkerOptions = ApplyDeps & {
  /** Batches applied at once; events of one customer or charge always share a lane. */
  lanes?: number;
  /** Events per transaction. */
  batchSize?: number;
  /** How often an idle worker looks for events received by other processes or due for a retry. */
  pollMs?: number;
  /** Events handed over and kept at once (default MAX_HANDED). */
  maxHanded?: number;
};

/**
 * Events received here and handed over, kept until applied. A burst beyond this is read back from the
 * inbox instead, where it is anyway.
 */
const MAX_HANDED = 10_000;

/** A stable small hash of a string: which lane an event's key goes to. */
function laneOf(key: string, lanes: number): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return Math.abs(h) % lanes;
}

/**
 * Applies the Stripe inbox: the inbox table is the queue (a waiting event is a row with no processed_at).
 * Each round takes waiting events, splits them into lanes by customer or charge, and applies each lane's
 * events in batches (apply-stripe-events.ts).
 *
 * Events this process received are handed over as they are recorded (`arrived`), already parsed, and
 * applied from memory: no read of the inbox and no second parse per event, so applying keeps pace with a
 * burst of webhooks instead of starting after it. The inbox itself is read when nothing was handed over,
 * at least every `pollMs` while there was (events of other processes, retries whose time has come), and
 * until it is empty after more than MAX_HANDED events waited at once. Several processes may run one: an
 * event is applied by whichever locks it first, so one read from the inbox and handed over too is applied
 * once.
 */
export class StripeInboxWorker extends DrainingWorker implements InboxWaker {
  readonly #deps: ApplyDeps;
  readonly #lanes: number;
  readonly #batchSize: number;
  readonly #pollMs: number;
  readonly #maxHanded: number;
  /** Events received here, recorded and waiting, oldest first. */
  #handed: PendingEvent[] = [];
  /** More arrived than were kept: the inbox is read until it is empty. */
  #fromInbox = false;
  #lastRead = Number.NEGATIVE_INFINITY;

  constructor(options: InboxWorkerOptions) {
    const { lanes, batchSize, pollMs, maxHanded, ...deps } = options;
    super({ pollMs: pollMs ?? 500, logger: deps.logger, what: 'Stripe inbox' });
    this.#pollMs = pollMs ?? 500;
    this.#maxHanded = maxHanded ?? MAX_HANDED;
    this.#deps = deps;
    // PGlite has one connection: lanes would only queue on it.
    this.#lanes = deps.database.kind === 'pglite' ? 1 : (lanes ?? 4);
    this.#batchSize = batchSize ?? 100;
  }

  /** Events recorded in the inbox by this process, parsed: they are applied from here. */
  arrived(events: PendingEvent[]): void {
    for (const event of events) {
      if (this.#fromInbox) break;
      if (this.#handed.length >= this.#maxHanded) {
        this.#handed = [];
        this.#fromInbox = true;
      } else this.#handed.push(event);
    }
    this.wake();
  }

  /** One round: applies the events waiting now; returns how many were applied. */
  async drain(): Promise<number> {
    const rows = await this.#waiting(this.#lanes * this.#batchSize);
    if (rows.length === 0) return 0;
    // Every lane in use as soon as there are events for it: under steady load a round holds what arrived
    // during the last one, and one lane would apply it all one statement after another.
    const count = Math.min(this.#lanes, rows.length);
    const lanes: PendingEvent[][] = Array.from({ length: count }, () => []);
    for (const row of rows) lanes[laneOf(serialKey(row.payload), count)]!.push(row);
    const connections = await connectionsOf(this.#deps.database, rows);
    const applied = await Promise.all(
      lanes.map(async (lane) => {
        let n = 0;
        for (let i = 0; i < lane.length; i += this.#batchSize)
          n += await applyStripeEvents(this.#deps, lane.slice(i, i + this.#batchSize), connections);
        return n;
      }),
    );
    const done = applied.reduce((a, b) => a + b, 0);
    // None applied (others held them): more handed over are still worth a round at once.
    return done > 0 || this.#handed.length === 0 ? done : 1;
  }

  /** The next events to apply: handed over ones, or the inbox's oldest when it is due a read. */
  async #waiting(limit: number): Promise<PendingEvent[]> {
    const now = performance.now();
    if (this.#handed.length > 0 && !this.#fromInbox && now - this.#lastRead < this.#pollMs)
      return this.#handed.splice(0, limit);
    this.#lastRead = now;
    const rows = await stripeEventsRepository(this.#deps.database.db).pending(limit, this.#deps.now());
    if (rows.length < limit) this.#fromInbox = false;
    if (this.#handed.length > 0) {
      // Read from the inbox now, they are no longer waiting here.
      const read = new Set(rows.map((e) => eventKeyText(keyOfPending(e))));
      this.#handed = this.#handed.filter((e) => !read.has(eventKeyText(keyOfPending(e))));
    }
    return rows.length > 0 ? rows : this.#handed.splice(0, limit);
  }
}
