import { Alert, Anchor, Badge, Center, Group, Loader, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../api';
import { DateTime } from '../ui/date-time';
import { ErrorView } from '../ui/error-view';
import { AuthCard } from './auth-card';
import { PersonForm } from './person-form';
import { useAcceptInvite, useInviteLookup } from './queries';
import { useSignedIn } from './signed-in';

/** Accepting an invitation from its link (`?token=`): what it is for, then a name and a password. */
export function InvitePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const invite = useInviteLookup(token);
  const accept = useAcceptInvite();
  const signedIn = useSignedIn();

  if (!token) {
    return (
      <AuthCard title="Accept an invitation">
        <Text size="sm">This link has no invitation in it. Open the link you were sent, whole.</Text>
      </AuthCard>
    );
  }
  if (invite.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading the invitation" role="status" />
      </Center>
    );
  }
  if (invite.isError) {
    const error = invite.error;
    // Not valid, accepted already, withdrawn or expired: trying again cannot help, the server says what can.
    const closed = error instanceof ApiError && [404, 409, 410].includes(error.status);
    return (
      <AuthCard title="Accept an invitation">
        {closed ? (
          <Alert color="red" role="alert" title="This invitation link does not work">
            <Text size="sm">{error.message}</Text>
            <Anchor component={Link} to="/sign-in" size="sm">
              Sign in
            </Anchor>
          </Alert>
        ) : (
          <ErrorView error={error} onRetry={() => void invite.refetch()} />
        )}
      </AuthCard>
    );
  }
  const { email, role, expires_at } = invite.data;
  return (
    <AuthCard
      title="Join this Vouch"
      description={
        <>
          The link works once, until <DateTime value={expires_at} />.
        </>
      }
    >
      <Group gap="xs" mb="md" aria-label="The invitation">
        <Text size="sm">
          Invited: <strong>{email}</strong> as
        </Text>
        <Badge variant="light">{role}</Badge>
      </Group>
      <PersonForm
        email={email}
        submitLabel="Accept invitation"
        busy={accept.isPending}
        onSubmit={async ({ name, password }) => signedIn(await accept.mutateAsync({ token, name, password }))}
      />
    </AuthCard>
  );
}
