/**
 * Object shapes the emulator stores and returns. Each is the SDK's own type or a `Pick` of it,
 * so a field with the wrong name or type fails to compile.
 */
import type Stripe from 'stripe';

export type Metadata = Record<string, string>;
export type ListOf<T> = { object: 'list'; data: T[]; has_more: boolean; url: string };

export type CustomerObj = Stripe.Customer;
export type CustomerBalanceTxnObj = Stripe.CustomerBalanceTransaction;
export type ProductObj = Stripe.Product;
export type PriceObj = Stripe.Price;
export type CouponObj = Stripe.Coupon;
export type PromotionCodeObj = Stripe.PromotionCode;
export type RefundObj = Stripe.Refund;
export type DiscountObj = Stripe.Discount;
export type WebhookEndpointObj = Stripe.WebhookEndpoint;

export type PaymentIntentObj = Pick<
  Stripe.PaymentIntent,
  | 'id'
  | 'object'
  | 'amount'
  | 'amount_capturable'
  | 'amount_received'
  | 'canceled_at'
  | 'cancellation_reason'
  | 'capture_method'
  | 'client_secret'
  | 'confirmation_method'
  | 'created'
  | 'currency'
  | 'customer'
  | 'description'
  | 'last_payment_error'
  | 'latest_charge'
  | 'livemode'
  | 'metadata'
  | 'next_action'
  | 'payment_method'
  | 'payment_method_types'
  | 'receipt_email'
  | 'status'
>;

export type ChargeObj = Pick<
  Stripe.Charge,
  | 'id'
  | 'object'
  | 'amount'
  | 'amount_captured'
  | 'amount_refunded'
  | 'balance_transaction'
  | 'captured'
  | 'created'
  | 'currency'
  | 'customer'
  | 'description'
  | 'disputed'
  | 'failure_code'
  | 'failure_message'
  | 'livemode'
  | 'metadata'
  | 'paid'
  | 'payment_intent'
  | 'payment_method'
  | 'receipt_email'
  | 'refunded'
  | 'status'
>;

export type BalanceTransactionObj = Pick<
  Stripe.BalanceTransaction,
  | 'id'
  | 'object'
  | 'amount'
  | 'available_on'
  | 'created'
  | 'currency'
  | 'description'
  | 'exchange_rate'
  | 'fee'
  | 'fee_details'
  | 'net'
  | 'reporting_category'
  | 'source'
  | 'status'
  | 'type'
>;

export type DisputeObj = Pick<
  Stripe.Dispute,
  | 'id'
  | 'object'
  | 'amount'
  | 'charge'
  | 'created'
  | 'currency'
  | 'is_charge_refundable'
  | 'livemode'
  | 'metadata'
  | 'payment_intent'
  | 'reason'
  | 'status'
> & { balance_transactions: BalanceTransactionObj[] };

export type InvoiceItemObj = Pick<
  Stripe.InvoiceItem,
  | 'id'
  | 'object'
  | 'amount'
  | 'currency'
  | 'customer'
  | 'date'
  | 'description'
  | 'discountable'
  | 'invoice'
  | 'livemode'
  | 'metadata'
  | 'period'
  | 'pricing'
  | 'proration'
  | 'quantity'
>;

export type InvoiceLineObj = Pick<
  Stripe.InvoiceLineItem,
  | 'id'
  | 'object'
  | 'amount'
  | 'currency'
  | 'description'
  | 'discount_amounts'
  | 'discountable'
  | 'discounts'
  | 'invoice'
  | 'livemode'
  | 'metadata'
  | 'parent'
  | 'period'
  | 'pricing'
  | 'quantity'
  | 'subscription'
  | 'subtotal'
>;

export type InvoicePaymentObj = Pick<
  Stripe.InvoicePayment,
  'id' | 'object' | 'amount_paid' | 'amount_requested' | 'created' | 'currency' | 'invoice' | 'is_default'
> & { livemode: false; payment: Stripe.InvoicePayment.Payment; status: string };

