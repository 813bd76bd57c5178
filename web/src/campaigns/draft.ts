import type { Campaign, CreateCampaignBody } from './queries';

type Customers = Campaign['customers'];
type Rewards = NonNullable<Campaign['rewards']>;
type RewardSpec = NonNullable<Rewards['referrer']>;
export type FriendName = Customers['friend_customer']['name'];
export type ReferrerName = Customers['referrer_customer']['name'];
export type Method = 'none' | NonNullable<Campaign['qualification']>['method'];
export type RewardKind = 'none' | RewardSpec['kind'];

/** One "Send as metadata" row: the Stripe key, and the Vouch field (with the key, for a metadata field). */
export type MetadataRow = { key: string; source: string; sourceKey: string };

export type RewardDraft = { kind: RewardKind; coupon_id: string; amount: number | null; currency: string };

/**
 * What the builder edits: the campaign's settings as the form holds them (empty text for "none", money in
 * minor units, metadata as rows in order). `inputOf` turns it into the API's campaign body.
 */
export type Draft = {
  name: string;
  status: Exclude<Campaign['status'], 'archived'>;
  destination_url: string;
  participant_limit: number | '';
  participant_limit_counts: Campaign['participant_limit_counts'];
  allowed_origins: string[];
  cookie_days: number | '';
  auto_referral_codes: boolean;
  connection_id: string | null;
  method: Method;
  target_amount: number | null;
  window_days: number | '';
  refunds_unqualify: boolean;
  create: Customers['create'];
  existing_customer: Customers['existing_customer'];
  referrers_to_stripe: boolean;
  friend_name: FriendName;
  friend_metadata: MetadataRow[];
  referrer_name: ReferrerName;
  referrer_metadata: MetadataRow[];
  first_time_only: boolean;
  max_redemptions: number | '';
  expires_at: string | null;
  minimum_amount: number | null;
  minimum_currency: string;
  auto_promotion_codes: boolean;
  rewards_on: boolean;
  referrer_reward: RewardDraft;
  friend_reward: RewardDraft;
  max_per_referrer: number | '';
  budget_amount: number | null;
  budget_currency: string;
  hold_days: number | '';
  manual_approval: boolean;
  /** The portal's colours, `#rrggbb` or empty for Vouch's own. */
  accent_color: string;
  background_color: string;
  text_color: string;
};

/** A Vouch field read from the person's own metadata: `lead.metadata.<key>`. */
export const METADATA_SOURCES = ['lead.metadata.', 'referrer.metadata.'];

/** The rows of a stored map, by key: the order a map comes back in is not the order it was typed in. */
function rowsOf(map: Record<string, string>): MetadataRow[] {
  const entries = Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.map(([key, value]) => {
    const prefix = METADATA_SOURCES.find((p) => value.startsWith(p));
    return prefix
      ? { key, source: prefix, sourceKey: value.slice(prefix.length) }
      : { key, source: value, sourceKey: '' };
  });
}

function mapOf(rows: MetadataRow[]): Record<string, string> {
  return Object.fromEntries(
    rows.map((r) => [r.key, METADATA_SOURCES.includes(r.source) ? `${r.source}${r.sourceKey}` : r.source]),
  );
}

const noReward: RewardDraft = { kind: 'none', coupon_id: '', amount: null, currency: '' };

function rewardDraft(spec: RewardSpec | null | undefined): RewardDraft {
  if (!spec) return noReward;
  if (spec.kind === 'balance_credit')
    return { ...noReward, kind: spec.kind, amount: spec.amount, currency: spec.currency };
  return { ...noReward, kind: spec.kind, coupon_id: spec.coupon_id };
}

function rewardSpec(draft: RewardDraft): RewardSpec | null {
  if (draft.kind === 'none') return null;
  if (draft.kind === 'balance_credit')
    return { kind: draft.kind, amount: draft.amount as number, currency: draft.currency };
  return { kind: draft.kind, coupon_id: draft.coupon_id };
}

/** The settings a new campaign starts with: the API's defaults, as a campaign it answered shows them. */
const NEW_CUSTOMERS: Customers = {
  create: 'wait_for_checkout',
  existing_customer: 'do_not_create',
  referrers_to_stripe: false,
  friend_customer: {
    email: 'lead.email',
    name: 'lead.full_name',
    metadata: {
      vouch_lead_id: 'lead.id',
      vouch_referrer_email: 'referrer.email',
      vouch_referral_code: 'referrer.referral_code',
    },
  },
  referrer_customer: {
    email: 'referrer.email',
    name: 'referrer.full_name',
    metadata: { vouch_referrer_id: 'referrer.id', vouch_referral_code: 'referrer.referral_code' },
  },
};

