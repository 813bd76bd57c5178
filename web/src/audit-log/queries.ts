import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Item, unwrap } from '../api';

export type AuditEntry = Item<'/v1/audit_log'>;
export type AuditFilters = { objectType: string | undefined; actorId: string | undefined };

export function useAuditLog(after: string | undefined, filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit-log', { after, ...filters }],
    queryFn: () =>
      unwrap(
        api.GET('/v1/audit_log', {
          params: {
            query: {
              limit: 20,
              starting_after: after,
              object_type: filters.objectType,
              actor_id: filters.actorId,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Who may appear as an actor: the teammates and the API keys (the first hundred of each). */
export function useActors() {
  return useQuery({
    queryKey: ['audit-log-actors'],
    queryFn: async () => {
      const [users, keys] = await Promise.all([
        unwrap(api.GET('/v1/users', { params: { query: { limit: 100 } } })),
        unwrap(api.GET('/v1/api_keys', { params: { query: { limit: 100, include_revoked: 'true' } } })),
      ]);
      return [
        ...users.data.map((u) => ({ value: u.id, label: u.email })),
        ...keys.data.map((k) => ({ value: k.id, label: `API key: ${k.name}` })),
        { value: 'cli', label: 'The command line' },
      ];
    },
    staleTime: 60_000,
  });
}
