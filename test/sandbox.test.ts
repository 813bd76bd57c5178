import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyTemplateDataDir, createTestDatabase, type TestDatabase } from './helpers/test-database.js';
import { onPostgres } from './helpers/test-target.js';
import { runVouch, sandboxSdk, sandboxUrl, spawnVouch, vouchEnv } from './helpers/vouch-process.js';

let t: TestDatabase;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  t = await createTestDatabase();
  const base = { VOUCH_SANDBOX: 'on', VOUCH_SANDBOX_PORT: '0' };
  env = onPostgres()
    ? vouchEnv({
        ...base,
        DATABASE_URL: t.url,
        VOUCH_SECRET: 'x'.repeat(40),
        VOUCH_DATA_DIR: mkdtempSync(join(tmpdir(), 'vouch-sbx-')),
      })
    : vouchEnv({ ...base, VOUCH_DATA_DIR: copyTemplateDataDir() });
});
afterAll(async () => t.close());

/** Two starts of the CLI from its sources, one after the other, each with its own first-run work. */
const START_TWICE_MS = 60_000;

describe('sandbox mode', () => {
  it(
    'runs the emulator in-process, says so, takes demo data, and keeps it across a restart',
    async () => {
      const first = spawnVouch(['start'], env);
      const url = await first.running();
      const apiBase = sandboxUrl(first.output());
      const ready = (await (await fetch(`${url}/readyz`)).json()) as { sandbox: boolean };
      expect(ready.sandbox).toBe(true);

      const demo = await runVouch(['demo', '--stripe-api-base', apiBase], env);
      expect(demo.code, demo.output).toBe(0);
      expect(demo.stdout).toContain('8 customers');

      const stripe = sandboxSdk(apiBase);
      const account = await stripe.accounts.retrieveCurrent();
      const seeded = await stripe.customers.search({ query: "metadata['vouch_demo']:'true'", limit: 100 });
      expect(seeded.data).toHaveLength(8);
      const charges = await stripe.charges.list({ limit: 100 });
      expect(charges.data.filter((c) => c.status === 'succeeded').length).toBeGreaterThanOrEqual(5);
      expect(charges.data.some((c) => c.amount_refunded === 3000)).toBe(true);

      const again = await runVouch(['demo', '--stripe-api-base', apiBase], env);
      expect(again.stdout).toContain('already in the sandbox');

      first.child.kill('SIGTERM');
      expect(await first.exited(), first.output()).toBe(0);

      const second = spawnVouch(['start'], env);
      await second.running();
      const stripe2 = sandboxSdk(sandboxUrl(second.output()));
      expect((await stripe2.accounts.retrieveCurrent()).id).toBe(account.id);
      expect(
        (await stripe2.customers.search({ query: "metadata['vouch_demo']:'true'", limit: 100 })).data,
      ).toHaveLength(8);
      second.child.kill('SIGTERM');
      expect(await second.exited(), second.output()).toBe(0);
    },
    START_TWICE_MS,
  );

  it('vouch demo refuses live keys and says what to do when no sandbox answers', async () => {
    const live = await runVouch(['demo', '--stripe-key', 'sk_live_nope'], env);
    expect(live.code).toBe(1);
    expect(live.output).toContain('only accepts test-mode keys');
    const none = await runVouch(['demo', '--stripe-api-base', 'http://127.0.0.1:9'], env);
    expect(none.code).toBe(1);
    expect(none.output).toContain('No Stripe sandbox answers at http://127.0.0.1:9');
    expect(none.output).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('vouch stripe-emulator', () => {
  it('serves the Stripe API to the official SDK until told to stop', async () => {
    const p = spawnVouch(['stripe-emulator', '--port', '0', '--currency', 'eur'], vouchEnv({}));
    const deadline = Date.now() + 20_000;
    let url: string | undefined;
    while (!url && Date.now() < deadline) {
      const line = p
        .output()
        .split('\n')
        .find((l) => l.includes('Stripe emulator listening'));
      if (line) url = (JSON.parse(line) as { url: string }).url;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(url).toBeDefined();
    const stripe = sandboxSdk(url!);
    expect((await stripe.accounts.retrieveCurrent()).default_currency).toBe('eur');
    const customer = await stripe.customers.create({ email: 'cli@example.com' });
    expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({
      email: 'cli@example.com',
    });
    const bad = new Stripe('sk_live_x', {
      host: '127.0.0.1',
      port: Number(new URL(url!).port),
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    await expect(bad.customers.list()).rejects.toMatchObject({ statusCode: 401 });
    p.child.kill('SIGTERM');
    expect(await p.exited(), p.output()).toBe(0);
  });

  it('refuses a bad option with a clear message', async () => {
    const { code, output } = await runVouch(['stripe-emulator', '--fail-rate', '2'], vouchEnv({}));
    expect(code).not.toBe(0);
    expect(output).toContain('--fail-rate must be between 0 and 1');
    const version = await runVouch(['stripe-emulator', '--api-version', '2023-01-01'], vouchEnv({}));
    expect(version.code).not.toBe(0);
    expect(version.output).toContain('2023-01-01 is not a Stripe API version');
    const latency = await runVouch(['stripe-emulator', '--latency-ms', '400-250'], vouchEnv({}));
    expect(latency.code).not.toBe(0);
    expect(latency.output).toContain('--latency-ms must be ms (300) or a range min-max (250-400)');
  });

  it('takes the account API version and private webhook URLs from its flags', async () => {
    const p = spawnVouch(
      ['stripe-emulator', '--port', '0', '--api-version', '2024-06-20', '--allow-private-webhook-urls'],
      vouchEnv({}),
    );
    try {
      let url: string | undefined;
      const deadline = Date.now() + 20_000;
      while (!url && Date.now() < deadline) {
        const line = p
          .output()
          .split('\n')
          .find((l) => l.includes('Stripe emulator listening'));
        if (line) url = (JSON.parse(line) as { url: string }).url;
        else await new Promise((r) => setTimeout(r, 100));
      }
      expect(url).toBeDefined();
      const endpoint = await sandboxSdk(url!).webhookEndpoints.create({
        url: 'http://127.0.0.1:9/hooks',
        enabled_events: ['*'],
      });
      expect(endpoint.url).toBe('http://127.0.0.1:9/hooks');
      const res = await fetch(`${url}/v1/customers`, { headers: { authorization: 'Bearer sk_test_cli' } });
      expect(res.headers.get('stripe-version')).toBe('2024-06-20');
    } finally {
      p.child.kill('SIGTERM');
      await p.exited();
    }
  });
});
