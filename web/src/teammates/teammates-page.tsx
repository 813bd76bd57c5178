import { Alert, Badge, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { ROLE_OPTIONS, type Role, useSession } from '../account/session';
import { ConfirmButton } from '../ui/confirm-button';
import { CopyableId } from '../ui/copyable-id';
import { useCursor } from '../ui/cursor';
import { type Column, CursorTable } from '../ui/cursor-table';
import { DateTime } from '../ui/date-time';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { InviteForm } from './invite-form';
import { PendingInvites } from './invites';
import { type Teammate, useChangeRole, useRemoveTeammate, useTeammates } from './queries';

const SHORT_ROLES = ROLE_OPTIONS.map(({ value }) => ({ value, label: value }));

function RoleCell({ teammate, onError }: { teammate: Teammate; onError: (message: string | null) => void }) {
  const change = useChangeRole();
  return (
    <Select
      aria-label={`Role of ${teammate.email}`}
      data={SHORT_ROLES}
      value={teammate.role}
      allowDeselect={false}
      disabled={change.isPending}
      size="xs"
      w={120}
      onChange={(role) => {
        if (!role || role === teammate.role) return;
        onError(null);
        // The server refuses to demote the last owner (last_owner); its message is shown above the table.
        change.mutate(
          { id: teammate.id, role: role as Role },
          { onError: (error) => onError(error.message) },
        );
      }}
    />
  );
}

function RemoveButton({ teammate }: { teammate: Teammate }) {
  const remove = useRemoveTeammate();
  return (
    <ConfirmButton
      size="xs"
      label="Remove"
      aria-label={`Remove ${teammate.email}`}
      title={`Remove ${teammate.email}?`}
      message="Their sessions end at once and they can no longer sign in. What they did stays in the audit log."
      confirmLabel="Remove teammate"
      onConfirm={() => remove.mutateAsync(teammate.id)}
    />
  );
}

function columnsFor(owner: boolean, onError: (message: string | null) => void): Column<Teammate>[] {
  return [
    { header: 'Name', cell: (u) => u.name },
    { header: 'Email', cell: (u) => u.email },
    {
      header: 'Role',
      cell: (u) =>
        owner ? <RoleCell teammate={u} onError={onError} /> : <Badge variant="light">{u.role}</Badge>,
    },
    { header: 'Last sign-in', cell: (u) => <DateTime value={u.last_sign_in_at} empty="Never" /> },
    { header: 'Joined', cell: (u) => <DateTime value={u.created_at} /> },
    ...(owner ? [{ header: 'Actions', cell: (u: Teammate) => <RemoveButton teammate={u} /> }] : []),
  ];
}

/** Settings › Teammates: who may sign in and with what role; owners change roles, remove and invite. */
export function TeammatesPage() {
  const { can } = useSession();
  const owner = can('owner');
  const cursor = useCursor();
  const teammates = useTeammates(cursor.startingAfter);
  const [inviting, { open, close }] = useDisclosure(false);
  const [link, setLink] = useState<string | null>(null);
  const [roleError, setRoleError] = useState<string | null>(null);

  return (
    <>
      <PageHeader
        title="Teammates"
        description="The people who may sign in to this dashboard. Viewers read; editors also run campaigns; admins also manage API keys, Stripe, webhooks and read the audit log; owners also manage teammates."
        actions={owner ? <Button onClick={open}>Invite a teammate</Button> : null}
      />
      {roleError ? (
        <Alert
          color="red"
          role="alert"
          title="Role not changed"
          mb="sm"
          withCloseButton
          onClose={() => setRoleError(null)}
        >
          {roleError}
        </Alert>
      ) : null}
      <QueryState query={teammates} label="Loading teammates">
        {(page) => (
          <CursorTable
            caption="Teammates"
            columns={columnsFor(owner, setRoleError)}
            rows={page.data}
            hasMore={page.has_more}
            cursor={cursor}
            empty="No teammates yet."
          />
        )}
      </QueryState>
      {owner ? <PendingInvites /> : null}
      <Modal opened={inviting} onClose={close} title="Invite a teammate" size="lg">
        <InviteForm
          onCreated={(url) => {
            close();
            setLink(url);
          }}
        />
      </Modal>
      <Modal
        opened={link !== null}
        onClose={() => setLink(null)}
        title="The invitation link"
        size="lg"
        closeOnClickOutside={false}
      >
        <Stack>
          <Text size="sm">
            Send this link to the person invited. It works once, for 7 days, and will not be shown again.
          </Text>
          {link ? <CopyableId value={link} label="the invitation link" /> : null}
          <Group justify="flex-end">
            <Button onClick={() => setLink(null)}>Done</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
