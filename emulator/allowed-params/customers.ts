/** Parameters Stripe accepts, per operation: account, customers and their balance, products, prices, coupons and promotion codes. */
import type Stripe from 'stripe';
import { type ParamTable, params } from '../param-check.js';

export const customerParams: Record<string, ParamTable> = {
  'GET /v1/account': params<Stripe.AccountRetrieveCurrentParams>()('expand'),
  'POST /v1/customers': params<Stripe.CustomerCreateParams>()(
    `
    address balance business_name cash_balance description email expand individual_name invoice_prefix
    metadata name next_invoice_sequence payment_method phone preferred_locales shipping source tax
    tax_exempt tax_id_data test_clock validate
  `,
    {
      invoice_settings: params<Stripe.CustomerCreateParams.InvoiceSettings>()(
        'custom_fields default_payment_method footer rendering_options',
      ),
    },
  ),
  'GET /v1/customers/search': params<Stripe.CustomerSearchParams>()('expand limit page query'),
  'GET /v1/customers/:id': params<Stripe.CustomerRetrieveParams>()('expand'),
  'POST /v1/customers/:id': params<Stripe.CustomerUpdateParams>()(
    `
    address balance business_name cash_balance default_source description email expand individual_name
    invoice_prefix metadata name next_invoice_sequence phone preferred_locales shipping source tax
    tax_exempt validate
  `,
    {
      invoice_settings: params<Stripe.CustomerUpdateParams.InvoiceSettings>()(
        'custom_fields default_payment_method footer rendering_options',
      ),
    },
  ),
  'DELETE /v1/customers/:id': params<Stripe.CustomerDeleteParams>()(''),
  'GET /v1/customers': params<Stripe.CustomerListParams>()(
    'email ending_before expand limit starting_after test_clock',
    {
      created: params<Stripe.RangeQueryParam>()('gt gte lt lte'),
    },
  ),
  'POST /v1/customers/:id/balance_transactions': params<Stripe.CustomerCreateBalanceTransactionParams>()(
    'amount currency description expand metadata',
  ),
  'GET /v1/customers/:id/balance_transactions': params<Stripe.CustomerListBalanceTransactionsParams>()(
    'ending_before expand invoice limit starting_after',
    {
      created: params<Stripe.RangeQueryParam>()('gt gte lt lte'),
    },
  ),
  'GET /v1/customers/:id/balance_transactions/:txn':
    params<Stripe.CustomerRetrieveBalanceTransactionParams>()('expand'),
  'POST /v1/products': params<Stripe.ProductCreateParams>()(`
    active default_price_data description expand id images marketing_features metadata name
    package_dimensions shippable statement_descriptor tax_code tax_details type unit_label url
  `),
  'GET /v1/products/:id': params<Stripe.ProductRetrieveParams>()('expand'),
  'POST /v1/products/:id': params<Stripe.ProductUpdateParams>()(`
    active default_price description expand images marketing_features metadata name package_dimensions
    shippable statement_descriptor tax_code tax_details unit_label url
  `),
  'GET /v1/products': params<Stripe.ProductListParams>()(
    'active ending_before expand ids limit shippable starting_after type url',
    {
      created: params<Stripe.RangeQueryParam>()('gt gte lt lte'),
    },
  ),
  'POST /v1/prices': params<Stripe.PriceCreateParams>()(
    `
    active billing_scheme currency currency_options custom_unit_amount expand lookup_key metadata nickname
    product tax_behavior tiers tiers_mode transfer_lookup_key transform_quantity unit_amount
    unit_amount_decimal
  `,
    {
      product_data: params<Stripe.PriceCreateParams.ProductData>()(`
      active id metadata name statement_descriptor tax_code tax_details unit_label
    `),
      recurring: params<Stripe.PriceCreateParams.Recurring>()(
        'interval interval_count meter trial_period_days usage_type',
      ),
    },
  ),
  'GET /v1/prices/:id': params<Stripe.PriceRetrieveParams>()('expand'),
  'POST /v1/prices/:id': params<Stripe.PriceUpdateParams>()(`
    active currency_options expand lookup_key metadata nickname tax_behavior transfer_lookup_key
  `),
  'GET /v1/prices': params<Stripe.PriceListParams>()(
    `
    active currency ending_before expand limit lookup_keys product starting_after type
  `,
    {
      created: params<Stripe.RangeQueryParam>()('gt gte lt lte'),
      recurring: params<Stripe.PriceListParams.Recurring>()('interval meter usage_type'),
    },
  ),
  'POST /v1/coupons': params<Stripe.CouponCreateParams>()(`
    amount_off applies_to currency currency_options duration duration_in_months expand id max_redemptions
    metadata name percent_off redeem_by
  `),
  'GET /v1/coupons/:id': params<Stripe.CouponRetrieveParams>()('expand'),
  'POST /v1/coupons/:id': params<Stripe.CouponUpdateParams>()('currency_options expand metadata name'),
  'DELETE /v1/coupons/:id': params<Stripe.CouponDeleteParams>()(''),
  'GET /v1/coupons': params<Stripe.CouponListParams>()('ending_before expand limit starting_after', {
    created: params<Stripe.RangeQueryParam>()('gt gte lt lte'),
  }),
  'POST /v1/promotion_codes': params<Stripe.PromotionCodeCreateParams>()(
    `
    active code customer customer_account expand expires_at max_redemptions metadata
  `,
    {
      promotion: params<Stripe.PromotionCodeCreateParams.Promotion>()('coupon type'),
      restrictions: params<Stripe.PromotionCodeCreateParams.Restrictions>()(`
      currency_options first_time_transaction minimum_amount minimum_amount_currency
    `),
    },
  ),
  'GET /v1/promotion_codes/:id': params<Stripe.PromotionCodeRetrieveParams>()('expand'),
  'POST /v1/promotion_codes/:id': params<Stripe.PromotionCodeUpdateParams>()(
    'active expand metadata restrictions',
  ),
  'GET /v1/promotion_codes': params<Stripe.PromotionCodeListParams>()(
    `
    active code coupon customer customer_account ending_before expand limit starting_after
  `,
    {
      created: params<Stripe.RangeQueryParam>()('gt gte lt lte'),
    },
  ),
};
