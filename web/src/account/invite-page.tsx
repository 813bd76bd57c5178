import { Badge, Center, Group, Loader, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
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
    return (
      <AuthCard title="Accept an invitation">
        <ErrorView error={invite.error} onRetry={() => void invite.refetch()} />
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
