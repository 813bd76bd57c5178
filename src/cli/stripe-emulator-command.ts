import { Command, InvalidArgumentError } from 'commander';
import { knownVersion, type LatencyMs, SDK_API_VERSION, startEmulator } from '../../emulator/index.js';
import { createLogger } from '../logger.js';

const number = (name: string, min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new InvalidArgumentError(`${name} must be between ${min} and ${max}.`);
  return n;
};

/** `300` (a fixed time) or `250-400` (a range), in ms. */
const latency = (value: string): LatencyMs => {
  const match = /^(\d+)(?:-(\d+))?$/.exec(value.trim());
  const min = Number(match?.[1]);
  const max = Number(match?.[2] ?? match?.[1]);
  if (!match || max < min || max > 60_000)
    throw new InvalidArgumentError(
      '--latency-ms must be ms (300) or a range min-max (250-400), at most 60000.',
    );
  return [min, max];
};

/** `vouch stripe-emulator`: the Stripe-compatible emulator on its own, until SIGTERM or SIGINT. */
export function stripeEmulatorCommand(): Command {
  return new Command('stripe-emulator')
    .description('run the Stripe-compatible emulator (point the stripe SDK or STRIPE_API_BASE at it)')
    .option('--port <port>', 'port to listen on (0 picks a free one)', number('--port', 0, 65535), 12111)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--currency <code>', "the account's default currency", 'usd')
    .option(
      '--api-version <version>',
      `the account's default Stripe API version (e.g. 2024-06-20); default: the SDK's ${SDK_API_VERSION}`,
      (value: string) => {
        const version = knownVersion(value);
        if (!version) throw new InvalidArgumentError(`${value} is not a Stripe API version.`);
        return version;
      },
    )
    .option(
      '--allow-private-webhook-urls',
      'accept webhook endpoints on localhost and private addresses (Stripe refuses them)',
      false,
    )
    .option(
      '--rate-limit <n>',
      'answer requests beyond N per second with 429, like Stripe',
      number('--rate-limit', 1, 100_000),
    )
    .option(
      '--fail-rate <f>',
      'answer this fraction of requests with a 500 (0 to 1)',
      number('--fail-rate', 0, 1),
    )
    .option(
      '--latency-ms <ms>',
      'wait this long before each API answer, like Stripe: 300, or a range 250-400 (counted on arrival)',
      latency,
    )
    .option(
      '--seed <n>',
      'seed for --fail-rate and --latency-ms, for repeatable faults and delays',
      number('--seed', 0, 2 ** 31),
      1,
    )
    .option('--state-file <file>', 'keep state in this JSON file across restarts')
    .option(
      '--webhook-retry-ms <ms>',
      'first webhook retry delay; doubles each attempt',
      number('--webhook-retry-ms', 1, 3_600_000),
      1000,
    )
    .action(
      async (o: {
        port: number;
        host: string;
        currency: string;
        apiVersion?: string;
        allowPrivateWebhookUrls: boolean;
        rateLimit?: number;
        failRate?: number;
        latencyMs?: LatencyMs;
        seed: number;
        stateFile?: string;
        webhookRetryMs: number;
      }) => {
        const logger = createLogger(process.env.LOG_LEVEL ?? 'info');
        const emulator = await startEmulator({
          port: o.port,
          host: o.host,
          defaultCurrency: o.currency,
          allowPrivateWebhookUrls: o.allowPrivateWebhookUrls,
          ...(o.apiVersion ? { defaultApiVersion: o.apiVersion } : {}),
          seed: o.seed,
          webhookRetryBaseMs: o.webhookRetryMs,
          ...(o.rateLimit ? { rateLimit: o.rateLimit } : {}),
          ...(o.failRate ? { failRate: o.failRate } : {}),
          ...(o.latencyMs ? { latencyMs: o.latencyMs } : {}),
          ...(o.stateFile ? { stateFile: o.stateFile } : {}),
          logger: { info: (msg) => logger.info(msg), error: (msg) => logger.error(msg) },
        });
        logger.info(
          { url: emulator.url },
          `Stripe emulator listening at ${emulator.url} (any sk_test_ key works)`,
        );
        const stop = () => {
          emulator.close().then(
            () => process.exit(0),
            () => process.exit(1),
          );
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      },
    );
}
