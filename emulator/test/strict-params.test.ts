import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStripeError, startTestEnv, type TestEnv } from './helpers.js';

/** Sends params the SDK's types would not let through, as a caller with a cast or an old SDK would. */
const loose = <T>(params: Record<string, unknown>) => params as T;

describe('unknown parameters', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestEnv();
  });
  afterAll(async () => env.emulator.close());

  it('refuses an unknown top-level parameter with Stripe’s parameter_unknown error, and changes nothing', async () => {
    const before = env.emulator.events().length;
    const err = await expectStripeError(
      env.stripe.customers.create(loose<Stripe.CustomerCreateParams>({ email: 'a@example.com', emial: 'x' })),
    );
    expect(err.statusCode).toBe(400);
    expect(err.type).toBe('StripeInvalidRequestError');
    expect(err.code).toBe('parameter_unknown');
    expect(err.param).toBe('emial');
    expect(err.message).toBe('Received unknown parameter: emial');
    expect(err.doc_url).toBe('https://stripe.com/docs/error-codes/parameter_unknown');
    expect(env.emulator.events().length).toBe(before);
    expect((await env.stripe.customers.list({ email: 'a@example.com' })).data).toHaveLength(0);
  });

  it('names a nested unknown parameter the way Stripe writes it', async () => {
    const nested = await expectStripeError(
      env.stripe.customers.create(
        loose<Stripe.CustomerCreateParams>({
          invoice_settings: { default_payment_method: 'pm_card_visa', x: '1' },
        }),
      ),
    );
    expect(nested).toMatchObject({ code: 'parameter_unknown', param: 'invoice_settings[x]' });
    const product = await env.stripe.products.create({ name: 'Plan' });
    const price = await env.stripe.prices.create({ product: product.id, unit_amount: 500, currency: 'usd' });
    const inList = await expectStripeError(
      env.stripe.checkout.sessions.create(
        loose<Stripe.Checkout.SessionCreateParams>({
          mode: 'payment',
          line_items: [
            { price: price.id, quantity: 1 },
            { price: price.id, quantity: 1, colour: 'red' },
          ],
        }),
      ),
    );
    expect(inList).toMatchObject({
      param: 'line_items[1][colour]',
      message: 'Received unknown parameter: line_items[1][colour]',
    });
  });

  it('accepts every parameter Stripe documents, and any metadata key', async () => {
    const customer = await env.stripe.customers.create({
      email: 'b@example.com',
      preferred_locales: ['en'],
      tax_exempt: 'none',
      metadata: { anything: 'goes', 'with spaces': 'too' },
      expand: ['invoice_settings.default_payment_method'],
    });
    expect(customer.metadata).toEqual({ anything: 'goes', 'with spaces': 'too' });
  });

  it('checks the query of a list or retrieve call too', async () => {
    const unknown = await expectStripeError(
      env.stripe.customers.list(loose<Stripe.CustomerListParams>({ limit: 3, sort: 'email' })),
    );
    expect(unknown).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'sort' });
    const range = await expectStripeError(
      env.stripe.events.list(loose<Stripe.EventListParams>({ created: { since: 1 } })),
    );
    expect(range).toMatchObject({ param: 'created[since]' });
    const retrieve = await expectStripeError(
      env.stripe.customers.retrieve('cus_missing', loose<Stripe.CustomerRetrieveParams>({ verbose: 'true' })),
    );
    expect(retrieve).toMatchObject({ statusCode: 400, param: 'verbose' });
    const page = await env.stripe.events.list({
      created: { gte: 0, lt: 2 ** 31 },
      types: ['customer.created'],
      limit: 2,
    });
    expect(page.object).toBe('list');
  });

  it('takes the parameters of the request’s API version', async () => {
    const coupon = await env.stripe.coupons.create({ percent_off: 5, duration: 'once' });
    // Promotion codes took `coupon` until 2025-09-30.clover moved it under `promotion`.
    const current = await expectStripeError(
      env.stripe.promotionCodes.create(loose<Stripe.PromotionCodeCreateParams>({ coupon: coupon.id })),
    );
    expect(current).toMatchObject({ code: 'parameter_unknown', param: 'coupon' });
    const old = await env.stripe.promotionCodes.create(
      loose<Stripe.PromotionCodeCreateParams>({ coupon: coupon.id, code: 'OLDSTYLE' }),
      { apiVersion: '2025-03-31.basil' },
    );
    expect(old.code).toBe('OLDSTYLE');
    const newInOld = await expectStripeError(
      env.stripe.promotionCodes.create(
        { promotion: { type: 'coupon', coupon: coupon.id } },
        { apiVersion: '2025-03-31.basil' },
      ),
    );
    expect(newInOld).toMatchObject({ param: 'promotion' });
  });

  it('refuses unknown parameters of the test helpers', async () => {
    const err = await expectStripeError(
      env.stripe.rawRequest('POST', '/v1/test_helpers/subscriptions/sub_missing/advance', { days: '30' }),
    );
    expect(err).toMatchObject({ statusCode: 400, code: 'parameter_unknown', param: 'days' });
  });
});
