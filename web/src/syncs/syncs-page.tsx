import { Anchor, Button, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useSession } from '../account/session';
import { type Campaign, CampaignPicker } from '../ui/campaign-picker';
import { useCursor } from '../ui/cursor';
import { type Column, CursorTable } from '../ui/cursor-table';
import { DateTime } from '../ui/date-time';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import { type Sync, useSyncs } from './queries';
import { KIND_LABEL, SyncStatusBadge } from './sync-status';
import { StripeCard } from './sync-wizard-page';

const count = new Intl.NumberFormat();

const columns: Column<Sync>[] = [
  {
    header: 'Sync',
    cell: (s) => (
      <Anchor component={Link} to={`/syncs/${s.id}`} size="sm">
        {s.dry_run ? 'Dry run' : 'Sync'} {s.id}
      </Anchor>
    ),
  },
  { header: 'Status', cell: (s) => <SyncStatusBadge status={s.status} /> },
  { header: 'Type', cell: (s) => KIND_LABEL[s.kind] },
  { header: 'Customers read', cell: (s) => count.format(s.progress.customers_seen), numeric: true },
  { header: 'Referrers', cell: (s) => count.format(s.progress.referrers_created), numeric: true },
  { header: 'Skipped', cell: (s) => count.format(s.progress.skipped), numeric: true },
  { header: 'Started', cell: (s) => <DateTime value={s.started_at} /> },
];

function Syncs({ campaign }: { campaign: Campaign }) {
  const cursor = useCursor();
  const syncs = useSyncs(campaign.id, cursor.startingAfter);
  const { can } = useSession();
  return (
    <>
      {campaign.connection_id ? (
        can('editor') ? (
          <Button component={Link} to={`/syncs/new?campaign=${campaign.id}`} mb="md">
            Sync Stripe customers
          </Button>
        ) : null
      ) : (
        <StripeCard campaign={campaign} />
      )}
      <QueryState query={syncs} label="Loading syncs">
        {(page) => (
          <CursorTable
            caption="Syncs"
            columns={columns}
            rows={page.data}
            hasMore={page.has_more}
            cursor={cursor}
            empty={<Text size="sm">No sync yet.</Text>}
          />
        )}
      </QueryState>
    </>
  );
}

/** Syncs: a campaign's syncs of Stripe customers and dry runs, newest first, and a new one. */
export function SyncsPage() {
  return (
    <>
      <PageHeader
        title="Syncs"
        description="Bringing existing Stripe customers into a campaign: dry runs, progress as it happens, and each customer skipped with its reason."
      />
      <CampaignPicker>{(campaign) => <Syncs key={campaign.id} campaign={campaign} />}</CampaignPicker>
    </>
  );
}
