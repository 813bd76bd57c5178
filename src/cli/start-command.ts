import { loadConfig } from '../config.js';
import { pgliteWasm } from '../db/pglite-wasm.js';
import { createLogger } from '../logger.js';
import type { Role, RunningVouch } from '../runtime.js';
import { watchParent } from './parent-watch.js';

const SHUTDOWN_GRACE_MS = 30_000;
/**
 * The same signal again within this time is the same request to stop, not a second one: Ctrl-C under
 * `npm start` reaches Vouch twice, from the terminal (to the whole process group) and forwarded by npm.
 */
const REPEAT_WINDOW_MS = 1_000;

export async function runStart(role: Role): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);

  // Signal handlers go in before anything starts: a SIGTERM during start-up (a deploy rolling on) waits for
  // start-up to finish, then shuts down cleanly, instead of killing the process half-way.
  let vouch: RunningVouch | undefined;
  /** Why Vouch stops: a signal, its parent gone, or its background work failing to start. */
  let signalled: NodeJS.Signals | 'parent exited' | 'failed' | undefined;
  let signalledAt = 0;
  const stop = (running: RunningVouch, code = 0) => {
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    running.stop().then(
      () => {
        logger.info('stopped');
        process.exit(code);
      },
      (err: unknown) => {
        logger.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  const shutdown = (signal: NodeJS.Signals | 'parent exited') => {
    if (signalled === signal && Date.now() - signalledAt < REPEAT_WINDOW_MS) return;
    if (signalled) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(130);
    }
    signalled = signal;
    signalledAt = Date.now();
    logger.info({ signal }, 'shutting down: finishing in-flight requests and jobs');
    if (vouch) stop(vouch);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  watchParent(() => shutdown('parent exited'));

  // Embedded: the database's WebAssembly compiles on other threads while the server's modules load.
  if (!config.databaseUrl) pgliteWasm().catch(() => {});
  // Loaded here, not at the top: the other commands never need the server and start faster without it.
  const { startVouch } = await import('../runtime.js');
  vouch = await startVouch(config, role, logger);
  if (signalled) stop(vouch);
  // The background work starts after the API: if it cannot, Vouch stops rather than run without it.
  const running = vouch;
  running.working.catch((err: unknown) => {
    if (signalled) return;
    signalled = 'failed';
    logger.error({ err }, 'the background work could not start; stopping');
    stop(running, 1);
  });
}
