import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Item, type Success, unwrap } from '../api';

export type CodeSummary = Success<'/v1/campaigns/{id}/codes/summary', 'get'>;
export type PromotionCode = Item<'/v1/campaigns/{id}/promotion_codes'>;
export type PromotionCodeProgress = Success<'/v1/campaigns/{id}/promotion_codes/progress', 'get'>;

export function useCodeSummary(campaignId: string) {
  return useQuery({
    queryKey: ['codes', 'summary', campaignId],
    queryFn: () =>
      unwrap(api.GET('/v1/campaigns/{id}/codes/summary', { params: { path: { id: campaignId } } })),
    refetchInterval: 10_000,
  });
}

/** How far making promotion codes is: every second while some are pending, and the page is visible. */
export function usePromotionCodeProgress(campaignId: string) {
  return useQuery({
    queryKey: ['codes', 'progress', campaignId],
    queryFn: () =>
      unwrap(
        api.GET('/v1/campaigns/{id}/promotion_codes/progress', { params: { path: { id: campaignId } } }),
      ),
    refetchInterval: (query) => ((query.state.data?.counts.pending ?? 0) > 0 ? 1000 : 5000),
  });
}

/** The codes, a page at a time; asked again whenever the progress's counts change (`counts`). */
export function usePromotionCodes(
  campaignId: string,
  after: string | undefined,
  counts: string,
  live: boolean,
) {
  return useQuery({
    queryKey: ['codes', 'promotion-codes', campaignId, after, counts],
    queryFn: () =>
      unwrap(
        api.GET('/v1/campaigns/{id}/promotion_codes', {
          params: { path: { id: campaignId }, query: { limit: 20, starting_after: after } },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: live ? 2000 : false,
  });
}

/** The campaign's referrers without a code, for the "Generate" column. */
export function useReferrersWithoutCode(campaignId: string, after: string | undefined) {
  return useQuery({
    queryKey: ['referrers', 'list', campaignId, { has_referral_code: 'false', after, codes: true }],
    queryFn: () =>
      unwrap(
        api.GET('/v1/campaigns/{id}/referrers', {
          params: {
            path: { id: campaignId },
            query: {
              has_referral_code: 'false',
              limit: 10,
              starting_after: after,
              include_total_count: 'true',
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    // Codes for everyone are made by a background job: the list follows it.
    refetchInterval: (query) => ((query.state.data?.total_count ?? 0) > 0 ? 2000 : false),
  });
}
