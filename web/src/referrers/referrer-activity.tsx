import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Item } from '../api';
import { leadColumns } from '../leads/lead-columns';
import { DateTime } from '../ui/date-time';
import { formatMoney } from '../ui/money';
import { QueryState } from '../ui/query-state';
import { StatusBadge } from '../ui/status-badge';
import { useReferrerLeads, useReferrerRewards } from './queries';

type Reward = Item<'/v1/rewards'>;
const count = new Intl.NumberFormat();

const REWARD_COLORS = {
  held: 'gray',
  pending_approval: 'yellow',
  pending: 'blue',
  issued: 'green',
  failed: 'red',
  cancelled: 'gray',
  reversing: 'orange',
  reversed: 'orange',
} satisfies Record<Reward['status'], string>;

/** The friends this referrer brought, newest first, with a way to the whole filtered list. */
export function ReferrerLeads({ campaignId, referrerId }: { campaignId: string; referrerId: string }) {
  const leads = useReferrerLeads(campaignId, referrerId);
  const columns = leadColumns.filter((c) => c.header !== 'Referrer');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="leads-heading">
      <Title order={2} size="h4" id="leads-heading" mb="sm">
        Leads
      </Title>
      <QueryState query={leads} label="Loading the referrer's leads">
        {(page) =>
          page.data.length === 0 ? (
            <Text size="sm" c="dimmed">
              No friend referred yet.
            </Text>
          ) : (
            <>
              <Table.ScrollContainer minWidth={600}>
                <Table striped aria-label="Leads of this referrer">
                  <Table.Thead>
                    <Table.Tr>
                      {columns.map((c) => (
                        <Table.Th key={c.header}>{c.header}</Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.data.map((lead) => (
                      <Table.Tr key={lead.id}>
                        {columns.map((c) => (
                          <Table.Td key={c.header}>{c.cell(lead)}</Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {page.has_more ? (
                <Anchor
                  component={Link}
                  to={`/leads?campaign=${campaignId}&referrer=${referrerId}`}
                  size="sm"
                >
                  All {count.format(page.total_count ?? 0)} leads of this referrer
                </Anchor>
              ) : null}
            </>
          )
        }
      </QueryState>
    </Paper>
  );
}

function amountOf(r: Reward): string {
  if (r.amount !== null && r.currency) return formatMoney(r.amount, r.currency);
  return r.promotion_code ?? r.coupon_id ?? '—';
}

/** What the referrer's referrals gave, through Stripe: to them and to their friends. */
export function ReferrerRewards({ referrerId }: { referrerId: string }) {
  const rewards = useReferrerRewards(referrerId);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rewards-heading">
      <Title order={2} size="h4" id="rewards-heading" mb="sm">
        Rewards
      </Title>
      <QueryState query={rewards} label="Loading the referrer's rewards">
        {(page) =>
          page.data.length === 0 ? (
            <Text size="sm" c="dimmed">
              No reward yet.
            </Text>
          ) : (
            <Table striped aria-label="Rewards">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>For</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Amount or code</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Lead</Table.Th>
                  <Table.Th>Created</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.data.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.recipient}</Table.Td>
                    <Table.Td>{r.kind.replace('_', ' ')}</Table.Td>
                    <Table.Td>{amountOf(r)}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={r.status} colors={REWARD_COLORS} />
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/leads/${r.lead_id}`} size="xs" ff="monospace">
                        {r.lead_id}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <DateTime value={r.created_at} />
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
