import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Success, unwrap } from '../api';

export type Summary = Success<'/v1/analytics/summary', 'get'>;
export type Timeseries = Success<'/v1/analytics/timeseries', 'get'>;
export type Point = Timeseries['data'][number];
export type TopReferrers = Success<'/v1/analytics/top_referrers', 'get'>;
export type Interval = Timeseries['interval'];

/** What the overview shows: a campaign (or all), the days and the step of the charts. */
export type OverviewScope = {
  campaign_id?: string | undefined;
  from: string;
  to: string;
  interval: Interval;
};

/** The overview asks again every five seconds while the tab is visible (TanStack pauses it when hidden). */
export const OVERVIEW_LIVE_MS = 5000;

const live = { refetchInterval: OVERVIEW_LIVE_MS, placeholderData: keepPreviousData } as const;

export function useSummary({ interval: _, ...query }: OverviewScope) {
  return useQuery({
    queryKey: ['analytics', 'summary', query],
    queryFn: () => unwrap(api.GET('/v1/analytics/summary', { params: { query } })),
    ...live,
  });
}

export function useTimeseries(query: OverviewScope) {
  return useQuery({
    queryKey: ['analytics', 'timeseries', query],
    queryFn: () => unwrap(api.GET('/v1/analytics/timeseries', { params: { query } })),
    ...live,
  });
}

export function useTopReferrers({ interval: _, ...query }: OverviewScope) {
  return useQuery({
    queryKey: ['analytics', 'top_referrers', query],
    queryFn: () =>
      unwrap(api.GET('/v1/analytics/top_referrers', { params: { query: { ...query, limit: 10 } } })),
    ...live,
  });
}

/** The campaigns to choose from (the same list, and cache, as the other pages' campaign box). */
export function useCampaignChoices() {
  return useQuery({
    queryKey: ['campaigns', 'choices'],
    queryFn: () => unwrap(api.GET('/v1/campaigns', { params: { query: { limit: 100 } } })),
    staleTime: 30_000,
  });
}
