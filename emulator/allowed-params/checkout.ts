/** Parameters Stripe accepts, per operation: checkout sessions, payment links, events and webhook endpoints. */
import type Stripe from 'stripe';
import { type ParamTable, params } from '../param-check.js';

export const checkoutParams: Record<string, ParamTable> = {
  'POST /v1/checkout/sessions': params<Stripe.Checkout.SessionCreateParams>()(
    `
    adaptive_pricing after_expiration allow_promotion_codes allowed_payment_method_types automatic_tax
    billing_address_collection branding_settings cancel_url client_reference_id consent_collection
    currency custom_fields custom_text customer customer_account customer_creation customer_email
    customer_update excluded_payment_method_types expand expires_at integration_identifier
    invoice_creation locale managed_payments metadata mode name_collection optional_items origin_context
    payment_method_collection payment_method_configuration payment_method_data payment_method_options
    permissions phone_number_collection redirect_on_completion return_url saved_payment_method_options
    setup_intent_data shipping_address_collection shipping_options submit_type success_url
    tax_id_collection ui_mode wallet_options
  `,
    {
      discounts: params<Stripe.Checkout.SessionCreateParams.Discount>()('coupon promotion_code'),
      line_items: params<Stripe.Checkout.SessionCreateParams.LineItem>()(
        'adjustable_quantity metadata price quantity tax_rates',
        {
          price_data: params<Stripe.Checkout.SessionCreateParams.LineItem.PriceData>()(
            'currency product tax_behavior unit_amount unit_amount_decimal',
            {
              product_data: params<Stripe.Checkout.SessionCreateParams.LineItem.PriceData.ProductData>()(
                'description images metadata name tax_code tax_details unit_label',
              ),
              recurring:
                params<Stripe.Checkout.SessionCreateParams.LineItem.PriceData.Recurring>()(
                  'interval interval_count',
                ),
            },
          ),
        },
      ),
      payment_intent_data: params<Stripe.Checkout.SessionCreateParams.PaymentIntentData>()(`
      application_fee_amount capture_method description metadata on_behalf_of receipt_email
      setup_future_usage shipping statement_descriptor statement_descriptor_suffix transfer_data
      transfer_group
    `),
      subscription_data: params<Stripe.Checkout.SessionCreateParams.SubscriptionData>()(`
      application_fee_percent billing_cycle_anchor billing_cycle_anchor_config billing_mode
      default_tax_rates description invoice_settings metadata on_behalf_of pending_invoice_item_interval
      proration_behavior transfer_data trial_end trial_period_days trial_settings
    `),
    },
  ),
  'GET /v1/checkout/sessions/:id': params<Stripe.Checkout.SessionRetrieveParams>()('expand'),
  'GET /v1/checkout/sessions/:id/line_items': params<Stripe.Checkout.SessionListLineItemsParams>()(
    'ending_before expand limit starting_after',
  ),
  'POST /v1/checkout/sessions/:id/expire': params<Stripe.Checkout.SessionExpireParams>()('expand'),
  'GET /v1/checkout/sessions': params<Stripe.Checkout.SessionListParams>()(
    `
    customer customer_account customer_details ending_before expand limit payment_intent payment_link
    starting_after status subscription
  `,
    {
      created: params<Stripe.RangeQueryParam>()('gt gte lt lte'),
    },
  ),
  'POST /v1/payment_links': params<Stripe.PaymentLinkCreateParams>()(
    `
    after_completion allow_promotion_codes application_fee_amount application_fee_percent automatic_tax
    billing_address_collection consent_collection currency custom_fields custom_text customer_creation
    expand inactive_message invoice_creation managed_payments metadata name_collection on_behalf_of
    optional_items payment_method_collection payment_method_options payment_method_types
    phone_number_collection restrictions shipping_address_collection shipping_options submit_type
    tax_id_collection transfer_data
  `,
    {
      line_items: params<Stripe.PaymentLinkCreateParams.LineItem>()(
        'adjustable_quantity price price_data quantity',
      ),
      payment_intent_data: params<Stripe.PaymentLinkCreateParams.PaymentIntentData>()(`
      capture_method description metadata setup_future_usage statement_descriptor
      statement_descriptor_suffix transfer_group
    `),
      subscription_data: params<Stripe.PaymentLinkCreateParams.SubscriptionData>()(
        'description invoice_settings metadata trial_period_days trial_settings',
      ),
    },
  ),
  'GET /v1/payment_links/:id': params<Stripe.PaymentLinkRetrieveParams>()('expand'),
  'POST /v1/payment_links/:id': params<Stripe.PaymentLinkUpdateParams>()(`
    active after_completion allow_promotion_codes application_fee_amount application_fee_percent
    automatic_tax billing_address_collection consent_collection custom_fields custom_text
    customer_creation expand inactive_message invoice_creation line_items metadata name_collection
    on_behalf_of optional_items payment_intent_data payment_method_collection payment_method_options
    payment_method_types phone_number_collection restrictions shipping_address_collection shipping_options
    submit_type subscription_data tax_id_collection transfer_data
  `),
  'GET /v1/payment_links': params<Stripe.PaymentLinkListParams>()(
    'active ending_before expand limit starting_after',
  ),
  'GET /v1/payment_links/:id/line_items': params<Stripe.PaymentLinkListLineItemsParams>()(
    'ending_before expand limit starting_after',
  ),
  'GET /v1/events': params<Stripe.EventListParams>()(
    'delivery_success ending_before expand limit starting_after type types',
    {
      created: params<Stripe.RangeQueryParam>()('gt gte lt lte'),
    },
  ),
  'GET /v1/events/:id': params<Stripe.EventRetrieveParams>()('expand'),
  'POST /v1/webhook_endpoints': params<Stripe.WebhookEndpointCreateParams>()(
    'api_version connect description enabled_events expand metadata url',
  ),
  'GET /v1/webhook_endpoints/:id': params<Stripe.WebhookEndpointRetrieveParams>()('expand'),
  'POST /v1/webhook_endpoints/:id': params<Stripe.WebhookEndpointUpdateParams>()(
    'description disabled enabled_events expand metadata url',
  ),
  'DELETE /v1/webhook_endpoints/:id': params<Stripe.WebhookEndpointDeleteParams>()(''),
  'GET /v1/webhook_endpoints': params<Stripe.WebhookEndpointListParams>()(
    'ending_before expand limit starting_after',
  ),
};
