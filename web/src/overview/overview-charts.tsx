import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { minorUnits } from '../ui/money';
import type { Point } from './queries';

const COLORS = ['teal.6', 'grape.6', 'orange.6', 'indigo.6', 'red.6', 'lime.7'];

function ChartCard({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The figures over time; loaded with the overview only once it has data, so the first screen stays light. */
export function OverviewCharts({ points }: { points: Point[] }) {
  const people = points.map((p) => ({
    start: p.start,
    'Sign-ups': p.sign_ups,
    Leads: p.leads,
    Qualified: p.qualified,
    'Rewards issued': p.rewards_issued,
  }));
  const clicks = points.map((p) => ({ start: p.start, Clicks: p.clicks }));
  const currencies = [...new Set(points.flatMap((p) => p.revenue.map((m) => m.currency)))].sort();
  const revenue = points.map((p) => ({
    start: p.start,
    ...Object.fromEntries(
      currencies.map((c) => [
        c.toUpperCase(),
        (p.revenue.find((m) => m.currency === c)?.amount ?? 0) / minorUnits(c.toUpperCase()),
      ]),
    ),
  }));
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" mb="lg">
      <ChartCard title="Referrals over time" id="chart-people">
        <LineChart
          h={240}
          data={people}
          dataKey="start"
          withLegend
          curveType="monotone"
          series={[
            { name: 'Sign-ups', color: 'blue.6' },
            { name: 'Leads', color: 'violet.6' },
            { name: 'Qualified', color: 'green.6' },
            { name: 'Rewards issued', color: 'orange.6' },
          ]}
        />
      </ChartCard>
      <ChartCard title="Clicks over time" id="chart-clicks">
        <BarChart h={240} data={clicks} dataKey="start" series={[{ name: 'Clicks', color: 'cyan.6' }]} />
      </ChartCard>
      <ChartCard title="Revenue over time" id="chart-revenue">
        {currencies.length === 0 ? (
          <Text size="sm" c="dimmed">
            No payments from referred customers in this period.
          </Text>
        ) : (
          <BarChart
            h={240}
            data={revenue}
            dataKey="start"
            withLegend
            valueFormatter={(v) => v.toLocaleString()}
            series={currencies.map((c, i) => ({ name: c.toUpperCase(), color: COLORS[i % COLORS.length]! }))}
          />
        )}
        {currencies.length > 0 ? (
          <Text size="xs" c="dimmed" mt="xs">
            Net of refunds, in whole units of each currency.
          </Text>
        ) : null}
      </ChartCard>
    </SimpleGrid>
  );
}
