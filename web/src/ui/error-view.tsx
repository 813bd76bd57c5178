import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../api';

function describe(error: unknown): { title: string; message: string; signIn: boolean; requestId?: string } {
  if (error instanceof ApiError) {
    if (error.status === 401) {
      return { title: 'You are not signed in', message: error.message, signIn: true };
    }
    if (error.status === 403) {
      return { title: 'Not allowed', message: error.message, signIn: false };
    }
    return {
      title: error.status === 0 ? 'Vouch could not be reached' : 'Something went wrong',
      message: error.message,
      signIn: false,
      ...(error.requestId ? { requestId: error.requestId } : {}),
    };
  }
  return {
    title: 'Something went wrong',
    message: error instanceof Error ? error.message : String(error),
    signIn: false,
  };
}

/** A failed request: what went wrong, in the API's words, and a way to try again. Never a blank page. */
export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { title, message, signIn, requestId } = describe(error);
  return (
    <Alert color="red" title={title} role="alert">
      <Text size="sm">{message}</Text>
      {requestId ? (
        <Text size="xs" c="dimmed" mt={4}>
          Request id: {requestId}
        </Text>
      ) : null}
      <Group mt="sm" gap="sm">
        {onRetry ? (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Retry
          </Button>
        ) : null}
        {signIn ? (
          <Anchor component={Link} to="/sign-in" size="sm">
            Sign in
          </Anchor>
        ) : null}
      </Group>
    </Alert>
  );
}
