import { SLUG_PATTERN } from './referral-codes.js';

/**
 * What the browser snippet puts in Stripe's `client_reference_id`: `vouch-<slug>`, or, once the friend signed
 * up, `vouch-<slug>-<receipt>` (the `rcpt_...` a publishable sign-up answers; `lead_...` ids from earlier
 * snippets are still read). Stripe accepts letters, digits, `_` and `-`, at most 200 characters; this stays
 * well inside that and maps back to the referrer (and lead).
 */
const PATTERN = /^vouch-([a-z0-9]{4,40})(?:-((?:lead|rcpt)_[0-9a-z]{26}))?$/;

/** `leadRef` names the lead: a receipt (`rcpt_...`) or a lead id (`lead_...`). */
export type ClientReference = { slug: string; leadRef: string | undefined };

export function encodeClientReference(slug: string, leadRef?: string): string {
  if (!SLUG_PATTERN.test(slug)) throw new Error(`not a referral slug: ${slug}`);
  return leadRef ? `vouch-${slug}-${leadRef}` : `vouch-${slug}`;
}

export function parseClientReference(value: string | null | undefined): ClientReference | undefined {
  const match = PATTERN.exec(value ?? '');
  if (!match) return undefined;
  return { slug: match[1]!, leadRef: match[2] };
}
