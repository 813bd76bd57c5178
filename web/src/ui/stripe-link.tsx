import { Anchor, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api';
import { CopyableId } from './copyable-id';

/** An object's page in Stripe's dashboard, in test or live mode: `customers/cus_123`. */
export function stripeDashboardUrl(mode: 'test' | 'live', path: string): string {
  return `https://dashboard.stripe.com/${mode === 'test' ? 'test/' : ''}${path}`;
}

/** The mode of a connection (shared with the settings pages' cache of the same connection). */
function useConnectionMode(connectionId: string) {
  return useQuery({
    queryKey: ['stripe', 'connection', connectionId],
    queryFn: () => unwrap(api.GET('/v1/stripe/connections/{id}', { params: { path: { id: connectionId } } })),
    staleTime: 60_000,
  });
}

/** A Stripe customer id, copyable, with a link to the customer in Stripe's dashboard for its account's mode. */
export function StripeCustomer({ id, connectionId }: { id: string; connectionId: string }) {
  const connection = useConnectionMode(connectionId);
  return (
    <Group gap={6} wrap="nowrap" component="span" display="inline-flex">
      <CopyableId value={id} />
      {connection.data ? (
        <Anchor
          href={stripeDashboardUrl(connection.data.mode, `customers/${id}`)}
          target="_blank"
          rel="noopener noreferrer"
          size="xs"
          aria-label={`Open ${id} in Stripe`}
        >
          in Stripe
        </Anchor>
      ) : null}
    </Group>
  );
}
