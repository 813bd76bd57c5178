/**
 * The state file keeps every write the emulator answered, even when its process is killed with SIGKILL:
 * the emulator runs in a child process (run-emulator.ts), is killed mid-traffic, and is started again on the
 * same file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Stripe from 'stripe';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type EmulatorHandle, startEmulator } from '../index.js';
import { clientFor } from './helpers.js';

const script = fileURLToPath(new URL('./run-emulator.ts', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const running = new Set<ChildProcess>();
const dir = mkdtempSync(join(tmpdir(), 'emulator-durability-'));

interface Child {
  process: ChildProcess;
  stripe: Stripe;
  exited: Promise<unknown>;
}

async function spawnEmulator(stateFile: string, compactBytes?: number): Promise<Child> {
  const args = ['--import', 'tsx', script, stateFile, ...(compactBytes ? [String(compactBytes)] : [])];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const exited = new Promise((resolve) => child.once('exit', resolve)).finally(() => running.delete(child));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const port = await new Promise<number>((resolve, reject) => {
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    void exited.then(() => reject(new Error(`the emulator exited before listening: ${stderr}`)));
  });
  const stripe = new Stripe('sk_test_durability', {
    host: '127.0.0.1',
    port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  return { process: child, stripe, exited };
}

async function kill(child: Child): Promise<void> {
  child.process.kill('SIGKILL');
  await child.exited;
}

/** Updates run `concurrency` at a time; after `killAfter` answers the process is killed at once. */
async function updateUntilKilled(
  child: Child,
  customers: string[],
  total: number,
  killAfter: number,
): Promise<number[]> {
  const acknowledged: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total && child.process.exitCode === null && child.process.signalCode === null) {
      const i = next++;
      try {
        await child.stripe.customers.update(customers[i % customers.length] as string, {
          metadata: { [`k${i}`]: String(i) },
        });
      } catch {
        continue; // not answered: the process was killed with the request in flight
      }
      acknowledged.push(i);
      if (acknowledged.length === killAfter) child.process.kill('SIGKILL');
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  await child.exited;
  return acknowledged;
}

async function metadataOf(stripe: Stripe, id: string): Promise<Record<string, string>> {
  const customer = await stripe.customers.retrieve(id);
  return customer.deleted ? {} : customer.metadata;
}

async function expectAcknowledged(child: Child, customers: string[], acknowledged: number[]): Promise<void> {
  const found = new Map<string, Record<string, string>>();
  for (const id of customers) found.set(id, await metadataOf(child.stripe, id));
  const missing = acknowledged.filter(
    (i) => found.get(customers[i % customers.length] as string)?.[`k${i}`] !== String(i),
  );
  expect(missing).toEqual([]);
}

async function createCustomers(stripe: Stripe, count: number): Promise<string[]> {
  const created = await Promise.all(
    Array.from({ length: count }, (_, i) => stripe.customers.create({ email: `c${i}@example.com` })),
  );
  return created.map((c) => c.id);
}

const journalOf = (stateFile: string) => `${stateFile}.journal`;
const generationOf = (stateFile: string) =>
  (JSON.parse(readFileSync(stateFile, 'utf8')) as { generation: number }).generation;

