import { syncsRepository } from '../db/repositories/syncs.js';
import { LockedRunner } from './locked-runner.js';
import { runSync, type SyncDeps } from './run-sync.js';

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
