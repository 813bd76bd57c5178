import { Button, Group, Radio, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { FormAlert } from '../ui/form-alert';
import { useFormErrors } from '../ui/form-errors';
import { useCreateApiKey } from './queries';

const FIELDS = ['name', 'kind', 'role', 'campaign_ids'] as const;

type Role = 'admin' | 'editor' | 'viewer';

const ROLES: Array<{ value: Role; label: string }> = [
  { value: 'admin', label: 'Admin: everything but teammates' },
  { value: 'editor', label: 'Editor: campaigns, referrers, leads, codes, syncs, reward approval' },
  { value: 'viewer', label: 'Viewer: read only' },
];

/** A new API key; its secret is handed to `onCreated`, the only time the API shows it. */
export function CreateKeyForm({ onCreated }: { onCreated: (secret: string) => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'secret' | 'publishable'>('secret');
  const [role, setRole] = useState<Role>('admin');
  const [campaigns, setCampaigns] = useState<string[]>([]);
  const errors = useFormErrors(FIELDS);
  const create = useCreateApiKey();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    try {
      const key = await create.mutateAsync({
        name,
        kind,
        ...(kind === 'secret' ? { role } : {}),
        ...(kind === 'publishable' && campaigns.length ? { campaign_ids: campaigns } : {}),
      });
      onCreated(key.secret);
    } catch (error) {
      errors.set(error);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label="Name"
          description="What the key is for, such as the server or site that uses it."
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.field('name')}
          required
          maxLength={100}
          data-autofocus
        />
        <Radio.Group
          label="Kind"
          value={kind}
          onChange={(value) => setKind(value as 'secret' | 'publishable')}
          error={errors.field('kind')}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="secret" label="Secret (vch_sk_): for your servers; may call every endpoint" />
            <Radio
              value="publishable"
              label="Publishable (vch_pk_): for browsers; sign-ups and lookups only"
            />
          </Stack>
        </Radio.Group>
        {kind === 'secret' ? (
          <Select
            label="Role"
            description="What the key may do; at most your own role."
            data={ROLES}
            value={role}
            onChange={(value) => value && setRole(value as Role)}
            error={errors.field('role')}
            allowDeselect={false}
          />
        ) : null}
        {kind === 'publishable' ? (
          <TagsInput
            label="Limit to campaigns"
            description="Optional: campaign ids (cmp_...) this key may be used for. Empty: every campaign."
            value={campaigns}
            onChange={setCampaigns}
            error={errors.field('campaign_ids')}
            clearable
          />
        ) : null}
        <FormAlert message={errors.general} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Create key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
