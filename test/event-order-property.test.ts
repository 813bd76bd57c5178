import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type EmulatorHandle, type EventObj, startEmulator } from '../emulator/index.js';
import { SecretBox } from '../src/crypto/secret-box.js';
import { stripeEventsRepository } from '../src/db/repositories/stripe-events.js';
import type { ConnectionRow, LeadStatus } from '../src/db/tables.js';
import { type ApplyDeps, applyStripeEvents } from '../src/jobs/apply-stripe-events.js';
import { campaignsService } from '../src/services/campaigns.js';
import { leadsService } from '../src/services/leads.js';
import { referrersService } from '../src/services/referrers.js';
import { StripeGateway } from '../src/stripe/gateway.js';
import { isSubscribed } from '../src/stripe/webhook-events.js';
import { copyConnection, retireConnection, templateConnection } from './helpers/connection-copy.js';
import { sdkFor } from './helpers/stripe-env.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

/**
 * "Events may arrive late, twice or out of order (a refund before its charge): the final state must be the
 * same as if they had arrived once and in order." One friend's real event stream from the emulator (payments,
 * partial and full refunds, disputes won and lost, crossing the target back and forth) is fed straight into
 * the inbox of a fresh connection per run, in any order and with any duplicates, and must end where feeding
 * it once in Stripe's order ends.
 */

const PUBLIC_URL = 'http://127.0.0.1:9';
const FRIEND = 'Order.Friend@example.com';
const TARGET = 5000;

let emulator: EmulatorHandle;
let db: TestDatabase;
let gateway: StripeGateway;
let template: ConnectionRow;
/** The friend was referred one second before their customer appeared. */
let referredAt: Date;
/** The subscribed events of the stream, in Stripe's order (`created`, then as listed). */
let stream: EventObj[];
let canonical: FinalState;
let canonicalLead: string;

type Program = { connectionId: string; leadId: string };

/** Everything an event can change, without the per-run ids (connection, lead). */
type FinalState = {
  lead: { status: LeadStatus; net_spend: number; qualified_at: Date | null };
  links: Array<{ customer_id: string; how: string }>;
  payments: Array<Record<string, unknown>>;
  refunds: Array<Record<string, unknown>>;
  disputes: Array<Record<string, unknown>>;
  inbox: Array<{ id: string; processed: boolean; dead: boolean; last_error: string | null }>;
};

const context = (): ApplyDeps => ({
  database: db.database,
  logger: pino({ level: 'silent' }),
  now: () => new Date(),
  gateway,
});

/** A fresh connection (the real one's key and account), campaign and pending lead for the friend. */
async function freshProgram(): Promise<Program> {
  const connection = await copyConnection(db.database, template);
  const campaign = await campaignsService(db.database, PUBLIC_URL).create({
    name: `Event order ${connection.id}`,
    status: 'live',
    connection_id: connection.id,
    qualification: { method: 'spend', target_amount: TARGET, window_days: 30, refunds_unqualify: true },
  });
  const referrer = await referrersService(db.database, PUBLIC_URL).join(
    campaign.id,
    { email: 'referrer@example.com', first_name: 'Rita' },
    'api',
  );
  const { lead } = await leadsService(db.database, () => referredAt).create(
    campaign.id,
    { email: FRIEND, referrer: referrer.id },
    'api',
  );
  return { connectionId: connection.id, leadId: lead.id };
}

/** Only one connection of an account is active at a time: the run's own is retired once read. */
async function retire(program: Program): Promise<void> {
  await retireConnection(db.database, program.connectionId);
}

/**
 * One delivery: a first arrival or a webhook redelivery goes through the inbox (a duplicate is dropped
 * there, and a retried job finds it processed); a replay revives the stored event and applies it again.
 */
async function deliver(program: Program, event: EventObj, how: 'webhook' | 'replay'): Promise<void> {
  const inbox = stripeEventsRepository(db.database.db);
  if (how === 'webhook') {
    await inbox.insert({
      connectionId: program.connectionId,
      id: event.id,
      type: event.type,
      createdAt: new Date(event.created * 1000),
      payload: JSON.stringify(event),
      source: 'webhook',
    });
  } else if (!(await inbox.revive(program.connectionId, event.id))) {
    throw new Error(`replayed ${event.id} before it arrived`);
  }
  const waiting = await db.database.db
    .selectFrom('stripe_events')
    .select(['connection_id', 'id', 'type', 'payload', 'attempts'])
    .where('connection_id', '=', program.connectionId)
    .where('id', '=', event.id)
    .execute();
  await applyStripeEvents(context(), waiting);
}

