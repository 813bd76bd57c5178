import { Badge, Paper, Title } from '@mantine/core';
import { ConfirmButton } from '../ui/confirm-button';
import { useCursor } from '../ui/cursor';
import { type Column, CursorTable } from '../ui/cursor-table';
import { DateTime } from '../ui/date-time';
import { QueryState } from '../ui/query-state';
import { type Invite, useInvites, useRevokeInvite } from './queries';

function RevokeButton({ invite }: { invite: Invite }) {
  const revoke = useRevokeInvite();
  return (
    <ConfirmButton
      size="xs"
      label="Withdraw"
      aria-label={`Withdraw the invitation of ${invite.email}`}
      title={`Withdraw the invitation of ${invite.email}?`}
      message="Its link stops working. A new invitation can be made at any time."
      confirmLabel="Withdraw"
      onConfirm={() => revoke.mutateAsync(invite.id)}
    />
  );
}

const columns: Column<Invite>[] = [
  { header: 'Email', cell: (i) => i.email },
  { header: 'Role', cell: (i) => <Badge variant="light">{i.role}</Badge> },
  { header: 'Invited', cell: (i) => <DateTime value={i.created_at} /> },
  { header: 'Expires', cell: (i) => <DateTime value={i.expires_at} /> },
  { header: 'Actions', cell: (i) => <RevokeButton invite={i} /> },
];

/** Invitations not yet accepted, withdrawn or expired (owners only). */
export function PendingInvites() {
  const cursor = useCursor('invites_after');
  const invites = useInvites(cursor.startingAfter, true);
  return (
    <Paper withBorder p="md" mt="lg" component="section" aria-labelledby="invites-heading">
      <Title order={2} size="h4" id="invites-heading" mb="sm">
        Pending invitations
      </Title>
      <QueryState query={invites} label="Loading invitations">
        {(page) => (
          <CursorTable
            caption="Pending invitations"
            columns={columns}
            rows={page.data}
            hasMore={page.has_more}
            cursor={cursor}
            empty="No open invitations."
          />
        )}
      </QueryState>
    </Paper>
  );
}
