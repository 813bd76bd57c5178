import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../src/http/openapi/api-types';
import { api, type Item, type RequestBody, type Success, unwrap } from '../api';

export type Referrer = Item<'/v1/campaigns/{id}/referrers'>;
export type ReferrerDetail = Success<'/v1/referrers/{id}', 'get'>;
export type NewReferrer = RequestBody<'/v1/campaigns/{id}/referrers', 'post'>;
export type ImportReport = Success<'/v1/campaigns/{id}/referrers/import', 'post'>;
type ListQuery = NonNullable<paths['/v1/campaigns/{id}/referrers']['get']['parameters']['query']>;
export type ReferrerSort = NonNullable<ListQuery['sort']>;
export type ReferrerSource = NonNullable<ListQuery['source']>;

/** The list's filters, as the list and the export take them. */
export type ReferrerFilters = {
  search?: string | undefined;
  has_referral_code?: 'true' | 'false' | undefined;
  source?: ReferrerSource | undefined;
  sort?: ReferrerSort | undefined;
};

export const PAGE = 20;

export const referrerKeys = {
  all: ['referrers'] as const,
  list: (campaignId: string, filters: ReferrerFilters, after: string | undefined) =>
    ['referrers', 'list', campaignId, { ...filters, after }] as const,
  one: (id: string) => ['referrers', 'one', id] as const,
};

export function useReferrers(campaignId: string, filters: ReferrerFilters, after: string | undefined) {
  return useQuery({
    queryKey: referrerKeys.list(campaignId, filters, after),
    queryFn: () =>
      unwrap(
        api.GET('/v1/campaigns/{id}/referrers', {
          params: {
            path: { id: campaignId },
            query: { ...filters, limit: PAGE, starting_after: after, include_total_count: 'true' },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useReferrer(id: string) {
  return useQuery({
    queryKey: referrerKeys.one(id),
    queryFn: () => unwrap(api.GET('/v1/referrers/{id}', { params: { path: { id } } })),
  });
}

/** How the referrer's code does, with their Stripe promotion code. */
export function useCodeSummary(id: string) {
  return useQuery({
    queryKey: ['referrers', 'one', id, 'codes'],
    queryFn: () => unwrap(api.GET('/v1/referrers/{id}/codes/summary', { params: { path: { id } } })),
  });
}

export function useReferrerRewards(id: string) {
  return useQuery({
    queryKey: ['referrers', 'one', id, 'rewards'],
    queryFn: () => unwrap(api.GET('/v1/rewards', { params: { query: { referrer_id: id, limit: 20 } } })),
  });
}

export function useReferrerLeads(campaignId: string, id: string) {
  return useQuery({
    queryKey: ['referrers', 'one', id, 'leads'],
    queryFn: () =>
      unwrap(
        api.GET('/v1/campaigns/{id}/leads', {
          params: {
            path: { id: campaignId },
            query: { referrer: id, limit: PAGE, include_total_count: 'true' },
          },
        }),
      ),
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: referrerKeys.all });
}

export function useAddReferrer(campaignId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: NewReferrer) =>
      unwrap(api.POST('/v1/campaigns/{id}/referrers', { params: { path: { id: campaignId } }, body })),
    onSuccess: invalidate,
  });
}

export function useGenerateCode() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/v1/referrers/{id}/referral_code', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

/** Makes (or retries) Stripe promotion codes: for one referrer, or for every referrer without one. */
export function useSendCodesToStripe(campaignId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (referrerId: string | undefined) =>
      unwrap(
        api.POST('/v1/campaigns/{id}/promotion_codes', {
          params: { path: { id: campaignId } },
          body: referrerId ? { referrer_id: referrerId } : {},
        }),
      ),
    onSuccess: invalidate,
  });
}

/** Generates codes for every referrer of the campaign without one, in the background. */
export function useGenerateAllCodes(campaignId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/v1/campaigns/{id}/referral_codes', { params: { path: { id: campaignId } } })),
    onSuccess: invalidate,
  });
}

export function useImportReferrers(campaignId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ csv, generateCodes }: { csv: string; generateCodes: boolean }) =>
      unwrap(
        api.POST('/v1/campaigns/{id}/referrers/import', {
          params: {
            path: { id: campaignId },
            query: { generate_referral_codes: generateCodes ? 'true' : 'false' },
          },
          body: csv,
          // The file goes as it is, not as a JSON string.
          bodySerializer: (body: string) => body,
          headers: { 'content-type': 'text/csv' },
        }),
      ),
    onSuccess: invalidate,
  });
}
