import { Button, Group, Paper, Select, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useSearchParams } from 'react-router';
import { useSession } from '../account/session';
import { CopyableId } from '../ui/copyable-id';
import { useCursor } from '../ui/cursor';
import { type Column, CursorTable } from '../ui/cursor-table';
import { DateTime } from '../ui/date-time';
import { QueryState } from '../ui/query-state';
import { StatusBadge } from '../ui/status-badge';
import { type Delivery, type DeliveryStatus, useDeliveries, useReplayDelivery } from './queries';

const STATUSES: DeliveryStatus[] = ['pending', 'succeeded', 'failed'];
const COLORS = { pending: 'yellow', succeeded: 'green', failed: 'red' };

function ReplayButton({ delivery }: { delivery: Delivery }) {
  const replay = useReplayDelivery();
  if (!useSession().can('admin')) return null;
  return (
    <Button
      size="xs"
      variant="light"
      loading={replay.isPending}
      aria-label={`Replay delivery ${delivery.id}`}
      onClick={() =>
        replay.mutate(delivery.id, {
          // A replay leaves the delivery's status as it was: its own outcome is the attempt it added.
          onSuccess: (result) => {
            const attempt = result.attempts?.at(-1);
            const delivered = attempt ? attempt.error === null : result.status === 'succeeded';
            notifications.show({
              color: delivered ? 'green' : 'red',
              title: delivered ? 'Delivered' : 'Delivery failed again',
              message:
                result.last_error ??
                (result.last_status_code ? `The endpoint answered ${result.last_status_code}.` : 'Sent.'),
            });
          },
          onError: (error) =>
            notifications.show({ color: 'red', title: 'Not replayed', message: error.message }),
        })
      }
    >
      Replay
    </Button>
  );
}

const columns: Column<Delivery>[] = [
  { header: 'Event', cell: (d) => d.event_type },
  { header: 'Event id', cell: (d) => <CopyableId value={d.event_id} /> },
  { header: 'Status', cell: (d) => <StatusBadge status={d.status} colors={COLORS} /> },
  { header: 'Attempts', cell: (d) => d.attempt_count, numeric: true },
  {
    header: 'Last answer',
    cell: (d) => (
      <Text size="sm">
        {d.last_status_code ?? '—'}
        {d.last_error ? `: ${d.last_error}` : ''}
      </Text>
    ),
  },
  { header: 'Created', cell: (d) => <DateTime value={d.created_at} /> },
  {
    header: 'Next attempt',
    cell: (d) => <DateTime value={d.next_attempt_at} empty="—" />,
  },
  { header: 'Actions', cell: (d) => <ReplayButton delivery={d} /> },
];

/** The endpoint's delivery log, newest first, filtered by status (in the URL), each with replay. */
export function Deliveries({ endpointId }: { endpointId: string }) {
  const cursor = useCursor();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = STATUSES.find((s) => s === raw);
  const deliveries = useDeliveries(endpointId, cursor.startingAfter, status);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="deliveries-heading">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={2} size="h4" id="deliveries-heading">
          Deliveries
        </Title>
        <Select
          label="Status"
          size="xs"
          w={180}
          data={[{ value: '', label: 'Any status' }, ...STATUSES.map((s) => ({ value: s, label: s }))]}
          value={status ?? ''}
          allowDeselect={false}
          onChange={(value) =>
            setParams((current) => {
              const next = new URLSearchParams(current);
              next.delete('after');
              if (value) next.set('status', value);
              else next.delete('status');
              return next;
            })
          }
        />
      </Group>
      <QueryState query={deliveries} label="Loading deliveries">
        {(page) => (
          <CursorTable
            caption="Deliveries"
            columns={columns}
            rows={page.data}
            hasMore={page.has_more}
            cursor={cursor}
            empty={status ? `No ${status} deliveries.` : 'Nothing was sent to this endpoint yet.'}
          />
        )}
      </QueryState>
    </Paper>
  );
}
