import { Button, Group, Stack, Switch, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../ui/form-alert';
import { useFormErrors } from '../ui/form-errors';
import type { NewReferrer } from './queries';

const FIELDS = ['email', 'first_name', 'last_name', 'referral_code', 'generate_referral_code'] as const;

/** A referrer added by hand: email and names, and a code chosen or generated (the campaign's default). */
export function AddReferrerForm({
  generateByDefault,
  onSubmit,
}: {
  generateByDefault: boolean;
  onSubmit: (body: NewReferrer) => Promise<unknown>;
}) {
  const [email, setEmail] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [code, setCode] = useState('');
  const [generate, setGenerate] = useState(generateByDefault);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(FIELDS);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    setBusy(true);
    try {
      await onSubmit({
        email,
        first_name: firstName,
        ...(lastName.trim() ? { last_name: lastName } : {}),
        ...(code.trim() ? { referral_code: code } : { generate_referral_code: generate }),
      });
    } catch (error) {
      errors.set(error);
    } finally {
      setBusy(false);
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
        <Group grow align="flex-start">
          <TextInput
            label="First name"
            value={firstName}
            onChange={(e) => setFirstName(e.currentTarget.value)}
            error={errors.field('first_name')}
            required
          />
          <TextInput
            label="Last name"
            value={lastName}
            onChange={(e) => setLastName(e.currentTarget.value)}
            error={errors.field('last_name')}
          />
        </Group>
        <TextInput
          label="Referral code"
          description="Optional: a code of your choosing (JANE-2024). Leave it empty to generate one from the first name, or to go without."
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={errors.field('referral_code')}
        />
        <Switch
          label="Generate referral code"
          checked={generate && !code.trim()}
          disabled={Boolean(code.trim())}
          onChange={(e) => setGenerate(e.currentTarget.checked)}
          error={errors.field('generate_referral_code')}
        />
        <FormAlert message={errors.general} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            Add referrer
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
