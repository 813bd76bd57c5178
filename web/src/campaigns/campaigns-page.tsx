import { Anchor, Button, Group, SegmentedControl, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../account/session';
import { ConfirmButton } from '../ui/confirm-button';
import { useCursor } from '../ui/cursor';
import { type Column, CursorTable } from '../ui/cursor-table';
import { DateTime } from '../ui/date-time';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { StatusBadge } from '../ui/status-badge';
import {
  type Campaign,
  type CampaignStatus,
  type Connection,
  STATUS_COLORS,
  useArchiveCampaign,
  useCampaigns,
  useConnectionChoices,
} from './queries';

const FILTERS: { value: CampaignStatus | 'all'; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'live', label: 'Live' },
  { value: 'draft', label: 'Draft' },
  { value: 'paused', label: 'Paused' },
  { value: 'archived', label: 'Archived' },
];

function ArchiveButton({ campaign }: { campaign: Campaign }) {
  const archive = useArchiveCampaign();
  return (
    <ConfirmButton
      label="Archive"
      size="xs"
      aria-label={`Archive ${campaign.name}`}
      title={`Archive "${campaign.name}"?`}
      message="The campaign keeps its data but takes no one new and records nothing more; its referrers' promotion codes are switched off in Stripe. Archiving cannot be undone."
      confirmLabel="Archive campaign"
      onConfirm={() => archive.mutateAsync(campaign.id)}
    />
  );
}

function columns(connections: Connection[], canEdit: boolean): Column<Campaign>[] {
  const list: Column<Campaign>[] = [
    {
      header: 'Name',
      cell: (c) => (
        <Anchor component={Link} to={`/campaigns/${c.id}`}>
          {c.name}
        </Anchor>
      ),
    },
    { header: 'Status', cell: (c) => <StatusBadge status={c.status} colors={STATUS_COLORS} /> },
    {
      header: 'Stripe connection',
      cell: (c) => {
        if (!c.connection_id) return <Text size="sm">—</Text>;
        const connection = connections.find((x) => x.id === c.connection_id);
        return (
          <Anchor component={Link} to={`/settings/stripe/${c.connection_id}`} size="sm">
            {connection?.name ?? c.connection_id}
          </Anchor>
        );
      },
    },
    {
      header: 'Participants',
      numeric: true,
      cell: (c) => (
        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {c.participants_count}
          {c.participant_limit === null ? '' : ` of ${c.participant_limit}`}
        </Text>
      ),
    },
    { header: 'Created', cell: (c) => <DateTime value={c.created_at} /> },
  ];
  if (canEdit)
    list.push({
      header: 'Actions',
      cell: (c) =>
        c.status === 'archived' ? null : (
          <Group gap="xs" wrap="nowrap">
            <Button
              component={Link}
              to={`/syncs/new?campaign=${c.id}`}
              size="xs"
              variant="light"
              aria-label={`Sync contacts into ${c.name}`}
            >
              Sync contacts
            </Button>
            <ArchiveButton campaign={c} />
          </Group>
        ),
    });
  return list;
}

/** Campaigns: every referral program, filtered by status in the address, with "New campaign" for editors. */
export function CampaignsPage() {
  const cursor = useCursor();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('status');
  const status = FILTERS.some((f) => f.value === wanted && wanted !== 'all')
    ? (wanted as CampaignStatus)
    : undefined;
  const campaigns = useCampaigns(status, cursor.startingAfter);
  const connections = useConnectionChoices();
  const { can } = useSession();
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Your referral programs: who qualifies and how, what Vouch writes in Stripe, the codes and the rewards."
        actions={
          can('editor') ? (
            <Button component={Link} to="/campaigns/new">
              New campaign
            </Button>
          ) : null
        }
      />
      <Group mb="sm">
        <SegmentedControl
          aria-label="Status"
          value={status ?? 'all'}
          data={FILTERS}
          onChange={(value) => setParams(value === 'all' ? {} : { status: value }, { replace: false })}
        />
      </Group>
      <QueryState query={campaigns} label="Loading campaigns">
        {(page) => (
          <CursorTable
            caption="Campaigns"
            columns={columns(connections.data?.data ?? [], can('editor'))}
            rows={page.data}
            hasMore={page.has_more}
            cursor={cursor}
            empty={status ? `No ${status} campaign.` : 'No campaign yet. Make one with "New campaign".'}
          />
        )}
      </QueryState>
    </>
  );
}
