import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { type Role, startVouch } from '../runtime.js';

const SHUTDOWN_GRACE_MS = 30_000;

export async function runStart(role: Role): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const vouch = await startVouch(config, role, logger);

  let signalled = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (signalled) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(130);
    }
    signalled = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests and jobs');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    vouch
      .stop()
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'error while shutting down');
        process.exit(1);
      });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
