/** Parameters Stripe accepts, per operation: invoice items, invoices and subscriptions. */
import type Stripe from 'stripe';
import { type ParamTable, params } from '../param-check.js';

export const billingParams: Record<string, ParamTable> = {
  'POST /v1/invoiceitems': params<Stripe.InvoiceItemCreateParams>()(
    `
    amount currency customer customer_account description discountable discounts expand invoice metadata
    quantity quantity_decimal subscription tax_behavior tax_code tax_rates unit_amount_decimal
  `,
    {
      period: params<Stripe.InvoiceItemCreateParams.Period>()('end start'),
      price_data: params<Stripe.InvoiceItemCreateParams.PriceData>()(
        'currency product tax_behavior unit_amount unit_amount_decimal',
      ),
      pricing: params<Stripe.InvoiceItemCreateParams.Pricing>()('price'),
    },
  ),
  'GET /v1/invoiceitems/:id': params<Stripe.InvoiceItemRetrieveParams>()('expand'),
  'DELETE /v1/invoiceitems/:id': params<Stripe.InvoiceItemDeleteParams>()(''),
  'GET /v1/invoiceitems': params<Stripe.InvoiceItemListParams>()(
    `
    customer customer_account ending_before expand invoice limit pending starting_after
  `,
    {
      created: params<Stripe.RangeQueryParam>()('gt gte lt lte'),
    },
  ),
  'POST /v1/invoices': params<Stripe.InvoiceCreateParams>()(
    `
    account_tax_ids application_fee_amount auto_advance automatic_tax automatically_finalizes_at
    collection_method currency custom_fields customer customer_account days_until_due
    default_payment_method default_source default_tax_rates description due_date effective_at expand
    footer from_invoice issuer metadata number on_behalf_of payment_settings
    pending_invoice_items_behavior rendering shipping_cost shipping_details statement_descriptor
    subscription transfer_data
  `,
    {
      discounts: params<Stripe.InvoiceCreateParams.Discount>()('coupon discount promotion_code'),
    },
  ),
  'GET /v1/invoices/:id': params<Stripe.InvoiceRetrieveParams>()('expand'),
  'GET /v1/invoices/:id/lines': params<Stripe.InvoiceListLineItemsParams>()(
    'ending_before expand limit starting_after',
  ),
  'POST /v1/invoices/:id': params<Stripe.InvoiceUpdateParams>()(
    `
    account_tax_ids application_fee_amount auto_advance automatic_tax automatically_finalizes_at
    collection_method custom_fields days_until_due default_payment_method default_source default_tax_rates
    description due_date effective_at expand footer issuer metadata number on_behalf_of payment_settings
    rendering shipping_cost shipping_details statement_descriptor transfer_data
  `,
    {
      discounts: params<Stripe.InvoiceUpdateParams.Discount>()('coupon discount promotion_code'),
    },
  ),
  'POST /v1/invoices/:id/finalize': params<Stripe.InvoiceFinalizeInvoiceParams>()('auto_advance expand'),
  'POST /v1/invoices/:id/pay': params<Stripe.InvoicePayParams>()(
    'expand forgive mandate off_session paid_out_of_band payment_method source',
  ),
  'POST /v1/invoices/:id/void': params<Stripe.InvoiceVoidInvoiceParams>()('expand'),
  'GET /v1/invoices': params<Stripe.InvoiceListParams>()(
    `
    collection_method customer customer_account due_date ending_before expand limit starting_after status
    subscription
  `,
    {
      created: params<Stripe.RangeQueryParam>()('gt gte lt lte'),
    },
  ),
  'POST /v1/subscriptions': params<Stripe.SubscriptionCreateParams>()(
    `
    add_invoice_items application_fee_percent automatic_tax backdate_start_date billing_cycle_anchor
    billing_cycle_anchor_config billing_mode billing_schedules billing_thresholds cancel_at
    cancel_at_period_end collection_method currency customer customer_account days_until_due
    default_payment_method default_source default_tax_rates description expand invoice_settings metadata
    off_session on_behalf_of payment_behavior payment_settings pending_invoice_item_interval
    proration_behavior transfer_data trial_end trial_from_plan trial_period_days trial_settings
  `,
    {
      discounts: params<Stripe.SubscriptionCreateParams.Discount>()('coupon discount promotion_code'),
      items: params<Stripe.SubscriptionCreateParams.Item>()(`
      billing_thresholds current_trial discounts metadata plan price price_data quantity tax_rates
    `),
    },
  ),
  'GET /v1/subscriptions/:id': params<Stripe.SubscriptionRetrieveParams>()('expand'),
  'POST /v1/subscriptions/:id': params<Stripe.SubscriptionUpdateParams>()(
    `
    add_invoice_items application_fee_percent automatic_tax billing_cycle_anchor billing_schedules
    billing_thresholds cancel_at cancel_at_period_end cancellation_details collection_method
    days_until_due default_payment_method default_source default_tax_rates description expand
    invoice_settings items metadata off_session on_behalf_of pause_collection payment_behavior
    payment_settings pending_invoice_item_interval proration_behavior proration_date transfer_data
    trial_end trial_from_plan trial_settings
  `,
    {
      discounts: params<Stripe.SubscriptionUpdateParams.Discount>()('coupon discount promotion_code'),
    },
  ),
  'DELETE /v1/subscriptions/:id': params<Stripe.SubscriptionCancelParams>()(
    'cancellation_details expand invoice_now prorate',
  ),
  'GET /v1/subscriptions': params<Stripe.SubscriptionListParams>()(
    `
    automatic_tax collection_method current_period_end current_period_start customer customer_account
    ending_before expand limit plan price starting_after status test_clock
  `,
    {
      created: params<Stripe.RangeQueryParam>()('gt gte lt lte'),
    },
  ),
};
