import { cleanName } from './people.js';
import type { InboundMapping, NameVersion, ReturnMapping, ReturnTarget, StripeField } from './sync-config.js';
import { METADATA_KEY_MAX } from './sync-config.js';

/** The settings' shapes are defined once, as schemas, in sync-config.ts. */
export {
  type InboundMapping,
  METADATA_KEY_MAX,
  NAME_VERSIONS,
  type NameVersion,
  type ReferrerField,
  type ReturnMapping,
  type ReturnTarget,
  type StripeField,
} from './sync-config.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first `count` user-perceived characters of `text`: `Zoë`, `👍🏽` and `e\u0301` are one each. */
function firstGraphemes(text: string, count: number): string {
  let out = '';
  let taken = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (taken++ === count) break;
    out += segment;
  }
  return out;
}

/**
 * A name in the given version, with white space (any Unicode white space) collapsed and trimmed. Names with
 * fewer words than a version asks for are used as they are (`Cher` is `Cher` in every version); a blank
 * name gives `''`. Letters are graphemes, so an initial never splits an accented letter or an emoji.
 */
export function formatName(name: string, version: NameVersion): string {
  const cleaned = cleanName(name);
  if (cleaned === null) return '';
  if (version === 'original') return cleaned;
  const words = cleaned.split(' ');
  switch (version) {
    case 'v1':
      return words.slice(0, 1).join(' ');
    case 'v2':
      return words.slice(0, 2).join(' ');
    case 'v3':
      return words.slice(0, 3).join(' ');
    case 'v4':
    case 'v5': {
      const [first = '', next] = words;
      return next === undefined ? first : `${first} ${firstGraphemes(next, version === 'v4' ? 1 : 2)}`;
    }
  }
}

/** The parts of a Stripe customer a sync reads and writes. */
export type CustomerFields = {
  id: string;
  name: string | null;
  email: string | null;
  description: string | null;
  phone: string | null;
  metadata: Record<string, string>;
};

type StandardStripeField = Exclude<StripeField, `metadata.${string}`>;
const METADATA_PREFIX = 'metadata.';
const STANDARD_STRIPE_FIELDS: readonly string[] = ['name', 'email', 'description', 'phone'];
const STANDARD_REFERRER_FIELDS: readonly string[] = ['first_name', 'last_name', 'email'];
const REQUIRED_REFERRER_FIELDS = ['first_name', 'email'] as const;

/** The metadata key of a `metadata.<key>` field, or null for any other field. */
function metadataKey(field: string): string | null {
  return field.startsWith(METADATA_PREFIX) ? field.slice(METADATA_PREFIX.length) : null;
}

/** Why Stripe would refuse a metadata key, or null if it would not. */
function metadataKeyProblem(key: string): string | null {
  if (key.trim() === '') return 'metadata key is empty';
  if (key.length > METADATA_KEY_MAX)
    return `metadata key "${key}" is longer than ${METADATA_KEY_MAX} characters`;
  if (/[[\]]/.test(key)) return `metadata key "${key}" contains "[" or "]"`;
  return null;
}

/** What is wrong with a field name given the standard fields it may be; null if nothing. */
function fieldProblem(field: unknown, standard: readonly string[], kind: string): string | null {
  if (typeof field !== 'string') return `not a ${kind} field`;
  const key = metadataKey(field);
  if (key !== null) return metadataKeyProblem(key);
  return standard.includes(field) ? null : `"${field}" is not a ${kind} field`;
}

/** Human-readable problems with an inbound mapping; empty when it can be used. */
export function checkInboundMapping(mapping: InboundMapping): string[] {
  const problems: string[] = [];
  for (const required of REQUIRED_REFERRER_FIELDS) {
    if (mapping[required] === undefined) problems.push(`${required} must be mapped from a Stripe field`);
  }
  for (const [to, from] of Object.entries(mapping)) {
    if (from === undefined) continue;
    const toProblem = fieldProblem(to, STANDARD_REFERRER_FIELDS, 'referrer');
    if (toProblem !== null) problems.push(`referrer field "${to}": ${toProblem}`);
    const fromProblem = fieldProblem(from, STANDARD_STRIPE_FIELDS, 'Stripe');
    if (fromProblem !== null) problems.push(`Stripe field for "${to}": ${fromProblem}`);
  }
  return problems;
}

