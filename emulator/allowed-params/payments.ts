/** Parameters Stripe accepts, per operation: payment intents, charges, balance transactions, refunds and disputes. */
import type Stripe from 'stripe';
import { type ParamTable, params } from '../param-check.js';

export const paymentParams: Record<string, ParamTable> = {
  'POST /v1/payment_intents': params<Stripe.PaymentIntentCreateParams>()(`
    allowed_payment_method_types amount amount_details application_fee_amount automatic_payment_methods
    capture_method confirm confirmation_method confirmation_token currency customer customer_account
    description error_on_requires_action excluded_payment_method_types expand hooks mandate mandate_data
    metadata off_session on_behalf_of payment_details payment_method payment_method_configuration
    payment_method_data payment_method_options radar_options receipt_email return_url setup_future_usage
    shipping statement_descriptor statement_descriptor_suffix transfer_data transfer_group use_stripe_sdk
  `),
  'POST /v1/payment_intents/:id/confirm': params<Stripe.PaymentIntentConfirmParams>()(`
    allowed_payment_method_types amount_details amount_to_confirm capture_method confirmation_token
    error_on_requires_action excluded_payment_method_types expand hooks mandate mandate_data off_session
    payment_details payment_method payment_method_data payment_method_options radar_options receipt_email
    return_url setup_future_usage shipping use_stripe_sdk
  `),
  'POST /v1/payment_intents/:id/cancel': params<Stripe.PaymentIntentCancelParams>()(
    'cancellation_reason expand',
  ),
  'GET /v1/payment_intents/:id': params<Stripe.PaymentIntentRetrieveParams>()('client_secret expand'),
  'POST /v1/payment_intents/:id': params<Stripe.PaymentIntentUpdateParams>()(`
    allowed_payment_method_types amount amount_details application_fee_amount capture_method currency
    customer customer_account description excluded_payment_method_types expand hooks metadata
    payment_details payment_method payment_method_configuration payment_method_data payment_method_options
    receipt_email setup_future_usage shipping statement_descriptor statement_descriptor_suffix
    transfer_data transfer_group
  `),
  'GET /v1/payment_intents': params<Stripe.PaymentIntentListParams>()(
    'customer customer_account ending_before expand limit starting_after',
    {
      created: params<Stripe.RangeQueryParam>()('gt gte lt lte'),
    },
  ),
  'GET /v1/charges/:id': params<Stripe.ChargeRetrieveParams>()('expand'),
  'POST /v1/charges/:id': params<Stripe.ChargeUpdateParams>()(`
    customer description expand fraud_details metadata receipt_email shipping transfer_group
  `),
  'GET /v1/charges': params<Stripe.ChargeListParams>()(
    `
    customer ending_before expand limit payment_intent starting_after transfer_group
  `,
    {
      created: params<Stripe.RangeQueryParam>()('gt gte lt lte'),
    },
  ),
  'GET /v1/balance_transactions/:id': params<Stripe.BalanceTransactionRetrieveParams>()('expand'),
  'GET /v1/balance_transactions': params<Stripe.BalanceTransactionListParams>()(
    'currency ending_before expand limit payout source starting_after type',
    {
      created: params<Stripe.RangeQueryParam>()('gt gte lt lte'),
    },
  ),
  'POST /v1/refunds': params<Stripe.RefundCreateParams>()(`
    amount charge currency customer expand instructions_email metadata origin payment_intent reason
    refund_application_fee reverse_transfer
  `),
  'GET /v1/refunds/:id': params<Stripe.RefundRetrieveParams>()('expand'),
  'POST /v1/refunds/:id': params<Stripe.RefundUpdateParams>()('expand metadata'),
  'GET /v1/refunds': params<Stripe.RefundListParams>()(
    'charge ending_before expand limit payment_intent starting_after',
    {
      created: params<Stripe.RangeQueryParam>()('gt gte lt lte'),
    },
  ),
  'POST /v1/disputes/:id/close': params<Stripe.DisputeCloseParams>()('expand'),
  'GET /v1/disputes/:id': params<Stripe.DisputeRetrieveParams>()('expand'),
  'POST /v1/disputes/:id': params<Stripe.DisputeUpdateParams>()(
    'evidence expand intended_submission_method metadata submit',
  ),
  'GET /v1/disputes': params<Stripe.DisputeListParams>()(
    'charge ending_before expand limit payment_intent starting_after',
    {
      created: params<Stripe.RangeQueryParam>()('gt gte lt lte'),
    },
  ),
};
