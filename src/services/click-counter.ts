import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { type ClickCount, clicksRepository } from '../db/repositories/clicks.js';

const HOUR_MS = 3_600_000;

/**
 * Counts referral-link clicks in memory and writes them in batches, so a redirect never waits for the
 * database. A flush runs every `intervalMs` and at close; counts that fail to write are kept for the next
 * flush. A crash loses at most one interval of clicks.
 */
export class ClickCounter {
  #pending = new Map<string, ClickCount>();
  #timer: NodeJS.Timeout;
  #flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
    intervalMs = 1000,
  ) {
    this.#timer = setInterval(() => void this.flush(), intervalMs);
    this.#timer.unref();
  }

  record(referrerId: string, campaignId: string, at = Date.now()): void {
    const hour = Math.floor(at / HOUR_MS) * HOUR_MS;
    const key = `${referrerId}|${hour}`;
    const entry = this.#pending.get(key);
    if (entry) entry.count += 1;
    else this.#pending.set(key, { referrerId, campaignId, hour: new Date(hour), count: 1 });
  }

  /** Writes what is pending; concurrent calls queue behind each other. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(async () => {
      if (this.#pending.size === 0) return;
      const batch = [...this.#pending.values()];
      this.#pending = new Map();
      try {
        await clicksRepository(this.database.db).add(batch);
      } catch (err) {
        this.logger.warn({ err, clicks: batch.length }, 'could not record clicks; will retry');
        for (const c of batch) {
          const key = `${c.referrerId}|${c.hour.getTime()}`;
          const entry = this.#pending.get(key);
          if (entry) entry.count += c.count;
          else this.#pending.set(key, c);
        }
      }
    });
    return this.#flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush();
  }
}
