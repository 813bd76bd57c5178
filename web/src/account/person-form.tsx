import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../ui/form-alert';
import { useFormErrors } from '../ui/form-errors';

const FIELDS = ['email', 'name', 'password', 'token'] as const;

export type Person = { email: string; name: string; password: string };

/**
 * A new teammate's details, for set-up (email, name, password) and for an invitation (name and password, the
 * email being the invitation's). The password rules are the server's; its refusal shows under the field.
 */
export function PersonForm({
  email: fixedEmail,
  submitLabel,
  busy,
  onSubmit,
}: {
  /** The email, when it is not the person's to choose. */
  email?: string;
  submitLabel: string;
  busy: boolean;
  onSubmit: (person: Person) => Promise<void>;
}) {
  const [email, setEmail] = useState(fixedEmail ?? '');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFormErrors(FIELDS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    try {
      await onSubmit({ email, name, password });
    } catch (error) {
      errors.set(error);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel}>
      <Stack>
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.field('email')}
          readOnly={fixedEmail !== undefined}
          required
        />
        <TextInput
          label="Name"
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.field('name')}
          required
          maxLength={100}
        />
        <PasswordInput
          label="Password"
          description="At least 10 characters; a few words make a good one."
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.field('password')}
          required
        />
        <FormAlert message={errors.field('token') ?? errors.general} title="Not done" />
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
