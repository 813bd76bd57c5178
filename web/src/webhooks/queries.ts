import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Item, type RequestBody, type Success, unwrap } from '../api';

export type Endpoint = Success<'/v1/webhook_endpoints/{id}', 'get'>;
export type CreateEndpointBody = RequestBody<'/v1/webhook_endpoints', 'post'>;
export type UpdateEndpointBody = RequestBody<'/v1/webhook_endpoints/{id}', 'post'>;
export type EventType = CreateEndpointBody['event_types'][number];
export type DeliveryStatus = Item<'/v1/webhook_endpoints/{id}/deliveries'>['status'];

const fetchDeliveries = (id: string, after: string | undefined, status: DeliveryStatus | undefined) =>
  unwrap(
    api.GET('/v1/webhook_endpoints/{id}/deliveries', {
      params: { path: { id }, query: { limit: 20, starting_after: after, status } },
    }),
  );
/** As openapi-fetch reads it (its reading of the event body union differs from the raw generated type). */
export type Delivery = Awaited<ReturnType<typeof fetchDeliveries>>['data'][number];

const all = ['webhooks'] as const;

export function useEndpoints(after: string | undefined) {
  return useQuery({
    queryKey: ['webhooks', 'endpoints', { after }],
    queryFn: () =>
      unwrap(api.GET('/v1/webhook_endpoints', { params: { query: { limit: 20, starting_after: after } } })),
    placeholderData: keepPreviousData,
  });
}

export function useEndpoint(id: string) {
  return useQuery({
    queryKey: ['webhooks', 'endpoint', id],
    queryFn: () => unwrap(api.GET('/v1/webhook_endpoints/{id}', { params: { path: { id } } })),
  });
}

/** The delivery log, refreshed every 15 seconds while the page is visible (retries happen on their own). */
export function useDeliveries(id: string, after: string | undefined, status: DeliveryStatus | undefined) {
  return useQuery({
    queryKey: ['webhooks', 'endpoint', id, 'deliveries', { after, status }],
    queryFn: () => fetchDeliveries(id, after, status),
    refetchInterval: 15_000,
    placeholderData: keepPreviousData,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: all });
}

export function useCreateEndpoint() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateEndpointBody) => unwrap(api.POST('/v1/webhook_endpoints', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateEndpoint(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: UpdateEndpointBody) =>
      unwrap(api.POST('/v1/webhook_endpoints/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useDeleteEndpoint(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/v1/webhook_endpoints/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      client.removeQueries({ queryKey: ['webhooks', 'endpoint', id] });
      return client.invalidateQueries({ queryKey: ['webhooks', 'endpoints'] });
    },
  });
}

export function useRotateSecret(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (hours: number) =>
      unwrap(
        api.POST('/v1/webhook_endpoints/{id}/rotate_secret', {
          params: { path: { id } },
          body: { previous_secret_valid_hours: hours },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useTestPing(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/v1/webhook_endpoints/{id}/test', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useReplayDelivery() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      unwrap(api.POST('/v1/webhook_deliveries/{id}/replay', { params: { path: { id: deliveryId } } })),
    onSuccess: invalidate,
  });
}
