import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Column } from '../ui/cursor-table';
import { DateTime } from '../ui/date-time';
import { LeadStatusBadge } from './lead-status';
import type { Lead } from './queries';

/** A lead as a table row: on the Leads page and on a referrer's page. */
export const leadColumns: Column<Lead>[] = [
  {
    header: 'Friend',
    cell: (l) => (
      <Stack gap={0}>
        <Anchor component={Link} to={`/leads/${l.id}`} size="sm">
          {l.email}
        </Anchor>
        <Text size="xs" c="dimmed">
          {[l.first_name, l.last_name].filter(Boolean).join(' ')}
        </Text>
      </Stack>
    ),
  },
  {
    header: 'Status',
    cell: (l) => (
      <Stack gap={2} align="flex-start">
        <LeadStatusBadge status={l.status} />
        {l.rejection_reason ? (
          <Text size="xs" c="dimmed">
            {l.rejection_reason.replaceAll('_', ' ')}
          </Text>
        ) : null}
      </Stack>
    ),
  },
  {
    header: 'Referrer',
    cell: (l) => (
      <Anchor component={Link} to={`/referrers/${l.referrer_id}`} size="xs" ff="monospace">
        {l.referrer_id}
      </Anchor>
    ),
  },
  { header: 'Source', cell: (l) => <Text size="sm">{l.source.replace('_', ' ')}</Text> },
  { header: 'Referred', cell: (l) => <DateTime value={l.referred_at} /> },
  { header: 'Changed', cell: (l) => <DateTime value={l.updated_at} /> },
];
