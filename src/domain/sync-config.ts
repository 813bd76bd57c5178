import { z } from 'zod';

/**
 * A sync's settings, defined once: the API validates them with these schemas, the stored config is read back
 * through them, and the types below are derived from them.
 */

/**
 * How much of a Stripe customer's name becomes a referrer's first name: `original` keeps it whole, `v1`..`v3`
 * keep the first one to three words, `v4` is the first word and an initial (`Jane D`), `v5` the first word and
 * two letters of the next (`Jane Do`). See `formatName` in sync-mapping.ts.
 */
export const NAME_VERSIONS = ['original', 'v1', 'v2', 'v3', 'v4', 'v5'] as const;
export const nameVersionSchema = z.enum(NAME_VERSIONS);
export type NameVersion = z.infer<typeof nameVersionSchema>;

/** Stripe's limit on a metadata key's length. */
export const METADATA_KEY_MAX = 40;
const METADATA_KEY = /^[^[\]]{1,40}$/;
const metadataKey = z.string().regex(METADATA_KEY, { message: 'must be 1 to 40 characters without [ or ]' });
const metadataField = z.templateLiteral(['metadata.', metadataKey]);

/** A field of a Stripe customer that a sync can read: a standard field or a metadata key (`metadata.plan`). */
export const stripeFieldSchema = z
  .union([z.enum(['name', 'email', 'description', 'phone']), metadataField], {
    error: 'must be name, email, description, phone or metadata.<key>',
  })
  .describe('A Stripe customer field: name, email, description, phone or metadata.<key>');
export type StripeField = z.infer<typeof stripeFieldSchema>;

/** A field of a referrer that a sync can fill: a standard field or a metadata key (`metadata.tier`). */
const REFERRER_FIELDS = 'referrer fields are first_name, last_name, email and metadata.<key>';
export const referrerFieldSchema = z.union([z.enum(['first_name', 'last_name', 'email']), metadataField], {
  error: REFERRER_FIELDS,
});
export type ReferrerField = z.infer<typeof referrerFieldSchema>;

/** Which Stripe field fills each referrer field. `first_name` and `email` are required. */
export const inboundMappingSchema = z
  .partialRecord(referrerFieldSchema, stripeFieldSchema, {
    error: (issue) => (issue.code === 'invalid_key' ? REFERRER_FIELDS : undefined),
  })
  .describe('Referrer field ← Stripe customer field; first_name and email are required');
export type InboundMapping = z.infer<typeof inboundMappingSchema>;

/** Where a sync writes one of a referrer's values on their Stripe customer. */
export const returnTargetSchema = z.discriminatedUnion('to', [
  z.strictObject({ to: z.literal('name') }),
  z.strictObject({ to: z.literal('email') }),
  z.strictObject({ to: z.literal('description') }),
  z.strictObject({ to: z.literal('metadata'), key: metadataKey }),
  z.strictObject({ to: z.literal('none') }),
]);
export type ReturnTarget = z.infer<typeof returnTargetSchema>;

/** Where each value goes; the referral link always goes somewhere. */
export const returnMappingSchema = z
  .strictObject({
    referral_link: returnTargetSchema,
    referral_code: returnTargetSchema,
    referrals_count: returnTargetSchema,
    converted_count: returnTargetSchema,
  })
  .describe('Where each value goes on the Stripe customer; the referral link is required');
export type ReturnMapping = z.infer<typeof returnMappingSchema>;

/** one_time: one pass over the account's customers; ongoing: new and changed customers join as they come. */
export const syncKindSchema = z.enum(['one_time', 'ongoing']);
export type SyncKind = z.infer<typeof syncKindSchema>;

export const syncStatusSchema = z.enum(['running', 'live', 'completed', 'stopped', 'cancelled', 'failed']);
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** Why a sync left a customer out. */
export const syncSkipReasonSchema = z.enum([
  'missing_field',
  'already_referrer',
  'participant_limit',
  'email_taken',
]);
export type SyncSkipReason = z.infer<typeof syncSkipReasonSchema>;

/** The settings a sync keeps for every pass. */
export const syncConfigSchema = z.object({
  inbound: inboundMappingSchema,
  return: returnMappingSchema,
  name_version: nameVersionSchema,
  write_back: z.boolean().describe('false: bring customers in without writing to Stripe'),
  requests_per_second: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .nullable()
    .describe("This sync's own pace; the account's budget (STRIPE_RATE_LIMIT_TEST/LIVE) always applies"),
});
export type SyncConfig = z.infer<typeof syncConfigSchema>;

/** A stored sync config, read through its schema. */
export const readSyncConfig = (stored: unknown): SyncConfig => syncConfigSchema.parse(stored);
