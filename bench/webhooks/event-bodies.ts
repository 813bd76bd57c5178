/**
 * Realistic Stripe events for the burst: customer journeys (customer-journeys.ts) run through the SDK against
 * an emulator of their own, in the SDK's API version (the one Vouch pins its webhook endpoints to), and the
 * events of the types Vouch subscribes to taken in the order they were made, each with its own `evt_` id.
 * A charge and a PaymentIntent get what Stripe sends and the emulator leaves out (stripe-fields.ts). A body
 * is the event as Stripe posts it: JSON indented by two spaces. Every tenth customer signs up with the email
 * of a referred lead of Vouch's, so applying links it, counts its payments and may qualify the lead; the
 * other customers are unknown to Vouch, as most of a real account's are.
 */
import Stripe from 'stripe';
import { startEmulator } from '../../emulator/index.js';
import type { EventObj } from '../../emulator/shapes.js';
import { isSubscribed } from '../../src/stripe/webhook-events.js';
import { runConcurrent } from '../lib/measure.js';
import { seededRandom } from '../lib/seeded-random.js';
import { makeBuyer, makeCatalogue, runJourney } from './customer-journeys.js';
import { type Buyer, chargeFields, paymentIntentFields } from './stripe-fields.js';

/** Events per customer journey, about (for sizing the run). */
export const EVENTS_PER_CUSTOMER = 4.8;
/** One customer in this many is a referred friend. */
export const REFERRED_EVERY = 10;

export type EventBodies = {
  ids: string[];
  bodies: string[];
  /** Events per type, most first. */
  types: Record<string, number>;
  mean_bytes: number;
  customers: number;
  referred_customers: number;
  /** Events of referred customers. */
  referred_events: number;
  seconds: number;
};

/** The referred friend's email for journey `n`, or null for a customer Vouch does not know. */
const referredEmail = (n: number, emails: string[]) =>
  n % REFERRED_EVERY === 0 ? (emails[n / REFERRED_EVERY] ?? null) : null;

function customerOf(object: Record<string, unknown>): string | null {
  if (object.object === 'customer') return String(object.id);
  return typeof object.customer === 'string' ? object.customer : null;
}

function body(event: EventObj, buyers: Map<string, Buyer>): string {
  const object = event.data.object;
  const buyer = buyers.get(customerOf(object) ?? '');
  const full =
    object.object === 'charge' && buyer
      ? { ...object, ...chargeFields(object as { id: string; amount: number }, buyer) }
      : object.object === 'payment_intent'
        ? { ...object, ...paymentIntentFields() }
        : object;
  // Delivered to one endpoint: Vouch's.
  return JSON.stringify({ ...event, pending_webhooks: 1, data: { ...event.data, object: full } }, null, 2);
}

/** `count` events, in the order they were made; `referredEmails` are the emails of the referred leads. */
export async function makeEventBodies(count: number, referredEmails: string[]): Promise<EventBodies> {
  const started = performance.now();
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  const stripe = new Stripe('sk_test_bench_event_bodies', {
    host: '127.0.0.1',
    port: emulator.port,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
  });
  const buyers = new Map<string, Buyer>();
  const referred = new Set<string>();
  let journeys = 0;
  try {
    const catalogue = await makeCatalogue(stripe);
    // Journeys run 16 at a time; each draws its buyer and steps from a source seeded with its number.
    const more = async (n: number) => {
      const first = journeys;
      journeys += n;
      await runConcurrent(n, 16, async (i) => {
        const k = first + i;
        const own = seededRandom(k + 1);
        const buyer = makeBuyer(own, k, referredEmail(k, referredEmails));
        const id = await runJourney(stripe, own, buyer, catalogue);
        buyers.set(id, buyer);
        if (referredEmail(k, referredEmails)) referred.add(id);
      });
    };
    await more(Math.ceil((count / EVENTS_PER_CUSTOMER) * 1.05));
    let events = emulator.events().filter((e) => isSubscribed(e.type));
    while (events.length < count) {
      await more(Math.ceil((count - events.length) / 3));
      events = emulator.events().filter((e) => isSubscribed(e.type));
    }
    events = events.slice(0, count);
    const bodies = events.map((e) => body(e, buyers));
    const types: Record<string, number> = {};
    for (const e of events) types[e.type] = (types[e.type] ?? 0) + 1;
    const customers = new Set(events.map((e) => customerOf(e.data.object)).filter((c) => c !== null));
    return {
      ids: events.map((e) => e.id),
      bodies,
      types: Object.fromEntries(Object.entries(types).sort((a, b) => b[1] - a[1])),
      mean_bytes: Math.round(bodies.reduce((n, b) => n + Buffer.byteLength(b), 0) / bodies.length),
      customers: customers.size,
      referred_customers: [...customers].filter((c) => referred.has(c)).length,
      referred_events: events.filter((e) => referred.has(customerOf(e.data.object) ?? '')).length,
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    };
  } finally {
    await emulator.close();
  }
}
