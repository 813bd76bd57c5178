import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorHandle, type EventObj, startEmulator } from '../emulator/index.js';
import { SecretBox } from '../src/crypto/secret-box.js';
import { type PendingEvent, stripeEventsRepository } from '../src/db/repositories/stripe-events.js';
import type { ConnectionRow } from '../src/db/tables.js';
import { StripeInboxWorker } from '../src/jobs/stripe-inbox-worker.js';
import { StripeGateway } from '../src/stripe/gateway.js';
import { copyConnection, retireConnection, templateConnection } from './helpers/connection-copy.js';
import { sdkFor } from './helpers/stripe-env.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

/**
 * The inbox worker applies the events its own process received from memory, as they are handed over, and
 * the inbox's waiting rows otherwise: either way each event is applied once, with no event left behind.
 */

const _PUBLIC_URL = 'http://127.0.0.1:9';
/** Longer than any test here: an event applied within a test was not found by a poll. */
const NO_POLL_MS = 600_000;

let emulator: EmulatorHandle;
let db: TestDatabase;
let gateway: StripeGateway;
let template: ConnectionRow;
/** Six friends' payments as Stripe sent them: each a charge.succeeded among other events. */
let stream: EventObj[];

const logger = pino({ level: 'silent' });

beforeAll(async () => {
  emulator = await startEmulator();
  db = await createTestDatabase();
  const box = new SecretBox('t'.repeat(64));
  gateway = new StripeGateway(box, emulator.url);
  const stripe = sdkFor(emulator);
  template = await templateConnection(db.database, { gateway, box }, 'sk_test_inbox_worker_key');
  for (let i = 0; i < 6; i++) {
    const customer = await stripe.customers.create({ email: `friend${i}@example.com` });
    await stripe.paymentIntents.create({
      amount: 1000 + i,
      currency: 'usd',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
  }
  stream = emulator.events().filter((e) => e.type === 'charge.succeeded' || e.type === 'customer.created');
  expect(stream.filter((e) => e.type === 'charge.succeeded')).toHaveLength(6);
});

afterAll(async () => {
  await db?.close();
  await emulator?.close();
});

/**
 * A connection of its own for each test (the real one's key and account), so payments and inbox rows are
 * counted per test; one connection of an account is active at a time, so it is retired after the test.
 */
async function withConnection(test: (connectionId: string) => Promise<void>): Promise<void> {
  const connection = await copyConnection(db.database, template);
  try {
    await test(connection.id);
  } finally {
    await retireConnection(db.database, connection.id);
  }
}

/** Records the events in the inbox as the webhook route does, and returns them as handed over. */
async function receive(connectionId: string, events: EventObj[]): Promise<PendingEvent[]> {
  await stripeEventsRepository(db.database.db).insertMany(
    events.map((e) => ({
      connectionId,
      id: e.id,
      type: e.type,
      createdAt: new Date(e.created * 1000),
      payload: JSON.stringify(e),
      source: 'webhook' as const,
    })),
  );
  return events.map((e) => ({
    connection_id: connectionId,
    id: e.id,
    type: e.type,
    payload: e,
    attempts: 0,
  }));
}

function worker(options: { pollMs: number; maxHanded?: number }) {
  return new StripeInboxWorker({ database: db.database, logger, now: () => new Date(), gateway, ...options });
}

async function counts(connectionId: string) {
  const q = db.database.db;
  const inbox = await q
    .selectFrom('stripe_events')
    .select((eb) => [eb.fn.countAll<number>().as('all'), eb.fn.count<number>('processed_at').as('processed')])
    .where('connection_id', '=', connectionId)
    .executeTakeFirstOrThrow();
  const payments = await q
    .selectFrom('payments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('connection_id', '=', connectionId)
    .executeTakeFirstOrThrow();
  const failed = await q
    .selectFrom('stripe_events')
    .select('last_error')
    .where('connection_id', '=', connectionId)
    .where('last_error', 'is not', null)
    .execute();
  return {
    events: Number(inbox.all),
    processed: Number(inbox.processed),
    payments: Number(payments.n),
    errors: failed.map((f) => f.last_error),
  };
}

describe('the Stripe inbox worker', () => {
  it('applies events handed over by its own process at once, without waiting for a poll', () =>
    withConnection(async (connectionId) => {
      const running = worker({ pollMs: NO_POLL_MS });
      running.start();
      try {
        // The first round found the inbox empty; the worker now waits for a hand-over or the next poll.
        running.arrived(await receive(connectionId, stream));
        await expect
          .poll(() => counts(connectionId), { timeout: 10_000 })
          .toEqual({ events: stream.length, processed: stream.length, payments: 6, errors: [] });
      } finally {
        await running.stop();
      }
    }));

  it('applies each event once when another process reads the same events from the inbox', () =>
    withConnection(async (connectionId) => {
      const handedOver = worker({ pollMs: NO_POLL_MS });
      const polling = worker({ pollMs: 5 });
      handedOver.start();
      polling.start();
      try {
        handedOver.arrived(await receive(connectionId, stream));
        await expect
          .poll(() => counts(connectionId), { timeout: 10_000 })
          .toEqual({ events: stream.length, processed: stream.length, payments: 6, errors: [] });
      } finally {
        await handedOver.stop();
        await polling.stop();
      }
    }));

  it('reads a burst larger than it keeps back from the inbox, and applies all of it', () =>
    withConnection(async (connectionId) => {
      const running = worker({ pollMs: NO_POLL_MS, maxHanded: 2 });
      running.start();
      try {
        // One event at a time, as webhooks arrive: the third overflows what is kept.
        for (const event of await receive(connectionId, stream)) running.arrived([event]);
        await expect
          .poll(() => counts(connectionId), { timeout: 10_000 })
          .toEqual({ events: stream.length, processed: stream.length, payments: 6, errors: [] });
      } finally {
        await running.stop();
      }
    }));
});
