import { resolve } from 'node:path';
import { Command } from 'commander';
import { askRunningVouch } from '../admin-socket.js';
import { loadConfig } from '../config.js';
import { OperatorError } from '../errors.js';
import { seedDemoData } from '../stripe/demo-data.js';
import { SANDBOX_API_KEY } from '../stripe/sandbox.js';
import { createStripeClient } from '../stripe/stripe-client.js';

type Target = { apiBase: string; apiKey: string; whose: string };

/**
 * The sandbox to seed: the one named with --stripe-api-base, else the sandbox of the Vouch running on the
 * data dir, asked over its admin socket. Never whatever happens to answer on a port: that may be another
 * Vouch's sandbox, or an emulator this Vouch does not use.
 */
async function findTarget(options: { stripeApiBase?: string; stripeKey?: string }): Promise<Target> {
  if (options.stripeApiBase) {
    return { apiBase: options.stripeApiBase, apiKey: options.stripeKey ?? SANDBOX_API_KEY, whose: '' };
  }
  const config = loadConfig();
  const dir = resolve(config.dataDir);
  const vouch = await askRunningVouch(config.dataDir);
  if (!vouch) {
    throw new OperatorError(
      `No Vouch is running on the data dir ${dir} (nothing answers on its admin socket), so there is no ` +
        'sandbox to seed. Start Vouch (npm start) and run this again from the same directory or with the same ' +
        'VOUCH_DATA_DIR; for a Vouch on Postgres (DATABASE_URL) or a separate `vouch stripe-emulator`, ' +
        'name the sandbox with --stripe-api-base URL.',
    );
  }
  if (!vouch.sandbox) {
    throw new OperatorError(
      `The Vouch running on ${dir} (pid ${vouch.pid}) has no Stripe sandbox: its Stripe calls go to ` +
        `${vouch.stripe_api_base ?? 'Stripe itself'}. vouch demo only seeds a sandbox; restart Vouch with ` +
        'VOUCH_SANDBOX=on, or name an emulator with --stripe-api-base URL.',
    );
  }
  return {
    apiBase: vouch.sandbox.api_base,
    apiKey: options.stripeKey ?? vouch.sandbox.api_key,
    whose: ` of the Vouch running${vouch.url ? ` at ${vouch.url}` : ''} (pid ${vouch.pid})`,
  };
}

/** `vouch demo`: sample Stripe data in the sandbox, so a first look shows something real. */
export function demoCommand(): Command {
  return new Command('demo')
    .description('seed the Stripe sandbox with sample customers, payments, a refund and a promotion code')
    .option(
      '--stripe-api-base <url>',
      'the sandbox or emulator to seed (default: the sandbox of the Vouch running on the data dir)',
    )
    .option('--stripe-key <key>', `a test-mode key (default: the sandbox's, ${SANDBOX_API_KEY})`)
    .action(async (o: { stripeApiBase?: string; stripeKey?: string }) => {
      if (o.stripeKey !== undefined && !/^(sk|rk)_test_/.test(o.stripeKey)) {
        throw new OperatorError(
          'vouch demo writes sample data and only accepts test-mode keys (sk_test_...).',
        );
      }
      const { apiBase, apiKey, whose } = await findTarget(o);
      const stripe = createStripeClient({ apiBase, apiKey }, { maxNetworkRetries: 0 });
      try {
        await stripe.accounts.retrieveCurrent();
      } catch (error) {
        throw new OperatorError(
          `No Stripe sandbox answers at ${apiBase} (${(error as Error).message}). Start Vouch first ` +
            '(npm start runs the sandbox), or run `vouch stripe-emulator`.',
        );
      }
      const summary = await seedDemoData(stripe, (line) => process.stdout.write(`  ${line}\n`));
      if (summary.alreadyPresent) {
        process.stdout.write(
          `The demo data is already in the sandbox${whose} at ${apiBase}; nothing added.\n`,
        );
        return;
      }
      process.stdout.write(
        `Seeded the sandbox${whose} at ${apiBase}: ${summary.customers} customers, ${summary.payments} payments, ` +
          `${summary.declined} declined card, ${summary.refunds} refund, ${summary.subscriptions} subscriptions, ` +
          `promotion code ${summary.promotionCode}.\n`,
      );
    });
}
