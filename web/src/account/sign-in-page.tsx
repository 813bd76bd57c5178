import { Button, Center, Loader, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { FormAlert } from '../ui/form-alert';
import { useFormErrors } from '../ui/form-errors';
import { AuthCard } from './auth-card';
import { useSetupNeeded, useSignIn } from './queries';
import { useSignedIn } from './signed-in';

const FIELDS = ['email', 'password'] as const;

/** Sign in with email and password; a Vouch without an owner yet sends to its set-up instead. */
export function SignInPage() {
  const setup = useSetupNeeded();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFormErrors(FIELDS);
  const signIn = useSignIn();
  const signedIn = useSignedIn();

  if (setup.data?.needed) return <Navigate to={`/setup?${params}`} replace />;
  if (setup.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading" role="status" />
      </Center>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    try {
      signedIn(await signIn.mutateAsync({ email, password }));
    } catch (error) {
      errors.set(error);
    }
  };

  return (
    <AuthCard title="Sign in to Vouch">
      <form onSubmit={submit} noValidate aria-label="Sign in">
        <Stack>
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.field('email')}
            required
            data-autofocus
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.field('password')}
            required
          />
          <FormAlert message={errors.general} title="Not signed in" />
          <Button type="submit" loading={signIn.isPending}>
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
