import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Item, type RequestBody, type Success, unwrap } from '../api';

export type Sync = Success<'/v1/syncs/{id}', 'get'>;
export type SyncSkip = Item<'/v1/syncs/{id}/skips'>;
export type SkipReason = SyncSkip['reason'];
export type NewSync = RequestBody<'/v1/campaigns/{id}/syncs', 'post'>;
export type NamePreview = Item<'/v1/campaigns/{id}/syncs/name_preview'>;

/** A sync still working: its page asks again every second while it is visible. */
export const isWorking = (sync: Pick<Sync, 'status'>) => sync.status === 'running' || sync.status === 'live';
const LIVE_MS = 1000;

export const syncKeys = {
  all: ['syncs'] as const,
  list: (campaignId: string, after: string | undefined) => ['syncs', 'list', campaignId, after] as const,
  one: (id: string) => ['syncs', 'one', id] as const,
  skips: (id: string, reason: SkipReason | undefined, after: string | undefined) =>
    ['syncs', 'one', id, 'skips', { reason, after }] as const,
};

export function useSyncs(campaignId: string, after: string | undefined) {
  return useQuery({
    queryKey: syncKeys.list(campaignId, after),
    queryFn: () =>
      unwrap(
        api.GET('/v1/campaigns/{id}/syncs', {
          params: { path: { id: campaignId }, query: { limit: 20, starting_after: after } },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.data.some(isWorking) ? LIVE_MS * 2 : false),
  });
}

/** One sync, live while it works (polling pauses while the page is hidden). */
export function useSync(id: string | null) {
  return useQuery({
    queryKey: syncKeys.one(id ?? ''),
    queryFn: () => unwrap(api.GET('/v1/syncs/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data && !isWorking(query.state.data) ? false : LIVE_MS),
  });
}

/** The customers a sync skipped, a page at a time, optionally of one reason; live while it works. */
export function useSkips(
  id: string,
  reason: SkipReason | undefined,
  after: string | undefined,
  live: boolean,
) {
  return useQuery({
    queryKey: syncKeys.skips(id, reason, after),
    queryFn: () =>
      unwrap(
        api.GET('/v1/syncs/{id}/skips', {
          params: { path: { id }, query: { limit: 20, starting_after: after, reason } },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: live ? LIVE_MS * 2 : false,
  });
}

/** A few real customers of the campaign's Stripe account, their names in every name version. */
export function useNamePreview(campaignId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['syncs', 'preview', campaignId],
    queryFn: () =>
      unwrap(
        api.GET('/v1/campaigns/{id}/syncs/name_preview', {
          params: { path: { id: campaignId }, query: { limit: 5 } },
        }),
      ),
    enabled,
    staleTime: 60_000,
  });
}

export function useStartSync(campaignId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewSync) =>
      unwrap(api.POST('/v1/campaigns/{id}/syncs', { params: { path: { id: campaignId } }, body })),
    onSuccess: (sync) => {
      client.setQueryData(syncKeys.one(sync.id), sync);
      return client.invalidateQueries({ queryKey: ['syncs', 'list'] });
    },
  });
}

/** Stops a sync (a dry run of a configuration since changed); one already finished stays as it is. */
export const cancelSync = (id: string) =>
  unwrap(api.POST('/v1/syncs/{id}/cancel', { params: { path: { id } } }));

export function useCancelSync(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/v1/syncs/{id}/cancel', { params: { path: { id } } })),
    onSuccess: (sync) => {
      client.setQueryData(syncKeys.one(id), sync);
      return client.invalidateQueries({ queryKey: ['syncs', 'list'] });
    },
  });
}
