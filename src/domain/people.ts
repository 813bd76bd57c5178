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
/**
 * A friend's Stripe customers, split into those that existed before the referral and those made since. The
 * customers noted when the lead was recorded (`customersAtSignup`) decide when known: order, not Stripe's
 * whole seconds (a customer made in the same second as the lead, by an integration that creates both, is
 * new). Without that note, by timestamps.
 */
export function splitByReferral<C extends { id: string; createdAt: Date }>(
  customers: C[],
  lead: { referred_at: Date; customers_at_signup: string[] | null },
): { existing: C[]; newer: C[] } {
  const before = (c: C) =>
    lead.customers_at_signup
      ? lead.customers_at_signup.includes(c.id)
      : !createdSinceReferral(c.createdAt, lead.referred_at);
  return { existing: customers.filter(before), newer: customers.filter((c) => !before(c)) };
}

export function createdSinceReferral(createdAt: Date, referredAt: Date): boolean {
  return createdAt.getTime() >= Math.floor(referredAt.getTime() / 1000) * 1000;
}
