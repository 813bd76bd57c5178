import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, type Item, type RequestBody, type Success, unwrap } from '../api';

export type Campaign = Success<'/v1/campaigns/{id}', 'get'>;
export type CampaignStatus = Campaign['status'];
export type CreateCampaignBody = RequestBody<'/v1/campaigns', 'post'>;
export type UpdateCampaignBody = RequestBody<'/v1/campaigns/{id}', 'post'>;
export type CampaignCoupon = Success<'/v1/campaigns/{id}/coupon', 'get'>;
export type SetCouponBody = RequestBody<'/v1/campaigns/{id}/coupon', 'post'>;
export type Coupon = Item<'/v1/stripe/connections/{id}/coupons'>;
export type Connection = Item<'/v1/stripe/connections'>;

export const STATUS_COLORS = { live: 'green', draft: 'gray', paused: 'yellow', archived: 'dark' };

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (status: CampaignStatus | undefined, after: string | undefined) =>
    ['campaigns', 'list', { status, after }] as const,
  one: (id: string) => ['campaigns', 'one', id] as const,
  coupon: (id: string) => ['campaigns', 'one', id, 'coupon'] as const,
};

export function useCampaigns(status: CampaignStatus | undefined, after: string | undefined) {
  return useQuery({
    queryKey: campaignKeys.list(status, after),
    queryFn: () =>
      unwrap(api.GET('/v1/campaigns', { params: { query: { limit: 20, starting_after: after, status } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: campaignKeys.one(id),
    queryFn: () => unwrap(api.GET('/v1/campaigns/{id}', { params: { path: { id } } })),
  });
}

/** The Stripe connections to choose from (the first 100: an account has few). */
export function useConnectionChoices() {
  return useQuery({
    queryKey: ['stripe', 'connections', 'choices'],
    queryFn: () => unwrap(api.GET('/v1/stripe/connections', { params: { query: { limit: 100 } } })),
  });
}

/** The Stripe account's coupons, newest first (the first 100), to pick the campaign coupon or a reward. */
export function useAccountCoupons(connectionId: string | null) {
  return useQuery({
    queryKey: ['stripe', 'connection', connectionId, 'coupons'],
    queryFn: () =>
      unwrap(
        api.GET('/v1/stripe/connections/{id}/coupons', {
          params: { path: { id: connectionId ?? '' }, query: { limit: 100 } },
        }),
      ),
    enabled: Boolean(connectionId),
  });
}

/** The campaign's coupon, or null while it has none (the API answers 404). */
export function useCampaignCoupon(id: string, enabled: boolean) {
  return useQuery({
    queryKey: campaignKeys.coupon(id),
    queryFn: async (): Promise<CampaignCoupon | null> => {
      try {
        return await unwrap(api.GET('/v1/campaigns/{id}/coupon', { params: { path: { id } } }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled,
  });
}

function useInvalidateCampaigns() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: campaignKeys.all });
}

export function useCreateCampaign() {
  const invalidate = useInvalidateCampaigns();
  return useMutation({
    mutationFn: (body: CreateCampaignBody) => unwrap(api.POST('/v1/campaigns', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateCampaign(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCampaignBody) =>
      unwrap(api.POST('/v1/campaigns/{id}', { params: { path: { id } }, body })),
    onSuccess: (campaign) => {
      client.setQueryData(campaignKeys.one(id), campaign);
      return client.invalidateQueries({ queryKey: campaignKeys.all });
    },
  });
}

export function useArchiveCampaign() {
  const invalidate = useInvalidateCampaigns();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/v1/campaigns/{id}/archive', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useSetCoupon(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SetCouponBody) =>
      unwrap(api.POST('/v1/campaigns/{id}/coupon', { params: { path: { id } }, body })),
    onSuccess: (coupon) => client.setQueryData(campaignKeys.coupon(id), coupon),
  });
}

/** Applies the campaign's Stripe settings to its earlier leads, or referrers (a background job). */
export function useSendToStripe(id: string) {
  return useMutation({
    mutationFn: (who: 'leads' | 'referrers') =>
      who === 'leads'
        ? unwrap(api.POST('/v1/campaigns/{id}/leads/send_to_stripe', { params: { path: { id } } }))
        : unwrap(api.POST('/v1/campaigns/{id}/referrers/send_to_stripe', { params: { path: { id } } })),
  });
}