/** Feeds deliveries in order: an event's first occurrence arrives by webhook, later ones as given. */
async function feed(program: Program, deliveries: Array<{ event: EventObj; replay?: boolean }>) {
  const seen = new Set<string>();
  for (const { event, replay } of deliveries) {
    await deliver(program, event, seen.has(event.id) && replay ? 'replay' : 'webhook');
    seen.add(event.id);
  }
}

async function finalState(program: Program): Promise<FinalState> {
  const q = db.database.db;
  const id = program.connectionId;
  const lead = await q
    .selectFrom('leads')
    .select(['status', 'net_spend', 'qualified_at'])
    .where('id', '=', program.leadId)
    .executeTakeFirstOrThrow();
  const links = await q
    .selectFrom('customer_links')
    .select(['customer_id', 'how'])
    .where('connection_id', '=', id)
    .where('lead_id', '=', program.leadId)
    .orderBy('customer_id')
    .execute();
  const payments = await q
    .selectFrom('payments')
    .select(['charge_id', 'customer_id', 'amount', 'currency', 'settled_amount', 'status'])
    .select(['created_at', 'observed_at'])
    .where('connection_id', '=', id)
    .orderBy('charge_id')
    .execute();
  const refunds = await q
    .selectFrom('refunds')
    .select(['refund_id', 'charge_id', 'amount', 'settled_amount', 'status', 'created_at', 'observed_at'])
    .where('connection_id', '=', id)
    .orderBy('refund_id')
    .execute();
  const disputes = await q
    .selectFrom('disputes')
    .select(['dispute_id', 'charge_id', 'amount', 'settled_amount', 'status', 'created_at', 'observed_at'])
    .where('connection_id', '=', id)
    .orderBy('dispute_id')
    .execute();
  const inbox = (
    await q
      .selectFrom('stripe_events')
      .select(['id', 'processed_at', 'dead_at', 'last_error'])
      .where('connection_id', '=', id)
      .orderBy('id')
      .execute()
  ).map((e) => ({
    id: e.id,
    processed: e.processed_at !== null,
    dead: e.dead_at !== null,
    last_error: e.last_error,
  }));
  return { lead, links, payments, refunds, disputes, inbox };
}

/** Feeds a run on its own fresh program and reads where it ended. */
async function run(deliveries: Array<{ event: EventObj; replay?: boolean }>) {
  const program = await freshProgram();
  try {
    await feed(program, deliveries);
    return { program, state: await finalState(program) };
  } finally {
    await retire(program);
  }
}

/** `#3 +2s charge.succeeded ch_…`: a delivery, for a failure's message. */
function describeEvent(index: number, replay = false): string {
  const event = stream[index]!;
  const object = (event.data.object as { id?: string }).id ?? '';
  return `#${index} +${event.created - base / 1000}s ${event.type} ${object}${replay ? ' (replayed)' : ''}`;
}

/** Moves the (faked) clock to `base + seconds`, so each step of the story has its own Stripe second. */
let base = 0;
const second = (n: number) => vi.setSystemTime(base + n * 1000);

beforeAll(async () => {
  emulator = await startEmulator();
  db = await createTestDatabase();
  const box = new SecretBox('t'.repeat(64));
  gateway = new StripeGateway(box, emulator.url);
  const stripe = sdkFor(emulator);
  // Each run gets its own copy of a real connection for the key, which has no webhook endpoint.
  template = await templateConnection(db.database, { gateway, box }, 'sk_test_event_order_key');
  expect((await stripe.webhookEndpoints.list()).data).toEqual([]);

  // The story happened a few minutes ago, one step per second.
  base = Math.floor(Date.now() / 1000) * 1000 - 5 * 60_000;
  referredAt = new Date(base - 1000);
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    const pay = async (amount: number) => {
      const intent = await stripe.paymentIntents.create({
        amount,
        currency: 'usd',
        customer: customer.id,
        payment_method: 'pm_card_visa',
        confirm: true,
      });
      return intent.latest_charge as string;
    };
    const dispute = async (charge: string) =>
      (await stripe.rawRequest('POST', `/v1/test_helpers/charges/${charge}/dispute`, {})) as unknown as {
        id: string;
      };
    const close = (id: string, outcome: 'won' | 'lost') =>
      stripe.rawRequest('POST', `/v1/test_helpers/disputes/${id}/close`, { outcome });

    // Net spend after each step, against a target of 50.00 (strictly above qualifies):
    second(0);
    const customer = await stripe.customers.create({ email: FRIEND.toUpperCase(), name: 'Friend' });
    second(1);
    const a = await pay(3000); // 30.00 pending
    second(2);
    const b = await pay(2500); // 55.00 qualified
    second(3);
    const refundA = await stripe.refunds.create({ charge: a, amount: 600 }); // 49.00 unqualified
    second(4);
    const c = await pay(1200); // 61.00 qualified
    second(5);
    const disputeC = await dispute(c); // 49.00 unqualified
    second(6);
    await close(disputeC.id, 'won'); // 61.00 qualified
    second(7);
    await stripe.refunds.create({ charge: b }); // full: 36.00 unqualified
    second(8);
    await stripe.refunds.update(refundA.id, { metadata: { note: 'goodwill' } }); // refund.updated, no change
    second(9);
    const d = await pay(4000); // 76.00 qualified
    second(10);
    const e = await pay(1500); // 91.00
    second(11);
    const disputeD = await dispute(d); // 51.00 still qualified
    second(12);
    await close(disputeD.id, 'lost'); // 51.00
    second(13);
    await stripe.refunds.create({ charge: e, amount: 99 }); // 50.01 qualified, one cent above
    second(14);
    await stripe.customers.update(customer.id, { name: 'Friend, paying' }); // customer.updated, no change
  } finally {
    vi.useRealTimers();
  }
  const all = emulator.events();
  stream = all
    .map((event, listed) => ({ event, listed }))
    .filter(({ event }) => isSubscribed(event.type))
    .sort((x, y) => x.event.created - y.event.created || x.listed - y.listed)
    .map(({ event }) => event);
  expect(emulator.deliveries()).toEqual([]);

  const first = await run(stream.map((event) => ({ event })));
  canonical = first.state;
  canonicalLead = first.program.leadId;
}, 60_000);

