import { Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Cursor } from '../ui/cursor';
import { type Column, CursorTable } from '../ui/cursor-table';
import { DateTime } from '../ui/date-time';
import { type Referrer, useGenerateCode, useSendCodesToStripe } from './queries';

export const fullName = (r: { first_name: string; last_name: string | null }) =>
  [r.first_name, r.last_name].filter(Boolean).join(' ');

/** Runs an action for each selected referrer in turn and says how it went, naming the first refusal. */
async function forEach(ids: string[], action: (id: string) => Promise<unknown>, done: string) {
  const failures: string[] = [];
  for (const id of ids) {
    try {
      await action(id);
    } catch (error) {
      failures.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const succeeded = ids.length - failures.length;
  notifications.show({
    color: failures.length ? 'red' : 'green',
    title: `${done}: ${succeeded} of ${ids.length}`,
    message: failures.length ? failures[0] : 'Done.',
  });
}

function BulkActions({
  campaignId,
  selected,
  onDone,
}: {
  campaignId: string;
  selected: string[];
  onDone: () => void;
}) {
  const generate = useGenerateCode();
  const send = useSendCodesToStripe(campaignId);
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (name: string, action: (id: string) => Promise<unknown>, done: string) => {
    setBusy(name);
    await forEach(selected, action, done);
    setBusy(null);
    onDone();
  };
  return (
    <Paper withBorder p="xs" mb="sm" role="region" aria-label="Selected referrers">
      <Group gap="sm">
        <Text size="sm" fw={600}>
          {selected.length} selected
        </Text>
        <Button
          size="xs"
          variant="light"
          loading={busy === 'codes'}
          disabled={busy !== null}
          onClick={() => run('codes', (id) => generate.mutateAsync(id), 'Referral codes generated')}
        >
          Generate referral codes
        </Button>
        <Button
          size="xs"
          variant="light"
          loading={busy === 'stripe'}
          disabled={busy !== null}
          onClick={() => run('stripe', (id) => send.mutateAsync(id), 'Sent to Stripe as promotion codes')}
        >
          Send codes to Stripe
        </Button>
        <Button size="xs" variant="subtle" color="gray" disabled={busy !== null} onClick={onDone}>
          Clear selection
        </Button>
      </Group>
    </Paper>
  );
}

function CodeCell({ referrer, canWrite }: { referrer: Referrer; canWrite: boolean }) {
  const generate = useGenerateCode();
  if (referrer.referral_code)
    return (
      <Text ff="monospace" size="sm">
        {referrer.referral_code}
      </Text>
    );
  if (!canWrite || referrer.removed_at) return <Text size="sm">—</Text>;
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      loading={generate.isPending}
      aria-label={`Generate a referral code for ${referrer.email}`}
      onClick={() =>
        generate.mutate(referrer.id, {
          onError: (error) =>
            notifications.show({ color: 'red', title: 'Not generated', message: error.message }),
        })
      }
    >
      Generate
    </Button>
  );
}

/**
 * One page of referrers. Editors select rows (a box per row, or all on the page) for the bulk actions; a
 * viewer gets the table alone.
 */
export function ReferrersTable({
  campaignId,
  rows,
  hasMore,
  cursor,
  canWrite,
}: {
  campaignId: string;
  rows: Referrer[];
  hasMore: boolean;
  cursor: Cursor;
  canWrite: boolean;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const pageKey = rows.map((r) => r.id).join(',');
  // Another page or other filters: nothing of the last selection is kept out of sight.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pageKey stands for the rows shown
  useEffect(() => setSelected(new Set()), [pageKey]);
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const columns: Column<Referrer>[] = [
    ...(canWrite
      ? [
          {
            header: 'Select',
            cell: (r: Referrer) => (
              <Checkbox
                aria-label={`Select ${r.email}`}
                checked={selected.has(r.id)}
                onChange={(e) => toggle(r.id, e.currentTarget.checked)}
              />
            ),
          },
        ]
      : []),
    {
      header: 'Referrer',
      cell: (r) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/referrers/${r.id}`} size="sm">
            {r.email}
          </Anchor>
          <Group gap={4}>
            <Text size="xs" c="dimmed">
              {fullName(r)}
            </Text>
            {r.removed_at ? (
              <Badge size="xs" color="gray">
                removed
              </Badge>
            ) : null}
          </Group>
        </Stack>
      ),
    },
    { header: 'Referral code', cell: (r) => <CodeCell referrer={r} canWrite={canWrite} /> },
    { header: 'Clicks', cell: (r) => r.clicks_count, numeric: true },
    { header: 'Leads', cell: (r) => r.referrals_count, numeric: true },
    { header: 'Qualified', cell: (r) => r.converted_referrals_count, numeric: true },
    { header: 'Source', cell: (r) => <Text size="sm">{r.source.replace('_', ' ')}</Text> },
    { header: 'Joined', cell: (r) => <DateTime value={r.created_at} /> },
  ];
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  return (
    <>
      {canWrite && rows.length > 0 ? (
        <Checkbox
          mb="xs"
          label="Select all on this page"
          checked={allSelected}
          indeterminate={selected.size > 0 && !allSelected}
          onChange={(e) => setSelected(e.currentTarget.checked ? new Set(rows.map((r) => r.id)) : new Set())}
        />
      ) : null}
      {canWrite && selected.size > 0 ? (
        <BulkActions campaignId={campaignId} selected={[...selected]} onDone={() => setSelected(new Set())} />
      ) : null}
      <CursorTable
        caption="Referrers"
        columns={columns}
        rows={rows}
        hasMore={hasMore}
        cursor={cursor}
        empty="No referrer matches."
      />
    </>
  );
}
