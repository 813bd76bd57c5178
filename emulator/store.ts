/**
 * In-memory state of the emulator: one map per resource, insertion-ordered (oldest first). Customers and
 * events, the lists that grow large, are `IndexedMap`s so a page after a cursor costs O(page size).
 */

import { randomToken } from './ids.js';
import type {
  BalanceTransactionObj,
  ChargeObj,
  CheckoutLineItemObj,
  CheckoutSessionObj,
  CouponObj,
  CustomerBalanceTxnObj,
  CustomerObj,
  DiscountObj,
  DisputeObj,
  EventObj,
  InvoiceItemObj,
  InvoiceObj,
  PaymentIntentObj,
  PaymentLinkObj,
  PriceObj,
  ProductObj,
  PromotionCodeObj,
  RefundObj,
  SubscriptionObj,
  WebhookEndpointObj,
} from './shapes.js';
import { type ChangeSink, TrackedMap, TrackedSet } from './tracked.js';

/** An authorization code from `GET /oauth/authorize`, exchanged once at `POST /oauth/token`. */
export interface OAuthCode {
  code: string;
  client_id: string;
  scope: string;
  created: number;
  used: boolean;
}

/** An access token issued by `POST /oauth/token`; it works as an API key until deauthorized. */
export interface OAuthToken {
  access_token: string;
  refresh_token: string;
  client_id: string;
  scope: string;
  stripe_publishable_key: string;
  stripe_user_id: string;
  created: number;
  revoked: boolean;
}

const HOLE: unique symbol = Symbol('deleted');

/**
 * A Map that also keeps its keys in an array in insertion order, plus each key's position, so a list can
 * start at a cursor in O(1) and walk a page from there instead of copying and scanning the whole map.
 * A deleted key leaves a hole; when more than half the slots are holes the array is rebuilt (O(1) amortised).
 * Positions are only stable between two deletions: look the cursor up again for each request.
 */
export class IndexedMap<K, V> extends TrackedMap<K, V> {
  private slots: (K | typeof HOLE)[] = [];
  private positions = new Map<K, number>();
  private holes = 0;

  constructor(entries?: Iterable<readonly [K, V]> | null) {
    // Not super(entries): the base constructor would call set() before the fields above exist.
    super();
    for (const [key, value] of entries ?? []) this.set(key, value);
  }

  override set(key: K, value: V): this {
    if (!this.positions.has(key)) {
      this.positions.set(key, this.slots.length);
      this.slots.push(key);
    }
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    const at = this.positions.get(key);
    if (at === undefined) return false;
    this.positions.delete(key);
    this.slots[at] = HOLE;
    this.holes++;
    super.delete(key);
    if (this.holes >= 64 && this.holes * 2 > this.slots.length) this.compact();
    return true;
  }

  override clear(): void {
    this.slots = [];
    this.positions.clear();
    this.holes = 0;
    super.clear();
  }

  /** The key's slot (oldest is 0), or undefined when the key is absent. */
  positionOf(key: K): number | undefined {
    return this.positions.get(key);
  }

  /** One past the newest slot. */
  get slotCount(): number {
    return this.slots.length;
  }

  /** The value in a slot, or undefined for a deleted key's hole or a slot out of range. */
  atSlot(position: number): V | undefined {
    const key = this.slots[position];
    return key === HOLE || position >= this.slots.length ? undefined : this.get(key as K);
  }

  private compact(): void {
    this.slots = [];
    this.positions.clear();
    this.holes = 0;
    for (const key of super.keys()) {
      this.positions.set(key, this.slots.length);
      this.slots.push(key);
    }
  }
}

