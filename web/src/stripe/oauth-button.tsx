import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { ApiError } from '../api';
import { useOAuthLink } from './queries';

/**
 * Connecting by Stripe Connect OAuth. Whether this Vouch offers it is the server's to say: asking for a link
 * answers one, or `oauth_not_configured` with what to set.
 */
export function OAuthButton() {
  const link = useOAuthLink();
  const notConfigured = link.error instanceof ApiError && link.error.code === 'oauth_not_configured';
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
            as the account's owner. Stripe sends you back to Vouch, and the connection appears here. The link
            works for 15 minutes.
          </Text>
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
