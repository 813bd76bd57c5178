import { createServer } from 'node:net';
import { OperatorError } from './errors.js';

/**
 * A failure to listen that the operator can fix, turned into one line naming the variable that chose the
 * port (PORT, VOUCH_SANDBOX_PORT) or the address (HOST); any other error is returned unchanged.
 */
export function explainListenError(error: unknown, variable: string, host: string, port: number): unknown {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'EADDRINUSE':
      return new OperatorError(
        `${variable} ${port} is already in use on ${host} (another Vouch, or another program); ` +
          `stop it or set ${variable} to a free port (0 picks one).`,
      );
    case 'EACCES':
      return new OperatorError(
        `${variable} ${port} needs privileges this process does not have; set ${variable} to 1024 or above.`,
      );
    case 'EADDRNOTAVAIL':
      return new OperatorError(
        `HOST ${host} is not an address of this machine; set HOST to one of its addresses (0.0.0.0 for all).`,
      );
    default:
      return error;
  }
}

/**
 * Fails at once, before the database is opened and migrated, when the port is taken; the real listen later
 * still reports a port taken in between. Port 0 (any free one) always passes.
 */
export async function ensurePortFree(variable: string, host: string, port: number): Promise<void> {
  if (port === 0) return;
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(explainListenError(error, variable, host, port)));
    server.listen(port, host, () => server.close(() => resolve()));
  });
}
