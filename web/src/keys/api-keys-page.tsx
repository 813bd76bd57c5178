import { Badge, Button, Group, Modal, Switch, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../account/session';
import { ConfirmButton } from '../ui/confirm-button';
import { useCursor } from '../ui/cursor';
import { type Column, CursorTable } from '../ui/cursor-table';
import { DateTime } from '../ui/date-time';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { SecretOnceModal } from '../ui/secret-once-modal';
import { CreateKeyForm } from './create-key-form';
import { type ApiKey, useApiKeys, useRevokeApiKey } from './queries';

function RevokeButton({ apiKey }: { apiKey: ApiKey }) {
  const revoke = useRevokeApiKey();
  const { can } = useSession();
  if (apiKey.revoked_at || !can('admin')) return null;
  return (
    <ConfirmButton
      size="xs"
      label="Revoke"
      aria-label={`Revoke ${apiKey.name}`}
      title={`Revoke "${apiKey.name}"?`}
      message="Requests with this key fail from now on, wherever it is used. This cannot be undone: a new key must be made and put in its place."
      confirmLabel="Revoke key"
      onConfirm={() => revoke.mutateAsync(apiKey.id)}
    />
  );
}

const columns: Column<ApiKey>[] = [
  { header: 'Name', cell: (k) => k.name },
  {
    header: 'Kind',
    cell: (k) => (
      <Badge variant="light" color={k.kind === 'secret' ? 'violet' : 'cyan'}>
        {k.kind}
      </Badge>
    ),
  },
  { header: 'Role', cell: (k) => (k.kind === 'secret' ? k.role : '') },
  {
    header: 'Key',
    cell: (k) => (
      <Text size="sm" ff="monospace" aria-label={`ending ${k.last_four}`}>
        {k.kind === 'secret' ? 'vch_sk_' : 'vch_pk_'}…{k.last_four}
      </Text>
    ),
  },
  { header: 'Created', cell: (k) => <DateTime value={k.created_at} /> },
  { header: 'Last used', cell: (k) => <DateTime value={k.last_used_at} empty="Never" /> },
  { header: 'Revoked', cell: (k) => <DateTime value={k.revoked_at} empty="No" /> },
  { header: 'Actions', cell: (k) => <RevokeButton apiKey={k} /> },
];

/** Settings › API keys: list, create (the secret shown once), revoke. */
export function ApiKeysPage() {
  const cursor = useCursor();
  const [params, setParams] = useSearchParams();
  const includeRevoked = params.get('revoked') === 'true';
  const keys = useApiKeys(cursor.startingAfter, includeRevoked);
  const [creating, { open, close }] = useDisclosure(false);
  const [secret, setSecret] = useState<string | null>(null);
  // Creating and revoking keys is for admins; the others see the list only.
  const { can } = useSession();

  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys for your servers (secret) and for browsers (publishable). Vouch keeps only a digest of each key: a key is shown once, when it is made."
        actions={can('admin') ? <Button onClick={open}>Create API key</Button> : null}
      />
      <Group mb="sm">
        <Switch
          label="Show revoked keys"
          checked={includeRevoked}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            setParams((current) => {
              const next = new URLSearchParams(current);
              next.delete('after');
              if (checked) next.set('revoked', 'true');
              else next.delete('revoked');
              return next;
            });
          }}
        />
      </Group>
      <QueryState query={keys} label="Loading API keys">
        {(page) => (
          <CursorTable
            caption="API keys"
            columns={columns}
            rows={page.data}
            hasMore={page.has_more}
            cursor={cursor}
            empty="No API keys yet."
          />
        )}
      </QueryState>
      <Modal opened={creating} onClose={close} title="Create an API key" size="lg">
        <CreateKeyForm
          onCreated={(value) => {
            close();
            setSecret(value);
          }}
        />
      </Modal>
      <SecretOnceModal
        title="Your new API key"
        secret={secret}
        description="Use it as: Authorization: Bearer <key>."
        onClose={() => setSecret(null)}
      />
    </>
  );
}
