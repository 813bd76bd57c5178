/** How a campaign qualifies leads: by what the friend spends in Stripe inside a window. */
export type QualificationRules = {
  method: 'spend';
  /** Net spend must exceed this, in minor units of the connection's default currency. */
  target_amount: number;
  window_days: number;
  /** A refund or dispute inside the window that brings net spend to the target or below takes it back. */
  refunds_unqualify: boolean;
};

/** How friends become Stripe customers, and what Vouch writes on them. */
export type CustomerRules = {
  /** Wait for the business's own checkout to create the customer (matched by email), or create it at once. */
  create: 'wait_for_checkout' | 'immediately';
  /** When a customer with the friend's email already exists. */
  existing_customer: 'do_not_create' | 'create_duplicate' | 'update_existing';
  /** Also make each referrer (the person referring) a Stripe customer, e.g. to reward them there. */
  referrers_to_stripe?: boolean | undefined;
  /** Metadata keys Vouch writes on the customer; null leaves a field out. */
  metadata_keys: {
    lead_id: string;
    referrer_email: string | null;
    referrer_name: string | null;
    referral_code: string | null;
  };
};

export type CampaignSettings = {
  qualification?: QualificationRules | undefined;
  customers?: CustomerRules | undefined;
};

export const DEFAULT_CUSTOMER_RULES: CustomerRules = {
  create: 'wait_for_checkout',
  existing_customer: 'do_not_create',
  metadata_keys: {
    lead_id: 'vouch_lead_id',
    referrer_email: 'vouch_referrer_email',
    referrer_name: null,
    referral_code: 'vouch_referral_code',
  },
};

export function readSettings(raw: Record<string, unknown>): CampaignSettings {
  return raw as CampaignSettings;
}
