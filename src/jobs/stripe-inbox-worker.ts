import { type PendingEvent, stripeEventsRepository } from '../db/repositories/stripe-events.js';
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
};

/** A stable small hash of a string: which lane an event's key goes to. */
function laneOf(key: string, lanes: number): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return Math.abs(h) % lanes;
}

/**
 * Applies the Stripe inbox: the inbox table is the queue (a waiting event is a row with no processed_at).
 * Each round takes the oldest waiting events, splits them into lanes by customer or charge, and applies
 * each lane's events in batches (apply-stripe-events.ts). A webhook received by this process wakes it at
 * once; otherwise it looks every `pollMs`. Several processes may run one: an event is applied by whichever
 * locks it first.
 */
export class StripeInboxWorker extends DrainingWorker implements InboxWaker {
  readonly #deps: ApplyDeps;
  readonly #lanes: number;
  readonly #batchSize: number;

  constructor(options: InboxWorkerOptions) {
    const { lanes, batchSize, pollMs, ...deps } = options;
    super({ pollMs: pollMs ?? 500, logger: deps.logger, what: 'Stripe inbox' });
    this.#deps = deps;
    // PGlite has one connection: lanes would only queue on it.
    this.#lanes = deps.database.kind === 'pglite' ? 1 : (lanes ?? 4);
    this.#batchSize = batchSize ?? 100;
  }

  /** One round: applies the events waiting now; returns how many were applied. */
  async drain(): Promise<number> {
    const rows = await stripeEventsRepository(this.#deps.database.db).pending(
      this.#lanes * this.#batchSize,
      this.#deps.now(),
    );
    if (rows.length === 0) return 0;
    // A lane per full batch, up to `lanes`: a few events go in one transaction, a backlog in parallel.
    const count = Math.min(this.#lanes, Math.ceil(rows.length / this.#batchSize));
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
    return applied.reduce((a, b) => a + b, 0);
  }
}
