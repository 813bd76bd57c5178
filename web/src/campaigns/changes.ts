import { formatMoney } from '../ui/money';
import type { inputOf } from './draft';
import type { UpdateCampaignBody } from './queries';

type Input = ReturnType<typeof inputOf>;
type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);

/** The member that says which kind of object it is: a new kind is sent whole. */
const KIND_KEYS = ['method', 'kind'];

/**
 * A JSON Merge Patch (RFC 7396) that turns `before` into `after`, as `POST /v1/campaigns/{id}` takes it:
 * only what changed, null for a member removed (a metadata key no longer sent), and an object of another
 * kind (qualification method, reward kind) whole.
 */
export function mergePatch(before: Json, after: Json): Json {
  if (!isObject(before) || !isObject(after)) return after;
  if (KIND_KEYS.some((k) => k in after && before[k] !== after[k])) return after;
  const patch: Record<string, Json> = {};
  for (const [key, value] of Object.entries(after))
    if (!same(before[key], value)) patch[key] = mergePatch(before[key], value);
  for (const key of Object.keys(before)) if (!(key in after)) patch[key] = null;
  return patch;
}

/** The update body for these values: only the fields that changed, each settings object as a merge patch. */
export function updateBody(before: Input, after: Input): UpdateCampaignBody {
  const body: Record<string, Json> = {};
  for (const key of Object.keys(after) as (keyof Input)[])
    if (!same(before[key], after[key])) body[key] = mergePatch(before[key], after[key]);
  return body as UpdateCampaignBody;
}

export type Change = { path: string; label: string; before: string; after: string };

const LABELS: Record<string, string> = {
  name: 'Name',
  status: 'Status',
  destination_url: 'Destination URL',
  participant_limit: 'Participant limit',
  participant_limit_counts: 'Who takes a place',
  allowed_origins: 'Allowed origins',
  cookie_days: 'Days a referral is remembered',
  auto_referral_codes: 'Referral code for every new referrer',
  connection_id: 'Stripe connection',
  qualification: 'Qualification',
  'qualification.method': 'Qualification method',
  'qualification.target_amount': 'Target spend',
  'qualification.window_days': 'Attribution window (days)',
  'qualification.refunds_unqualify': 'Unqualify on refund',
  'customers.create': 'New customers',
  'customers.existing_customer': 'When the email is already a customer',
  'customers.referrers_to_stripe': 'Send the person referring to Stripe',
  'customers.friend_customer.name': "Friend's Stripe name",
  'customers.referrer_customer.name': "Referrer's Stripe name",
  'code_rules.first_time_only': 'First-time order only',
  'code_rules.max_redemptions': 'Uses per code',
  'code_rules.expires_at': 'Codes expire',
  'code_rules.minimum_amount': 'Minimum order',
  auto_promotion_codes: 'Promotion code for every new referrer',
  rewards: 'Rewards',
  'rewards.referrer': 'Reward for the person referring',
  'rewards.friend': 'Reward for the friend',
  'rewards.max_per_referrer': 'Rewards per referrer',
  'rewards.budget': 'Budget',
  'rewards.hold_days': 'Hold (days)',
  'rewards.manual_approval': 'Approve each reward',
  'branding.accent_color': 'Portal accent colour',
  'branding.background_color': 'Portal background colour',
  'branding.text_color': 'Portal text colour',
};

function labelOf(path: string): string {
  const metadata = /^customers\.(friend|referrer)_customer\.metadata\.(.+)$/.exec(path);
  if (metadata) return `${metadata[1] === 'friend' ? "Friend's" : "Referrer's"} metadata "${metadata[2]}"`;
  return LABELS[path] ?? path;
}

/** Settings shown whole in the summary (a reward, a budget, an amount with its currency). */
const WHOLE = new Set(['rewards.referrer', 'rewards.friend', 'rewards.budget', 'code_rules.minimum_amount']);

/** The settings flattened to the level a person changes them at: one entry per setting. */
function flatten(value: Json, path: string, out: Map<string, Json>): void {
  if (!isObject(value) || WHOLE.has(path)) {
    out.set(path, value);
    return;
  }
  for (const [key, member] of Object.entries(value)) {
    // Always the person's own email: not a setting.
    if (key === 'email' && path.endsWith('_customer')) continue;
    flatten(member, path ? `${path}.${key}` : key, out);
  }
}

function show(path: string, value: Json, currency: string | null): string {
  if (value === null || value === undefined || value === '')
    return path.includes('.metadata.') ? 'not sent' : 'none';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (path === 'qualification.target_amount' && typeof value === 'number')
    return currency ? formatMoney(value, currency) : `${value} (minor units)`;
  if (isObject(value) && typeof value.amount === 'number' && typeof value.currency === 'string') {
    const money = formatMoney(value.amount, value.currency);
    return typeof value.kind === 'string' ? `${value.kind.replaceAll('_', ' ')}: ${money}` : money;
  }
  if (isObject(value) && typeof value.kind === 'string')
    return `${value.kind.replaceAll('_', ' ')}: ${String(value.coupon_id)}`;
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  if (isObject(value)) return JSON.stringify(value);
  return String(value);
}

/**
 * What a save changes, setting by setting, old and new in words. `currency` is the connection's default
 * currency, the one the target spend is in.
 */
export function changesBetween(before: Input, after: Input, currency: string | null): Change[] {
  const a = new Map<string, Json>();
  const b = new Map<string, Json>();
  flatten(before, '', a);
  flatten(after, '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths
    .filter((path) => !same(a.get(path) ?? null, b.get(path) ?? null))
    .map((path) => ({
      path,
      label: labelOf(path),
      before: show(path, a.get(path), currency),
      after: show(path, b.get(path), currency),
    }));
}

/** Changes that decide what Vouch writes on friends' Stripe customers, and on referrers'. */
export function stripeFacing(changes: Change[]): { leads: boolean; referrers: boolean } {
  const has = (test: (path: string) => boolean) => changes.some((c) => test(c.path));
  return {
    leads: has(
      (p) =>
        p === 'connection_id' ||
        p === 'customers.create' ||
        p === 'customers.existing_customer' ||
        p.startsWith('customers.friend_customer.'),
    ),
    referrers: has(
      (p) =>
        p === 'connection_id' ||
        p === 'customers.existing_customer' ||
        p === 'customers.referrers_to_stripe' ||
        p.startsWith('customers.referrer_customer.'),
    ),
  };
}
