/** Emails compare trimmed and case-insensitively: `  Jane@Example.COM ` is `jane@example.com`. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Collapses white space in a name; an empty result is no name at all. */
export function cleanName(name: string | null | undefined): string | null {
  const cleaned = (name ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/**
 * Whether a Stripe customer was created since a referral, so it may be the friend's new customer rather
 * than an existing one. Stripe's times have whole seconds, so the referral's second counts as "since".
 */
export function createdSinceReferral(createdAt: Date, referredAt: Date): boolean {
  return createdAt.getTime() >= Math.floor(referredAt.getTime() / 1000) * 1000;
}
