import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { type Role, type RunningVouch, startVouch } from '../runtime.js';

const SHUTDOWN_GRACE_MS = 30_000;

export async function runStart(role: Role): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);

  // Signal handlers go in before anything starts: a SIGTERM during start-up (a deploy rolling on) waits for
  // start-up to finish, then shuts down cleanly, instead of killing the process half-way.
  let vouch: RunningVouch | undefined;
  let signalled: NodeJS.Signals | undefined;
  const stop = (running: RunningVouch) => {
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    running.stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  const shutdown = (signal: NodeJS.Signals) => {
    if (signalled) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(130);
    }
    signalled = signal;
    logger.info({ signal }, 'shutting down: finishing in-flight requests and jobs');
    if (vouch) stop(vouch);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  vouch = await startVouch(config, role, logger);
  if (signalled) stop(vouch);
}
