import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../src/http/openapi/api-types';
import { api, type Item, type Success, unwrap } from '../api';

export type Lead = Item<'/v1/campaigns/{id}/leads'>;
export type LeadDetail = Success<'/v1/leads/{id}', 'get'>;
export type TimelineEntry = NonNullable<LeadDetail['timeline']>[number];
type ListQuery = NonNullable<paths['/v1/campaigns/{id}/leads']['get']['parameters']['query']>;
export type LeadSort = NonNullable<ListQuery['sort']>;
export type LeadStatus = Lead['status'];
export type LeadSource = Lead['source'];

/** The list's filters, as the list and the export take them. */
export type LeadFilters = {
  search?: string | undefined;
  status?: LeadStatus | undefined;
  source?: LeadSource | undefined;
  referrer?: string | undefined;
  sort?: LeadSort | undefined;
};

const PAGE = 20;
/** A lead's page asks again every second while it is visible, so a payment shows without a reload. */
export const LIVE_MS = 1000;

export function useLeads(campaignId: string, filters: LeadFilters, after: string | undefined) {
  return useQuery({
    queryKey: ['leads', 'list', campaignId, { ...filters, after }],
    queryFn: () =>
      unwrap(
        api.GET('/v1/campaigns/{id}/leads', {
          params: {
            path: { id: campaignId },
            query: { ...filters, limit: PAGE, starting_after: after, include_total_count: 'true' },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** One lead, live: asked again every second while the page is visible (polling pauses when it is hidden). */
export function useLead(id: string) {
  return useQuery({
    queryKey: ['leads', 'one', id],
    queryFn: () => unwrap(api.GET('/v1/leads/{id}', { params: { path: { id } } })),
    refetchInterval: LIVE_MS,
  });
}

export function useLinkCustomer(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (customerId: string) =>
      unwrap(
        api.POST('/v1/leads/{id}/customers', {
          params: { path: { id } },
          body: { customer_id: customerId },
        }),
      ),
    onSuccess: (lead) => {
      client.setQueryData(['leads', 'one', id], lead);
      return client.invalidateQueries({ queryKey: ['leads', 'list'] });
    },
  });
}
