import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorHandle, type EventObj, startEmulator } from '../emulator/index.js';
import { SecretBox } from '../src/crypto/secret-box.js';
import { stripeEventsRepository } from '../src/db/repositories/stripe-events.js';
import type { ConnectionRow } from '../src/db/tables.js';
import { ID_PREFIXES } from '../src/domain/ids.js';
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
 * A batch of events is applied with its locks, new charges and reads done ahead (services/batch-reads.ts).
 * Applied as one batch, the events of a few friends must end exactly where applying them one by one ends,
 * and each lead must still qualify at the event that made it qualify: a friend whose customer is linked in
 * the same batch qualifies at the charge, not at the customer.
 */

const PUBLIC_URL = 'http://127.0.0.1:9';
const FRIENDS = ['linked.before@example.com', 'linked.in.batch@example.com', 'paid.twice@example.com'];

let emulator: EmulatorHandle;
let db: TestDatabase;
let gateway: StripeGateway;
let template: ConnectionRow;
/** The customer.created of the first friend, applied before the rest in every run. */
let first: EventObj;
/** Every other subscribed event, in Stripe's order: the friends' and a stranger's customers and charges. */
let rest: EventObj[];
let referredAt: Date;

const deps = (): ApplyDeps => ({
  database: db.database,
  logger: pino({ level: 'silent' }),
  now: () => new Date(),
  gateway,
});

type Program = { connectionId: string; leadIds: string[] };

async function freshProgram(): Promise<Program> {
  const connection = await copyConnection(db.database, template);
  const campaign = await campaignsService(db.database, PUBLIC_URL).create({
    name: `Batches ${connection.id}`,
    status: 'live',
    connection_id: connection.id,
    qualification: { method: 'spend', target_amount: 1500, window_days: 30, refunds_unqualify: true },
  });
  const referrer = await referrersService(db.database, PUBLIC_URL).join(
    campaign.id,
    { email: 'referrer@example.com', first_name: 'Rita' },
    'api',
  );
  const leadIds: string[] = [];
  for (const email of FRIENDS) {
    const { lead } = await leadsService(db.database, () => referredAt).create(
      campaign.id,
      { email, referrer: referrer.id },
      'api',
    );
    leadIds.push(lead.id);
  }
  return { connectionId: connection.id, leadIds };
}

/** Runs `steps` on a fresh program, retired afterwards (one connection of the account is active at a time). */
async function withProgram<T>(steps: (program: Program) => Promise<T>): Promise<T> {
  const program = await freshProgram();
  try {
    return await steps(program);
  } finally {
    await retireConnection(db.database, program.connectionId);
  }
}

/** Puts the events in the program's inbox and applies them in one batch. */
async function applyBatch(program: Program, events: EventObj[]): Promise<number> {
  const inbox = stripeEventsRepository(db.database.db);
  for (const event of events)
    await inbox.insert({
      connectionId: program.connectionId,
      id: event.id,
      type: event.type,
      createdAt: new Date(event.created * 1000),
      payload: JSON.stringify(event),
      source: 'webhook',
    });
  const waiting = await db.database.db
    .selectFrom('stripe_events')
    .select(['connection_id', 'id', 'type', 'payload', 'attempts'])
    .where('connection_id', '=', program.connectionId)
    .where(
      'id',
      'in',
      events.map((e) => e.id),
    )
    .execute();
  const byId = new Map(waiting.map((w) => [w.id, w]));
  return applyStripeEvents(
    deps(),
    events.map((e) => byId.get(e.id)!),
  );
}

