import { SLUG_PATTERN } from './referral-codes.js';

/**
 * What the browser snippet puts in Stripe's `client_reference_id`: `vouch-<slug>`, or
 * `vouch-<slug>-<lead id>` once the friend signed up. Stripe accepts letters, digits, `_` and `-`, at most
 * 200 characters; this stays well inside that and maps back to the referrer (and lead).
 */
const PATTERN = /^vouch-([a-z0-9]{4,40})(?:-(lead_[0-9a-z]{26}))?$/;

export type ClientReference = { slug: string; leadId: string | undefined };

export function encodeClientReference(slug: string, leadId?: string): string {
  if (!SLUG_PATTERN.test(slug)) throw new Error(`not a referral slug: ${slug}`);
  return leadId ? `vouch-${slug}-${leadId}` : `vouch-${slug}`;
}

export function parseClientReference(value: string | null | undefined): ClientReference | undefined {
  const match = PATTERN.exec(value ?? '');
  if (!match) return undefined;
  return { slug: match[1]!, leadId: match[2] };
}
