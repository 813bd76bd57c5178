import {
  Anchor,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Money } from '../ui/money';
import { PageHeader } from '../ui/page-header';
import { QueryState } from '../ui/query-state';
import {
  type Interval,
  type OverviewScope,
  type Summary,
  type TopReferrers,
  useCampaignChoices,
  useSummary,
  useTimeseries,
  useTopReferrers,
} from './queries';

/** The charts and their library load after the first screen. */
const OverviewCharts = lazy(async () => ({ default: (await import('./overview-charts')).OverviewCharts }));

const PERIODS = ['7', '30', '90'] as const;
type Period = (typeof PERIODS)[number];
const ALL = 'all';
const DAY_MS = 86_400_000;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The scope the address holds (`?campaign=&days=&interval=`), the days ending today (UTC). */
function useScope() {
  const [params, setParams] = useSearchParams();
  const days: Period = PERIODS.find((p) => p === params.get('days')) ?? '30';
  const interval: Interval = params.get('interval') === 'week' ? 'week' : 'day';
  const campaign = params.get('campaign') ?? undefined;
  const now = Date.now();
  const scope: OverviewScope = {
    campaign_id: campaign,
    from: day(now - (Number(days) - 1) * DAY_MS),
    to: day(now),
    interval,
  };
  const set = (changes: Record<string, string | undefined>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) next.delete(key);
        else next.set(key, value);
      }
      return next;
    });
  return { scope, days, set };
}

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Stack gap={4} role="group" aria-label={label}>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {label}
        </Text>
        <Text size="xl" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }} component="div">
          {children}
        </Text>
      </Stack>
    </Paper>
  );
}

const count = (n: number) => n.toLocaleString();

function Figures({ summary }: { summary: Summary }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" mb="lg" component="section" aria-label="Figures">
      <Figure label="Clicks">{count(summary.clicks)}</Figure>
      <Figure label="Sign-ups">{count(summary.sign_ups)}</Figure>
      <Figure label="Leads">{count(summary.leads)}</Figure>
      <Figure label="Qualified">{count(summary.qualified)}</Figure>
      <Figure label="Qualification rate">
        {summary.qualification_rate === null ? '–' : `${Math.round(summary.qualification_rate * 1000) / 10}%`}
      </Figure>
      <Figure label="Revenue">
        {summary.revenue.length === 0 ? (
          '–'
        ) : (
          <Stack gap={0}>
            {summary.revenue.map((m) => (
              <Money key={m.currency} amount={m.amount} currency={m.currency} />
            ))}
          </Stack>
        )}
      </Figure>
      <Figure label="Rewards issued">{count(summary.rewards_issued)}</Figure>
    </SimpleGrid>
  );
}

function TopReferrersTable({ top }: { top: TopReferrers }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="top-heading">
      <Title order={2} size="h4" id="top-heading" mb="sm">
        Top referrers
      </Title>
      {top.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No referrals in this period yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Top referrers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Referrer</Table.Th>
                <Table.Th ta="right">Clicks</Table.Th>
                <Table.Th ta="right">Leads</Table.Th>
                <Table.Th ta="right">Qualified</Table.Th>
                <Table.Th ta="right">Revenue</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {top.data.map((r) => (
                <Table.Tr key={r.referrer_id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/referrers/${r.referrer_id}`} size="sm">
                      {[r.first_name, r.last_name].filter(Boolean).join(' ')}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {r.email}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{count(r.clicks)}</Table.Td>
                  <Table.Td ta="right">{count(r.leads)}</Table.Td>
                  <Table.Td ta="right">{count(r.qualified)}</Table.Td>
                  <Table.Td ta="right">
                    {r.revenue.length === 0
                      ? '–'
                      : r.revenue.map((m) => (
                          <div key={m.currency}>
                            <Money amount={m.amount} currency={m.currency} />
                          </div>
                        ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

export function OverviewPage() {
  const { scope, days, set } = useScope();
  const campaigns = useCampaignChoices();
  const summary = useSummary(scope);
  const series = useTimeseries(scope);
  const top = useTopReferrers(scope);
  return (
    <>
      <PageHeader
        title="Overview"
        description="How your referral programs are doing: clicks, sign-ups, friends referred and qualified, what referred customers paid and the rewards given, over time. Updates on its own every few seconds."
      />
      <Group mb="lg" align="flex-end" wrap="wrap">
        <Select
          label="Campaign"
          data={[
            { value: ALL, label: 'All campaigns' },
            ...(campaigns.data?.data ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
          value={scope.campaign_id ?? ALL}
          onChange={(value) => set({ campaign: value && value !== ALL ? value : undefined })}
          allowDeselect={false}
          searchable
          w={280}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="period-label">
            Period
          </Text>
          <SegmentedControl
            aria-labelledby="period-label"
            data={PERIODS.map((p) => ({ value: p, label: `${p} days` }))}
            value={days}
            onChange={(value) => set({ days: value })}
          />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="interval-label">
            Chart by
          </Text>
          <SegmentedControl
            aria-labelledby="interval-label"
            data={[
              { value: 'day', label: 'Day' },
              { value: 'week', label: 'Week' },
            ]}
            value={scope.interval}
            onChange={(value) => set({ interval: value })}
          />
        </Stack>
      </Group>
      <QueryState query={summary} label="Loading the figures">
        {(data) => <Figures summary={data} />}
      </QueryState>
      <QueryState query={series} label="Loading the charts">
        {(data) => (
          <Suspense fallback={<Skeleton h={280} mb="lg" aria-label="Loading the charts" />}>
            <OverviewCharts points={data.data} />
          </Suspense>
        )}
      </QueryState>
      <QueryState query={top} label="Loading the top referrers">
        {(data) => <TopReferrersTable top={data} />}
      </QueryState>
    </>
  );
}
