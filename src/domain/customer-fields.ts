import { z } from 'zod';
import { referralLink } from './referral-link.js';

/**
 * Which Vouch values go on the Stripe customers Vouch creates or updates: the customer's email and name, and
 * any number of metadata keys the business names ("send as metadata"), each filled from a field of the
 * friend (lead), of the person referring, or a key of their own metadata.
 */

const LEAD_FIELDS = ['id', 'email', 'first_name', 'last_name', 'full_name'] as const;
const REFERRER_FIELDS = [
  'id',
  'email',
  'first_name',
  'last_name',
  'full_name',
  'referral_code',
  'referral_link',
] as const;

/** Stripe's limits on customer metadata. */
export const METADATA_LIMITS = { keys: 50, keyLength: 40, valueLength: 500 } as const;

type Subject = 'lead' | 'referrer';

/** A source parsed: a field of the lead or referrer, or a key of their own metadata. */
type ParsedSource = { subject: Subject; field: string } | { subject: Subject; metadataKey: string };

/** Why Stripe would refuse this metadata key, or null. */
function metadataKeyProblem(key: string): string | null {
  if (key.trim() === '') return 'must not be blank';
  if (key.length > METADATA_LIMITS.keyLength)
    return `must be at most ${METADATA_LIMITS.keyLength} characters`;
  if (/[[\]]/.test(key)) return 'must not contain [ or ]';
  if (key === '__proto__') return 'must not be __proto__';
  return null;
}

function parseSource(source: string, subjects: readonly Subject[]): ParsedSource | null {
  const dot = source.indexOf('.');
  const subject = source.slice(0, dot) as Subject;
  if (dot < 0 || !subjects.includes(subject)) return null;
  const rest = source.slice(dot + 1);
  if (rest.startsWith('metadata.')) {
    const metadataKey = rest.slice('metadata.'.length);
    return metadataKeyProblem(metadataKey) === null ? { subject, metadataKey } : null;
  }
  const fields: readonly string[] = subject === 'lead' ? LEAD_FIELDS : REFERRER_FIELDS;
  return fields.includes(rest) ? { subject, field: rest } : null;
}

const sourceList = (subjects: readonly Subject[]) =>
  subjects
    .flatMap((s) => [
      ...(s === 'lead' ? LEAD_FIELDS : REFERRER_FIELDS).map((f) => `${s}.${f}`),
      `${s}.metadata.<key>`,
    ])
    .join(', ');

const sourceSchema = (subjects: readonly Subject[]) =>
  z
    .string()
    .max(60)
    .refine((s) => parseSource(s, subjects) !== null, {
      message: `must be one of ${sourceList(subjects)}`,
    })
    .describe(`A Vouch field: ${sourceList(subjects)}`);