afterAll(async () => {
  await emulator?.close();
  await db?.close();
});

describe('Stripe events late, twice or out of order end in the same state', () => {
  it('the stream is realistic and, once and in order, crosses the target back and forth', async () => {
    const types = new Set(stream.map((e) => e.type));
    for (const type of [
      'customer.created',
      'customer.updated',
      'payment_intent.succeeded',
      'charge.succeeded',
      'charge.updated',
      'charge.refunded',
      'refund.created',
      'refund.updated',
      'charge.dispute.created',
      'charge.dispute.updated',
      'charge.dispute.closed',
    ])
      expect(types).toContain(type);
    expect(canonical.lead).toMatchObject({ status: 'qualified', net_spend: 5001 });
    expect(canonical.lead.qualified_at).not.toBeNull();
    expect(canonical.payments).toHaveLength(5);
    expect(canonical.refunds).toHaveLength(3);
    expect(canonical.disputes.map((d) => d.status).sort()).toEqual(['lost', 'won']);
    expect(canonical.links).toEqual([{ customer_id: expect.stringMatching(/^cus_/), how: 'matched_email' }]);
    expect(canonical.inbox.every((e) => e.processed && !e.dead)).toBe(true);
    const changes = await db.database.db
      .selectFrom('lead_events')
      .select('type')
      .where('lead_id', '=', canonicalLead)
      .where('type', 'in', ['lead.qualified', 'lead.unqualified'])
      .orderBy('id')
      .execute();
    expect(changes.map((c) => c.type.slice(5))).toEqual([
      'qualified',
      'unqualified',
      'qualified',
      'unqualified',
      'qualified',
      'unqualified',
      'qualified',
    ]);
  });

  it('refunds delivered before any event of their charge end in the canonical state', async () => {
    const isRefund = (e: EventObj) => e.type.startsWith('refund.');
    const early = [...stream.filter(isRefund), ...stream.filter((e) => !isRefund(e))];
    expect((await run(early.map((event) => ({ event })))).state).toEqual(canonical);
  });

  it('the whole stream backwards, each event twice, ends in the canonical state', async () => {
    const backwards = [...stream].reverse().flatMap((event) => [{ event }, { event, replay: true }]);
    expect((await run(backwards)).state).toEqual(canonical);
  });

  it('any order with any duplicates (redelivered or replayed) ends in the canonical state', async () => {
    const n = stream.length;
    // Every event at least once, in any order, plus up to n extra copies anywhere, each redelivered by
    // webhook or replayed.
    const deliveries = fc
      .tuple(
        fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
        fc.array(fc.record({ index: fc.nat(n - 1), at: fc.nat(), replay: fc.boolean() }), { maxLength: n }),
      )
      .map(([order, extra]) => {
        const list = order.map((index) => ({ index, replay: false }));
        for (const { index, at, replay } of extra) list.splice(at % (list.length + 1), 0, { index, replay });
        return list;
      });
    await fc.assert(
      fc.asyncProperty(deliveries, async (list) => {
        const { state } = await run(list.map(({ index, replay }) => ({ event: stream[index]!, replay })));
        expect(state, list.map(({ index, replay }) => describeEvent(index, replay)).join('\n')).toEqual(
          canonical,
        );
      }),
      { numRuns: 25 },
    );
    // 25 whole streams applied one after another: about 25 s on an idle 2-core machine.
  }, 180_000);
});
