/**
 * What the customers of a small online business do, through the official SDK against an emulator: sign up,
 * sometimes change their details, pay one-off orders, subscribe, buy through Checkout, ask for refunds.
 * Each journey is drawn from a seeded random source, so every run makes the same mix.
 */
import type Stripe from 'stripe';
import type { Random } from '../lib/seeded-random.js';
import type { Buyer } from './stripe-fields.js';

const FIRST = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Amelia',
  'Lucas',
  'Sofia',
  'Mateo',
  'Chloé',
  'Jonas',
  'Priya',
];
const LAST = [
  'Martin',
  'Smith',
  'Garcia',
  'Müller',
  'Dubois',
  'Rossi',
  'Nguyen',
  'Kowalski',
  'Silva',
  'Tanaka',
];
const ADDRESSES: Stripe.Address[] = [
  {
    line1: '510 Townsend St',
    line2: 'Suite 300',
    city: 'San Francisco',
    state: 'CA',
    postal_code: '94103',
    country: 'US',
  },
  {
    line1: '1100 Congress Ave',
    line2: null,
    city: 'Austin',
    state: 'TX',
    postal_code: '78701',
    country: 'US',
  },
  {
    line1: '12 Rue de Rivoli',
    line2: 'Bâtiment B',
    city: 'Paris',
    state: null,
    postal_code: '75004',
    country: 'FR',
  },
  {
    line1: '221B Baker Street',
    line2: null,
    city: 'London',
    state: null,
    postal_code: 'NW1 6XE',
    country: 'GB',
  },
  { line1: 'Torstraße 109', line2: null, city: 'Berlin', state: null, postal_code: '10119', country: 'DE' },
  {
    line1: '88 Queen St W',
    line2: 'Unit 4',
    city: 'Toronto',
    state: 'ON',
    postal_code: 'M5H 2N2',
    country: 'CA',
  },
];
const SOURCES = ['organic', 'google_ads', 'newsletter', 'partner_site', 'podcast', 'referral_page'];
const PLANS = ['starter', 'pro', 'team'];
const AMOUNTS = [990, 1900, 2450, 2900, 3450, 4900, 7900, 12_900];

/** What journeys share: the business's products, made once. */
export type Catalogue = { monthly: string[]; oneOff: string[] };

export async function makeCatalogue(stripe: Stripe): Promise<Catalogue> {
  const product = await stripe.products.create({
    name: 'Vouchshop subscription',
    description: 'Monthly plan',
  });
  const kit = await stripe.products.create({ name: 'Starter kit', description: 'Hardware bundle, shipped' });
  const monthly = await Promise.all(
    [2900, 9900].map((unit_amount) =>
      stripe.prices.create({
        product: product.id,
        unit_amount,
        currency: 'usd',
        recurring: { interval: 'month' },
      }),
    ),
  );
  const oneOff = await Promise.all(
    [4900, 14_900].map((unit_amount) =>
      stripe.prices.create({ product: kit.id, unit_amount, currency: 'usd' }),
    ),
  );
  return { monthly: monthly.map((p) => p.id), oneOff: oneOff.map((p) => p.id) };
}

export function makeBuyer(random: Random, n: number, email: string | null): Buyer {
  const first = random.pick(FIRST);
  const last = random.pick(LAST);
  return {
    name: `${first} ${last}`,
    email:
      email ??
      `${first.toLowerCase().normalize('NFD').replace(/\W/g, '')}.${n}@${random.pick(['example.com', 'example.org', 'example.net'])}`,
    phone: `+1415555${String(random.int(0, 9999)).padStart(4, '0')}`,
    address: random.pick(ADDRESSES),
    cardKey: random.token(16),
  };
}

/** One customer's life in Stripe; returns its customer id. */
export async function runJourney(stripe: Stripe, random: Random, buyer: Buyer, catalogue: Catalogue) {
  const customer = await stripe.customers.create({
    email: buyer.email,
    name: buyer.name,
    phone: buyer.phone,
    description: `Signed up via ${random.pick(SOURCES)}`,
    metadata: {
      user_id: `usr_${random.token(12)}`,
      signup_source: random.pick(SOURCES),
      plan: random.pick(PLANS),
      locale: random.pick(['en-US', 'en-GB', 'fr-FR', 'de-DE']),
      utm_campaign: random.pick(['spring_sale', 'brand', 'retargeting_q3', 'none']),
    },
  });
  if (random.chance(0.3)) {
    await stripe.customers.update(customer.id, {
      metadata: { plan: random.pick(PLANS), last_login_at: String(Math.floor(Date.now() / 1000)) },
    });
  }
  const orders = random.pick([0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3]);
  for (let i = 0; i < orders; i++) {
    const pi = await stripe.paymentIntents.create({
      amount: random.pick(AMOUNTS),
      currency: 'usd',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
      description: `Order #${random.int(10_000, 99_999)}`,
      receipt_email: buyer.email,
      metadata: {
        order_id: `ord_${random.token(14)}`,
        cart_id: `cart_${random.token(12)}`,
        channel: random.pick(['web', 'ios', 'android']),
        items: String(random.int(1, 4)),
        shipping_method: random.pick(['standard', 'express', 'pickup']),
      },
    });
    if (random.chance(0.06))
      await stripe.refunds.create({ payment_intent: pi.id, reason: 'requested_by_customer' });
  }
  if (random.chance(0.2)) {
    await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: random.pick(catalogue.monthly) }],
      default_payment_method: 'pm_card_visa',
      metadata: { seats: String(random.int(1, 12)), billing_contact: buyer.email },
    });
  }
  if (random.chance(0.12)) {
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      customer: customer.id,
      line_items: [{ price: random.pick(catalogue.oneOff), quantity: random.int(1, 2) }],
      success_url: 'https://shop.example.com/thanks?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://shop.example.com/cart',
      metadata: { cart_id: `cart_${random.token(12)}`, landing_page: '/kits/starter' },
    });
    await stripe.rawRequest('POST', `/v1/test_helpers/checkout/sessions/${session.id}/complete`, {});
  }
  return customer.id;
}
