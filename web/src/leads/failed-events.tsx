import { Button, Paper, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSession } from '../account/session';
import { api, type Item, unwrap } from '../api';
import { useReplayEvent } from '../stripe/queries';
import { CopyableId } from '../ui/copyable-id';
import { DateTime } from '../ui/date-time';

type FailedEvent = Item<'/v1/leads/{id}/failed_events'>;

function ReplayButton({ leadId, event }: { leadId: string; event: FailedEvent }) {
  const replay = useReplayEvent(event.connection_id);
  const client = useQueryClient();
  if (!useSession().can('admin')) return null;
  return (
    <Button
      size="xs"
      variant="light"
      loading={replay.isPending}
      aria-label={`Replay event ${event.id}`}
      onClick={() =>
        replay.mutate(event.id, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: `Event ${event.id} will be processed again.` });
            return client.invalidateQueries({ queryKey: ['leads', 'one', leadId] });
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

/**
 * The Stripe events about this lead's customers that failed every attempt (dead letters), with replay for
 * admins: shown only when there are some.
 */
export function FailedEvents({ leadId }: { leadId: string }) {
  const events = useQuery({
    queryKey: ['leads', 'one', leadId, 'failed-events'],
    queryFn: () => unwrap(api.GET('/v1/leads/{id}/failed_events', { params: { path: { id: leadId } } })),
    refetchInterval: 5000,
  });
  const list = events.data?.data ?? [];
  if (list.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="failed-events-heading">
      <Title order={2} size="h4" id="failed-events-heading" mb="xs">
        Failed Stripe events
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Events about this friend's Stripe customers that could not be applied after every retry. Fix the
        cause, then replay them; replaying an event twice changes nothing.
      </Text>
      <Table aria-label="Failed Stripe events">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Event</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Failed</Table.Th>
            <Table.Th>Last error</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <CopyableId value={e.id} />
              </Table.Td>
              <Table.Td>{e.type}</Table.Td>
              <Table.Td>
                <DateTime value={e.dead_at} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.last_error ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <ReplayButton leadId={leadId} event={e} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
