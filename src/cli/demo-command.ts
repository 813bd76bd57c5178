import { Command } from 'commander';
import { loadConfig } from '../config.js';
import { OperatorError } from '../errors.js';
import { seedDemoData } from '../stripe/demo-data.js';
import { SANDBOX_API_KEY } from '../stripe/sandbox.js';
import { createStripeClient } from '../stripe/stripe-client.js';

/** `vouch demo`: sample Stripe data in the sandbox, so a first look shows something real. */
export function demoCommand(): Command {
  return new Command('demo')
    .description('seed the Stripe sandbox with sample customers, payments, a refund and a promotion code')
    .option(
      '--stripe-api-base <url>',
      'the sandbox or emulator to seed (default: STRIPE_API_BASE, else the sandbox port)',
    )
    .option('--stripe-key <key>', 'a test-mode key (sk_test_...)', SANDBOX_API_KEY)
    .action(async (o: { stripeApiBase?: string; stripeKey: string }) => {
      const config = loadConfig();
      if (!/^(sk|rk)_test_/.test(o.stripeKey)) {
        throw new OperatorError(
          'vouch demo writes sample data and only accepts test-mode keys (sk_test_...).',
        );
      }
      const apiBase = o.stripeApiBase ?? config.stripeApiBase ?? `http://127.0.0.1:${config.sandboxPort}`;
      const stripe = createStripeClient({ apiBase, apiKey: o.stripeKey }, { maxNetworkRetries: 0 });
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
        process.stdout.write(`The demo data is already in the sandbox at ${apiBase}; nothing added.\n`);
        return;
      }
      process.stdout.write(
        `Seeded the sandbox at ${apiBase}: ${summary.customers} customers, ${summary.payments} payments, ` +
          `${summary.declined} declined card, ${summary.refunds} refund, ${summary.subscriptions} subscriptions, ` +
          `promotion code ${summary.promotionCode}.\n`,
      );
    });
}
