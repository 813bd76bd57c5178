import { connectionsRepository } from '../db/repositories/connections.js';
import { type PollDeps, pollEvents } from '../services/event-polling.js';
import { LockedRunner } from './locked-runner.js';

/** Advisory lock namespace of event polling: one poller per connection across all processes. */
const POLL_LOCK_SPACE = 727_400;

/**
 * Pulls Stripe events for connections without a working webhook endpoint (no public URL, an endpoint set up
 * by hand), each every few seconds, one process at a time per connection.
 */
export class EventPoller extends LockedRunner {
  constructor(deps: PollDeps & { pollMs?: number }) {
    const { pollMs, ...rest } = deps;
    super({
      database: rest.database,
      logger: rest.logger,
      lockSpace: POLL_LOCK_SPACE,
      what: 'Stripe event polling',
      pollMs: pollMs ?? 500,
      due: () => connectionsRepository(rest.database.db).dueForPolling(rest.now()),
      run: async (id) => {
        await pollEvents(rest, id);
      },
    });
  }
}
