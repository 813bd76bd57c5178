import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Item, type Success, unwrap } from '../api';

export type Reward = Item<'/v1/rewards'>;
export type RewardDetail = Success<'/v1/rewards/{id}', 'get'>;
export type RewardStatus = Reward['status'];
export type RewardTotals = Success<'/v1/rewards/totals', 'get'>;
export type RewardAction = 'approve' | 'retry' | 'cancel';

export const REWARD_STATUSES: Record<RewardStatus, { label: string; color: string }> = {
  held: { label: 'held', color: 'yellow' },
  pending_approval: { label: 'waiting for approval', color: 'orange' },
  pending: { label: 'being issued', color: 'blue' },
  issued: { label: 'issued', color: 'green' },
  failed: { label: 'failed', color: 'red' },
  cancelled: { label: 'cancelled', color: 'gray' },
  reversing: { label: 'being taken back', color: 'grape' },
  reversed: { label: 'taken back', color: 'dark' },
};

/** What each action may act on, as the server allows it (it still refuses the rest with 409). */
export const ACTION_FROM: Record<RewardAction, RewardStatus[]> = {
  approve: ['pending_approval'],
  retry: ['failed'],
  cancel: ['held', 'pending_approval', 'pending', 'failed'],
};

export type RewardFilters = {
  campaign_id: string;
  referrer_id?: string | undefined;
  status?: RewardStatus | undefined;
};

/** Rewards still moving are asked for again every few seconds while the page is visible. */
const moving = (status: RewardStatus) => status === 'pending' || status === 'reversing';

export function useRewards(filters: RewardFilters, after: string | undefined) {
  return useQuery({
    queryKey: ['rewards', 'list', { ...filters, after }],
    queryFn: () =>
      unwrap(api.GET('/v1/rewards', { params: { query: { ...filters, limit: 20, starting_after: after } } })),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.data.some((r) => moving(r.status)) ? 2000 : false),
  });
}

export function useRewardTotals(filters: Omit<RewardFilters, 'status'>) {
  return useQuery({
    queryKey: ['rewards', 'totals', filters],
    queryFn: () => unwrap(api.GET('/v1/rewards/totals', { params: { query: filters } })),
  });
}

export function useReward(id: string) {
  return useQuery({
    queryKey: ['rewards', 'one', id],
    queryFn: () => unwrap(api.GET('/v1/rewards/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data && !moving(query.state.data.status) ? false : 1000),
  });
}

export function useRewardAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: RewardAction) => {
      const options = { params: { path: { id } } };
      if (action === 'approve') return unwrap(api.POST('/v1/rewards/{id}/approve', options));
      if (action === 'retry') return unwrap(api.POST('/v1/rewards/{id}/retry', options));
      return unwrap(api.POST('/v1/rewards/{id}/cancel', options));
    },
    onSuccess: (reward) => {
      client.setQueryData(['rewards', 'one', id], reward);
      return client.invalidateQueries({ queryKey: ['rewards'] });
    },
  });
}
