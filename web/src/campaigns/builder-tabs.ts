export type Tab = 'details' | 'invited' | 'referring' | 'codes' | 'rewards';

export const TABS: Tab[] = ['details', 'invited', 'referring', 'codes', 'rewards'];

/**
 * The parameters the API may name in an error, the most specific first (a message goes under the first that
 * matches), each with the tab its field is on.
 */
const FIELD_TABS: [string, Tab][] = [
  ['name', 'details'],
  ['status', 'details'],
  ['destination_url', 'details'],
  ['participant_limit', 'details'],
  ['participant_limit_counts', 'details'],
  ['allowed_origins', 'details'],
  ['cookie_days', 'details'],
  ['branding.accent_color', 'details'],
  ['branding.background_color', 'details'],
  ['branding.text_color', 'details'],
  ['branding', 'details'],
  ['connection_id', 'details'],
  ['qualification.target_amount', 'invited'],
  ['qualification.window_days', 'invited'],
  ['qualification.refunds_unqualify', 'invited'],
  ['qualification', 'invited'],
  ['customers.create', 'invited'],
  ['customers.existing_customer', 'invited'],
  ['customers.friend_customer.name', 'invited'],
  ['customers.friend_customer.metadata', 'invited'],
  ['customers.referrers_to_stripe', 'referring'],
  ['customers.referrer_customer.name', 'referring'],
  ['customers.referrer_customer.metadata', 'referring'],
  ['code_rules.first_time_only', 'codes'],
  ['code_rules.max_redemptions', 'codes'],
  ['code_rules.expires_at', 'codes'],
  ['code_rules.minimum_amount', 'codes'],
  ['auto_referral_codes', 'codes'],
  ['auto_promotion_codes', 'codes'],
  ['rewards.referrer', 'rewards'],
  ['rewards.friend', 'rewards'],
  ['rewards.max_per_referrer', 'rewards'],
  ['rewards.budget', 'rewards'],
  ['rewards.hold_days', 'rewards'],
  ['rewards.manual_approval', 'rewards'],
  ['rewards', 'rewards'],
];

export const FIELDS = FIELD_TABS.map(([field]) => field);

const names = (param: string, field: string) =>
  param === field || param.startsWith(`${field}.`) || param.startsWith(`${field}[`);

/** The tab that shows the field an error's `param` names, if any. */
export function tabOf(param: string | undefined): Tab | undefined {
  if (!param) return undefined;
  return FIELD_TABS.find(([field]) => names(param, field))?.[1];
}
