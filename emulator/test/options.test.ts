import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeForm } from '../form-decode.js';
import { clientFor, expectStripeError, startTestEnv } from './helpers.js';

describe('emulator options', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stripe-emu-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('decodes bracket-notation form bodies into nested objects and arrays', () => {
    expect(
      decodeForm(
        'metadata[a]=1&metadata[b]=&line_items[0][price]=p1&line_items[1][price_data][unit_amount]=5&expand[]=x&expand[]=y&e=%20a+b',
      ),
    ).toEqual({
      metadata: { a: '1', b: '' },
      line_items: [{ price: 'p1' }, { price_data: { unit_amount: '5' } }],
      expand: ['x', 'y'],
      e: ' a b',
    });
    expect(decodeForm('__proto__[x]=1')).toEqual({});
  });

  it('answers requests over the rate limit with 429 rate_limit_error', async () => {
    const env = await startTestEnv({ rateLimit: 5 });
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => env.stripe.customers.list()));
    const limited = results.flatMap((r) =>
      r.status === 'rejected' ? [r.reason as Stripe.errors.StripeError] : [],
    );
    expect(limited.length).toBeGreaterThanOrEqual(6);
    expect(limited[0]).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect(limited[0]?.statusCode).toBe(429);
    expect(limited[0]?.code).toBe('rate_limit');
    await env.emulator.close();
  });

  it('injects seeded 500 api_errors deterministically and the SDK retries through them', async () => {
    const outcomes = async () => {
      const env = await startTestEnv({ failRate: 0.3, seed: 42 });
      const out: string[] = [];
      for (let i = 0; i < 20; i++) {
        try {
          await env.stripe.customers.list();
          out.push('ok');
        } catch (err) {
          out.push(String((err as Stripe.errors.StripeError).statusCode));
        }
      }
      await env.emulator.close();
      return out;
    };
    const a = await outcomes();
    const b = await outcomes();
    expect(a).toEqual(b);
    expect(a.filter((x) => x === '500').length).toBeGreaterThan(0);
    expect(a.filter((x) => x === 'ok').length).toBeGreaterThan(0);
    const env = await startTestEnv({ failRate: 0.3, seed: 7 });
    const retrying = clientFor(env.emulator, 'sk_test_retry', 8);
    const customer = await retrying.customers.create({ email: 'retry@example.com' });
    expect(customer.id).toMatch(/^cus_/);
    const err = await expectStripeError(
      (async () => {
        for (let i = 0; i < 50; i++) await env.stripe.customers.list();
      })(),
    );
    expect(err.statusCode).toBe(500);
    expect(err.type).toBe('StripeAPIError');
    await env.emulator.close();
  });

  it('persists state to a file and loads it after a restart', async () => {
    const stateFile = join(dir, 'state.json');
    const first = await startTestEnv({ stateFile, stateSaveDebounceMs: 10 });
    const customer = await first.stripe.customers.create({
      email: 'persist@example.com',
      metadata: { k: 'v' },
    });
    const endpoint = await first.stripe.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/h',
      enabled_events: ['*'],
    });
    await first.emulator.close();
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toHaveProperty('state.customers');
    const second = await startTestEnv({ stateFile });
    const loaded = (await second.stripe.customers.retrieve(customer.id)) as Stripe.Customer;
    expect(loaded).toMatchObject({ email: 'persist@example.com', metadata: { k: 'v' } });
    expect((await second.stripe.webhookEndpoints.retrieve(endpoint.id)).url).toBe('http://127.0.0.1:9/h');
    const events = await second.stripe.events.list({ type: 'customer.created' });
    expect(events.data[0]?.data.object).toMatchObject({ id: customer.id });
    await second.emulator.close();
  });

  it('keeps the account id across restarts even when nothing changed', async () => {
    const stateFile = join(dir, 'untouched.json');
    const first = await startTestEnv({ stateFile, stateSaveDebounceMs: 10 });
    const account = await first.stripe.accounts.retrieveCurrent();
    await first.emulator.close();
    const second = await startTestEnv({ stateFile });
    expect((await second.stripe.accounts.retrieveCurrent()).id).toBe(account.id);
    await second.emulator.close();
  });

  it('uses the configured default currency and supports reset', async () => {
    const env = await startTestEnv({ defaultCurrency: 'EUR' });
    expect((await env.stripe.accounts.retrieveCurrent()).default_currency).toBe('eur');
    await env.stripe.customers.create({ email: 'r@example.com' });
    env.emulator.reset();
    expect((await env.stripe.customers.list()).data).toHaveLength(0);
    await env.emulator.close();
  });
});
