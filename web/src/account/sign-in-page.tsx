import { Center, Paper, Text, Title } from '@mantine/core';

/** Signing in and the first owner's set-up; their forms come with the sessions. */
export function SignInPage({ setup = false }: { setup?: boolean }) {
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" maw={420} w="100%">
        <Title order={1} size="h3" mb="sm">
          {setup ? 'Set up Vouch' : 'Sign in to Vouch'}
        </Title>
        <Text size="sm" c="dimmed">
          {setup
            ? 'Creating the first owner of this Vouch will happen here, from the link Vouch prints when it starts.'
            : 'Signing in with your email and password will happen here.'}
        </Text>
      </Paper>
    </Center>
  );
}
