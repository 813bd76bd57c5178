/** Every Stripe route the emulator serves. */
import { paymentLinkCheckoutRoutes } from './billing/payment-link-checkout.js';
import type { RouteDef } from './context.js';
import { accountRoutes } from './resources/account.js';
import { balanceTransactionRoutes } from './resources/balance-transactions.js';
import { chargeRoutes } from './resources/charges.js';
import { checkoutSessionRoutes } from './resources/checkout-sessions.js';
import { couponRoutes } from './resources/coupons.js';
import { customerBalanceRoutes } from './resources/customer-balance.js';
import { customerRoutes } from './resources/customers.js';
import { disputeRoutes } from './resources/disputes.js';
import { eventRoutes } from './resources/events.js';
import { invoiceItemRoutes } from './resources/invoice-items.js';
import { invoiceRoutes } from './resources/invoices.js';
import { paymentIntentRoutes } from './resources/payment-intents.js';
import { paymentLinkRoutes } from './resources/payment-links.js';
import { productRoutes } from './resources/products.js';
import { promotionCodeRoutes } from './resources/promotion-codes.js';
import { refundRoutes } from './resources/refunds.js';
import { subscriptionRoutes } from './resources/subscriptions.js';
import { webhookEndpointRoutes } from './resources/webhook-endpoints.js';

export const allRoutes: RouteDef[] = [
  ...accountRoutes,
  ...customerRoutes,
  ...customerBalanceRoutes,
  ...productRoutes,
  ...couponRoutes,
  ...promotionCodeRoutes,
  ...paymentIntentRoutes,
  ...chargeRoutes,
  ...balanceTransactionRoutes,
  ...refundRoutes,
  ...disputeRoutes,
  ...invoiceItemRoutes,
  ...invoiceRoutes,
  ...subscriptionRoutes,
  ...checkoutSessionRoutes,
  ...paymentLinkRoutes,
  ...paymentLinkCheckoutRoutes,
  ...eventRoutes,
  ...webhookEndpointRoutes,
];
