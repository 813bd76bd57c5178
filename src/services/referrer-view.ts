import type { ReferrerWithCounts } from '../db/repositories/referrers.js';
import { storedMetadataSchema } from '../domain/api-shapes.js';
import { referralLink } from '../domain/referral-link.js';
import type { Referrer } from '../domain/referrer.js';

/** A referrer as stored in an event: as the API shows it but for its link, made when the event is sent. */
export type ReferrerSnapshot = Omit<Referrer, 'referral_link'>;

/** The referrer as the API and the `referrer.created` event show it, but for its link. */
export function referrerSnapshot(row: ReferrerWithCounts): ReferrerSnapshot {
  return {
    id: row.id,
    object: 'referrer',
    campaign_id: row.campaign_id,
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    metadata: storedMetadataSchema.parse(row.metadata),
    source: row.source,
    slug: row.slug,
    referral_code: row.referral_code,
    removed_at: row.removed_at?.toISOString() ?? null,
    referrals_count: row.referrals_count,
    converted_referrals_count: row.converted_count,
    clicks_count: row.clicks_count,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** The referrer as the API shows it, its link on the public URL. */
export function toReferrer(row: ReferrerWithCounts, publicUrl: string): Referrer {
  return { ...referrerSnapshot(row), referral_link: referralLink(publicUrl, row.slug) };
}