afterEach(async () => {
  for (const child of running) child.kill('SIGKILL');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('state file across kill -9', () => {
  it('keeps every customer update it answered when killed with SIGKILL mid-traffic', async () => {
    const stateFile = join(dir, 'killed.json');
    const first = await spawnEmulator(stateFile);
    const customers = await createCustomers(first.stripe, 40);
    const acknowledged = await updateUntilKilled(first, customers, 800, 500);
    expect(acknowledged.length).toBeGreaterThanOrEqual(500);

    const second = await spawnEmulator(stateFile);
    await expectAcknowledged(second, customers, acknowledged);
    await kill(second);
  }, 60_000);

  it('compacts the journal into the state file while running, and loads snapshot plus journal', async () => {
    const stateFile = join(dir, 'compacted.json');
    const limit = 16_000;
    const first = await spawnEmulator(stateFile, limit);
    expect(generationOf(stateFile)).toBe(1);
    const customers = await createCustomers(first.stripe, 10);
    for (let i = 0; i < 300; i += 10) {
      await Promise.all(
        customers.map((id, j) =>
          first.stripe.customers.update(id, { metadata: { [`k${i + j}`]: String(i + j) } }),
        ),
      );
    }
    // Compaction runs right after the answer that crossed the limit; one more request waits for it.
    await first.stripe.customers.retrieve(customers[0] as string);
    const snapshotBytes = statSync(stateFile).size;
    expect(generationOf(stateFile)).toBeGreaterThan(2);
    // Never much more than the snapshot (or the limit) plus the line that crossed it.
    expect(statSync(journalOf(stateFile)).size).toBeLessThan(Math.max(limit, snapshotBytes) + 10_000);

    const acknowledged = Array.from({ length: 300 }, (_, i) => i);
    await kill(first);
    const second = await spawnEmulator(stateFile, limit);
    await expectAcknowledged(second, customers, acknowledged);
    await kill(second);
  }, 60_000);

  it('ignores an incomplete last journal line, and later writes still survive a kill', async () => {
    const stateFile = join(dir, 'torn.json');
    const first = await spawnEmulator(stateFile);
    const [kept] = await createCustomers(first.stripe, 1);
    await first.stripe.customers.update(kept as string, { metadata: { before: 'tear' } });
    await kill(first);
    // What a write cut short leaves: part of a line, no newline.
    appendFileSync(journalOf(stateFile), '[["p","customers","cus_torn",{"id":"cus_torn","email":"to');

    const second = await spawnEmulator(stateFile);
    expect(await metadataOf(second.stripe, kept as string)).toEqual({ before: 'tear' });
    const lost = await second.stripe.customers
      .retrieve('cus_torn')
      .catch((err: Stripe.errors.StripeError) => err);
    expect(lost).toMatchObject({ statusCode: 404 });
    await second.stripe.customers.update(kept as string, { metadata: { after: 'tear' } });
    const added = await second.stripe.customers.create({ email: 'after@example.com' });
    await kill(second);

    const third = await spawnEmulator(stateFile);
    expect(await metadataOf(third.stripe, kept as string)).toEqual({ before: 'tear', after: 'tear' });
    expect((await third.stripe.customers.retrieve(added.id)).id).toBe(added.id);
    await kill(third);
  }, 60_000);

  it('refuses to start on a damaged line inside the journal, naming the file', async () => {
    const stateFile = join(dir, 'damaged.json');
    const first = await spawnEmulator(stateFile);
    await createCustomers(first.stripe, 1);
    await kill(first);
    appendFileSync(journalOf(stateFile), 'not json\n[]\n');
    await expect(startEmulator({ stateFile })).rejects.toThrow(
      `Line 3 of the journal ${journalOf(stateFile)} is damaged`,
    );
  }, 60_000);
});

describe('state file journal', () => {
  const get = async (emulator: EmulatorHandle, path: string, key = 'sk_test_journal') => {
    const res = await fetch(`${emulator.url}${path}`, { headers: { authorization: `Bearer ${key}` } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('holds every answered change of a mixed workload at any moment (a copy taken while running)', async () => {
    const stateFile = join(dir, 'mixed.json');
    const first = await startEmulator({ stateFile, allowPrivateWebhookUrls: true });
    const stripe = clientFor(first, 'sk_test_journal');
    const customer = await stripe.customers.create({ email: 'mixed@example.com' });
    await stripe.customers.createBalanceTransaction(customer.id, { amount: -300, currency: 'usd' });
    const gone = await stripe.customers.create({ email: 'gone@example.com' });
    await stripe.customers.del(gone.id);
    const product = await stripe.products.create({ name: 'Plan' });
    const price = await stripe.prices.create({
      product: product.id,
      unit_amount: 2000,
      currency: 'usd',
      recurring: { interval: 'month' },
    });
    const pi = await stripe.paymentIntents.create({
      amount: 2500,
      currency: 'usd',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const refund = await stripe.refunds.create({ payment_intent: pi.id, amount: 500 });
    const coupon = await stripe.coupons.create({ percent_off: 10, duration: 'forever' });
    const promo = await stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id } });
    // A pending item is picked up by the invoice through a scan of all items, then changed in place.
    const item = await stripe.invoiceItems.create({ customer: customer.id, amount: 700, currency: 'usd' });
    const invoice = await stripe.invoices.create({
      customer: customer.id,
      pending_invoice_items_behavior: 'include',
    });
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      default_payment_method: 'pm_card_visa',
    });
    const endpoint = await stripe.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/h',
      enabled_events: ['*'],
    });
    await stripe.webhookEndpoints.update(endpoint.id, { disabled: true });
    const authorized = await fetch(
      `${first.url}/oauth/authorize?response_type=code&client_id=ca_journal&redirect_uri=http://127.0.0.1:9/cb`,
      { redirect: 'manual' },
    );
    const code = new URL(authorized.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const token = await stripe.oauth.token({ grant_type: 'authorization_code', code });
    const account = await stripe.accounts.retrieveCurrent();
    // Revokes the token by a scan of all tokens, changing the found ones in place.
    await stripe.oauth.deauthorize({ client_id: 'ca_journal', stripe_user_id: account.id });

    // What a kill -9 would leave now.
    const copy = join(dir, 'mixed-copy.json');
    copyFileSync(stateFile, copy);
    copyFileSync(journalOf(stateFile), journalOf(copy));
    const second = await startEmulator({ stateFile: copy });
    try {
      expect(second.events()).toEqual(first.events());
      const paths = [
        '/v1/account',
        `/v1/customers/${customer.id}`,
        `/v1/customers/${customer.id}/balance_transactions`,
        `/v1/customers/${gone.id}`,
        `/v1/prices/${price.id}`,
        `/v1/payment_intents/${pi.id}`,
        `/v1/charges?payment_intent=${pi.id}`,
        `/v1/refunds/${refund.id}`,
        `/v1/promotion_codes/${promo.id}`,
        `/v1/coupons/${coupon.id}`,
        `/v1/invoiceitems/${item.id}`,
        `/v1/invoices/${invoice.id}`,
        `/v1/invoices?customer=${customer.id}`,
        `/v1/subscriptions/${subscription.id}`,
        `/v1/webhook_endpoints/${endpoint.id}`,
      ];
      for (const path of paths) expect(await get(second, path), path).toEqual(await get(first, path));
      expect((await get(second, '/v1/customers', token.access_token ?? '')).status).toBe(401);
      expect((await get(second, `/v1/invoiceitems/${item.id}`)).body).toMatchObject({ invoice: invoice.id });
    } finally {
      await second.close();
      await first.close();
    }
  });
});
