import {
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../account/session';
import { ConfirmButton } from '../ui/confirm-button';
import { CopyableId } from '../ui/copyable-id';
import { DateTime } from '../ui/date-time';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { StatusBadge } from '../ui/status-badge';
import { ConnectForm } from './connect-form';
import { ConnectionCampaigns } from './connection-campaigns';
import { HealthPanel } from './health-list';
import { InboxEvents } from './inbox-events';
import { ModeBadge } from './mode-badge';
import { type Connection, useConnection, useDisconnect, useReconcile } from './queries';
import { WebhookPanel } from './webhook-panel';

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function Details({ connection }: { connection: Connection }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="details-heading">
      <Title order={2} size="h4" id="details-heading" mb="sm">
        Details
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
        <Detail label="Connection">
          <CopyableId value={connection.id} />
        </Detail>
        <Detail label="Stripe account">
          <CopyableId value={connection.stripe_account_id} />
        </Detail>
        <Detail label="Mode">
          <ModeBadge mode={connection.mode} />
        </Detail>
        <Detail label="Default currency">{connection.default_currency.toUpperCase()}</Detail>
        <Detail label="Connected with">
          {connection.method === 'oauth'
            ? 'Stripe Connect (OAuth)'
            : `API key ending ${connection.key_last4}`}
        </Detail>
        <Detail label="Last event">
          <DateTime value={connection.last_event_at} empty="None yet" />
        </Detail>
        <Detail label="Connected">
          <DateTime value={connection.created_at} />
        </Detail>
        {connection.disconnected_at ? (
          <Detail label="Disconnected">
            <DateTime value={connection.disconnected_at} />
          </Detail>
        ) : null}
      </SimpleGrid>
    </Paper>
  );
}

/** Reconnecting, reconciling and disconnecting are for admins; the others see the connection only. */
function Actions({ connection }: { connection: Connection }) {
  if (!useSession().can('admin')) return null;
  return <AdminActions connection={connection} />;
}

function AdminActions({ connection }: { connection: Connection }) {
  const reconcile = useReconcile(connection.id);
  const disconnect = useDisconnect(connection.id);
  const [reconnecting, { open, close }] = useDisclosure(false);
  if (connection.status === 'disconnected') {
    return (
      <>
        <Button onClick={open}>Reconnect</Button>
        <Modal opened={reconnecting} onClose={close} title="Reconnect this Stripe account" size="lg">
          <Stack>
            <Text size="sm">
              Connect the same Stripe account ({connection.stripe_account_id}) with a current API key: this
              connection comes back with the same id, and its campaigns with it.
            </Text>
            <ConnectForm onConnected={close} />
          </Stack>
        </Modal>
      </>
    );
  }
  return (
    <>
      <Button
        variant="default"
        loading={reconcile.isPending}
        onClick={() =>
          reconcile.mutate(undefined, {
            onSuccess: () =>
              notifications.show({
                color: 'green',
                message:
                  'Reconciliation started: events Stripe sent while Vouch was not listening are fetched in the background.',
              }),
            onError: (error) =>
              notifications.show({ color: 'red', title: 'Not started', message: error.message }),
          })
        }
      >
        Reconcile events
      </Button>
      <ConfirmButton
        label="Disconnect"
        title="Disconnect this Stripe account?"
        message="Vouch removes its webhook endpoint in Stripe and stops reading from and writing to this account. Everything already in Vouch (referrers, leads, payments, rewards) is kept, and reconnecting the same account brings this connection back."
        confirmLabel="Disconnect"
        onConfirm={() => disconnect.mutateAsync()}
      />
    </>
  );
}

/** Settings › Stripe › one connection: details, health, webhook, failed events. */
export function ConnectionPage() {
  const { id = '' } = useParams();
  const connection = useConnection(id);
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to="/settings/stripe" size="sm">
          Stripe
        </Anchor>
        <Text size="sm">{connection.data?.name ?? id}</Text>
      </Breadcrumbs>
      <QueryState query={connection} label="Loading the connection">
        {(c) => (
          <>
            <PageHeader
              title={
                <Group gap="sm" component="span">
                  {c.name}
                  <ModeBadge mode={c.mode} />
                  <StatusBadge status={c.status} colors={{ active: 'green', disconnected: 'gray' }} />
                </Group>
              }
              actions={<Actions connection={c} />}
            />
            <Stack gap="lg">
              <Details connection={c} />
              <HealthPanel id={c.id} enabled={c.status === 'active'} />
              <WebhookPanel connection={c} />
              <ConnectionCampaigns connectionId={c.id} />
              <InboxEvents connectionId={c.id} mode={c.mode} />
            </Stack>
          </>
        )}
      </QueryState>
    </>
  );
}