/** What the events changed, without the run's own ids. */
async function finalState(program: Program) {
  const q = db.database.db;
  const leads = [];
  for (const id of program.leadIds) {
    const lead = await q
      .selectFrom('leads')
      .select(['status', 'net_spend', 'qualified_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const links = await q
      .selectFrom('customer_links')
      .select(['customer_id', 'how'])
      .where('lead_id', '=', id)
      .orderBy('customer_id')
      .execute();
    const verdicts = await q
      .selectFrom('lead_events')
      .select(['type', 'data'])
      .where('lead_id', '=', id)
      .where('type', 'in', ['lead.qualified', 'lead.unqualified'])
      .orderBy('created_at')
      .execute();
    const causes = verdicts.map((v) => ({
      type: v.type,
      stripe_object: (v.data as { stripe_object: string | null }).stripe_object,
    }));
    leads.push({ lead, links, causes });
  }
  const payments = await q
    .selectFrom('payments')
    .select(['charge_id', 'customer_id', 'amount', 'settled_amount', 'status', 'observed_at'])
    .where('connection_id', '=', program.connectionId)
    .orderBy('charge_id')
    .execute();
  const unprocessed = await q
    .selectFrom('stripe_events')
    .select('id')
    .where('connection_id', '=', program.connectionId)
    .where('processed_at', 'is', null)
    .execute();
  return { leads, payments, unprocessed };
}

/** Every lead's whole timeline and the campaign's domain events, in their order, without the run's own ids. */
async function histories(program: Program) {
  const q = db.database.db;
  const timelines = [];
  for (const id of program.leadIds)
    timelines.push(
      await q
        .selectFrom('lead_events')
        .select(['type', 'message', 'status', 'data'])
        .where('lead_id', '=', id)
        .orderBy('id')
        .execute(),
    );
  const events = await q
    .selectFrom('domain_events')
    .select(['type', 'lead_id', 'data'])
    .where('lead_id', 'in', program.leadIds)
    .orderBy('id')
    .execute();
  const domain = events.map((e) => ({ ...e, lead_id: program.leadIds.indexOf(e.lead_id!) }));
  // The program's own ids (campaign, referrer, leads) differ from run to run; Stripe's do not.
  const ownIds = new RegExp(`\\b(${Object.values(ID_PREFIXES).join('|')})_[0-9a-z]{26}\\b`, 'g');
  return JSON.parse(JSON.stringify({ timelines, domain }).replace(ownIds, '$1_*')) as {
    timelines: typeof timelines;
    domain: typeof domain;
  };
}

beforeAll(async () => {
  emulator = await startEmulator();
  db = await createTestDatabase();
  const box = new SecretBox('t'.repeat(64));
  gateway = new StripeGateway(box, emulator.url);
  const stripe = sdkFor(emulator);
  template = await templateConnection(db.database, { gateway, box }, 'sk_test_event_batches_key');
  referredAt = new Date(Date.now() - 60_000);

  const pay = (customer: string, amount: number) =>
    stripe.paymentIntents.create({
      amount,
      currency: 'usd',
      customer,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
  const customers: Array<{ id: string }> = [];
  for (const email of [...FRIENDS, 'stranger@example.com'])
    customers.push(await stripe.customers.create({ email }));
  await pay(customers[0]!.id, 2000);
  await pay(customers[1]!.id, 2000);
  await pay(customers[2]!.id, 1000);
  await pay(customers[2]!.id, 1000);
  await pay(customers[3]!.id, 5000);
  const events = emulator.events().filter((e) => isSubscribed(e.type));
  first = events.find(
    (e) => e.type === 'customer.created' && (e.data.object as { id: string }).id === customers[0]!.id,
  )!;
  rest = events.filter((e) => e !== first);
  expect(rest.filter((e) => e.type === 'charge.succeeded')).toHaveLength(5);
});

afterAll(async () => {
  await db?.close();
  await emulator?.close();
});

describe('a batch of Stripe events', () => {
  it('ends where applying the same events one by one ends, each lead qualified at its charge', async () => {
    const inBatch = await withProgram(async (program) => {
      await applyBatch(program, [first]);
      expect(await applyBatch(program, rest)).toBe(rest.length);
      return finalState(program);
    });
    const alone = await withProgram(async (program) => {
      await applyBatch(program, [first]);
      for (const event of rest) await applyBatch(program, [event]);
      return finalState(program);
    });

    expect(inBatch).toEqual(alone);
    expect(inBatch.unprocessed).toEqual([]);
    expect(inBatch.payments).toHaveLength(5);
    for (const { lead, links, causes } of inBatch.leads) {
      expect(lead.status).toBe('qualified');
      expect(links).toHaveLength(1);
      expect(causes).toHaveLength(1);
      expect(causes[0]!.stripe_object).toMatch(/^ch_/);
    }
  });

  it('re-runs the verdicts of leads its new charges reach together, as one by one would', async () => {
    // Every friend's customer linked first: the batch is then the charges alone, all stored ahead. The
    // friends paid once each have their verdicts re-run together; the one who paid twice, one by one.
    const customers = rest.filter((e) => e.type === 'customer.created');
    const charges = rest.filter((e) => e.type === 'charge.succeeded');
    const run = async (apply: (program: Program) => Promise<void>) =>
      withProgram(async (program) => {
        for (const event of [first, ...customers]) await applyBatch(program, [event]);
        await apply(program);
        return { ...(await finalState(program)), ...(await histories(program)) };
      });
    const together = await run(async (program) => {
      expect(await applyBatch(program, charges)).toBe(charges.length);
    });
    const alone = await run(async (program) => {
      for (const event of charges) await applyBatch(program, [event]);
    });
    expect(together).toEqual(alone);
    expect(together.leads.map((l) => l.lead.status)).toEqual(['qualified', 'qualified', 'qualified']);
    // Each paid friend: a payment counted per charge, then qualified; the one who paid twice at the second.
    expect(
      together.timelines.map((t) =>
        t.map((e) => e.type).filter((type) => !['lead.created', 'lead.customer_linked'].includes(type)),
      ),
    ).toEqual([
      ['lead.payment_counted', 'lead.qualified'],
      ['lead.payment_counted', 'lead.qualified'],
      ['lead.payment_counted', 'lead.payment_counted', 'lead.qualified'],
    ]);
    expect(together.domain.filter((e) => e.type === 'lead.qualified').map((e) => e.lead_id)).toEqual([
      0, 1, 2,
    ]);
  });

  it('applies a charge stored ahead once, however often its events repeat in the batch', async () => {
    const charge = rest.find(
      (e) =>
        e.type === 'charge.succeeded' &&
        (e.data.object as { customer: string }).customer === (first.data.object as { id: string }).id,
    )!;
    const updated = { ...charge, id: `${charge.id}_again`, type: 'charge.updated' };
    const state = await withProgram(async (program) => {
      await applyBatch(program, [first]);
      expect(await applyBatch(program, [charge, updated])).toBe(2);
      return finalState(program);
    });
    expect(state.payments).toHaveLength(1);
    expect(state.leads[0]!.causes).toEqual([
      { type: 'lead.qualified', stripe_object: (charge.data.object as { id: string }).id },
    ]);
  });
});
