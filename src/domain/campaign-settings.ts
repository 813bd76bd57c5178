import { z } from 'zod';
import {
  friendCustomerSchema,
  type LegacyMetadataKeys,
  metadataFromLegacyKeys,
  referrerCustomerSchema,
} from './customer-fields.js';
import { rewardKindSchema } from './reward.js';

/**
 * A campaign's settings, one schema per settings object: the API validates input with them, the campaign
 * response and the OpenAPI document are made from them, and settings read back from the database are
 * parsed with them (members an older version did not store get their defaults).
 */

const currencyCode = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be a three-letter ISO currency code')
  .toLowerCase()
  .describe('Three-letter ISO currency code (kept lower-case)');

const minorUnits = (max: number) => z.number().int().min(1).max(max);

/** How a campaign qualifies leads: by what the friend spends in Stripe inside a window. */
export const spendQualificationSchema = z.strictObject({
  method: z.literal('spend').describe('Qualify when the friend spends more than the target'),
  target_amount: minorUnits(1_000_000_000_00).describe(
    'Net spend must exceed this, in minor units of the connection default currency',
  ),
  window_days: z.number().int().min(1).max(3650).describe('Attribution window from the referral'),
  refunds_unqualify: z
    .boolean()
    .default(true)
    .describe('A refund or dispute in the window that brings net spend to the target or below takes it back'),
});

/** Or: qualify as soon as the friend uses the referrer's code (within the window, keeping its rules). */
export const codeQualificationSchema = z.strictObject({
  method: z
    .literal('code')
    .describe(
      "Qualify as soon as the friend uses the referrer's code (its rules kept), at checkout or offline",
    ),
  window_days: z.number().int().min(1).max(3650).describe('How long after the referral a use counts'),
  refunds_unqualify: z
    .boolean()
    .default(true)
    .describe('Refunds or disputes that bring what the friend paid back to zero take it back'),
});

export const qualificationSchema = z.discriminatedUnion('method', [
  spendQualificationSchema,
  codeQualificationSchema,
]);

export type SpendQualification = z.output<typeof spendQualificationSchema>;
export type CodeQualification = z.output<typeof codeQualificationSchema>;
export type QualificationRules = z.output<typeof qualificationSchema>;

/** The rules every referrer's promotion code is made with (Stripe enforces them at checkout). */
export const codeRulesSchema = z.strictObject({
  first_time_only: z.boolean().default(false).describe("Only a customer's first order may use a code"),
  max_redemptions: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .nullable()
    .default(null)
    .describe('Uses allowed per code; null for no limit'),
  expires_at: z.iso
    .datetime({ offset: true })
    .nullable()
    .default(null)
    .describe('When codes stop working (ISO time); null for never'),
  minimum_amount: z
    .strictObject({ amount: minorUnits(1_000_000_000_00).describe('Minor units'), currency: currencyCode })
    .nullable()
    .default(null)
    .describe('The smallest order, before the discount, a code applies to'),
});

export type CodeRules = z.output<typeof codeRulesSchema>;

/** As stored: the code rules and whether every new referrer gets a promotion code. */
export const codeSettingsSchema = z.strictObject({
  rules: codeRulesSchema.prefault({}),
  /** Make a promotion code for every new referrer once the campaign has a coupon. */
  auto_promotion_codes: z.boolean().default(false),
});

export type CodeSettings = z.output<typeof codeSettingsSchema>;

export const DEFAULT_CODE_SETTINGS: CodeSettings = codeSettingsSchema.parse({});

/** How friends (and, when asked, referrers) become Stripe customers, and what Vouch writes on them. */
export const customerRulesSchema = z.strictObject({
  create: z
    .enum(['wait_for_checkout', 'immediately'])
    .default('wait_for_checkout')
    .describe(
      "wait_for_checkout: the business's own checkout creates the customer (matched by email); immediately: Vouch creates it",
    ),
  existing_customer: z
    .enum(['do_not_create', 'create_duplicate', 'update_existing'])
    .default('do_not_create')
    .describe("When a customer with the friend's email already exists"),
  referrers_to_stripe: z
    .boolean()
    .default(false)
    .describe(
      'Make each referrer a Stripe customer too (never qualified); existing customers are linked, not duplicated, unless create_duplicate',
    ),
  friend_customer: friendCustomerSchema
    .prefault({})
    .describe("Which Vouch fields go on the friend's Stripe customer"),
  referrer_customer: referrerCustomerSchema
    .prefault({})
    .describe("Which Vouch fields go on the referrer's Stripe customer (with referrers_to_stripe)"),
});

