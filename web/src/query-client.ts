import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { reportError } from './account/unauthorized';
import { ApiError } from './api';

/** Server state for the whole dashboard: a refusal (4xx) is not retried, a failure to reach Vouch is, twice. */
export const queryClient = new QueryClient({
  // A 401 anywhere means the session is over: the signed-in pages send the teammate to sign in.
  queryCache: new QueryCache({ onError: reportError }),
  mutationCache: new MutationCache({ onError: reportError }),
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      retry: (failures, error) =>
        failures < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
      // Polling (refetchInterval) pauses while the page is hidden.
      refetchIntervalInBackground: false,
      refetchOnWindowFocus: true,
    },
    mutations: { retry: false },
  },
});
