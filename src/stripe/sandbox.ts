import { join } from 'node:path';
import type { Logger } from 'pino';
import { type EmulatorHandle, startEmulator } from '../../emulator/index.js';
import { OperatorError } from '../errors.js';
import { createStripeClient, type StripeTarget } from './stripe-client.js';

/** Any `sk_test_` key works against the emulator; this one says where it comes from. */
export const SANDBOX_API_KEY = 'sk_test_vouch_sandbox';

export type StripeSandbox = {
  target: StripeTarget;
  accountId: string;
  stateFile: string;
  close(): Promise<void>;
};

/** Runs the Stripe emulator in this process, its state kept in the data dir across restarts. */
export async function startStripeSandbox(options: {
  port: number;
  dataDir: string;
  logger: Logger;
}): Promise<StripeSandbox> {
  const stateFile = join(options.dataDir, 'stripe-sandbox.json');
  const log = options.logger.child({ component: 'stripe-sandbox' });
  let emulator: EmulatorHandle;
  try {
    emulator = await startEmulator({
      port: options.port,
      stateFile,
      // The sandbox delivers webhooks to this Vouch on 127.0.0.1, an address Stripe itself would refuse.
      allowPrivateWebhookUrls: true,
      logger: { info: (msg) => log.debug(msg), error: (msg) => log.error(msg) },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new OperatorError(
        `The Stripe sandbox cannot listen on 127.0.0.1:${options.port}: the port is taken. ` +
          'Set VOUCH_SANDBOX_PORT to a free port (0 picks one), or VOUCH_SANDBOX=off.',
      );
    }
    throw error;
  }
  const target = { apiBase: emulator.url, apiKey: SANDBOX_API_KEY };
  const account = await createStripeClient(target, { maxNetworkRetries: 0 }).accounts.retrieveCurrent();
  return { target, accountId: account.id, stateFile, close: () => emulator.close() };
}