export type InvoiceObj = Pick<
  Stripe.Invoice,
  | 'id'
  | 'object'
  | 'amount_due'
  | 'amount_paid'
  | 'amount_remaining'
  | 'attempt_count'
  | 'attempted'
  | 'auto_advance'
  | 'billing_reason'
  | 'collection_method'
  | 'created'
  | 'currency'
  | 'customer'
  | 'customer_email'
  | 'customer_name'
  | 'default_payment_method'
  | 'description'
  | 'discounts'
  | 'ending_balance'
  | 'livemode'
  | 'metadata'
  | 'number'
  | 'parent'
  | 'period_end'
  | 'period_start'
  | 'starting_balance'
  | 'status'
  | 'status_transitions'
  | 'subtotal'
  | 'total'
  | 'total_discount_amounts'
> & { lines: ListOf<InvoiceLineObj>; payments: ListOf<InvoicePaymentObj> };

export type SubscriptionItemObj = Pick<
  Stripe.SubscriptionItem,
  | 'id'
  | 'object'
  | 'created'
  | 'current_period_end'
  | 'current_period_start'
  | 'discounts'
  | 'metadata'
  | 'price'
  | 'quantity'
  | 'subscription'
>;

export type SubscriptionObj = Pick<
  Stripe.Subscription,
  | 'id'
  | 'object'
  | 'billing_cycle_anchor'
  | 'cancel_at'
  | 'cancel_at_period_end'
  | 'canceled_at'
  | 'collection_method'
  | 'created'
  | 'currency'
  | 'customer'
  | 'default_payment_method'
  | 'description'
  | 'discounts'
  | 'ended_at'
  | 'latest_invoice'
  | 'livemode'
  | 'metadata'
  | 'start_date'
  | 'status'
  | 'trial_end'
  | 'trial_start'
> & { items: ListOf<SubscriptionItemObj> };

export type CheckoutSessionObj = Pick<
  Stripe.Checkout.Session,
  | 'id'
  | 'object'
  | 'allow_promotion_codes'
  | 'amount_subtotal'
  | 'amount_total'
  | 'cancel_url'
  | 'client_reference_id'
  | 'created'
  | 'currency'
  | 'customer'
  | 'customer_creation'
  | 'customer_details'
  | 'customer_email'
  | 'discounts'
  | 'expires_at'
  | 'invoice'
  | 'livemode'
  | 'metadata'
  | 'mode'
  | 'payment_intent'
  | 'payment_link'
  | 'payment_method_types'
  | 'payment_status'
  | 'status'
  | 'subscription'
  | 'success_url'
  | 'total_details'
  | 'url'
>;

export type PaymentLinkObj = Pick<
  Stripe.PaymentLink,
  | 'id'
  | 'object'
  | 'active'
  | 'after_completion'
  | 'allow_promotion_codes'
  | 'application'
  | 'application_fee_amount'
  | 'application_fee_percent'
  | 'automatic_tax'
  | 'billing_address_collection'
  | 'consent_collection'
  | 'currency'
  | 'custom_fields'
  | 'custom_text'
  | 'customer_creation'
  | 'inactive_message'
  | 'invoice_creation'
  | 'livemode'
  | 'metadata'
  | 'on_behalf_of'
  | 'payment_intent_data'
  | 'payment_method_collection'
  | 'payment_method_types'
  | 'phone_number_collection'
  | 'restrictions'
  | 'shipping_address_collection'
  | 'shipping_options'
  | 'submit_type'
  | 'subscription_data'
  | 'tax_id_collection'
  | 'transfer_data'
  | 'url'
>;

export type CheckoutLineItemObj = Pick<
  Stripe.LineItem,
  | 'id'
  | 'object'
  | 'amount_discount'
  | 'amount_subtotal'
  | 'amount_tax'
  | 'amount_total'
  | 'currency'
  | 'description'
  | 'price'
  | 'quantity'
>;

export type EventObj = Pick<
  Stripe.Event,
  'id' | 'object' | 'api_version' | 'created' | 'livemode' | 'pending_webhooks' | 'request'
> & {
  type: string;
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
};

/** Decimals travel as strings on the wire (the SDK turns them into its branded `Decimal` type). */
export function wireDecimal(value: number): Stripe.Decimal {
  return String(value) as unknown as Stripe.Decimal;
}
