import { Paper, SegmentedControl, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useCursor } from '../ui/cursor';
import { type Column, CursorTable } from '../ui/cursor-table';
import { DateTime } from '../ui/date-time';
import { StripeCustomer } from '../ui/stripe-link';
import { type SkipReason, type Sync, type SyncSkip, useSkips } from './queries';

export const SKIP_REASONS: Record<SkipReason, string> = {
  missing_field: 'a required field is blank',
  participant_limit: 'the campaign is full',
  already_referrer: 'already a referrer',
  email_taken: 'email taken',
};

const FILTERS = [
  { value: 'all', label: 'All' },
  { value: 'missing_field', label: 'Blank field' },
  { value: 'participant_limit', label: 'Campaign full' },
];

/**
 * The customers a sync (or a dry run) skipped, each with its reason, paged, filtered by reason; the page and
 * the reason live in the address (`skips`, `skip_reason`).
 */
export function SkippedCustomers({ sync, live }: { sync: Sync; live: boolean }) {
  const cursor = useCursor('skips');
  const [params, setParams] = useSearchParams();
  const wanted = params.get('skip_reason');
  const reason = FILTERS.some((f) => f.value === wanted && wanted !== 'all')
    ? (wanted as SkipReason)
    : undefined;
  const skips = useSkips(sync.id, reason, cursor.startingAfter, live);
  const columns: Column<SyncSkip>[] = [
    {
      header: 'Customer',
      cell: (s) => <StripeCustomer id={s.customer_id} connectionId={sync.connection_id} />,
    },
    { header: 'Reason', cell: (s) => <Text size="sm">{SKIP_REASONS[s.reason] ?? s.reason}</Text> },
    { header: 'Detail', cell: (s) => <Text size="sm">{s.detail ?? '—'}</Text> },
    { header: 'When', cell: (s) => <DateTime value={s.created_at} /> },
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`skips-${sync.id}`}>
      <Title order={2} size="h4" id={`skips-${sync.id}`} mb="xs">
        Skipped customers
      </Title>
      <SegmentedControl
        aria-label="Skip reason"
        mb="sm"
        size="xs"
        data={FILTERS}
        value={reason ?? 'all'}
        onChange={(value) =>
          setParams((current) => {
            const next = new URLSearchParams(current);
            next.delete('skips');
            if (value === 'all') next.delete('skip_reason');
            else next.set('skip_reason', value);
            return next;
          })
        }
      />
      {skips.data ? (
        <CursorTable
          caption="Skipped customers"
          columns={columns}
          rows={skips.data.data}
          rowKey={(s) => s.customer_id}
          hasMore={skips.data.has_more}
          cursor={cursor}
          empty={reason ? 'No customer skipped for this reason.' : 'No customer skipped.'}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {skips.isError ? skips.error.message : 'Loading skipped customers…'}
        </Text>
      )}
    </Paper>
  );
}
