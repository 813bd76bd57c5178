/** How a campaign qualifies leads: by what the friend spends in Stripe inside a window. */
export type SpendQualification = {
  method: 'spend';
  /** Net spend must exceed this, in minor units of the connection's default currency. */
  target_amount: number;
  window_days: number;
  /** A refund or dispute inside the window that brings net spend to the target or below takes it back. */
  refunds_unqualify: boolean;
};

/** Or: qualify as soon as the friend uses the referrer's code (within the window, keeping its rules). */
export type CodeQualification = {
  method: 'code';
  window_days: number;
  /** Refunds and disputes that bring the friend's net spend back to zero take the qualification back. */
  refunds_unqualify: boolean;
};

export type QualificationRules = SpendQualification | CodeQualification;

/** The rules every referrer's promotion code is made with (Stripe enforces them at checkout). */
export type CodeRules = {
  /** Only a customer's first order may use a code. */
  first_time_only: boolean;
  /** How many times each code may be used; null for no limit. */
  max_redemptions: number | null;
  /** When codes stop working (ISO time); null for never. */
  expires_at: string | null;
  /** The smallest order, before the discount, a code applies to. */
  minimum_amount: { amount: number; currency: string } | null;
};

export type CodeSettings = {
  rules: CodeRules;
  /** Make a promotion code for every new referrer once the campaign has a coupon. */
  auto_promotion_codes: boolean;
};

export const DEFAULT_CODE_SETTINGS: CodeSettings = {
  rules: { first_time_only: false, max_redemptions: null, expires_at: null, minimum_amount: null },
  auto_promotion_codes: false,
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

/** What one person gets when a referral qualifies. */
export type RewardSpec =
  /** A Stripe coupon applied to the person's subscription (their next invoices). */
  | { kind: 'coupon'; coupon_id: string }
  /** Credit on the person's Stripe customer balance, used by their next invoices. */
  | { kind: 'balance_credit'; amount: number; currency: string }
  /** A single-use promotion code under this coupon, made for that person only. */
  | { kind: 'promotion_code'; coupon_id: string };

export type RewardRules = {
  referrer: RewardSpec | null;
  friend: RewardSpec | null;
  /** Most rewards one referrer receives in this campaign; null for no cap. */
  max_per_referrer: number | null;
  /** Most credit the campaign gives in all, in minor units of its currency; null for no budget. */
  budget: { amount: number; currency: string } | null;
  /** Issue this many days after qualification, if the lead is still qualified then. */
  hold_days: number;
  /** Every reward waits for approval through the API. */
  manual_approval: boolean;
};

export type CampaignSettings = {
  qualification?: QualificationRules | undefined;
  customers?: CustomerRules | undefined;
  codes?: CodeSettings | undefined;
  rewards?: RewardRules | undefined;
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
