/**
 * What Stripe sends on a card charge and its PaymentIntent that the emulator does not model (its shapes are
 * `Pick`s of the SDK's types): billing details, the card, the risk outcome, the receipt, payment method
 * options. Vouch reads none of it, but it is about half of a real charge event's bytes, which Vouch receives,
 * checks, stores and parses. Typed as the SDK's `Omit<Stripe.Charge, keyof ChargeObj>`, so that the emulator's
 * charge plus these fields is a whole `Stripe.Charge`; values as a test-mode Visa payment has them.
 */
import type Stripe from 'stripe';
import type { ChargeObj, PaymentIntentObj } from '../../emulator/shapes.js';

/** The buyer behind a charge, as the checkout collected it. */
export type Buyer = {
  name: string;
  email: string;
  phone: string;
  address: Stripe.Address;
  /** Stable per buyer, like a card's fingerprint. */
  cardKey: string;
};

type ChargeRest = Omit<Stripe.Charge, keyof ChargeObj>;
type PaymentIntentRest = Omit<Stripe.PaymentIntent, keyof PaymentIntentObj>;

export function chargeFields(charge: Pick<ChargeObj, 'id' | 'amount'>, buyer: Buyer): ChargeRest {
  const last4 = ['4242', '1881', '0077', '5556'][buyer.cardKey.charCodeAt(0) % 4]!;
  return {
    application: null,
    application_fee: null,
    application_fee_amount: null,
    billing_details: {
      address: buyer.address,
      email: buyer.email,
      name: buyer.name,
      phone: buyer.phone,
      tax_id: null,
    },
    calculated_statement_descriptor: 'VOUCHSHOP.EXAMPLE',
    failure_balance_transaction: null,
    fraud_details: {},
    on_behalf_of: null,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: 'approved_by_network',
      reason: null,
      risk_level: 'normal',
      risk_score: 8 + (buyer.cardKey.charCodeAt(1) % 50),
      seller_message: 'Payment complete.',
      type: 'authorized',
    },
    payment_method_details: {
      card: {
        amount_authorized: charge.amount,
        authorization_code: null,
        brand: 'visa',
        checks: { address_line1_check: 'pass', address_postal_code_check: 'pass', cvc_check: 'pass' },
        country: buyer.address.country,
        electronic_commerce_indicator: null,
        exp_month: 1 + (buyer.cardKey.charCodeAt(2) % 12),
        exp_year: 2028 + (buyer.cardKey.charCodeAt(3) % 5),
        extended_authorization: { status: 'disabled' },
        fingerprint: buyer.cardKey,
        funding: 'credit',
        incremental_authorization: { status: 'unavailable' },
        installments: null,
        last4,
        mandate: null,
        multicapture: { status: 'unavailable' },
        network: 'visa',
        network_token: { used: false },
        network_transaction_id: `58${buyer.cardKey.replace(/\D/g, '').padEnd(13, '7').slice(0, 13)}`,
        overcapture: { maximum_amount_capturable: charge.amount, status: 'unavailable' },
        regulated_status: 'unregulated',
        three_d_secure: null,
        transaction_link_id: null,
        wallet: null,
      },
      type: 'card',
    },
    radar_options: {},
    receipt_number: null,
    receipt_url: `https://pay.stripe.com/receipts/payment/CAcaFwoVYWNjdF8xUHJ2${charge.id.slice(3)}?s=ap`,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    transfer_data: null,
    transfer_group: null,
  };
}

export function paymentIntentFields(): PaymentIntentRest {
  return {
    allowed_payment_method_types: null,
    amount_details: { tip: {} },
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: { allow_redirects: 'always', enabled: true },
    customer_account: null,
    excluded_payment_method_types: null,
    managed_payments: null,
    on_behalf_of: null,
    payment_method_configuration_details: { id: 'pmc_1PrvA2Bench0001Vouch', parent: null },
    payment_method_options: {
      card: {
        installments: null,
        mandate_options: null,
        network: null,
        request_three_d_secure: 'automatic',
      },
      link: { persistent_token: null },
    },
    payment_record: null,
    processing: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    transfer_data: null,
    transfer_group: null,
  };
}
