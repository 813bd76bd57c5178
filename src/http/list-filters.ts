import { z } from 'zod';
import { leadSortSchema, leadSourceSchema, leadStatusSchema } from '../domain/lead.js';
import { referrerSortSchema, referrerSourceSchema } from '../domain/referrer.js';

/**
 * The filters and order of the referrer and lead lists, defined once for every endpoint that lists or exports
 * them, so a link made from a list's filters means the same wherever it is sent.
 */

const search = (what: string) =>
  z.string().trim().max(200).optional().describe(`Part of ${what}, whatever its case`);

export const referrerFiltersSchema = z.strictObject({
  email: z.string().max(254).optional().describe('The whole email, compared trimmed and case-insensitively'),
  has_referral_code: z.enum(['true', 'false']).optional(),
  source: referrerSourceSchema.optional(),
  search: search('the email, the name or the referral code'),
  sort: referrerSortSchema.optional(),
});

export type ReferrerFiltersQuery = z.infer<typeof referrerFiltersSchema>;

/** The query's filters as the referrers service takes them. */
export function referrerFilters(campaignId: string, q: ReferrerFiltersQuery) {
  return {
    campaignId,
    email: q.email,
    hasCode: q.has_referral_code === undefined ? undefined : q.has_referral_code === 'true',
    source: q.source,
    search: q.search || undefined,
    sort: q.sort,
  };
}

export const leadFiltersSchema = z.strictObject({
  status: leadStatusSchema.optional(),
  referrer: z.string().max(64).optional().describe("Only this referrer's leads (rfr_...)"),
  source: leadSourceSchema.optional(),
  email: z.string().max(254).optional().describe('The whole email, compared trimmed and case-insensitively'),
  search: search('the email or the name'),
  sort: leadSortSchema.optional(),
});

export type LeadFiltersQuery = z.infer<typeof leadFiltersSchema>;

/** The query's filters as the leads service takes them. */
export function leadFilters(campaignId: string, q: LeadFiltersQuery) {
  return {
    campaignId,
    status: q.status,
    referrerId: q.referrer,
    source: q.source,
    email: q.email,
    search: q.search || undefined,
    sort: q.sort,
  };
}
