import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Item, type RequestBody, unwrap } from '../api';

export type ApiKey = Item<'/v1/api_keys'>;
export type CreateKeyBody = RequestBody<'/v1/api_keys', 'post'>;

export function useApiKeys(after: string | undefined, includeRevoked: boolean) {
  return useQuery({
    queryKey: ['api-keys', { after, includeRevoked }],
    queryFn: () =>
      unwrap(
        api.GET('/v1/api_keys', {
          params: {
            query: { limit: 20, starting_after: after, include_revoked: includeRevoked ? 'true' : 'false' },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateKeyBody) => unwrap(api.POST('/v1/api_keys', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['api-keys'] }),
  });
}

export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/v1/api_keys/{id}/revoke', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['api-keys'] }),
  });
}
