import { Anchor, Button, Divider, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useCallback } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../account/session';
import { CopyableId } from '../ui/copyable-id';
import { useCursor } from '../ui/cursor';
import { type Column, CursorTable } from '../ui/cursor-table';
import { DateTime } from '../ui/date-time';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { StatusBadge } from '../ui/status-badge';
import { ConnectForm } from './connect-form';
import { ModeBadge } from './mode-badge';
import { OAuthButton } from './oauth-button';
import { type Connection, useConnections } from './queries';

const columns: Column<Connection>[] = [
  {
    header: 'Name',
    cell: (c) => (
      <Anchor component={Link} to={`/settings/stripe/${c.id}`}>
        {c.name}
      </Anchor>
    ),
  },
  { header: 'Mode', cell: (c) => <ModeBadge mode={c.mode} /> },
  { header: 'Account', cell: (c) => <CopyableId value={c.stripe_account_id} /> },
  { header: 'Currency', cell: (c) => c.default_currency.toUpperCase() },
  {
    header: 'Status',
    cell: (c) => <StatusBadge status={c.status} colors={{ active: 'green', disconnected: 'gray' }} />,
  },
  { header: 'Last event', cell: (c) => <DateTime value={c.last_event_at} empty="None yet" /> },
];

/** Settings › Stripe: the connected accounts, and connecting another. */
export function ConnectionsPage() {
  const cursor = useCursor();
  const connections = useConnections(cursor.startingAfter);
  const [opened, { open, close }] = useDisclosure(false);
  const navigate = useNavigate();
  // Connecting an account is for admins.
  const { can } = useSession();
  const connected = useCallback(
    (connection: Connection) => {
      close();
      navigate(`/settings/stripe/${connection.id}`);
    },
    [close, navigate],
  );

  return (
    <>
      <PageHeader
        title="Stripe"
        description="The Stripe accounts Vouch reads payments from and gives rewards through. Each campaign uses one."
        actions={can('admin') ? <Button onClick={open}>Connect an account</Button> : null}
      />
      <QueryState query={connections} label="Loading Stripe connections">
        {(page) => (
          <CursorTable
            caption="Stripe connections"
            columns={columns}
            rows={page.data}
            hasMore={page.has_more}
            cursor={cursor}
            empty={
              can('admin')
                ? 'No Stripe account is connected yet. Connect one to start.'
                : 'No Stripe account is connected yet. An admin can connect one.'
            }
          />
        )}
      </QueryState>
      <Modal opened={opened} onClose={close} title="Connect a Stripe account" size="lg">
        <Stack>
          <ConnectForm onConnected={connected} />
          <Divider label="or" labelPosition="center" />
          <Text size="sm" c="dimmed">
            Let the account's owner approve Vouch in Stripe, without handing over a key.
          </Text>
          <OAuthButton onConnected={connected} />
        </Stack>
      </Modal>
    </>
  );
}
