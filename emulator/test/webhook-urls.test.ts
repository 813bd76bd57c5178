import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicHost, NOT_PUBLIC_MESSAGE } from '../webhook-urls.js';
import { expectStripeError, startTestEnv, type TestEnv } from './helpers.js';

const PRIVATE = [
  'http://localhost:3000/hooks',
  'http://api.localhost/hooks',
  'http://127.0.0.1:9/h',
  'https://127.8.9.10/h',
  'http://10.1.2.3/h',
  'http://172.20.0.5/h',
  'http://192.168.1.10:8080/h',
  'http://169.254.169.254/latest',
  'http://0.0.0.0/h',
  'http://[::1]:4000/h',
  'http://[fe80::1]/h',
  'http://[fd12:3456::1]/h',
  'http://[::ffff:127.0.0.1]/h',
  'http://printer.local/h',
];

describe('webhook endpoint URLs', () => {
  let strict: TestEnv;
  let allowing: TestEnv;
  beforeAll(async () => {
    strict = await startTestEnv({ allowPrivateWebhookUrls: false });
    allowing = await startTestEnv({ allowPrivateWebhookUrls: true });
  });
  afterAll(async () => {
    await strict.emulator.close();
    await allowing.emulator.close();
  });

  it('tells public hosts from those Stripe cannot reach', () => {
    for (const url of PRIVATE) expect(isPublicHost(new URL(url).hostname), url).toBe(false);
    for (const host of ['hooks.example.com', '8.8.8.8', '172.32.0.1', '100.128.0.1', '[2606:4700::1111]'])
      expect(isPublicHost(host), host).toBe(true);
  });

  it('refuses to create an endpoint Stripe could not reach, like Stripe', async () => {
    for (const url of PRIVATE) {
      const err = await expectStripeError(
        strict.stripe.webhookEndpoints.create({ url, enabled_events: ['*'] }),
      );
      expect(err, url).toMatchObject({
        statusCode: 400,
        type: 'StripeInvalidRequestError',
        param: 'url',
        message: NOT_PUBLIC_MESSAGE,
      });
    }
    expect((await strict.stripe.webhookEndpoints.list()).data).toHaveLength(0);
  });

  it('accepts a public URL, and refuses to move it somewhere private', async () => {
    const endpoint = await strict.stripe.webhookEndpoints.create({
      url: 'https://hooks.example.com/stripe',
      enabled_events: ['customer.created'],
    });
    const err = await expectStripeError(
      strict.stripe.webhookEndpoints.update(endpoint.id, { url: 'http://127.0.0.1:9/h' }),
    );
    expect(err).toMatchObject({ statusCode: 400, param: 'url', message: NOT_PUBLIC_MESSAGE });
    expect((await strict.stripe.webhookEndpoints.retrieve(endpoint.id)).url).toBe(
      'https://hooks.example.com/stripe',
    );
    const moved = await strict.stripe.webhookEndpoints.update(endpoint.id, {
      url: 'https://other.example.com/h',
    });
    expect(moved.url).toBe('https://other.example.com/h');
    await strict.stripe.webhookEndpoints.del(endpoint.id);
  });

  it('accepts private URLs when told to (allowPrivateWebhookUrls)', async () => {
    for (const url of PRIVATE) {
      const endpoint = await allowing.stripe.webhookEndpoints.create({ url, enabled_events: ['*'] });
      expect(endpoint.url).toBe(url);
      await allowing.stripe.webhookEndpoints.del(endpoint.id);
    }
  });

  it('still refuses what is not an http(s) URL', async () => {
    const err = await expectStripeError(
      allowing.stripe.webhookEndpoints.create({ url: 'ftp://example.com/h', enabled_events: ['*'] }),
    );
    expect(err).toMatchObject({ statusCode: 400, param: 'url', code: 'url_invalid' });
  });
});