/** Every map and set is a TrackedMap or TrackedSet (typed as plain ones), so the journal sees changes. */
export class State {
  /** Kept with the state, so a persisted sandbox stays the same Stripe account across restarts. */
  accountId = `acct_${randomToken(16)}`;
  customers = new IndexedMap<string, CustomerObj>();
  deletedCustomers: Set<string> = new TrackedSet();
  customerBalanceTxns: Map<string, CustomerBalanceTxnObj> = new TrackedMap();
  products: Map<string, ProductObj> = new TrackedMap();
  prices: Map<string, PriceObj> = new TrackedMap();
  coupons: Map<string, CouponObj> = new TrackedMap();
  promotionCodes: Map<string, PromotionCodeObj> = new TrackedMap();
  discounts: Map<string, DiscountObj> = new TrackedMap();
  paymentIntents: Map<string, PaymentIntentObj> = new TrackedMap();
  /** PaymentIntent id -> the invoice it pays, which API versions before 2025-03-31.basil show on it. */
  paymentIntentInvoices: Map<string, string> = new TrackedMap();
  charges: Map<string, ChargeObj> = new TrackedMap();
  balanceTransactions: Map<string, BalanceTransactionObj> = new TrackedMap();
  refunds: Map<string, RefundObj> = new TrackedMap();
  disputes: Map<string, DisputeObj> = new TrackedMap();
  invoiceItems: Map<string, InvoiceItemObj> = new TrackedMap();
  invoices: Map<string, InvoiceObj> = new TrackedMap();
  subscriptions: Map<string, SubscriptionObj> = new TrackedMap();
  checkoutSessions: Map<string, CheckoutSessionObj> = new TrackedMap();
  checkoutLineItems: Map<string, CheckoutLineItemObj[]> = new TrackedMap();
  checkoutExtras: Map<
    string,
    { paymentIntentMetadata: Record<string, string>; subscriptionMetadata: Record<string, string> }
  > = new TrackedMap();
  paymentLinks: Map<string, PaymentLinkObj> = new TrackedMap();
  paymentLinkLineItems: Map<string, CheckoutLineItemObj[]> = new TrackedMap();
  webhookEndpoints: Map<string, WebhookEndpointObj> = new TrackedMap();
  webhookSecrets: Map<string, string> = new TrackedMap();
  events = new IndexedMap<string, EventObj>();
  oauthCodes: Map<string, OAuthCode> = new TrackedMap();
  /** Keyed by access token. */
  oauthTokens: Map<string, OAuthToken> = new TrackedMap();
  invoiceCounter = 0;

  /** Maps for id-prefix lookups used by `expand[]`. */
  private byPrefix(): [string, Map<string, object>][] {
    return [
      ['cus_', this.customers],
      ['cbtxn_', this.customerBalanceTxns],
      ['prod_', this.products],
      ['price_', this.prices],
      ['promo_', this.promotionCodes],
      ['di_', this.discounts],
      ['pi_', this.paymentIntents],
      ['ch_', this.charges],
      ['txn_', this.balanceTransactions],
      ['re_', this.refunds],
      ['dp_', this.disputes],
      ['ii_', this.invoiceItems],
      ['in_', this.invoices],
      ['sub_', this.subscriptions],
      ['cs_', this.checkoutSessions],
      ['plink_', this.paymentLinks],
      ['we_', this.webhookEndpoints],
      ['evt_', this.events],
    ];
  }

  lookup(id: string): object | undefined {
    for (const [prefix, map] of this.byPrefix()) {
      if (id.startsWith(prefix)) return map.get(id);
    }
    return this.coupons.get(id);
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(this)) {
      if (value instanceof Map) out[key] = [...value.entries()];
      else if (value instanceof Set) out[key] = [...value];
      else out[key] = value;
    }
    return out;
  }

  /** Binds every map and set to `sink` (null: stop reporting), named by its field. */
  track(sink: ChangeSink | null): void {
    for (const [field, value] of Object.entries(this)) {
      if (value instanceof TrackedMap || value instanceof TrackedSet) value.track(sink, field);
    }
  }

  static fromJSON(data: Record<string, unknown>): State {
    const state = new State();
    const target = state as unknown as Record<string, unknown>;
    for (const [key, current] of Object.entries(state)) {
      const saved = data[key];
      if (saved === undefined) continue;
      if (current instanceof Map && Array.isArray(saved)) {
        for (const [k, v] of saved as [string, unknown][]) current.set(k, v);
      } else if (current instanceof Set && Array.isArray(saved)) {
        for (const v of saved) current.add(v);
      } else if (typeof current === typeof saved) target[key] = saved;
    }
    return state;
  }
}

/** Newest first, like Stripe lists. */
export function newestFirst<T>(map: Map<string, T>): T[] {
  return [...map.values()].reverse();
}
