/** A referrer's referral link on this server. */
export const referralLink = (publicUrl: string, slug: string) => `${publicUrl}/r/${slug}`;

/** Where a referral link sends a visitor: the campaign's destination (or the hosted friend page) plus `vouch_ref`. */
export function landingUrl(destination: string | null, publicUrl: string, slug: string): string {
  const url = new URL(destination ?? `${publicUrl}/invite/${slug}`);
  url.searchParams.set('vouch_ref', slug);
  return url.toString();
}
