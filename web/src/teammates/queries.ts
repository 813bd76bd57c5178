import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../account/session';
import { api, type Item, type RequestBody, unwrap } from '../api';

export type Teammate = Item<'/v1/users'>;
export type Invite = Item<'/v1/invites'>;
export type InviteBody = RequestBody<'/v1/invites', 'post'>;

export function useTeammates(after: string | undefined) {
  return useQuery({
    queryKey: ['teammates', { after }],
    queryFn: () => unwrap(api.GET('/v1/users', { params: { query: { limit: 20, starting_after: after } } })),
    placeholderData: keepPreviousData,
  });
}

export function useChangeRole() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) =>
      unwrap(api.PATCH('/v1/users/{id}', { params: { path: { id } }, body: { role } })),
    onSettled: () => client.invalidateQueries({ queryKey: ['teammates'] }),
  });
}

export function useRemoveTeammate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/v1/users/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['teammates'] }),
  });
}

export function useInvites(after: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['invites', { after }],
    queryFn: () =>
      unwrap(api.GET('/v1/invites', { params: { query: { limit: 20, starting_after: after } } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteBody) => unwrap(api.POST('/v1/invites', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['invites'] }),
  });
}

export function useRevokeInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/v1/invites/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['invites'] }),
  });
}
