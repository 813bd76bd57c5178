import { syncsRepository } from '../db/repositories/syncs.js';
import { runSync, type StopSignal, type SyncDeps } from './run-sync.js';

/** Advisory lock namespace of syncs: one runner per sync across all processes. */
const SYNC_LOCK_SPACE = 727_100;

/**
 * Runs the syncs that have work (a pass under way, write-backs waiting, an ongoing sync due for its next
 * pass), each under a lock named after it, so across processes exactly one works on a sync; a process that
 * dies drops its locks with its connection and another (or the restarted one) resumes from the stored
 * cursor within a poll.
 */
export class SyncRunner {
  readonly #deps: SyncDeps;
  readonly #pollMs: number;
  readonly #active = new Map<string, Promise<void>>();
  readonly #signal: StopSignal = { stopped: false };
  #timer: NodeJS.Timeout | undefined;
  #looking: Promise<void> | undefined;

  constructor(deps: SyncDeps & { pollMs?: number }) {
    const { pollMs, ...rest } = deps;
    this.#deps = rest;
    this.#pollMs = pollMs ?? 1000;
  }

  start(): void {
    this.#schedule(0);
  }

  /** Looks for work now (a sync was created or a write-back queued in this process). */
  wake(): void {
    if (!this.#signal.stopped) this.#schedule(0);
  }

  /** Stops taking work and waits for each running sync to finish its current step. */
  async stop(): Promise<void> {
    this.#signal.stopped = true;
    clearTimeout(this.#timer);
    await this.#looking;
    await Promise.all(this.#active.values());
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#looking = this.#look().finally(() => {
        if (!this.#signal.stopped) this.#schedule(this.#pollMs);
      });
    }, ms);
    this.#timer.unref?.();
  }

  async #look(): Promise<void> {
    try {
      const due = await syncsRepository(this.#deps.database.db).due(this.#deps.now());
      for (const sync of due) {
        if (this.#active.has(sync.id) || this.#signal.stopped) continue;
        const run = this.#deps.database
          .tryWithLock(SYNC_LOCK_SPACE, sync.id, () => runSync(this.#deps, sync.id, this.#signal))
          .catch(async (err) => {
            this.#deps.logger.error(
              { err, sync_id: sync.id },
              'sync step failed; it resumes at the next poll',
            );
            await syncsRepository(this.#deps.database.db)
              .update(sync.id, { last_error: (err as Error).message.slice(0, 2000) })
              .catch(() => {});
          })
          .then(() => undefined)
          .finally(() => this.#active.delete(sync.id));
        this.#active.set(sync.id, run);
      }
    } catch (err) {
      this.#deps.logger.error({ err }, 'looking for syncs failed; trying again shortly');
    }
  }
}
