import { Anchor, Button, Group, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { type Campaign, CampaignPicker } from '../ui/campaign-picker';
import { useCursor } from '../ui/cursor';
import { type Column, CursorTable } from '../ui/cursor-table';
import { DateTime } from '../ui/date-time';
import { useListParams } from '../ui/list-params';
import { formatMoney } from '../ui/money';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import {
  REWARD_STATUSES,
  type Reward,
  type RewardFilters,
  type RewardStatus,
  useRewards,
  useRewardTotals,
} from './queries';
import { RewardActions, RewardStatusBadge, rewardWhat } from './reward-parts';

const count = new Intl.NumberFormat();

const columns: Column<Reward>[] = [
  {
    header: 'Reward',
    cell: (r) => (
      <Anchor component={Link} to={`/rewards/${r.id}`} size="sm">
        {r.id}
      </Anchor>
    ),
  },
  { header: 'Status', cell: (r) => <RewardStatusBadge status={r.status} /> },
  { header: 'What', cell: (r) => <Text size="sm">{rewardWhat(r)}</Text> },
  { header: 'To', cell: (r) => (r.recipient === 'referrer' ? 'the referrer' : 'the friend') },
  {
    header: 'Referrer',
    cell: (r) => (
      <Anchor component={Link} to={`/referrers/${r.referrer_id}`} size="sm">
        {r.referrer_id}
      </Anchor>
    ),
  },
  {
    header: 'Lead',
    cell: (r) => (
      <Anchor component={Link} to={`/leads/${r.lead_id}`} size="sm">
        {r.lead_id}
      </Anchor>
    ),
  },
  { header: 'Created', cell: (r) => <DateTime value={r.created_at} /> },
  { header: 'Actions', cell: (r) => <RewardActions reward={r} /> },
];

/** Per status and currency: how many rewards and how much credit, under the page's filters. */
function Totals({ filters }: { filters: Omit<RewardFilters, 'status'> }) {
  const totals = useRewardTotals(filters);
  return (
    <Paper withBorder p="md" mb="md" component="section" aria-labelledby="totals-heading">
      <Title order={2} size="h4" id="totals-heading" mb="xs">
        Totals
      </Title>
      <QueryState query={totals} label="Loading the totals">
        {(t) =>
          t.data.length === 0 ? (
            <Text size="sm" c="dimmed">
              No reward yet.
            </Text>
          ) : (
            <Table aria-label="Reward totals" maw={560}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Currency</Table.Th>
                  <Table.Th ta="right">Rewards</Table.Th>
                  <Table.Th ta="right">Credit</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {t.data.map((row) => (
                  <Table.Tr key={`${row.status}/${row.currency ?? ''}`}>
                    <Table.Td>
                      <RewardStatusBadge status={row.status} />
                    </Table.Td>
                    <Table.Td>{row.currency?.toUpperCase() ?? 'no amount'}</Table.Td>
                    <Table.Td ta="right">{count.format(row.count)}</Table.Td>
                    <Table.Td ta="right">
                      {row.currency ? formatMoney(row.amount, row.currency) : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Paper>
  );
}

const STATUS_OPTIONS = Object.entries(REWARD_STATUSES).map(([value, s]) => ({ value, label: s.label }));

function Ledger({ campaign }: { campaign: Campaign }) {
  const cursor = useCursor();
  const params = useListParams();
  const status = params.get('status');
  const filters: RewardFilters = {
    campaign_id: campaign.id,
    referrer_id: params.get('referrer'),
    status: status && status in REWARD_STATUSES ? (status as RewardStatus) : undefined,
  };
  const rewards = useRewards(filters, cursor.startingAfter);
  return (
    <>
      <Totals filters={{ campaign_id: filters.campaign_id, referrer_id: filters.referrer_id }} />
      <Group mb="sm" align="flex-end">
        <Select
          label="Status"
          placeholder="Any status"
          data={STATUS_OPTIONS}
          value={filters.status ?? null}
          onChange={(value) => params.set({ status: value })}
          clearable
          w={220}
        />
        <TextInput
          label="Referrer"
          placeholder="rfr_..."
          defaultValue={filters.referrer_id ?? ''}
          key={filters.referrer_id ?? ''}
          onKeyDown={(e) => {
            if (e.key === 'Enter') params.set({ referrer: e.currentTarget.value.trim() || null });
          }}
          onBlur={(e) => params.set({ referrer: e.currentTarget.value.trim() || null })}
          w={280}
        />
        {filters.referrer_id || filters.status ? (
          <Button variant="subtle" onClick={() => params.set({ referrer: null, status: null })}>
            Clear filters
          </Button>
        ) : null}
      </Group>
      <QueryState query={rewards} label="Loading rewards">
        {(page) => (
          <CursorTable
            caption="Rewards"
            columns={columns}
            rows={page.data}
            hasMore={page.has_more}
            cursor={cursor}
            empty="No reward matches."
          />
        )}
      </QueryState>
    </>
  );
}

/** Rewards: the ledger of what referrals gave, filtered in the address, with totals and the actions. */
export function RewardsPage() {
  return (
    <>
      <PageHeader
        title="Rewards"
        description="What qualified referrals gave through Stripe: each reward's status and timeline, approvals and retries."
      />
      <CampaignPicker>{(campaign) => <Ledger key={campaign.id} campaign={campaign} />}</CampaignPicker>
    </>
  );
}
