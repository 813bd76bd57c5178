/** In-memory state of the emulator: one map per resource, insertion-ordered (oldest first). */

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
  PriceObj,
  ProductObj,
  PromotionCodeObj,
  RefundObj,
  SubscriptionObj,
  WebhookEndpointObj,
} from './shapes.js';

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

export class State {
  /** Kept with the state, so a persisted sandbox stays the same Stripe account across restarts. */
  accountId = `acct_${randomToken(16)}`;
  customers = new Map<string, CustomerObj>();
  deletedCustomers = new Set<string>();
  customerBalanceTxns = new Map<string, CustomerBalanceTxnObj>();
  products = new Map<string, ProductObj>();
  prices = new Map<string, PriceObj>();
  coupons = new Map<string, CouponObj>();
  promotionCodes = new Map<string, PromotionCodeObj>();
  discounts = new Map<string, DiscountObj>();
  paymentIntents = new Map<string, PaymentIntentObj>();
  charges = new Map<string, ChargeObj>();
  balanceTransactions = new Map<string, BalanceTransactionObj>();
  refunds = new Map<string, RefundObj>();
  disputes = new Map<string, DisputeObj>();
  invoiceItems = new Map<string, InvoiceItemObj>();
  invoices = new Map<string, InvoiceObj>();
  subscriptions = new Map<string, SubscriptionObj>();
  checkoutSessions = new Map<string, CheckoutSessionObj>();
  checkoutLineItems = new Map<string, CheckoutLineItemObj[]>();
  checkoutExtras = new Map<
    string,
    { paymentIntentMetadata: Record<string, string>; subscriptionMetadata: Record<string, string> }
  >();
  webhookEndpoints = new Map<string, WebhookEndpointObj>();
  webhookSecrets = new Map<string, string>();
  events = new Map<string, EventObj>();
  oauthCodes = new Map<string, OAuthCode>();
  /** Keyed by access token. */
  oauthTokens = new Map<string, OAuthToken>();
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

  static fromJSON(data: Record<string, unknown>): State {
    const state = new State();
    const target = state as unknown as Record<string, unknown>;
    for (const [key, current] of Object.entries(state)) {
      const saved = data[key];
      if (saved === undefined) continue;
      if (current instanceof Map && Array.isArray(saved)) target[key] = new Map(saved as [string, unknown][]);
      else if (current instanceof Set && Array.isArray(saved)) target[key] = new Set(saved as string[]);
      else if (typeof current === typeof saved) target[key] = saved;
    }
    return state;
  }
}

/** Newest first, like Stripe lists. */
export function newestFirst<T>(map: Map<string, T>): T[] {
  return [...map.values()].reverse();
}
