/** Shared test helpers: an emulator + SDK client, and a webhook receiver that verifies signatures. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { type EmulatorHandle, type EmulatorOptions, startEmulator } from '../index.js';

export interface TestEnv {
  emulator: EmulatorHandle;
  stripe: Stripe;
}

/** An emulator and an SDK client; it accepts webhook endpoints on 127.0.0.1 unless the options say not to. */
export async function startTestEnv(options: EmulatorOptions = {}): Promise<TestEnv> {
  const emulator = await startEmulator({
    webhookRetryBaseMs: 20,
    webhookTimeoutMs: 2000,
    allowPrivateWebhookUrls: true,
    ...options,
  });
  return { emulator, stripe: clientFor(emulator) };
}

export function clientFor(emulator: EmulatorHandle, key = 'sk_test_emulator', maxNetworkRetries = 0): Stripe {
  return new Stripe(key, {
    host: emulator.host,
    port: emulator.port,
    protocol: 'http',
    maxNetworkRetries,
    telemetry: false,
  });
}

export interface ReceivedWebhook {
  rawBody: string;
  signature: string;
  event: Stripe.Event | null;
  verifyError: string | null;
}

export interface Receiver {
  url: string;
  received: ReceivedWebhook[];
  secret: string;
  /** Respond with this status for the next N requests (then 200). */
  failNext(count: number, status?: number): void;
  waitFor(predicate: (events: Stripe.Event[]) => boolean, timeoutMs?: number): Promise<Stripe.Event[]>;
  close(): Promise<void>;
}

export async function startReceiver(stripe: Stripe): Promise<Receiver> {
  const received: ReceivedWebhook[] = [];
  let failures = 0;
  let failStatus = 500;
  const receiver = { secret: '' } as { secret: string };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const signature = String(req.headers['stripe-signature'] ?? '');
      let event: Stripe.Event | null = null;
      let verifyError: string | null = null;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signature, receiver.secret);
      } catch (err) {
        verifyError = String(err);
      }
      received.push({ rawBody, signature, event, verifyError });
      if (failures > 0) {
        failures--;
        res.writeHead(failStatus).end('fail');
        return;
      }
      res.writeHead(verifyError ? 400 : 200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const events = () => received.flatMap((r) => (r.event ? [r.event] : []));
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    get secret() {
      return receiver.secret;
    },
    set secret(value: string) {
      receiver.secret = value;
    },
    failNext(count, status = 500) {
      failures = count;
      failStatus = status;
    },
    async waitFor(predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(events())) {
        if (Date.now() > deadline)
          throw new Error(
            `timed out; got ${events()
              .map((e) => e.type)
              .join(', ')}`,
          );
        await new Promise((r) => setTimeout(r, 10));
      }
      return events();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Registers a webhook endpoint on the emulator that points at the receiver. */
export async function attachReceiver(stripe: Stripe, receiver: Receiver, events: string[] = ['*']) {
  const endpoint = await stripe.webhookEndpoints.create({
    url: receiver.url,
    enabled_events: events as Stripe.WebhookEndpointCreateParams.EnabledEvent[],
  });
  receiver.secret = endpoint.secret ?? '';
  return endpoint;
}

export async function expectStripeError(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError) return err;
    throw err;
  }
  throw new Error('expected a Stripe error');
}
