import type { NewSync } from './queries';

/** The Stripe customer fields a sync reads, as the API names them (`metadata.<key>` besides). */
export const STRIPE_FIELDS = [
  { value: 'name', label: 'Name' },
  { value: 'email', label: 'Email' },
  { value: 'description', label: 'Description' },
  { value: 'phone', label: 'Phone' },
  { value: 'metadata', label: 'A metadata key' },
] as const;
type StripeFieldChoice = (typeof STRIPE_FIELDS)[number]['value'];

/** Where a referrer's field comes from: a standard field, or a metadata key the owner names. */
export type InboundChoice = { field: StripeFieldChoice | 'none'; key: string };

/** Where a value goes on the customer: a standard field, a metadata key, or not sent. */
export type ReturnChoice = { to: 'none' | 'name' | 'email' | 'description'; metadata: boolean; key: string };

export const INBOUND_FIELDS = [
  { name: 'first_name', label: 'First name', required: true },
  { name: 'email', label: 'Email', required: true },
  { name: 'last_name', label: 'Last name', required: false },
] as const;
export type InboundField = (typeof INBOUND_FIELDS)[number]['name'];

export const RETURN_FIELDS = [
  { name: 'referral_link', label: 'Referral link', required: true },
  { name: 'referral_code', label: 'Referral code', required: false },
  { name: 'referrals_count', label: 'Referrals count', required: false },
  { name: 'converted_count', label: 'Converted referrals count', required: false },
] as const;
export type ReturnField = (typeof RETURN_FIELDS)[number]['name'];

export const NAME_VERSIONS = [
  { value: 'original', label: 'Original', description: 'Trimmed (full name as it is)' },
  { value: 'v1', label: 'V1', description: 'First word only' },
  { value: 'v2', label: 'V2', description: 'First two words' },
  { value: 'v3', label: 'V3', description: 'First three words' },
  { value: 'v4', label: 'V4', description: 'First name + 1 letter' },
  { value: 'v5', label: 'V5', description: 'First name + 2 letters' },
] as const;
export type NameVersion = NewSync['name_version'] & string;

export type WizardDraft = {
  inbound: Record<InboundField, InboundChoice>;
  return: Record<ReturnField, ReturnChoice>;
  name_version: NameVersion;
  kind: 'one_time' | 'ongoing';
};

export const initialDraft: WizardDraft = {
  inbound: {
    first_name: { field: 'name', key: '' },
    email: { field: 'email', key: '' },
    last_name: { field: 'none', key: '' },
  },
  return: {
    referral_link: { to: 'none', metadata: true, key: 'vouch_referral_link' },
    referral_code: { to: 'none', metadata: false, key: '' },
    referrals_count: { to: 'none', metadata: false, key: '' },
    converted_count: { to: 'none', metadata: false, key: '' },
  },
  name_version: 'original',
  kind: 'one_time',
};

const inboundValue = (choice: InboundChoice) =>
  choice.field === 'metadata' ? `metadata.${choice.key}` : choice.field;

/** The request the draft makes: the server checks every part of it (and says which part is wrong). */
export function syncBody(draft: WizardDraft, dryRun: boolean): NewSync {
  const inbound: Record<string, string> = {};
  for (const { name } of INBOUND_FIELDS) {
    const choice = draft.inbound[name];
    if (choice.field !== 'none') inbound[name] = inboundValue(choice);
  }
  const back = Object.fromEntries(
    RETURN_FIELDS.map(({ name }) => {
      const choice = draft.return[name];
      if (choice.metadata) return [name, { to: 'metadata', key: choice.key }];
      return [name, { to: choice.to }];
    }),
  );
  return {
    kind: draft.kind,
    dry_run: dryRun,
    inbound: inbound as NewSync['inbound'],
    return: back as NewSync['return'],
    name_version: draft.name_version,
  };
}

/** A choice in words, for the overview: "Name", "metadata: plan", "not sent". */
export function describeInbound(choice: InboundChoice): string {
  if (choice.field === 'none') return 'not mapped';
  if (choice.field === 'metadata') return `metadata key "${choice.key}"`;
  return STRIPE_FIELDS.find((f) => f.value === choice.field)?.label ?? choice.field;
}

export function describeReturn(choice: ReturnChoice): string {
  if (choice.metadata) return `metadata key "${choice.key}"`;
  if (choice.to === 'none') return 'Do not send';
  return choice.to.charAt(0).toUpperCase() + choice.to.slice(1);
}

/** The fields the step asks before going on; the server still checks the whole request. */
export function missingInbound(draft: WizardDraft): string | null {
  for (const { name, label, required } of INBOUND_FIELDS) {
    const choice = draft.inbound[name];
    if (required && choice.field === 'none') return `${label} must be mapped.`;
    if (choice.field === 'metadata' && !choice.key.trim()) return `${label}: name the metadata key.`;
  }
  return null;
}

export function missingReturn(draft: WizardDraft): string | null {
  for (const { name, label, required } of RETURN_FIELDS) {
    const choice = draft.return[name];
    if (required && !choice.metadata && choice.to === 'none') return `${label} must be sent to Stripe.`;
    if (choice.metadata && !choice.key.trim()) return `${label}: name the metadata key.`;
  }
  return null;
}
