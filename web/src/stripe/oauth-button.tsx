import { Alert, Anchor, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { ApiError } from '../api';
import { type Connection, useConnectionApproved, useOAuthLink } from './queries';

/**
 * Connecting by Stripe Connect OAuth. Whether this Vouch offers it is the server's to say: asking for a link
 * answers one, or `oauth_not_configured` with what to set. Once the account's owner has approved it in
 * Stripe (in another tab), the connection it made is handed to `onConnected`.
 */
export function OAuthButton({ onConnected }: { onConnected: (connection: Connection) => void }) {
  const link = useOAuthLink();
  const approved = useConnectionApproved(link.data?.activeBefore);
  const notConfigured = link.error instanceof ApiError && link.error.code === 'oauth_not_configured';
  const made = approved.data;
  useEffect(() => {
    if (made) onConnected(made);
  }, [made, onConnected]);

  return (
    <Stack gap="xs">
      <Button variant="default" loading={link.isPending} onClick={() => link.mutate(undefined)}>
        Connect with Stripe (OAuth)
      </Button>
      {link.data ? (
        <Alert color="blue" title="Approve the connection in Stripe">
          <Text size="sm">
            Open{' '}
            <Anchor href={link.data.url} target="_blank" rel="noopener noreferrer">
              Stripe's approval page
            </Anchor>{' '}
            as the account's owner. Stripe sends you back to Vouch, and the connection opens here. The link
            works for 15 minutes.
          </Text>
          <Group gap="xs" mt="xs" role="status">
            <Loader size="xs" aria-hidden />
            <Text size="sm" c="dimmed">
              Waiting for the approval…
            </Text>
          </Group>
        </Alert>
      ) : null}
      {link.error ? (
        <Alert
          color={notConfigured ? 'gray' : 'red'}
          role="alert"
          title={notConfigured ? 'OAuth is not set up' : 'No link'}
        >
          {link.error.message}
        </Alert>
      ) : null}
    </Stack>
  );
}
