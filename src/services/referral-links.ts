import type { Database } from '../db/database.js';
import type { CampaignStatus } from '../db/tables.js';

export type ReferralLink = {
  slug: string;
  referrerId: string;
  referrerFirstName: string;
  campaignId: string;
  campaignStatus: CampaignStatus;
  destinationUrl: string | null;
  cookieDays: number;
  allowedOrigins: string[];
};

type Entry = { link: ReferralLink | null; expires: number };

/**
 * Resolves a link slug to its referrer and campaign, remembering answers (and unknown slugs) for a few
 * seconds, so the redirect hot path rarely touches the database. A campaign change shows within `ttlMs`.
 */
export class ReferralLinks {
  #cache = new Map<string, Entry>();

  constructor(
    private readonly database: Database,
    private readonly ttlMs = 5000,
    private readonly maxEntries = 50_000,
  ) {}

  /** The answer remembered for `slug` while it is fresh (null: no such link); undefined when it must be looked up. */
  cached(slug: string, now = Date.now()): ReferralLink | null | undefined {
    const hit = this.#cache.get(slug);
    return hit && hit.expires > now ? hit.link : undefined;
  }

  async resolve(slug: string): Promise<ReferralLink | null> {
    const now = Date.now();
    const hit = this.cached(slug, now);
    if (hit !== undefined) return hit;
    const row = await this.database.db
      .selectFrom('referrers as r')
      .innerJoin('campaigns as c', 'c.id', 'r.campaign_id')
      .select([
        'r.slug',
        'r.id as referrer_id',
        'r.first_name',
        'c.id as campaign_id',
        'c.status',
        'c.destination_url',
        'c.cookie_days',
        'c.allowed_origins',
      ])
      .where('r.slug', '=', slug)
      .where('r.removed_at', 'is', null)
      .executeTakeFirst();
    const link: ReferralLink | null = row
      ? {
          slug: row.slug,
          referrerId: row.referrer_id,
          referrerFirstName: row.first_name,
          campaignId: row.campaign_id,
          campaignStatus: row.status,
          destinationUrl: row.destination_url,
          cookieDays: row.cookie_days,
          allowedOrigins: row.allowed_origins,
        }
      : null;
    if (this.#cache.size >= this.maxEntries) this.#cache.clear();
    this.#cache.set(slug, { link, expires: now + this.ttlMs });
    return link;
  }
}