const metadataKeySchema = z.string().superRefine((key, ctx) => {
  const problem = metadataKeyProblem(key);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** Metadata key -> Vouch field, within Stripe's limits; the keys of a record are checked with their messages. */
const metadataMap = (subjects: readonly Subject[]) =>
  z
    .record(metadataKeySchema, sourceSchema(subjects), {
      error: (issue) =>
        issue.code === 'invalid_key'
          ? `key ${JSON.stringify(issue.input)} ${issue.issues[0]?.message ?? 'is not accepted'}`
          : undefined,
    })
    .refine((m) => Object.keys(m).length <= METADATA_LIMITS.keys, {
      message: `Stripe takes at most ${METADATA_LIMITS.keys} metadata keys`,
    });

export const DEFAULT_FRIEND_METADATA = {
  vouch_lead_id: 'lead.id',
  vouch_referrer_email: 'referrer.email',
  vouch_referral_code: 'referrer.referral_code',
};

export const DEFAULT_REFERRER_METADATA = {
  vouch_referrer_id: 'referrer.id',
  vouch_referral_code: 'referrer.referral_code',
};

/** What the friend's Stripe customer gets. */
export const friendCustomerSchema = z.strictObject({
  email: z
    .literal('lead.email')
    .default('lead.email')
    .describe("The customer's email: the friend's email, which Stripe customers are matched by"),
  name: z
    .enum(['lead.full_name', 'lead.first_name'])
    .default('lead.full_name')
    .describe("The customer's name: the friend's first and last name, or first name only"),
  metadata: metadataMap(['lead', 'referrer'])
    .refine((m) => Object.values(m).includes('lead.id'), {
      message:
        'must send lead.id under some key (for example "vouch_lead_id": "lead.id"): Vouch finds the friend\'s customer by it',
    })
    .default(DEFAULT_FRIEND_METADATA)
    .describe(
      'Send as metadata, {"<Stripe metadata key>": "<Vouch field>"}: keys of at most 40 characters without [ or ], ' +
        `at most 50; fields: ${sourceList(['lead', 'referrer'])}. Must include lead.id. A field the person does ` +
        'not have (a metadata key absent on them, no referral code) is not sent; values are cut to 500 characters',
    ),
});

/** What the referrer's Stripe customer gets (with `referrers_to_stripe`). */
export const referrerCustomerSchema = z.strictObject({
  email: z
    .literal('referrer.email')
    .default('referrer.email')
    .describe("The customer's email: the referrer's email"),
  name: z
    .enum(['referrer.full_name', 'referrer.first_name'])
    .default('referrer.full_name')
    .describe("The customer's name: the referrer's first and last name, or first name only"),
  metadata: metadataMap(['referrer'])
    .default(DEFAULT_REFERRER_METADATA)
    .describe(
      'Send as metadata, {"<Stripe metadata key>": "<Vouch field>"}, with the limits of friend_customer.metadata; ' +
        `fields: ${sourceList(['referrer'])}`,
    ),
});

export type FriendCustomerMapping = z.output<typeof friendCustomerSchema>;
export type ReferrerCustomerMapping = z.output<typeof referrerCustomerSchema>;

/** The settings before field mapping: fixed metadata keys, null to leave one out. */
export type LegacyMetadataKeys = {
  lead_id: string;
  referrer_email: string | null;
  referrer_name: string | null;
  referral_code: string | null;
};

/** The metadata maps that write exactly what the older fixed keys wrote. */
export function metadataFromLegacyKeys(keys: LegacyMetadataKeys): {
  friend: Record<string, string>;
  referrer: Record<string, string>;
} {
  const friend: Record<string, string> = { [keys.lead_id]: 'lead.id' };
  if (keys.referrer_email) friend[keys.referrer_email] = 'referrer.email';
  if (keys.referrer_name) friend[keys.referrer_name] = 'referrer.full_name';
  if (keys.referral_code) friend[keys.referral_code] = 'referrer.referral_code';
  const referrer: Record<string, string> = { vouch_referrer_id: 'referrer.id' };
  if (keys.referral_code) referrer[keys.referral_code] = 'referrer.referral_code';
  return { friend, referrer };
}

/** A person as the mapping reads them. */
export type PersonRecord = {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  metadata: Record<string, unknown>;
};

export type ReferrerRecord = PersonRecord & {
  referral_code: string | null;
  /** The referral link, when Vouch knows its public address. */
  referral_link: string | null;
};

/** A referrer as the mapping reads them; the referral link needs Vouch's public address. */
export function referrerRecord(
  referrer: PersonRecord & { referral_code: string | null; slug: string },
  publicUrl: string | undefined,
): ReferrerRecord {
  return {
    id: referrer.id,
    email: referrer.email,
    first_name: referrer.first_name,
    last_name: referrer.last_name,
    metadata: referrer.metadata,
    referral_code: referrer.referral_code,
    referral_link: publicUrl ? referralLink(publicUrl, referrer.slug) : null,
  };
}

/** The fields of a Stripe customer Vouch writes. */
export type StripeCustomerFields = {
  email: string;
  name: string | null;
  metadata: Record<string, string>;
};

const fullName = (p: PersonRecord) => [p.first_name, p.last_name].filter(Boolean).join(' ');

function fieldValue(person: PersonRecord | ReferrerRecord, field: string): string | null {
  switch (field) {
    case 'full_name':
      return fullName(person);
    case 'referral_code':
    case 'referral_link':
      return 'referral_code' in person ? person[field] : null;
    case 'id':
    case 'email':
    case 'first_name':
    case 'last_name':
      return person[field];
    default:
      return null;
  }
}

/** At most `max` characters, never cutting a character in two. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * A value of the people: null when they have none (a metadata key absent on them, no referral code) or it
 * is blank, since Stripe removes a metadata key set to an empty string.
 */
function sourceValue(
  source: string,
  people: { lead?: PersonRecord; referrer: ReferrerRecord },
): string | null {
  const parsed = parseSource(source, ['lead', 'referrer']);
  const person = parsed && people[parsed.subject];
  if (!parsed || !person) return null;
  let value: unknown;
  if ('metadataKey' in parsed)
    value = Object.hasOwn(person.metadata, parsed.metadataKey) ? person.metadata[parsed.metadataKey] : null;
  else value = fieldValue(person, parsed.field);
  if (typeof value === 'number' || typeof value === 'boolean') value = String(value);
  if (typeof value !== 'string' || value.trim() === '') return null;
  return value;
}

function metadataOf(
  map: Record<string, string>,
  people: { lead?: PersonRecord; referrer: ReferrerRecord },
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, source] of Object.entries(map)) {
    const value = sourceValue(source, people);
    if (value !== null) out[key] = cut(value, METADATA_LIMITS.valueLength);
  }
  return out;
}

/** The friend's Stripe customer under the campaign's mapping. */
export function friendCustomerFields(
  mapping: FriendCustomerMapping,
  lead: PersonRecord,
  referrer: ReferrerRecord,
): StripeCustomerFields {
  const people = { lead, referrer };
  return {
    email: lead.email,
    name: sourceValue(mapping.name, people),
    metadata: metadataOf(mapping.metadata, people),
  };
}

/** The referrer's Stripe customer under the campaign's mapping. */
export function referrerCustomerFields(
  mapping: ReferrerCustomerMapping,
  referrer: ReferrerRecord,
): StripeCustomerFields {
  const people = { referrer };
  return {
    email: referrer.email,
    name: sourceValue(mapping.name, people),
    metadata: metadataOf(mapping.metadata, people),
  };
}
