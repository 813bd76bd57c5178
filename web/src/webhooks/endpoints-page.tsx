import { Anchor, Button, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../account/session';
import { useCursor } from '../ui/cursor';
import { type Column, CursorTable } from '../ui/cursor-table';
import { DateTime } from '../ui/date-time';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { SecretOnceModal } from '../ui/secret-once-modal';
import { StatusBadge } from '../ui/status-badge';
import { EndpointForm } from './endpoint-form';
import { type Endpoint, useCreateEndpoint, useEndpoints } from './queries';

const columns: Column<Endpoint>[] = [
  {
    header: 'URL',
    cell: (e) => (
      <Anchor component={Link} to={`/settings/webhooks/${e.id}`} style={{ wordBreak: 'break-all' }}>
        {e.url}
      </Anchor>
    ),
  },
  { header: 'Description', cell: (e) => <Text size="sm">{e.description ?? '—'}</Text> },
  { header: 'Events', cell: (e) => <Text size="sm">{e.event_types.join(', ')}</Text> },
  {
    header: 'Status',
    cell: (e) => <StatusBadge status={e.status} colors={{ active: 'green', disabled: 'gray' }} />,
  },
  { header: 'Created', cell: (e) => <DateTime value={e.created_at} /> },
];

/** Settings › Outgoing webhooks: the endpoints Vouch sends events to. */
export function EndpointsPage() {
  const cursor = useCursor();
  const endpoints = useEndpoints(cursor.startingAfter);
  const create = useCreateEndpoint();
  const [adding, { open, close }] = useDisclosure(false);
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const navigate = useNavigate();
  // Adding an endpoint is for admins.
  const { can } = useSession();

  return (
    <>
      <PageHeader
        title="Outgoing webhooks"
        description="Vouch POSTs the events you choose (a lead qualified, a reward issued, ...) to your systems, signed with each endpoint's secret, and retries for about a day."
        actions={can('admin') ? <Button onClick={open}>Add endpoint</Button> : null}
      />
      <QueryState query={endpoints} label="Loading webhook endpoints">
        {(page) => (
          <CursorTable
            caption="Webhook endpoints"
            columns={columns}
            rows={page.data}
            hasMore={page.has_more}
            cursor={cursor}
            empty="No endpoints yet."
          />
        )}
      </QueryState>
      <Modal opened={adding} onClose={close} title="Add a webhook endpoint" size="lg">
        <EndpointForm
          submitLabel="Add endpoint"
          onSubmit={async (values) => {
            const endpoint = await create.mutateAsync({
              url: values.url,
              event_types: values.event_types,
              description: values.description,
            });
            close();
            setCreated({ id: endpoint.id, secret: endpoint.secret });
          }}
        />
      </Modal>
      <SecretOnceModal
        title="The endpoint's signing secret"
        secret={created?.secret ?? null}
        description="Every delivery is signed with this secret (the Vouch-Signature header). Check the signature before trusting a delivery."
        onClose={() => {
          const id = created?.id;
          setCreated(null);
          if (id) navigate(`/settings/webhooks/${id}`);
        }}
      />
    </>
  );
}
