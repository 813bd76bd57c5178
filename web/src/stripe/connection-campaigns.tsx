import { Paper, Text, Title } from '@mantine/core';
import { CopyableId } from '../ui/copyable-id';
import { useCursor } from '../ui/cursor';
import { type Column, CursorTable } from '../ui/cursor-table';
import { QueryState } from '../ui/query-state';
import { StatusBadge } from '../ui/status-badge';
import { type Campaign, useConnectionCampaigns } from './queries';

const columns: Column<Campaign>[] = [
  { header: 'Campaign', cell: (c) => c.name },
  { header: 'Id', cell: (c) => <CopyableId value={c.id} /> },
  {
    header: 'Status',
    cell: (c) => (
      <StatusBadge status={c.status} colors={{ live: 'green', draft: 'gray', paused: 'yellow' }} />
    ),
  },
];

/** Which campaigns use this connection: what a disconnect or a wrong key would stop. */
export function ConnectionCampaigns({ connectionId }: { connectionId: string }) {
  const campaigns = useConnectionCampaigns(connectionId);
  // One page: a connection has few campaigns (up to 100 shown).
  const cursor = useCursor('campaigns');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="campaigns-heading">
      <Title order={2} size="h4" id="campaigns-heading">
        Campaigns using it
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Their friends' payments are followed through this account, and their rewards are given in it.
      </Text>
      <QueryState query={campaigns} label="Loading the campaigns">
        {(page) => (
          <CursorTable
            caption="Campaigns using this connection"
            columns={columns}
            rows={page.data}
            hasMore={false}
            cursor={cursor}
            empty="No campaign uses this connection yet."
          />
        )}
      </QueryState>
    </Paper>
  );
}
