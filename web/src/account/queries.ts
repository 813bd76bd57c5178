import { useMutation, useQuery } from '@tanstack/react-query';
import { api, type RequestBody, unwrap } from '../api';

export type SignInBody = RequestBody<'/v1/sessions', 'post'>;
export type SetupBody = RequestBody<'/v1/setup', 'post'>;
export type AcceptBody = RequestBody<'/v1/invites/accept', 'post'>;

/** Whether Vouch still needs its first owner. */
export function useSetupNeeded() {
  return useQuery({
    queryKey: ['setup'],
    queryFn: () => unwrap(api.GET('/v1/setup')),
    staleTime: 0,
  });
}

export function useSignIn() {
  return useMutation({ mutationFn: (body: SignInBody) => unwrap(api.POST('/v1/sessions', { body })) });
}

export function useSetup() {
  return useMutation({ mutationFn: (body: SetupBody) => unwrap(api.POST('/v1/setup', { body })) });
}

export function useInviteLookup(token: string) {
  return useQuery({
    queryKey: ['invite-lookup', token],
    queryFn: () => unwrap(api.GET('/v1/invites/lookup', { params: { query: { token } } })),
    enabled: token !== '',
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useAcceptInvite() {
  return useMutation({
    mutationFn: (body: AcceptBody) => unwrap(api.POST('/v1/invites/accept', { body })),
  });
}

export function useSignOut() {
  return useMutation({ mutationFn: () => unwrap(api.DELETE('/v1/session')) });
}

export function useSignOutEverywhere() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/v1/session/sign_out_everywhere')) });
}
