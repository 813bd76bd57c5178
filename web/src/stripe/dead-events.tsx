import { Anchor, Button, Paper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useSession } from '../account/session';
import { CopyableId } from '../ui/copyable-id';
import { useCursor } from '../ui/cursor';
import { type Column, CursorTable } from '../ui/cursor-table';
import { DateTime } from '../ui/date-time';
import { QueryState } from '../ui/query-state';
import { type DeadEvent, useDeadEvents, useReplayEvent } from './queries';

function ReplayButton({ connectionId, event }: { connectionId: string; event: DeadEvent }) {
  const replay = useReplayEvent(connectionId);
  if (!useSession().can('admin')) return null;
  return (
    <Button
      size="xs"
      variant="light"
      loading={replay.isPending}
      aria-label={`Replay event ${event.id}`}
      onClick={() =>
        replay.mutate(event.id, {
          onSuccess: () =>
            notifications.show({ color: 'green', message: `Event ${event.id} will be processed again.` }),
          onError: (error) =>
            notifications.show({ color: 'red', title: 'Not replayed', message: error.message }),
        })
      }
    >
      Replay
    </Button>
  );
}

/** The inbox's dead letters: events that failed every attempt, with the reason, and replay. */
export function DeadEvents({ connectionId, mode }: { connectionId: string; mode: 'test' | 'live' }) {
  const cursor = useCursor('events');
  const events = useDeadEvents(connectionId, cursor.startingAfter);
  const stripeEvent = (id: string) =>
    `https://dashboard.stripe.com/${mode === 'test' ? 'test/' : ''}events/${id}`;
  const columns: Column<DeadEvent>[] = [
    {
      header: 'Event',
      cell: (e) => (
        <>
          <CopyableId value={e.id} />
          <Anchor href={stripeEvent(e.id)} target="_blank" rel="noopener noreferrer" size="xs" ml={4}>
            in Stripe
          </Anchor>
        </>
      ),
    },
    { header: 'Type', cell: (e) => e.type },
    { header: 'Received', cell: (e) => <DateTime value={e.received_at} /> },
    { header: 'Attempts', cell: (e) => e.attempts, numeric: true },
    { header: 'Last error', cell: (e) => <Text size="sm">{e.last_error ?? '—'}</Text> },
    { header: 'Failed for good', cell: (e) => <DateTime value={e.dead_at} /> },
    { header: 'Actions', cell: (e) => <ReplayButton connectionId={connectionId} event={e} /> },
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="events-heading">
      <Title order={2} size="h4" id="events-heading">
        Events that failed
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Stripe events Vouch could not apply after every retry (dead letters). Fix the cause, then replay them;
        replaying an event twice changes nothing.
      </Text>
      <QueryState query={events} label="Loading failed events">
        {(page) => (
          <CursorTable
            caption="Events that failed"
            columns={columns}
            rows={page.data}
            hasMore={page.has_more}
            cursor={cursor}
            empty="No event has failed for good."
          />
        )}
      </QueryState>
    </Paper>
  );
}
