import { Badge, Code, Group, Paper, Text, Timeline, Title } from '@mantine/core';
import { DateTime } from '../ui/date-time';
import { LEAD_STATUSES, LeadStatusBadge } from './lead-status';
import type { LeadStatus, TimelineEntry } from './queries';

/** Whether a Stripe fact counted toward the net spend, and if not why, as the server recorded it. */
function Counted({ data }: { data: TimelineEntry['data'] }) {
  if (data.counted === true)
    return (
      <Badge color="green" variant="light">
        Counted
      </Badge>
    );
  if (data.counted === false)
    return (
      <Badge color="gray" variant="light">
        Not counted{typeof data.reason === 'string' ? `: ${data.reason.replaceAll('_', ' ')}` : ''}
      </Badge>
    );
  return null;
}

const isStatus = (status: string): status is LeadStatus => Object.hasOwn(LEAD_STATUSES, status);

/** The whole timeline of a lead, newest first: each fact counted or not and why, and each change of status. */
export function LeadTimeline({ entries }: { entries: TimelineEntry[] }) {
  const newestFirst = [...entries].reverse();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="timeline-heading">
      <Title order={2} size="h4" id="timeline-heading" mb="md">
        Timeline
      </Title>
      {newestFirst.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing has happened yet.
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={newestFirst.length} role="list" aria-label="Timeline">
          {newestFirst.map((entry) => (
            <Timeline.Item
              key={entry.id}
              role="listitem"
              title={
                <Group gap="xs">
                  <Code>{entry.type}</Code>
                  <Counted data={entry.data} />
                </Group>
              }
            >
              <Text size="sm">{entry.message}</Text>
              <Group gap="xs" mt={4}>
                <Text size="xs" c="dimmed">
                  <DateTime value={entry.created_at} />
                </Text>
                {typeof entry.data.stripe_object === 'string' ? (
                  <Code fz="xs">{entry.data.stripe_object}</Code>
                ) : null}
                {isStatus(entry.status) ? <LeadStatusBadge status={entry.status} /> : null}
              </Group>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
