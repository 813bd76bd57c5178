import type { StripeClient } from './stripe-client.js';

export type DemoSummary = {
  alreadyPresent: boolean;
  customers: number;
  payments: number;
  declined: number;
  refunds: number;
  subscriptions: number;
  promotionCode: string | undefined;
};

const PEOPLE = [
  ['Ada', 'Lovelace'],
  ['Grace', 'Hopper'],
  ['Alan', 'Turing'],
  ['Katherine', 'Johnson'],
  ['Margaret', 'Hamilton'],
  ['Radia', 'Perlman'],
  ['Tim', 'Berners-Lee'],
  ['Barbara', 'Liskov'],
] as const;

const MARKER = 'vouch_demo';

/**
 * Seeds a Stripe test account (the sandbox) with a small, believable history: customers, one-off
 * payments, subscriptions, a declined card, a partial refund and a promotion code. Running it twice adds
 * nothing the second time. Refuses live keys at the call site (see the demo command).
 */
export async function seedDemoData(
  stripe: StripeClient,
  log: (line: string) => void = () => {},
): Promise<DemoSummary> {
  const existing = await stripe.customers.search({ query: `metadata['${MARKER}']:'true'`, limit: 1 });
  if (existing.data.length > 0) {
    return {
      alreadyPresent: true,
      customers: 0,
      payments: 0,
      declined: 0,
      refunds: 0,
      subscriptions: 0,
      promotionCode: undefined,
    };
  }
  const summary: DemoSummary = {
    alreadyPresent: false,
    customers: 0,
    payments: 0,
    declined: 0,
    refunds: 0,
    subscriptions: 0,
    promotionCode: undefined,
  };

  const pro = await stripe.products.create({ name: 'Pro plan', metadata: { [MARKER]: 'true' } });
  const monthly = await stripe.prices.create({
    product: pro.id,
    unit_amount: 2900,
    currency: 'usd',
    recurring: { interval: 'month' },
  });
  log(`product ${pro.id} (Pro plan, $29.00 a month)`);

  const customers = [];
  for (const [first, last] of PEOPLE) {
    const customer = await stripe.customers.create({
      name: `${first} ${last}`,
      email: `${`${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '')}@example.com`,
      metadata: { [MARKER]: 'true' },
    });
    customers.push(customer);
    summary.customers += 1;
  }
  log(`${customers.length} customers`);

  const amounts = [4900, 12_000, 2500, 8800, 4900];
  const charges: string[] = [];
  for (const [i, amount] of amounts.entries()) {
    const intent = await stripe.paymentIntents.create({
      amount,
      currency: 'usd',
      customer: customers[i]!.id,
      payment_method: 'pm_card_visa',
      confirm: true,
      description: 'Starter pack',
      metadata: { [MARKER]: 'true' },
    });
    if (typeof intent.latest_charge === 'string') charges.push(intent.latest_charge);
    summary.payments += 1;
  }
  log(`${summary.payments} payments`);

  try {
    await stripe.paymentIntents.create({
      amount: 4900,
      currency: 'usd',
      customer: customers[5]!.id,
      payment_method: 'pm_card_chargeDeclined',
      confirm: true,
      metadata: { [MARKER]: 'true' },
    });
  } catch {
    summary.declined += 1; // the card is meant to be declined
  }

  if (charges[1]) {
    await stripe.refunds.create({ charge: charges[1], amount: 3000, reason: 'requested_by_customer' });
    summary.refunds += 1;
    log('1 partial refund ($30.00 of $120.00)');
  }

  for (const customer of customers.slice(6)) {
    await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: monthly.id }],
      default_payment_method: 'pm_card_visa',
      metadata: { [MARKER]: 'true' },
    });
    summary.subscriptions += 1;
  }
  log(`${summary.subscriptions} subscriptions`);

  const coupon = await stripe.coupons.create({
    percent_off: 10,
    duration: 'once',
    name: 'Friends get 10% off',
  });
  const code = await stripe.promotionCodes.create({
    promotion: { type: 'coupon', coupon: coupon.id },
    code: 'FRIEND10',
  });
  summary.promotionCode = code.code;
  log(`promotion code ${code.code} (10% off once)`);
  return summary;
}
