import { Anchor, Center, Loader, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { ErrorView } from '../ui/error-view';
import { AuthCard } from './auth-card';
import { PersonForm } from './person-form';
import { useSetup, useSetupNeeded } from './queries';
import { useSignedIn } from './signed-in';

/**
 * The first owner's set-up. It works once, from the server itself or with the token of the link Vouch prints
 * at start-up (`?token=`), which is sent along.
 */
export function SetupPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? undefined;
  const needed = useSetupNeeded();
  const setup = useSetup();
  const signedIn = useSignedIn();

  if (needed.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading" role="status" />
      </Center>
    );
  }
  if (needed.isError) {
    return (
      <AuthCard title="Set up Vouch">
        <ErrorView error={needed.error} onRetry={() => void needed.refetch()} />
      </AuthCard>
    );
  }
  if (!needed.data.needed) {
    return (
      <AuthCard title="Vouch is set up">
        <Text size="sm">
          This Vouch already has an owner.{' '}
          <Anchor component={Link} to="/sign-in">
            Sign in
          </Anchor>
          , or ask an owner for an invitation.
        </Text>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Set up Vouch"
      description="Create the first owner: the teammate who invites the others and decides what each may do."
    >
      <PersonForm
        submitLabel="Create owner"
        busy={setup.isPending}
        onSubmit={async (person) =>
          signedIn(await setup.mutateAsync({ ...person, ...(token ? { token } : {}) }))
        }
      />
    </AuthCard>
  );
}
