import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ROLE_OPTIONS, type Role } from '../account/session';
import { FormAlert } from '../ui/form-alert';
import { useFormErrors } from '../ui/form-errors';
import { useCreateInvite } from './queries';

const FIELDS = ['email', 'role'] as const;

/** An invitation by email and role; its one-time link is handed to `onCreated`, the only time it is shown. */
export function InviteForm({ onCreated }: { onCreated: (url: string) => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const errors = useFormErrors(FIELDS);
  const create = useCreateInvite();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    try {
      onCreated((await create.mutateAsync({ email, role })).url);
    } catch (error) {
      errors.set(error);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Email"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.field('email')}
          required
          data-autofocus
        />
        <Select
          label="Role"
          data={ROLE_OPTIONS}
          value={role}
          onChange={(value) => value && setRole(value as Role)}
          error={errors.field('role')}
          allowDeselect={false}
          comboboxProps={{ withinPortal: false }}
        />
        <FormAlert message={errors.general} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Create invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
