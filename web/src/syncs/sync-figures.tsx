import { Group, Paper, Progress, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import type { Sync } from './queries';

const count = new Intl.NumberFormat();

function Figure({ label, value }: { label: string; value: number | string }) {
  return (
    <Paper withBorder p="xs" role="group" aria-label={label}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="lg" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {typeof value === 'number' ? count.format(value) : value}
      </Text>
    </Paper>
  );
}

/** Seconds in words: "45 s", "3 min 20 s", "1 h 5 min". */
export function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/**
 * A sync's numbers as the server counts them: customers read and what became of them (made referrers,
 * already referrers, skipped by reason), writes back to Stripe, failures. A dry run says what it would do.
 */
export function SyncFigures({ sync }: { sync: Sync }) {
  const p = sync.progress;
  const would = sync.dry_run;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm">
      <Figure label="Customers read" value={p.customers_seen} />
      <Figure label={would ? 'Would become referrers' : 'Referrers created'} value={p.referrers_created} />
      <Figure label="Already referrers" value={p.already_referrers} />
      <Figure label="Skipped" value={p.skipped} />
      <Figure label="Skipped: blank field" value={p.skipped_by_reason.missing_field} />
      <Figure label="Skipped: campaign full" value={p.skipped_by_reason.participant_limit} />
      {would ? (
        <Figure label="Already show their values" value={p.already_current} />
      ) : (
        <>
          <Figure label="Written back" value={p.written_back} />
          <Figure label="Writes waiting" value={p.writes_waiting} />
          <Figure label="Already current" value={p.already_current} />
          <Figure label="Failed writes" value={p.write_failures} />
        </>
      )}
    </SimpleGrid>
  );
}

/**
 * Where a running sync is: customers read (the bar split by what became of them) and the writes to Stripe
 * done of those due, the rates and the time left, when the server can tell.
 */
export function SyncProgressBar({ sync }: { sync: Sync }) {
  const p = sync.progress;
  const seen = Math.max(1, p.customers_seen);
  const share = (n: number) => (n / seen) * 100;
  const writesDue = p.written_back + p.writes_waiting + p.write_failures;
  const done = sync.status !== 'running';
  const writeShare =
    writesDue === 0 ? (done || p.listing_done ? 100 : 0) : (p.written_back / writesDue) * 100;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        Customers read {p.listing_done ? '(all read)' : '(reading)'}
      </Text>
      <Progress.Root size="xl" aria-label="Customers read">
        <Tooltip label={`${count.format(p.referrers_created)} made referrers`}>
          <Progress.Section value={share(p.referrers_created)} color="green" animated={!p.listing_done} />
        </Tooltip>
        <Tooltip label={`${count.format(p.already_referrers)} already referrers`}>
          <Progress.Section value={share(p.already_referrers)} color="teal" animated={!p.listing_done} />
        </Tooltip>
        <Tooltip label={`${count.format(p.skipped)} skipped`}>
          <Progress.Section value={share(p.skipped)} color="orange" animated={!p.listing_done} />
        </Tooltip>
      </Progress.Root>
      {sync.dry_run ? null : (
        <>
          <Text size="sm" fw={600}>
            Written back to Stripe
          </Text>
          <Progress
            size="lg"
            value={Math.round(writeShare)}
            aria-label="Written back to Stripe"
            color={p.write_failures > 0 ? 'yellow' : 'blue'}
            striped={!done}
            animated={!done}
          />
        </>
      )}
      <Group gap="lg">
        <Text size="sm" aria-label="Rate">
          {p.customers_per_second === null ? '—' : `${p.customers_per_second} customers/s`}
          {p.writes_per_second === null ? '' : `, ${p.writes_per_second} writes/s`}
        </Text>
        <Text size="sm" aria-label="Time left">
          {sync.status === 'running'
            ? p.eta_seconds === null
              ? 'Time left: not known yet (run a dry run first to know the total)'
              : `Time left: about ${duration(p.eta_seconds)}`
            : ''}
        </Text>
      </Group>
    </Stack>
  );
}