/** A field of a customer, trimmed; blank, missing or unknown fields are null. */
export function readStripeField(customer: CustomerFields, field: StripeField): string | null {
  const key = metadataKey(field);
  let value: unknown;
  if (key !== null) value = Object.hasOwn(customer.metadata, key) ? customer.metadata[key] : null;
  else if (STANDARD_STRIPE_FIELDS.includes(field)) value = customer[field as StandardStripeField];
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A referrer read from a Stripe customer. */
export type MappedReferrer = {
  first_name: string;
  last_name: string | null;
  email: string;
  metadata: Record<string, string>;
};

/** A customer that cannot become a referrer: the Stripe field behind a required referrer field is blank. */
export type MappingSkip = { skip: 'missing_field'; field: StripeField };

/**
 * The referrer a Stripe customer becomes under a (checked) mapping, or why it is skipped: the first of
 * first_name and email whose Stripe field is blank. The name version applies to first_name. Blank optional
 * fields are left out (last_name is null). Values are trimmed only; the referrer writes clean them further.
 */
export function mapCustomer(
  customer: CustomerFields,
  mapping: InboundMapping,
  nameVersion: NameVersion,
): { referrer: MappedReferrer } | MappingSkip {
  const firstNameField = mapping.first_name;
  const emailField = mapping.email;
  if (firstNameField === undefined || emailField === undefined) {
    throw new Error('The inbound mapping must map first_name and email (see checkInboundMapping)');
  }
  const firstName = formatName(readStripeField(customer, firstNameField) ?? '', nameVersion);
  if (firstName === '') return { skip: 'missing_field', field: firstNameField };
  const email = readStripeField(customer, emailField);
  if (email === null) return { skip: 'missing_field', field: emailField };
  const metadata: Record<string, string> = {};
  for (const [to, from] of Object.entries(mapping)) {
    const key = metadataKey(to);
    if (key === null || from === undefined) continue;
    const value = readStripeField(customer, from);
    if (value !== null) metadata[key] = value;
  }
  const lastName = mapping.last_name === undefined ? null : readStripeField(customer, mapping.last_name);
  return { referrer: { first_name: firstName, last_name: lastName, email, metadata } };
}

const RETURN_FIELDS = ['referral_link', 'referral_code', 'referrals_count', 'converted_count'] as const;
const STANDARD_TARGETS: readonly string[] = ['name', 'email', 'description'];

/**
 * Human-readable problems with a return mapping; empty when it can be used. The referral link must be
 * written somewhere, and no two values may share a standard field or a metadata key.
 */
export function checkReturnMapping(mapping: ReturnMapping): string[] {
  const problems: string[] = [];
  const taken = new Map<string, string>();
  for (const field of RETURN_FIELDS) {
    const target: ReturnTarget | undefined = mapping[field];
    let slot: string;
    if (target?.to === 'none') {
      if (field === 'referral_link') problems.push('referral_link must be written to a Stripe field');
      continue;
    } else if (target?.to === 'metadata') {
      const problem =
        typeof target.key === 'string' ? metadataKeyProblem(target.key) : 'metadata key is missing';
      if (problem !== null) {
        problems.push(`${field}: ${problem}`);
        continue;
      }
      slot = `metadata key "${target.key}"`;
    } else if (target !== undefined && STANDARD_TARGETS.includes(target.to)) {
      slot = target.to;
    } else {
      problems.push(`${field}: not a Stripe field to write to`);
      continue;
    }
    const other = taken.get(slot);
    if (other !== undefined) problems.push(`${field} and ${other} are both written to ${slot}`);
    else taken.set(slot, field);
  }
  return problems;
}

/** A referrer's values that a sync writes back to their Stripe customer. */
export type ReturnValues = {
  referral_link: string;
  referral_code: string | null;
  referrals_count: number;
  converted_count: number;
};

/** The parameters of one Stripe `customers.update`; metadata holds only the keys to change. */
export type CustomerUpdate = {
  name?: string;
  email?: string;
  description?: string;
  metadata?: Record<string, string>;
};

/**
 * The parameters of one Stripe `customers.update` that makes the customer show the values under a (checked)
 * mapping, or null when it already does. Only fields that differ are included, and only the metadata keys
 * that differ (Stripe merges metadata). Numbers are decimal strings. A null referral code is written to a
 * metadata key as `''`, which makes Stripe remove the key, and leaves a standard field as it is.
 */
export function customerUpdate(
  current: CustomerFields,
  values: ReturnValues,
  mapping: ReturnMapping,
): CustomerUpdate | null {
  const update: CustomerUpdate = {};
  const metadata: Record<string, string> = {};
  for (const field of RETURN_FIELDS) {
    const target = mapping[field];
    const raw = values[field];
    const value = typeof raw === 'number' ? String(raw) : raw;
    if (target.to === 'none') continue;
    if (target.to === 'metadata') {
      const now = Object.hasOwn(current.metadata, target.key) ? current.metadata[target.key] : undefined;
      if ((now ?? '') !== (value ?? '')) metadata[target.key] = value ?? '';
    } else if (value !== null && current[target.to] !== value) {
      update[target.to] = value;
    }
  }
  if (Object.keys(metadata).length > 0) update.metadata = metadata;
  return Object.keys(update).length > 0 ? update : null;
}
