import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Item, type RequestBody, type Success, unwrap } from '../api';

export type Connection = Success<'/v1/stripe/connections/{id}', 'get'>;
export type Health = Success<'/v1/stripe/connections/{id}/health', 'get'>;
export type InboxEvent = Item<'/v1/stripe/connections/{id}/events'>;
export type InboxStatus = 'dead' | 'waiting' | 'processed' | 'all';
export type Campaign = Item<'/v1/campaigns'>;
export type ConnectBody = RequestBody<'/v1/stripe/connections', 'post'>;

const PAGE = 20;

export const stripeKeys = {
  all: ['stripe'] as const,
  connections: (after: string | undefined) => ['stripe', 'connections', { after }] as const,
  connection: (id: string) => ['stripe', 'connection', id] as const,
  health: (id: string) => ['stripe', 'connection', id, 'health'] as const,
  events: (id: string, status: InboxStatus, after: string | undefined) =>
    ['stripe', 'connection', id, 'events', { status, after }] as const,
  campaigns: (id: string) => ['stripe', 'connection', id, 'campaigns'] as const,
};

export function useConnections(after: string | undefined) {
  return useQuery({
    queryKey: stripeKeys.connections(after),
    queryFn: () =>
      unwrap(
        api.GET('/v1/stripe/connections', { params: { query: { limit: PAGE, starting_after: after } } }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useConnection(id: string) {
  return useQuery({
    queryKey: stripeKeys.connection(id),
    queryFn: () => unwrap(api.GET('/v1/stripe/connections/{id}', { params: { path: { id } } })),
  });
}

/** The health checks, live: every 30 seconds while the page is visible. */
export function useHealth(id: string, enabled: boolean) {
  return useQuery({
    queryKey: stripeKeys.health(id),
    queryFn: () => unwrap(api.GET('/v1/stripe/connections/{id}/health', { params: { path: { id } } })),
    refetchInterval: 30_000,
    enabled,
  });
}

/** The connection's inbox, newest first, live: every 30 seconds while the page is visible. */
export function useInboxEvents(id: string, status: InboxStatus, after: string | undefined) {
  return useQuery({
    queryKey: stripeKeys.events(id, status, after),
    queryFn: () =>
      unwrap(
        api.GET('/v1/stripe/connections/{id}/events', {
          params: { path: { id }, query: { status, limit: PAGE, starting_after: after } },
        }),
      ),
    refetchInterval: 30_000,
    placeholderData: keepPreviousData,
  });
}

/** The campaigns on this connection (the first page: a connection has few). */
export function useConnectionCampaigns(id: string) {
  return useQuery({
    queryKey: stripeKeys.campaigns(id),
    queryFn: () => unwrap(api.GET('/v1/campaigns', { params: { query: { connection_id: id, limit: 100 } } })),
  });
}

/** Every change to a connection can change the list, the connection, its health and its events. */
function useInvalidateStripe() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: stripeKeys.all });
}

export function useConnect() {
  const invalidate = useInvalidateStripe();
  return useMutation({
    mutationFn: (body: ConnectBody) => unwrap(api.POST('/v1/stripe/connections', { body })),
    onSuccess: invalidate,
  });
}

/** The connections active now (the first 100), so that the one an approval makes can be told apart. */
const activeConnectionIds = async () => {
  const page = await unwrap(api.GET('/v1/stripe/connections', { params: { query: { limit: 100 } } }));
  return page.data.filter((c) => c.status === 'active').map((c) => c.id);
};

/** An approval link of Stripe's, and the connections active when it was asked for. */
export function useOAuthLink() {
  return useMutation({
    mutationFn: async (name: string | undefined) => {
      const activeBefore = await activeConnectionIds();
      const link = await unwrap(api.POST('/v1/stripe/oauth/authorize', { body: name ? { name } : {} }));
      return { ...link, activeBefore };
    },
  });
}

/**
 * While an approval link is out: the connection it made (new, or reconnected: active now and not before) once
 * Stripe has sent the account's owner back to Vouch, or null. Asks every 2 seconds while the page is visible.
 */
export function useConnectionApproved(activeBefore: string[] | undefined) {
  const client = useQueryClient();
  return useQuery({
    // Outside stripeKeys.all, so that invalidating those does not ask again.
    queryKey: ['stripe-oauth-approval', activeBefore],
    queryFn: async () => {
      const page = await unwrap(api.GET('/v1/stripe/connections', { params: { query: { limit: 100 } } }));
      const made = page.data.find((c) => c.status === 'active' && !activeBefore?.includes(c.id)) ?? null;
      if (made) await client.invalidateQueries({ queryKey: stripeKeys.all });
      return made;
    },
    enabled: activeBefore !== undefined,
    refetchInterval: (query) => (query.state.data ? false : 2_000),
  });
}

export function useDisconnect(id: string) {
  const invalidate = useInvalidateStripe();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/v1/stripe/connections/{id}/disconnect', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useReconcile(id: string) {
  return useMutation({
    mutationFn: () => unwrap(api.POST('/v1/stripe/connections/{id}/reconcile', { params: { path: { id } } })),
  });
}

export function useRepairWebhook(id: string) {
  const invalidate = useInvalidateStripe();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/v1/stripe/connections/{id}/webhook', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useSetWebhookSecret(id: string) {
  const invalidate = useInvalidateStripe();
  return useMutation({
    mutationFn: (secret: string) =>
      unwrap(
        api.POST('/v1/stripe/connections/{id}/webhook_secret', {
          params: { path: { id } },
          body: { secret },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useReplayEvent(id: string) {
  const invalidate = useInvalidateStripe();
  return useMutation({
    mutationFn: (eventId: string) =>
      unwrap(
        api.POST('/v1/stripe/connections/{id}/events/{event_id}/replay', {
          params: { path: { id, event_id: eventId } },
        }),
      ),
    onSuccess: invalidate,
  });
}
