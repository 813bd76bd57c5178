import {
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../account/session';
import { ConfirmButton } from '../ui/confirm-button';
import { CopyableId } from '../ui/copyable-id';
import { DateTime } from '../ui/date-time';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { SecretOnceModal } from '../ui/secret-once-modal';
import { StatusBadge } from '../ui/status-badge';
import { Deliveries } from './deliveries';
import { EndpointForm } from './endpoint-form';
import {
  type Endpoint,
  useDeleteEndpoint,
  useEndpoint,
  useRotateSecret,
  useTestPing,
  useUpdateEndpoint,
} from './queries';

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ wordBreak: 'break-all' }}>
        {children}
      </Text>
    </div>
  );
}

function RotateSecret({ endpoint }: { endpoint: Endpoint }) {
  const rotate = useRotateSecret(endpoint.id);
  const [hours, setHours] = useState<number>(24);
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <>
      <ConfirmButton
        label="Rotate secret"
        color="orange"
        title="Give this endpoint a new signing secret?"
        message={
          <Stack gap="sm" component="span">
            <span>
              Deliveries are signed with a new secret from now on. Keep the old one signing too for a while,
              so your receiver can switch without missing a delivery.
            </span>
            <NumberInput
              label="Hours the old secret keeps signing"
              description="0 to 168; 0 drops it at once."
              min={0}
              max={168}
              value={hours}
              onChange={(value) => setHours(typeof value === 'number' ? value : 0)}
            />
          </Stack>
        }
        confirmLabel="Rotate"
        onConfirm={async () => {
          const result = await rotate.mutateAsync(hours);
          setSecret(result.secret);
        }}
      />
      <SecretOnceModal title="The new signing secret" secret={secret} onClose={() => setSecret(null)} />
    </>
  );
}

/** Testing, editing, rotating and deleting an endpoint are for admins; the others see it only. */
function Actions({ endpoint }: { endpoint: Endpoint }) {
  if (!useSession().can('admin')) return null;
  return <AdminActions endpoint={endpoint} />;
}

function AdminActions({ endpoint }: { endpoint: Endpoint }) {
  const update = useUpdateEndpoint(endpoint.id);
  const remove = useDeleteEndpoint(endpoint.id);
  const ping = useTestPing(endpoint.id);
  const navigate = useNavigate();
  const [editing, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button
        variant="default"
        loading={ping.isPending}
        onClick={() =>
          ping.mutate(undefined, {
            onSuccess: (delivery) =>
              notifications.show({
                color: delivery.status === 'succeeded' ? 'green' : 'red',
                title: delivery.status === 'succeeded' ? 'Ping delivered' : 'Ping failed',
                message:
                  delivery.last_error ??
                  (delivery.last_status_code
                    ? `The endpoint answered ${delivery.last_status_code}.`
                    : 'Sent.'),
              }),
            onError: (error) =>
              notifications.show({ color: 'red', title: 'Not sent', message: error.message }),
          })
        }
      >
        Send test ping
      </Button>
      <Button variant="default" onClick={open}>
        Edit
      </Button>
      <RotateSecret endpoint={endpoint} />
      <ConfirmButton
        label="Delete"
        title="Delete this endpoint?"
        message="The endpoint and its delivery log are deleted; nothing more is sent to it. To pause it instead, edit it and set it to disabled."
        confirmLabel="Delete endpoint"
        onConfirm={async () => {
          await remove.mutateAsync();
          navigate('/settings/webhooks');
        }}
      />
      <Modal opened={editing} onClose={close} title="Edit the webhook endpoint" size="lg">
        <EndpointForm
          endpoint={endpoint}
          submitLabel="Save"
          onSubmit={async (values) => {
            await update.mutateAsync(values);
            close();
          }}
        />
      </Modal>
    </>
  );
}

/** Settings › Outgoing webhooks › one endpoint: its settings, actions and delivery log. */
export function EndpointPage() {
  const { id = '' } = useParams();
  const endpoint = useEndpoint(id);
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to="/settings/webhooks" size="sm">
          Outgoing webhooks
        </Anchor>
        <Text size="sm">{id}</Text>
      </Breadcrumbs>
      <QueryState query={endpoint} label="Loading the endpoint">
        {(e) => (
          <>
            <PageHeader
              title={
                <Group gap="sm" component="span">
                  Webhook endpoint
                  <StatusBadge status={e.status} colors={{ active: 'green', disabled: 'gray' }} />
                </Group>
              }
              description={e.url}
              actions={<Actions endpoint={e} />}
            />
            <Stack gap="lg">
              <Paper withBorder p="md" component="section" aria-labelledby="endpoint-heading">
                <Title order={2} size="h4" id="endpoint-heading" mb="sm">
                  Details
                </Title>
                <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                  <Detail label="Endpoint">
                    <CopyableId value={e.id} />
                  </Detail>
                  <Detail label="URL">{e.url}</Detail>
                  <Detail label="Description">{e.description ?? '—'}</Detail>
                  <Detail label="Events">{e.event_types.join(', ')}</Detail>
                  <Detail label="Created">
                    <DateTime value={e.created_at} />
                  </Detail>
                  <Detail label="Changed">
                    <DateTime value={e.updated_at} />
                  </Detail>
                  {e.previous_secret_expires_at ? (
                    <Detail label="Previous secret signs until">
                      <DateTime value={e.previous_secret_expires_at} />
                    </Detail>
                  ) : null}
                </SimpleGrid>
              </Paper>
              <Deliveries endpointId={e.id} />
            </Stack>
          </>
        )}
      </QueryState>
    </>
  );
}
