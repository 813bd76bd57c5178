import { Anchor, Badge, Button, Paper, SegmentedControl, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useSearchParams } from 'react-router';
import { useSession } from '../account/session';
import { CopyableId } from '../ui/copyable-id';
import { useCursor } from '../ui/cursor';
import { type Column, CursorTable } from '../ui/cursor-table';
import { DateTime } from '../ui/date-time';
import { QueryState } from '../ui/query-state';
import { type InboxEvent, type InboxStatus, useInboxEvents, useReplayEvent } from './queries';

function ReplayButton({ connectionId, event }: { connectionId: string; event: InboxEvent }) {
  const replay = useReplayEvent(connectionId);
  if (!useSession().can('admin') || !event.dead_at) return null;
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

const FILTERS: Array<{ value: InboxStatus; label: string }> = [
  { value: 'dead', label: 'Failed' },
  { value: 'waiting', label: 'Waiting' },
  { value: 'processed', label: 'Applied' },
  { value: 'all', label: 'All' },
];

const EMPTY: Record<InboxStatus, string> = {
  dead: 'No event has failed for good.',
  waiting: 'No event is waiting: everything received is applied.',
  processed: 'No event applied yet.',
  all: 'No event received yet.',
};

function stateOf(e: InboxEvent) {
  if (e.dead_at) return <Badge color="red">failed</Badge>;
  if (e.processed_at) return <Badge color="green">applied</Badge>;
  return <Badge color="yellow">waiting</Badge>;
}

/**
 * The connection's events inbox, newest first, filtered in the address (`events_status`): the dead letters
 * (events that failed every attempt, with the reason, and replay) by default, or those waiting, applied, all.
 */
export function InboxEvents({ connectionId, mode }: { connectionId: string; mode: 'test' | 'live' }) {
  const cursor = useCursor('events');
  const [params, setParams] = useSearchParams();
  const status = (FILTERS.find((f) => f.value === params.get('events_status'))?.value ??
    'dead') as InboxStatus;
  const events = useInboxEvents(connectionId, status, cursor.startingAfter);
  const stripeEvent = (id: string) =>
    `https://dashboard.stripe.com/${mode === 'test' ? 'test/' : ''}events/${id}`;
  const columns: Column<InboxEvent>[] = [
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
    { header: 'State', cell: stateOf },
    { header: 'Received', cell: (e) => <DateTime value={e.received_at} /> },
    { header: 'Attempts', cell: (e) => e.attempts, numeric: true },
    { header: 'Last error', cell: (e) => <Text size="sm">{e.last_error ?? '—'}</Text> },
    { header: 'Actions', cell: (e) => <ReplayButton connectionId={connectionId} event={e} /> },
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="events-heading">
      <Title order={2} size="h4" id="events-heading">
        Events inbox
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        The Stripe events Vouch received for this account. Failed ones could not be applied after every retry
        (dead letters): fix the cause, then replay them; replaying an event twice changes nothing.
      </Text>
      <SegmentedControl
        aria-label="Which events"
        mb="sm"
        data={FILTERS}
        value={status}
        onChange={(value) =>
          setParams((current) => {
            const next = new URLSearchParams(current);
            next.delete('events');
            next.set('events_status', value);
            return next;
          })
        }
      />
      <QueryState query={events} label="Loading events">
        {(page) => (
          <CursorTable
            caption="Events inbox"
            columns={columns}
            rows={page.data}
            hasMore={page.has_more}
            cursor={cursor}
            empty={EMPTY[status]}
          />
        )}
      </QueryState>
    </Paper>
  );
}
