import { Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../ui/form-alert';
import { useFormErrors } from '../ui/form-errors';
import { keyMode, ModeBadge } from './mode-badge';
import { type Connection, useConnect } from './queries';

const FIELDS = ['api_key', 'name'] as const;

/** Connecting (or reconnecting) a Stripe account with a secret or restricted API key. */
export function ConnectForm({ onConnected }: { onConnected: (connection: Connection) => void }) {
  const [apiKey, setApiKey] = useState('');
  const [name, setName] = useState('');
  const errors = useFormErrors(FIELDS);
  const connect = useConnect();
  const mode = keyMode(apiKey);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    try {
      const connection = await connect.mutateAsync({
        api_key: apiKey.trim(),
        ...(name.trim() ? { name: name.trim() } : {}),
      });
      setApiKey('');
      onConnected(connection);
    } catch (error) {
      errors.set(error);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PasswordInput
          label="Stripe API key"
          description="A secret key (sk_test_... or sk_live_...) or a restricted key (rk_...). It is checked with Stripe, stored encrypted and never shown again."
          value={apiKey}
          onChange={(e) => setApiKey(e.currentTarget.value)}
          error={errors.field('api_key')}
          // Mantine marks only its wrapper invalid on a password input; assistive technology needs the input.
          aria-invalid={errors.field('api_key') ? true : undefined}
          required
          autoComplete="off"
          data-autofocus
        />
        {mode ? (
          <Group gap="xs">
            <Text size="sm">This key is for</Text>
            <ModeBadge mode={mode} />
          </Group>
        ) : null}
        <TextInput
          label="Name"
          description="Optional: how this account is called in Vouch. Stripe's account name is used otherwise."
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.field('name')}
          maxLength={100}
        />
        <FormAlert message={errors.general} />
        <Group justify="flex-end">
          <Button type="submit" loading={connect.isPending}>
            Connect
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
