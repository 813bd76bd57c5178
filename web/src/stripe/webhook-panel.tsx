import { Button, Code, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useSession } from '../account/session';
import { CopyableId } from '../ui/copyable-id';
import { FormAlert } from '../ui/form-alert';
import { useFormErrors } from '../ui/form-errors';
import { type Connection, useRepairWebhook, useSetWebhookSecret } from './queries';

const SECRET_FIELDS = ['secret'] as const;

function SecretForm({ id }: { id: string }) {
  const [secret, setSecret] = useState('');
  const errors = useFormErrors(SECRET_FIELDS);
  const save = useSetWebhookSecret(id);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    try {
      await save.mutateAsync(secret.trim());
      setSecret('');
      notifications.show({ color: 'green', message: 'The signing secret is saved.' });
    } catch (error) {
      errors.set(error);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <TextInput
          label="Webhook signing secret"
          description="whsec_... from the endpoint's page in Stripe. After a rotation the previous secret stays valid."
          value={secret}
          onChange={(e) => setSecret(e.currentTarget.value)}
          error={errors.field('secret')}
          autoComplete="off"
        />
        <FormAlert message={errors.general} />
        <Group>
          <Button type="submit" size="xs" loading={save.isPending}>
            Save the secret
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Where Stripe sends events for this account, and fixing it. */
export function WebhookPanel({ connection }: { connection: Connection }) {
  const repair = useRepairWebhook(connection.id);
  const { webhook } = connection;
  // Fixing the webhook is for admins, on an active connection.
  const { can } = useSession();
  const active = connection.status === 'active' && can('admin');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="webhook-heading">
      <Title order={2} size="h4" id="webhook-heading" mb="xs">
        Webhook
      </Title>
      <Stack gap="xs">
        <Text size="sm">
          Set-up: <strong>{webhook.setup}</strong>; events arrive by{' '}
          <strong>{connection.event_delivery}</strong>.
        </Text>
        <Group gap="xs">
          <Text size="sm">Endpoint URL:</Text>
          <CopyableId value={webhook.url} label="the endpoint URL" />
        </Group>
        {webhook.error ? (
          <Text size="sm" c="orange">
            Stripe said: {webhook.error}
          </Text>
        ) : null}
        {webhook.setup === 'manual' ? (
          <>
            <Text size="sm">In Stripe, add an endpoint with this URL sending these events:</Text>
            <List size="sm">
              {webhook.events.map((type) => (
                <List.Item key={type}>
                  <Code>{type}</Code>
                </List.Item>
              ))}
            </List>
            {active ? <SecretForm id={connection.id} /> : null}
          </>
        ) : null}
        {active ? (
          <Group>
            <Button
              size="xs"
              variant="default"
              loading={repair.isPending}
              onClick={() =>
                repair.mutate(undefined, {
                  onSuccess: () =>
                    notifications.show({ color: 'green', message: 'The webhook endpoint was made anew.' }),
                  onError: (error) =>
                    notifications.show({ color: 'red', title: 'Not made', message: error.message }),
                })
              }
            >
              Create the webhook endpoint again
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