export type CustomerRules = z.output<typeof customerRulesSchema>;

export const DEFAULT_CUSTOMER_RULES: CustomerRules = customerRulesSchema.parse({});

const couponId = z.string().min(1).max(200);

/** What one person gets when a referral qualifies. */
export const rewardSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z
      .literal(rewardKindSchema.enum.coupon)
      .describe("A Stripe coupon applied to the person's subscription"),
    coupon_id: couponId,
  }),
  z.strictObject({
    kind: z
      .literal(rewardKindSchema.enum.balance_credit)
      .describe("Credit on the person's Stripe customer balance"),
    amount: minorUnits(1_000_000_000_00).describe('Minor units'),
    currency: currencyCode,
  }),
  z.strictObject({
    kind: z
      .literal(rewardKindSchema.enum.promotion_code)
      .describe('A single-use promotion code made for that person'),
    coupon_id: couponId,
  }),
]);

export type RewardSpec = z.output<typeof rewardSpecSchema>;

export const rewardRulesSchema = z.strictObject({
  referrer: rewardSpecSchema.nullable().default(null).describe('What the person referring gets'),
  friend: rewardSpecSchema.nullable().default(null).describe('What the friend gets'),
  max_per_referrer: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .nullable()
    .default(null)
    .describe('Most rewards one referrer receives; null for no cap'),
  budget: z
    .strictObject({ amount: minorUnits(1_000_000_000_000), currency: currencyCode })
    .nullable()
    .default(null)
    .describe(
      'Most credit given in all (counts balance credit rewards in that currency); null for no budget',
    ),
  hold_days: z
    .number()
    .int()
    .min(0)
    .max(365)
    .default(0)
    .describe('Issue this many days after qualification, if the lead is still qualified'),
  manual_approval: z
    .boolean()
    .default(false)
    .describe('Every reward waits for POST /v1/rewards/{id}/approve'),
});

export type RewardRules = z.output<typeof rewardRulesSchema>;

const hexColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #2f5bd3')
  .toLowerCase()
  .nullable()
  .default(null);

/** The campaign's colours on the referrer's portal (and the widget that shows it); null keeps Vouch's. */
export const brandingSchema = z.strictObject({
  accent_color: hexColor.describe(
    "Buttons and links' colour; button text is black or white, whichever reads better",
  ),
  background_color: hexColor.describe('Page background; null follows the reader’s light or dark setting'),
  text_color: hexColor.describe('Text colour; set it with background_color'),
});

export type Branding = z.output<typeof brandingSchema>;

export const DEFAULT_BRANDING: Branding = brandingSchema.parse({});

/** The settings as stored on the campaign row. */
export const campaignSettingsSchema = z.object({
  branding: brandingSchema.optional(),
  qualification: qualificationSchema.optional(),
  customers: customerRulesSchema.optional(),
  codes: codeSettingsSchema.optional(),
  rewards: rewardRulesSchema.optional(),
});

export type CampaignSettings = z.output<typeof campaignSettingsSchema>;

/**
 * Settings stored before customer field mapping named four fixed metadata keys (`customers.metadata_keys`);
 * they read as the metadata maps that write the same keys.
 */
function upgradeStored(raw: Record<string, unknown>): Record<string, unknown> {
  const customers = raw.customers as Record<string, unknown> | undefined;
  if (!customers || typeof customers !== 'object' || !('metadata_keys' in customers)) return raw;
  const { metadata_keys, ...rest } = customers;
  const maps = metadataFromLegacyKeys(metadata_keys as LegacyMetadataKeys);
  return {
    ...raw,
    customers: {
      friend_customer: { metadata: maps.friend },
      referrer_customer: { metadata: maps.referrer },
      ...rest,
    },
  };
}

/** Settings read back from the database, with defaults for members an older version did not store. */
export function readSettings(raw: Record<string, unknown>): CampaignSettings {
  return campaignSettingsSchema.parse(upgradeStored(raw));
}
