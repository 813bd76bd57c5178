import { Center, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The frame of the pages before signing in: set-up, sign-in, accepting an invitation. */
export function AuthCard({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder p="xl" maw={440} w="100%">
        <Title order={1} size="h3" mb="xs">
          {title}
        </Title>
        {description ? (
          <Text size="sm" c="dimmed" mb="md">
            {description}
          </Text>
        ) : null}
        {children}
      </Paper>
    </Center>
  );
}