/** The form's values for a stored campaign, or for a new one. */
export function draftOf(campaign: Campaign | undefined): Draft {
  const q = campaign?.qualification ?? null;
  const customers = campaign?.customers ?? NEW_CUSTOMERS;
  const rules = campaign?.code_rules;
  const rewards = campaign?.rewards ?? null;
  return {
    name: campaign?.name ?? '',
    status: campaign && campaign.status !== 'archived' ? campaign.status : 'draft',
    destination_url: campaign?.destination_url ?? '',
    participant_limit: campaign?.participant_limit ?? '',
    participant_limit_counts: campaign?.participant_limit_counts ?? 'verified',
    allowed_origins: campaign?.allowed_origins ?? [],
    cookie_days: campaign?.cookie_days ?? 30,
    auto_referral_codes: campaign?.auto_referral_codes ?? false,
    connection_id: campaign?.connection_id ?? null,
    method: q?.method ?? 'none',
    target_amount: q?.method === 'spend' ? q.target_amount : null,
    window_days: q?.window_days ?? 30,
    refunds_unqualify: q?.refunds_unqualify ?? true,
    create: customers.create,
    existing_customer: customers.existing_customer,
    referrers_to_stripe: customers.referrers_to_stripe,
    friend_name: customers.friend_customer.name,
    friend_metadata: rowsOf(customers.friend_customer.metadata),
    referrer_name: customers.referrer_customer.name,
    referrer_metadata: rowsOf(customers.referrer_customer.metadata),
    first_time_only: rules?.first_time_only ?? false,
    max_redemptions: rules?.max_redemptions ?? '',
    expires_at: rules?.expires_at ?? null,
    minimum_amount: rules?.minimum_amount?.amount ?? null,
    minimum_currency: rules?.minimum_amount?.currency ?? '',
    auto_promotion_codes: campaign?.auto_promotion_codes ?? false,
    rewards_on: rewards !== null,
    referrer_reward: rewardDraft(rewards?.referrer),
    friend_reward: rewardDraft(rewards?.friend),
    max_per_referrer: rewards?.max_per_referrer ?? '',
    budget_amount: rewards?.budget?.amount ?? null,
    budget_currency: rewards?.budget?.currency ?? '',
    hold_days: rewards?.hold_days ?? 0,
    manual_approval: rewards?.manual_approval ?? false,
    accent_color: campaign?.branding.accent_color ?? '',
    background_color: campaign?.branding.background_color ?? '',
    text_color: campaign?.branding.text_color ?? '',
  };
}

const orNull = <T>(value: T | '') => (value === '' ? null : value);
/** A required number left empty is sent as null, so the server's message names the field. */
const required = (value: number | '') => (value === '' ? null : value) as number;

/**
 * The API's campaign body for these values, every setting whole. The server validates it; nothing is
 * checked here.
 */
export function inputOf(d: Draft): CreateCampaignBody & Required<Pick<CreateCampaignBody, 'customers'>> {
  const qualification =
    d.method === 'none'
      ? null
      : d.method === 'spend'
        ? {
            method: d.method,
            target_amount: d.target_amount as number,
            window_days: required(d.window_days),
            refunds_unqualify: d.refunds_unqualify,
          }
        : { method: d.method, window_days: required(d.window_days), refunds_unqualify: d.refunds_unqualify };
  return {
    name: d.name,
    status: d.status,
    destination_url: d.destination_url.trim() === '' ? null : d.destination_url.trim(),
    participant_limit: orNull(d.participant_limit),
    participant_limit_counts: d.participant_limit_counts,
    allowed_origins: d.allowed_origins,
    cookie_days: required(d.cookie_days),
    auto_referral_codes: d.auto_referral_codes,
    connection_id: d.connection_id,
    qualification,
    customers: {
      create: d.create,
      existing_customer: d.existing_customer,
      referrers_to_stripe: d.referrers_to_stripe,
      friend_customer: { email: 'lead.email', name: d.friend_name, metadata: mapOf(d.friend_metadata) },
      referrer_customer: {
        email: 'referrer.email',
        name: d.referrer_name,
        metadata: mapOf(d.referrer_metadata),
      },
    },
    code_rules: {
      first_time_only: d.first_time_only,
      max_redemptions: orNull(d.max_redemptions),
      expires_at: d.expires_at,
      minimum_amount:
        d.minimum_amount === null ? null : { amount: d.minimum_amount, currency: d.minimum_currency },
    },
    auto_promotion_codes: d.auto_promotion_codes,
    rewards: d.rewards_on
      ? {
          referrer: rewardSpec(d.referrer_reward),
          friend: rewardSpec(d.friend_reward),
          max_per_referrer: orNull(d.max_per_referrer),
          budget: d.budget_amount === null ? null : { amount: d.budget_amount, currency: d.budget_currency },
          hold_days: required(d.hold_days),
          manual_approval: d.manual_approval,
        }
      : null,
    branding: {
      accent_color: d.accent_color.trim() || null,
      background_color: d.background_color.trim() || null,
      text_color: d.text_color.trim() || null,
    },
  };
}
